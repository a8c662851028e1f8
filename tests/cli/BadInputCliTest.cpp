// The bad-input matrix through scholia-cli (docs/robustness.md): broken notes give a
// compiler-style diagnostic, files that are not notes an error line, and nothing blocks.

#include "CliTestSupport.h"

#include <gtest/gtest.h>

#include <sys/stat.h>

#include <filesystem>
#include <string>

using namespace scholia::cli::test;

namespace {

std::string badNote(const std::string& name)
{
    return std::string(SCHOLIA_TEST_DATA_DIR) + "/bad/" + name;
}

bool contains(const std::string& text, const std::string& part)
{
    return text.find(part) != std::string::npos;
}

}  // namespace

TEST(BadInputCli, BinaryNote_IsFlaggedAsNulBytes)
{
    const CliRun run = runInProcess({"check", badNote("binary.md")});
    EXPECT_EQ(run.status, 0) << run.out << run.err;  // warnings only
    EXPECT_TRUE(contains(run.out, "binary.md: warning: the note contains NUL bytes")) << run.out;
}

TEST(BadInputCli, InvalidUtf8Note_IsFlagged)
{
    const CliRun run = runInProcess({"check", badNote("invalid_utf8.md")});
    EXPECT_TRUE(contains(run.out, "invalid_utf8.md: warning: the note is not valid UTF-8")) << run.out;
}

TEST(BadInputCli, NegativeAndEnormousNumbers_AreErrorsAtTheirLines)
{
    const CliRun run = runInProcess({"check", badNote("citation_negative_enormous.md")});
    EXPECT_EQ(run.status, 1);
    EXPECT_TRUE(contains(run.out, "citation_negative_enormous.md:11:10: error: citation has no readable time"))
        << run.out;
    EXPECT_TRUE(contains(run.out, "citation_negative_enormous.md:13:6: error: citation has no readable time"))
        << run.out;
}

TEST(BadInputCli, FifoGivenAsNote_IsRefusedWithoutBlocking)
{
    const std::filesystem::path fifo = std::filesystem::path(::testing::TempDir()) / "scholia-cli-pipe.md";
    std::filesystem::remove(fifo);
    ASSERT_EQ(::mkfifo(fifo.c_str(), 0600), 0);
    const CliRun run = runInProcess({"claims", fifo.string()});  // would block forever reading it
    std::filesystem::remove(fifo);
    EXPECT_EQ(run.status, 1);
    EXPECT_TRUE(contains(run.err, "not a regular file")) << run.err;
}

TEST(BadInputCli, DirectoryGivenToClaims_IsRefused)
{
    const CliRun run = runInProcess({"claims", fixture("notes")});
    EXPECT_NE(run.status, 0);
    EXPECT_FALSE(run.err.empty());
}
