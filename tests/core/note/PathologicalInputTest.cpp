// Pathological notes must finish (cmark's own standard: linear time whatever the input) and
// give the right model. Speed is measured in tests/bench/core/PathologicalBench.cpp against
// a normal note's time per byte; these tests only check that each input completes, whole
// pipeline (parseNote + resolveTimestamps + renderHtml), with the expected result.

#include "note/NoteParser.h"
#include "note/NoteResolver.h"
#include "render/HtmlRenderer.h"

#include <gtest/gtest.h>

#include <fstream>
#include <iterator>
#include <string>

namespace scholia {
namespace {

const std::string kCitation = "<a class=\"yt-timestamp\" data-t=\"00:01:11\">[00:01:11]</a>";

std::string repeat(const std::string& piece, std::size_t times)
{
    std::string out;
    out.reserve(piece.size() * times);
    for (std::size_t i = 0; i < times; ++i)
        out += piece;
    return out;
}

std::string readSample()
{
    std::ifstream in(SCHOLIA_SAMPLE_NOTE, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

struct Pipeline {
    Note note;
    std::string html;
};

Pipeline runPipeline(const std::string& text)
{
    Note note = resolveTimestamps(parseNote(text, "pathological.md"), 820'000);
    std::string html = renderHtml(note);
    return {std::move(note), std::move(html)};
}

TEST(PathologicalInput, HundredThousandOpenWikiLinkBrackets)
{
    const Pipeline result = runPipeline(repeat("[[", 100'000) + "last]] after");
    ASSERT_EQ(result.note.wikilinks.size(), 1u);
    EXPECT_EQ(result.note.wikilinks[0].target, "last");
    EXPECT_NE(result.html.find("after"), std::string::npos);
}

TEST(PathologicalInput, HundredThousandUnclosedCitationAnchors)
{
    const Pipeline result
        = runPipeline(repeat("<a class=\"yt-timestamp\" data-t=\"00:00:01\">", 100'000) + "\n\nend\n");
    EXPECT_EQ(result.note.citations.size(), 100'000u);
    EXPECT_NE(result.html.find("end"), std::string::npos);
}

TEST(PathologicalInput, FiftyThousandNestedListItems)
{
    // "- - - - ... x": each marker opens a list inside the previous item, on one line.
    const Pipeline result = runPipeline(repeat("- ", 50'000) + "deep " + kCitation + "\n");
    ASSERT_EQ(result.note.citations.size(), 1u);
    EXPECT_EQ(result.note.citations[0].resolution.ms, 71'000);
    EXPECT_NE(result.html.find("deep"), std::string::npos);
}

TEST(PathologicalInput, FiftyThousandListItemsOneLinePerItem)
{
    // One item per line, 50 levels deep (each indented under the previous one's content),
    // then the rest at the deepest level: 50,000 items in all.
    std::string text;
    for (int level = 0; level < 50; ++level)
        text += std::string(static_cast<std::size_t>(level) * 2, ' ') + "- item\n";
    const std::string deepest(49 * 2, ' ');
    for (int i = 50; i < 50'000; ++i)
        text += deepest + "- leaf [[link]]\n";
    const Pipeline result = runPipeline(text);
    EXPECT_EQ(result.note.wikilinks.size(), 49'950u);
    EXPECT_NE(result.html.find("leaf"), std::string::npos);
}

TEST(PathologicalInput, FiftyThousandNestedQuotes)
{
    const Pipeline result = runPipeline(repeat(">", 50'000) + " quoted " + kCitation + " [[x]]\n");
    ASSERT_EQ(result.note.citations.size(), 1u);
    ASSERT_EQ(result.note.wikilinks.size(), 1u);
    EXPECT_NE(result.html.find("quoted"), std::string::npos);

    const Pipeline spaced = runPipeline(repeat("> ", 50'000) + "spaced\n");
    EXPECT_NE(spaced.html.find("spaced"), std::string::npos);
}

TEST(PathologicalInput, FiftyThousandNestedEmphasisAndLinks)
{
    const Pipeline emphasis = runPipeline(repeat("*", 50'000) + "x" + repeat("*", 50'000));
    EXPECT_NE(emphasis.html.find('x'), std::string::npos);
    const Pipeline links = runPipeline(repeat("[", 50'000) + "x" + repeat("](y)", 50'000));
    EXPECT_NE(links.html.find('x'), std::string::npos);
}

TEST(PathologicalInput, TwentyThousandHeadingsWithTheSameText)
{
    // Each needs a unique anchor: "claims", "claims-1", ... (found in linear time since a fix:
    // the search for a free suffix used to start at 1 every time, O(N^2) on a 50 MB note).
    const Pipeline result = runPipeline(repeat("## Claims\n\ntext\n\n", 20'000));
    ASSERT_EQ(result.note.outline.size(), 20'000u);
    EXPECT_EQ(result.note.outline[0].anchor, "claims");
    EXPECT_EQ(result.note.outline[1].anchor, "claims-1");
    EXPECT_EQ(result.note.outline[19'999].anchor, "claims-19999");
    EXPECT_NE(result.html.find("\"claims-19999\""), std::string::npos);
}

TEST(PathologicalInput, FiftyMegabyteNote)
{
    const std::string sample = readSample();
    ASSERT_FALSE(sample.empty());
    const Note one = parseNote(sample);
    // The front matter once, then the body again and again.
    const std::size_t bodyStart = sample.find("\n---\n", 4) + 5;
    std::string text = sample;
    const std::string body = sample.substr(bodyStart);
    const std::size_t copies = 50u * 1024 * 1024 / body.size() + 1;
    text.reserve(sample.size() + body.size() * copies);
    for (std::size_t i = 1; i < copies; ++i)
        text += body;
    ASSERT_GE(text.size(), 50u * 1024 * 1024);

    const Pipeline result = runPipeline(text);
    EXPECT_EQ(result.note.citations.size(), one.citations.size() * copies);
    EXPECT_EQ(result.note.wikilinks.size(), one.wikilinks.size() * copies);
    EXPECT_GT(result.html.size(), text.size() / 2);
}

TEST(PathologicalInput, TenMegabyteSingleLine)
{
    const std::string piece = "word " + kCitation + " [[link]] *em* ";
    const std::size_t copies = 10u * 1024 * 1024 / piece.size() + 1;
    const Pipeline result = runPipeline(repeat(piece, copies));
    EXPECT_EQ(result.note.citations.size(), copies);
    EXPECT_EQ(result.note.wikilinks.size(), copies);
    EXPECT_EQ(result.note.citations.back().line, 1);

    // And a line of one character, 10 MB long, with no structure at all.
    const Pipeline flat = runPipeline(std::string(10u * 1024 * 1024, 'a'));
    EXPECT_GE(flat.html.size(), 10u * 1024 * 1024);
}

}  // namespace
}  // namespace scholia
