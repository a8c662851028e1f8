// Search-term scanning on arbitrary bytes: scanFoldedWords' two passes (eight bytes a step,
// then words from the bit masks) and DocumentTerms::addText. The promises checked: words come
// in order, inside the text, never overlapping; an ASCII separator cuts the text into two
// that give the same words; every indexable word, and only those, is added to a document.
#include "vault/SearchTerms.h"
#include "vault/TermIndex.h"

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>
#include <vector>

namespace {

struct Word {
    std::string term;
    std::size_t begin;
    std::size_t end;
    bool operator==(const Word&) const = default;
};

std::vector<Word> wordsOf(std::string_view text, std::size_t shift)
{
    std::vector<Word> words;
    scholia::scanSearchTokens(text, [&](const scholia::SearchToken& token) {
        words.push_back({std::string(token.term), token.begin + shift, token.end + shift});
    });
    return words;
}

void check(bool promise)
{
    if (!promise)
        std::abort();
}

bool asciiSeparator(char c)
{
    const auto byte = static_cast<unsigned char>(c);
    return byte < 0x80 && !((byte >= '0' && byte <= '9') || ((byte | 0x20) >= 'a' && (byte | 0x20) <= 'z'));
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    const std::vector<Word> words = wordsOf(text, 0);
    std::size_t previousEnd = 0;
    std::size_t indexable = 0;
    for (const Word& word : words) {
        check(!word.term.empty() && word.begin < word.end && word.end <= size && word.begin >= previousEnd);
        previousEnd = word.end;
        indexable += scholia::isIndexableTerm(word.term);
    }

    std::size_t cut = size / 2;
    while (cut < size && !asciiSeparator(text[cut]))
        ++cut;
    if (cut < size) {
        std::vector<Word> halves = wordsOf(text.substr(0, cut), 0);
        const std::vector<Word> second = wordsOf(text.substr(cut + 1), cut + 1);
        halves.insert(halves.end(), second.begin(), second.end());
        check(halves == words);
    }

    scholia::DocumentTerms document;
    document.addText(text, 1);
    document.addText(text, 2);  // a second text after the first in the same buffer
    check(document.size() == 2 * indexable);
    return 0;
}
