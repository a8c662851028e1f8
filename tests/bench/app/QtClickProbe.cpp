#include "QtClickProbe.h"

#include <QAudioDevice>
#include <QAudioOutput>
#include <QMediaDevices>
#include <QMediaPlayer>
#include <QVideoFrame>
#include <QVideoSink>

#include <cstdlib>

namespace scholia::bench {

namespace {

constexpr qint64 kFallbackFrameUs = 40'000;
// A frame this far from the target is left over from before the click, not the seek's result.
constexpr qint64 kStaleFrameUs = 5'000'000;
// GStreamer ignores the MP4 edit list: every frame time is late by the B-frame delay.
constexpr qint64 kMaxTimestampOriginUs = 1'000'000;

qint64 frameDurationUs(const QVideoFrame& frame)
{
    const qint64 duration = frame.endTime() - frame.startTime();
    return duration > 0 ? duration : kFallbackFrameUs;
}

}  // namespace

QtClickProbe::QtClickProbe(QObject* parent)
    : QObject(parent), m_player(new QMediaPlayer(this)), m_sink(new QVideoSink(this))
{
    m_player->setVideoSink(m_sink);
    // The FFmpeg backend crashes in its audio thread when there is no audio device.
    if (!QMediaDevices::audioOutputs().isEmpty()) {
        m_audio = new QAudioOutput(this);
        m_audio->setMuted(true);
        m_player->setAudioOutput(m_audio);
    }
    connect(m_sink, &QVideoSink::videoFrameChanged, this, &QtClickProbe::onFrame);
}

bool QtClickProbe::open(const QUrl& source, int timeoutMs)
{
    bool failed = false;
    const auto onError = connect(m_player, &QMediaPlayer::errorOccurred, this, [&failed] { failed = true; });
    m_framesSeen = false;
    m_player->setSource(source);
    const bool loaded
        = waitUntil([&] { return failed || m_player->mediaStatus() == QMediaPlayer::LoadedMedia; }, timeoutMs);
    if (loaded && !failed)
        m_player->pause();
    const bool ready = !failed && waitUntil([&] { return failed || m_framesSeen; }, timeoutMs);
    disconnect(onError);
    return ready && !failed;
}

qint64 QtClickProbe::durationMs() const
{
    return m_player->duration();
}

ClickResult QtClickProbe::click(qint64 ms, int timeoutMs)
{
    m_result = {};
    m_overshot = false;
    m_targetMs = ms;
    m_clickedAt = Clock::now();
    m_player->setPosition(ms);
    m_player->play();
    waitUntil([&] { return m_result.targetFrameMs || m_overshot; }, timeoutMs);
    m_targetMs.reset();
    m_player->pause();
    return m_result;
}

void QtClickProbe::onFrame(const QVideoFrame& frame)
{
    const auto arrivedAt = Clock::now();
    if (frame.isValid() && !m_framesSeen) {
        m_framesSeen = true;
        const qint64 start = frame.startTime();
        m_originUs = start > 0 && start <= kMaxTimestampOriginUs ? start : 0;
    }
    if (!m_targetMs || !frame.isValid() || m_result.targetFrameMs || m_overshot)
        return;
    const qint64 offsetUs = frame.startTime() - m_originUs - *m_targetMs * 1000;
    if (std::llabs(offsetUs) > kStaleFrameUs)
        return;
    if (!m_result.firstFrameMs) {
        m_result.firstFrameMs = millisecondsBetween(m_clickedAt, arrivedAt);
        m_result.firstFrameOffsetMs = offsetUs / 1000;
    }
    if (std::llabs(offsetUs) <= frameDurationUs(frame)) {
        m_result.targetFrameMs = millisecondsBetween(m_clickedAt, arrivedAt);
        m_result.targetFrameStartUs = frame.startTime();
        m_result.targetImage = frame.toImage();
    } else if (offsetUs > 0) {
        m_overshot = true;  // playback already went past the target: its frame will not come
    }
}

}  // namespace scholia::bench
