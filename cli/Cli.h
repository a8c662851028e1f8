#pragma once
// The whole program behind main(): parse the arguments, run one command, return the exit code.
// Streams are parameters so that tests run it in-process.

#include <ostream>
#include <string>
#include <vector>

namespace scholia::cli {

// `args` excludes the program name.
int runCli(const std::vector<std::string>& args, std::ostream& out, std::ostream& err);

}  // namespace scholia::cli
