#pragma once
// How text becomes search terms, the same way for notes and for queries: words are cut at
// anything that is not a letter or digit (apostrophes and hyphens too: "Iran's" -> iran, s),
// lowercased and folded to ASCII where a Latin letter has an ASCII base ("Café" -> cafe).
// Letters of other scripts are kept (Greek and Cyrillic lowercased).

#include <array>
#include <cstddef>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

namespace scholia {

// One word of `text`: its folded form and where it was, in bytes of the original text.
struct SearchToken {
    std::string_view term;  // folded; valid only during the callback
    std::size_t begin = 0;
    std::size_t end = 0;
};

namespace detail {
// The folded form of each ASCII byte; 0 for the bytes that separate words.
extern const std::array<char, 128> kAsciiFolds;
// The same over every byte value, 0 from 0x80 on: one lookup a byte in the scanning loop.
extern const std::array<char, 256> kByteFolds;

struct FoldedCharacter {
    std::size_t length = 1;  // bytes of `text` it took
    bool letter = false;     // false: it separates words (nothing was appended)
};
// Folds the non-ASCII character at text[at] onto `term`.
FoldedCharacter foldNonAscii(std::string_view text, std::size_t at, std::string& term);
}  // namespace detail

// Every word of `text`, in order, stop words and one-letter words included. Inline: indexing
// calls it on every claim of every note, and the ASCII path is most of the work.
template <typename Visit>
void scanSearchTokens(std::string_view text, Visit&& visit)
{
    std::string term;
    std::size_t begin = 0;
    std::size_t at = 0;
    const char* const bytes = text.data();
    const std::size_t size = text.size();
    const auto fold = [](char c) { return detail::kByteFolds[static_cast<unsigned char>(c)]; };
    while (at < size) {
        const std::size_t start = at;
        bool letter = false;
        if (static_cast<unsigned char>(bytes[at]) < 0x80) {
            std::size_t end = at;
            while (end < size && fold(bytes[end]) != 0)
                ++end;
            if (end > at) {
                // Appended, then folded in place: resize() would zero the bytes first.
                const std::size_t old = term.size();
                term.append(bytes + at, end - at);
                char* const last = term.data() + term.size();  // local pointers: writes cannot move them
                for (char* out = term.data() + old; out != last; ++out)
                    *out = fold(*out);
                letter = true;
                at = end;
            } else {
                at = at + 1;
            }
        } else {
            const std::size_t before = term.size();
            const detail::FoldedCharacter folded = detail::foldNonAscii(text, at, term);
            letter = folded.letter && term.size() > before;
            at += folded.length;
        }
        if (letter)
            continue;
        if (!term.empty()) {
            visit(SearchToken{term, begin, start});
            term.clear();
        }
        begin = at;  // where the next word can start
    }
    if (!term.empty())
        visit(SearchToken{term, begin, at});
}

// The same, for callers that prefer a std::function.
void forEachSearchToken(std::string_view text, const std::function<void(const SearchToken&)>& visit);

// The words worth indexing: no stop words, no one-character words, nothing longer than 64 bytes.
bool isIndexableTerm(std::string_view term);

// The indexable terms of `text`, in order, repeats kept.
std::vector<std::string> searchTerms(std::string_view text);

// The whole text lowercased and folded, separators kept as they were: for substring matching.
std::string foldForSearch(std::string_view text);

struct SearchQuery {
    std::vector<std::string> terms;  // every one must match
    bool lastIsPrefix = false;       // type-ahead: the last term matches any term it begins
};

// "Cyber atta" -> {cyber, atta}, prefix. A query ending in a space has no prefix term.
// Stop words are dropped, except a last term typed as a prefix ("the" may become "theory").
SearchQuery parseSearchQuery(std::string_view text);

}  // namespace scholia
