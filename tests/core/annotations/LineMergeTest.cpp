// The three-way merge for a file changed on disk and in Scholia at the same time.
#include "annotations/LineMerge.h"
#include "annotations/AnnotationFile.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace scholia {
namespace {

TEST(LineMergeTest, BothAppendsAreKept)
{
    const std::string base = "head\n- a\n";
    const MergeResult merged = mergeLines(base, base + "- mine\n", base + "- theirs\n");
    EXPECT_EQ(merged.text, "head\n- a\n- theirs\n- mine\n");
    EXPECT_EQ(merged.conflicts, 0);
}

TEST(LineMergeTest, ChangesToDifferentLinesAreBothApplied)
{
    const std::string base = "1\n2\n3\n4\n5\n";
    const MergeResult merged = mergeLines(base, "1\n2 mine\n3\n4\n5\n", "1\n2\n3\n5\n6\n");
    EXPECT_EQ(merged.text, "1\n2 mine\n3\n5\n6\n");
    EXPECT_EQ(merged.conflicts, 0);
}

TEST(LineMergeTest, OneSideOnlyIsThatSide)
{
    EXPECT_EQ(mergeLines("a\n", "a\n", "b\n").text, "b\n");
    EXPECT_EQ(mergeLines("a\n", "b\n", "a\n").text, "b\n");
    EXPECT_EQ(mergeLines("a\n", "b\n", "b\n").text, "b\n");
}

TEST(LineMergeTest, TheSameLineEditedBothWaysIsAConflictThatKeepsBoth)
{
    const std::string base = "x\nline\ny\n";
    const MergeResult merged = mergeLines(base, "x\nline (mine)\ny\n", "x\nline (theirs)\ny\n");
    EXPECT_EQ(merged.conflicts, 1);
    EXPECT_EQ(merged.text, "x\nline (theirs)\nline (mine)\ny\n");
}

TEST(LineMergeTest, EditedHereDeletedThereKeepsTheEdit)
{
    const MergeResult merged = mergeLines("a\nb\nc\n", "a\nb2\nc\n", "a\nc\n");
    EXPECT_EQ(merged.conflicts, 1);
    EXPECT_EQ(merged.text, "a\nb2\nc\n");
}

TEST(LineMergeTest, MissingFinalNewlineDoesNotGlueLines)
{
    const MergeResult merged = mergeLines("a", "a\n- mine\n", "a\nb");
    EXPECT_EQ(merged.conflicts, 0);
    EXPECT_NE(merged.text.find("- mine\n"), std::string::npos);
    EXPECT_NE(merged.text.find("b"), std::string::npos);
    EXPECT_EQ(merged.text.find("b- mine"), std::string::npos);
}

TEST(LineMergeTest, ManyScatteredChangesOnBothSides)
{
    std::vector<std::string> lines;
    for (int i = 0; i < 200; ++i)
        lines.push_back("- line " + std::to_string(i) + "\n");
    const auto join = [](const std::vector<std::string>& v) { return joinLines(v); };
    const std::string base = join(lines);

    std::vector<std::string> theirs = lines;
    theirs[10] = "- line 10, theirs\n";
    theirs[50] = "- line 50, theirs\n";
    theirs.erase(theirs.begin() + 100);  // line 100 gone
    theirs.insert(theirs.begin() + 149, "- inserted before line 150\n");

    std::vector<std::string> ours = lines;
    ours[20] = "- line 20, ours\n";
    ours.erase(ours.begin() + 180);  // line 180 gone
    ours.push_back("- appended, ours\n");

    std::vector<std::string> expected = lines;
    expected[10] = "- line 10, theirs\n";
    expected[20] = "- line 20, ours\n";
    expected[50] = "- line 50, theirs\n";
    expected.erase(expected.begin() + 180);
    expected.insert(expected.begin() + 150, "- inserted before line 150\n");
    expected.erase(expected.begin() + 100);
    expected.push_back("- appended, ours\n");

    const MergeResult merged = mergeLines(base, join(ours), join(theirs));
    EXPECT_EQ(merged.conflicts, 0);
    EXPECT_EQ(merged.text, join(expected));
}

TEST(LineMergeTest, UndoAsAMergeKeepsExternalAdditions)
{
    // Undoing our add is merging "before" into the current disk text with "after" as base.
    const std::string before = appendAnnotation("h\n", 1000, "one");
    const std::string after = appendAnnotation(before, 2000, "mine");
    const std::string disk = appendAnnotation(after, 3000, "theirs");
    const MergeResult undone = mergeLines(after, before, disk);
    EXPECT_EQ(undone.conflicts, 0);
    const auto annotations = readAnnotations(undone.text);
    ASSERT_EQ(annotations.size(), 2U);
    EXPECT_EQ(annotations[0].text, "one");
    EXPECT_EQ(annotations[1].text, "theirs");
}

}  // namespace
}  // namespace scholia
