#pragma once
// What the GUI asks of a transcript while the video plays: the cue on screen now, the cues of
// a stretch of time, the cues that mention a word. Indices are into Transcript::cues.

#include "transcript/Transcript.h"

#include <cstdint>
#include <optional>
#include <string_view>
#include <vector>

namespace scholia {

// How many cues before a time cueAt() and cuesBetween() look back at for one still showing:
// captions overlap only a little, and a bound keeps the lookups O(log n).
inline constexpr int kCueLookBack = 8;

// The cue being shown at `ms` (startMs <= ms < endMs); when cues overlap, the one that started
// last. A cue still showing under more than kCueLookBack later-starting ones is not found.
std::optional<int> cueAt(const Transcript& transcript, std::int64_t ms);

// The cues overlapping [fromMs, toMs) (a zero-length cue counts when it starts inside), in order;
// as for cueAt(), a cue that started before fromMs is found within kCueLookBack cues.
std::vector<int> cuesBetween(const Transcript& transcript, std::int64_t fromMs, std::int64_t toMs);

// The cues whose text contains `query`, in order. Case-insensitive for ASCII and for the Latin-1,
// Latin Extended-A, Greek and Cyrillic letters; whitespace runs and line breaks match one space.
// An empty (or all-space) query matches nothing.
std::vector<int> searchTranscript(const Transcript& transcript, std::string_view query);

}  // namespace scholia
