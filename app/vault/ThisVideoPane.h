#pragma once
// Every note of the vault about the current note's video, and the citations of all of them
// together in time order. Choosing a note or a citation emits placeChosen; MainWindow opens
// the note (the player keeps playing: same video) and seeks for a citation.

#include "vault/VaultSession.h"

#include <QWidget>

class QLabel;

namespace scholia::gui {

class PlaceList;

class ThisVideoPane : public QWidget {
    Q_OBJECT
public:
    explicit ThisVideoPane(QWidget* parent = nullptr);

    void showVideo(const QString& videoId, const QList<VaultPlace>& notes, const QList<VaultPlace>& citations);
    void showMessage(const QString& message);

Q_SIGNALS:
    void placeChosen(const VaultPlace& place);

private:
    QLabel* m_heading = nullptr;
    PlaceList* m_notes = nullptr;
    QLabel* m_citationsHeading = nullptr;
    PlaceList* m_citations = nullptr;
};

}  // namespace scholia::gui
