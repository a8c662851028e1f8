#include "player/CitationSlider.h"

#include "common/CoreBridge.h"

#include <QHelpEvent>
#include <QMouseEvent>
#include <QPainter>
#include <QStyle>
#include <QStyleOptionSlider>
#include <QToolTip>

#include <algorithm>
#include <cstdlib>

namespace scholia::gui {

namespace {

constexpr int hitPixels = 3;    // how near a mark the pointer must be to hover or click it
constexpr int maxTipLines = 6;  // marks listed in one tooltip where ticks crowd together

QColor colorFor(SeekBarMark::Kind kind)
{
    switch (kind) {
    case SeekBarMark::Kind::Citation: return QColor(0x1f, 0x6f, 0xc5);
    case SeekBarMark::Kind::Section: return QColor(0x20, 0x20, 0x20);
    case SeekBarMark::Kind::Annotation: return QColor(0xd0, 0x7a, 0x00);
    }
    return Qt::black;
}

}  // namespace

CitationSlider::CitationSlider(QWidget* parent) : QSlider(Qt::Horizontal, parent)
{
    setMouseTracking(true);
    setMinimumHeight(std::max(minimumSizeHint().height(), 22));  // room for the ticks above and below the groove
}

void CitationSlider::setMarks(const QString& layer, const QList<SeekBarMark>& marks)
{
    if (marks.isEmpty())
        m_layers.remove(layer);
    else
        m_layers.insert(layer, marks);
    update();
}

QRect CitationSlider::grooveRect() const
{
    QStyleOptionSlider option;
    initStyleOption(&option);
    return style()->subControlRect(QStyle::CC_Slider, &option, QStyle::SC_SliderGroove, this);
}

int CitationSlider::xForMs(qint64 ms) const
{
    QStyleOptionSlider option;
    initStyleOption(&option);
    const QRect groove = style()->subControlRect(QStyle::CC_Slider, &option, QStyle::SC_SliderGroove, this);
    const QRect handle = style()->subControlRect(QStyle::CC_Slider, &option, QStyle::SC_SliderHandle, this);
    // The handle's centre travels over the groove minus one handle length: the same mapping QStyle uses.
    const int span = groove.width() - handle.width();
    const int value = static_cast<int>(std::clamp<qint64>(ms, minimum(), maximum()));
    return groove.x() + handle.width() / 2
         + QStyle::sliderPositionFromValue(minimum(), maximum(), value, span, option.upsideDown);
}

QPoint CitationSlider::pointForMs(qint64 ms) const
{
    return {xForMs(ms), grooveRect().center().y()};
}

QList<SeekBarMark> CitationSlider::marksNear(int x) const
{
    QList<std::pair<int, SeekBarMark>> near;
    if (maximum() <= minimum())
        return {};
    for (const QList<SeekBarMark>& layer : m_layers) {
        for (const SeekBarMark& mark : layer) {
            const int distance = std::abs(xForMs(mark.ms) - x);
            if (distance <= hitPixels)
                near.append({distance, mark});
        }
    }
    std::stable_sort(near.begin(), near.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
    QList<SeekBarMark> result;
    for (const auto& entry : near)
        result.append(entry.second);
    return result;
}

bool CitationSlider::event(QEvent* event)
{
    if (event->type() != QEvent::ToolTip)
        return QSlider::event(event);
    const auto* help = static_cast<QHelpEvent*>(event);
    const QList<SeekBarMark> near = marksNear(help->pos().x());
    if (near.isEmpty()) {
        QToolTip::showText(help->globalPos(), toolTip(), this);
        return true;
    }
    QStringList lines;
    for (const SeekBarMark& mark : near.mid(0, maxTipLines)) {
        const QString text = mark.text.isEmpty() ? tr("(citation outside any claim)") : mark.text;
        lines << QStringLiteral("%1  %2").arg(clockText(mark.ms), text);
    }
    if (near.size() > maxTipLines)
        lines << tr("... and %1 more").arg(near.size() - maxTipLines);
    QToolTip::showText(help->globalPos(), lines.join(QLatin1Char('\n')), this);
    return true;
}

void CitationSlider::mousePressEvent(QMouseEvent* event)
{
    if (event->button() == Qt::LeftButton && isEnabled()) {
        const QList<SeekBarMark> near = marksNear(event->position().toPoint().x());
        // A click on the handle itself still drags it.
        QStyleOptionSlider option;
        initStyleOption(&option);
        const QRect handle = style()->subControlRect(QStyle::CC_Slider, &option, QStyle::SC_SliderHandle, this);
        if (!near.isEmpty() && !handle.contains(event->position().toPoint())) {
            Q_EMIT markClicked(near.first().ms);
            event->accept();
            return;
        }
    }
    QSlider::mousePressEvent(event);
}

void CitationSlider::paintEvent(QPaintEvent* event)
{
    QSlider::paintEvent(event);
    if (m_layers.isEmpty() || maximum() <= minimum())
        return;
    QPainter painter(this);
    const QRect groove = grooveRect();
    const int middle = groove.center().y();
    for (const QList<SeekBarMark>& layer : m_layers) {
        for (const SeekBarMark& mark : layer) {
            const int x = xForMs(mark.ms);
            // Ticks above and below the groove, so the handle never hides them entirely.
            const int reach = mark.kind == SeekBarMark::Kind::Section ? height() / 2 - 1 : height() / 2 - 4;
            painter.setPen(QPen(colorFor(mark.kind), mark.kind == SeekBarMark::Kind::Section ? 2 : 1));
            painter.drawLine(x, middle - reach, x, middle - groove.height() / 2 - 1);
            painter.drawLine(x, middle + groove.height() / 2 + 1, x, middle + reach);
        }
    }
}

}  // namespace scholia::gui
