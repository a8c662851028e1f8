#pragma once
// The transcript dock: every cue of the video's transcript, the one being spoken highlighted and
// kept in view while the video plays, with its own search. A click on a cue emits cueActivated;
// MainWindow seeks there. Scrolling the list by hand stops it following for a few seconds.

#include "transcript/Transcript.h"

#include <QDockWidget>
#include <QElapsedTimer>

#include <vector>

class QLabel;
class QLineEdit;
class QListView;

namespace scholia::gui {

class TranscriptCueModel;

class TranscriptPane : public QDockWidget {
    Q_OBJECT
public:
    explicit TranscriptPane(QWidget* parent = nullptr);

    // `source`: where it came from, shown above the list ("Sample.en.vtt, 212 cues").
    void setTranscript(Transcript transcript, const QString& source);
    // No transcript: the pane says why.
    void showMessage(const QString& message);
    bool hasTranscript() const;
    const Transcript& transcript() const;
    QString sourceText() const;

    void followPosition(qint64 ms);
    int currentCue() const;
    // Scrolls to the first cue from `ms` on and selects the cues of [fromMs, toMs).
    void showRange(qint64 fromMs, qint64 toMs);

    // Searches the cues; the first match from the current cue on is selected. Returns the match count.
    int search(const QString& text);
    void nextMatch();
    QListView* list() const { return m_list; }

Q_SIGNALS:
    void cueActivated(qint64 ms);

private:
    void selectMatch();

    QLabel* m_source = nullptr;
    QLineEdit* m_search = nullptr;
    QLabel* m_matchLabel = nullptr;
    QListView* m_list = nullptr;
    TranscriptCueModel* m_model = nullptr;
    std::vector<int> m_matches;
    int m_match = -1;
    QElapsedTimer m_sinceUserScroll;  // invalid: the user never scrolled the list
};

}  // namespace scholia::gui
