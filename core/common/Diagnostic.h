#pragma once
// A diagnostic is how every core parser reports a problem: it never throws and
// never gives up; it returns what it could read plus a list of these.

#include <string>
#include <string_view>
#include <vector>

namespace scholia {

enum class Severity { Info, Warning, Error };

struct Diagnostic {
    int line = 0;    // 1-based line in the note file (front matter included); 0 = whole file
    int column = 0;  // 1-based byte column; 0 = whole line
    Severity severity = Severity::Warning;
    std::string message;

    friend bool operator==(const Diagnostic&, const Diagnostic&) = default;
};

// "info", "warning" or "error", as printed in compiler-style output.
std::string_view severityName(Severity severity);

// Stable order for display: by line, then column, then severity (errors first).
void sortDiagnostics(std::vector<Diagnostic>& diagnostics);

bool hasErrors(const std::vector<Diagnostic>& diagnostics);

}  // namespace scholia
