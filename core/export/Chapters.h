#pragma once
// Video chapters from a note's sections, following YouTube's rules for chapters in a video
// description: the first at 0:00, at least three, each at least 10 s long, in ascending order,
// written "M:SS Title" ("H:MM:SS Title" for a video of an hour or more).
//
// How a note becomes chapters:
// - Chapter headings are those at the note's section level: the shallowest heading level used
//   at least twice (so a lone "# Title" above "## Sections" is not the only chapter), or the
//   shallowest level when none is used twice; ChapterOptions::level overrides it. Deeper
//   headings stay inside their chapter. A lone shallower heading opening the note ("# Title")
//   belongs to the intro; other shallower ones group sections: one with cited text of its own
//   (before its first section) is a chapter too, one without is passed over in silence.
// - A chapter starts at the first resolved citation in its section (subsections included);
//   citations past the end of the video are ignored. Times are whole seconds, rounded down.
// - Cited text before the first chapter heading becomes a chapter "Intro". Without it, the
//   first section itself is moved to 0:00: its title says what the video opens with better
//   than a made-up "Intro" would.
// - A section without a citation has no time: its content stays in the previous chapter (a
//   warning says so).
// - A section whose time is not after the previous chapter's is merged into that chapter.
// - A section starting less than 10 s after the chapter before it is merged into that chapter,
//   which would otherwise be too short (so sections in the first 10 s join the first chapter).
//   The last chapter ends at the video's duration when known, else 10 s after the last
//   citation; when it would last less than 10 s, it is merged into the one before it.
// - Fewer than three chapters left is an error: YouTube would show none.

#include "export/ExportResult.h"
#include "note/Note.h"

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace scholia {

struct Chapter {
    std::int64_t startMs = 0;  // whole seconds
    std::string title;         // one line
    int line = 0;              // the heading's line; 0 for "Intro"
};

struct ChapterOptions {
    std::optional<std::int64_t> durationMs;  // the video's length; nullopt: the front matter's, if any
    int level = 0;                           // headings at this level or shallower start chapters; 0 = automatic
    std::size_t minimumChapters = 3;         // YouTube's rule; WebVTT chapters make do with one
};

// When the duration is unknown, the last chapter ends this long after the last citation.
inline constexpr std::int64_t kChapterTailMs = 10'000;
inline constexpr std::int64_t kMinimumChapterMs = 10'000;  // YouTube's shortest chapter

struct ChapterList {
    std::vector<Chapter> chapters;        // ascending; the first at 0
    std::int64_t endMs = 0;               // where the last chapter ends
    bool endIsDuration = false;           // endMs is the video's duration (else a guess)
    std::vector<Diagnostic> diagnostics;  // what was merged or moved, and why; an error when too few
};

// `note` should be resolved (resolveTimestamps); its resolutions give the times.
ChapterList buildChapters(const Note& note, const ChapterOptions& options = {});

// "1:02" or "1:01:02" (hours = true): YouTube's chapter times.
std::string formatChapterTime(std::int64_t ms, bool hours);

// The chapters as YouTube reads them in a video description: "0:00 Intro\n0:52 ...\n".
// Uses the H:MM:SS form when the video (or, without a duration, the last chapter's end) is an
// hour or longer.
ExportResult exportYouTubeChapters(const Note& note, const ChapterOptions& options = {});

}  // namespace scholia
