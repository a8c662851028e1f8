#pragma once
// UTF-8 helpers shared by the parsers that build text (transcripts, search terms, slugs).

#include <cstddef>
#include <string>
#include <string_view>

namespace scholia {

struct Utf8Char {
    char32_t codePoint = 0;
    std::size_t length = 1;  // bytes it takes
    bool valid = false;
};

// The UTF-8 sequence at the start of `text` (not empty). A stray or cut sequence, an overlong
// one, a surrogate or a value past U+10FFFF is not valid, and takes one byte: invalid bytes
// are taken one at a time.
Utf8Char decodeUtf8(std::string_view text);

// Appends `codePoint` (at most U+10FFFF, not a surrogate) as UTF-8.
void appendUtf8(std::string& out, char32_t codePoint);

}  // namespace scholia
