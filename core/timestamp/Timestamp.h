#pragma once
// Reading the text of one timestamp ("01:11:11", "13:17", "0:25:23.5", "11:31:94",
// "01:00:17:51", "59:56:") into its fields, without deciding what it means yet.
// Deciding needs the whole note and the video's duration: see TimestampResolver.h.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace scholia {

struct TimestampText {
    std::vector<std::int64_t> fields;  // numeric fields as written, most significant first (1 to 4)
    int millis = 0;                    // a ".mmm" or ",mmm" fraction on the last field
    std::vector<std::string> oddities; // what was unusual and tolerated, in words (empty = clean)

    friend bool operator==(const TimestampText&, const TimestampText&) = default;
};

// Returns nothing when no time can be recovered at all ("", "HH:MM:SS", "abc").
// Tolerates: surrounding spaces and brackets, a trailing ':' ("59:56:"), 1-digit fields,
// fields >= 60 (kept as written; the resolver decides), stray characters such as ']'.
std::optional<TimestampText> parseTimestampText(std::string_view text);

// How a duration or position is shown to people: "0:09", "1:11", "13:17", "1:02:03".
std::string formatClock(std::int64_t ms);

}  // namespace scholia
