#include "ExportCommand.h"

#include "NoteFiles.h"
#include "OutputFile.h"
#include "export/Export.h"

namespace scholia::cli {

namespace {

// "file:line:col: severity: message", leaving out what the diagnostic does not have.
void printDiagnostic(const std::string& file, const Diagnostic& diagnostic, std::ostream& err)
{
    err << file << ':';
    if (diagnostic.line > 0) {
        err << diagnostic.line << ':';
        if (diagnostic.column > 0)
            err << diagnostic.column << ':';
    }
    err << ' ' << severityName(diagnostic.severity) << ": " << diagnostic.message << '\n';
}

}  // namespace

int runExport(const Options& options, std::ostream& out, std::ostream& err)
{
    const std::string& path = options.paths.front();
    if (!options.output.empty() && isSameFile(options.output, path)) {
        err << "scholia-cli: error: " << options.output << ": is the note itself; refusing to overwrite it\n";
        return kExitFailure;
    }
    const LoadedNote loaded = loadNote(path, options.durationMs, /*keepBody=*/false);
    if (!loaded.note) {
        err << "scholia-cli: error: " << loaded.error << '\n';
        return kExitFailure;
    }
    ExportOptions exportOptions;
    exportOptions.durationMs = options.durationMs;
    exportOptions.chapterLevel = options.chapterLevel;
    ExportResult result = exportNote(*loaded.note, *options.format, exportOptions);
    sortDiagnostics(result.diagnostics);
    for (const Diagnostic& diagnostic : result.diagnostics)
        printDiagnostic(path, diagnostic, err);
    if (!result.ok()) {
        err << "scholia-cli: error: no " << exportFormatName(*options.format) << " export written\n";
        return kExitFailure;
    }
    if (options.output.empty()) {
        out << result.text;
        return kExitOk;
    }
    if (const std::string error = writeFileAtomically(options.output, result.text); !error.empty()) {
        err << "scholia-cli: error: " << options.output << ": " << error << '\n';
        return kExitFailure;
    }
    return kExitOk;
}

}  // namespace scholia::cli
