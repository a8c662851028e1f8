#include "timestamp/TimestampResolver.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cstdint>
#include <optional>
#include <sstream>
#include <string>
#include <vector>

using namespace scholia;

namespace {

constexpr std::int64_t kMinute = 60'000;
constexpr std::int64_t kHour = 60 * kMinute;

std::vector<std::string> words(const std::string& text)
{
    std::istringstream in(text);
    std::vector<std::string> out;
    for (std::string w; in >> w;)
        out.push_back(w);
    return out;
}

std::vector<Resolution> resolveWritten(const std::string& stamps, std::optional<std::int64_t> durationMs)
{
    std::vector<std::optional<TimestampText>> texts;
    for (const std::string& w : words(stamps))
        texts.push_back(parseTimestampText(w));
    return resolveTimestampSequence(texts, durationMs);
}

// The resolved times as clocks, "*" marking a reinterpreted one: easy to read in a failure.
std::string clocks(const std::vector<Resolution>& resolutions)
{
    std::string out;
    for (const Resolution& r : resolutions) {
        if (!out.empty())
            out += ' ';
        out += r.ms ? formatClock(*r.ms) : std::string("-");
        if (r.reinterpreted)
            out += '*';
    }
    return out;
}

struct SequenceCase {
    std::string name;
    std::string stamps;                    // as written in a note, in note order
    std::optional<std::int64_t> duration;  // the video's, when known
    std::string expected;                  // clocks; '*' = reinterpreted
};

// Made-up sequences with the shapes measured in real notes (docs/timestamps.md).
const std::vector<SequenceCase> kSequences = {
    {"MmSsAfterAnHmsOpening_NoDuration",
     "00:00:05 00:00:31 00:00:48 01:02:04 01:40:01 02:15:00 03:50:00 05:12:00 07:45:00 09:30:00 10:20:00 "
     "11:58:00 12:40:00",
     std::nullopt, "0:05 0:31 0:48 1:02* 1:40* 2:15* 3:50* 5:12* 7:45* 9:30* 10:20* 11:58* 12:40*"},
    {"MmSsAfterAnHmsOpening_ShortVideo",
     "00:00:05 00:00:31 00:00:48 01:02:04 01:40:01 02:15:00 03:50:00 05:12:00 07:45:00 09:30:00 10:20:00 "
     "11:58:00 12:40:00",
     13 * kMinute, "0:05 0:31 0:48 1:02* 1:40* 2:15* 3:50* 5:12* 7:45* 9:30* 10:20* 11:58* 12:40*"},
    {"MmSs00JumpingAround_NoDuration",
     "18:40:00 16:02:00 16:45:00 17:20:00 19:05:00 21:30:00 38:15:00 24:10:00 25:55:00 20:40:00 22:05:00", std::nullopt,
     "18:40* 16:02* 16:45* 17:20* 19:05* 21:30* 38:15* 24:10* 25:55* 20:40* 22:05*"},
    {"MmSs00ThenRealHours_NoDuration",
     "01:00:00 03:15:00 09:40:00 12:20:00 47:30:00 51:10:00 53:45:00 01:12:40 01:14:05", std::nullopt,
     "1:00* 3:15* 9:40* 12:20* 47:30* 51:10* 53:45* 1:12:40 1:14:05"},
    {"MmSs00ThenRealHours_KnownDuration",
     "01:00:00 03:15:00 09:40:00 12:20:00 47:30:00 51:10:00 53:45:00 01:12:40 01:14:05", 80 * kMinute,
     "1:00* 3:15* 9:40* 12:20* 47:30* 51:10* 53:45* 1:12:40 1:14:05"},
    {"CleanPodcastJumpingBackByMinutes_NoDuration",
     "00:02:10 00:15:42 00:41:08 00:57:30 01:03:26 01:06:12 01:01:49 01:09:55 00:48:20 01:15:03", std::nullopt,
     "2:10 15:42 41:08 57:30 1:03:26 1:06:12 1:01:49 1:09:55 48:20 1:15:03"},
    {"CleanPodcast_LongVideo", "00:12:30 00:45:10 01:11:11 01:30:45 01:24:02 02:05:33", 3 * kHour,
     "12:30 45:10 1:11:11 1:30:45 1:24:02 2:05:33"},
    {"CleanPodcastInHoursOnly_NoDuration", "01:04:26 01:05:22 01:01:58 01:02:06 01:03:42 01:04:40", std::nullopt,
     "1:04:26 1:05:22 1:01:58 1:02:06 1:03:42 1:04:40"},
    {"FourFieldsDropTheLast", "00:58:10 01:00:03:00 01:00:54:00 02:02:22:00", std::nullopt,
     "58:10 1:00:03* 1:00:54* 2:02:22*"},
    {"LastFieldOver59IsNotSeconds", "04:37:60 05:35:86 11:31:94 04:47:35", std::nullopt, "4:37* 5:35* 11:31* 4:47*"},
    {"AloneAmbiguousStampReadsLiterally", "01:11:11", std::nullopt, "1:11:11"},
    {"AloneRoundStampReadsLiterally", "02:30:00", std::nullopt, "2:30:00"},
    {"AloneRoundStampOfManyHoursIsMinutes",  // a 5 h video is rarer than a MM:SS:00 note
     "05:12:00", std::nullopt, "5:12*"},
    {"AloneStampOfTenHoursIsMinutes", "10:06:30", std::nullopt, "10:06*"},
    {"AloneStampOfTenHoursInALongVideo", "10:06:30", 11 * kHour, "10:06:30"},
    {"OneAndTwoFields", "95 14:12 75:30 13:99", std::nullopt, "1:35 14:12 1:15:30 14:39"},
    {"HoursZeroHasOnlyTheLiteralReading", "00:52:00 00:03:00", std::nullopt, "52:00 3:00"},
    {"UnreadableStampsAreSkipped", "00:01:00 HH:MM:SS 01:11:00 abc 09:00:00 13:17:00", std::nullopt,
     "1:00 - 1:11* - 9:00* 13:17*"},
    {"PastTheEndKeepsTheEarliestReading", "00:05:00 25:00:00 14:10", 820'000, "5:00 25:00* 14:10"},
    {"ZeroDurationMeansUnknown", "00:00:05 01:11:11 10:06:00 13:17:00", 0, "0:05 1:11* 10:06* 13:17*"},
    {"EmptyNote", "", std::nullopt, ""},
};

TEST(ResolveTimestampSequence, ChoosesReadingsForTheWholeNote)
{
    for (const SequenceCase& c : kSequences) {
        SCOPED_TRACE(c.name);
        const std::vector<Resolution> r = resolveWritten(c.stamps, c.duration);
        ASSERT_EQ(r.size(), words(c.stamps).size());
        EXPECT_EQ(clocks(r), c.expected);
    }
}

TEST(ResolveTimestampSequence, SaysWhyInWords)
{
    struct Case {
        std::string stamps;
        std::optional<std::int64_t> duration;
        std::size_t index;
        std::string explanation;
    };
    const std::vector<Case> table = {
        {"00:00:52 01:11:11 13:17:00", std::nullopt, 1, "01:11:11 read as 1:11 (MM:SS, last field dropped)"},
        {"01:00:03:00", std::nullopt, 0, "01:00:03:00 read as 1:00:03 (last field dropped)"},
        {"13:99", std::nullopt, 0, "13:99 read as 14:39"},
        {"00:75:00", std::nullopt, 0, "00:75:00 read as 1:15:00"},
        {"05:4:00 13:17:00", std::nullopt, 0, "05:04:00 read as 5:04 (MM:SS, last field dropped)"},
        {"14:10", 820'000, 0, "14:10 is past the end of the video (13:40)"},
        {"25:00:00", 820'000, 0,
         "25:00:00 read as 25:00 (MM:SS, last field dropped), past the end of the video (13:40)"},
        {"00:00:52", std::nullopt, 0, ""},
        {"01:11:11", 3 * kHour, 0, ""},
    };
    for (const Case& c : table) {
        SCOPED_TRACE(c.stamps);
        const std::vector<Resolution> r = resolveWritten(c.stamps, c.duration);
        ASSERT_LT(c.index, r.size());
        EXPECT_EQ(r[c.index].explanation, c.explanation);
    }
}

TEST(ResolveTimestampSequence, MarksReadingAndFlags)
{
    const std::vector<Resolution> r = resolveWritten("00:00:52 01:11:11 01:00:03:00 13:99 25:00:00", 820'000);
    ASSERT_EQ(r.size(), 5u);
    EXPECT_EQ(r[0].reading, Reading::Literal);
    EXPECT_FALSE(r[0].reinterpreted);
    EXPECT_EQ(r[1].reading, Reading::MinutesSeconds);
    EXPECT_TRUE(r[1].reinterpreted);
    EXPECT_EQ(r[1].ms, 71'000);
    EXPECT_EQ(r[2].reading, Reading::HoursMinutesSeconds);
    EXPECT_TRUE(r[2].pastEnd);                  // 1:00:03 in a 13:40 video
    EXPECT_EQ(r[3].reading, Reading::Literal);  // carried, but still the literal reading
    EXPECT_FALSE(r[3].reinterpreted);
    EXPECT_EQ(r[3].ms, 879'000);
    EXPECT_TRUE(r[3].pastEnd);
    EXPECT_TRUE(r[4].pastEnd);
    EXPECT_EQ(r[4].ms, 25 * kMinute);
}

TEST(ResolveTimestampSequence, KeepsFractionsOnlyOnTheLiteralReading)
{
    const std::vector<Resolution> r = resolveWritten("0:25:23.5 01:11:11.250", std::nullopt);
    ASSERT_EQ(r.size(), 2u);
    EXPECT_EQ(r[0].ms, 1'523'500);
    EXPECT_EQ(r[1].ms, kHour + 11 * kMinute + 11'250);
}

TEST(ResolveTimestampSequence, DurationToleratesRounding)
{
    // A player that rounds 13:40.4 down to 13:40 must not make the last second "past the end".
    const std::vector<Resolution> r = resolveWritten("13:40 13:41 13:42", 820'000);
    ASSERT_EQ(r.size(), 3u);
    EXPECT_FALSE(r[0].pastEnd);
    EXPECT_FALSE(r[1].pastEnd);
    EXPECT_TRUE(r[2].pastEnd);
}

TEST(ResolveTimestampSequence, HugeFieldsStayDefined)
{
    const std::vector<Resolution> r = resolveWritten("999999999:59:59 999999999:00:00:99 999999999", std::nullopt);
    ASSERT_EQ(r.size(), 3u);
    for (const Resolution& x : r) {
        ASSERT_TRUE(x.ms.has_value());
        EXPECT_GT(*x.ms, 0);
    }
}

TEST(ResolveTimestampSequence, LongNotesResolveWhole)
{
    // 20k stamps 01:00:00 ... 13:59:00 over and over, in a 13:40 video.
    std::vector<std::optional<TimestampText>> texts;
    for (int i = 0; i < 20'000; ++i)
        texts.push_back(TimestampText{{1 + i / 60 % 13, i % 60, 0}, 0, {}});
    const std::vector<Resolution> r = resolveTimestampSequence(texts, 820'000);
    ASSERT_EQ(r.size(), texts.size());
    for (std::size_t i = 0; i < r.size(); ++i) {
        const auto n = static_cast<std::int64_t>(i);
        const std::int64_t expected = (1 + n / 60 % 13) * kMinute + n % 60 * 1000;
        ASSERT_EQ(r[i].ms, expected) << i;
        ASSERT_EQ(r[i].pastEnd, expected > 820'000 + 1000) << i;
    }
}

}  // namespace
