#include "export/NoteExport.h"

#include "common/AtomicWrite.h"
#include "common/CoreBridge.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>

namespace scholia::gui {

namespace {

QString tr(const char* text)
{
    return QCoreApplication::translate("NoteExport", text);
}

QString describe(const Diagnostic& diagnostic)
{
    const QString where = diagnostic.line > 0 ? tr("line %1: ").arg(diagnostic.line) : QString();
    return where + toQString(diagnostic.message);
}

}  // namespace

QString defaultExportPath(const QString& notePath, ExportFormat format)
{
    const QFileInfo note(notePath);
    return note.dir().filePath(note.completeBaseName() + QLatin1Char('.') + toQString(exportFormatName(format))
                               + QLatin1Char('.') + toQString(exportFormatExtension(format)));
}

NoteExportOutcome exportNoteToFile(const Note& note, const QString& notePath, ExportFormat format,
                                   std::optional<qint64> durationMs, const QString& targetPath)
{
    const QFileInfo target(targetPath);
    if (target.exists() && target.canonicalFilePath() == QFileInfo(notePath).canonicalFilePath())
        return {false, tr("Not exported: %1 is the note itself, which Scholia never overwrites.").arg(targetPath)};

    ExportOptions options;
    if (durationMs)
        options.durationMs = *durationMs;
    const ExportResult result = exportNote(note, format, options);
    if (!result.ok()) {
        QString why;
        for (const Diagnostic& diagnostic : result.diagnostics) {
            if (diagnostic.severity == Severity::Error)
                why = describe(diagnostic);
        }
        return {false, tr("Not exported: %1").arg(why.isEmpty() ? tr("the note has nothing to export") : why)};
    }

    if (const QString failure = writeFileAtomically(targetPath, QByteArray::fromStdString(result.text));
        !failure.isEmpty())
        return {false, failure};
    return {true, tr("Exported %1 to %2").arg(toQString(exportFormatLabel(format)), targetPath)};
}

}  // namespace scholia::gui
