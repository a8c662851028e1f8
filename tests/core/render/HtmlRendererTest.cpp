#include "render/HtmlRenderer.h"

#include "note/NoteParser.h"

#include <gtest/gtest.h>

#include <fstream>
#include <sstream>
#include <string>
#include <vector>

namespace scholia {
namespace {

std::string readFile(const std::string& path)
{
    std::ifstream in(path, std::ios::binary);
    std::stringstream buffer;
    buffer << in.rdbuf();
    return buffer.str();
}

bool contains(const std::string& haystack, std::string_view needle)
{
    return haystack.find(needle) != std::string::npos;
}

RenderOptions bodyOnly()
{
    RenderOptions options;
    options.standalone = false;
    return options;
}

std::string cite(const std::string& time)
{
    return "<a class=\"yt-timestamp\" data-t=\"" + time + "\">[" + time + "]</a>";
}

TEST(HtmlRendererTest, GoldenSmallNote)
{
    const Note note = parseNote(readFile(SCHOLIA_TEST_DATA_DIR "/notes/render_small.md"));
    RenderOptions options = bodyOnly();
    options.resolveWikiLink = [](const WikiLink& link) { return WikiLinkTarget{link.target != "Missing note", {}}; };
    EXPECT_EQ(renderHtml(note, options), readFile(SCHOLIA_TEST_DATA_DIR "/golden/render_small.html"));
}

TEST(HtmlRendererTest, StandaloneDocumentHasStyleAndTitle)
{
    const Note note = parseNote(readFile(SCHOLIA_TEST_DATA_DIR "/notes/render_small.md"));
    const std::string html = renderHtml(note, {});
    EXPECT_EQ(html.rfind("<html><head><meta charset=\"utf-8\"><style>", 0), 0u);
    EXPECT_TRUE(contains(html, "a.citation {"));
    EXPECT_TRUE(contains(html, "a.unresolved {"));
    EXPECT_TRUE(contains(html, "</style></head><body>\n<h1 class=\"note-title\">Small &amp; &quot;golden&quot;</h1>\n"
                               "<p>From: "));
    EXPECT_EQ(html.substr(html.size() - 15), "</body></html>\n");

    RenderOptions custom;
    custom.css = "p { color: red; }";
    const std::string restyled = renderHtml(note, custom);
    EXPECT_TRUE(contains(restyled, "<style>\np { color: red; }</style>"));
    EXPECT_FALSE(contains(restyled, "a.citation {"));
}

TEST(HtmlRendererTest, NoTitleHeadingWithoutFrontMatterTitle)
{
    const std::string html = renderHtml(parseNote("# Heading\ntext", "n.md"), {});
    EXPECT_FALSE(contains(html, "<h1 class=\"note-title\">"));
    EXPECT_TRUE(contains(html, "<body>\n<h1 id=\"heading\">"));
}

TEST(HtmlRendererTest, HostileMarkupNeverReachesThePage)
{
    const Note note = parseNote(readFile(SCHOLIA_TEST_DATA_DIR "/notes/hostile.md"));
    const std::string html = renderHtml(note, {});
    // Text may mention anything once escaped; no tag, attribute or URL from the note may stay.
    for (const char* absent : {"<script", "alert(1)</", "<iframe", "onclick", "onerror",
                               "javascript:", "vbscript:", "data:", "file:", "http://evil", "=\"http://host",
                               "<img src=\"http", "<b>", "<b ", "<style>body", "steal", "<object", "<p></p>"}) {
        EXPECT_FALSE(contains(html, absent)) << absent;
    }
    EXPECT_TRUE(contains(html, "<h1 class=\"note-title\">Hostile &lt;b&gt;title&lt;/b&gt;</h1>"));
    // What is left in their place.
    EXPECT_TRUE(contains(html, "<span class=\"blocked-image\">[image: remote]</span>"));
    EXPECT_TRUE(contains(html, "<span class=\"blocked-image\">[image: inline data]</span>"));
    EXPECT_TRUE(contains(html, "<span class=\"blocked-image\">[image: http://host/b.png]</span>"));
    EXPECT_TRUE(contains(html, "Click me"));
    EXPECT_TRUE(contains(html, "bold text"));
    EXPECT_TRUE(contains(html, "Visible after the frame"));
    EXPECT_TRUE(contains(html, "<a href=\"https://example.com/ok\">fine</a>"));
    EXPECT_TRUE(contains(html, "&lt;not a tag&gt;"));
    EXPECT_TRUE(contains(html, "<img src=\"pics/ok.png\" alt=\"local\">"));

    int infos = 0;
    int warnings = 0;
    for (const Diagnostic& d : note.diagnostics) {
        infos += d.severity == Severity::Info;
        warnings += d.severity == Severity::Warning;
    }
    EXPECT_GE(infos, 8);     // every dropped tag and blocked image is reported
    EXPECT_EQ(warnings, 4);  // the javascript:, vbscript:, data: and file: links
}

struct EscapeCase {
    const char* text;
    const char* escaped;
};

class EscapeHtmlTest : public testing::TestWithParam<EscapeCase> { };

TEST_P(EscapeHtmlTest, EscapesTheFiveCharacters)
{
    EXPECT_EQ(escapeHtml(GetParam().text), GetParam().escaped);
}

INSTANTIATE_TEST_SUITE_P(Cases, EscapeHtmlTest,
                         testing::Values(EscapeCase{"", ""}, EscapeCase{"plain", "plain"},
                                         EscapeCase{"<script>alert(1)</script>",
                                                    "&lt;script&gt;alert(1)&lt;/script&gt;"},
                                         EscapeCase{"a & b", "a &amp; b"},
                                         EscapeCase{"\"quoted\" 'single'", "&quot;quoted&quot; &#39;single&#39;"},
                                         EscapeCase{"&amp;", "&amp;amp;"}, EscapeCase{"Iran’s", "Iran’s"}));

TEST(HtmlRendererTest, ResolverDecidesWikiLinkClassAndHref)
{
    const Note note = parseNote("[[Known]] [[Unknown note#Sec tion|label]] [[Custom]]");
    RenderOptions options = bodyOnly();
    options.resolveWikiLink = [](const WikiLink& link) {
        if (link.target == "Known")
            return WikiLinkTarget{true, {}};
        if (link.target == "Custom")
            return WikiLinkTarget{true, "note:folder/custom.md?x=\"1\""};
        return WikiLinkTarget{false, {}};
    };
    const std::string html = renderHtml(note, options);
    EXPECT_TRUE(contains(html, "<a class=\"wikilink\" href=\"note:Known\">Known</a>"));
    EXPECT_TRUE(contains(html, "<a class=\"wikilink unresolved\" href=\"note:Unknown%20note#Sec%20tion\">label</a>"));
    EXPECT_TRUE(contains(html, "<a class=\"wikilink\" href=\"note:folder/custom.md?x=&quot;1&quot;\">Custom</a>"));
}

TEST(HtmlRendererTest, WithoutResolverEveryLinkExists)
{
    const std::string html = renderHtml(parseNote("[[Ünïcode & more?]]"), bodyOnly());
    EXPECT_TRUE(contains(
        html, "<a class=\"wikilink\" href=\"note:%C3%9Cn%C3%AFcode%20%26%20more%3F\">Ünïcode &amp; more?</a>"));
}

TEST(HtmlRendererTest, ReinterpretedCitationSaysWhatWasWrittenAndRead)
{
    Note note = parseNote("Claim " + cite("01:11:11") + ".");
    ASSERT_EQ(note.citations.size(), 1u);
    Resolution& resolution = note.citations[0].resolution;
    resolution.ms = 71'000;
    resolution.reading = Reading::MinutesSeconds;
    resolution.reinterpreted = true;
    resolution.explanation.clear();
    EXPECT_TRUE(contains(renderHtml(note, bodyOnly()), "<a class=\"citation reinterpreted\" href=\"seek:71000?c=0\" "
                                                       "title=\"written 01:11:11, read as 1:11\">1:11</a>"));

    // The resolver's explanation, when there is one, is the tooltip.
    resolution.explanation = "01:11:11 read as 1:11 (MM:SS, last field dropped)";
    EXPECT_TRUE(contains(renderHtml(note, bodyOnly()),
                         "title=\"written 01:11:11 read as 1:11 (MM:SS, last field dropped)\">1:11</a>"));
}

TEST(HtmlRendererTest, PastEndAndBrokenCitations)
{
    Note note = parseNote("A " + cite("00:20:00") + " B <a class=\"yt-timestamp\" data-t=\"soon\"></a>");
    ASSERT_EQ(note.citations.size(), 2u);
    note.citations[0].resolution.pastEnd = true;
    const std::string html = renderHtml(note, bodyOnly());
    EXPECT_TRUE(contains(html, "<a class=\"citation past-end\" href=\"seek:1200000?c=0\" "
                               "title=\"written 00:20:00, past the end of the video\">20:00</a>"));
    EXPECT_TRUE(contains(html, "<span class=\"citation broken\" title=\"no time could be read from &quot;soon&quot;\">"
                               "[soon]</span>"));
}

TEST(HtmlRendererTest, ShowsTheResolvedTimeWithoutReparsing)
{
    Note note = parseNote("X " + cite("00:00:09") + " Y " + cite("00:00:19"));
    const std::string template_ = note.body.html;
    EXPECT_TRUE(contains(renderHtml(note, bodyOnly()), ">0:09</a> Y <a"));
    note.citations[0].resolution.ms = 4'000;
    const std::string html = renderHtml(note, bodyOnly());
    EXPECT_TRUE(contains(html, "href=\"seek:4000?c=0\""));
    EXPECT_TRUE(contains(html, ">0:04</a> Y <a"));
    EXPECT_TRUE(contains(html, "href=\"seek:19000?c=1\""));
    EXPECT_EQ(note.body.html, template_);
}

TEST(HtmlRendererTest, EmbedsOnlyLocalImages)
{
    const std::string html = renderHtml(
        parseNote("![[pics/a b.png|Alt]] ![[/etc/x.png]] ![[https://h/x.jpg]] ![[Other note]]"), bodyOnly());
    EXPECT_TRUE(contains(html, "<img src=\"pics/a%20b.png\" alt=\"Alt\">"));
    EXPECT_TRUE(contains(html, "<span class=\"blocked-image\">[image: /etc/x.png]</span>"));
    EXPECT_TRUE(contains(html, "<span class=\"blocked-image\">[image: https://h/x.jpg]</span>"));
    EXPECT_TRUE(contains(html, "<a class=\"wikilink\" href=\"note:Other%20note\">Other note</a>"));
}

TEST(HtmlRendererTest, ToleratesAHandMadeTemplate)
{
    Note note;
    note.body.html = "<p>ab</p>";
    note.body.slots = {{2, HtmlSlot::Kind::WikiLink, 7}, {99, HtmlSlot::Kind::Citation, 0}};  // out of range
    EXPECT_EQ(renderHtml(note, bodyOnly()), "<p>ab</p>");
}

}  // namespace
}  // namespace scholia
