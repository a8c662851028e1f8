#pragma once
// The open vault: owns core's VaultIndex, builds it on background threads (VaultIndexBuild)
// while the GUI polls progress, and keeps it in step with the disk (QFileSystemWatcher:
// folders for notes added or removed, the shown note for edits; notes other programs saved are
// found by their file stamps, see checkForChanges()). Answers the questions the
// vault views ask, in QStrings and absolute paths. Never writes a file.
//
// The panes' questions that scan the whole vault or read other notes (backlinks with their
// sentences, every note and citation of a video) can be asked on a worker thread: the answer
// comes back as a signal. The index changes only on the GUI thread, under m_indexLock; the
// worker reads it under a shared lock.

#include "vault/VaultIndex.h"

#include <QHash>
#include <QObject>
#include <QString>
#include <QStringList>

#include <QThreadPool>

#include <atomic>
#include <memory>
#include <optional>
#include <shared_mutex>
#include <thread>
#include <vector>

class QFileSystemWatcher;
class QTimer;

namespace scholia {
class VaultIndexBuild;
}

namespace scholia::gui {

// Where a search result, backlink or citation of the vault leads.
struct VaultPlace {
    QString path;  // absolute note path
    QString title;
    int claim = -1;  // index into the note's claims; -1: the top of the note
    int line = 0;
    std::optional<qint64> ms;  // the claim's (first) citation time
    QString snippet;           // plain text excerpt

    friend bool operator==(const VaultPlace&, const VaultPlace&) = default;
};

// One note as the sidebar lists it.
struct VaultNoteRow {
    QString path;          // absolute
    QString relativePath;  // inside the vault, '/'-separated
    QString title;
    QString videoId;
};

// What the views need of the whole vault, gathered once per change (20,000 notes take a
// few hundred ms, so the first one is gathered off the GUI thread).
struct VaultOverview {
    std::vector<VaultNoteRow> notes;      // by path
    QStringList folders;                  // absolute, every folder holding a note
    QHash<QString, QString> videoTitles;  // videoId -> the title of its main note (VideoNotes)
    std::size_t unresolvedLinks = 0;
};

class VaultSession : public QObject {
    Q_OBJECT
public:
    explicit VaultSession(QObject* parent = nullptr);
    ~VaultSession() override;

    // Starts indexing `folder` (any earlier build is cancelled). False if it is not a folder.
    bool open(const QString& folder);
    void close();

    bool isOpen() const { return !m_root.isEmpty(); }
    bool isReady() const { return m_ready.load(); }
    QString root() const { return m_root; }
    const VaultIndex& index() const { return m_index; }
    const VaultOverview& overview() const { return m_overview; }

    bool contains(const QString& notePath) const;
    std::optional<NoteId> noteOf(const QString& notePath) const;
    QString pathOf(NoteId note) const;
    QString titleOf(NoteId note) const;

    // The note a wikilink written in `fromPath` leads to, by the vault's rules; empty if none.
    QString resolveLink(const QString& target, const QString& fromPath) const;
    bool linkResolves(const QString& target, const QString& fromPath) const;

    QList<VaultPlace> backlinks(const QString& notePath) const;
    // The links of this note that lead to no note of the vault, by line (title: "[[target]]").
    QList<VaultPlace> unresolvedLinks(const QString& notePath) const;
    QList<VaultPlace> search(const QString& query, int maxHits = 50) const;
    QList<VaultPlace> quickOpen(const QString& query, int maxHits = 20) const;
    QList<VaultPlace> videoCitations(const QString& videoId) const;  // by time
    QList<VaultPlace> videoNotes(const QString& videoId) const;      // by path

    // The same questions answered off the GUI thread; backlinksFound() and videoFound()
    // bring the answers back (the newest request of each kind; an older one may be dropped).
    void requestBacklinks(const QString& notePath);
    void requestVideo(const QString& videoId);

    // The note a folder opens on, found at once without indexing it (core's firstNoteFile):
    // an index note ("index.md", "README.md", "home.md") at its top, else the first note by
    // path; empty when there is no note below it.
    static QString firstNoteIn(const QString& folder);

    // The first note of the index by path: the fallback once the index is ready, when the note
    // firstNoteIn() chose could not be read. Empty before that, or for an empty vault.
    QString firstIndexedNote() const;

    // Follow this note's file for edits and deletion (one file at a time: the shown one).
    void watchNote(const QString& notePath);

    // Re-reads, in the background, the notes whose files changed since they were read: saved
    // by an editor, replaced, or deleted (a few per turn of the event loop, then indexChanged()).
    // A watch on 20,000 files is more than inotify allows, so this runs when the application
    // becomes active again, when a folder of the vault changes, and every changeCheckMs.
    void checkForChanges();
    static constexpr int changeCheckMs = 30'000;

Q_SIGNALS:
    void indexingStarted(const QString& root);
    void progress(qint64 indexed, qint64 found, bool listingDone);
    void indexReady();    // the whole index is in place (or a cancelled part of it)
    void indexChanged();  // a note was added, re-read or removed after indexReady
    void noteChangedOnDisk(const QString& notePath);
    void noteRemovedFromDisk(const QString& notePath);
    void backlinksFound(const QString& notePath, const QList<VaultPlace>& backlinks,
                        const QList<VaultPlace>& unresolved);
    void videoFound(const QString& videoId, const QList<VaultPlace>& notes, const QList<VaultPlace>& citations);

private:
    void pollProgress();
    void onBuildFinished();
    void onOverviewGathered();
    VaultOverview gatherOverview() const;
    void stopGathering();
    void watchFolders();
    void onFolderChanged(const QString& folder);
    void onFileChanged(const QString& file);
    void applyChanges(std::vector<std::string> relativePaths);
    void refreshOverview();  // gathered off the GUI thread, then indexChanged()
    QString absolute(const std::string& relativePath) const;
    // Runs `change` on the index with no worker reading it.
    template <typename Change>
    auto changeIndex(Change&& change);
    // Runs `answer` on the worker thread under a shared lock, `finish` on its result there
    // without the lock, then `deliver` on the GUI thread, unless the vault was closed or
    // reopened meanwhile.
    template <typename Answer, typename Finish, typename Deliver>
    void askInBackground(Answer answer, Finish finish, Deliver deliver);
    template <typename Answer, typename Deliver>
    void askInBackground(Answer answer, Deliver deliver);

    // The notes linking to a note, from the index; then the sentence around each link, from
    // their files (no index needed).
    struct LinkingPlaces {
        QList<VaultPlace> places;
        std::vector<Backlink> links;  // one per place
    };
    LinkingPlaces linkingPlaces(const QString& notePath) const;
    static QList<VaultPlace> withSentences(LinkingPlaces found);

    QString m_root;  // canonical
    VaultIndex m_index;
    std::unique_ptr<VaultIndexBuild> m_build;
    VaultOverview m_overview;
    VaultOverview m_gathered;  // written by m_gathering, read once it has finished
    std::thread m_gathering;
    std::atomic<bool> m_ready = false;
    QTimer* m_pollTimer = nullptr;
    QTimer* m_changeTimer = nullptr;
    QFileSystemWatcher* m_watcher = nullptr;
    QString m_watchedNote;
    mutable std::shared_mutex m_indexLock;
    std::atomic<quint64> m_generation = 0;  // a new one each time the index is replaced
    QThreadPool m_queries;                  // last: it ends (waiting for its task) first
};

}  // namespace scholia::gui
