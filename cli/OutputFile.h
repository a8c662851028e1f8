#pragma once
// Writing a command's output to a file without ever leaving a half-written one: the text goes
// to a temporary file beside the target, which is then renamed over it.

#include <filesystem>
#include <string>

namespace scholia::cli {

// True when `a` and `b` name the same file (following links), or the same path when neither exists.
bool isSameFile(const std::filesystem::path& a, const std::filesystem::path& b);

// Writes `text` to `path` atomically. Returns an empty string, or why it failed in words.
std::string writeFileAtomically(const std::filesystem::path& path, const std::string& text);

}  // namespace scholia::cli
