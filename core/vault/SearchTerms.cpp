#include "vault/SearchTerms.h"

#include "common/Utf8.h"

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
    "about", "after", "all",   "also",  "an",    "and",   "any",   "are",   "as",    "at",    "be",
    "been",  "being", "both",  "but",   "by",    "can",   "could", "did",   "do",    "does",  "each",
    "for",   "from",  "had",   "has",   "have",  "he",    "her",   "his",   "how",   "if",    "in",
    "into",  "is",    "it",    "its",   "just",  "may",   "more",  "most",  "not",   "of",    "on",
    "or",    "our",   "she",   "so",    "such",  "than",  "that",  "the",   "their", "them",  "then",
    "there", "these", "they",  "this",  "to",    "was",   "were",  "which", "with",
};

// A word of up to 8 bytes as one number, so that the stop-word test compares integers: byte i
// in bits 8i..8i+7, as one load gives it on a little-endian machine.
constexpr std::uint64_t packed(std::string_view word)
{
    std::uint64_t value = 0;
    for (std::size_t i = 0; i < word.size() && i < 8; ++i)
        value |= std::uint64_t{static_cast<unsigned char>(word[i])} << (8 * i);
    return value;
}

// The stop words in an open-addressing table of their packed forms (0 = free): one probe,
// rarely two, where a binary search took six.
constexpr std::size_t kStopTableSize = 256;

constexpr std::size_t stopSlot(std::uint64_t value)
{
    return static_cast<std::size_t>((value * 0x9E3779B97F4A7C15ULL) >> 56);
}

constexpr std::array<std::uint64_t, kStopTableSize> makeStopTable()
{
    std::array<std::uint64_t, kStopTableSize> table{};
    for (const std::string_view word : kStopWords) {
        std::size_t at = stopSlot(packed(word));
        while (table[at] != 0)
            at = (at + 1) % kStopTableSize;
        table[at] = packed(word);
    }
    return table;
}

constexpr std::array<std::uint64_t, kStopTableSize> kStopTable = makeStopTable();

constexpr bool inStopTable(std::uint64_t value)
{
    for (std::size_t at = stopSlot(value);; at = (at + 1) % kStopTableSize) {
        if (kStopTable[at] == value)
            return true;
        if (kStopTable[at] == 0)
            return false;
    }
}

constexpr bool inStopTable(std::string_view word)
{
    return inStopTable(packed(word));
}

// ASCII bases of U+00C0..U+00FF; "" marks the two symbols in that block (multiplication, division).
constexpr std::array<std::string_view, 64> kLatin1Folds = {
    "a", "a", "a", "a", "a", "a", "ae", "c", "e", "e", "e", "e", "i", "i", "i", "i",
    "d", "n", "o", "o", "o", "o", "o",  "",  "o", "u", "u", "u", "u", "y", "th", "ss",
    "a", "a", "a", "a", "a", "a", "ae", "c", "e", "e", "e", "e", "i", "i", "i", "i",
    "d", "n", "o", "o", "o", "o", "o",  "",  "o", "u", "u", "u", "u", "y", "th", "y",
};

// ASCII bases of U+0100..U+017F (Latin Extended-A), one letter each; '2' marks the ligatures.
constexpr std::string_view kLatinExtendedAFolds =
    "aaaaaaccccccccddddeeeeeeeeeegggggggghhhhiiiiiiiiii22jjkkkllllllllllnnnnnnnnnoooooo22rrrrrrssssssss"
    "ttttttuuuuuuuuuuuuwwyyyzzzzzzs";
static_assert(kLatinExtendedAFolds.size() == 0x80);
static_assert(std::is_sorted(kStopWords.begin(), kStopWords.end()));
static_assert(std::all_of(kStopWords.begin(), kStopWords.end(), [](std::string_view word) { return inStopTable(word); }));
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
    {0x0080, 0x00BF}, {0x00D7, 0x00D7}, {0x00F7, 0x00F7}, {0x2000, 0x206F}, {0x20A0, 0x20CF},
    {0x2190, 0x2BFF}, {0x3000, 0x303F}, {0xFE00, 0xFE0F}, {0xFEFF, 0xFEFF}, {0xFF01, 0xFF20},
    {0x1F000, 0x1FAFF}, {0xE0000, 0xE007F},
}};

bool isSeparator(char32_t cp)
{
    return std::any_of(kSeparators.begin(), kSeparators.end(),
                       [cp](const CodePointRange& r) { return cp >= r.first && cp <= r.last; });
}

struct Decoded {
    char32_t codePoint = 0;
    std::size_t length = 1;
    bool valid = false;
};

Decoded decodeUtf8(std::string_view text)
{
    const auto lead = static_cast<unsigned char>(text[0]);
    if (lead < 0x80)
        return {lead, 1, true};
    std::size_t length = 0;
    char32_t cp = 0;
    if ((lead & 0xE0) == 0xC0) { length = 2; cp = lead & 0x1F; }
    else if ((lead & 0xF0) == 0xE0) { length = 3; cp = lead & 0x0F; }
    else if ((lead & 0xF8) == 0xF0) { length = 4; cp = lead & 0x07; }
    else return {};
    if (text.size() < length)
        return {};
    for (std::size_t i = 1; i < length; ++i) {
        const auto next = static_cast<unsigned char>(text[i]);
        if ((next & 0xC0) != 0x80)
            return {};
        cp = (cp << 6) | (next & 0x3F);
    }
    return {cp, length, true};
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
        if (cp == 0x132 || cp == 0x133) out += "ij";
        else if (cp == 0x152 || cp == 0x153) out += "oe";
        else out += kLatinExtendedAFolds[cp - 0x100];
        return true;
    }
    if (cp >= 0x391 && cp <= 0x3A9) cp += 0x20;       // Greek capitals
    else if (cp >= 0x410 && cp <= 0x42F) cp += 0x20;  // Cyrillic capitals
    else if (cp >= 0x400 && cp <= 0x40F) cp += 0x50;
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

}  // namespace

namespace detail {

constinit const std::array<char, 128> kAsciiFolds = makeAsciiFolds();

constexpr std::array<char, 256> makeByteFolds()
{
    std::array<char, 256> folds{};
    const std::array<char, 128> ascii = makeAsciiFolds();
    for (std::size_t i = 0; i < ascii.size(); ++i)
        folds[i] = ascii[i];
    return folds;
}

constinit const std::array<char, 256> kByteFolds = makeByteFolds();

FoldedCharacter foldNonAscii(std::string_view text, std::size_t at, std::string& term)
{
    const Decoded decoded = decodeUtf8(text.substr(at));
    const bool letter = decoded.valid && appendFolded(term, decoded.codePoint);  // stray bytes separate words
    return {decoded.length, letter};
}

bool isStopWord(std::string_view word)
{
    if constexpr (std::endian::native == std::endian::little) {
        // One load of the word where packed() takes a step a byte (that was 2% of indexing).
        std::uint64_t value = 0;
        switch (word.size()) {
        case 2: std::memcpy(&value, word.data(), 2); break;
        case 3: std::memcpy(&value, word.data(), 3); break;
        case 4: std::memcpy(&value, word.data(), 4); break;
        case 5: std::memcpy(&value, word.data(), 5); break;
        default: return false;  // every stop word has 2 to 5 letters
        }
        return inStopTable(value);
    }
    return inStopTable(word);
}

void TermBuffer::grow(std::size_t needed)
{
    std::string bigger(std::max(needed, 2 * m_capacity), '\0');
    std::memcpy(bigger.data(), m_data, m_size);
    m_long = std::move(bigger);
    m_data = m_long.data();
    m_capacity = m_long.size();
}

}  // namespace detail

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
            folded += detail::kAsciiFolds[c] ? detail::kAsciiFolds[c] : static_cast<char>(c);
            ++at;
            continue;
        }
        const std::size_t before = folded.size();
        const detail::FoldedCharacter character = detail::foldNonAscii(text, at, folded);
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
