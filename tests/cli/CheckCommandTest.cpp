#include "CliTestSupport.h"

#include <gtest/gtest.h>

#include <regex>

using namespace scholia::cli::test;

namespace {

// Every line but the summaries (the vault's, the notes') must read "file:line[:col]: severity: message".
void expectCompilerStyle(const std::vector<std::string>& diagnostics)
{
    static const std::regex format(R"(^[^:]+\.md:(\d+:(\d+:)?)? (info|warning|error): \S.*$)");
    for (const std::string& line : diagnostics)
        EXPECT_TRUE(line.rfind("vault ", 0) == 0 || std::regex_match(line, format)) << line;
}

bool contains(const std::string& text, const std::string& part)
{
    return text.find(part) != std::string::npos;
}

}  // namespace

TEST(CheckCommand, CleanFolderPassesAndIsSearchedRecursively)
{
    const CliRun run = runInProcess({"check", fixture("notes")});
    EXPECT_EQ(run.status, 0) << run.out << run.err;
    const std::vector<std::string> out = lines(run.out);
    ASSERT_FALSE(out.empty());
    // good.md (3 citations, 1 wikilink) + sub/nested.md (1, 1); .trash/deleted.md is skipped.
    EXPECT_EQ(out.back().rfind("2 notes, 4 citations (0 reinterpreted, 0 past end), 2 wikilinks: 0 errors", 0), 0u)
        << out.back();
    expectCompilerStyle({out.begin(), out.end() - 1});
    EXPECT_FALSE(contains(run.out, "deleted.md"));
}

TEST(CheckCommand, CitationPastTheEndIsAnErrorAtItsLine)
{
    const CliRun run = runInProcess({"check", fixture("broken"), "--duration", "600"});
    EXPECT_EQ(run.status, 1);
    const std::vector<std::string> out = lines(run.out);
    ASSERT_GE(out.size(), 2u) << run.out;
    expectCompilerStyle({out.begin(), out.end() - 1});
    EXPECT_TRUE(contains(run.out, fixture("broken/bad.md") + ":9:")) << run.out;
    EXPECT_TRUE(contains(run.out, ": error: ")) << run.out;
    EXPECT_TRUE(contains(out.back(), "1 note, 2 citations")) << out.back();
    EXPECT_TRUE(contains(out.back(), "1 past end")) << out.back();
}

TEST(CheckCommand, WholeFixtureTreeCountsEveryNote)
{
    const CliRun run = runInProcess({"check", "--duration=600", fixture("")});
    EXPECT_EQ(run.status, 1) << "broken/bad.md has an error";
    EXPECT_EQ(lines(run.out).back().rfind("3 notes, 6 citations", 0), 0u) << run.out;
    EXPECT_TRUE(run.err.empty()) << "a folder without notes inside a tree is fine: " << run.err;
}

TEST(CheckCommand, SampleNoteHasNoErrors)
{
    const CliRun run = runInProcess({"check", sampleNote(), "--duration", "820"});
    EXPECT_EQ(run.status, 0) << run.out;
    EXPECT_EQ(lines(run.out).back().rfind("1 note, 75 citations (69 reinterpreted, 0 past end)", 0), 0u)
        << lines(run.out).back();
}

TEST(CheckCommand, PathsThatYieldNoNoteAreErrorsButTheRestIsChecked)
{
    struct Case {
        std::vector<std::string> args;
        std::string errContains;
        std::string summaryStart;
    };
    const std::vector<Case> cases{
        {{"check", fixture("empty")}, "no notes (*.md) in this folder", "0 notes"},
        {{"check", fixture("missing")}, "no such file or folder", "0 notes"},
        {{"check", fixture("missing"), fixture("notes")}, "no such file or folder", "2 notes"},
        {{"check", fixture("notes/missing.md")}, "no such file or folder", "0 notes"},
    };
    for (const Case& c : cases) {
        const CliRun run = runInProcess(c.args);
        EXPECT_EQ(run.status, 1) << c.args[1];
        EXPECT_TRUE(contains(run.err, c.errContains)) << run.err;
        EXPECT_TRUE(contains(run.err, "could not be checked")) << run.err;
        EXPECT_EQ(lines(run.out).back().rfind(c.summaryStart, 0), 0u) << run.out;
    }
}
