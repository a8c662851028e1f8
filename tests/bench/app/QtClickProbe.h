#pragma once
// The visible player of the app, reduced to what a citation click does to it:
// QMediaPlayer::setPosition(ms) + play(), and the frames its QVideoSink then receives.

#include "EventWait.h"

#include <QImage>
#include <QObject>
#include <QUrl>

#include <optional>

class QAudioOutput;
class QMediaPlayer;
class QVideoFrame;
class QVideoSink;

namespace scholia::bench {

struct ClickResult {
    std::optional<double> firstFrameMs;   // click -> first frame of any time
    qint64 firstFrameOffsetMs = 0;        // that frame's start minus the target
    std::optional<double> targetFrameMs;  // click -> first frame within one frame of the target
    qint64 targetFrameStartUs = -1;
    QImage targetImage;
};

class QtClickProbe : public QObject {
    Q_OBJECT
public:
    explicit QtClickProbe(QObject* parent = nullptr);

    // Loads `source`, pauses on its first frame. False on error or timeout.
    bool open(const QUrl& source, int timeoutMs);
    qint64 durationMs() const;
    bool hasAudioOutput() const { return m_audio != nullptr; }
    // The first frame's time, subtracted from every frame time (see FramePreloader.cpp).
    qint64 timestampOriginUs() const { return m_originUs; }

    // Clicks a citation at `ms`; returns once the frame at the target came, or a later frame
    // showed the seek overshot it, or `timeoutMs` passed. Leaves the player paused.
    ClickResult click(qint64 ms, int timeoutMs);

private:
    void onFrame(const QVideoFrame& frame);

    QMediaPlayer* m_player = nullptr;
    QVideoSink* m_sink = nullptr;
    QAudioOutput* m_audio = nullptr;  // only when the machine has an audio output

    bool m_framesSeen = false;
    qint64 m_originUs = 0;
    std::optional<qint64> m_targetMs;
    Clock::time_point m_clickedAt;
    ClickResult m_result;
    bool m_overshot = false;
};

}  // namespace scholia::bench
