#include "export/StudySheetExport.h"

#include "ExportTestSupport.h"

namespace scholia {
namespace {

using test::cite;
using test::noteFrom;

// Raw HTML needs an unescaped '<'; every '<' the sheet writes must be escaped.
void expectNoRawHtml(const std::string& markdown)
{
    for (std::size_t at = markdown.find('<'); at != std::string::npos; at = markdown.find('<', at + 1))
        EXPECT_TRUE(at > 0 && markdown[at - 1] == '\\') << "unescaped '<' at byte " << at;
}

TEST(StudySheetExportTest, SampleGolden)
{
    const ExportResult result = exportStudySheet(test::sampleNote());
    ASSERT_TRUE(result.ok());
    EXPECT_TRUE(result.diagnostics.empty());
    test::expectGolden(result.text, "sample_study_sheet.md");
    expectNoRawHtml(result.text);
    EXPECT_EQ(result.text.find("yt-timestamp"), std::string::npos);
    EXPECT_EQ(result.text.find("[["), std::string::npos) << "wikilinks are their label text";
    EXPECT_NE(result.text.find("[1:11](https://www.youtube.com/watch?v=i_4Jtcev5VY&t=71s)"), std::string::npos);
}

TEST(StudySheetExportTest, SampleSheetReadsBackAsTheSameOutlineAndClaims)
{
    const Note original = test::sampleNote();
    const Note sheet = noteFrom(exportStudySheet(original).text);
    EXPECT_TRUE(sheet.citations.empty());
    EXPECT_TRUE(sheet.wikilinks.empty());
    ASSERT_EQ(sheet.outline.size(), original.outline.size() + 1);  // + the title
    EXPECT_EQ(sheet.outline[0].text, "Irans cyber attacks on Albania");
    EXPECT_EQ(sheet.outline[0].level, 1);
    for (std::size_t i = 0; i < original.outline.size(); ++i) {
        EXPECT_EQ(sheet.outline[i + 1].text, original.outline[i].text);
        EXPECT_EQ(sheet.outline[i + 1].level, original.outline[i].level);  // "##" stays "##" under "# Title"
    }
    // Every claim's text is in the sheet as a link-free bullet (the links are Markdown links).
    std::size_t links = 0;
    for (const MarkdownLink& link : sheet.links) {
        if (link.url.find("&t=") != std::string::npos)
            ++links;
    }
    EXPECT_EQ(links, original.citations.size());
}

TEST(StudySheetExportTest, WithoutVideoIdTimesArePlainAndAWarningSaysSo)
{
    const ExportResult result
        = exportStudySheet(noteFrom("# Notes\n\nA claim " + cite("01:11") + " and " + cite("01:21") + ".\n"));
    ASSERT_TRUE(result.ok());
    EXPECT_EQ(result.text, "# Notes\n\n- A claim and. (1:11, 1:21)\n");
    EXPECT_TRUE(test::hasMessage(result.diagnostics, Severity::Warning, "no videoId"));
}

TEST(StudySheetExportTest, VideoIdThatIsNotAYouTubeIdIsNotLinked)
{
    const ExportResult result
        = exportStudySheet(noteFrom("---\nvideoId: \"a b&c\"\n---\nClaim " + cite("00:05") + "\n"));
    EXPECT_EQ(result.text.find("youtube.com"), std::string::npos) << result.text;
    EXPECT_TRUE(test::hasMessage(result.diagnostics, Severity::Warning, "is not a YouTube id"));
}

TEST(StudySheetExportTest, TextIsEscapedSoNothingBecomesMarkupOrHtml)
{
    const std::string note = "---\ntitle: Escapes\nvideoId: abcDEF_-123\n---\n## 1. Costs *and* [[Page | labels]]\n"
                             "1984\\. a &lt;b&gt; tag, \\`tick, x_y "
                           + cite("00:05") + "\n";
    const ExportResult result = exportStudySheet(noteFrom(note));
    ASSERT_TRUE(result.ok());
    expectNoRawHtml(result.text);
    EXPECT_NE(result.text.find("\n## 1\\. Costs and labels\n"), std::string::npos) << result.text;
    EXPECT_NE(
        result.text.find(
            "\n- 1984\\. a \\<b\\> tag, \\`tick, x\\_y ([0:05](https://www.youtube.com/watch?v=abcDEF_-123&t=5s))\n"),
        std::string::npos)
        << result.text;
    // Read back, the sheet has the same plain text and no list inside the bullet.
    const Note back = noteFrom(result.text);
    ASSERT_EQ(back.outline.size(), 2u);
    EXPECT_EQ(back.outline[1].text, "1. Costs and labels");
    EXPECT_EQ(markdownText("- not a list"), "\\- not a list");
    EXPECT_EQ(markdownText("AT&T #1\nnext"), "AT\\&T \\#1 next");
}

TEST(StudySheetExportTest, HeadingCitationsFollowTheHeadingAndALoneTitleHeadingIsNotRepeated)
{
    const ExportResult result
        = exportStudySheet(noteFrom("# Notes\n\n### Deep " + cite("00:30") + "\n\nText " + cite("00:40") + "\n"));
    EXPECT_EQ(result.text, "# Notes\n\n## Deep (0:30)\n\n- Text (0:40)\n");
}

TEST(StudySheetExportTest, BareCitationsMakeTidyBullets)
{
    const ExportResult result = exportStudySheet(
        noteFrom("# Bare\n\n- " + cite("00:05") + "\n- <a class=\"yt-timestamp\" data-t=\"\">[]</a>\n"));
    EXPECT_EQ(result.text, "# Bare\n\n- (0:05)\n- (?)\n");
}

TEST(StudySheetExportTest, TimelessCitationIsShownAsWrittenWithAWarning)
{
    const ExportResult result = exportStudySheet(
        noteFrom("---\nvideoId: abc\n---\nOdd <a class=\"yt-timestamp\" data-t=\"soon\">[soon]</a>\n"));
    EXPECT_NE(result.text.find("- Odd (soon)"), std::string::npos) << result.text;
    EXPECT_TRUE(test::hasMessage(result.diagnostics, Severity::Warning, "'soon' holds no time"));
}

}  // namespace
}  // namespace scholia
