#include "player/FramePreloader.h"

#include <QMediaPlayer>
#include <QTimer>
#include <QVideoFrame>
#include <QVideoSink>

#include <algorithm>
#include <cstdlib>
#include <functional>
#include <utility>

namespace scholia::gui {

namespace {

// Some pipelines show nothing after a paused seek (seen with GStreamer): after this long, play to
// the frame instead. Long enough for a slow but exact paused seek (a long GOP in HD) to land.
constexpr int kStallMs = 1000;
// A seek past the end or into a broken stream never shows its frame: stop waiting for it.
constexpr int kGiveUpMs = 5000;
// When a frame carries no end time: 25 fps, the most common rate of the videos we play.
constexpr qint64 kFallbackFrameUs = 40'000;
// GStreamer ignores the MP4 edit list that hides B-frame reordering delay: every frame time is
// then late by a few frames (66.7 ms in x264's default 30 fps files), the first one included.
// A first frame later than this is a video that really starts late, not that offset.
constexpr qint64 kMaxTimestampOriginUs = 1'000'000;

qint64 frameDurationUs(const QVideoFrame& frame)
{
    const qint64 duration = frame.endTime() - frame.startTime();
    return duration > 0 ? duration : kFallbackFrameUs;
}

}  // namespace

bool FramePreloader::CachedFrame::shows(qint64 ms) const
{
    return std::llabs(startUs - ms * 1000) <= durationUs;
}

FramePreloader::FramePreloader(QObject* parent)
    : QObject(parent), m_player(new QMediaPlayer(this)), m_sink(new QVideoSink(this)), m_stallTimer(new QTimer(this)),
      m_giveUpTimer(new QTimer(this)), m_readyTimer(new QTimer(this))
{
    // No QAudioOutput: the hidden player must stay silent (and the FFmpeg backend crashes in its
    // audio thread when there is no audio device).
    m_player->setVideoSink(m_sink);
    m_stallTimer->setSingleShot(true);
    m_stallTimer->setInterval(kStallMs);
    m_giveUpTimer->setSingleShot(true);
    m_giveUpTimer->setInterval(kGiveUpMs);
    m_readyTimer->setSingleShot(true);
    m_readyTimer->setInterval(kStallMs);

    connect(m_player, &QMediaPlayer::mediaStatusChanged, this, &FramePreloader::onMediaStatusChanged);
    connect(m_player, &QMediaPlayer::errorOccurred, this, [this] { fail(); });
    // Frames may come from a decoder thread: the context object makes this a queued call.
    connect(m_sink, &QVideoSink::videoFrameChanged, this, &FramePreloader::onFrame);
    connect(m_stallTimer, &QTimer::timeout, this, &FramePreloader::playToPending);
    connect(m_giveUpTimer, &QTimer::timeout, this, &FramePreloader::giveUp);
    connect(m_readyTimer, &QTimer::timeout, this, &FramePreloader::becomeReady);
}

void FramePreloader::setSource(const QUrl& source)
{
    m_source = source;
    ++m_sourceGeneration;
    m_frames.clear();
    m_pendingMs.reset();
    m_loaded = false;
    m_ready = false;
    m_failed = false;
    m_originUs = 0;
    stopTimers();
    m_player->setSource(source);  // may report an error at once: fail() then runs
    if (source.isEmpty())
        m_failed = true;
}

void FramePreloader::preload(qint64 ms)
{
    if (ms < 0 || m_failed)
        return;
    if (touch(ms)) {
        emit framePreloaded(ms);
        return;
    }
    m_pendingMs = ms;
    seekToPending();
}

std::optional<QImage> FramePreloader::frameAt(qint64 ms) const
{
    const auto found
        = std::find_if(m_frames.begin(), m_frames.end(), [ms](const CachedFrame& frame) { return frame.shows(ms); });
    if (found == m_frames.end())
        return std::nullopt;
    return found->image;
}

void FramePreloader::onMediaStatusChanged(QMediaPlayer::MediaStatus status)
{
    if (status == QMediaPlayer::InvalidMedia) {
        fail();
        return;
    }
    if (status != QMediaPlayer::LoadedMedia || m_loaded)
        return;
    m_loaded = true;
    if (!m_player->hasVideo()) {  // an audio file: there will never be a frame
        fail();
        return;
    }
    // Pausing starts the pipeline. Seeks wait until it shows its first frame (or the timer says
    // none will come): a seek before that is lost.
    later([this] {
        if (!m_loaded || m_failed)
            return;
        m_player->pause();
        m_readyTimer->start();
    });
}

void FramePreloader::becomeReady()
{
    if (m_ready || m_failed)
        return;
    m_ready = true;
    m_readyTimer->stop();
    seekToPending();
}

void FramePreloader::later(std::function<void()> action)
{
    // Never drive the player from inside one of its own signals: GStreamer fails the stream
    // ("Internal data stream error") when seeked from within the first frame's signal.
    // An action meant for the previous source is dropped.
    QMetaObject::invokeMethod(
        this,
        [this, generation = m_sourceGeneration, action = std::move(action)] {
            if (generation == m_sourceGeneration)
                action();
        },
        Qt::QueuedConnection);
}

void FramePreloader::onFrame(const QVideoFrame& frame)
{
    if (!frame.isValid())
        return;
    if (!m_ready) {  // the first frame after loading, or a late one of the previous source
        if (m_loaded) {
            const qint64 start = frame.startTime();
            m_originUs = start > 0 && start <= kMaxTimestampOriginUs ? start : 0;
            later([this] { becomeReady(); });
        }
        return;
    }
    if (!m_pendingMs)
        return;
    CachedFrame candidate{frame.startTime() - m_originUs, frameDurationUs(frame), QImage()};
    if (frame.startTime() < 0 || !candidate.shows(*m_pendingMs))
        return;  // left over from an earlier seek, or still before the target while playing to it
    candidate.image = frame.toImage();
    if (candidate.image.isNull())
        return;

    const qint64 ms = *m_pendingMs;
    m_pendingMs.reset();
    stopTimers();
    if (m_player->playbackState() == QMediaPlayer::PlayingState) {
        later([this] {
            if (!m_pendingMs && m_player->playbackState() == QMediaPlayer::PlayingState)
                m_player->pause();
        });
    }
    remember(std::move(candidate));
    emit framePreloaded(ms);
}

void FramePreloader::seekToPending()
{
    if (!m_pendingMs || !m_ready || m_failed)
        return;
    if (m_player->playbackState() != QMediaPlayer::PausedState)
        m_player->pause();
    m_player->setPosition(*m_pendingMs);
    m_stallTimer->start();
    m_giveUpTimer->start();
}

void FramePreloader::playToPending()
{
    if (m_pendingMs && !m_failed)
        m_player->play();  // onFrame() pauses again on the frame at the target
}

void FramePreloader::giveUp()
{
    m_pendingMs.reset();
    m_stallTimer->stop();
    if (m_player->playbackState() == QMediaPlayer::PlayingState)
        m_player->pause();
}

void FramePreloader::fail()
{
    m_failed = true;
    m_pendingMs.reset();
    stopTimers();
}

void FramePreloader::stopTimers()
{
    m_stallTimer->stop();
    m_giveUpTimer->stop();
    m_readyTimer->stop();
}

void FramePreloader::remember(CachedFrame frame)
{
    const qint64 startUs = frame.startUs;
    std::erase_if(m_frames, [startUs](const CachedFrame& kept) { return kept.startUs == startUs; });
    m_frames.push_front(std::move(frame));
    while (m_frames.size() > static_cast<std::size_t>(kCapacity))
        m_frames.pop_back();
}

bool FramePreloader::touch(qint64 ms)
{
    const auto found
        = std::find_if(m_frames.begin(), m_frames.end(), [ms](const CachedFrame& frame) { return frame.shows(ms); });
    if (found == m_frames.end())
        return false;
    std::rotate(m_frames.begin(), found, std::next(found));
    return true;
}

}  // namespace scholia::gui
