#pragma once
// The times a benchmark seeks to: citations of a real note, drawn at random but reproducibly.

#include <cstdint>
#include <string>
#include <vector>

namespace scholia::bench {

struct CitationTimes {
    std::vector<std::int64_t> ms;  // distinct, in the order they are to be used
    std::string source;            // where they come from, for the report
};

// `count` distinct citation times of the note at `notePath` that lie before `durationMs`
// (parseNote + resolveTimestamps), drawn with `seed`. When the note yields too few (no parser
// yet, unreadable file), times drawn uniformly from 9..797 s instead, still with `seed`.
CitationTimes drawCitationTimes(const std::string& notePath, std::int64_t durationMs, unsigned seed, int count);

}  // namespace scholia::bench
