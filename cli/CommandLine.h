#pragma once
// What the user asked scholia-cli to do, read from argv by hand (no Qt, no extra library).

#include "export/Export.h"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace scholia::cli {

// Exit codes, the same for every command.
inline constexpr int kExitOk = 0;
inline constexpr int kExitFailure = 1;  // errors found in a note, or a note could not be read
inline constexpr int kExitUsage = 2;    // the command line itself is wrong

enum class Command { Help, Version, Claims, Check, Html, Export };

struct Options {
    Command command = Command::Help;
    std::vector<std::string> paths;          // NOTE for claims, html and export; PATH... for check
    bool json = false;                       // claims only
    std::optional<std::int64_t> durationMs;  // --duration SECONDS: the video's length
    std::optional<ExportFormat> format;      // export only: --format NAME (required)
    std::string output;                      // export only: --output FILE; empty = standard output
    int chapterLevel = 0;                    // export only: --chapter-level 1..6; 0 = automatic
};

// Either options, or the reason the arguments make no sense (for a usage message).
struct ParsedCommandLine {
    std::optional<Options> options;
    std::string error;
};

// `args` excludes the program name. Options may come before or after the paths;
// "--duration 820", "--duration=820" and fractional seconds ("820.5") are accepted.
ParsedCommandLine parseCommandLine(const std::vector<std::string>& args);

// Seconds as written on the command line ("820", "820.5") -> milliseconds; nothing if not a number.
std::optional<std::int64_t> parseSeconds(std::string_view text);

std::string usageText();
std::string versionText();

}  // namespace scholia::cli
