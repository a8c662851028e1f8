#pragma once
// How text becomes search terms, the same way for notes and for queries: words are cut at
// anything that is not a letter or digit (apostrophes and hyphens too: "Iran's" -> iran, s),
// lowercased and folded to ASCII where a Latin letter has an ASCII base ("Café" -> cafe).
// Letters of other scripts are kept (Greek and Cyrillic lowercased).

#include "common/FastHash.h"

#include <algorithm>
#include <array>
#include <bit>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <memory>
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

// One word found by scanFoldedWords(): its folded bytes in the FoldedText, and where it was
// in bytes of the original text.
struct FoldedWord {
    std::size_t offset = 0;  // into FoldedText::data()
    std::size_t size = 0;
    std::size_t begin = 0;
    std::size_t end = 0;
};

// The bytes that scanFoldedWords() folds words into, and its scratch space; reused from text to
// text, it allocates only to grow. Eight readable bytes follow every word, so that a short word
// can be read in one load (paddedBytesValue).
class FoldedText {
public:
    FoldedText() = default;
    FoldedText(const FoldedText&) = delete;
    FoldedText& operator=(const FoldedText&) = delete;

    const char* data() const { return m_data.get(); }
    std::size_t size() const { return m_size; }
    std::string_view view(std::size_t offset, std::size_t size) const { return {m_data.get() + offset, size}; }
    void clear() { m_size = 0; }

    // Appends a word folded already (and 8 zero bytes); returns where it begins.
    std::size_t appendWord(std::string_view word);

    // Where `text` begins in data(): every byte of it, ASCII letters lowercased, then 8 zero bytes.
    // Sets the scratch masks: bit i of wordBits(), byte i is a letter, a digit or beyond ASCII;
    // of beyondAsciiBits(), byte i is beyond ASCII. Bits from text.size() on are 0.
    std::size_t foldAscii(std::string_view text);
    const std::uint64_t* wordBits() const { return m_wordBits.data(); }
    const std::uint64_t* beyondAsciiBits() const { return m_beyondAsciiBits.data(); }
    bool beyondAscii() const { return m_beyondAscii; }  // any byte of the text is

    // The words of text[begin, end), a run of word bytes with some beyond ASCII, folded one
    // character at a time onto the end: letters beyond ASCII separate words or fold to others.
    const std::vector<FoldedWord>& foldBeyondAscii(std::string_view text, std::size_t begin, std::size_t end);

private:
    char* room(std::size_t bytes);  // at least `bytes` writable at size()
    void append(std::string_view bytes);
    void pad();  // 8 zero bytes

    std::unique_ptr<char[]> m_data;  // not zeroed: every byte up to size() is written first
    std::size_t m_size = 0;
    std::size_t m_capacity = 0;
    std::vector<std::uint64_t> m_wordBits;
    std::vector<std::uint64_t> m_beyondAsciiBits;
    bool m_beyondAscii = false;
    std::vector<FoldedWord> m_words;  // foldBeyondAscii()'s answer
    std::string m_character;
};

namespace detail {
// Whether any bit of [begin, end) is set; begin < end.
inline bool anySet(const std::uint64_t* bits, std::size_t begin, std::size_t end)
{
    for (std::size_t at = begin; at < end; at = (at / 64 + 1) * 64) {
        const std::uint64_t fromHere = bits[at / 64] >> (at % 64);
        const std::size_t width = std::min<std::size_t>(end - at, 64 - at % 64);
        if (fromHere & (~std::uint64_t{0} >> (64 - width)))
            return true;
    }
    return false;
}
}  // namespace detail

// Every word of `text`, in order, stop words and one-letter words included: the folded bytes
// are appended to `out`, and `visit(const FoldedWord&)` is called on each (out.data() may move
// between calls: visit reads it anew). Two passes: the first folds eight bytes a step and marks
// which bytes are in words; the second takes each word from the marks, a few instructions for
// a word of ASCII (nearly all of them), one character at a time for the rest.
template <typename Visit>
void scanFoldedWords(std::string_view text, FoldedText& out, Visit&& visit)
{
    const std::size_t base = out.foldAscii(text);
    const std::uint64_t* const bits = out.wordBits();
    // Each set bit of `edges` is where a word begins or ends (the first byte after it): they
    // alternate. The bits past the text are 0, so the last word ends within the masks.
    std::uint64_t before = 0;  // the top bit of the previous mask word, shifted down
    std::size_t begin = 0;
    bool inWord = false;
    for (std::size_t i = 0; i <= text.size() / 64; ++i) {
        std::uint64_t edges = bits[i] ^ ((bits[i] << 1) | before);
        before = bits[i] >> 63;
        for (; edges; edges &= edges - 1) {
            const std::size_t at = i * 64 + static_cast<std::size_t>(std::countr_zero(edges));
            inWord = !inWord;
            if (inWord) {
                begin = at;
            } else if (!out.beyondAscii() || !detail::anySet(out.beyondAsciiBits(), begin, at)) {
                visit(FoldedWord{base + begin, at - begin, begin, at});
            } else {
                for (const FoldedWord& word : out.foldBeyondAscii(text, begin, at))
                    visit(word);
            }
        }
    }
}

// The same, each word as a SearchToken.
template <typename Visit>
void scanSearchTokens(std::string_view text, Visit&& visit)
{
    FoldedText folded;
    scanFoldedWords(text, folded, [&](const FoldedWord& word) {
        visit(SearchToken{folded.view(word.offset, word.size), word.begin, word.end});
    });
}

// The same, for callers that prefer a std::function.
void forEachSearchToken(std::string_view text, const std::function<void(const SearchToken&)>& visit);

namespace detail {
inline constexpr std::size_t kMaxTermBytes = 64;
inline constexpr std::size_t kLongestStopWord = 5;

// The stop words' bytesValue()s in an open-addressing table (0 = free): one probe, rarely two.
inline constexpr std::size_t kStopTableSize = 256;
extern const std::array<std::uint64_t, kStopTableSize> kStopTable;

constexpr std::size_t stopSlot(std::uint64_t value)
{
    return static_cast<std::size_t>((value * 0x9E3779B97F4A7C15ULL) >> 56);
}

// Whether the word of 2 to kLongestStopWord bytes whose bytesValue() is `value` is one of some
// 60 frequent English words.
inline bool isStopWordValue(std::uint64_t value)
{
    for (std::size_t at = stopSlot(value);; at = (at + 1) % kStopTableSize) {
        if (kStopTable[at] == value)
            return true;
        if (kStopTable[at] == 0)
            return false;
    }
}
}  // namespace detail

// The words worth indexing: no stop words, no one-character words, nothing longer than 64 bytes.
// Asked of a word of `size` bytes by the bytesValue() of its first (up to 8) bytes, which the
// indexer loads once for the hash too.
inline bool isIndexableWord(std::size_t size, std::uint64_t firstBytes)
{
    if (size < 2 || size > detail::kMaxTermBytes)
        return false;
    return size > detail::kLongestStopWord || !detail::isStopWordValue(firstBytes);
}

inline bool isIndexableTerm(std::string_view term)
{
    return isIndexableWord(term.size(), bytesValue(term.data(), std::min<std::size_t>(term.size(), 8)));
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
