#include "VaultCheckReport.h"

#include "vault/VaultIndex.h"

#include <algorithm>

namespace scholia::cli {

namespace {

std::string counted(std::size_t n, const std::string& noun, const std::string& plural = {})
{
    return std::to_string(n) + ' ' + (n == 1 ? noun : plural.empty() ? noun + 's' : plural);
}

std::string fileOf(const std::filesystem::path& folder, const std::string& relativePath)
{
    return (folder / relativePath).string();
}

std::string pathOf(const VaultIndex& index, NoteId note)
{
    const auto summary = index.summary(note);
    return summary ? summary->path : std::string();
}

Diagnostic diagnostic(int line, Severity severity, std::string message)
{
    Diagnostic d;
    d.line = line;
    d.severity = severity;
    d.message = std::move(message);
    return d;
}

void addUnresolved(const VaultIndex& index, const VaultCheck& check, const std::filesystem::path& folder,
                   std::vector<FileDiagnostic>& out)
{
    for (const UnresolvedLink& link : check.unresolvedLinks) {
        const std::string message
            = link.status == LinkStatus::Refused
                ? "link [[" + link.target + "]] is a path, not a note name: links never leave the vault"
                : "unresolved link [[" + link.target + "]]: no note of that name in the vault";
        out.push_back({fileOf(folder, pathOf(index, link.note)), diagnostic(link.line, Severity::Warning, message)});
    }
}

void addSharedNames(const VaultIndex& index, const VaultCheck& check, const std::filesystem::path& folder,
                    std::vector<FileDiagnostic>& out)
{
    for (const SharedFileName& shared : check.sharedFileNames) {
        std::string paths;
        for (const NoteId note : shared.notes)
            paths += (paths.empty() ? "" : ", ") + pathOf(index, note);
        const std::string message
            = "the name \"" + shared.fileName + "\" is shared by " + counted(shared.notes.size(), "note") + " (" + paths
            + "): a link to it means the one in the linking note's folder, else the shortest path";
        out.push_back({fileOf(folder, pathOf(index, shared.notes.front())), diagnostic(0, Severity::Info, message)});
    }
}

std::string summaryOf(const VaultCheck& check, const std::filesystem::path& folder)
{
    std::string s = "vault " + folder.string() + ": " + counted(check.notes, "note") + ", "
                  + counted(check.citations, "citation") + ", " + counted(check.links, "link") + ": "
                  + std::to_string(check.resolvedExact) + " exact, " + std::to_string(check.resolvedCaseInsensitive)
                  + " case-insensitive, " + std::to_string(check.resolvedSlug) + " slug ("
                  + std::to_string(check.resolvedAmongSeveral) + " chosen among several notes), "
                  + std::to_string(check.missing) + " missing, " + std::to_string(check.refused) + " refused; "
                  + counted(check.sharedFileNames.size(), "shared name") + ", "
                  + counted(check.notesWithoutCitations.size(), "note") + " without citations, "
                  + counted(check.skippedFiles.size(), "file") + " skipped";
    return s;
}

}  // namespace

VaultCheckReport checkVault(const std::filesystem::path& folder)
{
    const VaultIndex index = VaultIndex::build(folder);
    const VaultCheck check = index.check();
    VaultCheckReport report;
    addUnresolved(index, check, folder, report.diagnostics);
    addSharedNames(index, check, folder, report.diagnostics);
    for (const NoteId note : check.notesWithoutCitations)
        report.diagnostics.push_back({fileOf(folder, pathOf(index, note)),
                                      diagnostic(0, Severity::Info, "no citations: nothing in it seeks the video")});
    for (const VaultDiagnostic& skipped : check.skippedFiles) {
        Diagnostic d = skipped.diagnostic;
        d.message = "skipped: " + d.message;
        report.diagnostics.push_back({fileOf(folder, skipped.path), d});
    }
    std::stable_sort(report.diagnostics.begin(), report.diagnostics.end(),
                     [](const FileDiagnostic& a, const FileDiagnostic& b) {
                         return a.file != b.file ? a.file < b.file : a.diagnostic.line < b.diagnostic.line;
                     });
    report.summary = summaryOf(check, folder);
    return report;
}

}  // namespace scholia::cli
