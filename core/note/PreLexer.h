#pragma once
// The pass before cmark. One linear scan over the note body builds cmark's input, in which
// every citation anchor and every wikilink is an opaque placeholder token:
//
//     U+E000, a kind letter ('c' citation, 'w' wikilink), decimal index, U+E001
//
// Why: cmark never parses the anchor HTML (most of its parse time on real notes), an
// anchor at the start of a line cannot become an html_block, and emphasis, soft breaks or
// a reference definition `[x]: /url` can no longer split or steal a wikilink.
//
// Line numbers are kept: front matter lines become empty lines, and a token that replaced
// a span with line breaks is followed by as many line breaks, each line continued by a
// "continuation" mark (U+E000 'n' U+E001, no index) so that it is never a blank line.
// Columns on a line after a token map back through PreLexed::originalColumn().

#include "common/Diagnostic.h"
#include "note/Note.h"

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace scholia {

inline constexpr std::string_view kTokenOpen = "\xEE\x80\x80";   // U+E000
inline constexpr std::string_view kTokenClose = "\xEE\x80\x81";  // U+E001

struct LexToken {
    enum class Kind : char { Citation = 'c', WikiLink = 'w' };
    Kind kind = Kind::Citation;
    std::size_t begin = 0;  // the original text, as byte offsets into the whole note
    std::size_t end = 0;
    int payload = 0;                   // into PreLexed::citations or PreLexed::wikilinks
    std::size_t diagnosticsBegin = 0;  // into PreLexed::tokenDiagnostics
    std::size_t diagnosticsEnd = 0;
};

struct ColumnShift {
    int line = 0;
    int bufferColumn = 0;    // from this column of cmark's input on `line`...
    int originalColumn = 0;  // ...columns continue from this one in the note
};

struct PreLexed {
    std::string buffer;               // cmark's input
    std::vector<LexToken> tokens;     // indexed by the token's number
    std::vector<Citation> citations;  // read from the anchors, claim not set yet
    std::vector<WikiLink> wikilinks;
    std::vector<Diagnostic> tokenDiagnostics;  // reported only if the token ends up a link
    std::vector<Diagnostic> diagnostics;       // reported in any case
    std::vector<ColumnShift> shifts;           // sorted by line, then buffer column
    bool validUtf8 = true;                     // false: cmark must validate (and replace) it

    // The note's column for a 1-based column of cmark's input on `line`; 0 stays 0.
    int originalColumn(int line, int bufferColumn) const;
};

// `bodyOffset` is where the Markdown starts in `text` (after front matter or a BOM), on
// line `bodyLine`; the lines before it become empty lines of the buffer.
PreLexed preLex(std::string_view text, std::size_t bodyOffset, int bodyLine);

// A token or continuation mark found in cmark's output.
struct TokenRef {
    bool continuation = false;  // U+E000 'n' U+E001: nothing to show
    LexToken::Kind kind = LexToken::Kind::Citation;
    std::size_t number = 0;  // index into PreLexed::tokens
    std::size_t length = 0;  // bytes taken in the text
};

// Reads the token at the start of `text` (which begins with kTokenOpen); nullopt when it
// is not one of ours, so the caller shows the bytes as text.
std::optional<TokenRef> readToken(std::string_view text, std::size_t tokenCount);

}  // namespace scholia
