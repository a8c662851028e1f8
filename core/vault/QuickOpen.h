#pragma once
// Quick-open matching: how well what the user typed fits a note's title or file name.
// Tiers, best first: the whole name, its beginning, a word's beginning, anywhere, every typed
// word somewhere, the letters in order with gaps ("cywr" fits "cyber warfare").

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace scholia {

// Folds what quick open compares: foldForSearch, with '_' read as a space ("cyber_warfare").
std::string foldForQuickOpen(std::string_view text);

// Higher is better; nothing when `query` does not fit `candidate`. Both folded by foldForQuickOpen.
std::optional<int> quickOpenScore(std::string_view query, std::string_view candidate);

// Which characters a folded text holds, as bits: a candidate lacking one the query has cannot
// fit it (quickOpenLetters(query) & ~quickOpenLetters(candidate) != 0), which rules most out in a nanosecond.
std::uint64_t quickOpenLetters(std::string_view folded);

}  // namespace scholia
