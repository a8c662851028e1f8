#include "player/MediaFileCheck.h"

#include <QFileInfo>
#include <QObject>

namespace scholia::gui {

QString mediaFileProblem(const QString& path)
{
    if (path.isEmpty())
        return QObject::tr("No video file was given.");
    const QFileInfo info(path);
    const QString name = info.fileName();
    if (!info.exists())
        return QObject::tr("%1 does not exist.").arg(path);
    if (info.isDir())
        return QObject::tr("%1 is a folder, not a video file.").arg(name);
    if (!info.isFile())
        return QObject::tr("%1 is not a regular file.").arg(name);
    if (!info.isReadable())
        return QObject::tr("%1 cannot be read (no permission).").arg(name);
    if (info.size() == 0)
        return QObject::tr("%1 is empty (0 bytes).").arg(name);
    return {};
}

}  // namespace scholia::gui
