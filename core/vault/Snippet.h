#pragma once
// Short excerpts of a claim for result lists: around the words a search matched, or the
// sentence a wikilink sits in. Cut at word boundaries, never inside a UTF-8 sequence,
// with "…" where text was left out.

#include "vault/SearchTerms.h"

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace scholia {

struct Snippet {
    std::string text;
    std::vector<std::pair<std::size_t, std::size_t>> highlights;  // [begin, end) byte ranges of `text`

    friend bool operator==(const Snippet&, const Snippet&) = default;
};

inline constexpr std::size_t kDefaultSnippetBytes = 200;

// About `width` bytes of `text` around the first word `query` matches, every match highlighted.
// Without a match: the beginning of `text`.
Snippet searchSnippet(std::string_view text, const SearchQuery& query, std::size_t width = kDefaultSnippetBytes);

// The sentence of `text` holding `needle` (a link's label), trimmed to about `width` bytes
// around it, the needle highlighted. Without `needle` in `text`: the beginning of `text`.
Snippet sentenceSnippet(std::string_view text, std::string_view needle, std::size_t width = kDefaultSnippetBytes);

// Line `line` (1-based) of a note's source as plain text, for a link outside any claim
// ("From: [[channel]] <br/>" -> "From: channel"): wikilinks by their label, HTML tags and
// emphasis marks dropped, list and heading markers trimmed.
std::string plainTextOfLine(std::string_view source, int line);

}  // namespace scholia
