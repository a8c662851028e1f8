#include "CliTestSupport.h"

#include <gtest/gtest.h>

using namespace scholia::cli::test;

namespace {

struct ExitCase {
    std::vector<std::string> args;
    int status;
    bool usageOnStdout;  // --help
    bool usageOnStderr;  // a bad command line
};

const std::vector<ExitCase>& exitCases()
{
    static const std::vector<ExitCase> cases{
        {{"--help"}, 0, true, false},
        {{"check", "-h"}, 0, true, false},
        {{}, 2, false, true},
        {{"lint", "x.md"}, 2, false, true},
        {{"claims", "x.md", "--verbose"}, 2, false, true},
        {{"claims"}, 2, false, true},
        {{"html", "a.md", "b.md"}, 2, false, true},
        {{"check", "x", "--duration", "soon"}, 2, false, true},
    };
    return cases;
}

void expectExit(const ExitCase& c, const CliRun& run)
{
    const std::string args = c.args.empty() ? "(none)" : c.args.front() + "...";
    EXPECT_EQ(run.status, c.status) << args;
    EXPECT_EQ(run.out.find("usage: scholia-cli") != std::string::npos, c.usageOnStdout) << args;
    EXPECT_EQ(run.err.find("usage: scholia-cli") != std::string::npos, c.usageOnStderr) << args;
}

}  // namespace

TEST(Cli, ExitCodesAndUsage)
{
    for (const ExitCase& c : exitCases())
        expectExit(c, runInProcess(c.args));
}

TEST(Cli, VersionGoesToStdout)
{
    const CliRun run = runInProcess({"--version"});
    EXPECT_EQ(run.status, 0);
    EXPECT_EQ(run.out, "scholia-cli " SCHOLIA_VERSION "\n");
    EXPECT_TRUE(run.err.empty());
}

// The same, through the real executable: what a shell or a script sees.
TEST(CliBinary, ExitCodesAndUsage)
{
    for (const ExitCase& c : exitCases())
        expectExit(c, runBinary(c.args));
}

TEST(CliBinary, ClaimsOnTheSample)
{
    const CliRun text = runBinary({"claims", sampleNote()});
    ASSERT_EQ(text.status, 0) << text.err;
    EXPECT_EQ(lines(text.out).size(), 75u);

    const CliRun json = runBinary({"claims", "--json", sampleNote()});
    ASSERT_EQ(json.status, 0) << json.err;
    EXPECT_NE(json.out.find("\"ms\": 71000"), std::string::npos);
}

TEST(CliBinary, CheckFailsOnAnError)
{
    EXPECT_EQ(runBinary({"check", fixture("notes")}).status, 0);
    EXPECT_EQ(runBinary({"check", fixture("broken"), "--duration", "600"}).status, 1);
    EXPECT_EQ(runBinary({"check", fixture("no-such-folder")}).status, 1);
}

TEST(CliBinary, HtmlSeeksAndAFolderIsNoNote)
{
    const CliRun html = runBinary({"html", sampleNote()});
    ASSERT_EQ(html.status, 0) << html.err;
    EXPECT_NE(html.out.find("seek:71000"), std::string::npos);

    const CliRun folder = runBinary({"html", fixture("notes")});
    EXPECT_EQ(folder.status, 1);
    EXPECT_NE(folder.err.find("is a directory"), std::string::npos) << folder.err;
}
