#include "export/Chapters.h"

#include "ExportTestSupport.h"

#include <regex>

namespace scholia {
namespace {

using test::cite;
using test::hasMessage;
using test::noteFrom;

struct Parsed {
    std::int64_t seconds = 0;
    std::string title;
};

// Reads "M:SS Title" / "H:MM:SS Title" lines back, failing the test on any other shape.
std::vector<Parsed> parseChapters(const std::string& text, bool hours)
{
    const std::regex shape(hours ? R"(^(\d+):([0-5]\d):([0-5]\d) (\S.*)$)" : R"(^(\d+):([0-5]\d) (\S.*)$)");
    std::vector<Parsed> chapters;
    for (const std::string& line : test::splitLines(text)) {
        std::smatch match;
        if (!std::regex_match(line, match, shape)) {
            ADD_FAILURE() << "not a chapter line: '" << line << "'";
            continue;
        }
        Parsed parsed;
        if (hours) {
            parsed.seconds = std::stoll(match[1]) * 3600 + std::stoll(match[2]) * 60 + std::stoll(match[3]);
            parsed.title = match[4];
        } else {
            parsed.seconds = std::stoll(match[1]) * 60 + std::stoll(match[2]);
            parsed.title = match[3];
        }
        chapters.push_back(parsed);
    }
    return chapters;
}

// YouTube's rules: first at 0:00, at least three, ascending, each at least 10 s long.
void expectYouTubeRules(const std::vector<Parsed>& chapters, std::optional<std::int64_t> durationSeconds)
{
    ASSERT_GE(chapters.size(), 3u);
    EXPECT_EQ(chapters.front().seconds, 0);
    for (std::size_t i = 1; i < chapters.size(); ++i)
        EXPECT_GE(chapters[i].seconds - chapters[i - 1].seconds, 10) << chapters[i].title;
    if (durationSeconds) {
        EXPECT_GE(*durationSeconds - chapters.back().seconds, 10) << chapters.back().title;
    }
}

TEST(ChaptersTest, SampleGivesOneChapterPerSectionAfterAnIntro)
{
    const ExportResult result = exportYouTubeChapters(test::sampleNote());
    ASSERT_TRUE(result.ok());
    EXPECT_TRUE(result.diagnostics.empty());
    test::expectGolden(result.text, "sample_chapters.txt");

    const std::vector<Parsed> chapters = parseChapters(result.text, false);
    expectYouTubeRules(chapters, std::nullopt);
    // The cited text before the first "##" is the intro; each "##" section starts at its first citation.
    ASSERT_EQ(chapters.size(), 6u);
    EXPECT_EQ(chapters[0].title, "Intro");
    EXPECT_EQ(chapters[1].title, "The Changing Nature of Conflict");
    EXPECT_EQ(chapters[1].seconds, 52);
    EXPECT_EQ(chapters[3].title, "Historical Context: Iran and the MEK");
    EXPECT_EQ(chapters[3].seconds, 3 * 60 + 17);
    EXPECT_EQ(chapters[5].title, "Response and Implications");
    EXPECT_EQ(chapters[5].seconds, 10 * 60 + 6);  // from its first subsection's citation
}

TEST(ChaptersTest, SampleWithItsDurationFollowsTheRulesToo)
{
    ChapterOptions options;
    options.durationMs = 820'000;
    const ExportResult result = exportYouTubeChapters(test::sampleNote(820'000), options);
    ASSERT_TRUE(result.ok());
    expectYouTubeRules(parseChapters(result.text, false), 820);
    EXPECT_EQ(result.text, exportYouTubeChapters(test::sampleNote()).text);
}

TEST(ChaptersTest, LevelThreeGivesFinerChaptersStillByTheRules)
{
    ChapterOptions options;
    options.level = 3;
    const ChapterList list = buildChapters(test::sampleNote(), options);
    // "Response and Implications" cites nothing before its first subsection, which starts
    // at the same 10:06: that subsection is merged into it.
    // At level 3 a "##" section ends at its first "###": "Iran" (2:28) starts 5 s after "An
    // Unlikely Target" (2:23) and joins it; "Response and Implications" cites nothing before
    // "Albania's Response", which is normal for a heading grouping sections: no warning.
    ASSERT_EQ(list.diagnostics.size(), 1u);
    EXPECT_EQ(list.diagnostics[0].line, 20);
    EXPECT_EQ(list.diagnostics[0].message, "section 'Iran (Islamic Republic of Iran)' starts 5 s after 'An Unlikely "
                                           "Target' (YouTube chapters last 10 s or more): merged into it");
    std::vector<std::string> titles;
    for (const Chapter& chapter : list.chapters)
        titles.push_back(formatChapterTime(chapter.startMs, false) + " " + chapter.title);
    EXPECT_EQ(titles, (std::vector<std::string>{"0:00 Intro", "0:52 The Changing Nature of Conflict",
                                                "2:23 An Unlikely Target", "2:50 Albania (Republic of Albania)",
                                                "3:17 Historical context of Iran's international relations",
                                                "6:09 The People's Mojahedin Organization of Iran (MEK)",
                                                "8:53 The Cyber Attacks", "9:10 July 2022 Attack",
                                                "9:52 September 2022 Attack", "10:06 Albania's Response",
                                                "10:51 International Response", "11:41 Broader Implications"}));
    const ExportResult result = exportYouTubeChapters(test::sampleNote(), options);
    ASSERT_TRUE(result.ok());
    const std::vector<Parsed> chapters = parseChapters(result.text, false);
    expectYouTubeRules(chapters, std::nullopt);
    EXPECT_GT(chapters.size(), 6u);
}

TEST(ChaptersTest, NoteWithoutIntroMovesItsFirstSectionToZero)
{
    const Note note = noteFrom("# Talk\n\n## Opening\nA " + cite("00:30") + "\n\n## Middle\nB " + cite("01:00")
                               + "\n\n## End\nC " + cite("02:00") + "\n");
    const ChapterList list = buildChapters(note);
    ASSERT_EQ(list.chapters.size(), 3u);  // "## " is the section level, not the lone "# Talk"
    EXPECT_EQ(list.chapters[0].title, "Opening");
    EXPECT_EQ(list.chapters[0].startMs, 0);
    ASSERT_EQ(list.diagnostics.size(), 1u);
    EXPECT_TRUE(hasMessage(list.diagnostics, Severity::Info, "'Opening' moved from 0:30 to 0:00"));
    EXPECT_EQ(exportYouTubeChapters(note).text, "0:00 Opening\n1:00 Middle\n2:00 End\n");
}

TEST(ChaptersTest, TextUnderATitleHeadingIsTheIntro)
{
    const Note note = noteFrom("# Talk\n\nWelcome " + cite("00:03") + "\n\n## A\nx " + cite("00:30") + "\n\n## B\ny "
                               + cite("01:00") + "\n\n## C\nz " + cite("02:00") + "\n");
    const ExportResult result = exportYouTubeChapters(note);
    EXPECT_EQ(result.text, "0:00 Intro\n0:30 A\n1:00 B\n2:00 C\n");
    EXPECT_TRUE(result.diagnostics.empty());
}

TEST(ChaptersTest, PartHeadingsGroupSectionsAndAreChaptersOnlyWithTextOfTheirOwn)
{
    const Note note = noteFrom("# Part one\n## A\nx " + cite("00:10") + "\n## B\ny " + cite("01:00")
                               + "\n# Part two\nOwn " + cite("02:00") + "\n## C\nz " + cite("03:00") + "\n");
    ChapterOptions options;
    options.level = 2;
    const ChapterList list = buildChapters(note, options);
    std::vector<std::string> titles;
    for (const Chapter& chapter : list.chapters)
        titles.push_back(chapter.title);
    EXPECT_EQ(titles, (std::vector<std::string>{"A", "B", "Part two", "C"}));
    // "Part one" cites nothing before "A": passed over; only A's move to 0:00 is said.
    ASSERT_EQ(list.diagnostics.size(), 1u);
    EXPECT_EQ(list.diagnostics[0].severity, Severity::Info);
}

TEST(ChaptersTest, SectionShorterThanTenSecondsIsMergedIntoThePreviousOne)
{
    const Note note = noteFrom("Intro " + cite("00:05") + "\n\n## A\nx " + cite("00:30") + "\n\n## B\ny "
                               + cite("00:35") + "\n\n## C\nz " + cite("01:00") + "\n");
    const ExportResult result = exportYouTubeChapters(note);
    ASSERT_TRUE(result.ok());
    // B starts 5 s after A: B's text joins chapter A, which lasts until C.
    EXPECT_EQ(result.text, "0:00 Intro\n0:30 A\n1:00 C\n");
    ASSERT_EQ(result.diagnostics.size(), 1u);
    EXPECT_EQ(result.diagnostics[0].line, 6);  // B's heading
    EXPECT_EQ(result.diagnostics[0].message,
              "section 'B' starts 5 s after 'A' (YouTube chapters last 10 s or more): merged into it");
}

TEST(ChaptersTest, SectionInTheFirstTenSecondsJoinsTheFirstChapter)
{
    const Note note = noteFrom("Intro " + cite("00:01") + "\n\n## A\nx " + cite("00:04") + "\n\n## B\ny "
                               + cite("00:40") + "\n\n## C\nz " + cite("01:00") + "\n");
    const ExportResult result = exportYouTubeChapters(note);
    ASSERT_TRUE(result.ok());
    EXPECT_EQ(result.text, "0:00 Intro\n0:40 B\n1:00 C\n");
    EXPECT_TRUE(hasMessage(result.diagnostics, Severity::Warning, "section 'A' starts 4 s after 'Intro'"));
}

TEST(ChaptersTest, LastChapterShorterThanTenSecondsBeforeTheEndIsMerged)
{
    const std::string text = "Intro " + cite("00:05") + "\n\n## A\nx " + cite("00:30") + "\n\n## B\ny " + cite("01:00")
                           + "\n\n## C\nz " + cite("01:30") + "\n";
    // 1:35 long: C would last 5 s. Without the duration, C is kept (it ends 10 s after its citation).
    ChapterOptions options;
    options.durationMs = 95'000;
    EXPECT_EQ(exportYouTubeChapters(noteFrom(text, 95'000), options).text, "0:00 Intro\n0:30 A\n1:00 B\n");
    EXPECT_EQ(exportYouTubeChapters(noteFrom(text)).text, "0:00 Intro\n0:30 A\n1:00 B\n1:30 C\n");
}

TEST(ChaptersTest, SectionsWithoutTimeOrOutOfOrderJoinThePreviousChapter)
{
    const Note note
        = noteFrom("Intro " + cite("00:05") + "\n\n## A\nx " + cite("01:00") + "\n\n## Uncited\nno time\n\n## Back\ny "
                   + cite("00:40") + "\n\n## B\nz " + cite("02:00") + "\n");
    const ChapterList list = buildChapters(note);
    ASSERT_EQ(list.chapters.size(), 3u);
    EXPECT_EQ(list.chapters[2].title, "B");
    EXPECT_TRUE(hasMessage(list.diagnostics, Severity::Warning, "'Uncited' cites no time"));
    EXPECT_TRUE(hasMessage(list.diagnostics, Severity::Warning,
                           "'Back' starts at 0:40, not after the chapter before it: merged into 'A'"));
}

TEST(ChaptersTest, ManySectionsOneSecondApartBecomeChaptersOfTenSeconds)
{
    std::string note = "Intro " + cite("0:00") + "\n";
    for (int i = 1; i <= 100; ++i)
        note += "\n## S" + std::to_string(i) + "\nx "
              + cite(std::to_string(i / 60) + ":" + (i % 60 < 10 ? "0" : "") + std::to_string(i % 60)) + "\n";
    const ExportResult result = exportYouTubeChapters(noteFrom(note));
    ASSERT_TRUE(result.ok());
    const std::vector<Parsed> chapters = parseChapters(result.text, false);
    expectYouTubeRules(chapters, std::nullopt);
    // Every tenth section starts a chapter; the nine after it join it.
    ASSERT_EQ(chapters.size(), 11u) << result.text;
    EXPECT_EQ(chapters[1].title, "S10");
    EXPECT_EQ(chapters[1].seconds, 10);
    EXPECT_EQ(chapters.back().title, "S100");
    EXPECT_EQ(result.diagnostics.size(), 90u);
}

TEST(ChaptersTest, FewerThanThreeChaptersIsAnErrorWithNoText)
{
    const Note note = noteFrom("Intro " + cite("00:05") + "\n\n## Only section\nx " + cite("01:00") + "\n");
    const ExportResult result = exportYouTubeChapters(note);
    EXPECT_FALSE(result.ok());
    EXPECT_TRUE(result.text.empty());
    EXPECT_TRUE(hasMessage(result.diagnostics, Severity::Error,
                           "YouTube needs at least 3 chapters of 10 s or more; this note gives 2"));

    const ExportResult none = exportYouTubeChapters(noteFrom("# Nothing cited\n\nText.\n"));
    EXPECT_FALSE(none.ok());
    EXPECT_TRUE(hasMessage(none.diagnostics, Severity::Error, "no citation with a usable time"));
}

TEST(ChaptersTest, HourLongVideoWritesHoursInEveryChapter)
{
    const std::string text
        = "Intro " + cite("00:00:05") + "\n\n## A\nx " + cite("00:30:00") + "\n\n## B\ny " + cite("01:02:03") + "\n";
    ChapterOptions options;
    options.durationMs = 4'000'000;
    const ExportResult result = exportYouTubeChapters(noteFrom(text, 4'000'000), options);
    ASSERT_TRUE(result.ok());
    EXPECT_EQ(result.text, "0:00:00 Intro\n0:30:00 A\n1:02:03 B\n");
    expectYouTubeRules(parseChapters(result.text, true), 4000);
}

TEST(ChaptersTest, CitationsPastTheEndGiveNoChapter)
{
    const std::string text = "Intro " + cite("00:05") + "\n\n## A\nx " + cite("00:30") + "\n\n## B\ny " + cite("01:00")
                           + "\n\n## Late\nz " + cite("09:00") + "\n";
    ChapterOptions options;
    options.durationMs = 120'000;
    const ChapterList list = buildChapters(noteFrom(text, 120'000), options);
    ASSERT_EQ(list.chapters.size(), 3u);
    EXPECT_EQ(list.chapters.back().title, "B");
    EXPECT_EQ(list.endMs, 120'000);
    EXPECT_TRUE(list.endIsDuration);
}

TEST(ChaptersTest, FormatsTimesAsYouTubeReadsThem)
{
    EXPECT_EQ(formatChapterTime(0, false), "0:00");
    EXPECT_EQ(formatChapterTime(71'999, false), "1:11");
    EXPECT_EQ(formatChapterTime(797'000, false), "13:17");
    EXPECT_EQ(formatChapterTime(0, true), "0:00:00");
    EXPECT_EQ(formatChapterTime(3'723'000, true), "1:02:03");
}

}  // namespace
}  // namespace scholia
