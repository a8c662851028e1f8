#pragma once
// The user's annotations file for the current note: read, changed (add, edit, delete, undo)
// and written back atomically with QSaveFile. Every change is made against the text last
// read; if the file changed on disk since (another program, a sync tool), both versions are
// merged line-wise (core/annotations/LineMerge.h) and the status says so. Only when the same
// line was changed both ways is the user asked, and even then nothing is dropped.

#include "annotations/AnnotationFile.h"

#include <QList>
#include <QObject>
#include <QString>

#include <functional>
#include <optional>
#include <string>
#include <vector>

class QFileSystemWatcher;

namespace scholia::gui {

class AnnotationStore : public QObject {
    Q_OBJECT
public:
    // Asked on a real conflict with the words to show; true writes the merge (which keeps both
    // versions of the conflicting lines), false drops this change and keeps the file as it is.
    using ConflictHandler = std::function<bool(const QString& message)>;

    explicit AnnotationStore(QObject* parent = nullptr);

    // Starts working on `path` (it need not exist yet: the first add creates it with a header
    // naming `noteTitle` and `videoId`). An empty path closes.
    void open(const QString& path, const QString& noteTitle, const QString& videoId);
    void close() { open({}, {}, {}); }

    QString path() const { return m_path; }
    bool isOpen() const { return !m_path.isEmpty(); }
    const std::vector<Annotation>& annotations() const { return m_annotations; }
    QList<qint64> times() const;
    // The file as last read or written.
    const std::string& text() const { return m_text; }

    bool add(qint64 ms, const QString& text);
    // `original` as it was when the user started editing; found again by time and text even
    // if lines moved since. False (and nothing written) when it is gone.
    bool edit(const Annotation& original, const QString& newText);
    bool remove(const Annotation& original);
    // Reverts the last add, edit or delete still on the stack, keeping changes made since by others.
    bool undo();
    bool canUndo() const { return !m_undo.empty(); }
    QString undoText() const;

    // Rereads the file now (the watcher does it on its own); true if it changed.
    bool reload();

    void setConflictHandler(ConflictHandler handler) { m_conflictHandler = std::move(handler); }
    QString lastError() const { return m_lastError; }

Q_SIGNALS:
    void changed();
    // Times of every annotation, for marks on the seek bar.
    void annotationsChanged(const QList<qint64>& times);
    void message(const QString& text);
    void undoAvailable(bool available);

private:
    struct Step {
        std::string before;  // the file before our write
        std::string after;   // the file as we wrote it
        QString what;        // "add", "edit", "delete"
    };
    bool commit(const std::string& desired, const QString& what, bool recordUndo);
    std::optional<std::string> readDisk(QString* error) const;
    bool writeDisk(const std::string& text);
    const Annotation* find(const Annotation& original) const;
    void setText(std::string text);
    void watch();

    QString m_path;
    std::string m_header;  // written first when the file does not exist yet
    std::string m_text;    // the file as last read or written; the base of every merge
    std::vector<Annotation> m_annotations;
    std::vector<Step> m_undo;
    QFileSystemWatcher* m_watcher = nullptr;
    ConflictHandler m_conflictHandler;
    QString m_lastError;
};

}  // namespace scholia::gui
