#pragma once
// "Show what was said": a small window beside the note with a claim as written and the
// transcript around its citation, so the reader can check one against the other. It offers to
// play that stretch; MainWindow decides what playing means.

#include "follow/SpokenContext.h"

#include <QDialog>

#include <optional>

class QLabel;
class QPushButton;
class QTextBrowser;

namespace scholia::gui {

class SpokenContextPopup : public QDialog {
    Q_OBJECT
public:
    explicit SpokenContextPopup(QWidget* parent = nullptr);

    // The claim's text and what the transcript says from context.fromMs to context.toMs.
    void showContext(const QString& claimText, const SpokenContext& context);
    // The claim, and why there is nothing to show (no transcript, no cited time).
    void showMessage(const QString& claimText, const QString& message);

    QString spokenText() const;

Q_SIGNALS:
    void playRequested(qint64 ms);

private:
    void present(const QString& claimText);

    QLabel* m_claim = nullptr;
    QLabel* m_range = nullptr;
    QTextBrowser* m_spoken = nullptr;
    QPushButton* m_play = nullptr;
    std::optional<qint64> m_fromMs;
};

}  // namespace scholia::gui
