#include "follow/SpokenContext.h"

#include "transcript/TranscriptLookup.h"

#include <algorithm>

namespace scholia {

std::optional<SpokenContext> spokenContext(const Note& note, const Transcript& transcript, int claimIndex,
                                           std::int64_t leadInMs)
{
    if (claimIndex < 0 || static_cast<std::size_t>(claimIndex) >= note.claims.size())
        return std::nullopt;
    std::optional<std::int64_t> first;
    std::optional<std::int64_t> last;
    for (int c : note.claims[static_cast<std::size_t>(claimIndex)].citations) {
        if (c < 0 || static_cast<std::size_t>(c) >= note.citations.size())
            continue;
        const auto& ms = note.citations[static_cast<std::size_t>(c)].resolution.ms;
        if (!ms)
            continue;
        first = std::min(first.value_or(*ms), *ms);
        last = std::max(last.value_or(*ms), *ms);
    }
    if (!first)
        return std::nullopt;

    // The next cited time of the whole note: one pass, no sorting needed for a single question.
    std::optional<std::int64_t> next;
    for (const Citation& citation : note.citations) {
        const auto& ms = citation.resolution.ms;
        if (ms && *ms > *last)
            next = std::min(next.value_or(*ms), *ms);
    }

    SpokenContext context;
    context.fromMs = std::max<std::int64_t>(0, *first - std::max<std::int64_t>(0, leadInMs));
    context.toMs = next ? std::min(*next, *last + kMaxTailMs) : *last + kLastCitationTailMs;
    context.cues = cuesBetween(transcript, context.fromMs, context.toMs);
    for (int index : context.cues) {
        if (!context.text.empty())
            context.text += ' ';
        std::string cueText = transcript.cues[static_cast<std::size_t>(index)].text;
        std::replace(cueText.begin(), cueText.end(), '\n', ' ');
        context.text += cueText;
    }
    return context;
}

}  // namespace scholia
