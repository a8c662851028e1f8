#pragma once
// Running scholia-cli from tests: in-process through runCli(), or as the real binary.

#include <string>
#include <vector>

namespace scholia::cli::test {

struct CliRun {
    int status = -1;
    std::string out;
    std::string err;
};

CliRun runInProcess(const std::vector<std::string>& args);

// Runs the built scholia-cli (SCHOLIA_CLI_EXECUTABLE) through the shell, capturing both streams.
CliRun runBinary(const std::vector<std::string>& args);

std::string sampleNote();
std::string fixture(const std::string& relativePath);  // under tests/data/cli

// Non-empty lines of `text`.
std::vector<std::string> lines(const std::string& text);

}  // namespace scholia::cli::test
