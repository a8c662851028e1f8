#pragma once
// Which video file goes with a note. In order: the file given on the command line (the
// caller passes it), front matter `video:`, a file named after the note's videoId in the
// note's folder or a media folder (core's locateVideo), then the file the user picked
// earlier for this videoId. Media folders and picked files live in QSettings.

#include "note/Note.h"

#include <QString>
#include <QStringList>

#include <optional>

namespace scholia::gui {

struct VideoChoice {
    QString path;
    QString how;  // in words, for the status bar: "front matter video:", "picked earlier for i_4Jtcev5VY"
};

class VideoFinder {
public:
    std::optional<VideoChoice> find(const Note& note, const QString& notePath) const;

    void rememberForVideoId(const QString& videoId, const QString& path);
    QString rememberedForVideoId(const QString& videoId) const;

    QStringList mediaFolders() const;
    void setMediaFolders(const QStringList& folders);

    // The duration yt-dlp recorded in "<stem>.info.json" beside the video, if any.
    static std::optional<qint64> infoJsonDurationMs(const QString& videoPath);
};

}  // namespace scholia::gui
