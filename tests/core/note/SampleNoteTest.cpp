// The bundled sample note, read as the app reads it. Expected values were taken by hand
// from resources/samples/irans_cyber_attacks_on_albania.md.
#include "note/NoteParser.h"
#include "render/HtmlRenderer.h"

#include <gtest/gtest.h>

#include <fstream>
#include <sstream>
#include <string>
#include <vector>

namespace scholia {
namespace {

std::string readSample()
{
    std::ifstream in(SCHOLIA_SAMPLE_NOTE, std::ios::binary);
    std::stringstream buffer;
    buffer << in.rdbuf();
    return buffer.str();
}

class SampleNoteTest : public testing::Test {
protected:
    static void SetUpTestSuite() { note_ = new Note(parseNote(readSample(), SCHOLIA_SAMPLE_NOTE)); }
    static void TearDownTestSuite()
    {
        delete note_;
        note_ = nullptr;
    }
    static const Note& note() { return *note_; }

private:
    static Note* note_;
};

Note* SampleNoteTest::note_ = nullptr;

TEST_F(SampleNoteTest, FrontMatter)
{
    EXPECT_EQ(note().frontMatter.title, "Irans cyber attacks on Albania");
    EXPECT_EQ(note().frontMatter.videoId, "i_4Jtcev5VY");
    EXPECT_EQ(note().frontMatter.firstLine, 1);
    EXPECT_EQ(note().frontMatter.lastLine, 4);
    EXPECT_EQ(note().displayTitle(), "Irans cyber attacks on Albania");
}

TEST_F(SampleNoteTest, NoDiagnostics)
{
    for (const Diagnostic& d : note().diagnostics)
        ADD_FAILURE() << d.line << ":" << d.column << " " << d.message;
}

TEST_F(SampleNoteTest, AllSeventyFiveCitationsInOrder)
{
    const std::vector<std::string> written
        = {"00:00:09", "00:00:19", "00:00:23", "00:00:27", "00:00:38", "00:00:52", "01:11:11", "01:21:21", "01:27:01",
           "01:33:04", "01:57:00", "02:23:01", "02:28:07", "02:30:04", "02:35:05", "02:38:00", "02:50:07", "02:56:07",
           "03:00:03", "03:04:02", "03:17:01", "03:23:04", "03:29:00", "03:54:02", "03:58:00", "04:13:00", "04:29:00",
           "04:34:00", "04:49:00", "05:03:00", "05:18:00", "05:42:00", "06:09:00", "06:23:00", "06:31:00", "06:37:00",
           "06:41:00", "06:52:00", "07:05:00", "07:29:00", "07:39:00", "07:50:00", "08:08:00", "08:14:00", "08:14:00",
           "08:19:00", "08:26:00", "08:32:00", "08:46:00", "08:53:00", "09:04:00", "09:10:00", "09:22:00", "09:30:00",
           "09:35:00", "09:42:00", "09:48:00", "09:52:00", "09:56:00", "10:06:00", "10:33:00", "10:45:00", "10:51:00",
           "10:58:00", "11:10:00", "11:24:00", "11:41:00", "11:48:00", "12:17:00", "12:26:00", "12:34:00", "12:47:00",
           "12:59:00", "13:06:00", "13:17:00"};
    ASSERT_EQ(note().citations.size(), 75u);
    for (std::size_t i = 0; i < written.size(); ++i) {
        const Citation& citation = note().citations[i];
        EXPECT_EQ(citation.written, written[i]) << i;
        EXPECT_EQ(citation.label, written[i]) << i;
        EXPECT_TRUE(citation.text.has_value()) << i;
        EXPECT_GE(citation.claim, 0) << i;
    }
    EXPECT_EQ(note().citations[0].written, "00:00:09");
    EXPECT_EQ(note().citations[6].written, "01:11:11");
    EXPECT_EQ(note().citations[74].written, "13:17:00");
    // Positions of a few, counted in the file.
    EXPECT_EQ(note().citations[0].line, 8);
    EXPECT_EQ(note().citations[0].column, 193);
    EXPECT_EQ(note().citations[6].line, 12);
    EXPECT_EQ(note().citations[74].line, 83);
}

TEST_F(SampleNoteTest, TwelveWikiLinksWithTargetsAndAliases)
{
    struct Expected {
        const char* target;
        const char* alias;
        int line;
    };
    const std::vector<Expected> expected = {
        {"jameskerlindsay", "", 6},
        {"cyber_warfare_and_international_security", "cyber attacks", 8},
        {"diplomatic_tensions_between_iran_and_albania", "diplomatic relations", 8},
        {"cyber_warfare_and_international_security", "cyber warfare", 8},
        {"cyber_warfare_and_international_security", "Cyber warfare", 12},
        {"Historical context of Irans international relations", "Historical context of Iran's international relations",
         36},
        {"iran_and_iraq_pressures_on_kurdistan", "Kurdish insurgents", 47},
        {"possible_unification_of_kosovo_and_albania", "Kosovo's", 50},
        {"diplomatic_tensions_between_iran_and_albania", "sever diplomatic relations", 72},
        {"cyber_warfare_and_international_security", "cyber defense", 76},
        {"cyber_warfare_and_international_security", "cyber warfare", 79},
        {"cyber_warfare_and_international_security", "cyber attack", 83},
    };
    ASSERT_EQ(note().wikilinks.size(), expected.size());
    for (std::size_t i = 0; i < expected.size(); ++i) {
        const WikiLink& link = note().wikilinks[i];
        EXPECT_EQ(link.target, expected[i].target) << i;
        EXPECT_EQ(link.alias, expected[i].alias) << i;
        EXPECT_EQ(link.line, expected[i].line) << i;
        EXPECT_TRUE(link.fragment.empty()) << i;
        EXPECT_FALSE(link.embed) << i;
    }
    EXPECT_EQ(note().wikilinks[0].column, 7);  // "From: [[jameskerlindsay]]"
}

TEST_F(SampleNoteTest, Outline)
{
    struct Expected {
        int level;
        const char* text;
        const char* anchor;
        int line;
    };
    const std::vector<Expected> expected = {
        {2, "The Changing Nature of Conflict", "the-changing-nature-of-conflict", 10},
        {2, "An Unlikely Target", "an-unlikely-target", 16},
        {3, "Iran (Islamic Republic of Iran)", "iran-islamic-republic-of-iran", 20},
        {3, "Albania (Republic of Albania)", "albania-republic-of-albania", 26},
        {2, "Historical Context: Iran and the MEK", "historical-context-iran-and-the-mek", 32},
        {3, "Historical context of Iran's international relations",
         "historical-context-of-iran-s-international-relations", 36},
        {3, "The People's Mojahedin Organization of Iran (MEK)", "the-people-s-mojahedin-organization-of-iran-mek", 44},
        {2, "The Cyber Attacks", "the-cyber-attacks", 53},
        {3, "July 2022 Attack", "july-2022-attack", 57},
        {3, "September 2022 Attack", "september-2022-attack", 66},
        {2, "Response and Implications", "response-and-implications", 69},
        {3, "Albania's Response", "albania-s-response", 71},
        {3, "International Response", "international-response", 74},
        {3, "Broader Implications", "broader-implications", 78},
    };
    ASSERT_EQ(note().outline.size(), expected.size());
    for (std::size_t i = 0; i < expected.size(); ++i) {
        const Heading& heading = note().outline[i];
        EXPECT_EQ(heading.level, expected[i].level) << i;
        EXPECT_EQ(heading.text, expected[i].text) << i;
        EXPECT_EQ(heading.anchor, expected[i].anchor) << i;
        EXPECT_EQ(heading.line, expected[i].line) << i;
    }
}

TEST_F(SampleNoteTest, HeadingWithAWikiLinkShowsItsAlias)
{
    const WikiLink& link = note().wikilinks[5];
    EXPECT_EQ(link.target, "Historical context of Irans international relations");
    EXPECT_EQ(link.alias, "Historical context of Iran's international relations");
    EXPECT_EQ(link.column, 5);
    EXPECT_EQ(note().outline[5].text, link.alias);
    const std::string html = renderHtml(note(), {});
    EXPECT_NE(
        html.find("<h3 id=\"historical-context-of-iran-s-international-relations\">"
                  "<a name=\"historical-context-of-iran-s-international-relations\"></a>"
                  "<a class=\"wikilink\" href=\"note:Historical%20context%20of%20Irans%20international%20relations\">"
                  "Historical context of Iran&#39;s international relations</a></h3>"),
        std::string::npos);
}

TEST_F(SampleNoteTest, Claims)
{
    // Paragraphs and items with citations: lines 8 12 14 18, 21-24, 27-30, 37 38, 40-42,
    // 45-51, 55, 58, 61-64, 67, 72, 75 76, 79 81 83.
    ASSERT_EQ(note().claims.size(), 37u);
    const Claim& first = note().claims[0];
    EXPECT_EQ(first.kind, ClaimKind::Paragraph);
    EXPECT_EQ(first.line, 8);
    EXPECT_TRUE(first.sectionPath.empty());
    EXPECT_EQ(first.citations, (std::vector<int>{0, 1, 2, 3, 4}));
    EXPECT_EQ(first.text.substr(0, 60), "In July and September 2022, Iran's intelligence services orc");

    // "    *   **Internal:** ..." on line 40, nested under "Post-Revolution Changes:".
    const Claim& nested = note().claims[14];
    EXPECT_EQ(nested.kind, ClaimKind::ListItem);
    EXPECT_EQ(nested.line, 40);
    EXPECT_EQ(nested.sectionPath, (std::vector<std::string>{"Historical Context: Iran and the MEK",
                                                            "Historical context of Iran's international relations"}));
    EXPECT_EQ(nested.text, "Internal: A theocratic political system was introduced, Islamic law was strictly "
                           "enforced, and opposition was purged.");
    EXPECT_EQ(nested.citations, (std::vector<int>{25}));

    const Claim& last = note().claims[36];
    EXPECT_EQ(last.line, 83);
    EXPECT_EQ(last.sectionPath, (std::vector<std::string>{"Response and Implications", "Broader Implications"}));
    EXPECT_EQ(last.citations, (std::vector<int>{74}));
}

TEST_F(SampleNoteTest, RendersEverySlot)
{
    const std::string html = renderHtml(note(), {});
    EXPECT_EQ(note().body.slots.size(), 75u + 12u);
    EXPECT_NE(html.find("href=\"seek:9000?c=0\""), std::string::npos);
    EXPECT_NE(html.find("From: <a class=\"wikilink\" href=\"note:jameskerlindsay\">jameskerlindsay</a> <br>"),
              std::string::npos);
    EXPECT_EQ(html.find("yt-timestamp"), std::string::npos);
    EXPECT_EQ(html.find("[["), std::string::npos);
}

}  // namespace
}  // namespace scholia
