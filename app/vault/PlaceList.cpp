#include "vault/PlaceList.h"

#include "common/CoreBridge.h"

#include <QKeyEvent>
#include <QTimer>

namespace scholia::gui {

PlaceList::PlaceList(QWidget* parent) : QListWidget(parent)
{
    setWordWrap(true);
    setUniformItemSizes(false);
    setAlternatingRowColors(true);
    // A click or Enter: not `itemActivated`, which a double click would send after the click.
    connect(this, &QListWidget::itemClicked, this, &PlaceList::choose);
}

void PlaceList::setPlaces(const QList<VaultPlace>& places, Show show)
{
    clear();
    m_places = places;
    for (const VaultPlace& place : m_places) {
        QString heading = place.title;
        if (show == Show::TimeAndTitle && place.ms)
            heading = tr("%1  %2").arg(clockText(*place.ms), place.title);
        else if (place.ms)
            heading = tr("%1  (%2)").arg(place.title, clockText(*place.ms));
        auto* item
            = new QListWidgetItem(place.snippet.isEmpty() ? heading : heading + QLatin1Char('\n') + place.snippet);
        item->setToolTip(place.path);
        addItem(item);
    }
    if (count() > 0)
        setCurrentRow(0);
}

std::optional<VaultPlace> PlaceList::currentPlace() const
{
    const int row = currentRow();
    if (row < 0 || row >= m_places.size())
        return std::nullopt;
    return m_places.at(row);
}

void PlaceList::keyPressEvent(QKeyEvent* event)
{
    if ((event->key() == Qt::Key_Return || event->key() == Qt::Key_Enter) && currentItem()) {
        choose(currentItem());
        return;
    }
    QListWidget::keyPressEvent(event);
}

void PlaceList::choose(QListWidgetItem* item)
{
    const int row = this->row(item);
    if (row < 0 || row >= m_places.size())
        return;
    // After the click is handled: what the place opens may fill this very list again.
    QTimer::singleShot(0, this, [this, place = m_places.at(row)] { Q_EMIT placeChosen(place); });
}

}  // namespace scholia::gui
