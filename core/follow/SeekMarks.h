#pragma once
// Marks on the player's seek bar: a tick for every citation, a larger one where each section
// starts, each with a label for its tooltip. Pure functions over a resolved Note.

#include "note/Note.h"

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace scholia {

// Labels are cut to about this many characters (not bytes), at a word boundary, with "…".
inline constexpr std::size_t kMarkLabelChars = 60;

struct CitationMark {
    std::int64_t ms = 0;
    int citation = 0;   // index into Note::citations
    int claim = -1;     // index into Note::claims, -1 when the citation is outside any claim
    std::string label;  // the claim's text, shortened; empty outside a claim

    friend bool operator==(const CitationMark&, const CitationMark&) = default;
};

struct SectionMark {
    std::int64_t ms = 0;  // the section's first citation in note order (where clicking its heading seeks)
    int heading = 0;      // index into Note::outline
    int level = 1;        // the heading's level, for showing top-level sections only
    std::string label;    // the heading's text, shortened

    friend bool operator==(const SectionMark&, const SectionMark&) = default;
};

// Every citation with a resolved time, sorted by it (note order among equal times).
std::vector<CitationMark> citationMarks(const Note& note);

// Every section with a cited time (see sectionSpans()), sorted by time (outline order among equal times).
std::vector<SectionMark> sectionMarks(const Note& note);

// `text` cut to at most `maxChars` characters: at the last space before the limit when there is
// one, then "…" (which counts). Never cuts inside a UTF-8 sequence.
std::string shortLabel(std::string_view text, std::size_t maxChars = kMarkLabelChars);

}  // namespace scholia
