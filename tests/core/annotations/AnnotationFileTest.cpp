// The annotations file format: written by Scholia, read back by Scholia and by the same
// parser that reads every note, and edited line by line without touching anything else.
#include "annotations/AnnotationFile.h"
#include "note/NoteParser.h"
#include "note/NoteResolver.h"

#include <gtest/gtest.h>

namespace scholia {
namespace {

TEST(AnnotationFileTest, DataTIsThreeFieldsAndExactToTheMillisecond)
{
    EXPECT_EQ(formatDataT(0), "00:00:00");
    EXPECT_EQ(formatDataT(71000), "00:01:11");
    EXPECT_EQ(formatDataT(71250), "00:01:11.250");
    EXPECT_EQ(formatDataT(71007), "00:01:11.007");
    EXPECT_EQ(formatDataT(3723000), "01:02:03");
    EXPECT_EQ(formatDataT(-5), "00:00:00");
    for (const std::int64_t ms : {0LL, 1LL, 999LL, 71000LL, 71250LL, 819999LL, 3723004LL, 360000000LL})
        EXPECT_EQ(parseDataT(formatDataT(ms)), ms) << ms;
}

TEST(AnnotationFileTest, ParseDataTRefusesWhatItNeverWrites)
{
    EXPECT_EQ(parseDataT("01:11"), std::nullopt);
    EXPECT_EQ(parseDataT("00:61:00"), std::nullopt);
    EXPECT_EQ(parseDataT("00:01:11."), std::nullopt);
    EXPECT_EQ(parseDataT("00:01:11x"), std::nullopt);
    EXPECT_EQ(parseDataT("00:1:11"), std::nullopt);
    EXPECT_EQ(parseDataT("00:01:11.5"), 71500);
}

TEST(AnnotationFileTest, NewlinesFoldToBrAndBack)
{
    EXPECT_EQ(foldToOneLine("one\ntwo\r\nthree\rfour"), "one<br>two<br>three<br>four");
    EXPECT_EQ(unfoldLine("one<br>two<br>three<br>four"), "one\ntwo\nthree\nfour");
    const std::string typed = "  *Emphasis*, [[link]] & <b>raw</b>  ";
    EXPECT_EQ(foldToOneLine(typed), typed);  // nothing else changes
}

TEST(AnnotationFileTest, RoundTripThroughTheFile)
{
    const std::string header = newAnnotationsFile("Irans cyber attacks on \"Albania\"", "i_4Jtcev5VY");
    std::string file = appendAnnotation("", 71000, "The claim at 1:11\nneeds a source", header);
    file = appendAnnotation(file, 9500, "Second, earlier", header);
    EXPECT_EQ(file.substr(0, header.size()), header);
    EXPECT_NE(
        file.find(
            "- <a class=\"yt-timestamp\" data-t=\"00:01:11\">[00:01:11]</a> The claim at 1:11<br>needs a source\n"),
        std::string::npos);

    const auto annotations = readAnnotations(file);
    ASSERT_EQ(annotations.size(), 2U);
    EXPECT_EQ(annotations[0].ms, 71000);
    EXPECT_EQ(annotations[0].text, "The claim at 1:11\nneeds a source");
    EXPECT_EQ(annotations[1].ms, 9500);
    EXPECT_EQ(annotations[1].text, "Second, earlier");
    EXPECT_EQ(file.substr(0, file.size()).find('\r'), std::string::npos);
}

TEST(AnnotationFileTest, TheFileIsANoteThatParseNoteReads)
{
    std::string file = newAnnotationsFile("Irans cyber attacks on Albania", "i_4Jtcev5VY");
    file = appendAnnotation(file, 71000, "first");
    file = appendAnnotation(file, 3723500, "after an hour");
    const Note note = resolveTimestamps(parseNote(file, "x.annotations.md"));
    EXPECT_EQ(note.frontMatter.title, "My notes on Irans cyber attacks on Albania");
    EXPECT_EQ(note.frontMatter.videoId, "i_4Jtcev5VY");
    ASSERT_EQ(note.citations.size(), 2U);
    EXPECT_EQ(note.citations[0].resolution.ms, 71000);
    EXPECT_EQ(note.citations[1].resolution.ms, 3723500);
    ASSERT_EQ(note.claims.size(), 2U);
    EXPECT_EQ(note.claims[0].text, "first");
    for (const Diagnostic& d : note.diagnostics)
        EXPECT_NE(d.severity, Severity::Error) << d.message;
}

TEST(AnnotationFileTest, EditAndDeleteTouchOnlyTheirLine)
{
    // Written partly by another tool: CRLF endings, a paragraph, no final newline.
    std::string file = "---\r\ntitle: mine\r\n---\r\n\r\nA paragraph of my own.\r\n";
    file = appendAnnotation(file, 1000, "one");
    file += "- <a class=\"yt-timestamp\" data-t=\"00:00:02\">[00:00:02]</a> two";
    auto annotations = readAnnotations(file);
    ASSERT_EQ(annotations.size(), 2U);

    const auto edited = editAnnotation(file, annotations[1].line, "two, edited\nover lines");
    ASSERT_TRUE(edited);
    EXPECT_EQ(*edited, file.substr(0, file.rfind("two")) + "two, edited<br>over lines");
    const auto editedFirst = editAnnotation(file, annotations[0].line, "uno");
    ASSERT_TRUE(editedFirst);
    EXPECT_NE(editedFirst->find("</a> uno\n- <a"), std::string::npos);

    const auto deleted = deleteAnnotation(file, annotations[0].line);
    ASSERT_TRUE(deleted);
    annotations = readAnnotations(*deleted);
    ASSERT_EQ(annotations.size(), 1U);
    EXPECT_EQ(annotations[0].text, "two");
    EXPECT_NE(deleted->find("A paragraph of my own.\r\n"), std::string::npos);

    // A line that is not an annotation is never edited or deleted.
    EXPECT_EQ(editAnnotation(file, 4, "x"), std::nullopt);
    EXPECT_EQ(deleteAnnotation(file, 4), std::nullopt);
    EXPECT_EQ(deleteAnnotation(file, 99), std::nullopt);
}

TEST(AnnotationFileTest, AppendAddsTheMissingNewlineFirst)
{
    EXPECT_EQ(appendAnnotation("text", 0, "a"),
              "text\n- <a class=\"yt-timestamp\" data-t=\"00:00:00\">[00:00:00]</a> a\n");
    EXPECT_EQ(appendAnnotation("", 0, ""), "- <a class=\"yt-timestamp\" data-t=\"00:00:00\">[00:00:00]</a>\n");
}

}  // namespace
}  // namespace scholia
