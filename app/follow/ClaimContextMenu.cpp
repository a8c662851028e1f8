#include "follow/ClaimContextMenu.h"

#include <QContextMenuEvent>
#include <QMenu>
#include <QTextEdit>

#include <memory>

namespace scholia::gui {

ClaimContextMenu::ClaimContextMenu(QTextEdit* view, ClaimAt claimAt, QObject* parent)
    : QObject(parent), m_view(view), m_claimAt(std::move(claimAt))
{
    setObjectName(QStringLiteral("claimContextMenu"));
    m_view->viewport()->installEventFilter(this);
}

bool ClaimContextMenu::eventFilter(QObject* watched, QEvent* event)
{
    if (watched != m_view->viewport() || event->type() != QEvent::ContextMenu)
        return QObject::eventFilter(watched, event);
    const auto* menuEvent = static_cast<QContextMenuEvent*>(event);
    const std::optional<int> claim = m_claimAt(m_view->cursorForPosition(menuEvent->pos()).position());
    std::unique_ptr<QMenu> menu(m_view->createStandardContextMenu(menuEvent->pos()));
    menu->setObjectName(QStringLiteral("noteContextMenu"));
    menu->addSeparator();
    QAction* show = menu->addAction(tr("Show What Was Said"));
    show->setObjectName(QStringLiteral("claimShowWhatWasSaidAction"));
    show->setEnabled(claim.has_value());
    if (claim)
        connect(show, &QAction::triggered, this, [this, c = *claim] { Q_EMIT spokenContextRequested(c); });
    menu->exec(menuEvent->globalPos());
    return true;
}

}  // namespace scholia::gui
