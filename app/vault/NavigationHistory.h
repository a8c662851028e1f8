#pragma once
// Back and forward between notes, as a browser does: each place is a note and how far it was
// scrolled when it was left. Pure logic; MainWindow records and restores the places.

#include <QList>
#include <QString>

#include <optional>

namespace scholia::gui {

struct HistoryPlace {
    QString path;
    int scroll = 0;

    friend bool operator==(const HistoryPlace&, const HistoryPlace&) = default;
};

class NavigationHistory {
public:
    // `left` is the place being left for another note: it goes back on the back stack and
    // whatever was forward is forgotten.
    void leave(const HistoryPlace& left);

    // The place to go back (forward) to, with `current` kept for the other direction;
    // nothing (and no change) when there is none.
    std::optional<HistoryPlace> back(const HistoryPlace& current);
    std::optional<HistoryPlace> forward(const HistoryPlace& current);

    bool canGoBack() const { return !m_back.isEmpty(); }
    bool canGoForward() const { return !m_forward.isEmpty(); }
    void clear();

    static constexpr int maxPlaces = 200;  // enough for a study session; old places drop off

private:
    QList<HistoryPlace> m_back;
    QList<HistoryPlace> m_forward;
};

}  // namespace scholia::gui
