#pragma once
// A list of places in the vault (search results, backlinks, citations about a video): each
// row the note's title, where in it, and a snippet. Emits placeChosen on a click or Enter.

#include "vault/VaultSession.h"

#include <QListWidget>

namespace scholia::gui {

class PlaceList : public QListWidget {
    Q_OBJECT
public:
    enum class Show { Title, TimeAndTitle };

    explicit PlaceList(QWidget* parent = nullptr);

    void setPlaces(const QList<VaultPlace>& places, Show show = Show::Title);
    const QList<VaultPlace>& places() const { return m_places; }
    // The place of the current row, if any.
    std::optional<VaultPlace> currentPlace() const;

Q_SIGNALS:
    void placeChosen(const VaultPlace& place);

protected:
    void keyPressEvent(QKeyEvent* event) override;

private:
    void choose(QListWidgetItem* item);

    QList<VaultPlace> m_places;
};

}  // namespace scholia::gui
