#include "timestamp/Timestamp.h"

#include <gtest/gtest.h>

#include <cstdint>
#include <random>
#include <string>
#include <vector>

using namespace scholia;

namespace {

struct ParseCase {
    std::string text;
    TimeFields fields;
    int millis;
    bool odd;  // expects at least one oddity recorded
};

// Every shape measured in real notes, plus the damage that broken markup leaves.
const std::vector<ParseCase> kReadable = {
    {"00:00:09", {0, 0, 9}, 0, false},
    {"01:11:11", {1, 11, 11}, 0, false},
    {"0:25:23", {0, 25, 23}, 0, false},
    {"2:39:34", {2, 39, 34}, 0, false},
    {"14:12", {14, 12}, 0, false},
    {"42", {42}, 0, false},
    {"01:00:03:00", {1, 0, 3, 0}, 0, false},
    {"04:37:60", {4, 37, 60}, 0, false},  // >= 60 is the resolver's business
    {"25:48:98", {25, 48, 98}, 0, false},
    {"  01:11:11 ", {1, 11, 11}, 0, false},
    {"0:25:23.5", {0, 25, 23}, 500, false},
    {"0:25:23,25", {0, 25, 23}, 250, false},
    {"13:17.045", {13, 17}, 45, false},
    {"59:56:", {59, 56}, 0, true},
    {"01:03:07:", {1, 3, 7}, 0, true},
    {"02:02:22:00:", {2, 2, 22, 0}, 0, true},
    {"05:4:00", {5, 4, 0}, 0, true},
    {"[01:11:11]", {1, 11, 11}, 0, true},
    {"00:00:59]", {0, 0, 59}, 0, true},
    {"[ 13:17 ]", {13, 17}, 0, true},
    {"01 : 11 : 11", {1, 11, 11}, 0, true},
    {"1h2m3s", {1, 2, 3}, 0, true},
    {"01.11.11", {1, 11, 11}, 0, true},
    {":12:30", {12, 30}, 0, true},
    {"12::30", {12, 30}, 0, true},
    {"~12:30", {12, 30}, 0, true},
    {"1:02:03.123456", {1, 2, 3}, 123, true},
    {".5", {0}, 500, true},
};

TEST(ParseTimestampText, ReadsEveryShapeSeenInRealNotes)
{
    for (const ParseCase& c : kReadable) {
        SCOPED_TRACE("text: \"" + c.text + "\"");
        const std::optional<TimestampText> t = parseTimestampText(c.text);
        ASSERT_TRUE(t.has_value());
        EXPECT_EQ(t->fields, c.fields);
        EXPECT_EQ(t->millis, c.millis);
        EXPECT_EQ(!t->oddities.empty(), c.odd);
    }
}

TEST(ParseTimestampText, NamesWhatWasOdd)
{
    const auto contains = [](const std::vector<std::string>& oddities, const std::string& word) {
        for (const std::string& o : oddities)
            if (o.find(word) != std::string::npos)
                return true;
        return false;
    };
    EXPECT_TRUE(contains(parseTimestampText("59:56:")->oddities, "trailing ':'"));
    EXPECT_TRUE(contains(parseTimestampText("[01:11:11]")->oddities, "brackets"));
    EXPECT_TRUE(contains(parseTimestampText("00:00:59]")->oddities, "']'"));
    EXPECT_TRUE(contains(parseTimestampText("05:4:00")->oddities, "1-digit"));
    EXPECT_TRUE(contains(parseTimestampText("1h2m3s")->oddities, "hms"));
}

TEST(ParseTimestampText, RefusesTextWithNoTime)
{
    const std::vector<std::string> unreadable = {
        "",
        "   ",
        "HH:MM:SS",
        ":",
        "::",
        "abc",
        "[]",
        "[",
        "-",
        ".",
        "1:2:3:4:5",                      // five fields: no reading of them is credible
        "12345678901:00",                 // a field no one meant
        "99999999999999999999999:00:00",  // would overflow any integer type
    };
    for (const std::string& text : unreadable) {
        SCOPED_TRACE("text: \"" + text + "\"");
        EXPECT_FALSE(parseTimestampText(text).has_value());
    }
}

TEST(ParseTimestampText, LeadingZerosDoNotCountTowardsOverflow)
{
    const std::optional<TimestampText> t = parseTimestampText("0000000000000000000000012:30");
    ASSERT_TRUE(t.has_value());
    EXPECT_EQ(t->fields, (TimeFields{12, 30}));
}

// Whatever bytes arrive (attributes can hold anything), the result keeps its invariants.
TEST(ParseTimestampText, ArbitraryBytesKeepTheInvariants)
{
    std::mt19937 random(20240607);
    const std::string alphabet = "0123456789::::..,, []hms\t-x\xC3\xA9";
    std::uniform_int_distribution<std::size_t> pick(0, alphabet.size() - 1);
    std::uniform_int_distribution<int> length(0, 24);
    int readable = 0;
    for (int round = 0; round < 5000; ++round) {
        std::string text;
        for (int i = length(random); i > 0; --i)
            text += alphabet[pick(random)];
        const std::optional<TimestampText> t = parseTimestampText(text);
        if (!t)
            continue;
        ++readable;
        ASSERT_GE(t->fields.size(), 1u) << text;
        ASSERT_LE(t->fields.size(), 4u) << text;
        ASSERT_GE(t->millis, 0) << text;
        ASSERT_LE(t->millis, 999) << text;
        for (const std::int64_t f : t->fields) {
            ASSERT_GE(f, 0) << text;
            ASSERT_LT(f, 1'000'000'000) << text;
        }
    }
    EXPECT_GT(readable, 100);  // the generator does produce times, so the loop tested something
}

TEST(FormatClock, ShowsHoursOnlyWhenNeeded)
{
    const std::vector<std::pair<std::int64_t, std::string>> table = {
        {0, "0:00"},
        {999, "0:00"},
        {9'000, "0:09"},
        {59'999, "0:59"},
        {71'000, "1:11"},
        {797'000, "13:17"},
        {3'599'000, "59:59"},
        {3'600'000, "1:00:00"},
        {3'723'000, "1:02:03"},
        {36'000'000 * 10, "100:00:00"},
        {-5, "0:00"},
        {-3'600'000, "0:00"},
    };
    for (const auto& [ms, text] : table)
        EXPECT_EQ(formatClock(ms), text) << ms;
}

}  // namespace
