#include "transcript/Transcript.h"

#include "transcript/CueText.h"
#include "transcript/RollingCaptions.h"
#include "transcript/TranscriptFiles.h"
#include "transcript/TranscriptLookup.h"

#include "support/TempFolder.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <atomic>
#include <filesystem>
#include <fstream>
#include <optional>
#include <random>
#include <sstream>
#include <string>
#include <vector>

namespace scholia {
namespace {
namespace fs = std::filesystem;

const fs::path kTranscripts = fs::path(SCHOLIA_TEST_DATA_DIR) / "transcripts";

std::string readFile(const fs::path& path)
{
    std::ifstream in(path, std::ios::binary);
    std::ostringstream out;
    out << in.rdbuf();
    return out.str();
}

std::string replaceAll(std::string text, std::string_view from, std::string_view to)
{
    for (std::size_t pos = 0; (pos = text.find(from, pos)) != std::string::npos; pos += to.size())
        text.replace(pos, from.size(), to);
    return text;
}

std::string repeat(std::string_view piece, std::size_t times)
{
    std::string out;
    out.reserve(piece.size() * times);
    for (std::size_t i = 0; i < times; ++i)
        out += piece;
    return out;
}

std::vector<std::int64_t> starts(const Transcript& transcript)
{
    std::vector<std::int64_t> out;
    for (const Cue& cue : transcript.cues)
        out.push_back(cue.startMs);
    return out;
}

std::vector<std::string> texts(const Transcript& transcript)
{
    std::vector<std::string> out;
    for (const Cue& cue : transcript.cues)
        out.push_back(cue.text);
    return out;
}

std::string describe(const std::vector<Diagnostic>& diagnostics)
{
    std::string out;
    for (const Diagnostic& d : diagnostics)
        out += std::to_string(d.line) + ":" + std::to_string(d.column) + ": " + std::string(severityName(d.severity))
             + ": " + d.message + "\n";
    return out;
}

// ---------------------------------------------------------------------------------------------
// Cue text

struct CueLineCase {
    const char* raw;
    const char* text;
    bool timed;
};

class CueLineTest : public ::testing::TestWithParam<CueLineCase> { };

TEST_P(CueLineTest, CleansToPlainText)
{
    const CueLineCase& c = GetParam();
    const CueLineText clean = cleanCueLine(c.raw);
    EXPECT_EQ(clean.text, c.text) << "raw: " << c.raw;
    EXPECT_EQ(clean.timed, c.timed) << "raw: " << c.raw;
}

INSTANTIATE_TEST_SUITE_P(
    Tags, CueLineTest,
    ::testing::Values(CueLineCase{"plain words", "plain words", false},
                      CueLineCase{"<i>italic</i> and <b>bold</b> and <u>under</u>", "italic and bold and under", false},
                      CueLineCase{"<v Speaker Name>Hi there</v>", "Hi there", false},
                      CueLineCase{"<v.loud Ben>Hi", "Hi", false},
                      CueLineCase{"<c.colorE5E5E5>grey</c> <lang en>words</lang>", "grey words", false},
                      CueLineCase{"hello<00:00:00.480><c> world</c><00:00:01.040><c> this</c>", "hello world this",
                                  true},
                      CueLineCase{"<00:01.520>word", "word", true},
                      CueLineCase{"<font color=\"#ffff00\">Hello</font> there", "Hello there", false},
                      CueLineCase{"{\\an8}On top", "On top", false},
                      CueLineCase{"line<br>break<BR/>again<br />end", "line break again end", false},
                      CueLineCase{"x < y and y > z", "x < y and y > z", false}, CueLineCase{"a <3 b", "a <3 b", false},
                      CueLineCase{"<<<<", "<<<<", false}, CueLineCase{"<>empty<", "<>empty<", false},
                      CueLineCase{"a <b <i>c</i>", "a <b c", false},
                      CueLineCase{"{not a tag} {\\unclosed", "{not a tag} {\\unclosed", false}));

INSTANTIATE_TEST_SUITE_P(
    Entities, CueLineTest,
    ::testing::Values(CueLineCase{"Tom &amp; Jerry", "Tom & Jerry", false},
                      CueLineCase{"&lt;i&gt; stays text", "<i> stays text", false},
                      CueLineCase{"&quot;q&quot; &apos;a&apos; &#39;n&#x27; &#X27;", "\"q\" 'a' 'n' '", false},
                      CueLineCase{"a&nbsp;&nbsp;b", "a b", false},
                      CueLineCase{"a\xC2\xA0\xC2\xA0"
                                  "b",
                                  "a b", false},
                      CueLineCase{"&ndash;&mdash;&hellip;&lsquo;&rsquo;&ldquo;&rdquo;",
                                  "\u2013\u2014\u2026\u2018\u2019\u201C\u201D", false},
                      CueLineCase{"&lrm;&rlm;", "\u200E\u200F", false},
                      CueLineCase{"&#233;t&#xE9; &#x1F600;", "\u00E9t\u00E9 \U0001F600", false},
                      CueLineCase{"&#0; &#xD800; &#x110000; &#99999999999999;", "\uFFFD \uFFFD \uFFFD \uFFFD", false},
                      CueLineCase{"&unknown; & alone &#; &#x; &amp", "&unknown; & alone &#; &#x; &amp", false}));

INSTANTIATE_TEST_SUITE_P(Whitespace, CueLineTest,
                         ::testing::Values(CueLineCase{"", "", false}, CueLineCase{" ", "", false},
                                           CueLineCase{"  spaced \t out  ", "spaced out", false},
                                           CueLineCase{"<i> </i>", "", false},
                                           CueLineCase{"word<c> </c>", "word", false}));

// ---------------------------------------------------------------------------------------------
// Timings

struct TimingCase {
    const char* timing;
    std::int64_t startMs;
    std::int64_t endMs;
};

class TimingTest : public ::testing::TestWithParam<TimingCase> { };

TEST_P(TimingTest, ReadsInBothFormats)
{
    const TimingCase& c = GetParam();
    for (const std::string& text :
         {"WEBVTT\n\n" + std::string(c.timing) + "\nwords\n", "1\n" + std::string(c.timing) + "\nwords\n"}) {
        const Transcript transcript = parseTranscript(text);
        ASSERT_EQ(transcript.cues.size(), 1u) << text << describe(transcript.diagnostics);
        EXPECT_EQ(transcript.cues[0].startMs, c.startMs) << text;
        EXPECT_EQ(transcript.cues[0].endMs, c.endMs) << text;
        EXPECT_EQ(transcript.cues[0].text, "words");
        EXPECT_TRUE(transcript.diagnostics.empty()) << describe(transcript.diagnostics);
    }
}

INSTANTIATE_TEST_SUITE_P(Forms, TimingTest,
                         ::testing::Values(TimingCase{"00:01.000 --> 00:04.000", 1000, 4000},
                                           TimingCase{"00:00:01.000 --> 00:00:04.000", 1000, 4000},
                                           TimingCase{"00:00:01,000 --> 00:00:04,500", 1000, 4500},
                                           TimingCase{"00:01,250 --> 00:00:02.750", 1250, 2750},
                                           TimingCase{"1:02:03.004 --> 1:02:04.5", 3723004, 3724500},
                                           TimingCase{"00:01.000-->00:02.000", 1000, 2000},
                                           TimingCase{"  00:01.000\t-->\t00:02.000  ", 1000, 2000},
                                           TimingCase{"00:01.000 --> 00:02.000 align:start position:0%", 1000, 2000},
                                           TimingCase{"00:01.000 --> 00:02.000 X1:100 X2:200 Y1:10 Y2:20", 1000, 2000},
                                           TimingCase{"00:00:01 --> 00:00:02", 1000, 2000},
                                           TimingCase{"00:01.1239 --> 00:02.99", 1123, 2990},
                                           TimingCase{"75:00.000 --> 75:01.000", 4500000, 4501000},
                                           TimingCase{"100:00:00.000 --> 100:00:01.000", 360000000, 360001000}));

struct BadTimingCase {
    const char* timing;
    int column;
};

class BadTimingTest : public ::testing::TestWithParam<BadTimingCase> { };

TEST_P(BadTimingTest, IsAnErrorAtItsColumnAndTheNextCueIsStillRead)
{
    const BadTimingCase& c = GetParam();
    const std::string text = "WEBVTT\n\n" + std::string(c.timing) + "\nlost words\n\n00:05.000 --> 00:06.000\nkept\n";
    const Transcript transcript = parseWebVtt(text);
    EXPECT_EQ(texts(transcript), std::vector<std::string>{"kept"});
    ASSERT_EQ(transcript.diagnostics.size(), 1u) << describe(transcript.diagnostics);
    const Diagnostic& d = transcript.diagnostics[0];
    EXPECT_EQ(d.line, 3);
    EXPECT_EQ(d.column, c.column) << d.message;
    EXPECT_EQ(d.severity, Severity::Error);
    EXPECT_NE(d.message.find("bad timing line"), std::string::npos) << d.message;
}

INSTANTIATE_TEST_SUITE_P(
    Forms, BadTimingTest,
    ::testing::Values(BadTimingCase{"00:0x.000 --> 00:02.000", 5}, BadTimingCase{"--> 00:02.000", 1},
                      BadTimingCase{"  nonsense --> 00:02.000", 3}, BadTimingCase{"00:01.000 -->", 14},
                      BadTimingCase{"00:01.000 --> soon", 15}, BadTimingCase{"00:01.000 --> 00:02.000abc", 24},
                      BadTimingCase{"00:01.000 00:02.000 --> 00:03.000", 11},
                      BadTimingCase{"00:00:00:01.000 --> 00:00:02.000", 1}, BadTimingCase{"1. --> 00:02.000", 1},
                      BadTimingCase{"00:01. --> 00:02.000", 1}, BadTimingCase{"0000000000:00.000 --> 00:01.000", 1},
                      BadTimingCase{"00:01.000 --> 00:", 15}));

// ---------------------------------------------------------------------------------------------
// Files as they come: line ends, BOM, format sniffing, whole fixtures

TEST(TranscriptParse, LineEndsAndBomDoNotChangeCuesOrLines)
{
    const std::string lf
        = "WEBVTT\n\n1\n00:01.000 --> 00:02.000\nfirst line\nsecond line\n\n00:03.000 --> 00:04.000\nthird\n";
    const Transcript expected = parseTranscript(lf);
    ASSERT_EQ(expected.cues.size(), 2u);
    EXPECT_EQ(expected.cues[0], (Cue{1000, 2000, "first line\nsecond line", 4}));
    EXPECT_EQ(expected.cues[1], (Cue{3000, 4000, "third", 8}));
    for (const std::string ending : {"\r\n", "\r"}) {
        for (const std::string bom : {"", "\xEF\xBB\xBF"}) {
            const Transcript transcript = parseTranscript(bom + replaceAll(lf, "\n", ending));
            EXPECT_EQ(transcript.cues, expected.cues)
                << "ending " << (ending.size() == 2 ? "CRLF" : "CR") << " bom " << bom.size();
            EXPECT_EQ(transcript.format, TranscriptFormat::WebVtt);
            EXPECT_TRUE(transcript.diagnostics.empty()) << describe(transcript.diagnostics);
        }
    }
}

TEST(TranscriptParse, SniffsTheFormatFromTheFirstLine)
{
    struct Case {
        std::string text;
        TranscriptFormat format;
    };
    const std::vector<Case> cases = {
        {"WEBVTT\n\n00:01.000 --> 00:02.000\nx\n", TranscriptFormat::WebVtt},
        {"\xEF\xBB\xBFWEBVTT\r\n\r\n00:01.000 --> 00:02.000\r\nx\r\n", TranscriptFormat::WebVtt},
        {"WEBVTT - with a title\n\n00:01.000 --> 00:02.000\nx\n", TranscriptFormat::WebVtt},
        {"\n\nWEBVTT\n\n00:01.000 --> 00:02.000\nx\n", TranscriptFormat::WebVtt},
        {"1\n00:00:01,000 --> 00:00:02,000\nx\n", TranscriptFormat::Srt},
        {"00:00:01,000 --> 00:00:02,000\nx\n", TranscriptFormat::Srt},
        {"WEBVTTX\n\n00:01.000 --> 00:02.000\nx\n", TranscriptFormat::Srt},
    };
    for (const Case& c : cases) {
        const Transcript transcript = parseTranscript(c.text);
        EXPECT_EQ(transcript.format, c.format) << c.text;
        EXPECT_EQ(texts(transcript), std::vector<std::string>{"x"}) << c.text;
    }
}

TEST(TranscriptParse, HandWrittenWebVttWithEveryKindOfBlock)
{
    const Transcript transcript = parseTranscript(readFile(kTranscripts / "lecture.vtt"));
    EXPECT_EQ(transcript.format, TranscriptFormat::WebVtt);
    EXPECT_TRUE(transcript.diagnostics.empty()) << describe(transcript.diagnostics);
    EXPECT_FALSE(transcript.collapsedRolling);
    const std::vector<Cue> expected = {
        {1000, 4000, "Welcome to the lecture.", 17},
        {4500, 7250, "Tom & Jerry <3 \"classic\"\nsecond line", 21},
        {7250, 9000, "It's spaced\u2019 out", 25},
        {3600000, 3602000, "An hour in.", 30},
    };
    EXPECT_EQ(transcript.cues, expected);
}

TEST(TranscriptParse, SrtWithNumbersFontTagsAndCoordinates)
{
    const Transcript transcript = parseTranscript(readFile(kTranscripts / "lecture.srt"));
    EXPECT_EQ(transcript.format, TranscriptFormat::Srt);
    EXPECT_TRUE(transcript.diagnostics.empty()) << describe(transcript.diagnostics);
    const std::vector<Cue> expected = {
        {1000, 3500, "Hello there,\ngeneral Kenobi!", 2},
        {4000, 6000, "Tom & Jerry", 7},
        {62345, 65000, "Coordinates after the timing (an old SRT extension).", 11},
    };
    EXPECT_EQ(transcript.cues, expected);
}

TEST(TranscriptParse, SrtSeparatorLinesMayHoldSpaces)
{
    const Transcript transcript
        = parseSrt("1\n00:00:01,000 --> 00:00:02,000\na\n  \t\n2\n00:00:03,000 --> 00:00:04,000\nb\n");
    EXPECT_EQ(texts(transcript), (std::vector<std::string>{"a", "b"}));
    EXPECT_TRUE(transcript.diagnostics.empty()) << describe(transcript.diagnostics);
}

TEST(TranscriptParse, CuesWithNoTextLeftAreDropped)
{
    const Transcript transcript = parseWebVtt(
        "WEBVTT\n\n00:01.000 --> 00:02.000\n<i> </i>\n\n00:03.000 --> 00:04.000\n\n00:05.000 --> 00:06.000\nsaid\n");
    EXPECT_EQ(starts(transcript), std::vector<std::int64_t>{5000});
}

// ---------------------------------------------------------------------------------------------
// Malformed input: diagnostics with lines, never a crash

struct ExpectedDiagnostic {
    int line;
    Severity severity;
    const char* says;  // a part of the message
};

struct MalformedCase {
    const char* name;
    std::string text;
    std::vector<std::int64_t> starts;
    std::vector<std::string> texts;
    std::vector<ExpectedDiagnostic> diagnostics;
};

class MalformedTest : public ::testing::TestWithParam<MalformedCase> { };

TEST_P(MalformedTest, ReadsWhatItCanAndSaysWhere)
{
    const MalformedCase& c = GetParam();
    const Transcript transcript = parseTranscript(c.text);
    EXPECT_EQ(starts(transcript), c.starts);
    EXPECT_EQ(texts(transcript), c.texts);
    ASSERT_EQ(transcript.diagnostics.size(), c.diagnostics.size()) << describe(transcript.diagnostics);
    for (std::size_t i = 0; i < c.diagnostics.size(); ++i) {
        const Diagnostic& d = transcript.diagnostics[i];
        EXPECT_EQ(d.line, c.diagnostics[i].line) << d.message;
        EXPECT_EQ(d.severity, c.diagnostics[i].severity) << d.message;
        EXPECT_NE(d.message.find(c.diagnostics[i].says), std::string::npos) << d.message;
    }
}

INSTANTIATE_TEST_SUITE_P(
    Cases, MalformedTest,
    ::testing::Values(
        MalformedCase{"EndBeforeStart",
                      "1\n00:00:06,000 --> 00:00:05,000\nBackwards.\n",
                      {6000},
                      {"Backwards."},
                      {{2, Severity::Warning, "before it starts"}}},
        MalformedCase{"OutOfOrderCuesAreSorted",
                      "1\n00:00:05,000 --> 00:00:06,000\nsecond\n\n2\n00:00:01,000 --> 00:00:02,000\nfirst\n\n"
                      "3\n00:00:05,000 --> 00:00:07,000\nthird\n",
                      {1000, 5000, 5000},
                      {"first", "second", "third"},
                      {{6, Severity::Warning, "before the cue above"}}},
        MalformedCase{"SrtMissingBlankLineBeforeNumber",
                      "1\n00:00:01,000 --> 00:00:02,000\none\n2\n00:00:03,000 --> 00:00:04,000\ntwo\n",
                      {1000, 3000},
                      {"one", "two"},
                      {{4, Severity::Warning, "missing blank line"}}},
        MalformedCase{"VttMissingBlankLineBeforeTiming",
                      "WEBVTT\n\n00:01.000 --> 00:02.000\none\n00:03.000 --> 00:04.000\ntwo\n",
                      {1000, 3000},
                      {"one", "two"},
                      {{5, Severity::Warning, "missing blank line"}}},
        MalformedCase{"VttMissingBlankLineAfterHeader",
                      "WEBVTT\n00:01.000 --> 00:02.000\none\n",
                      {1000},
                      {"one"},
                      {{2, Severity::Warning, "after the WEBVTT header"}}},
        MalformedCase{"VttMissingHeader",
                      "00:01.000 --> 00:02.000\none\n",
                      {1000},
                      {"one"},
                      {}},  // read as SRT, which allows this; parseWebVtt() would warn (below)
        MalformedCase{"GarbageBeforeTheFirstCue",
                      "this is not a subtitle file\nat all\n\n1\n00:00:01,000 --> 00:00:02,000\none\n",
                      {1000},
                      {"one"},
                      {{1, Severity::Warning, "ignored text outside any cue: \"this is not a subtitle file\""}}},
        MalformedCase{"LongGarbageIsQuotedShortOnACharacterBoundary",
                      std::string("a") + repeat("\u00e9", 30) + "\n\n1\n00:00:01,000 --> 00:00:02,000\none\n",
                      {1000},
                      {"one"},
                      {{1, Severity::Warning,
                        "outside any cue: \"a\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9"
                        "\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u2026\""}}},
        MalformedCase{"GarbageBetweenVttCues",
                      "WEBVTT\n\n00:01.000 --> 00:02.000\none\n\nstray words\n\n00:03.000 --> 00:04.000\ntwo\n",
                      {1000, 3000},
                      {"one", "two"},
                      {{6, Severity::Warning, "ignored text outside any cue"}}},
        MalformedCase{
            "SrtBlankLineInsideCueText",
            "1\n00:00:01,000 --> 00:00:02,000\nfirst part\n\nsecond part\n\n2\n00:00:03,000 --> 00:00:04,000\ntwo\n",
            {1000, 3000},
            {"first part\nsecond part", "two"},
            {{5, Severity::Warning, "blank line inside a cue"}}},
        MalformedCase{"BadTimingInsideSrt",
                      "1\n00:00:01,000 --> 00:00:02,000\none\n\n2\n00:00:03,000 --> 00:0x:04,000\nlost\n\n"
                      "3\n00:00:05,000 --> 00:00:06,000\nthree\n",
                      {1000, 5000},
                      {"one", "three"},
                      {{6, Severity::Error, "bad timing line"}}},
        MalformedCase{"SecondsAbove59",
                      "1\n00:00:75,000 --> 00:01:16,000\nodd\n",
                      {75000},
                      {"odd"},
                      {{2, Severity::Warning, "above 59"}}},
        MalformedCase{
            "OnlyGarbage",
            "just some\ntext\n",
            {},
            {},
            {{0, Severity::Warning, "no cues found"}, {1, Severity::Warning, "ignored text outside any cue"}}},
        MalformedCase{"HeaderOnly", "WEBVTT\nKind: captions\n", {}, {}, {{0, Severity::Warning, "no cues found"}}},
        MalformedCase{"Empty", "", {}, {}, {}}, MalformedCase{"BlankLinesOnly", "\n\r\n \n\r", {}, {}, {}},
        MalformedCase{"TimingLineAtEndOfFile",
                      "1\n00:00:01,000 --> 00:00:02,000",
                      {},
                      {},
                      {{0, Severity::Warning, "no cues found"}}},
        MalformedCase{"BinaryJunk",
                      std::string("\0\xff\xfe-->\x01\n\x80\x80", 10),
                      {},
                      {},
                      {{0, Severity::Warning, "no cues found"}, {1, Severity::Error, "bad timing line"}}}),
    [](const ::testing::TestParamInfo<MalformedCase>& param) { return std::string(param.param.name); });

TEST(TranscriptParse, ExplicitWebVttWithoutHeaderWarnsAndReadsAnyway)
{
    const Transcript transcript = parseWebVtt("00:01.000 --> 00:02.000\none\n");
    EXPECT_EQ(texts(transcript), std::vector<std::string>{"one"});
    ASSERT_EQ(transcript.diagnostics.size(), 1u);
    EXPECT_EQ(transcript.diagnostics[0].line, 1);
    EXPECT_NE(transcript.diagnostics[0].message.find("missing \"WEBVTT\" header"), std::string::npos);
}

TEST(TranscriptParse, ExplicitSrtOnAWebVttFileIgnoresTheHeaderBlock)
{
    const Transcript transcript = parseSrt("WEBVTT\nKind: captions\n\n00:01.000 --> 00:02.000\none\n");
    EXPECT_EQ(transcript.format, TranscriptFormat::Srt);
    EXPECT_EQ(texts(transcript), std::vector<std::string>{"one"});
    ASSERT_EQ(transcript.diagnostics.size(), 1u);
    EXPECT_EQ(transcript.diagnostics[0].line, 1);
}

TEST(TranscriptParse, DiagnosticsAreCappedWithACount)
{
    std::string text = "WEBVTT\n\n";
    for (int i = 0; i < 1000; ++i)
        text += "garbage " + std::to_string(i) + "\n\n";
    const Transcript transcript = parseWebVtt(text);
    EXPECT_TRUE(transcript.cues.empty());
    // 200 listed, "no cues found" (whole-file findings are always listed), and a count of the rest.
    ASSERT_EQ(transcript.diagnostics.size(), 202u);
    EXPECT_EQ(transcript.diagnostics[0].message, "no cues found");
    const auto count
        = std::find_if(transcript.diagnostics.begin(), transcript.diagnostics.end(),
                       [](const Diagnostic& d) { return d.message.find("more problems") != std::string::npos; });
    ASSERT_NE(count, transcript.diagnostics.end());
    EXPECT_EQ(count->message, "800 more problems not listed");
}

// ---------------------------------------------------------------------------------------------
// Rolling auto-captions

TEST(RollingCaptions, YouTubeAutoCaptionsReadAsTheWordsSaidOnce)
{
    const std::string raw = readFile(kTranscripts / "Sample [i_4Jtcev5VY].en.vtt");
    const Transcript transcript = parseTranscript(raw);
    EXPECT_TRUE(transcript.collapsedRolling);
    ASSERT_FALSE(transcript.cues.empty());

    // Each spoken line appears in the file three times (timed, bridge, repeated above the next).
    std::size_t rawCues = 0;
    for (std::size_t pos = 0; (pos = raw.find("-->", pos)) != std::string::npos; ++pos)
        ++rawCues;
    EXPECT_EQ(rawCues, 2 * transcript.cues.size());

    EXPECT_EQ(transcript.cues.front(), (Cue{0, 4000, "[Music]", 5}));
    EXPECT_EQ(transcript.cues[1], (Cue{4000, 6600, "hello everyone and welcome back", 13}));
    for (std::size_t i = 1; i < transcript.cues.size(); ++i) {
        const Cue& previous = transcript.cues[i - 1];
        const Cue& cue = transcript.cues[i];
        EXPECT_EQ(cue.text.find('\n'), std::string::npos) << cue.text;  // one spoken line each
        EXPECT_NE(cue.text, previous.text) << "repeated at line " << cue.line;
        EXPECT_EQ(previous.endMs, cue.startMs) << "the bridge cue closes the gap at line " << cue.line;
    }
    // Every word once: a phrase said once is found once.
    EXPECT_EQ(searchTranscript(transcript, "a new mode of conflict").size(), 1u);
    EXPECT_EQ(searchTranscript(transcript, "troubling precedent").size(), 1u);
    const auto at71 = cueAt(transcript, 71000);
    ASSERT_TRUE(at71);
    EXPECT_EQ(transcript.cues[static_cast<std::size_t>(*at71)].text, "but a new mode of conflict is emerging");

    ASSERT_EQ(transcript.diagnostics.size(), 1u) << describe(transcript.diagnostics);
    EXPECT_EQ(transcript.diagnostics[0].severity, Severity::Info);
    EXPECT_EQ(transcript.diagnostics[0].message, "rolling auto-captions: " + std::to_string(rawCues) + " cues read as "
                                                     + std::to_string(transcript.cues.size()) + ", each line once");
}

TEST(RollingCaptions, ARepeatedSpokenLineIsKeptBecauseItIsTimed)
{
    const Transcript transcript
        = parseWebVtt("WEBVTT\n\n"
                      "00:00.000 --> 00:01.990 align:start position:0%\n \nyeah<00:00.500><c> yeah</c>\n\n"
                      "00:01.990 --> 00:02.000 align:start position:0%\nyeah yeah\n \n\n"
                      "00:02.000 --> 00:03.990 align:start position:0%\nyeah yeah\nyeah<00:02.500><c> yeah</c>\n\n"
                      "00:03.990 --> 00:04.000 align:start position:0%\nyeah yeah\n \n");
    const std::vector<Cue> expected = {{0, 2000, "yeah yeah", 3}, {2000, 4000, "yeah yeah", 11}};
    EXPECT_EQ(transcript.cues, expected);
}

TEST(RollingCaptions, RollUpWithoutWordTimingsIsCollapsedToo)
{
    const Transcript transcript = parseSrt("1\n00:00:01,000 --> 00:00:03,000\nfirst line\n\n"
                                           "2\n00:00:03,000 --> 00:00:05,000\nfirst line\nsecond line\n\n"
                                           "3\n00:00:05,000 --> 00:00:07,000\nsecond line\nthird line\n\n"
                                           "4\n00:00:07,000 --> 00:00:09,000\nthird line\nfourth line\n");
    EXPECT_TRUE(transcript.collapsedRolling);
    EXPECT_EQ(texts(transcript), (std::vector<std::string>{"first line", "second line", "third line", "fourth line"}));
    EXPECT_EQ(starts(transcript), (std::vector<std::int64_t>{1000, 3000, 5000, 7000}));
}

TEST(RollingCaptions, OrdinarySubtitlesThatRepeatALineAreLeftAlone)
{
    const Transcript transcript = parseSrt("1\n00:00:01,000 --> 00:00:02,000\nNo.\n\n"
                                           "2\n00:00:02,000 --> 00:00:03,000\nNo.\n\n"
                                           "3\n00:00:03,000 --> 00:00:04,000\nAbsolutely not.\n\n"
                                           "4\n00:00:04,000 --> 00:00:05,000\n- Why?\n- Because.\n");
    EXPECT_FALSE(transcript.collapsedRolling);
    EXPECT_EQ(texts(transcript), (std::vector<std::string>{"No.", "No.", "Absolutely not.", "- Why?\n- Because."}));
}

TEST(RollingCaptions, RuleOnCaptionCues)
{
    const auto line = [](const char* text, bool timed = false) { return CueLineText{text, timed}; };
    const std::vector<CaptionCue> cues = {
        {0, 1000, 1, {line("intro")}},
        {1000, 2000, 5, {line("intro"), line("new words", true)}},
        {2000, 2010, 9, {line("new words")}},  // bridge: extends "new words"
        {2010, 3000, 13, {line("new words"), line("untimed but new")}},
        {3000, 4000, 17, {line("untimed but new")}},  // repeat: extends again
    };
    EXPECT_TRUE(looksRolling(cues));
    const std::vector<Cue> expected
        = {{0, 1000, "intro", 1}, {1000, 2010, "new words", 5}, {2010, 4000, "untimed but new", 13}};
    EXPECT_EQ(collapseRollingCaptions(cues), expected);
    EXPECT_FALSE(looksRolling({{0, 1000, 1, {line("a")}}, {1000, 2000, 5, {line("a")}}}));  // too few to tell
}

// ---------------------------------------------------------------------------------------------
// Big and hostile inputs: linear, so they complete (counts asserted, not time)

TEST(TranscriptScale, FiftyMegabyteSrtCompletes)
{
    std::string text;
    text.reserve(52u << 20);
    int count = 0;
    while (text.size() < (50u << 20)) {
        const std::int64_t ms = static_cast<std::int64_t>(count) * 1000;
        char timing[64];
        std::snprintf(timing, sizeof timing, "%02lld:%02lld:%02lld,000 --> %02lld:%02lld:%02lld,500",
                      static_cast<long long>(ms / 3600000), static_cast<long long>(ms / 60000 % 60),
                      static_cast<long long>(ms / 1000 % 60), static_cast<long long>(ms / 3600000),
                      static_cast<long long>(ms / 60000 % 60), static_cast<long long>(ms / 1000 % 60));
        ++count;
        text += std::to_string(count) + "\r\n" + timing + "\r\n<i>cue number " + std::to_string(count)
              + "</i> &amp; some more words\r\n\r\n";
    }
    const Transcript transcript = parseTranscript(text);
    ASSERT_EQ(transcript.cues.size(), static_cast<std::size_t>(count));
    EXPECT_TRUE(transcript.diagnostics.empty()) << describe(transcript.diagnostics);
    EXPECT_EQ(transcript.cues.back().startMs, static_cast<std::int64_t>(count - 1) * 1000);
    EXPECT_EQ(transcript.cues.back().text, "cue number " + std::to_string(count) + " & some more words");
    EXPECT_EQ(transcript.cues.back().line, 4 * count - 2);
}

TEST(TranscriptScale, TenMillionEmptyLinesComplete)
{
    const Transcript transcript = parseTranscript(std::string(10u << 20, '\n'));
    EXPECT_TRUE(transcript.cues.empty());
    EXPECT_TRUE(transcript.diagnostics.empty());
}

TEST(TranscriptScale, TenMegabyteLinesComplete)
{
    // One 10 MB cue line made of every pattern that would make a careless cleaner quadratic
    // (a look-ahead for '>' or '}' or ';' restarted at each byte), each segment ~1.4 MB.
    constexpr std::size_t kSegment = (10u << 20) / 7;
    struct Segment {
        std::string raw;
        std::size_t cleanBytes;
    };
    const std::vector<Segment> segments = {
        {std::string(kSegment, '<'), kSegment},                  // opening brackets, never closed
        {repeat("<a", kSegment / 2), kSegment / 2 * 2},          // tags that never close
        {repeat("<b>w", kSegment / 4), kSegment / 4},            // tags that do close
        {std::string(kSegment, '&'), kSegment},                  // entities that never start
        {"&" + std::string(kSegment, 'a') + ";", kSegment + 2},  // an entity-like run far too long
        {repeat("{\\", kSegment / 2), kSegment / 2 * 2},         // ASS overrides never closed
        {"a" + std::string(kSegment, ' ') + "b", 3},             // whitespace collapsed
    };
    std::string line;
    std::size_t cleanBytes = 0;
    for (const Segment& segment : segments) {
        line += "|" + segment.raw;
        cleanBytes += 1 + segment.cleanBytes;
    }
    const Transcript transcript = parseTranscript("WEBVTT\n\n00:01.000 --> 00:02.000\n" + line + "\n");
    ASSERT_EQ(transcript.cues.size(), 1u);
    EXPECT_EQ(transcript.cues[0].text.size(), cleanBytes);

    // The whole file one line: a timing line with 10 MB of settings, and 10 MB of garbage.
    const Transcript settings = parseSrt("00:00:01,000 --> 00:00:02,000 " + std::string(10u << 20, 'x') + "\nwords\n");
    EXPECT_EQ(texts(settings), std::vector<std::string>{"words"});
    const Transcript garbage = parseTranscript(std::string(10u << 20, '-') + ">");
    EXPECT_TRUE(garbage.cues.empty());
    EXPECT_TRUE(hasErrors(garbage.diagnostics));
}

TEST(TranscriptScale, LargeRollingCaptionsComplete)
{
    std::string text = "WEBVTT\nKind: captions\nLanguage: en\n\n";
    std::string previous = " ";
    int lines = 0;
    for (std::int64_t t = 0; text.size() < (10u << 20); t += 2000, ++lines) {
        const std::string said = "line " + std::to_string(lines) + " of words";
        const auto clock = [](std::int64_t ms) {
            char buffer[32];
            std::snprintf(buffer, sizeof buffer, "%02lld:%02lld:%02lld.%03lld", static_cast<long long>(ms / 3600000),
                          static_cast<long long>(ms / 60000 % 60), static_cast<long long>(ms / 1000 % 60),
                          static_cast<long long>(ms % 1000));
            return std::string(buffer);
        };
        text += clock(t) + " --> " + clock(t + 1990) + " align:start position:0%\n" + previous + "\nline<"
              + clock(t + 500) + "><c> " + std::to_string(lines) + "</c><" + clock(t + 1000) + "><c> of</c><"
              + clock(t + 1500) + "><c> words</c>\n\n";
        text += clock(t + 1990) + " --> " + clock(t + 2000) + " align:start position:0%\n" + said + "\n \n\n";
        previous = said;
    }
    const Transcript transcript = parseWebVtt(text);
    ASSERT_EQ(transcript.cues.size(), static_cast<std::size_t>(lines));
    EXPECT_EQ(transcript.cues.back().text, "line " + std::to_string(lines - 1) + " of words");
    EXPECT_EQ(transcript.cues.back().endMs, static_cast<std::int64_t>(lines) * 2000);
}

// ---------------------------------------------------------------------------------------------
// Lookups

Transcript transcriptOf(std::vector<Cue> cues)
{
    Transcript transcript;
    transcript.cues = std::move(cues);
    return transcript;
}

const Transcript kLookup = transcriptOf({
    {1000, 2000, "Hello\nWorld", 1},
    {2000, 3000, "second cue", 2},
    {5000, 6000, "overlapped early", 3},
    {5500, 9000, "École ПРИВЕТ Σοφία", 4},
    {9500, 9500, "zero length", 5},
});

TEST(TranscriptLookup, CueAt)
{
    const std::vector<std::pair<std::int64_t, std::optional<int>>> cases = {
        {0, std::nullopt},
        {999, std::nullopt},
        {1000, 0},
        {1999, 0},
        {2000, 1},
        {2999, 1},
        {3000, std::nullopt},
        {4999, std::nullopt},
        {5000, 2},
        {5499, 2},
        {5500, 3},
        {6500, 3},
        {8999, 3},
        {9000, std::nullopt},
        {9500, std::nullopt},
        {100000, std::nullopt},
        {-5, std::nullopt},
    };
    for (const auto& [ms, expected] : cases)
        EXPECT_EQ(cueAt(kLookup, ms), expected) << "at " << ms;
    EXPECT_EQ(cueAt(Transcript{}, 0), std::nullopt);
}

TEST(TranscriptLookup, CueAtFindsALongCueUnderShortOnes)
{
    const Transcript transcript = transcriptOf({
        {0, 100000, "speaker label", 1},
        {10000, 11000, "a", 2},
        {20000, 21000, "b", 3},
        {30000, 31000, "c", 4},
    });
    EXPECT_EQ(cueAt(transcript, 10500), 1);
    EXPECT_EQ(cueAt(transcript, 15000), 0);
    EXPECT_EQ(cueAt(transcript, 99999), 0);
}

TEST(TranscriptLookup, CueAtAgreesWithALinearScan)
{
    std::mt19937 random(42);
    std::vector<Cue> cues;
    std::int64_t t = 0;
    for (int i = 0; i < 500; ++i) {
        t += std::uniform_int_distribution<int>(0, 1500)(random);
        const std::int64_t length = std::uniform_int_distribution<int>(0, 2500)(random);  // overlaps a few cues
        cues.push_back({t, t + length, std::to_string(i), i + 1});
    }
    const Transcript transcript = transcriptOf(cues);
    for (std::int64_t ms = -10; ms < t + 3000; ms += 11) {
        std::optional<int> expected;
        for (std::size_t i = cues.size(); i-- > 0;)
            if (cues[i].startMs <= ms && ms < cues[i].endMs) {
                expected = static_cast<int>(i);
                break;
            }
        ASSERT_EQ(cueAt(transcript, ms), expected) << "at " << ms;
    }
}

TEST(TranscriptLookup, CuesBetween)
{
    struct Case {
        std::int64_t from;
        std::int64_t to;
        std::vector<int> cues;
    };
    const std::vector<Case> cases = {
        {0, 1000, {}},     {0, 1001, {0}},    {1500, 2500, {0, 1}},
        {2000, 2001, {1}}, {3000, 5000, {}},  {5800, 5900, {2, 3}},
        {6000, 9500, {3}}, {9500, 9600, {4}}, {0, 100000, {0, 1, 2, 3, 4}},
        {2500, 2500, {}},  {3000, 2000, {}},
    };
    for (const Case& c : cases)
        EXPECT_EQ(cuesBetween(kLookup, c.from, c.to), c.cues) << c.from << ".." << c.to;
}

TEST(TranscriptLookup, SearchIsCaseInsensitiveAndSpansLineBreaks)
{
    struct Case {
        const char* query;
        std::vector<int> cues;
    };
    const std::vector<Case> cases
        = {
            {"world", {0}},  {"HELLO WORLD", {0}}, {"hello   world", {0}},  // whitespace runs and the line break match one space
            {"  cue ", {1}}, {"école", {3}},       {"ÉCOLE", {3}},         {"привет", {3}},
            {"ΣΟΦΊΑ", {3}},  // capital iota with tonos
            {"σοφία", {3}},  {"zero length", {4}}, {"e", {0, 1, 2, 3, 4}}, {"", {}},
            {"   ", {}},     {"nowhere", {}},
        };
    for (const Case& c : cases)
        EXPECT_EQ(searchTranscript(kLookup, c.query), c.cues) << c.query;
}

// ---------------------------------------------------------------------------------------------
// Files beside the video

struct TempFolder : test::TempFolder {
    TempFolder() : test::TempFolder("transcripts", "WEBVTT\n") { }
};

std::vector<std::string> names(const std::vector<TranscriptFile>& files)
{
    std::vector<std::string> out;
    for (const TranscriptFile& file : files)
        out.push_back(file.path.filename().string() + " (" + file.language + ")");
    return out;
}

TEST(TranscriptFiles, BesideTheVideoEnglishFirstThenAlphabetical)
{
    TempFolder folder;
    const fs::path video = folder.write("Sample [i_4Jtcev5VY].mp4");
    for (const char* name :
         {"Sample [i_4Jtcev5VY].de.vtt", "Sample [i_4Jtcev5VY].fr.SRT", "Sample [i_4Jtcev5VY].vtt",
          "Sample [i_4Jtcev5VY].en-US.srt", "Sample [i_4Jtcev5VY].en.vtt", "Sample [i_4Jtcev5VY].pt_BR.vtt",
          "Sample [i_4Jtcev5VY].en.srt", "Sample [i_4Jtcev5VY].zh-Hans.vtt", "Sample [i_4Jtcev5VY].en-orig.vtt",
          "Sample [i_4Jtcev5VY].Es.vtt",
          // not transcripts of this video:
          "Sample [i_4Jtcev5VY].f137.vtt", "Sample [i_4Jtcev5VY].info.json", "Sample [i_4Jtcev5VY].en.vtt.part",
          "Sample [i_4Jtcev5VY]x.en.vtt", "Other [x].en.vtt", "Sample [i_4Jtcev5VY].english.vtt",
          "Sample [i_4Jtcev5VY]..vtt", "Sample.en.vtt"})
        folder.write(name);
    fs::create_directory(folder.root() / "Sample [i_4Jtcev5VY].it.vtt");  // a folder, not a file

    std::error_code error;
    const std::vector<TranscriptFile> files = findTranscriptFiles(video, error);
    EXPECT_FALSE(error);
    const std::vector<std::string> expected = {
        "Sample [i_4Jtcev5VY].en.srt (en)",
        "Sample [i_4Jtcev5VY].en.vtt (en)",
        "Sample [i_4Jtcev5VY].en-orig.vtt (en-orig)",
        "Sample [i_4Jtcev5VY].en-US.srt (en-US)",
        "Sample [i_4Jtcev5VY].vtt ()",
        "Sample [i_4Jtcev5VY].de.vtt (de)",
        "Sample [i_4Jtcev5VY].Es.vtt (Es)",
        "Sample [i_4Jtcev5VY].fr.SRT (fr)",
        "Sample [i_4Jtcev5VY].pt_BR.vtt (pt_BR)",
        "Sample [i_4Jtcev5VY].zh-Hans.vtt (zh-Hans)",
    };
    EXPECT_EQ(names(files), expected);
    EXPECT_EQ(names(findTranscriptFiles(video)), expected);
    EXPECT_EQ(files.front().path, folder.root() / "Sample [i_4Jtcev5VY].en.srt");
}

TEST(TranscriptFiles, StemsWithDotsAndNoTranscripts)
{
    TempFolder folder;
    const fs::path video = folder.write("Talk v1.2 [abc].webm");
    folder.write("Talk v1.2 [abc].en.vtt");
    folder.write("Talk v1.vtt");
    EXPECT_EQ(names(findTranscriptFiles(video)), std::vector<std::string>{"Talk v1.2 [abc].en.vtt (en)"});
    EXPECT_TRUE(findTranscriptFiles(folder.root() / "Nothing.mp4").empty());
}

TEST(TranscriptFiles, AFolderThatCannotBeListedIsAnErrorNotAThrow)
{
    TempFolder folder;
    const fs::path video = folder.root() / "missing" / "video.mp4";
    std::error_code error;
    EXPECT_TRUE(findTranscriptFiles(video, error).empty());
    EXPECT_TRUE(error);
    EXPECT_TRUE(findTranscriptFiles(video).empty());
    EXPECT_TRUE(findTranscriptFiles(fs::path()).empty());
}

}  // namespace
}  // namespace scholia
