#include "vault/PlaceSearchDialog.h"

#include "vault/Counted.h"

#include "vault/PlaceList.h"

#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QVBoxLayout>

#include <algorithm>

namespace scholia::gui {

PlaceSearchDialog::PlaceSearchDialog(const QString& name, const QString& title, const QString& placeholder,
                                     Lookup lookup, QWidget* parent)
    : QDialog(parent), m_lookup(std::move(lookup)), m_input(new QLineEdit(this)), m_count(new QLabel(this)),
      m_results(new PlaceList(this))
{
    setObjectName(name + QStringLiteral("Dialog"));
    setWindowTitle(title);
    m_input->setObjectName(name + QStringLiteral("Input"));
    m_input->setPlaceholderText(placeholder);
    m_input->setClearButtonEnabled(true);
    m_count->setObjectName(name + QStringLiteral("Count"));
    m_results->setObjectName(name + QStringLiteral("Results"));
    m_input->installEventFilter(this);

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_input);
    layout->addWidget(m_count);
    layout->addWidget(m_results, 1);
    resize(640, 480);

    connect(m_input, &QLineEdit::textChanged, this, &PlaceSearchDialog::lookUp);
    connect(m_results, &PlaceList::placeChosen, this, &PlaceSearchDialog::choose);
}

void PlaceSearchDialog::activate()
{
    show();
    raise();
    activateWindow();
    m_input->setFocus();
    m_input->selectAll();
}

void PlaceSearchDialog::refresh()
{
    if (isVisible())
        lookUp(m_input->text());
}

void PlaceSearchDialog::lookUp(const QString& query)
{
    const QList<VaultPlace> places = query.trimmed().isEmpty() ? QList<VaultPlace>() : m_lookup(query);
    m_results->setPlaces(places);
    m_count->setText(query.trimmed().isEmpty() ? QString()
                     : places.isEmpty()        ? tr("Nothing found")
                                               : counted(places.size(), tr("1 result"), tr("%1 results")));
}

bool PlaceSearchDialog::eventFilter(QObject* watched, QEvent* event)
{
    // Up, Down and Enter in the input move through and choose the results, as in any launcher.
    if (watched == m_input && event->type() == QEvent::KeyPress) {
        const auto* key = static_cast<QKeyEvent*>(event);
        const int row = m_results->currentRow();
        switch (key->key()) {
        case Qt::Key_Down: m_results->setCurrentRow(std::min(row + 1, m_results->count() - 1)); return true;
        case Qt::Key_Up: m_results->setCurrentRow(std::max(row - 1, 0)); return true;
        case Qt::Key_Return:
        case Qt::Key_Enter:
            if (const auto place = m_results->currentPlace())
                choose(*place);
            return true;
        default: break;
        }
    }
    return QDialog::eventFilter(watched, event);
}

void PlaceSearchDialog::choose(const VaultPlace& place)
{
    hide();
    Q_EMIT placeChosen(place);
}

}  // namespace scholia::gui
