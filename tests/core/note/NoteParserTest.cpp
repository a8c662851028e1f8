#include "note/NoteParser.h"
#include "note/CitationAnchor.h"
#include "render/HtmlRenderer.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <optional>
#include <sstream>
#include <string>
#include <vector>

namespace scholia {
namespace {

std::string anchor(const std::string& attributes, const std::string& label)
{
    return "<a " + attributes + ">" + label + "</a>";
}

std::string cite(const std::string& time)
{
    return anchor("class=\"yt-timestamp\" data-t=\"" + time + "\"", "[" + time + "]");
}

const Diagnostic* findDiagnostic(const Note& note, std::string_view fragment)
{
    const auto it = std::find_if(note.diagnostics.begin(), note.diagnostics.end(),
                                 [&](const Diagnostic& d) { return d.message.find(fragment) != std::string::npos; });
    return it == note.diagnostics.end() ? nullptr : &*it;
}

std::size_t countDiagnostics(const Note& note, std::string_view fragment)
{
    return static_cast<std::size_t>(
        std::count_if(note.diagnostics.begin(), note.diagnostics.end(),
                      [&](const Diagnostic& d) { return d.message.find(fragment) != std::string::npos; }));
}

bool contains(const std::string& haystack, std::string_view needle)
{
    return haystack.find(needle) != std::string::npos;
}

std::string readFile(const std::string& path)
{
    std::ifstream in(path, std::ios::binary);
    std::stringstream buffer;
    buffer << in.rdbuf();
    return buffer.str();
}

// Test names from the table rows (a lambda's parameter would shadow gtest's own).
template <typename Case>
std::string caseName(const testing::TestParamInfo<Case>& row)
{
    return row.param.name;
}

// ---- citations ----------------------------------------------------------------------------

struct CitationCase {
    const char* name;
    std::string markdown;  // holds exactly one citation anchor
    std::string written;
    std::string label;
    std::optional<std::int64_t> ms;  // the literal reading before resolveTimestamps()
    const char* diagnostic;          // a fragment of the expected diagnostic, or nullptr for none
    Severity severity = Severity::Warning;
};

class CitationTest : public testing::TestWithParam<CitationCase> { };

TEST_P(CitationTest, ReadsTheAnchor)
{
    const CitationCase& c = GetParam();
    const Note note = parseNote(c.markdown);
    ASSERT_EQ(note.citations.size(), 1u) << c.markdown;
    const Citation& citation = note.citations[0];
    EXPECT_EQ(citation.written, c.written);
    EXPECT_EQ(citation.label, c.label);
    EXPECT_EQ(citation.resolution.ms, c.ms);
    EXPECT_EQ(citation.text.has_value(), c.ms.has_value());
    EXPECT_EQ(citation.line, 1);
    EXPECT_EQ(citation.column, static_cast<int>(c.markdown.find("<a")) + 1);
    if (c.diagnostic) {
        const Diagnostic* d = findDiagnostic(note, c.diagnostic);
        ASSERT_NE(d, nullptr) << "expected \"" << c.diagnostic << "\"";
        EXPECT_EQ(d->severity, c.severity);
        EXPECT_EQ(d->line, 1);
        EXPECT_EQ(d->column, citation.column);
    } else {
        EXPECT_TRUE(note.diagnostics.empty()) << note.diagnostics[0].message;
    }
    // Whatever was wrong with it, the anchor markup itself never reaches the page.
    EXPECT_FALSE(contains(note.body.html, "yt-timestamp"));
}

INSTANTIATE_TEST_SUITE_P(
    Anchors, CitationTest,
    testing::Values(
        CitationCase{"Inline", "Said so " + cite("00:01:27") + ".", "00:01:27", "00:01:27", 87'000, nullptr},
        CitationCase{"AttributeOrderQuotesSpacing",
                     "Said so " + anchor("data-t='00:00:07'   CLASS=yt-timestamp", "[00:00:07]"), "00:00:07",
                     "00:00:07", 7'000, nullptr},
        CitationCase{"DataInsteadOfDataT", "X " + anchor("class=\"yt-timestamp\" data=\"00:00:59\"", "[00:00:59]"),
                     "00:00:59", "00:00:59", 59'000, "data= instead of data-t="},
        CitationCase{"LabelDiffers", "X " + anchor("class=\"yt-timestamp\" data-t=\"00:04:45\"", "[00:05:11]"),
                     "00:04:45", "00:05:11", 285'000, "differs from data-t"},
        CitationCase{"LabelSameTimeWrittenDifferently",
                     "X " + anchor("class=\"yt-timestamp\" data-t=\"00:01:05\"", "00:01:05"), "00:01:05", "00:01:05",
                     65'000, nullptr},
        CitationCase{"EmptyLabel", "X " + anchor("class=\"yt-timestamp\" data-t=\"00:02:00\"", ""), "00:02:00", "",
                     120'000, nullptr},
        CitationCase{"BracketInValue", "X " + anchor("class=\"yt-timestamp\" data-t=\"00:01:27]\"", "[00:01:27]"),
                     "00:01:27]", "00:01:27", 87'000, "stray characters"},
        CitationCase{"PlaceholderValueUsesLabel",
                     "X " + anchor("class=\"yt-timestamp\" data-t=\"HH:MM:SS\"", "[00:03:10]"), "00:03:10", "00:03:10",
                     190'000, "is not a time; the label"},
        CitationCase{"BrokenAttributeUsesLabel", "X " + anchor("class=\"yt-timestamp\" data-05:08\"", "[00:05:08]"),
                     "00:05:08", "00:05:08", 308'000, "no data-t; the label"},
        CitationCase{"NothingUsable", "X " + anchor("class=\"yt-timestamp\" data-t=\"HH:MM:SS\"", "[soon]"), "HH:MM:SS",
                     "soon", std::nullopt, "no readable time", Severity::Error},
        CitationCase{"UnclosedAnchor", "X <a class=\"yt-timestamp\" data-t=\"00:00:09\">[00:00:09] and on", "00:00:09",
                     "", 9'000, "unclosed citation anchor"}),
    caseName<CitationCase>);

TEST(NoteParserTest, UnclosedAnchorKeepsItsLabelAsText)
{
    const Note note = parseNote("Claim <a class=\"yt-timestamp\" data-t=\"00:00:09\">[00:00:09] and more\n");
    ASSERT_EQ(note.citations.size(), 1u);
    EXPECT_TRUE(contains(note.body.html, "[00:00:09] and more"));
    ASSERT_EQ(note.claims.size(), 1u);
    EXPECT_EQ(note.claims[0].text, "Claim [00:00:09] and more");
}

TEST(NoteParserTest, AnchorAtLineStartAfterBlankLineIsACitationInAParagraph)
{
    // Raw, this line would be an HTML block to cmark; as a token it starts a paragraph.
    const Note note = parseNote("Intro.\n\n" + cite("00:00:05") + " starts this paragraph.\n");
    ASSERT_EQ(note.citations.size(), 1u);
    EXPECT_EQ(note.citations[0].line, 3);
    EXPECT_EQ(note.citations[0].column, 1);
    ASSERT_EQ(note.claims.size(), 1u);
    EXPECT_EQ(note.claims[0].kind, ClaimKind::Paragraph);
    EXPECT_EQ(note.claims[0].text, "starts this paragraph.");
    EXPECT_EQ(note.citations[0].claim, 0);
    EXPECT_TRUE(contains(note.body.html, "<p id=\"claim-0\"><a name=\"claim-0\"></a>"));
}

TEST(NoteParserTest, AnchorsInCodeAreNotCitations)
{
    const Note note = parseNote("Inline `" + cite("00:00:09") + "` code.\n\n```\n" + cite("00:00:10") + "\n```\n");
    EXPECT_TRUE(note.citations.empty());
    EXPECT_TRUE(note.claims.empty());
    EXPECT_TRUE(note.diagnostics.empty());
    EXPECT_TRUE(contains(
        note.body.html,
        "<code>&lt;a class=&quot;yt-timestamp&quot; data-t=&quot;00:00:09&quot;&gt;[00:00:09]&lt;/a&gt;</code>"));
    EXPECT_TRUE(
        contains(note.body.html, "<pre><code>&lt;a class=&quot;yt-timestamp&quot; data-t=&quot;00:00:10&quot;"));
}

TEST(NoteParserTest, BrokenAnchorInCodeGivesNoDiagnostic)
{
    const Note note = parseNote("`" + anchor("class=\"yt-timestamp\" data-t=\"HH:MM:SS\"", "[x]") + "`");
    EXPECT_TRUE(note.citations.empty());
    EXPECT_TRUE(note.diagnostics.empty());
}

TEST(NoteParserTest, OtherAnchorsAreNotCitations)
{
    const Note note = parseNote("See <a href=\"https://example.com\" data-t=\"00:01:00\">[00:01:00]</a> there.");
    EXPECT_TRUE(note.citations.empty());
    EXPECT_FALSE(contains(note.body.html, "<a href"));
    EXPECT_TRUE(contains(note.body.html, "[00:01:00]"));
    EXPECT_EQ(countDiagnostics(note, "raw HTML"), 2u);  // <a> and </a>
}

TEST(NoteParserTest, CitationInHtmlBlockCountsOutsideAnyClaim)
{
    const Note note = parseNote("<div>\nQuoted " + cite("00:00:30") + " text\n</div>\n");
    ASSERT_EQ(note.citations.size(), 1u);
    EXPECT_EQ(note.citations[0].claim, -1);
    EXPECT_EQ(note.citations[0].line, 2);
    EXPECT_TRUE(note.claims.empty());
    ASSERT_EQ(note.body.slots.size(), 1u);
    EXPECT_TRUE(contains(note.body.html, "Quoted "));
    EXPECT_FALSE(contains(note.body.html, "<div"));
    const Diagnostic* d = findDiagnostic(note, "raw HTML <div> not shown");
    ASSERT_NE(d, nullptr);
    EXPECT_EQ(d->severity, Severity::Info);
    EXPECT_EQ(d->line, 1);
}

// ---- wikilinks ----------------------------------------------------------------------------

struct WikiLinkCase {
    const char* name;
    const char* markdown;  // holds exactly one wikilink
    const char* target;
    const char* fragment;
    const char* alias;
    bool embed;
    const char* label;
};

class WikiLinkTest : public testing::TestWithParam<WikiLinkCase> { };

TEST_P(WikiLinkTest, ReadsTheLink)
{
    const WikiLinkCase& c = GetParam();
    const Note note = parseNote(c.markdown);
    ASSERT_EQ(note.wikilinks.size(), 1u) << c.markdown;
    const WikiLink& link = note.wikilinks[0];
    EXPECT_EQ(link.target, c.target);
    EXPECT_EQ(link.fragment, c.fragment);
    EXPECT_EQ(link.alias, c.alias);
    EXPECT_EQ(link.embed, c.embed);
    EXPECT_EQ(link.label(), c.label);
    EXPECT_EQ(link.line, 1);
    const std::string_view markdown = c.markdown;
    EXPECT_EQ(link.column, static_cast<int>(markdown.find(c.embed ? "![[" : "[[")) + 1);
    ASSERT_EQ(note.body.slots.size(), 1u);
    EXPECT_EQ(note.body.slots[0].kind, HtmlSlot::Kind::WikiLink);
    EXPECT_FALSE(contains(note.body.html, "[["));
    EXPECT_TRUE(note.links.empty());
}

INSTANTIATE_TEST_SUITE_P(
    Forms, WikiLinkTest,
    testing::Values(
        WikiLinkCase{"Plain", "See [[jameskerlindsay]].", "jameskerlindsay", "", "", false, "jameskerlindsay"},
        WikiLinkCase{"Alias", "See [[target|shown]].", "target", "", "shown", false, "shown"},
        WikiLinkCase{"SpacedPipeTrimmed", "See [[cyber_warfare | cyber attacks ]].", "cyber_warfare", "",
                     "cyber attacks", false, "cyber attacks"},
        WikiLinkCase{"HeadingFragment", "See [[Other note#Some Heading|there]].", "Other note", "Some Heading", "there",
                     false, "there"},
        WikiLinkCase{"FragmentOnly", "See [[#Local heading]].", "", "Local heading", "", false, ""},
        WikiLinkCase{"Embed", "![[diagram.png]]", "diagram.png", "", "", true, "diagram.png"},
        WikiLinkCase{"EscapedPipeInTable", "| [[target\\|shown]] |", "target", "", "shown", false, "shown"},
        WikiLinkCase{"SplitByEmphasisMarkers", "See [[a *b* c]] here.", "a *b* c", "", "", false, "a *b* c"},
        WikiLinkCase{"SplitBySoftBreak", "See [[first\nsecond | the alias]] here.", "first second", "", "the alias",
                     false, "the alias"},
        WikiLinkCase{"InListItem", "- item with [[listed]] link", "listed", "", "", false, "listed"},
        WikiLinkCase{"InHeading", "## About [[topic | The Topic]]", "topic", "", "The Topic", false, "The Topic"}),
    caseName<WikiLinkCase>);

TEST(NoteParserTest, WikiLinkIsNotStolenByAMatchingReferenceDefinition)
{
    const Note note = parseNote("See [[x]] here.\n\n[x]: /url\n");
    ASSERT_EQ(note.wikilinks.size(), 1u);
    EXPECT_EQ(note.wikilinks[0].target, "x");
    EXPECT_TRUE(note.links.empty());
    EXPECT_FALSE(contains(note.body.html, "/url"));
}

TEST(NoteParserTest, EmphasisDoesNotSplitAWikiLink)
{
    const Note note = parseNote("See [[a *b* c]] and *[[d]]*.");
    ASSERT_EQ(note.wikilinks.size(), 2u);
    EXPECT_EQ(note.wikilinks[0].target, "a *b* c");
    EXPECT_EQ(note.wikilinks[1].target, "d");
    // The emphasis around the second link still applies; none inside the first.
    ASSERT_EQ(note.body.slots.size(), 2u);
    const std::string& html = note.body.html;
    EXPECT_EQ(html.substr(note.body.slots[1].offset - 4, 4), "<em>");
    EXPECT_EQ(std::count(html.begin(), html.end(), '<'), std::count(html.begin(), html.end(), '>'));
    EXPECT_EQ(html.find("<em>"), html.rfind("<em>"));
}

TEST(NoteParserTest, SoftBreakInsideWikiLinkKeepsTheParagraphAndLineNumbers)
{
    const Note note = parseNote("a [[b\nc]]\nd " + cite("00:00:04") + "\n\n[[e]]");
    ASSERT_EQ(note.wikilinks.size(), 2u);
    EXPECT_EQ(note.wikilinks[0].target, "b c");
    EXPECT_EQ(note.wikilinks[1].line, 5);
    ASSERT_EQ(note.citations.size(), 1u);
    EXPECT_EQ(note.citations[0].line, 3);
    EXPECT_EQ(note.citations[0].column, 3);
    // Still one paragraph: the line after the link does not become a blank line.
    ASSERT_EQ(note.claims.size(), 1u);
    EXPECT_EQ(note.claims[0].text, "a b c d");
    EXPECT_EQ(note.body.html.find("<p"), note.body.html.find("<p id=\"claim-0\">"));
    EXPECT_EQ(note.body.html.find("</p>"), note.body.html.find("</p>\n<p>"));
}

TEST(NoteParserTest, BlankLineEndsAWikiLinkAttempt)
{
    const Note note = parseNote("[[not\n\nlink]]");
    EXPECT_TRUE(note.wikilinks.empty());
    EXPECT_TRUE(contains(note.body.html, "[[not"));
}

struct NotALinkCase {
    const char* name;
    const char* markdown;
    const char* shown;  // what the page shows instead
};

class NotAWikiLinkTest : public testing::TestWithParam<NotALinkCase> { };

TEST_P(NotAWikiLinkTest, StaysText)
{
    const NotALinkCase& c = GetParam();
    const Note note = parseNote(c.markdown);
    EXPECT_TRUE(note.wikilinks.empty()) << c.markdown;
    EXPECT_TRUE(note.body.slots.empty());
    EXPECT_TRUE(contains(note.body.html, c.shown)) << note.body.html;
}

INSTANTIATE_TEST_SUITE_P(
    Cases, NotAWikiLinkTest,
    testing::Values(NotALinkCase{"CodeSpan", "Use `[[x]]` here.", "<code>[[x]]</code>"},
                    NotALinkCase{"CodeBlock", "```\narr[[0]]\n```", "<pre><code>arr[[0]]\n"},
                    NotALinkCase{"Escaped", "Write \\[[x]] literally.", "Write [[x]] literally."},
                    NotALinkCase{"Empty", "An [[]] and [[ | alias]].", "An [[]] and [[ | alias]]."},
                    NotALinkCase{"Unclosed", "An [[open link", "An [[open link"},
                    NotALinkCase{"InLinkUrl", "[text](http://h/[[x]])", "href=\"http://h/[[x]]\""}),
    caseName<NotALinkCase>);

TEST(NoteParserTest, DoubleBackslashDoesNotEscape)
{
    const Note note = parseNote("A \\\\[[x]] link.");
    ASSERT_EQ(note.wikilinks.size(), 1u);
    EXPECT_EQ(note.wikilinks[0].column, 5);
}

// ---- positions ----------------------------------------------------------------------------

TEST(NoteParserTest, LinesAndColumnsAreThoseOfTheFile)
{
    const std::string line5 = "Alpha [[one]] and " + cite("00:00:01") + " then [[two | 2]] [bad](javascript:x)";
    const Note note = parseNote("---\ntitle: T\n---\n\n" + line5 + "\n");
    ASSERT_EQ(note.wikilinks.size(), 2u);
    ASSERT_EQ(note.citations.size(), 1u);
    EXPECT_EQ(note.wikilinks[0].line, 5);
    EXPECT_EQ(note.wikilinks[0].column, 7);
    EXPECT_EQ(note.citations[0].line, 5);
    EXPECT_EQ(note.citations[0].column, 19);
    EXPECT_EQ(note.wikilinks[1].line, 5);
    EXPECT_EQ(note.wikilinks[1].column, static_cast<int>(line5.find("[[two")) + 1);
    // A construct cmark reports after three tokens on the same line maps back too.
    const Diagnostic* d = findDiagnostic(note, "javascript:x");
    ASSERT_NE(d, nullptr);
    EXPECT_EQ(d->line, 5);
    EXPECT_EQ(d->column, static_cast<int>(line5.find("[bad]")) + 1);
}

TEST(NoteParserTest, ColumnsAfterAMultiLineWikiLinkMapBack)
{
    const Note note = parseNote("x [[first\nsecond]] <b>y</b>");
    const Diagnostic* d = findDiagnostic(note, "raw HTML <b>");
    ASSERT_NE(d, nullptr);
    EXPECT_EQ(d->line, 2);
    EXPECT_EQ(d->column, 10);
}

TEST(NoteParserTest, HeadingAndClaimLinesCountFrontMatterAndCrLf)
{
    const Note note = parseNote("---\r\ntitle: T\r\n---\r\n# Head\r\n\r\nText " + cite("00:00:02") + "\r\n");
    ASSERT_EQ(note.outline.size(), 1u);
    EXPECT_EQ(note.outline[0].line, 4);
    ASSERT_EQ(note.claims.size(), 1u);
    EXPECT_EQ(note.claims[0].line, 6);
    EXPECT_EQ(note.citations[0].line, 6);
    EXPECT_EQ(note.citations[0].column, 6);
}

// ---- claims and outline -------------------------------------------------------------------

TEST(NoteParserTest, ClaimsHaveTextSectionPathAndKind)
{
    const Note note = parseNote("# Top\n"
                                "Intro "
                                + cite("00:00:01")
                                + ".\n"
                                  "## Sub\n"
                                  "No citation here.\n\n"
                                  "- item one "
                                + cite("00:00:02")
                                + " with [[link|the label]] and `code`.\n"
                                  "  - nested **bold** "
                                + cite("00:00:03")
                                + "\n"
                                  "### Deep "
                                + cite("00:00:04")
                                + "\n"
                                  "# Next\n"
                                  "> quoted "
                                + cite("00:00:05") + ", " + cite("00:00:06") + "\n");
    ASSERT_EQ(note.claims.size(), 5u);
    struct Expected {
        ClaimKind kind;
        const char* text;
        std::vector<std::string> sectionPath;
        int line;
        std::vector<int> citations;
    };
    const std::vector<Expected> expected = {
        {ClaimKind::Paragraph, "Intro.", {"Top"}, 2, {0}},
        {ClaimKind::ListItem, "item one with the label and code.", {"Top", "Sub"}, 6, {1}},
        {ClaimKind::ListItem, "nested bold", {"Top", "Sub"}, 7, {2}},
        {ClaimKind::Heading, "Deep", {"Top", "Sub"}, 8, {3}},
        {ClaimKind::Paragraph, "quoted,", {"Next"}, 10, {4, 5}},
    };
    for (std::size_t i = 0; i < expected.size(); ++i) {
        const Claim& claim = note.claims[i];
        EXPECT_EQ(claim.id, "claim-" + std::to_string(i));
        EXPECT_EQ(claim.kind, expected[i].kind) << i;
        EXPECT_EQ(claim.text, expected[i].text) << i;
        EXPECT_EQ(claim.sectionPath, expected[i].sectionPath) << i;
        EXPECT_EQ(claim.line, expected[i].line) << i;
        EXPECT_EQ(claim.citations, expected[i].citations) << i;
        for (const int c : claim.citations)
            EXPECT_EQ(note.citations[static_cast<std::size_t>(c)].claim, static_cast<int>(i));
    }
    // Anchors in the page: li-claims on the item, the heading claim after the heading's own.
    EXPECT_TRUE(contains(note.body.html, "<li id=\"claim-1\"><a name=\"claim-1\"></a>item one"));
    EXPECT_TRUE(contains(note.body.html, "<li id=\"claim-2\"><a name=\"claim-2\"></a>nested"));
    EXPECT_TRUE(contains(note.body.html, "<h3 id=\"deep\"><a name=\"deep\"></a><a name=\"claim-3\"></a>Deep"));
    EXPECT_TRUE(contains(note.body.html, "<blockquote>\n<p id=\"claim-4\"><a name=\"claim-4\"></a>quoted"));
}

TEST(NoteParserTest, ClaimTextCollapsesWhitespace)
{
    const std::vector<std::pair<std::string, std::string>> cases = {
        {"Runs  of   spaces\tand\ttabs " + cite("00:00:01") + " end.", "Runs of spaces and tabs end."},
        {"Hard break  \nnext line and soft\nbreak " + cite("00:00:01"), "Hard break next line and soft break"},
        {"Exactly eight chars then  two spaces " + cite("00:00:01"), "Exactly eight chars then two spaces"},
        {"Single spaces only, long enough to span words " + cite("00:00:01") + ".",
         "Single spaces only, long enough to span words."},
        {cite("00:00:01") + " , leading citation", ", leading citation"},
    };
    for (const auto& [markdown, text] : cases) {
        const Note note = parseNote(markdown);
        ASSERT_EQ(note.claims.size(), 1u) << markdown;
        EXPECT_EQ(note.claims[0].text, text) << markdown;
    }
}

TEST(NoteParserTest, LooseListItemClaimsGoOnTheParagraph)
{
    const Note note = parseNote("- first " + cite("00:00:01") + "\n\n- second\n");
    ASSERT_EQ(note.claims.size(), 1u);
    EXPECT_EQ(note.claims[0].kind, ClaimKind::ListItem);
    EXPECT_TRUE(contains(note.body.html, "<li>\n<p id=\"claim-0\"><a name=\"claim-0\"></a>first"));
}

TEST(NoteParserTest, OutlineAnchorsAreUniqueAndReadable)
{
    const Note note = parseNote("# Historical Context: Iran and the MEK\n"
                                "## Intro\n"
                                "## Intro\n"
                                "## Intro 1\n"
                                "## Claim 0\n"
                                "## Iran’s “role” — today\n"
                                "## Café Ünïcode\n"
                                "## ***\n"
                                "## [[target | Linked Heading]]\n");
    const std::vector<std::pair<std::string, std::string>> expected = {
        {"Historical Context: Iran and the MEK", "historical-context-iran-and-the-mek"},
        {"Intro", "intro"},
        {"Intro", "intro-1"},
        {"Intro 1", "intro-1-1"},
        {"Claim 0", "claim-0-1"},  // never taken for a claim's anchor
        {"Iran’s “role” — today", "iran-s-role-today"},
        {"Café Ünïcode", "café-Ünïcode"},
        {"***", "section"},
        {"Linked Heading", "linked-heading"},
    };
    ASSERT_EQ(note.outline.size(), expected.size());
    for (std::size_t i = 0; i < expected.size(); ++i) {
        EXPECT_EQ(note.outline[i].text, expected[i].first);
        EXPECT_EQ(note.outline[i].anchor, expected[i].second);
        EXPECT_EQ(note.outline[i].line, static_cast<int>(i) + 1);
        EXPECT_TRUE(
            contains(note.body.html, "id=\"" + expected[i].second + "\"><a name=\"" + expected[i].second + "\">"));
    }
    EXPECT_EQ(note.outline[0].level, 1);
    EXPECT_EQ(note.outline[1].level, 2);
}

TEST(NoteParserTest, MarkdownLinksAndImagesAreRecorded)
{
    const Note note = parseNote("Read [the *site*](https://example.com \"Title\") and ![a chart](img/chart.png).\n\n"
                                "Mail [me](mailto:a@b.c).");
    ASSERT_EQ(note.links.size(), 3u);
    EXPECT_EQ(note.links[0].url, "https://example.com");
    EXPECT_EQ(note.links[0].text, "the site");
    EXPECT_FALSE(note.links[0].image);
    EXPECT_EQ(note.links[1].url, "img/chart.png");
    EXPECT_EQ(note.links[1].text, "a chart");
    EXPECT_TRUE(note.links[1].image);
    EXPECT_EQ(note.links[2].line, 3);
    EXPECT_TRUE(contains(note.body.html, "<a href=\"https://example.com\" title=\"Title\">the <em>site</em></a>"));
    EXPECT_TRUE(contains(note.body.html, "<img src=\"img/chart.png\" alt=\"a chart\">"));
    EXPECT_TRUE(note.diagnostics.empty());
}

TEST(NoteParserTest, BreakTagsBecomeBreaksAndOtherInlineHtmlIsDropped)
{
    const Note note = parseNote("From: [[jameskerlindsay]] <br/> next<br>and <br /> <span class=x>kept text</span>");
    EXPECT_EQ(note.body.html, "<p>From:  <br> next<br>and <br> kept text</p>\n");
    ASSERT_EQ(note.body.slots.size(), 1u);
    EXPECT_EQ(note.body.slots[0].offset, std::string_view("<p>From: ").size());
    EXPECT_EQ(countDiagnostics(note, "raw HTML <span> not shown"), 1u);
    EXPECT_EQ(countDiagnostics(note, "raw HTML </span> not shown"), 1u);
    EXPECT_EQ(note.diagnostics.size(), 2u);
}

TEST(NoteParserTest, ParagraphOfDroppedHtmlLeavesNoEmptyParagraph)
{
    const Note note = parseNote("<span></span>\n\n[[only a link]]\n\n<object data=x></object> <br>");
    ASSERT_EQ(note.body.slots.size(), 1u);
    // The first paragraph is gone; the link's paragraph is all slot; the last keeps its <br>.
    EXPECT_EQ(note.body.html, "<p></p>\n<p> <br></p>\n");
    EXPECT_EQ(note.body.slots[0].offset, 3u);
    EXPECT_EQ(renderHtml(note, {.resolveWikiLink = {}, .standalone = false, .css = {}}),
              "<p><a class=\"wikilink\" href=\"note:only%20a%20link\">only a link</a></p>\n<p> <br></p>\n");
}

TEST(NoteParserTest, ModelWithoutBody)
{
    const std::string text = "# H\nText " + cite("00:00:01") + " [[w]]\n\n<div>raw</div>\n";
    const Note full = parseNote(text);
    const Note lean = parseNote(text, "n.md", ParseOptions{false});
    EXPECT_TRUE(lean.body.html.empty());
    EXPECT_TRUE(lean.body.slots.empty());
    EXPECT_EQ(lean.path, "n.md");
    EXPECT_EQ(lean.citations.size(), full.citations.size());
    EXPECT_EQ(lean.wikilinks.size(), full.wikilinks.size());
    EXPECT_EQ(lean.claims.size(), full.claims.size());
    EXPECT_EQ(lean.claims[0].text, full.claims[0].text);
    EXPECT_EQ(lean.outline[0].anchor, full.outline[0].anchor);
    EXPECT_EQ(lean.diagnostics, full.diagnostics);
}

TEST(NoteParserTest, SlotsPointBetweenTags)
{
    const Note note = parseNote("A " + cite("00:00:01") + " and [[w]].");
    ASSERT_EQ(note.body.slots.size(), 2u);
    EXPECT_EQ(note.body.slots[0].kind, HtmlSlot::Kind::Citation);
    EXPECT_EQ(note.body.slots[1].kind, HtmlSlot::Kind::WikiLink);
    const std::string& html = note.body.html;
    EXPECT_EQ(html.substr(0, note.body.slots[0].offset), "<p id=\"claim-0\"><a name=\"claim-0\"></a>A ");
    EXPECT_EQ(html.substr(note.body.slots[0].offset, note.body.slots[1].offset - note.body.slots[0].offset), " and ");
    EXPECT_EQ(html.substr(note.body.slots[1].offset), ".</p>\n");
}

// ---- hostile and degenerate input ---------------------------------------------------------

TEST(NoteParserTest, PrivateUseCharactersInTheSourceAreReplaced)
{
    const std::string forged = "\xEE\x80\x80"
                               "c0"
                               "\xEE\x80\x81";
    const Note note = parseNote("Forged " + forged + " and &#xE000;w0&#57345; then [[real]] " + cite("00:00:01"));
    ASSERT_EQ(note.wikilinks.size(), 1u);
    EXPECT_EQ(note.wikilinks[0].target, "real");
    ASSERT_EQ(note.citations.size(), 1u);
    EXPECT_EQ(countDiagnostics(note, "reserved by Scholia"), 4u);
    const Diagnostic* d = findDiagnostic(note, "U+E000");
    ASSERT_NE(d, nullptr);
    EXPECT_EQ(d->column, 8);
    EXPECT_TRUE(contains(note.body.html, "Forged \xEF\xBF\xBD"
                                         "c0\xEF\xBF\xBD and \xEF\xBF\xBDw0\xEF\xBF\xBD then"));
    EXPECT_EQ(note.body.slots.size(), 2u);
    EXPECT_EQ(note.citations[0].column,
              static_cast<int>(("Forged " + forged + " and &#xE000;w0&#57345; then [[real]] ").size()) + 1);
}

TEST(NoteParserTest, EmptyInput)
{
    const Note note = parseNote("");
    EXPECT_TRUE(note.citations.empty());
    EXPECT_TRUE(note.wikilinks.empty());
    EXPECT_TRUE(note.outline.empty());
    EXPECT_TRUE(note.diagnostics.empty());
    EXPECT_TRUE(note.body.html.empty());
    EXPECT_EQ(note.frontMatter.firstLine, 0);
}

TEST(NoteParserTest, InvalidUtf8IsReplacedNotFatal)
{
    const Note note = parseNote("bad \xFF\xFE bytes [[x\xC3]] " + cite("00:00:01") + "\n# \xE2\x82 head\n");
    ASSERT_EQ(note.wikilinks.size(), 1u);
    ASSERT_EQ(note.citations.size(), 1u);
    ASSERT_EQ(note.outline.size(), 1u);
    EXPECT_TRUE(contains(note.body.html, "bad \xEF\xBF\xBD\xEF\xBF\xBD bytes"));
    // Link text never goes through cmark: it is repaired the same way.
    EXPECT_EQ(note.wikilinks[0].target, "x\xEF\xBF\xBD");
    EXPECT_EQ(parseNote("[[only \xC3 here]]").wikilinks[0].target, "only \xEF\xBF\xBD here");
    EXPECT_EQ(parseNote("<a class=\"yt-timestamp\" data-t=\"00:01\xFF\">[00:01]</a>").citations[0].written,
              "00:01\xEF\xBF\xBD");
}

TEST(NoteParserTest, NulBytesDoNotTruncate)
{
    const std::string text = std::string("before ") + '\0' + " after [[x]]";
    const Note note = parseNote(text);
    ASSERT_EQ(note.wikilinks.size(), 1u);
    EXPECT_TRUE(contains(note.body.html, "after"));
}

TEST(NoteParserTest, HundredThousandOpenBracketsStayLinear)
{
    std::string text;
    for (int i = 0; i < 100'000; ++i)
        text += "[[";
    text += "last]]";
    const Note note = parseNote(text);
    ASSERT_EQ(note.wikilinks.size(), 1u);
    EXPECT_EQ(note.wikilinks[0].target, "last");

    std::string spaced;
    for (int i = 0; i < 100'000; ++i)
        spaced += "[[a ";
    EXPECT_TRUE(parseNote(spaced).wikilinks.empty());
}

TEST(NoteParserTest, HundredThousandUnclosedAnchorsStayLinear)
{
    std::string text;
    for (int i = 0; i < 100'000; ++i)
        text += "<a class=\"yt-timestamp\" data-t=\"00:00:01\">";
    const Note note = parseNote(text);
    EXPECT_EQ(note.citations.size(), 100'000u);
    EXPECT_EQ(countDiagnostics(note, "unclosed citation anchor"), 100'000u);
    EXPECT_EQ(note.citations.back().column, 99'999 * 42 + 1);

    // Open tags that never close on the line are not anchors at all.
    std::string unterminated;
    for (int i = 0; i < 100'000; ++i)
        unterminated += "<a class=\"yt-timestamp\" ";
    EXPECT_TRUE(parseNote(unterminated).citations.empty());
}

TEST(NoteParserTest, FixtureNoteParsesWithTheExpectedModel)
{
    const Note note = parseNote(readFile(SCHOLIA_TEST_DATA_DIR "/notes/parser_mix.md"), "parser_mix.md");
    EXPECT_EQ(note.frontMatter.title, "Parser mix");
    EXPECT_EQ(note.citations.size(), 6u);
    EXPECT_EQ(note.wikilinks.size(), 4u);
    ASSERT_EQ(note.outline.size(), 3u);
    EXPECT_EQ(note.outline[2].text, "Wrap-up");
    EXPECT_EQ(note.outline[2].line, 20);
    EXPECT_EQ(countDiagnostics(note, "differs from data-t"), 1u);
    EXPECT_EQ(countDiagnostics(note, "no readable time"), 1u);
    EXPECT_TRUE(hasErrors(note.diagnostics));
    EXPECT_EQ(note.displayTitle(), "Parser mix");
}

TEST(NoteParserTest, DisplayTitleFallsBackToHeadingThenFileName)
{
    EXPECT_EQ(parseNote("# First heading\n## Second", "dir/file.md").displayTitle(), "First heading");
    EXPECT_EQ(parseNote("Just text", "dir/my_note.md").displayTitle(), "my_note");
    EXPECT_EQ(parseNote("---\ntitle: From YAML\n---\n# Heading", "x.md").displayTitle(), "From YAML");
}

// ---- the vault index's parse mode ----------------------------------------------------------

TEST(NoteParserTest, IndexModeKeepsWhatTheIndexUsesAndMatchesTheFullModel)
{
    std::vector<std::string> paths{SCHOLIA_SAMPLE_NOTE};
    for (const auto& entry : std::filesystem::recursive_directory_iterator(SCHOLIA_TEST_DATA_DIR))
        if (entry.is_regular_file() && entry.path().extension() == ".md")
            paths.push_back(entry.path().string());
    for (const std::string& path : paths) {
        SCOPED_TRACE(path);
        const std::string text = readFile(path);
        const Note full = parseNote(text, "n.md", ParseOptions{.keepBody = false});
        const Note index = parseNote(text, "n.md", ParseOptions{.keepBody = false, .forIndex = true});
        ASSERT_EQ(index.outline.size(), full.outline.size());
        for (std::size_t i = 0; i < full.outline.size(); ++i) {
            EXPECT_EQ(index.outline[i].text, full.outline[i].text);
            EXPECT_EQ(index.outline[i].level, full.outline[i].level);
            EXPECT_EQ(index.outline[i].line, full.outline[i].line);
            EXPECT_TRUE(index.outline[i].anchor.empty());
        }
        ASSERT_EQ(index.claims.size(), full.claims.size());
        for (std::size_t i = 0; i < full.claims.size(); ++i) {
            EXPECT_EQ(index.claims[i].id, full.claims[i].id);
            EXPECT_EQ(index.claims[i].kind, full.claims[i].kind);
            EXPECT_EQ(index.claims[i].text, full.claims[i].text);
            EXPECT_EQ(index.claims[i].line, full.claims[i].line);
            EXPECT_EQ(index.claims[i].citations, full.claims[i].citations);
            EXPECT_TRUE(index.claims[i].sectionPath.empty());
        }
        ASSERT_EQ(index.citations.size(), full.citations.size());
        for (std::size_t i = 0; i < full.citations.size(); ++i) {
            EXPECT_EQ(index.citations[i].written, full.citations[i].written);
            EXPECT_EQ(index.citations[i].line, full.citations[i].line);
            EXPECT_EQ(index.citations[i].claim, full.citations[i].claim);
            EXPECT_EQ(index.citations[i].resolution.ms, full.citations[i].resolution.ms);
        }
        ASSERT_EQ(index.wikilinks.size(), full.wikilinks.size());
        for (std::size_t i = 0; i < full.wikilinks.size(); ++i) {
            EXPECT_EQ(index.wikilinks[i].target, full.wikilinks[i].target);
            EXPECT_EQ(index.wikilinks[i].line, full.wikilinks[i].line);
        }
        EXPECT_TRUE(index.links.empty());
        EXPECT_EQ(index.diagnostics, full.diagnostics);
        EXPECT_EQ(index.frontMatter.entries, full.frontMatter.entries);
        EXPECT_EQ(index.displayTitle(), full.displayTitle());
    }
}

TEST(NoteParserTest, UsualAnchorAttributesReadLikeAnyOther)
{
    struct Case {
        std::string_view inside;
        bool citation;
        std::optional<std::string_view> dataT;
    };
    const std::vector<Case> cases = {
        {" class=\"yt-timestamp\" data-t=\"00:01:27\"", true, "00:01:27"},
        {" class=\"yt-timestamp\" data-t=\"\"", true, ""},
        {" class=\"yt-timestamp\" data-t=\"", true, ""},
        {" class=\"yt-timestamp\" data-t=\"00:01\"27\"", true, "00:01"},
        {" class=\"yt-timestamp\" data-t=\"00:01:27\" ", true, "00:01:27"},
        {" data-t=\"00:01:27\" class=\"yt-timestamp\"", true, "00:01:27"},
        {" class=\"other\" data-t=\"00:01:27\"", false, "00:01:27"},
    };
    for (const Case& c : cases) {
        SCOPED_TRACE(std::string(c.inside));
        const AnchorAttributes read = readAnchorAttributes(c.inside);
        EXPECT_EQ(read.isCitation, c.citation);
        EXPECT_EQ(read.dataT, c.dataT);
        EXPECT_FALSE(read.data.has_value());
    }
}

}  // namespace
}  // namespace scholia
