#pragma once
// Shared by the export tests: the sample note parsed and resolved, small notes from text, and
// golden files under tests/data/golden/export. Set SCHOLIA_UPDATE_GOLDEN=1 to rewrite the
// golden files from the current output (then review the diff before committing).

#include "note/NoteParser.h"
#include "note/NoteResolver.h"

#include <gtest/gtest.h>

#include <cstdint>
#include <cstdlib>
#include <fstream>
#include <optional>
#include <sstream>
#include <string>
#include <vector>

namespace scholia::test {

inline std::string readFile(const std::string& path)
{
    std::ifstream in(path, std::ios::binary);
    std::stringstream buffer;
    buffer << in.rdbuf();
    return buffer.str();
}

// The sample, under a fixed path so that outputs naming it do not depend on the checkout.
inline Note sampleNote(std::optional<std::int64_t> durationMs = std::nullopt)
{
    return resolveTimestamps(parseNote(readFile(SCHOLIA_SAMPLE_NOTE), "irans_cyber_attacks_on_albania.md"), durationMs);
}

inline Note noteFrom(const std::string& text, std::optional<std::int64_t> durationMs = std::nullopt)
{
    return resolveTimestamps(parseNote(text, "note.md"), durationMs);
}

// A citation anchor as the notes write them.
inline std::string cite(const std::string& time)
{
    return "<a class=\"yt-timestamp\" data-t=\"" + time + "\">[" + time + "]</a>";
}

inline void expectGolden(const std::string& actual, const std::string& name)
{
    const std::string path = std::string(SCHOLIA_TEST_DATA_DIR) + "/golden/export/" + name;
    if (const char* update = std::getenv("SCHOLIA_UPDATE_GOLDEN"); update && std::string(update) == "1")
        std::ofstream(path, std::ios::binary) << actual;
    EXPECT_EQ(actual, readFile(path)) << "golden file " << path;
}

// Lines of `text` split on '\n' (a final newline gives no empty last line).
inline std::vector<std::string> splitLines(const std::string& text)
{
    std::vector<std::string> lines;
    std::istringstream in(text);
    for (std::string line; std::getline(in, line);)
        lines.push_back(line);
    return lines;
}

inline bool hasMessage(const std::vector<Diagnostic>& diagnostics, Severity severity, const std::string& part)
{
    for (const Diagnostic& diagnostic : diagnostics) {
        if (diagnostic.severity == severity && diagnostic.message.find(part) != std::string::npos)
            return true;
    }
    return false;
}

}  // namespace scholia::test
