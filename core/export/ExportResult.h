#pragma once
// What every export returns: the document, or nothing and the reason, plus what could not be
// exported as asked. Exports never throw; a caller (CLI, GUI) shows the diagnostics in words.

#include "common/Diagnostic.h"

#include <string>
#include <vector>

namespace scholia {

struct ExportResult {
    std::string text;                     // the exported document; empty when !ok()
    std::vector<Diagnostic> diagnostics;  // in the order found; an error means no document

    bool ok() const { return !hasErrors(diagnostics); }
};

}  // namespace scholia
