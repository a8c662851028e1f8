#pragma once
// The vault part of `scholia-cli check FOLDER`: the folder indexed as a vault (core's
// VaultIndex), and what its check found as diagnostics on files plus a one-line summary:
// unresolved links per note, names several notes share, notes without citations, skipped
// files, and how many links each resolution rule resolved.

#include "common/Diagnostic.h"

#include <filesystem>
#include <string>
#include <vector>

namespace scholia::cli {

struct FileDiagnostic {
    std::string file;  // as the user named the folder, then the note's path inside it
    Diagnostic diagnostic;
};

struct VaultCheckReport {
    std::vector<FileDiagnostic> diagnostics;  // by file, then line
    std::string summary;                      // "vault FOLDER: 3 notes, ... links: 4 exact, ..."
};

VaultCheckReport checkVault(const std::filesystem::path& folder);

}  // namespace scholia::cli
