#pragma once
// The find-in-note bar under the note (Ctrl+F): a text field with next/previous/close.
// It only asks; MainWindow runs the search in NoteView and reports back with setFound().

#include <QWidget>

class QLabel;
class QLineEdit;

namespace scholia::gui {

class FindBar : public QWidget {
    Q_OBJECT
public:
    explicit FindBar(QWidget* parent = nullptr);

    // Shows the bar with the field focused and its text selected.
    void activate();
    void setFound(bool found);
    QString text() const;

Q_SIGNALS:
    // `incremental`: the text was just edited, so search again from the current match.
    void findRequested(const QString& text, bool backward, bool incremental);
    void closeRequested();

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    QLineEdit* m_edit = nullptr;
    QLabel* m_status = nullptr;
};

}  // namespace scholia::gui
