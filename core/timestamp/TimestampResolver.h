#pragma once
// Resolving what each written timestamp of a note means, in milliseconds.
// Real notes mix "HH:MM:SS" with "MM:SS:xx" (01:11:11 meaning 1:11) and worse; the rule
// is documented in docs/timestamps.md and chosen per note, with the video's duration
// when it is known.

#include "timestamp/Timestamp.h"

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <vector>

namespace scholia {

enum class Reading {
    Literal,             // fields read as [[H:]M:]S as written
    MinutesSeconds,      // "MM:SS:xx": the last field dropped (frames or junk), 01:11:11 -> 1:11
    HoursMinutesSeconds  // "H:MM:SS:xx" four fields: the last one dropped
};

struct Resolution {
    std::optional<std::int64_t> ms;  // empty only when the text had no time at all
    Reading reading = Reading::Literal;
    bool reinterpreted = false;  // true when the reading is not the literal one
    bool pastEnd = false;        // lies past the known duration even so
    bool carried = false;        // a field >= 60 was carried into the next one up
    std::string explanation;     // e.g. "01:11:11 read as 1:11 (MM:SS:xx)"; empty when literal and fine
};

// Whether the author is told about a resolution: set exactly when `explanation` is written.
inline bool isNoteworthy(const Resolution& r)
{
    return r.reinterpreted || r.carried || r.pastEnd;
}

enum class Explanations {
    Written,  // each Resolution::explanation spelled out
    Skipped   // left empty (a vault index keeps only how many there are)
};

// Resolves a note's timestamps, in the order they appear, all together (the choice for one
// depends on its neighbours). `durationMs` is the video's length when known.
std::vector<Resolution> resolveTimestampSequence(const std::vector<std::optional<TimestampText>>& texts,
                                                 std::optional<std::int64_t> durationMs);

// The same over texts held elsewhere (nullptr: a stamp with no time), without copying them.
std::vector<Resolution> resolveTimestampSequence(std::span<const TimestampText* const> texts,
                                                 std::optional<std::int64_t> durationMs,
                                                 Explanations explanations = Explanations::Written);

}  // namespace scholia
