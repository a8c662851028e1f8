#pragma once
// The note being viewed: its parsed model, where it lives, and the duration its citations
// were last resolved against. Only pure core calls happen here (parseNote, resolveTimestamps,
// renderHtml, findNoteInFolder); nothing is shown and nothing is ever written.

#include "note/Note.h"

#include <QObject>
#include <QString>

#include <functional>
#include <optional>

namespace scholia::gui {

class NoteSession : public QObject {
    Q_OBJECT
public:
    // Larger files are refused rather than parsed: no note is this big, and parsing must stay instant.
    static constexpr qint64 maxNoteBytes = 16 * 1024 * 1024;

    explicit NoteSession(QObject* parent = nullptr);

    // Reads and parses `path`. On failure the current note is kept and `error` says why.
    bool load(const QString& path, QString* error);

    bool hasNote() const { return m_loaded; }
    const Note& note() const { return m_note; }
    QString path() const { return m_path; }
    QString folder() const;
    QString fileName() const;
    QString title() const;
    QString videoId() const;

    // Re-resolves the citations against the video's real length. False (and nothing emitted)
    // when `ms` is not a usable duration or is the one already used.
    bool setDurationMs(qint64 ms);
    std::optional<qint64> durationMs() const { return m_durationMs; }

    // The note as HTML for NoteView; wikilinks that lead nowhere in the note's folder (or by
    // the link check, when one is set and has an answer) are styled as unresolved.
    QString html() const;

    // Whether a wikilink target of the current note leads to a note; nothing: ask the folder.
    // MainWindow sets one that asks the vault.
    using LinkCheck = std::function<std::optional<bool>(const QString& target)>;
    void setLinkCheck(LinkCheck check) { m_linkCheck = std::move(check); }

    struct WikiLinkCheck {
        bool exists = false;
        bool byLinkCheck = false;  // the link check (the vault) answered; else the note's folder did
    };
    // Whether wikilink `target` of the current note leads to a note: the one answer that the
    // note's HTML and its link diagnostics both use.
    WikiLinkCheck checkWikiLink(const std::string& target) const;

    const Citation* citation(int index) const;

    // The file a wikilink target means, searched in the note's folder; empty if none.
    QString notePathForWikiLink(const QString& target) const;

    // The heading anchor that a wikilink fragment ("Historical Context") names, or empty.
    QString anchorForFragment(const QString& fragment) const;

Q_SIGNALS:
    void noteLoaded();
    void citationsResolved();

private:
    Note m_note;
    QString m_path;
    bool m_loaded = false;
    std::optional<qint64> m_durationMs;
    LinkCheck m_linkCheck;
};

}  // namespace scholia::gui
