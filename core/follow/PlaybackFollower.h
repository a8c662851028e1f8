#pragma once
// Following playback in the note: which claim and which section the video has reached, and
// what each section covers. Pure functions over a resolved Note (NoteResolver.h). The GUI asks
// several times a second while the video plays, so those questions are binary searches over a
// Timeline built once per note.

#include "note/Note.h"

#include <cstdint>
#include <optional>
#include <vector>

namespace scholia {

struct TimelineEntry {
    std::int64_t ms = 0;  // the citation's resolved time
    int citation = 0;     // index into Note::citations
    int claim = -1;       // the citation's claim (index into Note::claims), -1 when outside any

    friend bool operator==(const TimelineEntry&, const TimelineEntry&) = default;
};

// The note's citations that have a resolved time, sorted by it; note order among equal times.
using Timeline = std::vector<TimelineEntry>;
Timeline buildTimeline(const Note& note);

// Index into `timeline` of the citation passed last at `positionMs`: the greatest time <= position,
// the first in note order when several share it. Nothing before the first citation. O(log n).
std::optional<int> activeEntry(const Timeline& timeline, std::int64_t positionMs);

// The claim whose citation was passed last (as activeEntry, skipping citations outside any claim
// among those sharing that time). Nothing before the first citation, or when the citations passed
// last belong to no claim. O(log n).
std::optional<int> activeClaim(const Timeline& timeline, std::int64_t positionMs);

struct TimeSpan {
    std::int64_t fromMs = 0;
    std::int64_t toMs = 0;  // >= fromMs

    friend bool operator==(const TimeSpan&, const TimeSpan&) = default;
};

struct SectionSpan {
    int heading = 0;                   // index into Note::outline
    std::optional<TimeSpan> span;      // earliest..latest cited time in the section, subsections included
    std::optional<int> firstCitation;  // its first citation with a time in note order: clicking the heading seeks there

    friend bool operator==(const SectionSpan&, const SectionSpan&) = default;
};

// One per heading of the outline, in outline order. A section runs from its heading to the next
// heading of the same or a higher level, so it includes its subsections; a citation on the heading's
// own line belongs to it. Expects the outline and the citations in source order, as parseNote() gives.
std::vector<SectionSpan> sectionSpans(const Note& note);

// The innermost section holding `line` (the last heading at or before it), nothing before the first heading.
std::optional<int> sectionAtLine(const Note& note, int line);

// The innermost section holding the citation passed last at `positionMs` (see activeEntry), with
// `timeline` built from `note`; nothing before the first citation or when that citation comes
// before the first heading. O(log n).
std::optional<int> activeSection(const Note& note, const Timeline& timeline, std::int64_t positionMs);

}  // namespace scholia
