// `scholia-cli check FOLDER` on a vault written to a temporary folder: every resolution rule
// counted, and unresolved links, shared names, notes without citations and skipped files
// listed compiler-style.

#include "CliTestSupport.h"

#include "../core/vault/VaultTestSupport.h"

#include <gtest/gtest.h>

#include <algorithm>

using namespace scholia::cli::test;
using scholia::testing::cite;
using scholia::testing::noteText;
using scholia::testing::TempVault;

namespace {

bool hasLine(const std::vector<std::string>& lines, const std::string& line)
{
    return std::find(lines.begin(), lines.end(), line) != lines.end();
}

class VaultCheck : public ::testing::Test {
protected:
    void SetUp() override
    {
        vault.write("b/target_note.md", noteText("Target note", "vid00000001", "Claim " + cite("00:10") + "\n"));
        vault.write("a/source.md", noteText("Source", "vid00000001",
                                            "Exact [[target_note]] " + cite("00:01") + "\n\n" +  // line 6
                                                "Case [[Target_Note]]\n\n" +                     // 8
                                                "Slug [[Target Note]]\n\n" +                     // 10
                                                "Dangling [[missing_one]]\n\n" +                 // 12
                                                "Escape [[../../etc/passwd]]\n\n" +              // 14
                                                "Beside [[intro]]\n"));                          // 16
        vault.write("a/intro.md", noteText("Intro A", "", "A " + cite("00:03") + "\n"));
        vault.write("b/intro.md", noteText("Intro B", "", "B " + cite("00:04") + "\n"));
        vault.write("index.md", "# Index\n\nSee [[source]].\n");
        vault.write("c/binary.md", std::string("abc\0def", 7));
        root = vault.root().string();
    }

    TempVault vault;
    std::string root;
};

TEST_F(VaultCheck, ListsWhatIsWrongInTheVaultCompilerStyle)
{
    const CliRun run = runInProcess({"check", root});
    const std::vector<std::string> out = lines(run.out);
    EXPECT_TRUE(hasLine(
        out, root + "/a/source.md:12: warning: unresolved link [[missing_one]]: no note of that name in the vault"))
        << run.out;
    EXPECT_TRUE(hasLine(out, root
                                 + "/a/source.md:14: warning: link [[../../etc/passwd]] is a path, not a note name: "
                                   "links never leave the vault"))
        << run.out;
    EXPECT_TRUE(hasLine(out, root
                                 + "/a/intro.md: info: the name \"intro.md\" is shared by 2 notes (a/intro.md, "
                                   "b/intro.md): a link to it means the one in the linking note's folder, else the "
                                   "shortest path"))
        << run.out;
    EXPECT_TRUE(hasLine(out, root + "/index.md: info: no citations: nothing in it seeks the video")) << run.out;
    const auto skipped = std::find_if(out.begin(), out.end(), [&](const std::string& line) {
        return line.rfind(root + "/c/binary.md: warning: skipped: ", 0) == 0;
    });
    EXPECT_NE(skipped, out.end()) << run.out;
    // Warnings and infos only: the exit status is the notes' (no errors).
    EXPECT_EQ(run.status, 0) << run.err;
}

TEST_F(VaultCheck, SummaryCountsLinksByTheRuleThatResolvedThem)
{
    const CliRun run = runInProcess({"check", root});
    const std::vector<std::string> out = lines(run.out);
    ASSERT_GE(out.size(), 2u) << run.out;
    // The vault's summary, then the notes' summary, last as before.
    EXPECT_EQ(out[out.size() - 2],
              "vault " + root
                  + ": 5 notes, 4 citations, 7 links: 3 exact, 1 case-insensitive, 1 slug "
                    "(1 chosen among several notes), 1 missing, 1 refused; 1 shared name, 1 note without citations, "
                    "1 file skipped")
        << run.out;
    EXPECT_EQ(out.back().rfind("6 notes, ", 0), 0u) << out.back();
}

TEST_F(VaultCheck, ANoteGivenByItselfIsNotAVault)
{
    const CliRun run = runInProcess({"check", root + "/a/source.md"});
    EXPECT_EQ(run.out.find("vault "), std::string::npos) << run.out;
    EXPECT_EQ(run.out.find("unresolved link"), std::string::npos) << run.out;
}

}  // namespace
