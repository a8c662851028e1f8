#include "player/PlayerControls.h"

#include "common/CoreBridge.h"
#include "player/PlaybackSpeed.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QSignalBlocker>
#include <QSlider>
#include <QStyle>
#include <QToolButton>
#include <QVBoxLayout>

#include <cmath>

namespace scholia::gui {

namespace {
constexpr int volumeSteps = 100;
}

PlayerControls::PlayerControls(QWidget* parent) : QWidget(parent)
{
    setObjectName(QStringLiteral("playerControls"));

    m_playPause = makeButton(QStringLiteral("playPauseButton"), tr("Play/pause (Space)"));
    connect(m_playPause, &QToolButton::clicked, this, &PlayerControls::playPauseClicked);

    m_position = new CitationSlider(this);
    m_position->setObjectName(QStringLiteral("positionSlider"));
    m_position->setFocusPolicy(Qt::NoFocus);
    m_position->setToolTip(tr("Position"));
    // sliderMoved, not valueChanged: the player moves the slider too, and that must not seek.
    connect(m_position, &QSlider::sliderMoved, this, [this](int value) { Q_EMIT seekRequested(value); });
    connect(m_position, &CitationSlider::markClicked, this, &PlayerControls::seekRequested);

    m_time = new QLabel(this);
    m_time->setObjectName(QStringLiteral("timeLabel"));
    m_time->setMinimumWidth(fontMetrics().horizontalAdvance(QStringLiteral("00:00:00 / 00:00:00")));
    m_time->setAlignment(Qt::AlignCenter);

    m_speed = new QComboBox(this);
    m_speed->setObjectName(QStringLiteral("speedCombo"));
    m_speed->setFocusPolicy(Qt::NoFocus);
    m_speed->setToolTip(tr("Playback speed ([ slower, ] faster)"));
    for (double step : PlaybackSpeed::steps())
        m_speed->addItem(PlaybackSpeed::label(step), step);
    connect(m_speed, &QComboBox::activated, this,
            [this](int index) { Q_EMIT speedChosen(m_speed->itemData(index).toDouble()); });

    m_mute = makeButton(QStringLiteral("muteButton"), tr("Mute (M)"));
    connect(m_mute, &QToolButton::clicked, this, &PlayerControls::muteClicked);

    m_volume = new QSlider(Qt::Horizontal, this);
    m_volume->setObjectName(QStringLiteral("volumeSlider"));
    m_volume->setFocusPolicy(Qt::NoFocus);
    m_volume->setRange(0, volumeSteps);
    m_volume->setMaximumWidth(90);
    connect(m_volume, &QSlider::valueChanged, this,
            [this](int value) { Q_EMIT volumeChosen(static_cast<float>(value) / volumeSteps); });

    m_fullScreen = makeButton(QStringLiteral("fullScreenButton"), tr("Fullscreen (F)"));
    m_fullScreen->setIcon(style()->standardIcon(QStyle::SP_TitleBarMaxButton));
    connect(m_fullScreen, &QToolButton::clicked, this, &PlayerControls::fullScreenClicked);

    // The seek bar has a row of its own: its citation ticks need the whole width.
    auto* rows = new QVBoxLayout(this);
    rows->setContentsMargins(4, 2, 4, 2);
    rows->setSpacing(0);
    rows->addWidget(m_position);
    auto* layout = new QHBoxLayout;
    rows->addLayout(layout);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_playPause);
    layout->addWidget(m_time);
    layout->addStretch(1);
    layout->addWidget(m_speed);
    layout->addWidget(m_mute);
    layout->addWidget(m_volume);
    layout->addWidget(m_fullScreen);

    setPlaying(false);
    setAudioAvailable(true);
    updateTimeLabel();
    updateMuteIcon();
}

QToolButton* PlayerControls::makeButton(const QString& objectName, const QString& toolTip)
{
    auto* button = new QToolButton(this);
    button->setObjectName(objectName);
    button->setToolTip(toolTip);
    button->setAutoRaise(true);
    // Keyboard focus stays on the note: Space belongs to the window's shortcut, not to a button.
    button->setFocusPolicy(Qt::NoFocus);
    return button;
}

void PlayerControls::setPlaying(bool playing)
{
    m_playPause->setIcon(style()->standardIcon(playing ? QStyle::SP_MediaPause : QStyle::SP_MediaPlay));
    m_playPause->setToolTip(playing ? tr("Pause (Space)") : tr("Play (Space)"));
}

void PlayerControls::setPosition(qint64 ms)
{
    m_positionMs = ms;
    if (!m_position->isSliderDown()) {
        const QSignalBlocker blocker(m_position);
        m_position->setValue(static_cast<int>(ms));
    }
    updateTimeLabel();
}

void PlayerControls::setDuration(qint64 ms)
{
    m_durationMs = ms;
    m_position->setRange(0, static_cast<int>(ms));
    updateTimeLabel();
}

void PlayerControls::setSpeed(double speed)
{
    const int index = m_speed->findData(speed);
    if (index >= 0)
        m_speed->setCurrentIndex(index);
}

void PlayerControls::setMuted(bool muted)
{
    m_muted = muted;
    updateMuteIcon();
}

void PlayerControls::setVolume(float volume)
{
    const QSignalBlocker blocker(m_volume);
    m_volume->setValue(static_cast<int>(std::lround(volume * volumeSteps)));
}

void PlayerControls::setAudioAvailable(bool available)
{
    m_audioAvailable = available;
    const QString noDevice = tr("No audio device: the setting is kept for later");
    m_volume->setToolTip(available ? tr("Volume") : noDevice);
    updateMuteIcon();
}

void PlayerControls::setMediaAvailable(bool available)
{
    m_playPause->setEnabled(available);
    m_position->setEnabled(available);
}

void PlayerControls::setMarks(const QString& layer, const QList<SeekBarMark>& marks)
{
    m_position->setMarks(layer, marks);
}

void PlayerControls::updateTimeLabel()
{
    const QString total = m_durationMs > 0 ? clockText(m_durationMs) : QStringLiteral("--:--");
    m_time->setText(clockText(m_positionMs) + QStringLiteral(" / ") + total);
}

void PlayerControls::updateMuteIcon()
{
    m_mute->setIcon(style()->standardIcon(m_muted ? QStyle::SP_MediaVolumeMuted : QStyle::SP_MediaVolume));
    QString tip = m_muted ? tr("Unmute (M)") : tr("Mute (M)");
    if (!m_audioAvailable)
        tip += tr(" - no audio device");
    m_mute->setToolTip(tip);
}

}  // namespace scholia::gui
