#pragma once
// "Follow playback" in the note: highlights the claim whose citation the video passed last and
// keeps it in view. It decorates a text view it is given (as QSyntaxHighlighter decorates a
// document): the highlight is an extra selection, so the note is never re-rendered, and an
// update that changes nothing costs one binary search.
//
// The view moves only while the video plays. Scrolling by hand (wheel, scroll bar, keys) pauses
// that, not the highlight, until resume(); the view never moves while the user holds a selection
// or the mouse button.

#include "follow/PlaybackFollower.h"

#include <QHash>
#include <QObject>

#include <optional>

class QTextEdit;

namespace scholia::gui {

class NoteFollower : public QObject {
    Q_OBJECT
public:
    explicit NoteFollower(QTextEdit* view, QObject* parent = nullptr);

    // The note shown in the view (resolved): its timeline. The highlight is recomputed at the next position.
    void setNote(const Note& note);
    void clear();

    // Follow playback on or off; off removes the highlight.
    void setEnabled(bool enabled);
    bool isEnabled() const { return m_enabled; }
    // True after the user scrolled by hand: the highlight still moves, the view does not.
    bool isPaused() const { return m_paused; }

    // The playback position: highlight its claim and, while playing and not paused, bring it into view.
    void followPosition(qint64 ms);
    // Whether the video plays: only then does the view move by itself (a video loading at 0:00 must
    // not take the reader away from where they are). Starting to play brings the claim into view.
    void setPlaying(bool playing);
    // Ends a pause and brings the highlighted claim into view.
    void resume();

    const Timeline& timeline() const { return m_timeline; }
    std::optional<int> activeClaim() const { return m_activeClaim; }
    // "claim-N" of the highlighted claim, or empty.
    QString activeClaimId() const;
    // The claim whose text holds document position `position`, if any.
    std::optional<int> claimAtPosition(int position);

Q_SIGNALS:
    void pausedChanged(bool paused);
    void activeClaimChanged(int claim);  // -1: none

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    void onUserScrolled();
    void setPaused(bool paused);
    void rebuildClaimBlocks();
    void applyHighlight();
    void bringIntoView();
    void scrollToActiveClaim();
    bool userIsSelecting() const;

    QTextEdit* m_view = nullptr;
    Timeline m_timeline;
    QHash<int, int> m_claimBlock;  // claim index -> block number in the view's document
    QHash<int, int> m_blockClaim;  // block number -> claim index
    bool m_blocksDirty = true;     // the document changed since m_claimBlock was built
    bool m_reapplyQueued = false;  // the highlight is put back once a re-render is done
    std::optional<int> m_activeClaim;
    qint64 m_lastPositionMs = -1;
    bool m_enabled = true;
    bool m_paused = false;
    bool m_playing = false;
};

}  // namespace scholia::gui
