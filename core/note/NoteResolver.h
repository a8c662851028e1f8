#pragma once
// Resolving a note's citations against the video's duration (known or not).

#include "note/Note.h"

#include <cstdint>
#include <optional>

namespace scholia {

// Pure: returns the note with every Citation::resolution set and resolution diagnostics
// (reinterpreted, past the end, unreadable) replacing those of any earlier resolution.
// `durationMs` wins over the front matter's `duration`; pass nullopt to use that or none.
// With Explanations::Skipped the resolution diagnostics are the same but their messages
// (and Resolution::explanation) are empty.
Note resolveTimestamps(Note note, std::optional<std::int64_t> durationMs = std::nullopt,
                       Explanations explanations = Explanations::Written);

}  // namespace scholia
