#pragma once
// The row under the video: play/pause, position slider with "elapsed / total", speed,
// mute and volume, fullscreen. It only shows state and emits what the user asked for;
// PlayerPanel owns the media player and decides.

#include "player/CitationSlider.h"

#include <QWidget>

class QComboBox;
class QLabel;
class QSlider;
class QToolButton;

namespace scholia::gui {

class PlayerControls : public QWidget {
    Q_OBJECT
public:
    explicit PlayerControls(QWidget* parent = nullptr);

    void setPlaying(bool playing);
    void setPosition(qint64 ms);
    void setDuration(qint64 ms);
    void setSpeed(double speed);
    void setMuted(bool muted);
    void setVolume(float volume);  // 0..1
    void setAudioAvailable(bool available);
    void setMediaAvailable(bool available);
    // Marks on the position slider (see CitationSlider).
    void setMarks(const QString& layer, const QList<SeekBarMark>& marks);

Q_SIGNALS:
    void playPauseClicked();
    void seekRequested(qint64 ms);
    void speedChosen(double speed);
    void muteClicked();
    void volumeChosen(float volume);
    void fullScreenClicked();

private:
    QToolButton* makeButton(const QString& objectName, const QString& toolTip);
    void updateTimeLabel();
    void updateMuteIcon();

    QToolButton* m_playPause = nullptr;
    CitationSlider* m_position = nullptr;
    QLabel* m_time = nullptr;
    QComboBox* m_speed = nullptr;
    QToolButton* m_mute = nullptr;
    QSlider* m_volume = nullptr;
    QToolButton* m_fullScreen = nullptr;
    qint64 m_positionMs = 0;
    qint64 m_durationMs = 0;
    bool m_muted = false;
    bool m_audioAvailable = true;
};

}  // namespace scholia::gui
