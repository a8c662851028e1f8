#pragma once
// "Show what was said" for a claim: the stretch of the transcript the claim's citations point
// into, from a little before its first cited time to where the note cites the video next.

#include "note/Note.h"
#include "transcript/Transcript.h"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace scholia {

inline constexpr std::int64_t kDefaultLeadInMs = 3000;      // a citation often lands just after the words began
inline constexpr std::int64_t kLastCitationTailMs = 30000;  // after the note's last cited time
inline constexpr std::int64_t kMaxTailMs = 60000;           // however far away the next cited time is

struct SpokenContext {
    std::int64_t fromMs = 0;
    std::int64_t toMs = 0;  // > fromMs
    std::vector<int> cues;  // the cues overlapping [fromMs, toMs) (indices into Transcript::cues)
    std::string text;       // their text in order, lines and cues separated by one space

    friend bool operator==(const SpokenContext&, const SpokenContext&) = default;
};

// For claim `claimIndex` of a resolved note, with first..last its earliest and latest cited times:
//   fromMs = first - leadInMs (not below 0);
//   toMs   = the note's next cited time after `last` (of any citation), at most last + kMaxTailMs,
//            or last + kLastCitationTailMs when no citation of the note comes later.
// Nothing when the index is out of range or the claim has no citation with a time. A transcript
// without cues there gives the window with no cues and no text.
std::optional<SpokenContext> spokenContext(const Note& note, const Transcript& transcript, int claimIndex,
                                           std::int64_t leadInMs = kDefaultLeadInMs);

}  // namespace scholia
