#include "vault/Snippet.h"

#include <gtest/gtest.h>

namespace scholia {
namespace {

std::string highlighted(const Snippet& snippet, std::size_t i)
{
    const auto [begin, end] = snippet.highlights.at(i);
    return snippet.text.substr(begin, end - begin);
}

TEST(SearchSnippet, ShortTextWhole)
{
    const Snippet s = searchSnippet("Cyber attacks on Albania.", parseSearchQuery("albania "));
    EXPECT_EQ(s.text, "Cyber attacks on Albania.");
    ASSERT_EQ(s.highlights.size(), 1u);
    EXPECT_EQ(highlighted(s, 0), "Albania");
}

TEST(SearchSnippet, LongTextCutAroundTheFirstMatchAtWordBoundaries)
{
    std::string text;
    for (int i = 0; i < 40; ++i)
        text += "filler" + std::to_string(i) + " ";
    text += "the Homeland Justice group ";
    for (int i = 0; i < 40; ++i)
        text += "tail" + std::to_string(i) + " ";
    const Snippet s = searchSnippet(text, parseSearchQuery("homel"), 80);
    EXPECT_TRUE(s.text.starts_with("\u2026")) << s.text;
    EXPECT_TRUE(s.text.ends_with("\u2026")) << s.text;
    EXPECT_LE(s.text.size(), 80u + 2 * 3);
    ASSERT_EQ(s.highlights.size(), 1u);
    EXPECT_EQ(highlighted(s, 0), "Homeland");
    // Whole words only: after the ellipsis comes the start of a word.
    EXPECT_EQ(s.text.substr(3, 6), "filler");
}

TEST(SearchSnippet, NeverCutsInsideAUtf8Character)
{
    // No spaces to cut at: the cuts fall inside runs of two-byte characters.
    std::string text;
    for (int i = 0; i < 100; ++i)
        text += "é";
    text += ",target,";
    for (int i = 0; i < 100; ++i)
        text += "ü";
    const Snippet s = searchSnippet(text, parseSearchQuery("target "), 41);
    for (std::size_t i = 0; i + 1 < s.text.size(); ++i) {
        const auto lead = static_cast<unsigned char>(s.text[i]);
        if (lead == 0xC3) {
            EXPECT_EQ(static_cast<unsigned char>(s.text[i + 1]) & 0xC0, 0x80);
        }
    }
    EXPECT_EQ(static_cast<unsigned char>(s.text[3]), 0xC3) << "starts on a lead byte after the ellipsis";
    EXPECT_EQ(static_cast<unsigned char>(s.text[s.text.size() - 4]) & 0xC0, 0x80) << "ends on a whole character";
    EXPECT_EQ(highlighted(s, 0), "target");
}

TEST(SentenceSnippet, TheSentenceHoldingTheLink)
{
    const std::string claim
        = "Iran attacked in July. This led to diplomatic relations being severed. Sanctions followed.";
    const Snippet s = sentenceSnippet(claim, "diplomatic relations");
    EXPECT_EQ(s.text, "This led to diplomatic relations being severed.");
    EXPECT_EQ(highlighted(s, 0), "diplomatic relations");
}

TEST(SentenceSnippet, WithoutTheNeedleTheBeginning)
{
    const Snippet s = sentenceSnippet("Short claim.", "absent");
    EXPECT_EQ(s.text, "Short claim.");
    EXPECT_TRUE(s.highlights.empty());
}

TEST(PlainTextOfLine, LinksByLabelMarkupDropped)
{
    const std::string source = "---\ntitle: X\n---\n\nFrom: [[jameskerlindsay]] <br/>\n"
                               "*   **Relocation:** to [[possible_unification | Kosovo's ]] side [[b#Part]]\n";
    EXPECT_EQ(plainTextOfLine(source, 5), "From: jameskerlindsay");
    EXPECT_EQ(plainTextOfLine(source, 6), "Relocation: to Kosovo's side b");
    EXPECT_EQ(plainTextOfLine(source, 4), "");
    EXPECT_EQ(plainTextOfLine(source, 99), "");
}

}  // namespace
}  // namespace scholia
