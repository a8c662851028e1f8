#include "note/NoteResolver.h"
#include "note/NoteParser.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cstdint>
#include <fstream>
#include <iterator>
#include <sstream>
#include <string>
#include <vector>

using namespace scholia;

namespace {

// A citation as parseNote() leaves it: text parsed, resolution still the literal one.
Citation citation(const std::string& written, int line, int column)
{
    Citation c;
    c.written = written;
    c.label = written;
    c.line = line;
    c.column = column;
    c.text = parseTimestampText(written);
    return c;
}

// One citation per line, in order; column 10 everywhere.
Note noteWith(const std::vector<std::string>& stamps)
{
    Note note;
    int line = 5;
    for (const std::string& s : stamps)
        note.citations.push_back(citation(s, line++, 10));
    return note;
}

std::vector<Diagnostic> ofSeverity(const Note& note, Severity severity)
{
    std::vector<Diagnostic> out;
    std::copy_if(note.diagnostics.begin(), note.diagnostics.end(), std::back_inserter(out),
                 [&](const Diagnostic& d) { return d.severity == severity; });
    return out;
}

TEST(ResolveTimestamps, SetsEveryResolutionAndReportsWhereTheCitationIs)
{
    Note note = noteWith({"00:00:52", "01:11:11", "01:21:21", "13:17:00", "not a time", "01:00:03:00"});
    note.diagnostics.push_back({2, 1, Severity::Warning, "a parse diagnostic"});
    const Note resolved = resolveTimestamps(note, 820'000);

    ASSERT_EQ(resolved.citations.size(), 6u);
    EXPECT_EQ(resolved.citations[0].resolution.ms, 52'000);
    EXPECT_EQ(resolved.citations[1].resolution.ms, 71'000);
    EXPECT_EQ(resolved.citations[2].resolution.ms, 81'000);
    EXPECT_EQ(resolved.citations[3].resolution.ms, 797'000);
    EXPECT_FALSE(resolved.citations[4].resolution.ms.has_value());
    EXPECT_TRUE(resolved.citations[5].resolution.pastEnd);

    // The parse diagnostic stays first; one resolution diagnostic per citation that needs one
    // (an unreadable one is the parser's to report, it has no resolution to explain).
    ASSERT_EQ(resolved.diagnostics.size(), 5u);
    EXPECT_EQ(resolved.diagnostics[0].message, "a parse diagnostic");
    const std::vector<Diagnostic> expected = {
        {6, 10, Severity::Warning, "01:11:11 read as 1:11 (MM:SS, last field dropped)"},
        {7, 10, Severity::Warning, "01:21:21 read as 1:21 (MM:SS, last field dropped)"},
        {8, 10, Severity::Warning, "13:17:00 read as 13:17 (MM:SS, last field dropped)"},
        {10, 10, Severity::Error,
         "01:00:03:00 read as 1:00:03 (last field dropped), past the end of the video (13:40)"},
    };
    EXPECT_EQ(std::vector<Diagnostic>(resolved.diagnostics.begin() + 1, resolved.diagnostics.end()), expected);
}

TEST(ResolveTimestamps, LiteralCitationsGetNoDiagnostic)
{
    const Note resolved = resolveTimestamps(noteWith({"00:00:09", "00:12:30", "0:25:23", "59:56:"}));
    EXPECT_TRUE(resolved.diagnostics.empty());
    EXPECT_EQ(resolved.citations[3].resolution.ms, 59 * 60'000 + 56'000);
}

TEST(ResolveTimestamps, ArgumentDurationWinsOverFrontMatter)
{
    Note note = noteWith({"00:00:30", "00:05:00", "00:20:00"});
    note.frontMatter.durationMs = 10 * 60'000;

    const Note byFrontMatter = resolveTimestamps(note);
    EXPECT_TRUE(byFrontMatter.citations[2].resolution.pastEnd);
    EXPECT_EQ(ofSeverity(byFrontMatter, Severity::Error).size(), 1u);

    const Note byArgument = resolveTimestamps(note, 30 * 60'000);
    EXPECT_FALSE(byArgument.citations[2].resolution.pastEnd);
    EXPECT_TRUE(byArgument.diagnostics.empty());
}

TEST(ResolveTimestamps, ResolvingAgainReplacesTheEarlierDiagnostics)
{
    Note note = noteWith({"00:00:52", "01:11:11", "02:23:01", "09:56:00", "13:17:00", "25:00"});
    note.diagnostics.push_back({1, 1, Severity::Error, "a parse error"});

    const Note once = resolveTimestamps(note, 820'000);
    const Note twice = resolveTimestamps(once, 820'000);
    EXPECT_EQ(twice.diagnostics, once.diagnostics);

    // A shorter video: different diagnostics, none of the first resolution left over.
    const Note shorter = resolveTimestamps(once, 60'000);
    EXPECT_EQ(resolveTimestamps(note, 60'000).diagnostics, shorter.diagnostics);

    // Sorting for display does not hide the stale ones either.
    Note sorted = once;
    sortDiagnostics(sorted.diagnostics);
    Note expected = resolveTimestamps(note, 820'000);
    Note again = resolveTimestamps(sorted, 820'000);
    sortDiagnostics(expected.diagnostics);
    sortDiagnostics(again.diagnostics);
    EXPECT_EQ(again.diagnostics, expected.diagnostics);
    EXPECT_EQ(ofSeverity(again, Severity::Error).size(), 2u);  // the parse error and 25:00
}

TEST(ResolveTimestamps, SkippedExplanationsKeepTheSameDiagnosticsWithoutMessages)
{
    // Reread, carried (13:99), past the end, literal and unreadable stamps.
    Note note = noteWith({"00:00:52", "01:11:11", "13:99", "01:00:03:00", "not a time", "00:20:00"});
    note.diagnostics.push_back({2, 1, Severity::Warning, "a parse diagnostic"});
    for (const std::optional<std::int64_t> duration :
         {std::optional<std::int64_t>(820'000), std::optional<std::int64_t>()}) {
        const Note written = resolveTimestamps(note, duration);
        const Note skipped = resolveTimestamps(note, duration, Explanations::Skipped);
        ASSERT_EQ(skipped.diagnostics.size(), written.diagnostics.size());
        EXPECT_EQ(skipped.diagnostics[0], written.diagnostics[0]);
        for (std::size_t i = 1; i < written.diagnostics.size(); ++i) {
            Diagnostic unwritten = written.diagnostics[i];
            unwritten.message.clear();
            EXPECT_EQ(skipped.diagnostics[i], unwritten);
        }
        for (std::size_t i = 0; i < note.citations.size(); ++i) {
            EXPECT_EQ(skipped.citations[i].resolution.ms, written.citations[i].resolution.ms);
            EXPECT_TRUE(skipped.citations[i].resolution.explanation.empty());
        }
    }
    // Resolving again with messages replaces the unwritten ones.
    const Note skipped = resolveTimestamps(note, 820'000, Explanations::Skipped);
    EXPECT_EQ(resolveTimestamps(skipped, 820'000).diagnostics, resolveTimestamps(note, 820'000).diagnostics);
}

TEST(ResolveTimestamps, EmptyNoteStaysEmpty)
{
    const Note resolved = resolveTimestamps(Note{}, 820'000);
    EXPECT_TRUE(resolved.citations.empty());
    EXPECT_TRUE(resolved.diagnostics.empty());
}

// --- The bundled sample note, end to end (needs parseNote) -------------------------------

std::string readSample()
{
    std::ifstream in(SCHOLIA_SAMPLE_NOTE, std::ios::binary);
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
}

void expectSampleResolvedIntoTheVideo(const Note& note)
{
    ASSERT_EQ(note.citations.size(), 75u);
    EXPECT_EQ(note.citations.front().resolution.ms, 9'000);
    EXPECT_EQ(note.citations[6].resolution.ms, 71'000);       // 01:11:11
    EXPECT_EQ(note.citations.back().resolution.ms, 797'000);  // 13:17:00
    std::int64_t previous = 0;
    int reinterpreted = 0;
    for (const Citation& c : note.citations) {
        SCOPED_TRACE(c.written + " on line " + std::to_string(c.line));
        ASSERT_TRUE(c.resolution.ms.has_value());
        EXPECT_GE(*c.resolution.ms, previous);
        previous = *c.resolution.ms;
        EXPECT_FALSE(c.resolution.pastEnd);
        if (!c.resolution.reinterpreted)
            continue;
        ++reinterpreted;
        EXPECT_EQ(c.resolution.reading, Reading::MinutesSeconds);
        const bool warned = std::any_of(note.diagnostics.begin(), note.diagnostics.end(), [&](const Diagnostic& d) {
            return d.severity == Severity::Warning && d.line == c.line
                && d.message.rfind(c.written + " read as", 0) == 0;
        });
        EXPECT_TRUE(warned);
    }
    EXPECT_EQ(reinterpreted, 69);  // all but the six 00:00:xx stamps
    EXPECT_FALSE(hasErrors(note.diagnostics));
}

TEST(ResolveTimestampsOnSample, WithoutDurationReadsIntoThirteenMinutes)
{
    const Note note = resolveTimestamps(parseNote(readSample(), SCHOLIA_SAMPLE_NOTE));
    expectSampleResolvedIntoTheVideo(note);
}

TEST(ResolveTimestampsOnSample, WithTheVideoDuration)
{
    const Note note = resolveTimestamps(parseNote(readSample(), SCHOLIA_SAMPLE_NOTE), 820'000);
    expectSampleResolvedIntoTheVideo(note);
}

TEST(ResolveTimestampsOnSample, AOneMinuteVideoLeavesMostPastTheEnd)
{
    const Note note = resolveTimestamps(parseNote(readSample(), SCHOLIA_SAMPLE_NOTE), 60'000);
    ASSERT_EQ(note.citations.size(), 75u);
    const auto pastEnd = std::count_if(note.citations.begin(), note.citations.end(),
                                       [](const Citation& c) { return c.resolution.pastEnd; });
    EXPECT_EQ(pastEnd, 69);  // only 00:00:09 ... 00:00:52 fit in a minute
    for (const Citation& c : note.citations) {
        if (!c.resolution.pastEnd)
            continue;
        const bool reported = std::any_of(note.diagnostics.begin(), note.diagnostics.end(), [&](const Diagnostic& d) {
            return d.severity == Severity::Error && d.line == c.line && d.column == c.column
                && d.message.find("past the end of the video (1:00)") != std::string::npos;
        });
        EXPECT_TRUE(reported) << c.written;
    }
}

TEST(ResolveTimestampsOnSample, ResolvingTwiceGivesTheSameDiagnostics)
{
    const Note parsed = parseNote(readSample(), SCHOLIA_SAMPLE_NOTE);
    const Note once = resolveTimestamps(parsed, 820'000);
    const Note twice = resolveTimestamps(once, 820'000);
    ASSERT_FALSE(once.citations.empty());
    EXPECT_EQ(twice.diagnostics, once.diagnostics);
    EXPECT_EQ(resolveTimestamps(resolveTimestamps(parsed, 60'000), 820'000).diagnostics, once.diagnostics);
}

}  // namespace
