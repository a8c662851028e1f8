#pragma once
// Decodes the frame at a citation's time while the pointer hovers over the citation, so that a
// click can show the right picture at once while the visible player is still seeking.
// A hidden second QMediaPlayer (no audio output, paused) with its own QVideoSink does the work;
// the last few frames are kept, least recently hovered dropped first.

#include <QImage>
#include <QMediaPlayer>
#include <QObject>
#include <QUrl>

#include <deque>
#include <functional>
#include <optional>

class QTimer;
class QVideoFrame;
class QVideoSink;

namespace scholia::gui {

class FramePreloader : public QObject {
    Q_OBJECT
public:
    static constexpr int kCapacity = 8;

    explicit FramePreloader(QObject* parent = nullptr);

    // Starts loading `source` and forgets every frame. An empty or unplayable source makes
    // preload() do nothing (hasFailed() then says why nothing comes).
    void setSource(const QUrl& source);
    QUrl source() const { return m_source; }
    bool hasFailed() const { return m_failed; }

    // Seeks the hidden player to `ms` and keeps the frame shown there. A newer call replaces a
    // pending one: only where the pointer is now matters. Emits framePreloaded(ms) when the
    // frame is available (at once, from inside this call, when it already was).
    void preload(qint64 ms);

    // The kept frame shown at `ms`, within one frame; nullopt when not (yet) preloaded.
    std::optional<QImage> frameAt(qint64 ms) const;

    int cachedFrameCount() const { return static_cast<int>(m_frames.size()); }
    bool isBusy() const { return m_pendingMs.has_value(); }

Q_SIGNALS:
    void framePreloaded(qint64 ms);

private:
    struct CachedFrame {
        qint64 startUs = 0;     // QVideoFrame::startTime() on the player's timeline (origin removed)
        qint64 durationUs = 0;  // the tolerance: one frame
        QImage image;

        bool shows(qint64 ms) const;
    };

    void onMediaStatusChanged(QMediaPlayer::MediaStatus status);
    void onFrame(const QVideoFrame& frame);
    void becomeReady();
    void later(std::function<void()> action);
    void seekToPending();
    void playToPending();
    void giveUp();
    void fail();
    void stopTimers();
    void remember(CachedFrame frame);
    bool touch(qint64 ms);  // moves the frame shown at `ms` to the front; false when none

    QMediaPlayer* m_player = nullptr;
    QVideoSink* m_sink = nullptr;
    QTimer* m_stallTimer = nullptr;   // a paused seek that shows nothing: play to the frame instead
    QTimer* m_giveUpTimer = nullptr;  // a seek that never lands (past the end, broken file)
    QTimer* m_readyTimer = nullptr;   // a pipeline that shows no first frame when paused

    QUrl m_source;
    int m_sourceGeneration = 0;  // tells queued actions of an earlier source to do nothing
    bool m_loaded = false;       // the media is loaded (and paused)
    bool m_ready = false;        // ... and its first frame shown: seeks now land
    bool m_failed = false;
    qint64 m_originUs = 0;  // the first frame's time: what the backend adds to every frame time
    std::optional<qint64> m_pendingMs;
    std::deque<CachedFrame> m_frames;  // most recently hovered first
};

}  // namespace scholia::gui
