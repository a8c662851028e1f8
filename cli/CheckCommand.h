#pragma once
// `scholia-cli check PATH... [--duration SECONDS]`: lints notes and folders of notes, printing
// compiler-style "file:line:col: severity: message" lines and a summary.

#include "CommandLine.h"

#include <ostream>

namespace scholia::cli {

// kExitFailure when a note has an error diagnostic or a path yields no note; kExitOk otherwise.
int runCheck(const Options& options, std::ostream& out, std::ostream& err);

}  // namespace scholia::cli
