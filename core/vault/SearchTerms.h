#pragma once
// How text becomes search terms, the same way for notes and for queries: words are cut at
// anything that is not a letter or digit (apostrophes and hyphens too: "Iran's" -> iran, s),
// lowercased and folded to ASCII where a Latin letter has an ASCII base ("Café" -> cafe).
// Letters of other scripts are kept (Greek and Cyrillic lowercased).

#include "render/WordScan.h"

#include <array>
#include <cstddef>
#include <cstdint>
#include <cstring>
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

// The folded word being built: on the stack while it is short, as every indexable word is,
// and written in place (a std::string would be zeroed or checked a byte at a time).
class TermBuffer {
public:
    TermBuffer() = default;
    TermBuffer(const TermBuffer&) = delete;
    TermBuffer& operator=(const TermBuffer&) = delete;

    std::string_view view() const { return {m_data, m_size}; }
    bool empty() const { return m_size == 0; }
    void clear() { m_size = 0; }

    // Room for `bytes` more at the end; commit() keeps those written.
    char* room(std::size_t bytes)
    {
        if (m_capacity - m_size < bytes)
            grow(m_size + bytes);
        return m_data + m_size;
    }
    void commit(std::size_t bytes) { m_size += bytes; }

    void append(std::string_view bytes)
    {
        if (!bytes.empty())
            std::memcpy(room(bytes.size()), bytes.data(), bytes.size());
        commit(bytes.size());
    }

private:
    void grow(std::size_t needed);

    std::array<char, 128> m_short;  // not zeroed: only the committed bytes are read
    std::string m_long;
    char* m_data = m_short.data();
    std::size_t m_size = 0;
    std::size_t m_capacity = m_short.size();
};

// The high bit of each byte of `word` that is an ASCII letter or digit. Eight bytes at once:
// most words are shorter, so a word usually takes one step instead of one per byte.
inline std::uint64_t asciiLettersAndDigits(std::uint64_t word)
{
    using wordscan::kHighs;
    using wordscan::kOnes;
    const std::uint64_t low = word & ~kHighs;  // no byte can carry into the next below
    const std::uint64_t lower = low | (kOnes * 0x20);
    const std::uint64_t letters = (lower + kOnes * (0x80 - 'a')) & ~(lower + kOnes * (0x7F - 'z'));
    const std::uint64_t digits = (low + kOnes * (0x80 - '0')) & ~(low + kOnes * (0x7F - '9'));
    return (letters | digits) & ~word & kHighs;
}

// Appends the folded ASCII letters and digits from text[at] on to `term`; returns where they end.
// Folding either is setting bit 0x20: letters become lowercase, digits have it already.
inline std::size_t foldAsciiRun(std::string_view text, std::size_t at, TermBuffer& term)
{
    if constexpr (wordscan::kEnabled) {
        while (at + 8 <= text.size()) {
            const std::uint64_t word = wordscan::load(text, at);
            const std::uint64_t folded = word | (wordscan::kOnes * 0x20);
            std::memcpy(term.room(8), &folded, 8);  // the bytes past the run are not kept
            const std::uint64_t stops = ~asciiLettersAndDigits(word) & wordscan::kHighs;
            const std::size_t run = stops ? wordscan::firstFlagged(stops) : 8;
            term.commit(run);
            at += run;
            if (run < 8)
                return at;
        }
    }
    for (; at < text.size(); ++at) {
        const char c = kByteFolds[static_cast<unsigned char>(text[at])];
        if (c == 0)
            break;
        *term.room(1) = c;
        term.commit(1);
    }
    return at;
}
}  // namespace detail

// Every word of `text`, in order, stop words and one-letter words included. Inline: indexing
// calls it on every claim of every note, and the ASCII path is most of the work.
template <typename Visit>
void scanSearchTokens(std::string_view text, Visit&& visit)
{
    detail::TermBuffer term;
    std::string character;  // one non-ASCII character, folded
    std::size_t begin = 0;
    std::size_t at = 0;
    while (at < text.size()) {
        std::size_t separator = at;  // where the word before ends
        if (const auto byte = static_cast<unsigned char>(text[at]); byte >= 0x80) {
            character.clear();
            const detail::FoldedCharacter folded = detail::foldNonAscii(text, at, character);
            term.append(character);
            at += folded.length;
            if (folded.letter && !character.empty())
                continue;
        } else if (detail::kByteFolds[byte] == 0) {
            ++at;
        } else {
            at = detail::foldAsciiRun(text, at, term);
            if (at == text.size() || static_cast<unsigned char>(text[at]) >= 0x80)
                continue;  // the word may go on with a letter beyond ASCII
            separator = at++;  // the ASCII byte that ended the run separates: no step of its own
        }
        if (!term.empty()) {
            visit(SearchToken{term.view(), begin, separator});
            term.clear();
        }
        begin = at;  // where the next word can start
    }
    if (!term.empty())
        visit(SearchToken{term.view(), begin, at});
}

// The same, for callers that prefer a std::function.
void forEachSearchToken(std::string_view text, const std::function<void(const SearchToken&)>& visit);

namespace detail {
inline constexpr std::size_t kMaxTermBytes = 64;
inline constexpr std::size_t kLongestStopWord = 5;
bool isStopWord(std::string_view word);  // one of some 60 frequent English words
}  // namespace detail

// The words worth indexing: no stop words, no one-character words, nothing longer than 64 bytes.
// Inline: indexing asks it of every word, and most are longer than any stop word.
inline bool isIndexableTerm(std::string_view term)
{
    if (term.size() < 2 || term.size() > detail::kMaxTermBytes)
        return false;
    return term.size() > detail::kLongestStopWord || !detail::isStopWord(term);
}

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
