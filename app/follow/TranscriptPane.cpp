#include "follow/TranscriptPane.h"

#include "common/CoreBridge.h"
#include "follow/TranscriptCueModel.h"
#include "transcript/TranscriptLookup.h"

#include <QHBoxLayout>
#include <QItemSelectionModel>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QScrollBar>
#include <QVBoxLayout>

#include <algorithm>

namespace scholia::gui {

namespace {
constexpr qint64 userScrollGraceMs = 4000;  // after a scroll by hand, the list stays put this long
}

TranscriptPane::TranscriptPane(QWidget* parent) : QDockWidget(tr("Transcript"), parent)
{
    setObjectName(QStringLiteral("transcriptPane"));
    auto* body = new QWidget(this);
    m_source = new QLabel(body);
    m_source->setObjectName(QStringLiteral("transcriptSource"));
    m_source->setWordWrap(true);
    m_search = new QLineEdit(body);
    m_search->setObjectName(QStringLiteral("transcriptSearch"));
    m_search->setPlaceholderText(tr("Search the transcript"));
    m_search->setClearButtonEnabled(true);
    m_matchLabel = new QLabel(body);
    m_matchLabel->setObjectName(QStringLiteral("transcriptMatches"));
    m_model = new TranscriptCueModel(this);
    m_list = new QListView(body);
    m_list->setObjectName(QStringLiteral("transcriptList"));
    m_list->setModel(m_model);
    m_list->setUniformItemSizes(true);  // thousands of cues lay out in no time
    m_list->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_list->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_list->setTextElideMode(Qt::ElideRight);

    auto* searchRow = new QHBoxLayout;
    searchRow->addWidget(m_search, 1);
    searchRow->addWidget(m_matchLabel);
    auto* layout = new QVBoxLayout(body);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addWidget(m_source);
    layout->addLayout(searchRow);
    layout->addWidget(m_list, 1);
    setWidget(body);

    connect(m_list, &QListView::clicked, this, [this](const QModelIndex& index) {
        Q_EMIT cueActivated(index.data(TranscriptCueModel::startMsRole).toLongLong());
    });
    connect(m_list->verticalScrollBar(), &QScrollBar::actionTriggered, this, [this] { m_sinceUserScroll.start(); });
    connect(m_search, &QLineEdit::textEdited, this, [this](const QString& text) { search(text); });
    connect(m_search, &QLineEdit::returnPressed, this, &TranscriptPane::nextMatch);
    showMessage(tr("No transcript."));
}

void TranscriptPane::setTranscript(Transcript transcript, const QString& source)
{
    const int cues = static_cast<int>(transcript.cues.size());
    m_model->setTranscript(std::move(transcript));
    m_source->setText(tr("%1, %n cue(s)", nullptr, cues).arg(source));
    m_matches.clear();
    m_match = -1;
    if (!m_search->text().isEmpty())
        search(m_search->text());
}

void TranscriptPane::showMessage(const QString& message)
{
    m_model->setTranscript({});
    m_source->setText(message);
    m_matches.clear();
    m_match = -1;
    m_matchLabel->clear();
}

bool TranscriptPane::hasTranscript() const
{
    return m_model->rowCount() > 0;
}

const Transcript& TranscriptPane::transcript() const
{
    return m_model->transcript();
}

QString TranscriptPane::sourceText() const
{
    return m_source->text();
}

int TranscriptPane::currentCue() const
{
    return m_model->currentCue();
}

void TranscriptPane::followPosition(qint64 ms)
{
    const int cue = cueAt(m_model->transcript(), ms).value_or(-1);
    if (cue == m_model->currentCue())
        return;
    m_model->setCurrentCue(cue);
    const bool userScrolled = m_sinceUserScroll.isValid() && m_sinceUserScroll.elapsed() < userScrollGraceMs;
    if (cue >= 0 && !userScrolled && isVisible())
        m_list->scrollTo(m_model->index(cue), QAbstractItemView::PositionAtCenter);
}

void TranscriptPane::showRange(qint64 fromMs, qint64 toMs)
{
    const std::vector<int> cues = cuesBetween(m_model->transcript(), fromMs, toMs);
    if (cues.empty())
        return;
    const QItemSelection selection(m_model->index(cues.front()), m_model->index(cues.back()));
    m_list->selectionModel()->select(selection, QItemSelectionModel::ClearAndSelect);
    m_list->scrollTo(m_model->index(cues.front()), QAbstractItemView::PositionAtTop);
    m_sinceUserScroll.start();  // keep the range on screen while the user reads it
}

int TranscriptPane::search(const QString& text)
{
    if (m_search->text() != text)
        m_search->setText(text);
    m_matches = searchTranscript(m_model->transcript(), toUtf8(text));
    m_match = -1;
    if (m_matches.empty()) {
        m_matchLabel->setText(text.trimmed().isEmpty() ? QString() : tr("no match"));
        m_list->clearSelection();
        return 0;
    }
    // The first match at or after the cue being spoken: searching does not jump back to the start.
    const int from = std::max(0, m_model->currentCue());
    const auto it = std::lower_bound(m_matches.begin(), m_matches.end(), from);
    m_match = it == m_matches.end() ? 0 : static_cast<int>(it - m_matches.begin());
    selectMatch();
    return static_cast<int>(m_matches.size());
}

void TranscriptPane::nextMatch()
{
    if (m_matches.empty())
        return;
    m_match = (m_match + 1) % static_cast<int>(m_matches.size());
    selectMatch();
}

void TranscriptPane::selectMatch()
{
    const QModelIndex index = m_model->index(m_matches[static_cast<std::size_t>(m_match)]);
    m_list->selectionModel()->setCurrentIndex(index, QItemSelectionModel::ClearAndSelect);
    m_list->scrollTo(index, QAbstractItemView::PositionAtCenter);
    m_sinceUserScroll.start();  // the match stays on screen rather than the cue being spoken
    m_matchLabel->setText(tr("%1 of %2").arg(m_match + 1).arg(m_matches.size()));
}

}  // namespace scholia::gui
