#include "annotations/LoopRange.h"

namespace scholia {

std::optional<LoopRange> claimLoopRange(const Note& note, int citationIndex, std::optional<std::int64_t> durationMs)
{
    if (citationIndex < 0 || static_cast<std::size_t>(citationIndex) >= note.citations.size())
        return std::nullopt;
    const Resolution& start = note.citations[static_cast<std::size_t>(citationIndex)].resolution;
    if (!start.ms || start.pastEnd)
        return std::nullopt;
    const std::int64_t a = *start.ms;
    std::optional<std::int64_t> b;
    for (const Citation& citation : note.citations) {
        const Resolution& r = citation.resolution;
        if (r.ms && !r.pastEnd && *r.ms > a && (!b || *r.ms < *b))
            b = *r.ms;
    }
    if (!b && durationMs && *durationMs > a)
        b = *durationMs;
    if (!b)
        return std::nullopt;
    return LoopRange{a, *b};
}

}  // namespace scholia
