#include "player/VideoFinder.h"

#include "common/CoreBridge.h"
#include "common/SettingsKeys.h"
#include "media/VideoLocator.h"

#include <QFileInfo>
#include <QSettings>
#include <QUrl>

namespace scholia::gui {

namespace {

// videoIds are used as settings keys: keep '/' and other separators out of the key.
QString keyFor(const QString& videoId)
{
    return SettingsKeys::videoForIdPrefix + QString::fromLatin1(QUrl::toPercentEncoding(videoId));
}

}  // namespace

std::optional<VideoChoice> VideoFinder::find(const Note& note, const QString& notePath) const
{
    VideoQuery query;
    query.notePath = toPath(notePath);
    query.videoId = note.frontMatter.videoId;
    query.videoField = note.frontMatter.video;
    for (const QString& folder : mediaFolders())
        query.mediaFolders.push_back(toPath(folder));
    if (const auto match = locateVideo(query))
        return VideoChoice{fromPath(match->path), toQString(match->how)};

    const QString videoId = toQString(note.frontMatter.videoId);
    const QString remembered = rememberedForVideoId(videoId);
    if (!remembered.isEmpty() && QFileInfo(remembered).isFile())
        return VideoChoice{remembered, QObject::tr("picked earlier for %1").arg(videoId)};
    return std::nullopt;
}

void VideoFinder::rememberForVideoId(const QString& videoId, const QString& path)
{
    if (videoId.isEmpty())
        return;
    QSettings().setValue(keyFor(videoId), QFileInfo(path).absoluteFilePath());
}

QString VideoFinder::rememberedForVideoId(const QString& videoId) const
{
    if (videoId.isEmpty())
        return {};
    return QSettings().value(keyFor(videoId)).toString();
}

QStringList VideoFinder::mediaFolders() const
{
    return QSettings().value(SettingsKeys::mediaFolders).toStringList();
}

void VideoFinder::setMediaFolders(const QStringList& folders)
{
    QSettings().setValue(SettingsKeys::mediaFolders, folders);
}

std::optional<qint64> VideoFinder::infoJsonDurationMs(const QString& videoPath)
{
    const auto ms = readInfoJsonDurationMs(toPath(videoPath));
    if (!ms || *ms <= 0)
        return std::nullopt;
    return static_cast<qint64>(*ms);
}

}  // namespace scholia::gui
