#include "export/WebVttExport.h"

#include "ExportTestSupport.h"

#include <regex>

namespace scholia {
namespace {

using test::cite;
using test::noteFrom;

std::int64_t vttMs(const std::string& time)
{
    return std::stoll(time.substr(0, 2)) * 3'600'000 + std::stoll(time.substr(3, 2)) * 60'000
         + std::stoll(time.substr(6, 2)) * 1000 + std::stoll(time.substr(9, 3));
}

struct Cue {
    std::int64_t start = 0;
    std::int64_t end = 0;
    std::string text;
};

// A strict reading of the subset written: header, then blank line, id, timing, one text line.
std::vector<Cue> parseVtt(const std::string& vtt)
{
    const std::vector<std::string> lines = test::splitLines(vtt);
    std::vector<Cue> cues;
    if (lines.empty() || lines[0] != "WEBVTT") {
        ADD_FAILURE() << "no WEBVTT header";
        return cues;
    }
    const std::regex timing(R"(^(\d\d:[0-5]\d:[0-5]\d\.\d{3}) --> (\d\d:[0-5]\d:[0-5]\d\.\d{3})$)");
    for (std::size_t i = 1; i + 3 < lines.size() + 1; i += 4) {
        EXPECT_EQ(lines[i], "") << "blank line before cue " << cues.size() + 1;
        EXPECT_EQ(lines[i + 1], std::to_string(cues.size() + 1));
        std::smatch match;
        if (!std::regex_match(lines[i + 2], match, timing)) {
            ADD_FAILURE() << "bad timing line '" << lines[i + 2] << "'";
            break;
        }
        cues.push_back({vttMs(match[1]), vttMs(match[2]), lines[i + 3]});
    }
    return cues;
}

TEST(WebVttExportTest, SampleWithDurationEndsAtTheDuration)
{
    ChapterOptions options;
    options.durationMs = 820'000;
    const ExportResult result = exportWebVttChapters(test::sampleNote(820'000), options);
    ASSERT_TRUE(result.ok());
    EXPECT_TRUE(result.diagnostics.empty());
    test::expectGolden(result.text, "sample_chapters.vtt");

    const std::vector<Cue> cues = parseVtt(result.text);
    ASSERT_EQ(cues.size(), 6u);
    EXPECT_EQ(cues.front().start, 0);
    EXPECT_EQ(cues.front().text, "Intro");
    for (std::size_t i = 1; i < cues.size(); ++i)
        EXPECT_EQ(cues[i].start, cues[i - 1].end) << "each cue ends where the next begins";
    EXPECT_EQ(cues.back().end, 820'000);
}

TEST(WebVttExportTest, WithoutDurationTheLastCueEndsTenSecondsAfterTheLastCitation)
{
    const Note note = test::sampleNote();
    std::int64_t last = 0;
    for (const Citation& citation : note.citations)
        last = std::max(last, citation.resolution.ms.value_or(0));
    EXPECT_EQ(last, 797'000);  // 13:17, the sample's last citation

    const ExportResult result = exportWebVttChapters(note);
    ASSERT_TRUE(result.ok());
    EXPECT_TRUE(test::hasMessage(result.diagnostics, Severity::Info, "ends 10 s after the last citation, at 13:27"));
    const std::vector<Cue> cues = parseVtt(result.text);
    ASSERT_FALSE(cues.empty());
    EXPECT_EQ(cues.back().end, last + 10'000);
}

TEST(WebVttExportTest, OneChapterIsEnoughAndTitlesAreEscaped)
{
    ChapterOptions options;
    options.durationMs = 60'000;
    const ExportResult result
        = exportWebVttChapters(noteFrom("## Tom & Jerry <3 --> x\nA " + cite("00:12") + "\n", 60'000), options);
    ASSERT_TRUE(result.ok());
    EXPECT_EQ(result.text, "WEBVTT\n\n1\n00:00:00.000 --> 00:01:00.000\nTom &amp; Jerry &lt;3 --&gt; x\n");
}

TEST(WebVttExportTest, NothingCitedIsAnError)
{
    const ExportResult result = exportWebVttChapters(noteFrom("# Title\n\nNo times here.\n"));
    EXPECT_FALSE(result.ok());
    EXPECT_TRUE(result.text.empty());
}

TEST(WebVttExportTest, FormatsTimesWithHoursAndMilliseconds)
{
    EXPECT_EQ(formatVttTime(0), "00:00:00.000");
    EXPECT_EQ(formatVttTime(87'250), "00:01:27.250");
    EXPECT_EQ(formatVttTime(3'723'004), "01:02:03.004");
}

}  // namespace
}  // namespace scholia
