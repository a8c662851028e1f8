#pragma once
// A search-as-you-type dialog over the vault: vault search (Ctrl+Shift+F) and quick open
// (Ctrl+P) are two of these with different lookups. Emits placeChosen and hides; what the
// place means (open, scroll, seek) is MainWindow's decision.

#include "vault/VaultSession.h"

#include <QDialog>

#include <functional>

class QLabel;
class QLineEdit;

namespace scholia::gui {

class PlaceList;

class PlaceSearchDialog : public QDialog {
    Q_OBJECT
public:
    using Lookup = std::function<QList<VaultPlace>(const QString& query)>;

    // `name` prefixes the object names: "<name>Dialog", "<name>Input", "<name>Results".
    PlaceSearchDialog(const QString& name, const QString& title, const QString& placeholder, Lookup lookup,
                      QWidget* parent = nullptr);

    // Shows the dialog with the input focused and its text selected.
    void activate();
    void refresh();  // runs the lookup again (the vault changed)

Q_SIGNALS:
    void placeChosen(const VaultPlace& place);

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    void lookUp(const QString& query);
    void choose(const VaultPlace& place);

    Lookup m_lookup;
    QLineEdit* m_input = nullptr;
    QLabel* m_count = nullptr;
    PlaceList* m_results = nullptr;
};

}  // namespace scholia::gui
