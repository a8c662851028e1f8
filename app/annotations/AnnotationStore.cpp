#include "annotations/AnnotationStore.h"

#include "annotations/LineMerge.h"
#include "common/AtomicWrite.h"
#include "common/CoreBridge.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QFileSystemWatcher>

#include <algorithm>
#include <cstdlib>

namespace scholia::gui {

namespace {
constexpr qint64 maxFileBytes = 16 * 1024 * 1024;  // the same bound as for notes
}

AnnotationStore::AnnotationStore(QObject* parent) : QObject(parent), m_watcher(new QFileSystemWatcher(this))
{
    connect(m_watcher, &QFileSystemWatcher::fileChanged, this, [this] { reload(); });
    // A QSaveFile write (ours or another program's) replaces the file: the folder sees it.
    connect(m_watcher, &QFileSystemWatcher::directoryChanged, this, [this] { reload(); });
}

void AnnotationStore::open(const QString& path, const QString& noteTitle, const QString& videoId)
{
    if (!m_watcher->files().isEmpty())
        m_watcher->removePaths(m_watcher->files());
    if (!m_watcher->directories().isEmpty())
        m_watcher->removePaths(m_watcher->directories());
    m_path = path;
    m_header = newAnnotationsFile(toUtf8(noteTitle), toUtf8(videoId));
    m_undo.clear();
    m_lastError.clear();
    QString error;
    const auto disk = path.isEmpty() ? std::optional<std::string>() : readDisk(&error);
    if (!error.isEmpty())
        Q_EMIT message(error);
    setText(disk.value_or(std::string()));
    watch();
    Q_EMIT undoAvailable(false);
}

QList<qint64> AnnotationStore::times() const
{
    QList<qint64> out;
    for (const Annotation& annotation : m_annotations)
        out << annotation.ms;
    return out;
}

QString AnnotationStore::undoText() const
{
    return m_undo.empty() ? QString() : tr("Undo Annotation %1").arg(m_undo.back().what);
}

bool AnnotationStore::add(qint64 ms, const QString& text)
{
    return commit(appendAnnotation(m_text, std::max<qint64>(0, ms), toUtf8(text), m_header), tr("add"), true);
}

const Annotation* AnnotationStore::find(const Annotation& original) const
{
    const Annotation* best = nullptr;
    for (const Annotation& a : m_annotations)
        if (a.ms == original.ms && a.text == original.text
            && (!best || std::abs(a.line - original.line) < std::abs(best->line - original.line)))
            best = &a;
    return best;
}

bool AnnotationStore::edit(const Annotation& annotation, const QString& newText)
{
    const Annotation original = annotation;  // reload() replaces the list it may come from
    reload();
    const Annotation* current = find(original);
    if (const auto desired = current ? editAnnotation(m_text, current->line, toUtf8(newText)) : std::nullopt)
        return commit(*desired, tr("edit"), true);
    // Changed or removed elsewhere while the user was editing it: the same line changed both
    // ways. Keeping both means adding this version beside theirs.
    const QString question
        = tr("Your annotation at %1 was changed or removed in another program while you were editing it.\n\n"
             "Keep both (yours is added as a new annotation at the same time), or drop your edit?")
              .arg(toQString(formatDataT(original.ms)));
    if (m_conflictHandler && m_conflictHandler(question))
        return commit(appendAnnotation(m_text, original.ms, toUtf8(newText), m_header), tr("edit"), true);
    m_lastError
        = tr("Kept %1 as changed in another program; your edit was not written.").arg(QFileInfo(m_path).fileName());
    Q_EMIT message(m_lastError);
    return false;
}

bool AnnotationStore::remove(const Annotation& annotation)
{
    const Annotation original = annotation;
    reload();
    const Annotation* current = find(original);
    const auto desired = current ? deleteAnnotation(m_text, current->line) : std::nullopt;
    if (!desired) {
        m_lastError = tr("That annotation was already changed or removed in another program.");
        Q_EMIT message(m_lastError);
        return false;
    }
    return commit(*desired, tr("delete"), true);
}

bool AnnotationStore::undo()
{
    if (m_undo.empty())
        return false;
    const Step step = m_undo.back();
    reload();
    // Reverting is merging "before" into what is there now, with "after" as the base: changes
    // others made since are kept.
    const MergeResult reverted = mergeLines(step.after, step.before, m_text);
    if (reverted.conflicts > 0) {
        m_lastError
            = tr("Cannot undo the %1: the lines it changed were changed again in another program.").arg(step.what);
        Q_EMIT message(m_lastError);
        return false;
    }
    m_undo.pop_back();
    const bool ok = commit(reverted.text, step.what, false);
    if (ok)
        Q_EMIT message(tr("Undid the annotation %1.").arg(step.what));
    else
        m_undo.push_back(step);
    Q_EMIT undoAvailable(!m_undo.empty());
    return ok;
}

bool AnnotationStore::commit(const std::string& desired, const QString& what, bool recordUndo)
{
    m_lastError.clear();
    if (m_path.isEmpty()) {
        m_lastError = tr("No note is open, so there is no annotations file.");
        Q_EMIT message(m_lastError);
        return false;
    }
    QString error;
    const auto disk = readDisk(&error);
    if (!error.isEmpty()) {
        m_lastError = error;
        Q_EMIT message(error);
        return false;
    }
    const std::string onDisk = disk.value_or(std::string());
    std::string result = desired;
    QString mergedNote;
    if (onDisk != m_text) {
        // Changed since we read it: keep both sides.
        MergeResult merged = mergeLines(m_text, desired, onDisk);
        if (merged.conflicts > 0) {
            const QString question = tr("%1 was changed in another program, and %2 of the lines this %3 touches were "
                                        "changed there too.\n\n"
                                        "Keep both versions of those lines (yours after theirs), or drop this %3 and "
                                        "keep the file as it is?")
                                         .arg(QFileInfo(m_path).fileName())
                                         .arg(merged.conflicts)
                                         .arg(what);
            if (!m_conflictHandler || !m_conflictHandler(question)) {
                setText(onDisk);
                m_lastError = tr("Kept %1 as changed in another program; your %2 was not written.")
                                  .arg(QFileInfo(m_path).fileName(), what);
                Q_EMIT message(m_lastError);
                return false;
            }
        }
        result = std::move(merged.text);
        mergedNote
            = tr(" %1 had changed in another program: both versions were merged.").arg(QFileInfo(m_path).fileName());
    }
    // Deleted elsewhere: what is written now starts a new file, which is a note like any other.
    if (!disk && !result.empty() && result.rfind("---", 0) != 0)
        result = m_header + result;
    if (!writeDisk(result))
        return false;
    if (recordUndo) {
        m_undo.push_back({onDisk, result, what});
        Q_EMIT undoAvailable(true);
    }
    setText(result);
    if (!mergedNote.isEmpty())
        Q_EMIT message(mergedNote.trimmed());
    return true;
}

std::optional<std::string> AnnotationStore::readDisk(QString* error) const
{
    QFile file(m_path);
    if (!file.exists())
        return std::nullopt;
    if (file.size() > maxFileBytes) {
        *error = tr("%1 is too large to be an annotations file; it is left alone.").arg(QFileInfo(m_path).fileName());
        return std::nullopt;
    }
    if (!file.open(QIODevice::ReadOnly)) {
        *error = tr("Could not read %1: %2").arg(QDir::toNativeSeparators(m_path), file.errorString());
        return std::nullopt;
    }
    const QByteArray bytes = file.readAll();
    return std::string(bytes.constData(), static_cast<std::size_t>(bytes.size()));
}

bool AnnotationStore::writeDisk(const std::string& text)
{
    const QFileInfo info(m_path);
    if (!QDir().mkpath(info.absolutePath())) {
        m_lastError = tr("Could not create the folder %1.").arg(QDir::toNativeSeparators(info.absolutePath()));
        Q_EMIT message(m_lastError);
        return false;
    }
    const QString failure = writeFileAtomically(m_path, QByteArray(text.data(), static_cast<qsizetype>(text.size())));
    if (!failure.isEmpty()) {
        m_lastError = failure;
        Q_EMIT message(m_lastError);
        return false;
    }
    watch();
    return true;
}

bool AnnotationStore::reload()
{
    if (m_path.isEmpty())
        return false;
    watch();  // a replaced file must be watched again
    QString error;
    const auto disk = readDisk(&error);
    if (!error.isEmpty())
        return false;  // keep what we have; the next write says why
    const std::string text = disk.value_or(std::string());
    if (text == m_text)
        return false;
    setText(text);
    Q_EMIT message(tr("%1 changed in another program; reloaded.").arg(QFileInfo(m_path).fileName()));
    return true;
}

void AnnotationStore::setText(std::string text)
{
    m_text = std::move(text);
    m_annotations = readAnnotations(m_text);
    Q_EMIT changed();
    Q_EMIT annotationsChanged(times());
}

void AnnotationStore::watch()
{
    if (m_path.isEmpty())
        return;
    const QString folder = QFileInfo(m_path).absolutePath();
    if (QFileInfo(folder).isDir() && !m_watcher->directories().contains(folder))
        m_watcher->addPath(folder);
    if (QFileInfo::exists(m_path) && !m_watcher->files().contains(m_path))
        m_watcher->addPath(m_path);
}

}  // namespace scholia::gui
