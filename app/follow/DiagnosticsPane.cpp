#include "follow/DiagnosticsPane.h"

#include "common/CoreBridge.h"

#include <QListWidget>
#include <QStyle>

namespace scholia::gui {

namespace {

constexpr int noteLineRole = Qt::UserRole;  // 0 for transcript lines: nothing to scroll to in the note
constexpr int maxShown = 2000;              // a broken file can report a problem on every line

QIcon iconFor(const QStyle* style, Severity severity)
{
    switch (severity) {
    case Severity::Error: return style->standardIcon(QStyle::SP_MessageBoxCritical);
    case Severity::Warning: return style->standardIcon(QStyle::SP_MessageBoxWarning);
    case Severity::Info: return style->standardIcon(QStyle::SP_MessageBoxInformation);
    }
    return {};
}

}  // namespace

DiagnosticsPane::DiagnosticsPane(QWidget* parent) : QDockWidget(tr("Diagnostics"), parent)
{
    setObjectName(QStringLiteral("diagnosticsPane"));
    m_list = new QListWidget(this);
    m_list->setObjectName(QStringLiteral("diagnosticsList"));
    m_list->setUniformItemSizes(true);
    m_list->setWordWrap(false);
    m_list->setIconSize(QSize(16, 16));  // one line of text per problem, however many there are
    setWidget(m_list);
    auto activate = [this](QListWidgetItem* item) {
        const int line = item ? item->data(noteLineRole).toInt() : 0;
        if (line > 0)
            Q_EMIT noteLineActivated(line);
    };
    connect(m_list, &QListWidget::itemClicked, this, activate);
    connect(m_list, &QListWidget::itemActivated, this, activate);
    rebuild();
}

void DiagnosticsPane::setNoteDiagnostics(const std::vector<Diagnostic>& diagnostics)
{
    m_note = diagnostics;
    sortDiagnostics(m_note);
    rebuild();
}

void DiagnosticsPane::setTranscriptDiagnostics(const std::vector<Diagnostic>& diagnostics, const QString& source)
{
    m_transcript = diagnostics;
    m_transcriptSource = source;
    rebuild();
}

void DiagnosticsPane::rebuild()
{
    m_list->clear();
    int shown = 0;
    auto add = [this, &shown](const Diagnostic& d, const QString& where, int noteLine) {
        if (shown++ >= maxShown)
            return;
        const QString line = d.line > 0 ? tr("line %1").arg(d.line) : tr("whole file");
        auto* item = new QListWidgetItem(iconFor(style(), d.severity),
                                         QStringLiteral("%1%2: %3").arg(where, line, toQString(d.message)), m_list);
        item->setToolTip(toQString(d.message));
        item->setData(noteLineRole, noteLine);
    };
    for (const Diagnostic& d : m_note)
        add(d, QString(), d.line);
    for (const Diagnostic& d : m_transcript)
        add(d, m_transcriptSource + QStringLiteral(" "), 0);
    if (shown > maxShown)
        new QListWidgetItem(tr("... and %1 more").arg(shown - maxShown), m_list);
    if (shown == 0)
        new QListWidgetItem(tr("No problems found in the note or its transcript."), m_list);
    setWindowTitle(shown == 0 ? tr("Diagnostics") : tr("Diagnostics (%1)").arg(shown));
}

}  // namespace scholia::gui
