#pragma once
// WebVTT chapters (a `kind="chapters"` track for HTML5 players): one cue per chapter, the same
// chapters as the YouTube export (Chapters.h) except that one chapter is enough. Each cue ends
// where the next begins; the last at the video's duration, or, when that is unknown,
// kChapterTailMs (10 s) after the last citation, which is said in an info diagnostic.

#include "export/Chapters.h"
#include "export/ExportResult.h"
#include "note/Note.h"

#include <cstdint>
#include <string>

namespace scholia {

// "00:01:27.000": WebVTT's hours form, valid for any length.
std::string formatVttTime(std::int64_t ms);

// `options.minimumChapters` is ignored: a chapters track may have a single cue.
ExportResult exportWebVttChapters(const Note& note, ChapterOptions options = {});

}  // namespace scholia
