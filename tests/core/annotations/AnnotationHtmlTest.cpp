// Annotations shown in the note: merged after the claims they follow in time.
#include "annotations/AnnotationHtml.h"
#include "note/NoteParser.h"
#include "note/NoteResolver.h"
#include "render/HtmlRenderer.h"

#include <gtest/gtest.h>

namespace scholia {
namespace {

std::string cite(const char* t)
{
    return std::string("<a class=\"yt-timestamp\" data-t=\"") + t + "\">[" + t + "]</a>";
}

class AnnotationHtmlTest : public testing::Test {
protected:
    void SetUp() override
    {
        const std::string text = "---\ntitle: T\n---\n\nFirst claim " + cite("00:00:10") + "\n\n" + "- item at twenty "
                               + cite("00:00:20") + "\n- item at thirty " + cite("00:00:30") + "\n\nLast claim "
                               + cite("00:01:00") + "\n";
        note = resolveTimestamps(parseNote(text));
        html = renderHtml(note);
    }
    Note note;
    std::string html;
};

TEST_F(AnnotationHtmlTest, BlocksFollowTheClaimTheyFollowInTime)
{
    const std::vector<Annotation> annotations = {{45000, "between thirty and sixty", 0},
                                                 {5000, "before everything", 1},
                                                 {21000, "in the list", 2},
                                                 {90000, "after the end", 3},
                                                 {20500, "also in the list, earlier", 4}};
    const std::string merged = mergeAnnotationsIntoHtml(html, note, annotations);

    const auto at = [&](const std::string& s) {
        const auto p = merged.find(s);
        EXPECT_NE(p, std::string::npos) << s;
        return p;
    };
    EXPECT_LT(at("before everything"), at("First claim"));
    EXPECT_LT(at("item at twenty"), at("also in the list, earlier"));
    EXPECT_LT(at("also in the list, earlier"), at("in the list <a class"));
    EXPECT_LT(at("in the list <a class"), at("item at thirty"));
    EXPECT_LT(at("item at thirty"), at("between thirty and sixty"));
    EXPECT_LT(at("between thirty and sixty"), at("Last claim"));
    EXPECT_LT(at("Last claim"), at("after the end"));
    // Inside the list an annotation is a list item; elsewhere a paragraph.
    EXPECT_NE(merged.find("<li class=\"annotation\"><a name=\"annotation-2\">"), std::string::npos);
    EXPECT_NE(merged.find("<p class=\"annotation\"><a name=\"annotation-1\">"), std::string::npos);
    // Its time seeks; edit and delete are intents by file index.
    EXPECT_NE(merged.find("href=\"seek:45000?a=0\""), std::string::npos);
    EXPECT_NE(merged.find("href=\"annotation:edit/3\""), std::string::npos);
    EXPECT_NE(merged.find("href=\"annotation:delete/4\""), std::string::npos);
    EXPECT_NE(merged.find("p.annotation {"), std::string::npos);
    // Without annotations only the styles are added; the note's HTML is otherwise intact.
    const std::string plain = mergeAnnotationsIntoHtml(html, note, {});
    const std::size_t cssSize = plain.size() - html.size();
    EXPECT_EQ(plain.substr(0, html.find("</style>")), html.substr(0, html.find("</style>")));
    EXPECT_EQ(plain.substr(html.find("</style>") + cssSize), html.substr(html.find("</style>")));
}

TEST_F(AnnotationHtmlTest, TextIsMarkdownEscapedAndEmbedsPointIntoTheVault)
{
    const Annotation a{1000, "*mine* <script>x</script> & ![[attachments/f.png]] ![[https://e.com/x.png]]", 0};
    AnnotationHtmlOptions options;
    options.embedPrefix = "notes/";
    const std::string text = annotationTextHtml(a, options);
    EXPECT_NE(text.find("<em>mine</em>"), std::string::npos) << text;
    EXPECT_EQ(text.find("<script>"), std::string::npos) << text;
    EXPECT_NE(text.find("<img src=\"notes/attachments/f.png\""), std::string::npos) << text;
    EXPECT_EQ(text.find("https://e.com"), std::string::npos) << text;
    // A citation pasted into an annotation seeks its own time, never the note's citation of the
    // same number.
    const std::string pasted
        = annotationTextHtml({0, "see <a class=\"yt-timestamp\" data-t=\"00:02:00\">[00:02:00]</a>", 0});
    EXPECT_NE(pasted.find("href=\"seek:120000?in-annotation=1\""), std::string::npos) << pasted;
    EXPECT_EQ(pasted.find("?c="), std::string::npos) << pasted;
    // Line breaks typed in the editor show as line breaks.
    EXPECT_NE(annotationTextHtml({0, "a\nb", 0}).find("a<br"), std::string::npos);
}

TEST(AnnotationHtmlNoClaimsTest, WithoutTimedClaimsTheyGoAtTheEnd)
{
    const Note note = parseNote("Just text.\n");
    const std::string merged = mergeAnnotationsIntoHtml(renderHtml(note), note, {{1000, "alone", 0}});
    EXPECT_LT(merged.find("Just text."), merged.find("alone"));
    EXPECT_LT(merged.find("alone"), merged.find("</body>"));
}

}  // namespace
}  // namespace scholia
