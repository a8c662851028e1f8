#include "annotations/AnnotationEditor.h"

#include "common/CoreBridge.h"

#include <QHBoxLayout>
#include <QKeyEvent>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace scholia::gui {

namespace {

bool isSaveKey(const QKeyEvent* key)
{
    return (key->key() == Qt::Key_Return || key->key() == Qt::Key_Enter) && (key->modifiers() & Qt::ControlModifier);
}

}  // namespace

AnnotationEditor::AnnotationEditor(QWidget* parent) : QFrame(parent)
{
    setObjectName(QStringLiteral("annotationEditor"));
    setFrameShape(QFrame::StyledPanel);
    setStyleSheet(QStringLiteral("#annotationEditor { background: #fff4cc; }"));

    m_heading = new QLabel(this);
    m_heading->setObjectName(QStringLiteral("annotationTimeLabel"));
    m_text = new QPlainTextEdit(this);
    m_text->setObjectName(QStringLiteral("annotationTextEdit"));
    m_text->setTabChangesFocus(true);
    m_text->setPlaceholderText(tr("Your note at this time. Ctrl+Enter saves, Esc cancels."));
    m_text->setFixedHeight(m_text->fontMetrics().lineSpacing() * 4 + 12);
    m_text->installEventFilter(this);
    m_save = new QPushButton(tr("Save"), this);
    m_save->setObjectName(QStringLiteral("annotationSaveButton"));
    m_cancel = new QPushButton(tr("Cancel"), this);
    m_cancel->setObjectName(QStringLiteral("annotationCancelButton"));
    connect(m_save, &QPushButton::clicked, this, &AnnotationEditor::save);
    connect(m_cancel, &QPushButton::clicked, this, &AnnotationEditor::cancel);

    auto* top = new QHBoxLayout;
    top->addWidget(m_heading, 1);
    top->addWidget(m_save);
    top->addWidget(m_cancel);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(8, 6, 8, 6);
    layout->addLayout(top);
    layout->addWidget(m_text);
    hide();
}

void AnnotationEditor::startNew(qint64 ms)
{
    m_ms = ms;
    m_editing.reset();
    begin(tr("New annotation at %1").arg(clockText(ms)), {});
}

void AnnotationEditor::startEdit(const Annotation& annotation)
{
    m_ms = annotation.ms;
    m_editing = annotation;
    begin(tr("Editing your annotation at %1").arg(clockText(annotation.ms)), toQString(annotation.text));
}

void AnnotationEditor::begin(const QString& heading, const QString& text)
{
    m_heading->setText(heading);
    m_text->setPlainText(text);
    m_text->moveCursor(QTextCursor::End);
    show();
    m_text->setFocus();
}

QString AnnotationEditor::text() const
{
    return m_text->toPlainText();
}

void AnnotationEditor::save()
{
    if (isVisible())
        Q_EMIT saveRequested();
}

void AnnotationEditor::cancel()
{
    hide();
    Q_EMIT cancelled();
}

bool AnnotationEditor::eventFilter(QObject* watched, QEvent* event)
{
    if (watched == m_text && (event->type() == QEvent::ShortcutOverride || event->type() == QEvent::KeyPress)) {
        // Taken before the window's shortcuts (Esc leaves fullscreen, Ctrl+Enter adds another).
        const auto* key = static_cast<QKeyEvent*>(event);
        if (event->type() == QEvent::ShortcutOverride
            && (key->matches(QKeySequence::Undo) || key->matches(QKeySequence::Redo))) {
            event->accept();  // Ctrl+Z undoes typing here, not the last annotation change
            return true;
        }
        if (isSaveKey(key) || key->key() == Qt::Key_Escape) {
            event->accept();
            if (event->type() == QEvent::KeyPress) {
                if (key->key() == Qt::Key_Escape)
                    cancel();
                else
                    save();
            }
            return true;
        }
    }
    return QFrame::eventFilter(watched, event);
}

}  // namespace scholia::gui
