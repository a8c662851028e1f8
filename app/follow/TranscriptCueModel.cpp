#include "follow/TranscriptCueModel.h"

#include "common/CoreBridge.h"

#include <QBrush>
#include <QColor>
#include <QFont>

namespace scholia::gui {

TranscriptCueModel::TranscriptCueModel(QObject* parent) : QAbstractListModel(parent) { }

void TranscriptCueModel::setTranscript(Transcript transcript)
{
    beginResetModel();
    m_transcript = std::move(transcript);
    m_current = -1;
    endResetModel();
}

void TranscriptCueModel::setCurrentCue(int cue)
{
    if (cue == m_current)
        return;
    const int previous = m_current;
    m_current = cue;
    if (previous >= 0 && previous < rowCount())
        Q_EMIT dataChanged(index(previous), index(previous));
    if (cue >= 0 && cue < rowCount())
        Q_EMIT dataChanged(index(cue), index(cue));
}

int TranscriptCueModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_transcript.cues.size());
}

QVariant TranscriptCueModel::data(const QModelIndex& index, int role) const
{
    if (!index.isValid() || index.row() >= rowCount())
        return {};
    const Cue& cue = m_transcript.cues[static_cast<std::size_t>(index.row())];
    switch (role) {
    case Qt::DisplayRole:
        return QStringLiteral("%1  %2").arg(clockText(cue.startMs),
                                            toQString(cue.text).replace(QLatin1Char('\n'), QLatin1Char(' ')));
    case Qt::ToolTipRole:
        return QStringLiteral("%1 - %2\n%3").arg(clockText(cue.startMs), clockText(cue.endMs), toQString(cue.text));
    case Qt::BackgroundRole: return index.row() == m_current ? QVariant(QBrush(QColor(0xff, 0xf1, 0xa8))) : QVariant();
    case Qt::FontRole:
        if (index.row() == m_current) {
            QFont font;
            font.setBold(true);
            return font;
        }
        return {};
    case startMsRole: return QVariant::fromValue<qint64>(cue.startMs);
    default: return {};
    }
}

}  // namespace scholia::gui
