#include "player/PlayerPanel.h"

#include "player/FramePreloader.h"

#include "annotations/AbLoop.h"

#include "player/MediaFileCheck.h"
#include "player/PlaybackSpeed.h"
#include "player/PlayerControls.h"
#include "player/VideoMessagePage.h"

#include <QAudioDevice>
#include <QAudioOutput>
#include <QEvent>
#include <QFile>
#include <QFileInfo>
#include <QLabel>
#include <QMediaDevices>
#include <QMouseEvent>
#include <QStackedWidget>
#include <QTimer>
#include <QVideoFrame>
#include <QVideoSink>

#include <QVBoxLayout>
#include <QVideoWidget>
#include <cstdlib>

#include <algorithm>
#include <utility>

namespace scholia::gui {

PlayerPanel::PlayerPanel(QWidget* parent) : QWidget(parent)
{
    setObjectName(QStringLiteral("playerPanel"));
    setFocusPolicy(Qt::ClickFocus);  // a click on the video takes the focus from the note

    m_player = new QMediaPlayer(this);
    m_videoWidget = new QVideoWidget(this);
    m_videoWidget->setObjectName(QStringLiteral("videoWidget"));
    m_videoWidget->setMinimumSize(160, 90);
    m_videoWidget->installEventFilter(this);
    m_player->setVideoOutput(m_videoWidget);
    createAudioOutputIfPossible();

    m_messagePage = new VideoMessagePage(this);
    m_stack = new QStackedWidget(this);
    m_stack->setObjectName(QStringLiteral("playerStack"));
    m_stack->addWidget(m_videoWidget);
    m_stack->addWidget(m_messagePage);
    m_audioOnlyPage
        = new QLabel(tr("Audio only\n\nThis file has sound but no picture. It plays, and citations seek it."), this);
    m_audioOnlyPage->setObjectName(QStringLiteral("audioOnlyLabel"));
    m_audioOnlyPage->setAlignment(Qt::AlignCenter);
    m_audioOnlyPage->setWordWrap(true);
    m_stack->addWidget(m_audioOnlyPage);

    // A second, hidden player decodes hovered citations' frames (see FramePreloader.h).
    m_preloader = new FramePreloader(this);
    m_preparedFramePage = new QLabel(this);
    m_preparedFramePage->setObjectName(QStringLiteral("preparedFrame"));
    m_preparedFramePage->setAlignment(Qt::AlignCenter);
    m_preparedFramePage->setStyleSheet(QStringLiteral("background: black;"));
    m_stack->addWidget(m_preparedFramePage);
    m_preparedFrameTimeout = new QTimer(this);
    m_preparedFrameTimeout->setSingleShot(true);
    m_preparedFrameTimeout->setInterval(2000);  // never let a stale picture stand in for long
    connect(m_preparedFrameTimeout, &QTimer::timeout, this, &PlayerPanel::endPreparedFrame);
    connect(m_videoWidget->videoSink(), &QVideoSink::videoFrameChanged, this, [this](const QVideoFrame& frame) {
        // The player's own frame at the target has arrived: it takes over from the prepared one.
        constexpr qint64 toleranceMs = 300;
        if (m_preparedFrameMs >= 0 && frame.isValid()
            && std::abs(frame.startTime() / 1000 - m_preparedFrameMs) <= toleranceMs)
            endPreparedFrame();
    });

    m_controls = new PlayerControls(this);

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addWidget(m_stack, 1);
    layout->addWidget(m_controls);

    m_loop = new AbLoop(m_player, this);
    connect(m_loop, &AbLoop::changed, this, &PlayerPanel::loopChanged);

    connectPlayer();
    connectControls();
    applyAudio();
    m_controls->setSpeed(m_speed);
    showNoVideo(tr("No video"), tr("Open a note (File > Open) to see its video here."));
}

void PlayerPanel::createAudioOutputIfPossible()
{
    // The FFmpeg backend crashes in its audio thread when an output is attached and the
    // machine has no audio device, so attach one only when there is a device.
    if (QMediaDevices::audioOutputs().isEmpty())
        return;
    m_audio = new QAudioOutput(this);
    m_player->setAudioOutput(m_audio);
}

void PlayerPanel::connectPlayer()
{
    connect(m_player, &QMediaPlayer::durationChanged, this, [this](qint64 ms) {
        m_controls->setDuration(ms);
        Q_EMIT durationChanged(ms);
    });
    connect(m_player, &QMediaPlayer::positionChanged, this, [this](qint64 ms) {
        m_controls->setPosition(ms);
        Q_EMIT positionChanged(ms);
    });
    connect(m_player, &QMediaPlayer::playbackStateChanged, this, [this](QMediaPlayer::PlaybackState state) {
        m_controls->setPlaying(state == QMediaPlayer::PlayingState);
        m_controls->setPosition(m_player->position());  // the last periodic update may be stale
    });
    connect(m_player, &QMediaPlayer::mediaStatusChanged, this, &PlayerPanel::onMediaStatusChanged);
    connect(m_player, &QMediaPlayer::hasVideoChanged, this, &PlayerPanel::updateAudioOnlyPage);
    // errorOccurred is the signal to trust: the FFmpeg backend reports a missing or corrupt
    // file there but may leave the status at LoadedMedia.
    connect(m_player, &QMediaPlayer::errorOccurred, this, &PlayerPanel::onPlayerError);
}

void PlayerPanel::connectControls()
{
    connect(m_controls, &PlayerControls::playPauseClicked, this, &PlayerPanel::togglePlayPause);
    connect(m_controls, &PlayerControls::seekRequested, this, [this](qint64 ms) {
        if (hasVideo())
            m_player->setPosition(ms);
    });
    connect(m_controls, &PlayerControls::speedChosen, this, &PlayerPanel::setSpeed);
    connect(m_controls, &PlayerControls::muteClicked, this, &PlayerPanel::toggleMute);
    connect(m_controls, &PlayerControls::volumeChosen, this, &PlayerPanel::setVolume);
    connect(m_controls, &PlayerControls::fullScreenClicked, this, &PlayerPanel::fullScreenRequested);
    connect(m_messagePage, &VideoMessagePage::locateRequested, this, &PlayerPanel::locateVideoRequested);
    connect(m_messagePage, &VideoMessagePage::youTubeRequested, this, &PlayerPanel::openYouTubeRequested);
}

bool PlayerPanel::openVideo(const QString& path)
{
    ++m_sourceGeneration;
    m_pendingSeekMs = -1;
    m_videoPath = path;
    const QString problem = mediaFileProblem(path);
    endPreparedFrame();
    if (!problem.isEmpty()) {
        m_preloader->setSource(QUrl());
        m_player->stop();
        setPlayerSource(QUrl());
        fail(tr("Cannot play this video"), problem);
        return false;
    }
    // The state is set first: a backend may report an error from inside setSource().
    m_state = State::Loading;
    showVideoPage();
    m_controls->setPosition(0);
    const QUrl url = QUrl::fromLocalFile(QFileInfo(path).absoluteFilePath());
    setPlayerSource(url);
    m_player->setPlaybackRate(m_speed);
    m_preloader->setSource(url);
    return m_state != State::Failed;
}

void PlayerPanel::showNoVideo(const QString& title, const QString& detail)
{
    m_state = State::NoVideo;
    ++m_sourceGeneration;
    m_pendingSeekMs = -1;
    m_videoPath.clear();
    m_player->stop();
    setPlayerSource(QUrl());
    m_messagePage->setMessage(title, detail);
    m_stack->setCurrentWidget(m_messagePage);
    m_controls->setMediaAvailable(false);
    m_controls->setPosition(0);
    m_controls->setDuration(0);
}

void PlayerPanel::setYouTubeOffer(const QString& label)
{
    m_messagePage->setYouTubeOffer(label);
}

void PlayerPanel::setSeekMarks(const QString& layer, const QList<SeekBarMark>& marks)
{
    m_controls->setMarks(layer, marks);
}

QString PlayerPanel::messageTitle() const
{
    return m_stack->currentWidget() == m_messagePage ? m_messagePage->title() : QString();
}

QString PlayerPanel::messageDetail() const
{
    return m_stack->currentWidget() == m_messagePage ? m_messagePage->detail() : QString();
}

bool PlayerPanel::canSeek() const
{
    // Until it has loaded, assume it can; the seek is kept for then. FFmpeg's backend reports
    // WebM files with no duration and cannot seek them.
    if (m_state == State::Loading)
        return true;
    return m_state == State::Ready && m_player->isSeekable() && m_player->duration() > 0;
}

bool PlayerPanel::isPlaying() const
{
    return m_player->playbackState() == QMediaPlayer::PlayingState;
}

qint64 PlayerPanel::position() const
{
    return m_player->position();
}

QVideoSink* PlayerPanel::videoSink() const
{
    return m_videoWidget->videoSink();
}

void PlayerPanel::onMediaStatusChanged(QMediaPlayer::MediaStatus status)
{
    if (status == QMediaPlayer::InvalidMedia && m_state != State::Failed) {
        fail(tr("Cannot play %1").arg(QFileInfo(m_videoPath).fileName()),
             tr("The file is not a video this build can decode."));
        return;
    }
    if (status != QMediaPlayer::LoadedMedia || m_state != State::Loading)
        return;
    m_state = State::Ready;
    updateAudioOnlyPage();
    // Never drive the player from inside its own signal (GStreamer then drops the seek):
    // act once control is back in the event loop, if the same file is still loaded.
    const qint64 target = std::exchange(m_pendingSeekMs, -1);
    const quint64 generation = m_sourceGeneration;
    QMetaObject::invokeMethod(
        this,
        [this, target, generation] {
            if (generation != m_sourceGeneration || m_state != State::Ready)
                return;
            if (target >= 0)
                seekAndPlay(target);
            else if (!isPlaying())
                m_player->pause();  // paused, not stopped: the first frame shows instead of black
        },
        Qt::QueuedConnection);
}

void PlayerPanel::onPlayerError(QMediaPlayer::Error error, const QString& errorString)
{
    if (error == QMediaPlayer::NoError || m_state == State::NoVideo)
        return;
    QString reason = errorString;
    if (reason.isEmpty()) {
        switch (error) {
        case QMediaPlayer::FormatError: reason = tr("The format is not supported."); break;
        case QMediaPlayer::AccessDeniedError: reason = tr("Access was denied."); break;
        default: reason = tr("The file could not be read or decoded."); break;
        }
    }
    fail(tr("Cannot play %1").arg(QFileInfo(m_videoPath).fileName()),
         tr("%1\nIt may be damaged or in a format this build cannot play.").arg(reason));
}

void PlayerPanel::fail(const QString& title, const QString& detail)
{
    m_state = State::Failed;
    m_pendingSeekMs = -1;
    m_player->stop();
    m_messagePage->setMessage(title, detail + QLatin1Char('\n')
                                         + tr("The note stays usable; Locate video... picks another file."));
    m_stack->setCurrentWidget(m_messagePage);
    m_controls->setMediaAvailable(false);
    Q_EMIT errorMessage(title + QStringLiteral(": ") + QString(detail).replace(QLatin1Char('\n'), QLatin1Char(' ')));
}

void PlayerPanel::setPlayerSource(const QUrl& url)
{
    // Qt 6.4's FFmpeg backend cannot open a file whose path is not ASCII ("Could not open
    // file": "Vidéo.mp4", "日本.mp4"); it plays the same file handed over as a QFile.
    // The QFile is the player's child: it outlives whatever the player does while it is destroyed.
    QFile* previous = std::exchange(m_sourceFile, nullptr);
    const QString local = url.toLocalFile();
    const bool ascii = std::all_of(local.cbegin(), local.cend(), [](QChar c) { return c.unicode() < 0x80; });
    bool viaFile = false;
    if (!ascii && qEnvironmentVariable("QT_MEDIA_BACKEND") != QLatin1String("gstreamer")) {
        auto* file = new QFile(local, m_player);
        if (file->open(QIODevice::ReadOnly)) {
            m_player->setSourceDevice(file, url);
            m_sourceFile = file;
            viaFile = true;
        } else {
            delete file;
        }
    }
    if (!viaFile)
        m_player->setSource(url);
    delete previous;  // only now that the player no longer reads it
}

bool PlayerPanel::isAudioOnly() const
{
    return m_state == State::Ready && !m_player->hasVideo();
}

void PlayerPanel::updateAudioOnlyPage()
{
    if (isAudioOnly()) {
        if (m_stack->currentWidget() != m_audioOnlyPage)
            Q_EMIT notice(tr("%1 has no picture: playing its sound only.").arg(QFileInfo(m_videoPath).fileName()));
        m_stack->setCurrentWidget(m_audioOnlyPage);
    } else if (m_stack->currentWidget() == m_audioOnlyPage) {
        m_stack->setCurrentWidget(m_state == State::Failed || m_state == State::NoVideo
                                      ? static_cast<QWidget*>(m_messagePage)
                                      : m_videoWidget);
    }
}

void PlayerPanel::showVideoPage()
{
    m_stack->setCurrentWidget(m_videoWidget);
    m_controls->setMediaAvailable(true);
}

void PlayerPanel::seekAndPlay(qint64 ms)
{
    if (!hasVideo())
        return;
    ms = std::max<qint64>(0, ms);
    if (m_state == State::Loading) {
        m_pendingSeekMs = ms;  // applied on LoadedMedia
        return;
    }
    if (const auto image = m_preloader->frameAt(ms))
        showPreparedFrame(*image, ms);
    m_player->setPosition(ms);
    if (!isPlaying())
        m_player->play();
}

void PlayerPanel::prepareSeek(qint64 ms)
{
    if (m_state == State::Ready)
        m_preloader->preload(std::max<qint64>(0, ms));
}

bool PlayerPanel::hasPreparedFrame(qint64 ms) const
{
    return m_preloader->frameAt(ms).has_value();
}

bool PlayerPanel::setLoop(qint64 aMs, qint64 bMs)
{
    return m_loop->setRange(aMs, bMs);
}

void PlayerPanel::clearLoop()
{
    m_loop->clear();
}

bool PlayerPanel::isShowingPreparedFrame() const
{
    return m_stack->currentWidget() == m_preparedFramePage;
}

void PlayerPanel::showPreparedFrame(const QImage& image, qint64 ms)
{
    const QSize area = m_stack->size();
    m_preparedFramePage->setPixmap(
        QPixmap::fromImage(image.scaled(area, Qt::KeepAspectRatio, Qt::SmoothTransformation)));
    m_preparedFrameMs = ms;
    m_stack->setCurrentWidget(m_preparedFramePage);
    m_preparedFrameTimeout->start();
}

void PlayerPanel::endPreparedFrame()
{
    m_preparedFrameMs = -1;
    m_preparedFrameTimeout->stop();
    if (m_stack->currentWidget() == m_preparedFramePage)
        m_stack->setCurrentWidget(m_videoWidget);
}

void PlayerPanel::togglePlayPause()
{
    if (isPlaying())
        pause();
    else
        play();
}

void PlayerPanel::play()
{
    if (m_state == State::Ready)
        m_player->play();
}

void PlayerPanel::pause()
{
    if (hasVideo())
        m_player->pause();
}

void PlayerPanel::seekBy(qint64 deltaMs)
{
    if (m_state != State::Ready)
        return;
    qint64 target = std::max<qint64>(0, m_player->position() + deltaMs);
    if (m_player->duration() > 0)
        target = std::min(target, m_player->duration());
    m_player->setPosition(target);
}

void PlayerPanel::faster()
{
    setSpeed(PlaybackSpeed::faster(m_speed));
    Q_EMIT notice(tr("Speed %1").arg(PlaybackSpeed::label(m_speed)));
}

void PlayerPanel::slower()
{
    setSpeed(PlaybackSpeed::slower(m_speed));
    Q_EMIT notice(tr("Speed %1").arg(PlaybackSpeed::label(m_speed)));
}

void PlayerPanel::setSpeed(double speed)
{
    m_speed = PlaybackSpeed::sanitized(speed);
    m_player->setPlaybackRate(m_speed);
    m_controls->setSpeed(m_speed);
}

void PlayerPanel::toggleMute()
{
    setMuted(!m_muted);
    QString message = m_muted ? tr("Muted") : tr("Sound on");
    if (!m_audio)
        message += tr(" (no audio device)");
    Q_EMIT notice(message);
}

void PlayerPanel::setMuted(bool muted)
{
    m_muted = muted;
    applyAudio();
}

void PlayerPanel::setVolume(float volume)
{
    m_volume = std::clamp(volume, 0.0F, 1.0F);
    applyAudio();
}

void PlayerPanel::applyAudio()
{
    // Without a device the values are only kept (and persisted) for when there is one.
    if (m_audio) {
        m_audio->setVolume(m_volume);
        m_audio->setMuted(m_muted);
    }
    m_controls->setAudioAvailable(m_audio != nullptr);
    m_controls->setMuted(m_muted);
    m_controls->setVolume(m_volume);
}

bool PlayerPanel::eventFilter(QObject* watched, QEvent* event)
{
    if (watched == m_videoWidget) {
        if (event->type() == QEvent::MouseButtonDblClick) {
            Q_EMIT fullScreenRequested();
            return true;
        }
        if (event->type() == QEvent::MouseButtonRelease
            && static_cast<QMouseEvent*>(event)->button() == Qt::LeftButton) {
            togglePlayPause();
            return true;
        }
    }
    return QWidget::eventFilter(watched, event);
}

}  // namespace scholia::gui
