#pragma once
// "Capture frame": the frame the player shows, saved as a PNG in an attachments/ folder
// beside the annotations file, for an annotation that embeds it (![[attachments/...png]]).

#include <QImage>
#include <QString>

class QVideoSink;

namespace scholia::gui {

class FrameCapture {
public:
    // The frame `sink` shows now, at the video's own size; null when there is none.
    // `startMs` gets the frame's own time when it has one: during playback the picture can be a
    // frame ahead of the player's reported position, and the annotation must name the picture.
    static QImage currentFrame(QVideoSink* sink, qint64* startMs = nullptr);

    // Saves `image` atomically as attachments/<baseName>-<HH-MM-SS-mmm>.png under `folder`
    // (a new name if that exists). Returns the path relative to `folder` ("attachments/x.png"),
    // or empty with `error` set.
    static QString savePng(const QImage& image, const QString& folder, const QString& baseName, qint64 ms,
                           QString* error);
};

}  // namespace scholia::gui
