#include "follow/NoteFollower.h"

#include <QAbstractTextDocumentLayout>
#include <QApplication>
#include <QEvent>
#include <QKeyEvent>
#include <QScrollBar>
#include <QTextBlock>
#include <QTextEdit>

#include <algorithm>

namespace scholia::gui {

namespace {

// Marks our extra selection, so that others' extra selections on the same view are kept.
constexpr int followSelectionProperty = QTextFormat::UserProperty + 0x5c;
const QColor highlightColor(0xff, 0xf1, 0xa8);

}  // namespace

NoteFollower::NoteFollower(QTextEdit* view, QObject* parent) : QObject(parent), m_view(view)
{
    setObjectName(QStringLiteral("noteFollower"));
    // actionTriggered comes only from the user (wheel, drag, arrows, Page Up/Down), never from setValue().
    connect(m_view->verticalScrollBar(), &QScrollBar::actionTriggered, this, &NoteFollower::onUserScrolled);
    // A new or re-rendered note: block numbers change, and the old highlight is gone with the old text.
    connect(m_view->document(), &QTextDocument::contentsChanged, this, [this] {
        m_blocksDirty = true;
        if (!m_reapplyQueued) {
            m_reapplyQueued = true;
            QMetaObject::invokeMethod(
                this,
                [this] {
                    m_reapplyQueued = false;
                    applyHighlight();
                },
                Qt::QueuedConnection);
        }
    });
    m_view->viewport()->installEventFilter(this);
    m_view->installEventFilter(this);
}

void NoteFollower::setNote(const Note& note)
{
    m_timeline = buildTimeline(note);
    m_blocksDirty = true;
    m_activeClaim.reset();
    const qint64 last = m_lastPositionMs;
    m_lastPositionMs = -1;
    if (last >= 0)
        followPosition(last);
}

void NoteFollower::clear()
{
    m_timeline.clear();
    m_activeClaim.reset();
    m_lastPositionMs = -1;
    applyHighlight();
    setPaused(false);
}

void NoteFollower::setEnabled(bool enabled)
{
    if (m_enabled == enabled)
        return;
    m_enabled = enabled;
    setPaused(false);
    applyHighlight();
    if (enabled)
        bringIntoView();
}

QString NoteFollower::activeClaimId() const
{
    return m_activeClaim ? QStringLiteral("claim-%1").arg(*m_activeClaim) : QString();
}

void NoteFollower::followPosition(qint64 ms)
{
    const bool documentChanged = m_blocksDirty;
    if (ms == m_lastPositionMs && !documentChanged)
        return;
    m_lastPositionMs = ms;
    const std::optional<int> claim = scholia::activeClaim(m_timeline, ms);
    if (claim == m_activeClaim && !documentChanged)
        return;
    const bool moved = claim != m_activeClaim;
    m_activeClaim = claim;
    applyHighlight();
    if (moved) {
        bringIntoView();
        Q_EMIT activeClaimChanged(claim.value_or(-1));
    }
}

void NoteFollower::setPlaying(bool playing)
{
    m_playing = playing;
    if (playing)
        bringIntoView();
}

void NoteFollower::resume()
{
    setPaused(false);
    scrollToActiveClaim();
}

std::optional<int> NoteFollower::claimAtPosition(int position)
{
    if (m_blocksDirty)
        rebuildClaimBlocks();
    const QTextBlock block = m_view->document()->findBlock(position);
    const auto it = m_blockClaim.constFind(block.blockNumber());
    if (it == m_blockClaim.constEnd())
        return std::nullopt;
    return *it;
}

bool NoteFollower::eventFilter(QObject* watched, QEvent* event)
{
    // A wheel over the text scrolls through the scroll bar (actionTriggered); a touchpad
    // pixel scroll may not, so it counts here too. So do the keys that scroll the text.
    if (watched == m_view->viewport() && event->type() == QEvent::Wheel)
        onUserScrolled();
    if (watched == m_view && event->type() == QEvent::KeyPress) {
        switch (static_cast<QKeyEvent*>(event)->key()) {
        case Qt::Key_PageUp:
        case Qt::Key_PageDown:
        case Qt::Key_Up:
        case Qt::Key_Down:
        case Qt::Key_Home:
        case Qt::Key_End: onUserScrolled(); break;
        default: break;
        }
    }
    return QObject::eventFilter(watched, event);
}

void NoteFollower::onUserScrolled()
{
    if (m_enabled && m_activeClaim)
        setPaused(true);
}

void NoteFollower::setPaused(bool paused)
{
    if (m_paused == paused)
        return;
    m_paused = paused;
    Q_EMIT pausedChanged(paused);
}

void NoteFollower::rebuildClaimBlocks()
{
    m_claimBlock.clear();
    m_blockClaim.clear();
    const QLatin1String prefix("claim-");
    // The renderer opens every claim's element with <a name="claim-N">: its block is the claim.
    for (QTextBlock block = m_view->document()->begin(); block.isValid(); block = block.next()) {
        for (auto it = block.begin(); !it.atEnd(); ++it) {
            for (const QString& name : it.fragment().charFormat().anchorNames()) {
                if (!name.startsWith(prefix))
                    continue;
                bool ok = false;
                const int claim = QStringView(name).mid(prefix.size()).toInt(&ok);
                if (ok && !m_claimBlock.contains(claim)) {
                    m_claimBlock.insert(claim, block.blockNumber());
                    m_blockClaim.insert(block.blockNumber(), claim);
                }
            }
        }
    }
    m_blocksDirty = false;
}

void NoteFollower::applyHighlight()
{
    if (m_blocksDirty)
        rebuildClaimBlocks();
    QList<QTextEdit::ExtraSelection> selections = m_view->extraSelections();
    selections.removeIf(
        [](const QTextEdit::ExtraSelection& s) { return s.format.hasProperty(followSelectionProperty); });
    if (m_enabled && m_activeClaim && m_claimBlock.contains(*m_activeClaim)) {
        const QTextBlock block = m_view->document()->findBlockByNumber(m_claimBlock.value(*m_activeClaim));
        QTextEdit::ExtraSelection selection;
        selection.cursor = QTextCursor(block);
        selection.cursor.setPosition(block.position() + std::max(0, block.length() - 1), QTextCursor::KeepAnchor);
        selection.format.setBackground(highlightColor);
        selection.format.setProperty(followSelectionProperty, true);
        selections.append(selection);
    }
    m_view->setExtraSelections(selections);
}

bool NoteFollower::userIsSelecting() const
{
    return m_view->textCursor().hasSelection()
        || (QApplication::mouseButtons() != Qt::NoButton && m_view->viewport()->underMouse());
}

void NoteFollower::bringIntoView()
{
    if (m_playing && !m_paused)
        scrollToActiveClaim();
}

void NoteFollower::scrollToActiveClaim()
{
    if (!m_enabled || !m_activeClaim || userIsSelecting())
        return;
    if (m_blocksDirty)
        rebuildClaimBlocks();
    const auto it = m_claimBlock.constFind(*m_activeClaim);
    if (it == m_claimBlock.constEnd())
        return;
    const QTextBlock block = m_view->document()->findBlockByNumber(*it);
    const QRectF rect = m_view->document()->documentLayout()->blockBoundingRect(block);
    QScrollBar* bar = m_view->verticalScrollBar();
    const int top = bar->value();
    const int height = m_view->viewport()->height();
    if (rect.top() >= top && rect.bottom() <= top + height)
        return;  // already in full view: the text stays still while the reader reads
    // A quarter down from the top: the claims just passed stay visible above it.
    const int target = static_cast<int>(rect.height() > height * 3 / 4 ? rect.top() : rect.top() - height / 4);
    bar->setValue(std::clamp(target, bar->minimum(), bar->maximum()));
}

}  // namespace scholia::gui
