#pragma once
// The A-B range of "Loop this claim": from a citation's time to the next later time cited
// anywhere in the note (claims are not always in time order), or to the end of the video.

#include "note/Note.h"

#include <cstdint>
#include <optional>

namespace scholia {

struct LoopRange {
    std::int64_t a = 0;
    std::int64_t b = 0;  // always > a
    friend bool operator==(const LoopRange&, const LoopRange&) = default;
};

// Nothing when the citation has no usable time (unreadable, past the end) or nothing
// follows it: no later citation and no known duration past it.
std::optional<LoopRange> claimLoopRange(const Note& note, int citationIndex,
                                        std::optional<std::int64_t> durationMs = std::nullopt);

}  // namespace scholia
