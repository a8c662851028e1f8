#pragma once
// The notes that link to the current one, each with the sentence around its link, and the
// current note's links that lead nowhere. Choosing one emits placeChosen; MainWindow opens
// that note at the link.

#include "vault/VaultSession.h"

#include <QWidget>

class QLabel;

namespace scholia::gui {

class PlaceList;

class BacklinksPane : public QWidget {
    Q_OBJECT
public:
    explicit BacklinksPane(QWidget* parent = nullptr);

    void showBacklinks(const QList<VaultPlace>& backlinks, const QList<VaultPlace>& unresolved);
    void showMessage(const QString& message);  // no vault, or still indexing
    int count() const;

Q_SIGNALS:
    void placeChosen(const VaultPlace& place);

private:
    QLabel* m_heading = nullptr;
    PlaceList* m_list = nullptr;
    QLabel* m_unresolvedHeading = nullptr;
    PlaceList* m_unresolved = nullptr;
};

}  // namespace scholia::gui
