#include "note/NoteSession.h"

#include "common/CoreBridge.h"
#include "note/NoteParser.h"
#include "note/NoteResolver.h"
#include "render/HtmlRenderer.h"
#include "vault/NoteLinkResolver.h"

#include <QFile>
#include <QFileInfo>

namespace scholia::gui {

namespace {

// Lower-case letters and digits only: "Historical Context: Iran" ~ "historical-context-iran".
QString looseKey(const QString& text)
{
    QString key;
    for (const QChar c : text) {
        if (c.isLetterOrNumber())
            key += c.toLower();
    }
    return key;
}

}  // namespace

NoteSession::NoteSession(QObject* parent) : QObject(parent)
{
    setObjectName(QStringLiteral("noteSession"));
}

bool NoteSession::load(const QString& path, QString* error)
{
    const QFileInfo info(path);
    QString problem;
    if (!info.exists())
        problem = tr("%1 does not exist.").arg(path);
    else if (!info.isFile())
        problem = tr("%1 is not a note file.").arg(info.fileName());
    else if (info.size() > maxNoteBytes)
        problem = tr("%1 is too large to be a note (%2 MB).").arg(info.fileName()).arg(info.size() >> 20);

    QByteArray bytes;
    if (problem.isEmpty()) {
        QFile file(path);
        if (file.open(QIODevice::ReadOnly))
            bytes = file.readAll();
        else
            problem = tr("Cannot read %1: %2").arg(info.fileName(), file.errorString());
    }
    // Like the vault (core readNoteFile): a NUL byte in the first 8 KB means a binary file,
    // not a note; it would only show as replacement characters.
    if (problem.isEmpty() && bytes.left(8192).contains('\0'))
        problem = tr("%1 is a binary file, not a Markdown note.").arg(info.fileName());
    if (!problem.isEmpty()) {
        if (error)
            *error = problem;
        return false;
    }

    m_path = info.absoluteFilePath();
    m_durationMs.reset();
    // resolveTimestamps without a duration uses the front matter's, if any.
    m_note = resolveTimestamps(
        parseNote(std::string_view(bytes.constData(), static_cast<std::size_t>(bytes.size())), toUtf8(m_path)));
    m_loaded = true;
    Q_EMIT noteLoaded();
    return true;
}

QString NoteSession::folder() const
{
    return m_path.isEmpty() ? QString() : QFileInfo(m_path).absolutePath();
}

QString NoteSession::fileName() const
{
    return QFileInfo(m_path).fileName();
}

QString NoteSession::title() const
{
    return toQString(m_note.displayTitle());
}

QString NoteSession::videoId() const
{
    return toQString(m_note.frontMatter.videoId);
}

bool NoteSession::setDurationMs(qint64 ms)
{
    if (!m_loaded || ms <= 0 || m_durationMs == ms)
        return false;
    m_durationMs = ms;
    m_note = resolveTimestamps(std::move(m_note), ms);
    Q_EMIT citationsResolved();
    return true;
}

QString NoteSession::html() const
{
    RenderOptions options;
    options.resolveWikiLink = [this](const WikiLink& link) {
        WikiLinkTarget target;
        target.exists = checkWikiLink(link.target).exists;
        return target;
    };
    return toQString(renderHtml(m_note, options));
}

NoteSession::WikiLinkCheck NoteSession::checkWikiLink(const std::string& target) const
{
    if (const std::optional<bool> checked = m_linkCheck ? m_linkCheck(toQString(target)) : std::nullopt)
        return {*checked, true};
    return {findNoteInFolder(toPath(folder()), target).has_value(), false};
}

const Citation* NoteSession::citation(int index) const
{
    if (index < 0 || static_cast<std::size_t>(index) >= m_note.citations.size())
        return nullptr;
    return &m_note.citations[static_cast<std::size_t>(index)];
}

QString NoteSession::notePathForWikiLink(const QString& target) const
{
    if (!m_loaded)
        return {};
    const auto found = findNoteInFolder(toPath(folder()), toUtf8(target));
    return found ? fromPath(found->path) : QString();
}

QString NoteSession::anchorForFragment(const QString& fragment) const
{
    if (fragment.isEmpty())
        return {};
    const std::string exact = toUtf8(fragment);
    for (const Heading& heading : m_note.outline) {
        if (heading.anchor == exact)
            return toQString(heading.anchor);
    }
    // Wikilinks name headings by their text, as written by hand: compare loosely.
    const QString wanted = looseKey(fragment);
    for (const Heading& heading : m_note.outline) {
        if (looseKey(toQString(heading.text)) == wanted || looseKey(toQString(heading.anchor)) == wanted)
            return toQString(heading.anchor);
    }
    return {};
}

}  // namespace scholia::gui
