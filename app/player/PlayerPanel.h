#pragma once
// The video side of the window: a QMediaPlayer shown in a QVideoWidget with its controls,
// or, when there is no playable video, a page that says what is missing and why.
// It never touches the note: MainWindow connects its slots and signals.

#include "player/CitationSlider.h"

#include <QMediaPlayer>
#include <QWidget>

class QAudioOutput;
class QFile;
class QLabel;
class QTimer;
class QStackedWidget;
class QVideoSink;
class QVideoWidget;

namespace scholia::gui {

class AbLoop;
class FramePreloader;
class PlayerControls;
class VideoMessagePage;

class PlayerPanel : public QWidget {
    Q_OBJECT
public:
    enum class State { NoVideo, Loading, Ready, Failed };
    Q_ENUM(State)

    explicit PlayerPanel(QWidget* parent = nullptr);

    // Checks the file, then starts loading it. False when the check fails; the reason is
    // then shown in the player area and emitted as errorMessage().
    bool openVideo(const QString& path);

    // No video to play: the player area says so (title, then a longer explanation).
    void showNoVideo(const QString& title, const QString& detail);

    // Marks on the seek bar, by layer (see CitationSlider::setMarks).
    void setSeekMarks(const QString& layer, const QList<SeekBarMark>& marks);

    // The label of the "Open on YouTube" button; empty hides it.
    void setYouTubeOffer(const QString& label);

    State state() const { return m_state; }
    bool hasVideo() const { return m_state == State::Loading || m_state == State::Ready; }
    // Loaded and playable, but the file has no picture (an .m4a, or an .mp4 without a video
    // track): the player area shows the "Audio only" page (audioOnlyLabel) instead of black.
    bool isAudioOnly() const;
    QString videoPath() const { return m_videoPath; }
    QString messageTitle() const;
    QString messageDetail() const;

    double speed() const { return m_speed; }
    float volume() const { return m_volume; }
    bool isMuted() const { return m_muted; }
    bool hasAudioDevice() const { return m_audio != nullptr; }
    bool canSeek() const;
    bool isPlaying() const;
    qint64 position() const;

    QMediaPlayer* mediaPlayer() const { return m_player; }
    QVideoSink* videoSink() const;
    // True once prepareSeek(ms) has a frame ready for a click at `ms`.
    bool hasPreparedFrame(qint64 ms) const;
    // True while a prepared frame stands in for the player's own (between a click and its first frame).
    bool isShowingPreparedFrame() const;

    // A-B loop (annotations/AbLoop.h): playback reaching B jumps back to A. setLoop() is
    // false (nothing changes) unless 0 <= a < b; loopChanged(-1, -1) when cleared.
    bool setLoop(qint64 aMs, qint64 bMs);
    void clearLoop();
    AbLoop* abLoop() const { return m_loop; }

public Q_SLOTS:
    void seekAndPlay(qint64 ms);
    // Decodes the frame at `ms` in the background (on hover over a citation), so that a click
    // there shows it at once while the visible player is still seeking.
    void prepareSeek(qint64 ms);
    void togglePlayPause();
    void play();
    void pause();
    void seekBy(qint64 deltaMs);
    void faster();
    void slower();
    void setSpeed(double speed);
    void toggleMute();
    void setMuted(bool muted);
    void setVolume(float volume);

Q_SIGNALS:
    void durationChanged(qint64 ms);
    void positionChanged(qint64 ms);
    void errorMessage(const QString& message);
    // Something worth a line in the status bar that is not an error ("Speed 1.25x").
    void notice(const QString& message);
    void fullScreenRequested();
    void locateVideoRequested();
    void openYouTubeRequested();
    void loopChanged(qint64 aMs, qint64 bMs);

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    void createAudioOutputIfPossible();
    void connectPlayer();
    void connectControls();
    void onMediaStatusChanged(QMediaPlayer::MediaStatus status);
    void onPlayerError(QMediaPlayer::Error error, const QString& errorString);
    void fail(const QString& title, const QString& detail);
    void showVideoPage();
    void applyAudio();
    void showPreparedFrame(const QImage& image, qint64 ms);
    void endPreparedFrame();
    void updateAudioOnlyPage();
    void setPlayerSource(const QUrl& url);

    QMediaPlayer* m_player = nullptr;
    QAudioOutput* m_audio = nullptr;  // null when the machine has no audio output
    QVideoWidget* m_videoWidget = nullptr;
    VideoMessagePage* m_messagePage = nullptr;
    QStackedWidget* m_stack = nullptr;
    PlayerControls* m_controls = nullptr;
    FramePreloader* m_preloader = nullptr;
    AbLoop* m_loop = nullptr;
    QFile* m_sourceFile = nullptr;          // the open file (a child of m_player) when the player reads through a QFile
    QLabel* m_audioOnlyPage = nullptr;      // instead of a black picture when the file has no video track
    QLabel* m_preparedFramePage = nullptr;  // shows a preloaded frame until the player's own arrives
    QTimer* m_preparedFrameTimeout = nullptr;
    qint64 m_preparedFrameMs = -1;  // the click target while the prepared frame is shown

    State m_state = State::NoVideo;
    QString m_videoPath;
    qint64 m_pendingSeekMs = -1;     // a seek asked for while the media was still loading
    quint64 m_sourceGeneration = 0;  // changes with every source, to drop stale queued work
    double m_speed = 1.0;
    float m_volume = 1.0F;
    bool m_muted = false;
};

}  // namespace scholia::gui
