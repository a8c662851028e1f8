#pragma once
// What the player area shows instead of a video: which file is missing or why it cannot be
// played, a "Locate video..." button and, when the note names a YouTube video, an offer to
// open it there at the citation last clicked.

#include <QWidget>

class QLabel;
class QPushButton;

namespace scholia::gui {

class VideoMessagePage : public QWidget {
    Q_OBJECT
public:
    explicit VideoMessagePage(QWidget* parent = nullptr);

    void setMessage(const QString& title, const QString& detail);
    QString title() const;
    QString detail() const;

    // The YouTube button's text ("Open on YouTube at 1:11"); empty hides the button.
    void setYouTubeOffer(const QString& label);

Q_SIGNALS:
    void locateRequested();
    void youTubeRequested();

private:
    QLabel* m_title = nullptr;
    QLabel* m_detail = nullptr;
    QPushButton* m_locate = nullptr;
    QPushButton* m_youTube = nullptr;
};

}  // namespace scholia::gui
