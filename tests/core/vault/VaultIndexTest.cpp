#include "vault/VaultIndex.h"
#include "vault/VaultIndexBuild.h"

#include "VaultTestSupport.h"

#include <gtest/gtest.h>

#include <chrono>
#include <fstream>
#include <iterator>
#include <random>
#include <thread>

#include <sys/stat.h>
#include <unistd.h>

namespace scholia {
namespace {

namespace fs = std::filesystem;
using testing::cite;
using testing::noteText;
using testing::TempVault;

VaultIndexOptions twoThreads()
{
    VaultIndexOptions options;
    options.threads = 2;
    return options;
}

NoteId idOf(const VaultIndex& index, std::string_view path)
{
    const std::optional<NoteId> id = index.find(path);
    EXPECT_TRUE(id.has_value()) << path;
    return id.value_or(0);
}

const VaultDiagnostic* problemFor(const std::vector<VaultDiagnostic>& problems, std::string_view path)
{
    for (const VaultDiagnostic& problem : problems)
        if (problem.path == path)
            return &problem;
    return nullptr;
}

std::string snippetText(const std::optional<Snippet>& snippet)
{
    return snippet ? snippet->text : "<none>";
}

// ---- wikilink resolution -----------------------------------------------------------------------

class LinkRules : public ::testing::Test {
protected:
    void SetUp() override
    {
        const std::string target = noteText(
            "Target note", "", "Intro " + cite("00:01") + "\n\n## Some Heading\n\nText " + cite("00:02") + "\n");
        vault.write("b/target_note.md", target);
        // Outside the vault, where "../../etc/passwd" from a/ would lead.
        fs::create_directories(vault.outside() / "etc");
        std::ofstream(vault.outside() / "etc" / "passwd.md") << "# secret\n";
        fs::create_directories(vault.root() / "etc");
        std::ofstream(vault.root() / "etc" / "passwd.md") << "# a note named passwd\n";

        const std::string absolute = (vault.root() / "b" / "target_note").string();
        vault.write("a/source.md", noteText("Source", "",
                                            "Exact [[target_note]] " + cite("00:01") + "\n\n" +     // 6
                                                "Case [[Target_Note]] " + cite("00:02") + "\n\n" +  // 8
                                                "Slug [[ Target Note | the label ]]\n\n" +          // 10
                                                "Fragment [[target_note#Some Heading]]\n\n" +       // 12
                                                "Dangling [[no_such_note]]\n\n" +                   // 14
                                                "Escape [[../../etc/passwd]]\n\n" +                 // 16
                                                "Absolute [[" + absolute + "]]\n\n" +               // 18
                                                "Suffix [[target_note.md]]\n"));                    // 20
        index = VaultIndex::build(vault.root(), twoThreads());
        links = index.links(idOf(index, "a/source.md"));
        target_ = idOf(index, "b/target_note.md");
    }

    TempVault vault;
    VaultIndex index;
    std::vector<NoteLink> links;
    NoteId target_ = 0;
};

TEST_F(LinkRules, EachLinkResolvedByTheRuleThatFitsIt)
{
    ASSERT_EQ(links.size(), 8u);
    const auto expectResolved = [&](std::size_t i, LinkRule rule, int line) {
        SCOPED_TRACE(links[i].target);
        EXPECT_EQ(links[i].resolution.status, LinkStatus::Resolved);
        EXPECT_EQ(links[i].resolution.note, target_);
        EXPECT_EQ(links[i].resolution.rule, rule);
        EXPECT_EQ(links[i].line, line);
    };
    expectResolved(0, LinkRule::Exact, 6);
    expectResolved(1, LinkRule::CaseInsensitive, 8);
    expectResolved(2, LinkRule::Slug, 10);
    expectResolved(3, LinkRule::Exact, 12);
    expectResolved(7, LinkRule::Exact, 20);
}

TEST_F(LinkRules, TheHeadingFragmentIsKeptForScrolling)
{
    ASSERT_EQ(links.size(), 8u);
    EXPECT_EQ(links[3].target, "target_note");
    EXPECT_EQ(links[3].fragment, "Some Heading");
}

TEST_F(LinkRules, DanglingLinksAreListed)
{
    ASSERT_EQ(links.size(), 8u);
    EXPECT_EQ(links[4].resolution.status, LinkStatus::Missing);
    const VaultCheck check = index.check();
    ASSERT_EQ(check.unresolvedLinks.size(), 3u);
    EXPECT_EQ(check.unresolvedLinks[0].target, "no_such_note");
    EXPECT_EQ(check.unresolvedLinks[0].line, 14);
    EXPECT_EQ(check.unresolvedLinks[0].status, LinkStatus::Missing);
}

TEST_F(LinkRules, NoLinkLeavesTheVaultNorNamesAFileByPath)
{
    ASSERT_EQ(links.size(), 8u);
    EXPECT_EQ(links[5].target, "../../etc/passwd");
    EXPECT_EQ(links[5].resolution.status, LinkStatus::Refused);
    EXPECT_EQ(links[6].resolution.status, LinkStatus::Refused);
    EXPECT_EQ(index.resolveLink("/etc/passwd", idOf(index, "a/source.md")).status, LinkStatus::Refused);
    EXPECT_EQ(index.check().refused, 2u);
    // The plain name still finds the note inside the vault.
    EXPECT_EQ(index.resolveLink("passwd", idOf(index, "a/source.md")).note, idOf(index, "etc/passwd.md"));
}

TEST(VaultLinks, ANameInSeveralFoldersMeansTheOneBesideTheLink)
{
    TempVault vault;
    vault.write("a/intro.md", noteText("Intro A", "", "A\n"));
    vault.write("b/intro.md", noteText("Intro B", "", "B\n"));
    vault.write("a/x.md", noteText("X", "", "See [[intro]]\n"));
    vault.write("b/y.md", noteText("Y", "", "See [[intro]]\n"));
    vault.write("c/z.md", noteText("Z", "", "See [[intro]]\n"));
    vault.write("deep/er/intro.md", noteText("Deep", "", "D\n"));
    const VaultIndex index = VaultIndex::build(vault.root(), twoThreads());

    const auto target = [&](std::string_view from) { return index.links(idOf(index, from)).at(0).resolution; };
    EXPECT_EQ(target("a/x.md").note, idOf(index, "a/intro.md"));
    EXPECT_EQ(target("b/y.md").note, idOf(index, "b/intro.md"));
    // Elsewhere: fewest folders (not deep/er/), then byte order (a/ before b/).
    EXPECT_EQ(target("c/z.md").note, idOf(index, "a/intro.md"));
    EXPECT_EQ(target("c/z.md").candidates, 3u);

    const VaultCheck check = index.check();
    ASSERT_EQ(check.sharedFileNames.size(), 1u);
    EXPECT_EQ(check.sharedFileNames[0].fileName, "intro.md");
    EXPECT_EQ(check.sharedFileNames[0].notes, (std::vector<NoteId>{idOf(index, "a/intro.md"), idOf(index, "b/intro.md"),
                                                                   idOf(index, "deep/er/intro.md")}));
    EXPECT_EQ(check.resolvedAmongSeveral, 3u);
}

TEST(VaultLinks, TheShortestPathWinsAmongOtherFolders)
{
    TempVault vault;
    vault.write("x/y/topic.md", noteText("Deep", "", "D\n"));
    vault.write("long_folder_name/topic.md", noteText("Long", "", "L\n"));
    vault.write("bb/topic.md", noteText("Short", "", "S\n"));
    vault.write("src/note.md", noteText("Source", "", "See [[Topic]]\n"));
    const VaultIndex index = VaultIndex::build(vault.root(), twoThreads());
    const LinkResolution resolution = index.links(idOf(index, "src/note.md")).at(0).resolution;
    EXPECT_EQ(resolution.note, idOf(index, "bb/topic.md"));
    EXPECT_EQ(resolution.rule, LinkRule::CaseInsensitive);
}

// ---- files that cannot be notes --------------------------------------------------------------

TEST(VaultFiles, BinaryFilesAreSkippedWithADiagnostic)
{
    TempVault vault;
    vault.write("good.md", noteText("Good", "", "Fine\n"));
    vault.write("image.md", std::string("\x89PNG\r\n\x1a\n\0\0\0\rIHDR", 16));
    const VaultIndex index = VaultIndex::build(vault.root(), twoThreads());
    EXPECT_EQ(index.noteCount(), 1u);
    EXPECT_FALSE(index.find("image.md"));
    const VaultDiagnostic* problem = problemFor(index.skippedFiles(), "image.md");
    ASSERT_NE(problem, nullptr);
    EXPECT_NE(problem->diagnostic.message.find("binary"), std::string::npos) << problem->diagnostic.message;
}

TEST(VaultFiles, FilesOverTheSizeCapAreSkipped)
{
    TempVault vault;
    vault.write("small.md", noteText("Small", "", "Fine\n"));
    vault.write("huge.md", noteText("Huge", "", std::string(5000, 'x') + "\n"));
    VaultIndexOptions options = twoThreads();
    options.maxFileBytes = 1000;
    const VaultIndex index = VaultIndex::build(vault.root(), options);
    EXPECT_TRUE(index.find("small.md"));
    EXPECT_FALSE(index.find("huge.md"));
    const VaultDiagnostic* problem = problemFor(index.skippedFiles(), "huge.md");
    ASSERT_NE(problem, nullptr);
    EXPECT_NE(problem->diagnostic.message.find("larger than"), std::string::npos) << problem->diagnostic.message;
}

TEST(VaultFiles, UnreadableFilesAreSkippedWithADiagnostic)
{
    if (::geteuid() == 0)
        GTEST_SKIP() << "running as root: chmod 000 does not stop root from reading (FIFO and symlink-loop tests "
                        "cover files that cannot be read)";
    TempVault vault;
    vault.write("good.md", noteText("Good", "", "Fine\n"));
    const fs::path locked = vault.write("locked.md", noteText("Locked", "", "Secret\n"));
    const fs::path lockedFolder = vault.write("closed/inner.md", noteText("Inner", "", "Secret\n")).parent_path();
    fs::permissions(locked, fs::perms::none);
    fs::permissions(lockedFolder, fs::perms::none);
    const VaultIndex index = VaultIndex::build(vault.root(), twoThreads());
    EXPECT_EQ(index.noteCount(), 1u);
    const VaultDiagnostic* problem = problemFor(index.skippedFiles(), "locked.md");
    ASSERT_NE(problem, nullptr);
    EXPECT_NE(problem->diagnostic.message.find("cannot open"), std::string::npos) << problem->diagnostic.message;
    const VaultDiagnostic* folder = problemFor(index.skippedFiles(), "closed");
    ASSERT_NE(folder, nullptr);
    EXPECT_NE(folder->diagnostic.message.find("cannot list"), std::string::npos) << folder->diagnostic.message;
}

TEST(VaultFiles, SymlinkLoopsFifosAndLinksOutsideNeverHangNorLeak)
{
    TempVault vault;
    vault.write("a/real.md", noteText("Real", "", "Fine\n"));
    fs::create_directory_symlink("..", vault.root() / "a" / "loop");  // a/loop/a/loop/...
    fs::create_symlink("ping.md", vault.root() / "pong.md");
    fs::create_symlink("pong.md", vault.root() / "ping.md");
    ASSERT_EQ(::mkfifo((vault.root() / "pipe.md").c_str(), 0644), 0);
    fs::create_directories(vault.outside());
    std::ofstream(vault.outside() / "secret.md") << "# secret\n";
    fs::create_symlink(vault.outside() / "secret.md", vault.root() / "secret.md");
    fs::create_directory_symlink(vault.outside(), vault.root() / "elsewhere");
    fs::create_symlink("a/real.md", vault.root() / "alias.md");

    const VaultIndex index = VaultIndex::build(vault.root(), twoThreads());
    EXPECT_EQ(index.notes().size(), 2u);  // a/real.md and alias.md
    EXPECT_TRUE(index.find("a/real.md"));
    EXPECT_TRUE(index.find("alias.md"));
    const auto messageFor = [&](std::string_view path) {
        const VaultDiagnostic* problem = problemFor(index.skippedFiles(), path);
        return problem ? problem->diagnostic.message : "<no diagnostic>";
    };
    EXPECT_NE(messageFor("a/loop").find("folder not followed"), std::string::npos) << messageFor("a/loop");
    EXPECT_NE(messageFor("ping.md").find("cannot follow"), std::string::npos) << messageFor("ping.md");
    EXPECT_NE(messageFor("pong.md").find("cannot follow"), std::string::npos) << messageFor("pong.md");
    EXPECT_EQ(messageFor("pipe.md"), "not a regular file");
    EXPECT_NE(messageFor("secret.md").find("outside the vault"), std::string::npos) << messageFor("secret.md");
    EXPECT_NE(messageFor("elsewhere").find("folder not followed"), std::string::npos) << messageFor("elsewhere");
}

// ---- the note a vault opens on -----------------------------------------------------------------

TEST(VaultFiles, TheFirstNoteIsTheOneTheListingPutsFirst)
{
    // Names whose order differs by byte and by folder: '-' < '.' < '/' < '0' < 'A' < 'a'.
    const std::vector<std::string> names = {"a", "A", "a-", "a0", "a.b", "b", "z"};
    const std::vector<std::string> suffixes = {".md", ".MD", ".txt", ""};
    std::mt19937 random(20261127);
    const auto pick = [&random](const auto& from) { return from[random() % from.size()]; };
    for (int trial = 0; trial < 300; ++trial) {
        TempVault vault;
        const int files = 1 + static_cast<int>(random() % 8);
        for (int i = 0; i < files; ++i) {
            std::string path;
            for (int depth = static_cast<int>(random() % 4); depth > 0; --depth)
                path += (random() % 8 == 0 ? "." : "") + pick(names) + "/";  // sometimes a hidden folder
            std::error_code ec;  // a file may already have the folder's name: then no note this time
            fs::create_directories(vault.root() / path, ec);
            const std::string file = path + pick(names) + pick(suffixes);
            if (!ec && !fs::is_directory(vault.root() / file))
                vault.write(file, "# note\n");
        }
        const NoteFileList list = listNoteFiles(vault.root());
        const std::optional<std::string> first = firstNoteFile(vault.root());
        if (list.paths.empty())
            EXPECT_EQ(first, std::nullopt) << "trial " << trial;
        else
            EXPECT_EQ(first, list.paths.front()) << "trial " << trial;
    }
}

TEST(VaultFiles, AnIndexNoteAtTheTopComesBeforeTheFirstNote)
{
    TempVault vault;
    vault.write("a/first.md", "# First by path\n");
    vault.write("b.md", "# B\n");
    fs::create_directory_symlink("..", vault.root() / "0-loop");  // never followed
    EXPECT_EQ(firstNoteFile(vault.root()), "a/first.md");
    vault.write("sub/index.md", "# Not at the top\n");
    vault.write("Home.md", "# Home\n");
    EXPECT_EQ(firstNoteFile(vault.root()), "Home.md");
    vault.write("README.md", "# Readme\n");
    EXPECT_EQ(firstNoteFile(vault.root()), "README.md");
    vault.write("Index.MD", "# Index\n");
    EXPECT_EQ(firstNoteFile(vault.root()), "Index.MD");
}

TEST(VaultFiles, NoFirstNoteWhereThereIsNone)
{
    TempVault vault;
    EXPECT_EQ(firstNoteFile(vault.root()), std::nullopt);
    vault.write(".obsidian/workspace.md", "hidden\n");
    vault.write("attachments/picture.png", "not a note\n");
    EXPECT_EQ(firstNoteFile(vault.root()), std::nullopt);
    EXPECT_EQ(firstNoteFile(vault.root() / "missing"), std::nullopt);
    EXPECT_EQ(firstNoteFile(vault.write("file.md", "# A file, not a folder\n")), std::nullopt);
}

TEST(VaultFiles, AFolderThatIsNotThereIsOneDiagnostic)
{
    TempVault vault;
    const VaultIndex index = VaultIndex::build(vault.root() / "missing", twoThreads());
    EXPECT_EQ(index.noteCount(), 0u);
    ASSERT_EQ(index.skippedFiles().size(), 1u);
    EXPECT_EQ(index.skippedFiles()[0].diagnostic.severity, Severity::Error);
}

// ---- the model of each note ------------------------------------------------------------------

TEST(VaultNotes, OutlineClaimsAndCountsOfANote)
{
    TempVault vault;
    vault.write("ch/note.md", noteText("The note", "vid12345678",
                                       "First claim " + cite("00:10") + " and " + cite("00:20")
                                           + ".\n\n"            // 6
                                             "## Part one\n\n"  // 8
                                             "Second claim "
                                           + cite("01:05")
                                           + ".\n\n"           // 10
                                             "### Detail\n\n"  // 12
                                             "- Item with [[missing_one]] "
                                           + cite("02:00") + "\n"));  // 14
    const VaultIndex index = VaultIndex::build(vault.root(), twoThreads());
    const NoteId id = idOf(index, "ch/note.md");

    EXPECT_EQ(index.outline(id), (std::vector<OutlineEntry>{{2, 8, "Part one"}, {3, 12, "Detail"}}));
    EXPECT_EQ(index.claims(id), (std::vector<ClaimEntry>{{6, 10000}, {10, 65000}, {14, 120000}}));
    const std::optional<NoteSummary> summary = index.summary(id);
    ASSERT_TRUE(summary);
    EXPECT_EQ(summary->path, "ch/note.md");
    EXPECT_EQ(summary->title, "The note");
    EXPECT_EQ(summary->videoId, "vid12345678");
    EXPECT_EQ(summary->claims, 3u);
    EXPECT_EQ(summary->citations, 4u);
    EXPECT_EQ(summary->links, 1u);
    EXPECT_EQ(summary->unresolvedLinks, 1u);
    EXPECT_EQ(index.filePath(id), fs::canonical(vault.root()) / "ch" / "note.md");
    EXPECT_EQ(index.findFile(vault.root() / "ch" / "note.md"), id);
    EXPECT_FALSE(index.summary(id + 100));
}

TEST(VaultNotes, AThousandNotesInOneFolder)
{
    TempVault vault;
    constexpr int kNotes = 1000;
    const auto name = [](int i) {
        std::string digits = std::to_string(i);
        return "n" + std::string(4 - digits.size(), '0') + digits;
    };
    for (int i = 0; i < kNotes; ++i)
        vault.write("all/" + name(i) + ".md", noteText("Note " + std::to_string(i), "",
                                                       "Claim about word" + name(i) + " and [[" + name((i + 1) % kNotes)
                                                           + "]] " + cite("00:01") + "\n"));
    IndexProgress progress;
    const VaultIndex index = VaultIndex::build(vault.root(), VaultIndexOptions{4, kDefaultMaxNoteBytes}, &progress);

    EXPECT_EQ(index.noteCount(), static_cast<std::size_t>(kNotes));
    EXPECT_TRUE(index.skippedFiles().empty());
    EXPECT_FALSE(index.cancelled());
    EXPECT_EQ(progress.filesFound.load(), static_cast<std::size_t>(kNotes));
    EXPECT_EQ(progress.filesIndexed.load(), static_cast<std::size_t>(kNotes));
    EXPECT_TRUE(progress.listingDone.load());
    const VaultCheck check = index.check();
    EXPECT_EQ(check.links, static_cast<std::size_t>(kNotes));
    EXPECT_EQ(check.resolvedExact, static_cast<std::size_t>(kNotes));
    EXPECT_EQ(check.citations, static_cast<std::size_t>(kNotes));
    // A word all of them share, its postings gathered by 4 threads and joined: every note once, in
    // path order (they tie on everything else).
    const std::vector<SearchHit> all = index.search("claim ", 2 * kNotes);
    ASSERT_EQ(all.size(), static_cast<std::size_t>(kNotes));
    for (int i = 0; i < kNotes; ++i)
        ASSERT_EQ(index.summary(all[static_cast<std::size_t>(i)].note)->path, "all/" + name(i) + ".md");
    for (const int i : {0, 1, 499, 998, 999}) {
        const NoteId id = idOf(index, "all/" + name(i) + ".md");
        const std::vector<Backlink> backlinks = index.backlinks(id);
        ASSERT_EQ(backlinks.size(), 1u) << i;
        EXPECT_EQ(backlinks[0].from, idOf(index, "all/" + name((i + kNotes - 1) % kNotes) + ".md"));
        const std::vector<SearchHit> hits = index.search("word" + name(i) + " ");
        ASSERT_EQ(hits.size(), 1u) << i;
        EXPECT_EQ(hits[0].note, id);
    }
}

// ---- backlinks -------------------------------------------------------------------------------

TEST(VaultBacklinks, EveryLinkingNoteWithLineAndSentence)
{
    TempVault vault;
    vault.write("a/target.md", noteText("Target", "", "Body " + cite("00:01") + "\n"));
    vault.write(
        "a/one.md",
        noteText("One", "", "Iran attacked. It hit [[target | the target]] hard. Then calm. " + cite("01:00") + "\n"));
    vault.write("b/two.md", noteText("Two", "",
                                     "From: [[target]] <br/>\n\n"  // 6
                                     "- Item on [[target#Part]] "
                                         + cite("02:00") + "\n"));  // 8
    vault.write("b/none.md", noteText("None", "", "Links to [[one]] only " + cite("00:05") + "\n"));
    const VaultIndex index = VaultIndex::build(vault.root(), twoThreads());

    const std::vector<Backlink> backlinks = index.backlinks(idOf(index, "a/target.md"));
    ASSERT_EQ(backlinks.size(), 3u);
    EXPECT_EQ(backlinks[0].from, idOf(index, "a/one.md"));
    EXPECT_EQ(backlinks[0].line, 6);
    EXPECT_EQ(backlinks[1].from, idOf(index, "b/two.md"));
    EXPECT_EQ(backlinks[1].line, 6);
    EXPECT_EQ(backlinks[2].from, idOf(index, "b/two.md"));
    EXPECT_EQ(backlinks[2].line, 8);
    EXPECT_EQ(backlinks[2].fragment, "Part");

    const std::optional<Snippet> sentence = index.backlinkSnippet(backlinks[0]);
    EXPECT_EQ(snippetText(sentence), "It hit the target hard.");
    ASSERT_TRUE(sentence && sentence->highlights.size() == 1);
    EXPECT_EQ(sentence->text.substr(sentence->highlights[0].first,
                                    sentence->highlights[0].second - sentence->highlights[0].first),
              "the target");
    EXPECT_EQ(snippetText(index.backlinkSnippet(backlinks[1])), "From: target");
    EXPECT_EQ(snippetText(index.backlinkSnippet(backlinks[2])), "Item on target");
    EXPECT_TRUE(index.backlinks(idOf(index, "b/two.md")).empty());
}

// ---- videos ----------------------------------------------------------------------------------

TEST(VaultVideos, NotesGroupedByVideoAndTheirCitationsInTimeOrder)
{
    TempVault vault;
    vault.write("b/n1.md",
                noteText("N1", "video_one__", "Late " + cite("02:00") + "\n\nEarly " + cite("00:30") + "\n"));
    vault.write("a/n2.md", noteText("N2", "video_one__", "Middle " + cite("01:00") + " again " + cite("02:00") + "\n"));
    vault.write("c/n3.md", noteText("N3", "video_two__", "Other " + cite("00:10") + "\n"));
    vault.write("c/n4.md", noteText("N4", "", "No video " + cite("00:10") + "\n"));
    const VaultIndex index = VaultIndex::build(vault.root(), twoThreads());

    const std::vector<VideoNotes> groups = index.notesByVideo();
    ASSERT_EQ(groups.size(), 2u);
    EXPECT_EQ(groups[0].videoId, "video_one__");
    EXPECT_EQ(groups[0].notes, (std::vector<NoteId>{idOf(index, "a/n2.md"), idOf(index, "b/n1.md")}));
    EXPECT_EQ(groups[1].videoId, "video_two__");
    EXPECT_EQ(groups[1].notes, (std::vector<NoteId>{idOf(index, "c/n3.md")}));

    const NoteId n1 = idOf(index, "b/n1.md");
    const NoteId n2 = idOf(index, "a/n2.md");
    const std::vector<VideoCitation> citations = index.videoCitations("video_one__");
    ASSERT_EQ(citations.size(), 4u);
    const auto expectCitation = [&](std::size_t i, NoteId note, int line, std::int64_t ms) {
        SCOPED_TRACE(i);
        EXPECT_EQ(citations[i].note, note);
        EXPECT_EQ(citations[i].line, line);
        EXPECT_EQ(citations[i].ms, ms);
    };
    expectCitation(0, n1, 8, 30000);
    expectCitation(1, n2, 6, 60000);
    expectCitation(2, n2, 6, 120000);  // same time: note path order, a/ before b/
    expectCitation(3, n1, 6, 120000);
    EXPECT_TRUE(index.videoCitations("unknown").empty());
}

TEST(VaultVideos, AVideoIsNamedByTheNoteItsOtherNotesLinkTo)
{
    TempVault vault;
    // As in the real vault: the video's own note links to its topic notes, and they back to it.
    vault.write("ch/a_topic.md",
                noteText("A topic", "video_one__", "See [[The talk itself | the talk]] " + cite("00:10") + "\n"));
    vault.write("ch/b_topic.md",
                noteText("B topic", "video_one__", "Part of [[the_talk_itself]] " + cite("00:20") + "\n"));
    vault.write("ch/the_talk_itself.md", noteText("The talk itself", "video_one__",
                                                  "Covers [[a_topic]] and [[b_topic]] " + cite("00:05") + "\n"));
    vault.write("ch/z_other.md", noteText("Z other", "video_one__", "Links [[index]] only " + cite("00:30") + "\n"));
    vault.write("index.md", noteText("Index", "", "[[a_topic]] [[z_other]]\n"));
    vault.write("two/first.md", noteText("First", "video_two__", "No links " + cite("00:10") + "\n"));
    vault.write("two/second.md", noteText("Second", "video_two__", "None here " + cite("00:10") + "\n"));
    const VaultIndex index = VaultIndex::build(vault.root(), twoThreads());

    const std::vector<VideoNotes> groups = index.notesByVideo();
    ASSERT_EQ(groups.size(), 2u);
    EXPECT_EQ(groups[0].main, idOf(index, "ch/the_talk_itself.md"));
    EXPECT_EQ(groups[1].main, idOf(index, "two/first.md")) << "no links: the first by path";
}

// ---- search ----------------------------------------------------------------------------------

class VaultSearch : public ::testing::Test {
protected:
    void SetUp() override
    {
        vault.write("a/cyber_warfare.md",
                    noteText("Cyber warfare", "", "States aim malware at power grids " + cite("00:05") + "\n"));
        vault.write("c/other.md", noteText("Security notes", "",
                                           "Unrelated opening " + cite("00:01")
                                               + "\n\n"
                                                 "The cyber security of Albania is weak "
                                               + cite("03:00") + "\n"));
        vault.write("z/albania.md", noteText("Albania under attack", "",
                                             "Iran launched a cyber attack on Albania " + cite("00:09")
                                                 + "\n\n"
                                                   "NATO pledged support "
                                                 + cite("00:20") + "\n"));
        index = VaultIndex::build(vault.root(), twoThreads());
    }

    TempVault vault;
    VaultIndex index;
};

TEST_F(VaultSearch, TitleHitsComeFirst)
{
    const std::vector<SearchHit> hits = index.search("cyber ");
    ASSERT_EQ(hits.size(), 3u);
    EXPECT_EQ(hits[0].note, idOf(index, "a/cyber_warfare.md"));
    EXPECT_FALSE(hits[0].claim);
    EXPECT_EQ(hits[0].line, 0);
}

TEST_F(VaultSearch, EveryTermMustMatchOneClaimAndTitleWordsRankUp)
{
    const std::vector<SearchHit> hits = index.search("cyber albania ");
    ASSERT_EQ(hits.size(), 2u);
    // z/albania.md has "albania" in its title, so it ranks above c/other.md despite its path.
    EXPECT_EQ(hits[0].note, idOf(index, "z/albania.md"));
    EXPECT_EQ(hits[0].claim, 0u);
    EXPECT_EQ(hits[0].line, 6);
    EXPECT_EQ(hits[0].ms, 9000);
    EXPECT_EQ(hits[1].note, idOf(index, "c/other.md"));
    EXPECT_EQ(hits[1].claim, 1u);
    EXPECT_EQ(hits[1].line, 8);
    EXPECT_EQ(hits[1].ms, 180000);
    EXPECT_TRUE(index.search("nato cyber ").empty()) << "in the same note but not the same claim";
}

TEST_F(VaultSearch, TheLastTermIsAPrefixWhileTyping)
{
    EXPECT_EQ(index.search("cyber alb").size(), 2u);
    EXPECT_TRUE(index.search("cyber alb ").empty());
    const std::vector<SearchHit> typing = index.search("ALBAN");
    ASSERT_EQ(typing.size(), 3u);
    EXPECT_EQ(typing[0].note, idOf(index, "z/albania.md"));
    EXPECT_FALSE(typing[0].claim);
    EXPECT_EQ(index.search("cyber albania", 1).size(), 1u);
    // One letter narrows nothing down yet: "cyber a" finds what "cyber " finds.
    EXPECT_EQ(index.search("cyber a").size(), index.search("cyber ").size());
    EXPECT_TRUE(index.search("").empty());
    EXPECT_TRUE(index.search("zebra ").empty());
}

TEST_F(VaultSearch, SnippetsAreReadFromTheFileWithMatchesMarked)
{
    const std::vector<SearchHit> hits = index.search("cyber alb");
    ASSERT_FALSE(hits.empty());
    const std::optional<Snippet> snippet = index.snippet(hits[0], "cyber alb");
    ASSERT_TRUE(snippet);
    EXPECT_EQ(snippet->text, "Iran launched a cyber attack on Albania");
    ASSERT_EQ(snippet->highlights.size(), 2u);
    EXPECT_EQ(snippet->text.substr(snippet->highlights[1].first, 7), "Albania");
}

TEST_F(VaultSearch, QuickOpenByTitleOrFileName)
{
    const std::vector<QuickOpenHit> hits = index.quickOpen("albania");
    ASSERT_EQ(hits.size(), 1u);
    EXPECT_EQ(hits[0].note, idOf(index, "z/albania.md"));
    const std::vector<QuickOpenHit> fuzzy = index.quickOpen("cywar");
    ASSERT_FALSE(fuzzy.empty());
    EXPECT_EQ(fuzzy[0].note, idOf(index, "a/cyber_warfare.md"));
    const std::vector<QuickOpenHit> byFileName = index.quickOpen("other");
    ASSERT_EQ(byFileName.size(), 1u);
    EXPECT_EQ(byFileName[0].note, idOf(index, "c/other.md"));
    EXPECT_TRUE(index.quickOpen("").empty());
}

// ---- changes on disk -------------------------------------------------------------------------

TEST(VaultUpdates, ReindexAddAndRemoveOneFile)
{
    TempVault vault;
    vault.write("a/source.md", noteText("Source", "", "Original wording with [[later_note]] " + cite("00:01") + "\n"));
    vault.write("a/other.md", noteText("Other", "", "Stays " + cite("00:01") + "\n"));
    VaultIndex index = VaultIndex::build(vault.root(), twoThreads());
    const NoteId source = idOf(index, "a/source.md");
    ASSERT_EQ(index.links(source).at(0).resolution.status, LinkStatus::Missing);

    // Changed: same NoteId, new words searchable, old ones gone.
    vault.write("a/source.md", noteText("Source", "", "Revised wording with [[later_note]] " + cite("00:01") + "\n"));
    IndexUpdate update = index.update(vault.root() / "a" / "source.md");
    EXPECT_EQ(update.outcome, UpdateOutcome::Reindexed);
    EXPECT_EQ(update.note, source);
    EXPECT_TRUE(index.search("original ").empty());
    ASSERT_EQ(index.search("revised ").size(), 1u);
    EXPECT_EQ(index.search("revised ")[0].note, source);

    // Added: the dangling link now resolves.
    vault.write("b/later_note.md", noteText("Later", "", "New " + cite("00:01") + "\n"));
    update = index.update("b/later_note.md");
    EXPECT_EQ(update.outcome, UpdateOutcome::Added);
    ASSERT_TRUE(update.note);
    const NoteId later = *update.note;
    EXPECT_EQ(index.links(source).at(0).resolution.note, later);
    EXPECT_EQ(index.backlinks(later).size(), 1u);
    EXPECT_EQ(index.noteCount(), 3u);

    // Deleted on disk: update() removes it and the link dangles again.
    fs::remove(vault.root() / "b" / "later_note.md");
    update = index.update(vault.root() / "b" / "later_note.md");
    EXPECT_EQ(update.outcome, UpdateOutcome::Removed);
    EXPECT_FALSE(index.find("b/later_note.md"));
    EXPECT_FALSE(index.contains(later));
    EXPECT_EQ(index.links(source).at(0).resolution.status, LinkStatus::Missing);

    // A new title: found by title search and quick open, the old one no more.
    vault.write("a/other.md", noteText("Renamed topic", "", "Stays " + cite("00:01") + "\n"));
    EXPECT_EQ(index.update("a/other.md").outcome, UpdateOutcome::Reindexed);
    ASSERT_FALSE(index.search("renamed ").empty());
    EXPECT_FALSE(index.search("renamed ")[0].claim);
    EXPECT_EQ(index.quickOpen("renamed").size(), 1u);
    EXPECT_TRUE(index.quickOpen("other").size() == 1 && index.quickOpen("other")[0].note == idOf(index, "a/other.md"))
        << "still found by its file name";
    EXPECT_TRUE(index.search("other ").empty());

    // Back again: the same NoteId.
    vault.write("b/later_note.md", noteText("Later", "", "Back " + cite("00:01") + "\n"));
    EXPECT_EQ(index.update("b/later_note.md").note, later);

    // Removed from the index outright.
    update = index.remove(vault.root() / "a" / "source.md");
    EXPECT_EQ(update.outcome, UpdateOutcome::Removed);
    EXPECT_FALSE(index.find("a/source.md"));
    EXPECT_TRUE(index.search("revised ").empty());
    EXPECT_TRUE(index.backlinks(later).empty());
    EXPECT_EQ(index.noteCount(), 2u);
    EXPECT_EQ(index.notes(), (std::vector<NoteId>{idOf(index, "a/other.md"), later}));
}

TEST(VaultUpdates, ChangedNotesAreThoseSavedReplacedOrRemovedSinceTheyWereRead)
{
    TempVault vault;
    vault.write("a/edited.md", noteText("Edited", "", "First words " + cite("00:01") + "\n"));
    vault.write("a/same_size.md", noteText("Same size", "", "aaaa " + cite("00:01") + "\n"));
    vault.write("b/gone.md", noteText("Gone", "", "Here " + cite("00:01") + "\n"));
    vault.write("b/untouched.md", noteText("Untouched", "", "Still " + cite("00:01") + "\n"));
    VaultIndex index = VaultIndex::build(vault.root(), twoThreads());
    ASSERT_EQ(index.noteCount(), 4u);
    EXPECT_TRUE(changedFiles(index.root(), index.noteStamps()).empty());

    vault.write("a/edited.md", noteText("Edited", "", "First words and more of them " + cite("00:01") + "\n"));
    vault.write("a/same_size.md", noteText("Same size", "", "bbbb " + cite("00:01") + "\n"));  // only the time differs
    const auto later = fs::last_write_time(vault.root() / "a" / "edited.md") + std::chrono::seconds(2);
    fs::last_write_time(vault.root() / "a" / "same_size.md", later);
    fs::remove(vault.root() / "b" / "gone.md");
    vault.write("c/new.md", noteText("New", "", "Not known yet " + cite("00:01") + "\n"));  // for the folder watch
    EXPECT_EQ(changedFiles(index.root(), index.noteStamps()),
              (std::vector<std::string>{"a/edited.md", "a/same_size.md", "b/gone.md"}));

    for (const std::string& path : changedFiles(index.root(), index.noteStamps()))
        index.update(path);
    EXPECT_TRUE(changedFiles(index.root(), index.noteStamps()).empty());
    EXPECT_EQ(index.search("bbbb").size(), 1u);
    EXPECT_FALSE(index.find("b/gone.md"));
    EXPECT_EQ(index.noteCount(), 3u);
}

TEST(VaultUpdates, ANoteAddedBesideALinkTakesItOverAndGivesItBack)
{
    TempVault vault;
    vault.write("b/intro.md", noteText("Intro B", "", "B\n"));
    vault.write("a/x.md", noteText("X", "", "See [[Intro]] and [[intro]] and [[Intro page]]\n"));
    vault.write("c/y.md", noteText("Y", "", "See [[intro]]\n"));
    VaultIndex index = VaultIndex::build(vault.root(), twoThreads());
    const NoteId x = idOf(index, "a/x.md");
    const NoteId b = idOf(index, "b/intro.md");
    const auto targets = [&](NoteId note) {
        std::vector<NoteId> found;
        for (const NoteLink& link : index.links(note))
            found.push_back(link.resolution.status == LinkStatus::Resolved ? link.resolution.note : 9999);
        return found;
    };
    EXPECT_EQ(targets(x), (std::vector<NoteId>{b, b, 9999}));

    vault.write("a/intro.md", noteText("Intro A", "", "A\n"));
    const NoteId a = index.update("a/intro.md").note.value_or(9999);
    EXPECT_EQ(targets(x), (std::vector<NoteId>{a, a, 9999}));
    EXPECT_EQ(targets(idOf(index, "c/y.md")), (std::vector<NoteId>{a}));  // a/ before b/

    vault.write("a/intro_page.md", noteText("Intro page", "", "P\n"));
    const NoteId page = index.update("a/intro_page.md").note.value_or(9999);
    EXPECT_EQ(targets(x), (std::vector<NoteId>{a, a, page})) << "found by its slug";

    fs::remove(vault.root() / "a" / "intro.md");
    EXPECT_EQ(index.update("a/intro.md").outcome, UpdateOutcome::Removed);
    EXPECT_EQ(targets(x), (std::vector<NoteId>{b, b, page}));
    EXPECT_EQ(targets(idOf(index, "c/y.md")), (std::vector<NoteId>{b}));
}

TEST(VaultUpdates, FilesThatAreNotNotesOfTheVaultAreIgnored)
{
    TempVault vault;
    vault.write("a/note.md", noteText("Note", "", "Text " + cite("00:01") + "\n"));
    VaultIndex index = VaultIndex::build(vault.root(), twoThreads());
    fs::create_directories(vault.outside());
    std::ofstream(vault.outside() / "x.md") << "# x\n";
    EXPECT_EQ(index.update(vault.outside() / "x.md").outcome, UpdateOutcome::Ignored);
    EXPECT_EQ(index.update("../outside/x.md").outcome, UpdateOutcome::Ignored);
    vault.write("a/picture.png", "png");
    EXPECT_EQ(index.update("a/picture.png").outcome, UpdateOutcome::Ignored);
    vault.write(".obsidian/workspace.md", "# hidden");
    EXPECT_EQ(index.update(".obsidian/workspace.md").outcome, UpdateOutcome::Ignored);
    EXPECT_EQ(index.noteCount(), 1u);
}

TEST(VaultUpdates, ANoteThatBecomesBinaryIsRemovedWithADiagnostic)
{
    TempVault vault;
    vault.write("a/note.md", noteText("Note", "", "Text " + cite("00:01") + "\n"));
    VaultIndex index = VaultIndex::build(vault.root(), twoThreads());
    vault.write("a/note.md", std::string("bin\0ary", 7));
    const IndexUpdate update = index.update("a/note.md");
    EXPECT_EQ(update.outcome, UpdateOutcome::Removed);
    ASSERT_TRUE(update.problem);
    EXPECT_EQ(update.problem->path, "a/note.md");
    EXPECT_NE(problemFor(index.skippedFiles(), "a/note.md"), nullptr);
    EXPECT_EQ(index.noteCount(), 0u);
}

// ---- progress and cancellation ---------------------------------------------------------------

std::string sampleNote()
{
    std::ifstream in(SCHOLIA_SAMPLE_NOTE, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

TEST(VaultProgress, ACancelledBuildStopsAtOnce)
{
    TempVault vault;
    vault.write("a.md", noteText("A", "", "Text\n"));
    IndexProgress progress;
    progress.cancelRequested = true;
    const VaultIndex index = VaultIndex::build(vault.root(), twoThreads(), &progress);
    EXPECT_TRUE(index.cancelled());
    EXPECT_EQ(index.noteCount(), 0u);
}

TEST(VaultProgress, CancellingInTheBackgroundStopsEarly)
{
    const std::string sample = sampleNote();
    ASSERT_FALSE(sample.empty());
    TempVault vault;
    constexpr std::size_t kNotes = 1500;
    for (std::size_t i = 0; i < kNotes; ++i)
        vault.write("ch" + std::to_string(i % 10) + "/note" + std::to_string(i) + ".md", sample);

    VaultIndexOptions options;
    options.threads = 1;
    std::atomic<bool> notified{false};
    VaultIndexBuild build(vault.root(), options, [&] { notified = true; });
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(60);
    while (build.progress().filesIndexed.load() < 20 && !build.finished()
           && std::chrono::steady_clock::now() < deadline)
        std::this_thread::sleep_for(std::chrono::milliseconds(1));
    build.cancel();
    const VaultIndex index = build.take();

    EXPECT_TRUE(build.finished());
    EXPECT_TRUE(notified.load());
    EXPECT_TRUE(index.cancelled());
    EXPECT_EQ(build.progress().filesFound.load(), kNotes);
    EXPECT_GE(index.noteCount(), 20u);
    EXPECT_LT(index.noteCount(), kNotes);
    EXPECT_EQ(index.noteCount(), build.progress().filesIndexed.load());
}

TEST(VaultProgress, ABackgroundBuildHandsOverTheWholeIndex)
{
    TempVault vault;
    for (int i = 0; i < 30; ++i)
        vault.write("f" + std::to_string(i % 3) + "/n" + std::to_string(i) + ".md",
                    noteText("N", "", "Text " + cite("00:01") + "\n"));
    VaultIndexBuild build(vault.root());
    const VaultIndex index = build.take();
    EXPECT_TRUE(build.finished());
    EXPECT_FALSE(index.cancelled());
    EXPECT_EQ(index.noteCount(), 30u);
    EXPECT_EQ(build.progress().filesIndexed.load(), 30u);
    EXPECT_EQ(build.take().noteCount(), 0u) << "handed over once";
}

// ---- checks ----------------------------------------------------------------------------------

TEST(VaultChecks, CountsEveryRuleAndListsWhatIsWrong)
{
    TempVault vault;
    vault.write("a/topic_one.md", noteText("Topic one", "", "T " + cite("00:01") + "\n"));
    vault.write("a/intro.md", noteText("Intro", "", "I " + cite("00:01") + "\n"));
    vault.write("b/intro.md", noteText("Intro", "", "No citations here\n"));
    vault.write("b/links.md", noteText("Links", "",
                                       "[[topic_one]] [[TOPIC_ONE]] [[Topic one]] [[Topic One]] "
                                       "[[gone]] [[../x]] [[intro]] "
                                           + cite("00:01") + "\n"));
    vault.write("b/broken.md", std::string("\0\0", 2));
    const VaultIndex index = VaultIndex::build(vault.root(), twoThreads());
    const VaultCheck check = index.check();

    EXPECT_EQ(check.notes, 4u);
    EXPECT_EQ(check.citations, 3u);
    EXPECT_EQ(check.links, 7u);
    EXPECT_EQ(check.resolvedExact, 2u);  // topic_one, intro (b/intro.md beside it)
    EXPECT_EQ(check.resolvedCaseInsensitive, 1u);
    EXPECT_EQ(check.resolvedSlug, 2u);
    EXPECT_EQ(check.missing, 1u);
    EXPECT_EQ(check.refused, 1u);
    EXPECT_EQ(check.resolvedAmongSeveral, 1u);
    ASSERT_EQ(check.unresolvedLinks.size(), 2u);
    EXPECT_EQ(check.unresolvedLinks[0].target, "gone");
    EXPECT_EQ(check.unresolvedLinks[1].target, "../x");
    ASSERT_EQ(check.sharedFileNames.size(), 1u);
    EXPECT_EQ(check.notesWithoutCitations, (std::vector<NoteId>{idOf(index, "b/intro.md")}));
    ASSERT_EQ(check.skippedFiles.size(), 1u);
    EXPECT_EQ(check.skippedFiles[0].path, "b/broken.md");
    EXPECT_EQ(index.links(idOf(index, "b/links.md")).at(6).resolution.note, idOf(index, "b/intro.md"));
}

}  // namespace
}  // namespace scholia
