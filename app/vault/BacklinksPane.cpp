#include "vault/BacklinksPane.h"

#include "vault/Counted.h"

#include "vault/PlaceList.h"

#include <QLabel>
#include <QVBoxLayout>

namespace scholia::gui {

BacklinksPane::BacklinksPane(QWidget* parent)
    : QWidget(parent), m_heading(new QLabel(this)), m_list(new PlaceList(this)), m_unresolvedHeading(new QLabel(this)),
      m_unresolved(new PlaceList(this))
{
    setObjectName(QStringLiteral("backlinksPane"));
    m_heading->setObjectName(QStringLiteral("backlinksHeading"));
    m_heading->setWordWrap(true);
    m_list->setObjectName(QStringLiteral("backlinksList"));
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addWidget(m_heading);
    layout->addWidget(m_list, 2);
    m_unresolved->setObjectName(QStringLiteral("unresolvedLinksList"));
    m_unresolvedHeading->setObjectName(QStringLiteral("unresolvedLinksHeading"));
    layout->addWidget(m_unresolvedHeading);
    layout->addWidget(m_unresolved, 1);
    connect(m_list, &PlaceList::placeChosen, this, &BacklinksPane::placeChosen);
    connect(m_unresolved, &PlaceList::placeChosen, this, &BacklinksPane::placeChosen);
    showMessage(tr("Open a folder to see which notes link here."));
}

void BacklinksPane::showBacklinks(const QList<VaultPlace>& backlinks, const QList<VaultPlace>& unresolved)
{
    m_list->setPlaces(backlinks);
    m_unresolved->setPlaces(unresolved);
    m_unresolvedHeading->setText(counted(unresolved.size(), tr("1 link of this note leads nowhere:"),
                                         tr("%1 links of this note lead nowhere:")));
    m_unresolvedHeading->setVisible(!unresolved.isEmpty());
    m_unresolved->setVisible(!unresolved.isEmpty());
    m_heading->setText(backlinks.isEmpty()
                           ? tr("No note links here.")
                           : counted(backlinks.size(), tr("1 note links here:"), tr("%1 notes link here:")));
}

void BacklinksPane::showMessage(const QString& message)
{
    m_list->setPlaces({});
    m_unresolved->setPlaces({});
    m_unresolvedHeading->hide();
    m_unresolved->hide();
    m_heading->setText(message);
}

int BacklinksPane::count() const
{
    return m_list->count();
}

}  // namespace scholia::gui
