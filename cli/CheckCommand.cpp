#include "CheckCommand.h"

#include "NoteFiles.h"
#include "VaultCheckReport.h"
#include "common/Diagnostic.h"

#include <cstddef>
#include <filesystem>
#include <string>

namespace scholia::cli {

namespace {

struct Totals {
    std::size_t notes = 0;
    std::size_t citations = 0;
    std::size_t reinterpreted = 0;
    std::size_t pastEnd = 0;
    std::size_t wikilinks = 0;
    std::size_t infos = 0;
    std::size_t warnings = 0;
    std::size_t errors = 0;
};

std::string counted(std::size_t n, const std::string& noun)
{
    return std::to_string(n) + ' ' + noun + (n == 1 ? "" : "s");
}

// "file:line:col: " with the parts a diagnostic does not have left out.
void printLocation(const std::string& file, const Diagnostic& diagnostic, std::ostream& out)
{
    out << file << ':';
    if (diagnostic.line > 0) {
        out << diagnostic.line << ':';
        if (diagnostic.column > 0)
            out << diagnostic.column << ':';
    }
    out << ' ';
}

void count(const Diagnostic& diagnostic, Totals& totals)
{
    switch (diagnostic.severity) {
    case Severity::Info: ++totals.infos; break;
    case Severity::Warning: ++totals.warnings; break;
    case Severity::Error: ++totals.errors; break;
    }
}

void checkNote(const Note& note, Totals& totals, std::ostream& out)
{
    ++totals.notes;
    totals.citations += note.citations.size();
    totals.wikilinks += note.wikilinks.size();
    for (const Citation& citation : note.citations) {
        totals.reinterpreted += citation.resolution.reinterpreted ? 1 : 0;
        totals.pastEnd += citation.resolution.pastEnd ? 1 : 0;
    }
    std::vector<Diagnostic> diagnostics = note.diagnostics;
    sortDiagnostics(diagnostics);
    for (const Diagnostic& diagnostic : diagnostics) {
        printLocation(note.path, diagnostic, out);
        out << severityName(diagnostic.severity) << ": " << diagnostic.message << '\n';
        count(diagnostic, totals);
    }
}

void printSummary(const Totals& totals, std::ostream& out)
{
    out << counted(totals.notes, "note") << ", " << counted(totals.citations, "citation") << " ("
        << totals.reinterpreted << " reinterpreted, " << totals.pastEnd << " past end), "
        << counted(totals.wikilinks, "wikilink") << ": " << counted(totals.errors, "error") << ", "
        << counted(totals.warnings, "warning") << ", " << counted(totals.infos, "info") << '\n';
}

// A folder is also a vault: its links resolved vault-wide, and what that check finds.
void checkVaults(const std::vector<std::string>& paths, std::ostream& out)
{
    for (const std::string& path : paths) {
        std::error_code ec;
        if (!std::filesystem::is_directory(path, ec))
            continue;
        const VaultCheckReport report = checkVault(path);
        for (const FileDiagnostic& d : report.diagnostics) {
            printLocation(d.file, d.diagnostic, out);
            out << severityName(d.diagnostic.severity) << ": " << d.diagnostic.message << '\n';
        }
        out << report.summary << '\n';
    }
}

}  // namespace

int runCheck(const Options& options, std::ostream& out, std::ostream& err)
{
    const NoteList list = collectNotes(options.paths);
    std::size_t unreadable = list.errors.size();
    for (const std::string& error : list.errors)
        err << "scholia-cli: error: " << error << '\n';

    Totals totals;
    for (const auto& path : list.notes) {
        const LoadedNote loaded = loadNote(path, options.durationMs, /*keepBody=*/false);
        if (!loaded.note) {
            err << "scholia-cli: error: " << loaded.error << '\n';
            ++unreadable;
            continue;
        }
        checkNote(*loaded.note, totals, out);
    }
    checkVaults(options.paths, out);
    printSummary(totals, out);
    if (unreadable > 0)
        err << "scholia-cli: " << counted(unreadable, "path") << " could not be checked\n";
    return totals.errors > 0 || unreadable > 0 ? kExitFailure : kExitOk;
}

}  // namespace scholia::cli
