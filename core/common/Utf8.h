#pragma once
// UTF-8 helpers shared by the parsers that build text (transcripts, search terms).

#include <string>

namespace scholia {

// Appends `codePoint` (at most U+10FFFF, not a surrogate) as UTF-8.
void appendUtf8(std::string& out, char32_t codePoint);

}  // namespace scholia
