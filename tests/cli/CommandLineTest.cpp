#include "CommandLine.h"

#include <gtest/gtest.h>

using namespace scholia::cli;

namespace {

struct GoodCase {
    std::vector<std::string> args;
    Command command;
    std::vector<std::string> paths;
    bool json;
    std::optional<std::int64_t> durationMs;
};

struct BadCase {
    std::vector<std::string> args;
    std::string errorContains;
};

}  // namespace

TEST(CommandLine, ReadsCommandsPathsAndOptionsInAnyOrder)
{
    const std::vector<GoodCase> cases{
        {{"claims", "a.md"}, Command::Claims, {"a.md"}, false, std::nullopt},
        {{"claims", "a.md", "--json"}, Command::Claims, {"a.md"}, true, std::nullopt},
        {{"--json", "claims", "a.md"}, Command::Claims, {"a.md"}, true, std::nullopt},
        {{"claims", "--duration", "820", "a.md"}, Command::Claims, {"a.md"}, false, 820000},
        {{"html", "a.md", "--duration=600.25"}, Command::Html, {"a.md"}, false, 600250},
        {{"check", "a", "b.md", "c"}, Command::Check, {"a", "b.md", "c"}, false, std::nullopt},
        {{"check", "--", "-odd-name.md"}, Command::Check, {"-odd-name.md"}, false, std::nullopt},
        {{"check", "-"}, Command::Check, {"-"}, false, std::nullopt},
        {{"--help"}, Command::Help, {}, false, std::nullopt},
        {{"claims", "a.md", "-h"}, Command::Help, {}, false, std::nullopt},
        {{"--version"}, Command::Version, {}, false, std::nullopt},
    };
    for (const GoodCase& c : cases) {
        const ParsedCommandLine parsed = parseCommandLine(c.args);
        ASSERT_TRUE(parsed.options) << c.args.front() << ": " << parsed.error;
        EXPECT_EQ(parsed.options->command, c.command);
        EXPECT_EQ(parsed.options->paths, c.paths);
        EXPECT_EQ(parsed.options->json, c.json);
        EXPECT_EQ(parsed.options->durationMs, c.durationMs);
    }
}

TEST(CommandLine, RejectsWhatMakesNoSense)
{
    const std::vector<BadCase> cases{
        {{}, "no command"},
        {{"frobnicate", "a.md"}, "unknown command 'frobnicate'"},
        {{"claims", "a.md", "--jsn"}, "unknown option '--jsn'"},
        {{"claims"}, "missing NOTE"},
        {{"check"}, "missing PATH"},
        {{"claims", "a.md", "b.md"}, "expected one NOTE"},
        {{"html", "a.md", "b.md"}, "expected one NOTE"},
        {{"check", "a.md", "--json"}, "--json is only for the claims command"},
        {{"claims", "a.md", "--duration"}, "--duration needs a value"},
        {{"claims", "a.md", "--duration", "ten"}, "not 'ten'"},
        {{"claims", "a.md", "--duration=-5"}, "not '-5'"},
    };
    for (const BadCase& c : cases) {
        const ParsedCommandLine parsed = parseCommandLine(c.args);
        EXPECT_FALSE(parsed.options);
        EXPECT_NE(parsed.error.find(c.errorContains), std::string::npos)
            << "error '" << parsed.error << "' lacks '" << c.errorContains << "'";
    }
}

TEST(CommandLine, ParsesSecondsToMilliseconds)
{
    const std::vector<std::pair<std::string, std::optional<std::int64_t>>> cases{
        {"0", 0},
        {"820", 820000},
        {"820.5", 820500},
        {"1.234", 1234},
        {"1.2345", 1234},
        {".5", 500},
        {"7.", 7000},
        {"", std::nullopt},
        {".", std::nullopt},
        {"-1", std::nullopt},
        {"1e3", std::nullopt},
        {"1.2.3", std::nullopt},
        {"13:40", std::nullopt},
        {" 5", std::nullopt},
        {"99999999999999999999", std::nullopt},
    };
    for (const auto& [text, expected] : cases)
        EXPECT_EQ(parseSeconds(text), expected) << "'" << text << "'";
}

TEST(CommandLine, UsageNamesEveryCommandAndVersionNamesTheProgram)
{
    const std::string usage = usageText();
    for (const char* word : {"claims", "check", "html", "--duration", "--json", "--help", "--version"})
        EXPECT_NE(usage.find(word), std::string::npos) << word;
    EXPECT_EQ(versionText().rfind("scholia-cli ", 0), 0u);
}
