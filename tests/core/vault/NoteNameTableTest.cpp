#include "vault/NoteNameTable.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

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
    for (const char* target :
         {"../../etc/passwd", "/etc/passwd", "etc/passwd", "..\\passwd", "..", "", "  ", "C:\\passwd"})
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

TEST(NoteNameTable, AddingAndRemovingResolvesAsATableBuiltAfresh)
{
    // Renames back and forth, names shared by folders, notes gone for good: enough changes that
    // the table starts afresh more than once on the way.
    NoteNameTable table;
    std::vector<std::string> paths;
    const auto set = [&](std::uint32_t note, std::string path) {
        if (note >= paths.size())
            paths.resize(note + 1);
        paths[note] = path;
        if (path.empty())
            table.remove(note);
        else
            table.add(note, std::move(path));
    };
    for (std::uint32_t round = 0; round < 40; ++round) {
        for (std::uint32_t note = 0; note < 30; ++note) {
            const std::uint32_t name = (note / 3 * 7 + round * 13) % 400;  // three notes a name
            if ((note + round) % 11 == 0)
                set(note, "");
            else
                set(note, "f" + std::to_string(note % 4) + "/" + (note % 3 == 0 && name % 2 == 0 ? "Name_" : "name_")
                              + std::to_string(name) + ".md");
        }
        const NoteNameTable fresh(paths);
        for (std::uint32_t name = 0; name < 400; ++name)
            for (const std::string& target :
                 {"name_" + std::to_string(name), "NAME_" + std::to_string(name), "Name " + std::to_string(name)})
                for (const char* from : {"f0/x.md", "f3/x.md", "x.md"})
                    ASSERT_EQ(table.resolve(target, from), fresh.resolve(target, from)) << round << " " << target;
        ASSERT_EQ(table.namesInSeveralFolders(), fresh.namesInSeveralFolders()) << round;
    }
}

TEST(NoteNameTable, RenamingOverAndOverKeepsTheTableSmall)
{
    NoteNameTable table({"a/kept.md"});
    const std::size_t before = table.memoryBytes();
    for (int rename = 0; rename < 100000; ++rename)
        table.add(1, "b/name_" + std::to_string(rename) + ".md");
    EXPECT_LT(table.memoryBytes(), before + 16 * 1024);
    EXPECT_EQ(table.resolve("name_99999", "a/x.md"), resolved(1, LinkRule::Exact));
    EXPECT_EQ(table.resolve("name_99998", "a/x.md").status, LinkStatus::Missing);
    EXPECT_EQ(table.resolve("kept", "a/x.md"), resolved(0, LinkRule::Exact));
}

TEST(NoteNameTable, ManyNamesAddedOneByOne)
{
    NoteNameTable table;
    for (std::uint32_t note = 0; note < 5000; ++note)
        table.add(note, "c" + std::to_string(note % 10) + "/note_" + std::to_string(note) + ".md");
    for (std::uint32_t note = 0; note < 5000; ++note) {
        ASSERT_EQ(table.resolve("note_" + std::to_string(note), "c0/x.md"), resolved(note, LinkRule::Exact));
        ASSERT_EQ(table.resolve("Note " + std::to_string(note), "c0/x.md"), resolved(note, LinkRule::Slug));
    }
    EXPECT_EQ(table.resolve("note_5000", "c0/x.md").status, LinkStatus::Missing);
    EXPECT_GT(table.memoryBytes(), 5000u * 2 * sizeof(std::uint32_t));
}

}  // namespace
}  // namespace scholia
