#pragma once
// The rendered note. Read-only, and never loads anything remote: links are not followed
// by QTextBrowser but turned into intent signals, and resources load only from local files
// inside the note's folder (anything else becomes a placeholder image). Citation tooltips
// are the renderer's title attributes (what was written, how it was read).

#include <QStringList>
#include <QTextBrowser>

namespace scholia::gui {

class NoteView : public QTextBrowser {
    Q_OBJECT
public:
    explicit NoteView(QWidget* parent = nullptr);

    // A new note: resources resolve against `folder`; the view starts at the top.
    void showNote(const QString& html, const QString& folder);
    // The same note rendered again (citations re-resolved): the scroll position is kept.
    // Nothing is done when the HTML is what is shown already (laying a long note out again
    // stalls the window for tens of milliseconds).
    void refreshNote(const QString& html);
    // Scrolls to `vertical` once the whole note is laid out, so that a far offset fits.
    void scrollToOffset(int vertical);
    // No note: a plain-text explanation instead.
    void showPlaceholder(const QString& text);

    bool scrollToFragment(const QString& anchor);

    // Finds `text`, wrapping around. `incremental` searches again from the current match's
    // start (the find-as-you-type case) instead of after it.
    bool findText(const QString& text, bool backward, bool incremental = false);

    QVariant loadResource(int type, const QUrl& name) override;
    // Every resource refused so far for the current note, as requested.
    QStringList refusedResources() const { return m_refused; }
    static QImage placeholderImage();

Q_SIGNALS:
    void citationActivated(qint64 ms, int citationIndex);
    void citationHovered(qint64 ms);
    void wikiLinkActivated(const QString& target, const QString& fragment);
    void externalLinkActivated(const QUrl& url);
    // A link inside one of the user's annotations: "annotation:edit/3" -> ("edit", 3).
    void annotationLinkActivated(const QString& action, int annotationIndex);

protected:
    bool viewportEvent(QEvent* event) override;

private:
    void onAnchorClicked(const QUrl& url);
    void onHighlighted(const QUrl& url);
    QTextCharFormat formatAt(const QPoint& viewportPos) const;
    bool isInsideNoteFolder(const QString& canonicalPath) const;
    QVariant loadLocalImage(const QUrl& url);

    QString m_html;    // what is shown; empty for a placeholder
    QString m_folder;  // canonical path of the note's folder; empty = nothing local may load
    QStringList m_refused;
};

}  // namespace scholia::gui
