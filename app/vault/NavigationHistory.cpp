#include "vault/NavigationHistory.h"

namespace scholia::gui {

namespace {

void push(QList<HistoryPlace>& stack, const HistoryPlace& place)
{
    stack.append(place);
    if (stack.size() > NavigationHistory::maxPlaces)
        stack.removeFirst();
}

}  // namespace

void NavigationHistory::leave(const HistoryPlace& left)
{
    if (left.path.isEmpty())
        return;
    push(m_back, left);
    m_forward.clear();
}

std::optional<HistoryPlace> NavigationHistory::back(const HistoryPlace& current)
{
    if (m_back.isEmpty())
        return std::nullopt;
    push(m_forward, current);
    return m_back.takeLast();
}

std::optional<HistoryPlace> NavigationHistory::forward(const HistoryPlace& current)
{
    if (m_forward.isEmpty())
        return std::nullopt;
    push(m_back, current);
    return m_forward.takeLast();
}

void NavigationHistory::clear()
{
    m_back.clear();
    m_forward.clear();
}

}  // namespace scholia::gui
