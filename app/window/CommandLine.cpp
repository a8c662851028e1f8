#include "window/CommandLine.h"

#include <QCoreApplication>
#include <QFileInfo>

namespace scholia::gui {

CommandLine::CommandLine()
    : m_videoOption(QStringList{QStringLiteral("video")},
                    QCoreApplication::translate("CommandLine", "Play FILE beside the note."), QStringLiteral("FILE")),
      m_helpOption(m_parser.addHelpOption()), m_versionOption(m_parser.addVersionOption())
{
    m_parser.setApplicationDescription(
        QCoreApplication::translate("CommandLine", "Study a video beside its Markdown notes."));
    m_parser.addPositionalArgument(
        QStringLiteral("note"),
        QCoreApplication::translate("CommandLine",
                                    "A note (.md) or a folder of notes. Without it, the last note is reopened."),
        QStringLiteral("[NOTE.md | FOLDER]"));
    m_parser.addOption(m_videoOption);
}

bool CommandLine::parse(const QStringList& arguments)
{
    m_error.clear();
    m_target.clear();
    m_video.clear();
    if (!m_parser.parse(arguments)) {
        m_error = m_parser.errorText();
        return false;
    }
    const QStringList positional = m_parser.positionalArguments();
    if (positional.size() > 1) {
        m_error = QCoreApplication::translate("CommandLine", "Give one note or folder, not %1.").arg(positional.size());
        return false;
    }
    if (!positional.isEmpty())
        m_target = QFileInfo(positional.first()).absoluteFilePath();
    if (m_parser.isSet(m_videoOption)) {
        const QString video = m_parser.value(m_videoOption);
        if (video.isEmpty()) {
            m_error = QCoreApplication::translate("CommandLine", "--video needs a file name.");
            return false;
        }
        m_video = QFileInfo(video).absoluteFilePath();
    }
    return true;
}

bool CommandLine::helpRequested() const
{
    return m_parser.isSet(m_helpOption) || m_parser.isSet(QStringLiteral("help-all"));
}

bool CommandLine::versionRequested() const
{
    return m_parser.isSet(m_versionOption);
}

QString CommandLine::helpText() const
{
    return m_parser.helpText();
}

}  // namespace scholia::gui
