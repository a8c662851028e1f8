// The bad-input matrix for vaults (docs/robustness.md): symlink loops, links that try to leave
// the vault, and 10,000 notes in one folder. Each finishes, stays inside the vault, and says
// what it skipped. (VaultIndexTest covers FIFOs, binary, oversized and unreadable files.)

#include "vault/NoteLinkResolver.h"
#include "vault/VaultFiles.h"
#include "vault/VaultIndex.h"
#include "vault/VaultIndexBuild.h"

#include "VaultTestSupport.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <string>

namespace scholia {
namespace {

using testing::cite;
using testing::noteText;
using testing::TempVault;
namespace fs = std::filesystem;

VaultIndexOptions twoThreads()
{
    VaultIndexOptions options;
    options.threads = 2;
    return options;
}

TEST(BadVaultInput, SymlinkLoops_AreNeverFollowedAndTheRestIsIndexed)
{
    TempVault vault;
    vault.write("a/real.md", noteText("Real", "", "Links to [[other]]\n"));
    vault.write("b/other.md", noteText("Other", "", "Fine\n"));
    fs::create_directory_symlink(vault.root(), vault.root() / "a" / "loop-to-root");
    fs::create_directory_symlink(vault.root() / "b", vault.root() / "b" / "self");
    fs::create_symlink(vault.root() / "x1.md", vault.root() / "x2.md");
    fs::create_symlink(vault.root() / "x2.md", vault.root() / "x1.md");

    const VaultIndex index = VaultIndex::build(vault.root(), twoThreads());
    EXPECT_EQ(index.noteCount(), 2u);
    EXPECT_TRUE(index.find("a/real.md"));
    EXPECT_TRUE(index.find("b/other.md"));
    EXPECT_FALSE(index.find("a/loop-to-root/a/real.md"));
    // The file links that loop are skipped, each with a reason.
    std::size_t loops = 0;
    for (const VaultDiagnostic& skipped : index.skippedFiles())
        loops += skipped.path == "x1.md" || skipped.path == "x2.md";
    EXPECT_EQ(loops, 2u);
    EXPECT_EQ(index.links(*index.find("a/real.md")).at(0).resolution.status, LinkStatus::Resolved);
}

TEST(BadVaultInput, LinkToEtcPasswd_IsRefusedEverywhere)
{
    TempVault vault;
    vault.write("notes/source.md", noteText("Source", "",
                                            "See [[../../etc/passwd]], [[/etc/passwd]], [[..]], [[notes/../../x]] and "
                                            "[[..\\..\\etc\\passwd]].\n"));
    vault.write("notes/passwd.md", noteText("Passwd", "", "A note named passwd.\n"));
    const VaultIndex index = VaultIndex::build(vault.root(), twoThreads());
    const auto links = index.links(*index.find("notes/source.md"));
    ASSERT_EQ(links.size(), 5u);
    for (const auto& link : links)
        EXPECT_NE(link.resolution.status, LinkStatus::Resolved) << link.target;
    EXPECT_EQ(links[0].resolution.status, LinkStatus::Refused);
    EXPECT_EQ(links[1].resolution.status, LinkStatus::Refused);

    // The folder-local resolver the viewer uses refuses them too.
    for (const char* target : {"../../etc/passwd", "/etc/passwd", "..", "notes/../../x", "../notes/passwd"})
        EXPECT_FALSE(findNoteInFolder(vault.root() / "notes", target)) << target;
    EXPECT_TRUE(findNoteInFolder(vault.root() / "notes", "passwd"));
}

TEST(BadVaultInput, TenThousandNotesInOneFolder)
{
    TempVault vault;
    constexpr int kNotes = 10'000;
    const auto name = [](int i) {
        const std::string digits = std::to_string(i);
        return "n" + std::string(5 - digits.size(), '0') + digits;
    };
    for (int i = 0; i < kNotes; ++i)
        vault.write("all/" + name(i) + ".md",
                    noteText("Note " + std::to_string(i), "",
                             "Claim [[" + name((i + 1) % kNotes) + "]] " + cite("00:01") + "\n"));

    const NoteFileList listed = listNoteFiles(vault.root());
    EXPECT_EQ(listed.paths.size(), static_cast<std::size_t>(kNotes));
    EXPECT_TRUE(listed.skipped.empty());

    const VaultIndex index = VaultIndex::build(vault.root(), twoThreads());
    EXPECT_EQ(index.noteCount(), static_cast<std::size_t>(kNotes));
    const VaultCheck check = index.check();
    EXPECT_EQ(check.links, static_cast<std::size_t>(kNotes));
    EXPECT_EQ(check.resolvedExact, static_cast<std::size_t>(kNotes));

    // The viewer's folder-local lookup, by each rule, in a folder that big.
    const fs::path folder = vault.root() / "all";
    EXPECT_EQ(findNoteInFolder(folder, "n09999")->rule, LinkRule::Exact);
    EXPECT_EQ(findNoteInFolder(folder, "N09999")->rule, LinkRule::CaseInsensitive);
    EXPECT_FALSE(findNoteInFolder(folder, "n10000"));
}

}  // namespace
}  // namespace scholia
