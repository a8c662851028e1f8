#pragma once
// `scholia-cli claims NOTE [--json] [--duration SECONDS]`: every citation of a note with the
// time it resolves to and the claim it supports.

#include "CommandLine.h"

#include <ostream>

namespace scholia::cli {

int runClaims(const Options& options, std::ostream& out, std::ostream& err);

}  // namespace scholia::cli
