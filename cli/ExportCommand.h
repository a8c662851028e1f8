#pragma once
// `scholia-cli export NOTE --format chapters|vtt|csv|json|markdown [--output FILE]
// [--duration SECONDS] [--chapter-level N]`: the note as YouTube chapters, WebVTT chapters, CSV, JSON or a Markdown
// study sheet (core/export/Export.h), on standard output or in FILE.

#include "CommandLine.h"

#include <ostream>

namespace scholia::cli {

// kExitFailure when the note cannot be read, the export fails (e.g. too few chapters for
// YouTube; nothing is written then), FILE is the note itself or cannot be written.
// Export diagnostics go to `err` compiler-style, whatever the outcome.
int runExport(const Options& options, std::ostream& out, std::ostream& err);

}  // namespace scholia::cli
