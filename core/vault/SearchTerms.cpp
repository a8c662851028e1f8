#include "vault/SearchTerms.h"

#include "common/Utf8.h"
#include "render/WordScan.h"

#include <algorithm>
#include <array>
#include <bit>
#include <cstdint>
#include <cstring>

namespace scholia {

namespace {

// Frequent English words that would make the index large and the results no better.
// Sorted, to be read; none is longer than detail::kLongestStopWord.
constexpr std::array<std::string_view, 64> kStopWords = {
    "about", "after", "all",  "also",  "an",    "and",  "any",  "are",  "as",   "at",   "be",    "been", "being",
    "both",  "but",   "by",   "can",   "could", "did",  "do",   "does", "each", "for",  "from",  "had",  "has",
    "have",  "he",    "her",  "his",   "how",   "if",   "in",   "into", "is",   "it",   "its",   "just", "may",
    "more",  "most",  "not",  "of",    "on",    "or",   "our",  "she",  "so",   "such", "than",  "that", "the",
    "their", "them",  "then", "there", "these", "they", "this", "to",   "was",  "were", "which", "with",
};

// A word of up to 8 bytes as one number, so that the stop-word test compares integers: byte i
// in bits 8i..8i+7, as bytesValue() gives it.
constexpr std::uint64_t packed(std::string_view word)
{
    std::uint64_t value = 0;
    for (std::size_t i = 0; i < word.size() && i < 8; ++i)
        value |= std::uint64_t{static_cast<unsigned char>(word[i])} << (8 * i);
    return value;
}

constexpr std::array<std::uint64_t, detail::kStopTableSize> makeStopTable()
{
    std::array<std::uint64_t, detail::kStopTableSize> table{};
    for (const std::string_view word : kStopWords) {
        std::size_t at = detail::stopSlot(packed(word));
        while (table[at] != 0)
            at = (at + 1) % detail::kStopTableSize;
        table[at] = packed(word);
    }
    return table;
}

// detail::isStopWordValue() at compile time, for the checks below.
constexpr bool inStopTable(std::string_view word)
{
    constexpr std::array<std::uint64_t, detail::kStopTableSize> table = makeStopTable();
    const std::uint64_t value = packed(word);
    for (std::size_t at = detail::stopSlot(value);; at = (at + 1) % detail::kStopTableSize) {
        if (table[at] == value)
            return true;
        if (table[at] == 0)
            return false;
    }
}

// ASCII bases of U+00C0..U+00FF; "" marks the two symbols in that block (multiplication, division).
// A row is 16 code points: U+00C0, U+00D0, U+00E0, U+00F0.
// clang-format off
constexpr std::array<std::string_view, 64> kLatin1Folds = {
    "a", "a", "a", "a", "a", "a", "ae", "c", "e", "e", "e", "e", "i", "i", "i", "i",
    "d", "n", "o", "o", "o", "o", "o",  "",  "o", "u", "u", "u", "u", "y", "th", "ss",
    "a", "a", "a", "a", "a", "a", "ae", "c", "e", "e", "e", "e", "i", "i", "i", "i",
    "d", "n", "o", "o", "o", "o", "o",  "",  "o", "u", "u", "u", "u", "y", "th", "y",
};
// clang-format on

// ASCII bases of U+0100..U+017F (Latin Extended-A), one letter each; '2' marks the ligatures.
constexpr std::string_view kLatinExtendedAFolds
    = "aaaaaaccccccccddddeeeeeeeeeegggggggghhhhiiiiiiiiii22jjkkkllllllllllnnnnnnnnnoooooo22rrrrrrssssssss"
      "ttttttuuuuuuuuuuuuwwyyyzzzzzzs";
static_assert(kLatinExtendedAFolds.size() == 0x80);
static_assert(std::is_sorted(kStopWords.begin(), kStopWords.end()));
static_assert(std::all_of(kStopWords.begin(), kStopWords.end(),
                          [](std::string_view word) { return inStopTable(word); }));
static_assert(!inStopTable("th") && !inStopTable("them2") && !inStopTable("abou"));
static_assert(std::all_of(kStopWords.begin(), kStopWords.end(), [](std::string_view word) {
    return word.size() >= 2 && word.size() <= detail::kLongestStopWord;
}));

struct CodePointRange {
    char32_t first;
    char32_t last;
};

// Punctuation, symbols, spaces and emoji beyond ASCII: they separate words.
constexpr std::array<CodePointRange, 12> kSeparators = {{
    {0x0080, 0x00BF},
    {0x00D7, 0x00D7},
    {0x00F7, 0x00F7},
    {0x2000, 0x206F},
    {0x20A0, 0x20CF},
    {0x2190, 0x2BFF},
    {0x3000, 0x303F},
    {0xFE00, 0xFE0F},
    {0xFEFF, 0xFEFF},
    {0xFF01, 0xFF20},
    {0x1F000, 0x1FAFF},
    {0xE0000, 0xE007F},
}};

bool isSeparator(char32_t cp)
{
    return std::any_of(kSeparators.begin(), kSeparators.end(),
                       [cp](const CodePointRange& r) { return cp >= r.first && cp <= r.last; });
}

// Appends the folded form of one non-ASCII letter; returns false for a separator.
bool appendFolded(std::string& out, char32_t cp)
{
    if (isSeparator(cp))
        return false;
    if (cp >= 0xC0 && cp <= 0xFF) {
        out += kLatin1Folds[cp - 0xC0];
        return true;
    }
    if (cp >= 0x100 && cp <= 0x17F) {
        if (cp == 0x132 || cp == 0x133)
            out += "ij";
        else if (cp == 0x152 || cp == 0x153)
            out += "oe";
        else
            out += kLatinExtendedAFolds[cp - 0x100];
        return true;
    }
    if (cp >= 0x391 && cp <= 0x3A9)
        cp += 0x20;  // Greek capitals
    else if (cp >= 0x410 && cp <= 0x42F)
        cp += 0x20;  // Cyrillic capitals
    else if (cp >= 0x400 && cp <= 0x40F)
        cp += 0x50;
    appendUtf8(out, cp);
    return true;
}

constexpr std::array<char, 128> makeAsciiFolds()
{
    std::array<char, 128> folds{};
    for (char c = '0'; c <= '9'; ++c)
        folds[static_cast<std::size_t>(c)] = c;
    for (char c = 'a'; c <= 'z'; ++c) {
        folds[static_cast<std::size_t>(c)] = c;
        folds[static_cast<std::size_t>(c - 'a' + 'A')] = c;
    }
    return folds;
}

// The folded form of each ASCII byte; 0 for the bytes that separate words.
constexpr std::array<char, 128> kAsciiFolds = makeAsciiFolds();

struct FoldedCharacter {
    std::size_t length = 1;  // bytes of `text` it took
    bool letter = false;     // false: it separates words (nothing was appended)
};

// Folds the non-ASCII character at text[at] onto `term`.
FoldedCharacter foldNonAscii(std::string_view text, std::size_t at, std::string& term)
{
    const Utf8Char decoded = decodeUtf8(text.substr(at));
    const bool letter = decoded.valid && appendFolded(term, decoded.codePoint);  // stray bytes separate words
    return {decoded.length, letter};
}

using wordscan::kHighs;
using wordscan::kOnes;

// The high bit of each byte of `word` that is an ASCII letter or digit: exact for each byte
// (the sums stay within it: no carry into the next).
std::uint64_t asciiLettersAndDigits(std::uint64_t word)
{
    const std::uint64_t low = word & ~kHighs;
    const std::uint64_t lower = low | (kOnes * 0x20);
    const std::uint64_t letters = (lower + kOnes * (0x80 - 'a')) & ~(lower + kOnes * (0x7F - 'z'));
    const std::uint64_t digits = (low + kOnes * (0x80 - '0')) & ~(low + kOnes * (0x7F - '9'));
    return (letters | digits) & ~word & kHighs;
}

// The high bits of the eight bytes of `flags` gathered into 8 bits, byte i's into bit i.
std::uint64_t gatherHighBits(std::uint64_t flags)
{
    return ((flags >> 7) * 0x0102040810204080ULL) >> 56;
}

// Eight bytes as one number, byte i in bits 8i..8i+7 on any machine; and back.
std::uint64_t load8(const char* at)
{
    std::uint64_t word = 0;
    std::memcpy(&word, at, sizeof word);
    if constexpr (std::endian::native != std::endian::little)
        word = __builtin_bswap64(word);
    return word;
}

void store8(char* at, std::uint64_t word)
{
    if constexpr (std::endian::native != std::endian::little)
        word = __builtin_bswap64(word);
    std::memcpy(at, &word, sizeof word);
}

}  // namespace

namespace detail {
constinit const std::array<std::uint64_t, kStopTableSize> kStopTable = makeStopTable();
}  // namespace detail

char* FoldedText::room(std::size_t bytes)
{
    if (m_capacity - m_size < bytes) {
        const std::size_t capacity = std::max({m_size + bytes, 2 * m_capacity, std::size_t{256}});
        auto bigger = std::make_unique_for_overwrite<char[]>(capacity);
        if (m_size)
            std::memcpy(bigger.get(), m_data.get(), m_size);
        m_data = std::move(bigger);
        m_capacity = capacity;
    }
    return m_data.get() + m_size;
}

void FoldedText::append(std::string_view bytes)
{
    if (!bytes.empty())
        std::memcpy(room(bytes.size()), bytes.data(), bytes.size());
    m_size += bytes.size();
}

std::size_t FoldedText::appendWord(std::string_view word)
{
    const std::size_t offset = m_size;
    append(word);
    pad();
    return offset;
}

void FoldedText::pad()
{
    std::memset(room(8), 0, 8);
    m_size += 8;
}

std::size_t FoldedText::foldAscii(std::string_view text)
{
    const std::size_t n = text.size();
    const std::size_t base = m_size;
    char* const out = room(n + 8);  // the tail's step writes up to 7 bytes past n, within the padding
    m_wordBits.resize(n / 64 + 1);
    m_beyondAsciiBits.assign(n / 64 + 1, 0);
    m_beyondAscii = false;
    // Eight bytes a step, a mask word of 64 bytes at a time; the tail zero-extended (zero bytes
    // are in no word).
    const auto step = [&](std::size_t at, std::uint64_t word) {
        const std::uint64_t letters = asciiLettersAndDigits(word);
        const std::uint64_t beyond = word & kHighs;
        store8(out + at, word | (letters >> 2));  // 0x20 folds a letter to lowercase; digits have it
        if (beyond) {                             // rare: most notes are all ASCII
            m_beyondAsciiBits[at / 64] |= gatherHighBits(beyond) << (at % 64);
            m_beyondAscii = true;
        }
        return gatherHighBits(letters | beyond) << (at % 64);
    };
    std::size_t at = 0;
    for (; at + 64 <= n; at += 64) {
        std::uint64_t bits = 0;
        for (std::size_t i = 0; i < 64; i += 8)
            bits |= step(at + i, load8(text.data() + at + i));
        m_wordBits[at / 64] = bits;
    }
    std::uint64_t bits = 0;
    for (; at + 8 <= n; at += 8)
        bits |= step(at, load8(text.data() + at));
    if (at < n) {
        std::array<char, 8> tail{};
        std::memcpy(tail.data(), text.data() + at, n - at);
        bits |= step(at, load8(tail.data()));
    }
    m_wordBits[n / 64] = bits;
    m_size += n;
    pad();
    return base;
}

const std::vector<FoldedWord>& FoldedText::foldBeyondAscii(std::string_view text, std::size_t begin, std::size_t end)
{
    m_words.clear();
    std::size_t wordBegin = begin;
    std::size_t folded = m_size;
    const auto finishWord = [&](std::size_t wordEnd) {
        if (m_size > folded) {
            m_words.push_back(FoldedWord{folded, m_size - folded, wordBegin, wordEnd});
            pad();
        }
    };
    for (std::size_t at = begin; at < end;) {
        if (const auto byte = static_cast<unsigned char>(text[at]); byte < 0x80) {
            *room(1) = kAsciiFolds[byte];  // in a run of word bytes: a letter or digit
            ++m_size;
            ++at;
            continue;
        }
        m_character.clear();
        const FoldedCharacter character = foldNonAscii(text, at, m_character);
        if (character.letter && !m_character.empty()) {
            append(m_character);
        } else {
            finishWord(at);
            wordBegin = at + character.length;
            folded = m_size;
        }
        at += character.length;
    }
    finishWord(end);
    return m_words;
}

void forEachSearchToken(std::string_view text, const std::function<void(const SearchToken&)>& visit)
{
    scanSearchTokens(text, visit);
}

std::vector<std::string> searchTerms(std::string_view text)
{
    std::vector<std::string> terms;
    forEachSearchToken(text, [&](const SearchToken& token) {
        if (isIndexableTerm(token.term))
            terms.emplace_back(token.term);
    });
    return terms;
}

std::string foldForSearch(std::string_view text)
{
    std::string folded;
    folded.reserve(text.size());
    std::size_t at = 0;
    while (at < text.size()) {
        const auto c = static_cast<unsigned char>(text[at]);
        if (c < 0x80) {
            folded += kAsciiFolds[c] ? kAsciiFolds[c] : static_cast<char>(c);
            ++at;
            continue;
        }
        const std::size_t before = folded.size();
        const FoldedCharacter character = foldNonAscii(text, at, folded);
        if (!character.letter || folded.size() == before)
            folded += ' ';  // non-ASCII separators become spaces
        at += character.length;
    }
    return folded;
}

SearchQuery parseSearchQuery(std::string_view text)
{
    std::vector<std::string> tokens;
    std::size_t lastEnd = 0;
    forEachSearchToken(text, [&](const SearchToken& token) {
        tokens.emplace_back(token.term);
        lastEnd = token.end;
    });
    SearchQuery query;
    const bool typingLastWord = !tokens.empty() && lastEnd == text.size();
    for (std::size_t i = 0; i < tokens.size(); ++i) {
        const bool prefix = typingLastWord && i + 1 == tokens.size();
        if (prefix || isIndexableTerm(tokens[i]))
            query.terms.push_back(std::move(tokens[i]));
        query.lastIsPrefix = prefix && !query.terms.empty();
    }
    return query;
}

}  // namespace scholia
