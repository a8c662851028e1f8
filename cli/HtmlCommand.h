#pragma once
// `scholia-cli html NOTE [--duration SECONDS]`: the HTML the viewer shows, on stdout.

#include "CommandLine.h"

#include <ostream>

namespace scholia::cli {

int runHtml(const Options& options, std::ostream& out, std::ostream& err);

}  // namespace scholia::cli
