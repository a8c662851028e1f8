#include "vault/NoteLinkResolver.h"

#include "support/TempFolder.h"

#include <gtest/gtest.h>

#include <atomic>
#include <fstream>
#include <random>
#include <string>
#include <system_error>
#include <vector>

namespace scholia {
namespace {
namespace fs = std::filesystem;

struct TempFolder : test::TempFolder {
    TempFolder() : test::TempFolder("notelinks", "# note\n") { }
};

// ---- slugifyNoteName ----------------------------------------------------------------------------

struct SlugCase {
    std::string target;
    std::string slug;
};

TEST(SlugifyNoteName, MatchesHowTheVaultNamesItsFiles)
{
    const std::vector<SlugCase> cases = {
        // Real vault titles and the file names they were saved under.
        {"Historical context of Irans international relations", "historical_context_of_irans_international_relations"},
        {"ChinaTaiwan relations and global economic implications",
         "chinataiwan_relations_and_global_economic_implications"},
        {"China-Taiwan relations and global economic implications",
         "chinataiwan_relations_and_global_economic_implications"},
        {"Role of self-education and experiential learning", "role_of_selfeducation_and_experiential_learning"},
        {"Long-term vision and entrepreneurship", "longterm_vision_and_entrepreneurship"},
        {"Navigating Career Transitions and Self-Confidence", "navigating_career_transitions_and_selfconfidence"},
        {"US  China relations and business impact", "us_china_relations_and_business_impact"},
        {"US - China relations", "us_china_relations"},
        {"hash_functions_and_SHA256", "hash_functions_and_sha256"},
        {"techniques_for better_storytelling", "techniques_for_better_storytelling"},
        {"@mrbeast", "mrbeast"},
        // Apostrophes, straight and curly.
        {"Peter Thiel's views on risk", "peter_thiels_views_on_risk"},
        {"Iran\u2019s cyber attacks on Albania", "irans_cyber_attacks_on_albania"},
        // Punctuation and symbols.
        {"Q&A: what's next?", "qa_whats_next"},
        {"C++ (and C#) basics!", "c_and_c_basics"},
        {"Version 2.0, \"final\"", "version_20_final"},
        {"Cost \u2014 and benefit \u2026 \u00abquoted\u00bb", "cost_and_benefit_quoted"},
        {"Fire \U0001F525 safety", "fire_safety"},
        // Spacing and case.
        {"   Leading and trailing   ", "leading_and_trailing"},
        {"Tabs\tand\nnewlines", "tabs_and_newlines"},
        {"non\u00a0breaking\u3000spaces", "non_breaking_spaces"},
        {"__already__slugged__", "already_slugged"},
        {"SHOUTING Title", "shouting_title"},
        // Other scripts are kept; only ASCII is lowercased.
        {"Caf\u00e9 culture", "caf\u00e9_culture"},
        {"Ni\u015fanyan's etymology", "ni\u015fanyans_etymology"},
        {"\u65e5\u672c\u8a9e\u306e\u30ce\u30fc\u30c8", "\u65e5\u672c\u8a9e\u306e\u30ce\u30fc\u30c8"},
        {"\u00c7a va", "\u00c7a_va"},
        // Nothing left.
        {"", ""},
        {"?!-'", ""},
        {std::string("bad\xff\xfe bytes\xc3"), "bad_bytes"},
    };
    for (const SlugCase& c : cases) {
        SCOPED_TRACE(c.target);
        EXPECT_EQ(slugifyNoteName(c.target), c.slug);
    }
}

TEST(SlugifyNoteName, NamesThatAreSlugsAlreadyTakeAShortcutToTheSameSlug)
{
    // A trailing space makes any name take the general path, and never shows in a slug.
    std::vector<std::string> targets{"a_b", "a__b", "_a", "a_", "_", "__", "a", "z9_0y", "a b", "A_b", "a-b"};
    targets.insert(targets.end(), {"caf\xC3\xA9_x", "\xC3\xA9", "a\tb"});
    for (int byte = 1; byte < 0x80; ++byte) {
        const std::string c(1, static_cast<char>(byte));
        for (const std::string& target : {c, c + "a_b", "a_b" + c, "a" + c + "b", "a_" + c + "_b"})
            targets.push_back(target);
    }
    for (const std::string& target : targets)
        EXPECT_EQ(slugifyNoteName(target), slugifyNoteName(target + " ")) << target;
    EXPECT_EQ(slugifyNoteName("already_a_slug_2"), "already_a_slug_2");
}

TEST(SlugifyNoteName, IsIdempotent)
{
    for (const std::string target : {"Long-term vision", "Iran\u2019s  cyber attacks", "Caf\u00e9 culture"}) {
        const std::string once = slugifyNoteName(target);
        EXPECT_EQ(slugifyNoteName(once), once) << target;
    }
}

// ---- findNoteInFolder ---------------------------------------------------------------------------

class FindNoteInFolderTest : public ::testing::Test {
protected:
    TempFolder temp;
    fs::path folder() const { return temp.root() / "channel"; }
};

TEST_F(FindNoteInFolderTest, ExactThenCaseInsensitiveThenSlug)
{
    const fs::path exact = temp.write("channel/Role of AI.md");
    const fs::path slug = temp.write("channel/role_of_ai.md");

    const auto byExact = findNoteInFolder(folder(), "Role of AI");
    ASSERT_TRUE(byExact);
    EXPECT_EQ(byExact->path, exact);
    EXPECT_EQ(byExact->rule, LinkRule::Exact);

    const auto byCase = findNoteInFolder(folder(), "ROLE OF ai");
    ASSERT_TRUE(byCase);
    EXPECT_EQ(byCase->path, exact);
    EXPECT_EQ(byCase->rule, LinkRule::CaseInsensitive);

    const auto bySlug = findNoteInFolder(folder(), "Role-of AI");  // slug "roleof_ai": no file
    EXPECT_FALSE(bySlug);

    const auto bySlugSpaces = findNoteInFolder(folder(), "Role  of AI!");
    ASSERT_TRUE(bySlugSpaces);
    EXPECT_EQ(bySlugSpaces->path, slug);
    EXPECT_EQ(bySlugSpaces->rule, LinkRule::Slug);
}

TEST_F(FindNoteInFolderTest, ExactWinsOverACaseVariant)
{
    temp.write("channel/Strategy.md");
    const fs::path lower = temp.write("channel/strategy.md");
    const auto found = findNoteInFolder(folder(), "strategy");
    ASSERT_TRUE(found);
    EXPECT_EQ(found->path, lower);
    EXPECT_EQ(found->rule, LinkRule::Exact);
}

TEST_F(FindNoteInFolderTest, ResolvesTheVaultsOwnLinkStyles)
{
    const fs::path irans = temp.write("channel/historical_context_of_irans_international_relations.md");
    const fs::path sha = temp.write("channel/hash_functions_and_sha256.md");
    struct Case {
        std::string target;
        fs::path expected;
        LinkRule rule;
    };
    const std::vector<Case> cases = {
        {"historical_context_of_irans_international_relations", irans, LinkRule::Exact},
        {"historical_context_of_irans_international_relations.md", irans, LinkRule::Exact},
        {"  historical_context_of_irans_international_relations  ", irans, LinkRule::Exact},
        {"Historical context of Irans international relations", irans, LinkRule::Slug},
        {"Historical context of Iran's international relations", irans, LinkRule::Slug},
        {"hash_functions_and_SHA256", sha, LinkRule::CaseInsensitive},
        {"Hash functions and SHA-256", sha, LinkRule::Slug},
    };
    for (const Case& c : cases) {
        SCOPED_TRACE(c.target);
        const auto found = findNoteInFolder(folder(), c.target);
        ASSERT_TRUE(found);
        EXPECT_EQ(found->path, c.expected);
        EXPECT_EQ(found->rule, c.rule);
    }
}

TEST_F(FindNoteInFolderTest, RefusesTargetsThatCouldLeaveTheFolder)
{
    temp.write("secret.md");
    temp.write("channel/inner/deep.md");
    temp.write("channel/note.md");
    const fs::path absolute = temp.root() / "secret";
    const std::vector<std::string> targets = {
        "../secret",
        "..",
        "../secret.md",
        "inner/deep",
        "inner\\deep",
        "..\\secret",
        "./note",
        absolute.string(),
        "/etc/passwd",
        std::string("note\0x", 6),
        "note/..",
        "a..b",
        "",
        "   ",
        ".md",
    };
    for (const std::string& target : targets) {
        SCOPED_TRACE(target);
        EXPECT_FALSE(findNoteInFolder(folder(), target));
    }
    EXPECT_TRUE(findNoteInFolder(folder(), "note"));  // the folder itself is fine
}

TEST_F(FindNoteInFolderTest, RefusesSymlinksPointingOutside)
{
    const fs::path outside = temp.write("elsewhere/secret.md");
    const fs::path inside = temp.write("channel/real.md");
    fs::create_directories(folder());
    fs::create_symlink(outside, folder() / "secret.md");
    fs::create_symlink("../elsewhere/secret.md", folder() / "relative_secret.md");
    fs::create_symlink(inside, folder() / "alias.md");
    fs::create_symlink(folder() / "missing.md", folder() / "dangling.md");
    fs::create_directory_symlink(temp.root() / "elsewhere", folder() / "elsewhere");

    EXPECT_FALSE(findNoteInFolder(folder(), "secret"));
    EXPECT_FALSE(findNoteInFolder(folder(), "Secret"));
    EXPECT_FALSE(findNoteInFolder(folder(), "relative secret"));
    EXPECT_FALSE(findNoteInFolder(folder(), "dangling"));
    const auto alias = findNoteInFolder(folder(), "alias");
    ASSERT_TRUE(alias);  // a symlink that stays inside the folder is an ordinary note
    EXPECT_EQ(alias->path, folder() / "alias.md");
}

TEST_F(FindNoteInFolderTest, FallsThroughAnOutsideSymlinkToASafeRule)
{
    const fs::path outside = temp.write("elsewhere/x.md");
    fs::create_directories(folder());
    fs::create_symlink(outside, folder() / "Growth Loops.md");
    const fs::path slug = temp.write("channel/growth_loops.md");
    const auto found = findNoteInFolder(folder(), "Growth Loops");
    ASSERT_TRUE(found);
    EXPECT_EQ(found->path, slug);
    EXPECT_EQ(found->rule, LinkRule::Slug);
}

TEST_F(FindNoteInFolderTest, OnlyMarkdownFilesInTheFolderItself)
{
    temp.write("channel/notes.txt");
    temp.write("channel/sub/nested.md");
    fs::create_directories(folder() / "dir.md");
    EXPECT_FALSE(findNoteInFolder(folder(), "notes"));
    EXPECT_FALSE(findNoteInFolder(folder(), "nested"));
    EXPECT_FALSE(findNoteInFolder(folder(), "dir"));
    EXPECT_FALSE(findNoteInFolder(temp.root() / "missing", "note"));
}

}  // namespace
}  // namespace scholia
