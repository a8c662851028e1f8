#pragma once
// The diagnostics dock: everything core reports about the note (reinterpreted or out-of-range
// citations, broken anchors, unresolved links) and about its transcript, with line numbers.
// A click on a note's diagnostic emits noteLineActivated; MainWindow scrolls the note there.

#include "common/Diagnostic.h"

#include <QDockWidget>

#include <vector>

class QListWidget;

namespace scholia::gui {

class DiagnosticsPane : public QDockWidget {
    Q_OBJECT
public:
    explicit DiagnosticsPane(QWidget* parent = nullptr);

    void setNoteDiagnostics(const std::vector<Diagnostic>& diagnostics);
    // `source`: the transcript's file name, shown before each of its lines.
    void setTranscriptDiagnostics(const std::vector<Diagnostic>& diagnostics, const QString& source);
    QListWidget* list() const { return m_list; }

Q_SIGNALS:
    void noteLineActivated(int line);

private:
    void rebuild();

    QListWidget* m_list = nullptr;
    std::vector<Diagnostic> m_note;
    std::vector<Diagnostic> m_transcript;
    QString m_transcriptSource;
};

}  // namespace scholia::gui
