#include "vault/NoteNameTable.h"

#include <gtest/gtest.h>

namespace scholia {
namespace {

LinkResolution resolved(std::uint32_t note, LinkRule rule, std::uint32_t candidates = 1)
{
    return LinkResolution{LinkStatus::Resolved, note, rule, candidates};
}

TEST(NoteNameTable, RulesInOrderExactThenCaseThenSlug)
{
    const NoteNameTable table({"a/cyber_warfare.md", "a/Mixed_Case.md", "b/historical_context_of_irans_relations.md"});
    EXPECT_EQ(table.resolve("cyber_warfare", "a/x.md"), resolved(0, LinkRule::Exact));
    EXPECT_EQ(table.resolve(" cyber_warfare.md ", "a/x.md"), resolved(0, LinkRule::Exact));
    EXPECT_EQ(table.resolve("CYBER_Warfare", "a/x.md"), resolved(0, LinkRule::CaseInsensitive));
    EXPECT_EQ(table.resolve("mixed_case", "a/x.md"), resolved(1, LinkRule::CaseInsensitive));
    EXPECT_EQ(table.resolve("Historical context of Iran's relations", "a/x.md"), resolved(2, LinkRule::Slug));
    EXPECT_EQ(table.resolve("Mixed Case", "a/x.md"), resolved(1, LinkRule::Slug));
    EXPECT_EQ(table.resolve("no such note", "a/x.md").status, LinkStatus::Missing);
}

TEST(NoteNameTable, ResolvingWithKeysGivesTheSameAndTheTargetsKeys)
{
    const NoteNameTable table({"a/cyber_warfare.md", "a/Mixed_Case.md", "b/historical_context_of_irans_relations.md"});
    for (const char* target : {"cyber_warfare", "CYBER_Warfare", "mixed_case", "Historical context of Iran's relations",
                               "Mixed Case", "no such note", "../etc/passwd", ""}) {
        NameKeys keys{"stale", "stale"};
        EXPECT_EQ(table.resolve(target, "a/x.md", keys), table.resolve(target, "a/x.md")) << target;
        const NameKeys expected = nameKeysOfTarget(target);
        EXPECT_EQ(keys.folded, expected.folded) << target;
        EXPECT_EQ(keys.slug, expected.slug) << target;
    }
}

TEST(NoteNameTable, AnExactMatchElsewhereBeatsACaseMatchHere)
{
    const NoteNameTable table({"here/foo.md", "there/Foo.md"});
    EXPECT_EQ(table.resolve("Foo", "here/x.md"), resolved(1, LinkRule::Exact));
}

TEST(NoteNameTable, SameFolderThenFewestFoldersThenFewestBytesThenByteOrder)
{
    const NoteNameTable table({"a/intro.md", "b/intro.md", "bb/intro.md", "x/y/intro.md", "long_folder/intro.md"});
    EXPECT_EQ(table.resolve("intro", "b/note.md"), resolved(1, LinkRule::Exact, 5));
    EXPECT_EQ(table.resolve("intro", "x/y/note.md"), resolved(3, LinkRule::Exact, 5));
    EXPECT_EQ(table.resolve("intro", "elsewhere/note.md"), resolved(0, LinkRule::Exact, 5));  // a/ before b/
    const NoteNameTable deep({"x/y/intro.md", "long_folder/intro.md", "bb/intro.md"});
    EXPECT_EQ(deep.resolve("intro", "z/note.md"), resolved(2, LinkRule::Exact, 3));
    const NoteNameTable rootFirst({"a/intro.md", "intro.md"});
    EXPECT_EQ(rootFirst.resolve("intro", "z/note.md"), resolved(1, LinkRule::Exact, 2));
}

TEST(NoteNameTable, PathsAreRefusedNotLookedUp)
{
    const NoteNameTable table({"a/passwd.md", "etc/passwd.md"});
    for (const char* target : {"../../etc/passwd", "/etc/passwd", "etc/passwd", "..\\passwd", "..", "", "  ",
                               "C:\\passwd"})
        EXPECT_EQ(table.resolve(target, "a/x.md").status, LinkStatus::Refused) << target;
}

TEST(NoteNameTable, RemovedIndicesAreNeverCandidates)
{
    const NoteNameTable table({"a/gone.md", "", "b/kept.md"});
    EXPECT_EQ(table.resolve("kept", "a/x.md"), resolved(2, LinkRule::Exact));
    const NoteNameTable without({"", "b/kept.md"});
    EXPECT_EQ(without.resolve("gone", "a/x.md").status, LinkStatus::Missing);
}

TEST(NoteNameTable, NamesInSeveralFolders)
{
    const NoteNameTable table({"b/intro.md", "a/intro.md", "a/other.md", "c/Intro.md"});
    const auto shared = table.namesInSeveralFolders();
    ASSERT_EQ(shared.size(), 1u);
    EXPECT_EQ(shared[0].first, "intro.md");
    EXPECT_EQ(shared[0].second, (std::vector<std::uint32_t>{1, 0}));  // by path
}

}  // namespace
}  // namespace scholia
