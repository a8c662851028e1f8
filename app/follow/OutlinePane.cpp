#include "follow/OutlinePane.h"

#include "common/CoreBridge.h"
#include "follow/PlaybackFollower.h"

#include <QHeaderView>
#include <QTreeWidget>

namespace scholia::gui {

namespace {
constexpr int headingRole = Qt::UserRole;
constexpr int firstCitationRole = Qt::UserRole + 1;
}  // namespace

OutlinePane::OutlinePane(QWidget* parent) : QDockWidget(tr("Outline"), parent)
{
    setObjectName(QStringLiteral("outlinePane"));
    m_tree = new QTreeWidget(this);
    m_tree->setObjectName(QStringLiteral("outlineTree"));
    m_tree->setColumnCount(2);
    m_tree->setHeaderLabels({tr("Heading"), tr("Video")});
    m_tree->header()->setStretchLastSection(false);
    m_tree->header()->setSectionResizeMode(0, QHeaderView::Stretch);
    m_tree->header()->setSectionResizeMode(1, QHeaderView::ResizeToContents);
    m_tree->setRootIsDecorated(true);
    m_tree->setUniformRowHeights(true);
    setWidget(m_tree);
    // itemClicked for the mouse, itemActivated for Enter: both mean "go there".
    connect(m_tree, &QTreeWidget::itemClicked, this, [this](QTreeWidgetItem* item) { onItemActivated(item); });
    connect(m_tree, &QTreeWidget::itemActivated, this, [this](QTreeWidgetItem* item) { onItemActivated(item); });
}

void OutlinePane::setNote(const Note& note)
{
    m_tree->clear();
    m_items.clear();
    m_current.reset();
    const std::vector<SectionSpan> spans = sectionSpans(note);
    QList<std::pair<int, QTreeWidgetItem*>> open;  // (level, item) of the enclosing headings
    for (std::size_t i = 0; i < note.outline.size(); ++i) {
        const Heading& heading = note.outline[i];
        while (!open.isEmpty() && open.last().first >= heading.level)
            open.removeLast();
        auto* item = open.isEmpty() ? new QTreeWidgetItem(m_tree) : new QTreeWidgetItem(open.last().second);
        item->setText(0, toQString(heading.text));
        item->setToolTip(0, toQString(heading.text));
        const SectionSpan& span = spans[i];
        if (span.span)
            item->setText(
                1, span.span->fromMs == span.span->toMs
                       ? clockText(span.span->fromMs)
                       : QStringLiteral("%1 - %2").arg(clockText(span.span->fromMs), clockText(span.span->toMs)));
        item->setData(0, headingRole, static_cast<int>(i));
        item->setData(0, firstCitationRole, span.firstCitation.value_or(-1));
        m_items.append(item);
        open.append({heading.level, item});
    }
    m_tree->expandAll();
}

void OutlinePane::clear()
{
    m_tree->clear();
    m_items.clear();
    m_current.reset();
}

QTreeWidgetItem* OutlinePane::itemForHeading(int heading) const
{
    return heading >= 0 && heading < m_items.size() ? m_items.at(heading) : nullptr;
}

void OutlinePane::setCurrentSection(std::optional<int> heading)
{
    if (heading == m_current)
        return;
    if (m_current)
        setBold(itemForHeading(*m_current), false);
    m_current = heading;
    if (QTreeWidgetItem* item = heading ? itemForHeading(*heading) : nullptr) {
        setBold(item, true);
        m_tree->scrollToItem(item);
    }
}

void OutlinePane::setBold(QTreeWidgetItem* item, bool bold)
{
    if (!item)
        return;
    for (int column = 0; column < 2; ++column) {
        QFont font = item->font(column);
        font.setBold(bold);
        item->setFont(column, font);
        item->setBackground(column, bold ? QBrush(QColor(0xff, 0xf1, 0xa8)) : QBrush());
    }
}

void OutlinePane::onItemActivated(QTreeWidgetItem* item)
{
    if (item)
        Q_EMIT headingActivated(item->data(0, headingRole).toInt(), item->data(0, firstCitationRole).toInt());
}

}  // namespace scholia::gui
