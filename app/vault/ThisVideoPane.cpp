#include "vault/ThisVideoPane.h"

#include "vault/Counted.h"

#include "vault/PlaceList.h"

#include <QLabel>
#include <QVBoxLayout>

namespace scholia::gui {

ThisVideoPane::ThisVideoPane(QWidget* parent)
    : QWidget(parent), m_heading(new QLabel(this)), m_notes(new PlaceList(this)),
      m_citationsHeading(new QLabel(tr("Their citations, in time order:"), this)), m_citations(new PlaceList(this))
{
    setObjectName(QStringLiteral("thisVideoPane"));
    m_heading->setObjectName(QStringLiteral("thisVideoHeading"));
    m_heading->setWordWrap(true);
    m_notes->setObjectName(QStringLiteral("thisVideoNotes"));
    m_citations->setObjectName(QStringLiteral("thisVideoCitations"));
    // One line each ("1:23  Title"), and a video's notes may cite it thousands of times:
    // rows of one height are laid out at once, not measured one by one (~0.1 ms a row).
    m_citations->setWordWrap(false);
    m_citations->setUniformItemSizes(true);
    m_citations->setTextElideMode(Qt::ElideRight);  // "0:09  Diplomatic tensions bet…", no side scrolling
    m_citations->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addWidget(m_heading);
    layout->addWidget(m_notes, 1);
    layout->addWidget(m_citationsHeading);
    layout->addWidget(m_citations, 2);
    connect(m_notes, &PlaceList::placeChosen, this, &ThisVideoPane::placeChosen);
    connect(m_citations, &PlaceList::placeChosen, this, &ThisVideoPane::placeChosen);
    showMessage(tr("Open a folder to see every note about this video."));
}

void ThisVideoPane::showVideo(const QString& videoId, const QList<VaultPlace>& notes,
                              const QList<VaultPlace>& citations)
{
    m_heading->setText(
        counted(notes.size(), tr("1 note about video %2:"), tr("%1 notes about video %2:")).arg(videoId));
    m_notes->setPlaces(notes);
    m_citations->setPlaces(citations, PlaceList::Show::TimeAndTitle);
    m_citationsHeading->setVisible(true);
    m_citations->setVisible(true);
}

void ThisVideoPane::showMessage(const QString& message)
{
    m_heading->setText(message);
    m_notes->setPlaces({});
    m_citations->setPlaces({});
    m_citationsHeading->setVisible(false);
    m_citations->setVisible(false);
}

}  // namespace scholia::gui
