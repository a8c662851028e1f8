#pragma once
// The small inline editor above the note for one annotation: its time, the text, Save and
// Cancel. Ctrl+Enter saves and Esc cancels while it has the focus. It only emits what the
// user asked for; MainWindow writes through AnnotationStore and closes it on success, so a
// failed write never loses what was typed.

#include "annotations/AnnotationFile.h"

#include <QFrame>

#include <optional>

class QLabel;
class QPlainTextEdit;
class QPushButton;

namespace scholia::gui {

class AnnotationEditor : public QFrame {
    Q_OBJECT
public:
    explicit AnnotationEditor(QWidget* parent = nullptr);

    // A new annotation at `ms`.
    void startNew(qint64 ms);
    // Editing `annotation` (its time is kept).
    void startEdit(const Annotation& annotation);

    qint64 ms() const { return m_ms; }
    QString text() const;
    // The annotation being edited, or nothing for a new one.
    const std::optional<Annotation>& editing() const { return m_editing; }

public Q_SLOTS:
    void save();
    void cancel();

Q_SIGNALS:
    void saveRequested();
    void cancelled();

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    void begin(const QString& heading, const QString& text);

    QLabel* m_heading = nullptr;
    QPlainTextEdit* m_text = nullptr;
    QPushButton* m_save = nullptr;
    QPushButton* m_cancel = nullptr;
    qint64 m_ms = 0;
    std::optional<Annotation> m_editing;
};

}  // namespace scholia::gui
