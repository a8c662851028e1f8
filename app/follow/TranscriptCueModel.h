#pragma once
// The cues of a transcript as list rows ("3:17  text"), with the cue being spoken now
// highlighted. A model rather than items: auto-captions of a long video have thousands of cues.

#include "transcript/Transcript.h"

#include <QAbstractListModel>

namespace scholia::gui {

class TranscriptCueModel : public QAbstractListModel {
    Q_OBJECT
public:
    static constexpr int startMsRole = Qt::UserRole;

    explicit TranscriptCueModel(QObject* parent = nullptr);

    void setTranscript(Transcript transcript);
    const Transcript& transcript() const { return m_transcript; }

    // The cue shown highlighted (index into Transcript::cues), -1 for none.
    void setCurrentCue(int cue);
    int currentCue() const { return m_current; }

    int rowCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role) const override;

private:
    Transcript m_transcript;
    int m_current = -1;
};

}  // namespace scholia::gui
