#include "follow/PlaybackFollower.h"

#include "follow/SeekMarks.h"
#include "follow/SpokenContext.h"
#include "note/NoteParser.h"
#include "note/NoteResolver.h"
#include "transcript/Transcript.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <fstream>
#include <optional>
#include <sstream>
#include <string>
#include <vector>

namespace scholia {
namespace {

using Ms = std::optional<std::int64_t>;

// A resolved Note built by hand: only what following playback reads (outline, claims, citations).
class NoteBuilder {
public:
    NoteBuilder& heading(int level, std::string text, int line)
    {
        note_.outline.push_back(Heading{level, std::move(text), "", line});
        return *this;
    }
    // A claim at `line` citing `times` in this order; nullopt: a citation whose time could not be read.
    NoteBuilder& claim(std::string text, int line, std::vector<Ms> times, ClaimKind kind = ClaimKind::Paragraph)
    {
        const int index = static_cast<int>(note_.claims.size());
        Claim claim{"claim-" + std::to_string(index), kind, std::move(text), {}, line, {}};
        for (const Ms& ms : times)
            claim.citations.push_back(cite(line, ms, index));
        note_.claims.push_back(std::move(claim));
        return *this;
    }
    // A citation outside any claim.
    NoteBuilder& loose(int line, Ms ms)
    {
        cite(line, ms, -1);
        return *this;
    }
    const Note& note() const { return note_; }

private:
    int cite(int line, Ms ms, int claim)
    {
        Citation citation;
        citation.written = ms ? formatClock(*ms) : "??";
        citation.line = line;
        citation.resolution.ms = ms;
        citation.claim = claim;
        note_.citations.push_back(std::move(citation));
        return static_cast<int>(note_.citations.size()) - 1;
    }
    Note note_;
};

// Lines:  1 intro claim          3 ## One        4 claim (cites 20 s then 10 s)
//         6 ### One.a            7, 8 claims tied at 30 s (the second also unreadable)
//        10 ### One.b (no citations)             12 ## Two, itself a claim citing 50 s
//        13 a citation outside any claim at 60 s  14 a claim at 40 s (earlier than its section's start)
//        16 # Appendix           18 ## Appendix.a   19 a claim at 70 s
const Note& handNote()
{
    static const Note note = NoteBuilder()
                                 .claim("Intro claim", 1, {5000})
                                 .heading(2, "One", 3)
                                 .claim("Claim citing out of order", 4, {20000, 10000})
                                 .heading(3, "One.a", 6)
                                 .claim("First of a tie", 7, {30000})
                                 .claim("Second of a tie", 8, {30000, std::nullopt})
                                 .heading(3, "One.b", 10)
                                 .heading(2, "Two", 12)
                                 .claim("Two", 12, {50000}, ClaimKind::Heading)
                                 .loose(13, 60000)
                                 .claim("Cited earlier than its section", 14, {40000})
                                 .heading(1, "Appendix", 16)
                                 .heading(2, "Appendix.a", 18)
                                 .claim("Appendix claim", 19, {70000})
                                 .claim("Only unreadable", 20, {std::nullopt})
                                 .note();
    return note;
}

// ---------------------------------------------------------------------------------------------
// Timeline and active claim

TEST(Timeline, CitationsWithATimeSortedStably)
{
    const Timeline timeline = buildTimeline(handNote());
    const Timeline expected = {
        {5000, 0, 0},  {10000, 2, 1}, {20000, 1, 1},  {30000, 3, 2}, {30000, 4, 3},
        {40000, 8, 5}, {50000, 6, 4}, {60000, 7, -1}, {70000, 9, 6},
    };
    EXPECT_EQ(timeline, expected);
    EXPECT_TRUE(buildTimeline(Note{}).empty());
}

TEST(Timeline, ActiveClaimIsTheClaimWhoseCitationWasPassedLast)
{
    const Timeline timeline = buildTimeline(handNote());
    struct Case {
        std::int64_t position;
        std::optional<int> claim;
        std::optional<int> entry;
    };
    const std::vector<Case> cases = {
        {-1, std::nullopt, std::nullopt},
        {0, std::nullopt, std::nullopt},
        {4999, std::nullopt, std::nullopt},
        {5000, 0, 0},
        {9999, 0, 0},
        {10000, 1, 1},
        {25000, 1, 2},
        {30000, 2, 3},
        {35000, 2, 3},
        {40000, 5, 5},
        {49999, 5, 5},
        {50000, 4, 6},
        {60000, std::nullopt, 7},
        {69999, std::nullopt, 7},  // a citation outside any claim
        {70000, 6, 8},
        {1000000000, 6, 8},
    };
    for (const Case& c : cases) {
        EXPECT_EQ(activeClaim(timeline, c.position), c.claim) << "at " << c.position;
        EXPECT_EQ(activeEntry(timeline, c.position), c.entry) << "at " << c.position;
    }
    EXPECT_EQ(activeClaim(Timeline{}, 1000), std::nullopt);
}

TEST(Timeline, TiesGoToTheFirstInNoteOrderThatHasAClaim)
{
    const Note note = NoteBuilder().loose(1, 1000).claim("b", 2, {1000}).claim("c", 3, {1000}).note();
    const Timeline timeline = buildTimeline(note);
    EXPECT_EQ(activeEntry(timeline, 1000), 0);
    EXPECT_EQ(activeClaim(timeline, 1000), 0);
    EXPECT_EQ(activeClaim(timeline, 5000), 0);
}

// The definition, checked at every position the sample note could be played at.
std::optional<int> bruteForceActiveClaim(const Note& note, std::int64_t position)
{
    std::optional<std::int64_t> best;
    for (const Citation& citation : note.citations)
        if (citation.resolution.ms && *citation.resolution.ms <= position)
            best = std::max(best.value_or(*citation.resolution.ms), *citation.resolution.ms);
    if (!best)
        return std::nullopt;
    for (const Citation& citation : note.citations)
        if (citation.resolution.ms == best && citation.claim >= 0)
            return citation.claim;
    return std::nullopt;
}

// ---------------------------------------------------------------------------------------------
// Sections

TEST(Sections, SpansCoverSubsectionsAndTheFirstCitationIsInNoteOrder)
{
    const std::vector<SectionSpan> expected = {
        {0, TimeSpan{10000, 30000}, 1},   // One: 20 s is cited before 10 s
        {1, TimeSpan{30000, 30000}, 3},   // One.a
        {2, std::nullopt, std::nullopt},  // One.b: nothing cited
        {3, TimeSpan{40000, 60000}, 6},   // Two: its own heading's citation first, the loose one counts
        {4, TimeSpan{70000, 70000}, 9},   // Appendix (H1) holds Appendix.a (H2)
        {5, TimeSpan{70000, 70000}, 9},
    };
    EXPECT_EQ(sectionSpans(handNote()), expected);
    EXPECT_TRUE(sectionSpans(Note{}).empty());
}

TEST(Sections, ActiveSectionIsTheInnermostHoldingTheCitationPassedLast)
{
    const Note& note = handNote();
    const Timeline timeline = buildTimeline(note);
    const std::vector<std::pair<std::int64_t, std::optional<int>>> cases = {
        {0, std::nullopt}, {5000, std::nullopt},  // the intro comes before any heading
        {10000, 0},        {29999, 0},           {30000, 1}, {40000, 3},
        {50000, 3},        {60000, 3},           {70000, 5}, {999999, 5},
    };
    for (const auto& [position, heading] : cases)
        EXPECT_EQ(activeSection(note, timeline, position), heading) << position;
}

TEST(Sections, SectionAtLine)
{
    const Note& note = handNote();
    const std::vector<std::pair<int, std::optional<int>>> cases = {
        {1, std::nullopt}, {2, std::nullopt}, {3, 0},  {5, 0},  {6, 1},   {9, 1},
        {10, 2},           {12, 3},           {17, 4}, {18, 5}, {999, 5},
    };
    for (const auto& [line, heading] : cases)
        EXPECT_EQ(sectionAtLine(note, line), heading) << "line " << line;
}

// ---------------------------------------------------------------------------------------------
// Seek-bar marks

TEST(SeekMarks, OneMarkPerCitationInTimeOrder)
{
    const std::vector<CitationMark> expected = {
        {5000, 0, 0, "Intro claim"},
        {10000, 2, 1, "Claim citing out of order"},
        {20000, 1, 1, "Claim citing out of order"},
        {30000, 3, 2, "First of a tie"},
        {30000, 4, 3, "Second of a tie"},
        {40000, 8, 5, "Cited earlier than its section"},
        {50000, 6, 4, "Two"},
        {60000, 7, -1, ""},
        {70000, 9, 6, "Appendix claim"},
    };
    EXPECT_EQ(citationMarks(handNote()), expected);
}

TEST(SeekMarks, SectionsMarkedWhereTheirFirstCitationIs)
{
    const std::vector<SectionMark> expected = {
        {20000, 0, 2, "One"},  // the first in note order, not the earliest (10 s)
        {30000, 1, 3, "One.a"}, {50000, 3, 2, "Two"}, {70000, 4, 1, "Appendix"}, {70000, 5, 2, "Appendix.a"},
    };
    EXPECT_EQ(sectionMarks(handNote()), expected);
}

TEST(SeekMarks, LabelsAreShortenedAtWordBoundaries)
{
    struct Case {
        const char* text;
        std::size_t maxChars;
        const char* label;
    };
    const std::vector<Case> cases = {
        {"short", 60, "short"},
        {"", 5, ""},
        {"hello world", 11, "hello world"},
        {"hello world!", 11, "hello\u2026"},
        {"hello world foo", 12, "hello world\u2026"},
        {"abcdefgh", 4, "abc\u2026"},
        {"\u00e9\u00e9\u00e9\u00e9\u00e9", 3, "\u00e9\u00e9\u2026"},  // characters, not bytes
        {"\u00e9\u00e9\u00e9", 3, "\u00e9\u00e9\u00e9"},
        {"a  b c", 4, "a\u2026"},
        {"word", 1, "\u2026"},
        {"word", 0, ""},
    };
    for (const Case& c : cases)
        EXPECT_EQ(shortLabel(c.text, c.maxChars), c.label) << c.text << " / " << c.maxChars;
    const std::string long_(200, 'x');
    EXPECT_EQ(shortLabel(long_), std::string(kMarkLabelChars - 1, 'x') + "\u2026");
}

// ---------------------------------------------------------------------------------------------
// What was said

// Cue i runs [2i s, 2i+2 s) and says "w<i>". (Appended, not `"w" + ...`: GCC 12 -O3 warns on that falsely.)
Transcript everyTwoSeconds(int count)
{
    Transcript transcript;
    for (int i = 0; i < count; ++i)
        transcript.cues.push_back({i * 2000LL, i * 2000LL + 2000, std::string("w").append(std::to_string(i)), i + 1});
    return transcript;
}

std::vector<int> range(int first, int last)
{
    std::vector<int> out;
    for (int i = first; i <= last; ++i)
        out.push_back(i);
    return out;
}

TEST(SpokenContext, FromJustBeforeTheClaimToTheNextCitedTime)
{
    const Note& note = handNote();
    const Transcript transcript = everyTwoSeconds(60);
    struct Case {
        int claim;
        std::int64_t leadIn;
        std::int64_t from;
        std::int64_t to;
    };
    const std::vector<Case> cases = {
        {0, kDefaultLeadInMs, 2000, 10000},   // 5 s; next cited time 10 s
        {1, kDefaultLeadInMs, 7000, 30000},   // cites 20 s and 10 s: 10 s - 3 s to the next after 20 s
        {2, kDefaultLeadInMs, 27000, 40000},  // the tie at 30 s: next is 40 s
        {3, kDefaultLeadInMs, 27000, 40000},  // its unreadable citation is ignored
        {5, kDefaultLeadInMs, 37000, 50000},
        {6, kDefaultLeadInMs, 67000, 100000},  // the last cited time: 30 s after it
        {0, 10000, 0, 10000},                  // the lead-in stops at the start of the video
        {0, 0, 5000, 10000},
        {0, -50, 5000, 10000},  // a negative lead-in is none
    };
    for (const Case& c : cases) {
        const auto context = spokenContext(note, transcript, c.claim, c.leadIn);
        ASSERT_TRUE(context) << "claim " << c.claim;
        EXPECT_EQ(context->fromMs, c.from) << "claim " << c.claim;
        EXPECT_EQ(context->toMs, c.to) << "claim " << c.claim;
        const int firstCue = static_cast<int>(c.from / 2000);
        const int lastCue = static_cast<int>((std::min<std::int64_t>(c.to, 120000) - 1) / 2000);
        EXPECT_EQ(context->cues, range(firstCue, lastCue)) << "claim " << c.claim;
        std::string text;
        for (int i : context->cues)
            text += (text.empty() ? "w" : " w") + std::to_string(i);
        EXPECT_EQ(context->text, text);
    }
}

TEST(SpokenContext, TheNextCitedTimeIsCappedAMinuteAway)
{
    const Note note = NoteBuilder().claim("a", 1, {1000}).claim("b", 2, {200000}).note();
    const auto context = spokenContext(note, everyTwoSeconds(200), 0);
    ASSERT_TRUE(context);
    EXPECT_EQ(context->fromMs, 0);
    EXPECT_EQ(context->toMs, 1000 + kMaxTailMs);
}

TEST(SpokenContext, NothingForAClaimWithoutATimeOrOutOfRange)
{
    const Note& note = handNote();
    const Transcript transcript = everyTwoSeconds(10);
    EXPECT_FALSE(spokenContext(note, transcript, 7));  // only an unreadable citation
    EXPECT_FALSE(spokenContext(note, transcript, -1));
    EXPECT_FALSE(spokenContext(note, transcript, static_cast<int>(note.claims.size())));
}

TEST(SpokenContext, AWindowWithoutCuesAndCueLinesJoinedBySpaces)
{
    const Note& note = handNote();
    const auto empty = spokenContext(note, Transcript{}, 0);
    ASSERT_TRUE(empty);
    EXPECT_EQ(empty->fromMs, 2000);
    EXPECT_TRUE(empty->cues.empty());
    EXPECT_EQ(empty->text, "");

    Transcript transcript;
    transcript.cues = {{0, 4000, "first line\nsecond line", 1}, {4000, 8000, "next", 5}};
    const auto joined = spokenContext(note, transcript, 0);
    ASSERT_TRUE(joined);
    EXPECT_EQ(joined->text, "first line second line next");
}

// ---------------------------------------------------------------------------------------------
// The bundled sample note

std::string readFile(const std::string& path)
{
    std::ifstream in(path, std::ios::binary);
    std::ostringstream out;
    out << in.rdbuf();
    return out.str();
}

class SampleNoteFollow : public ::testing::Test {
protected:
    static void SetUpTestSuite()
    {
        sample_ = new Note(resolveTimestamps(parseNote(readFile(SCHOLIA_SAMPLE_NOTE), SCHOLIA_SAMPLE_NOTE)));
    }
    static void TearDownTestSuite()
    {
        delete sample_;
        sample_ = nullptr;
    }
    static const Note& note() { return *sample_; }

    static int citationWritten(const std::string& written)
    {
        for (std::size_t i = 0; i < note().citations.size(); ++i)
            if (note().citations[i].written == written)
                return static_cast<int>(i);
        ADD_FAILURE() << "no citation " << written;
        return -1;
    }
    static int claimCiting(const std::string& written)
    {
        const int citation = citationWritten(written);
        return citation < 0 ? -2 : note().citations[static_cast<std::size_t>(citation)].claim;
    }
    static int headingNamed(const std::string& text)
    {
        for (std::size_t i = 0; i < note().outline.size(); ++i)
            if (note().outline[i].text == text)
                return static_cast<int>(i);
        ADD_FAILURE() << "no heading " << text;
        return -1;
    }

private:
    static inline Note* sample_ = nullptr;
};

TEST_F(SampleNoteFollow, ActiveClaimFollowsTheCitedTimes)
{
    ASSERT_FALSE(note().citations.empty()) << "the parser returned no citations";
    const Timeline timeline = buildTimeline(note());
    EXPECT_EQ(timeline.size(), note().citations.size());  // every citation in the sample resolves
    struct Case {
        std::int64_t position;
        const char* citation;  // the written time of a citation of the expected claim
    };
    const std::vector<Case> cases = {
        {9000, "00:00:09"},   {51999, "00:00:38"},  {71000, "01:11:11"},  {116999, "01:33:04"},
        {117000, "01:57:00"}, {494000, "08:14:00"}, {797000, "13:17:00"}, {820000, "13:17:00"},
    };
    for (const Case& c : cases)
        EXPECT_EQ(activeClaim(timeline, c.position), claimCiting(c.citation)) << c.position;
    EXPECT_EQ(activeClaim(timeline, 8999), std::nullopt);

    for (std::int64_t position = -1000; position < 820000; position += 250)
        ASSERT_EQ(activeClaim(timeline, position), bruteForceActiveClaim(note(), position)) << position;
}

TEST_F(SampleNoteFollow, SectionSpansFromTheNote)
{
    const std::vector<SectionSpan> spans = sectionSpans(note());
    ASSERT_EQ(spans.size(), note().outline.size());
    struct Case {
        const char* heading;
        TimeSpan span;
        const char* firstCitation;
    };
    const std::vector<Case> cases = {
        {"The Changing Nature of Conflict", {52000, 117000}, "00:00:52"},
        {"An Unlikely Target", {143000, 184000}, "02:23:01"},  // with both country subsections
        {"Iran (Islamic Republic of Iran)", {148000, 158000}, "02:28:07"},
        {"Historical Context: Iran and the MEK", {197000, 526000}, "03:17:01"},  // its own paragraph cites nothing
        {"Response and Implications", {606000, 797000}, "10:06:00"},
    };
    for (const Case& c : cases) {
        const int heading = headingNamed(c.heading);
        if (heading < 0)
            continue;
        const SectionSpan& section = spans[static_cast<std::size_t>(heading)];
        EXPECT_EQ(section.span, c.span) << c.heading;
        EXPECT_EQ(section.firstCitation, citationWritten(c.firstCitation)) << c.heading;
    }

    const Timeline timeline = buildTimeline(note());
    EXPECT_EQ(activeSection(note(), timeline, 30000), std::nullopt);  // the introduction has no heading
    EXPECT_EQ(activeSection(note(), timeline, 71000), headingNamed("The Changing Nature of Conflict"));
    EXPECT_EQ(activeSection(note(), timeline, 150000), headingNamed("Iran (Islamic Republic of Iran)"));
    EXPECT_EQ(activeSection(note(), timeline, 200000),
              headingNamed("Historical context of Iran's international relations"));
}

TEST_F(SampleNoteFollow, MarksForEveryCitationAndSection)
{
    const std::vector<CitationMark> citations = citationMarks(note());
    EXPECT_EQ(citations.size(), note().citations.size());
    EXPECT_TRUE(std::is_sorted(citations.begin(), citations.end(),
                               [](const CitationMark& a, const CitationMark& b) { return a.ms < b.ms; }));
    for (const CitationMark& mark : citations) {
        EXPECT_FALSE(mark.label.empty());
        EXPECT_LE(mark.label.size(), kMarkLabelChars * 4);
    }

    const std::vector<SectionMark> sections = sectionMarks(note());
    EXPECT_EQ(sections.size(), note().outline.size());  // every section of the sample cites the video
    ASSERT_FALSE(sections.empty());
    EXPECT_EQ(sections.front().ms, 52000);
    EXPECT_EQ(sections.front().label, "The Changing Nature of Conflict");
    EXPECT_EQ(sections.front().level, 2);
}

TEST_F(SampleNoteFollow, WhatWasSaidForAClaimFromItsTranscript)
{
    const Transcript transcript
        = parseTranscript(readFile(std::string(SCHOLIA_TEST_DATA_DIR) + "/transcripts/Sample [i_4Jtcev5VY].en.vtt"));
    ASSERT_FALSE(transcript.cues.empty());
    const int claim = claimCiting("01:11:11");  // cites 0:52 .. 1:33; the note cites 1:57 next
    ASSERT_GE(claim, 0);
    const auto context = spokenContext(note(), transcript, claim);
    ASSERT_TRUE(context);
    EXPECT_EQ(context->fromMs, 49000);
    EXPECT_EQ(context->toMs, 117000);
    EXPECT_TRUE(context->text.starts_with("it really helps the channel so let's get started traditional interstate"))
        << context->text;
    EXPECT_NE(context->text.find("with bombs and bullets but a new mode of conflict is emerging"), std::string::npos);
    EXPECT_TRUE(context->text.ends_with("another state from thousands of kilometers away")) << context->text;
}

}  // namespace
}  // namespace scholia
