#pragma once
// Adds "Show What Was Said" to the note view's context menu when it opens over a claim.
// The view keeps its own menu entries (copy, select all); this only adds the claim's.

#include <QObject>

#include <functional>
#include <optional>

class QTextEdit;

namespace scholia::gui {

class ClaimContextMenu : public QObject {
    Q_OBJECT
public:
    // `claimAt` maps a document position to the claim there.
    using ClaimAt = std::function<std::optional<int>(int position)>;
    ClaimContextMenu(QTextEdit* view, ClaimAt claimAt, QObject* parent = nullptr);

Q_SIGNALS:
    void spokenContextRequested(int claim);

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    QTextEdit* m_view = nullptr;
    ClaimAt m_claimAt;
};

}  // namespace scholia::gui
