#include "render/HtmlEscape.h"

#include "render/WordScan.h"

#include <array>
#include <cstdint>

namespace scholia {

namespace {

// Replacement for each byte that needs one, else nullptr.
constexpr std::array<const char*, 256> makeEscapes()
{
    std::array<const char*, 256> table{};
    table['&'] = "&amp;";
    table['<'] = "&lt;";
    table['>'] = "&gt;";
    table['"'] = "&quot;";
    table['\''] = "&#39;";
    return table;
}

constexpr std::array<const char*, 256> kEscapes = makeEscapes();

bool isUnreserved(unsigned char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '.'
        || c == '_' || c == '~' || c == '/';
}

// The next byte to escape: most text has none.
std::size_t findEscape(std::string_view text, std::size_t i)
{
    if constexpr (wordscan::kEnabled) {
        using wordscan::bytesEqual;
        for (; i + 8 <= text.size(); i += 8) {
            const std::uint64_t word = wordscan::load(text, i);
            const std::uint64_t found = bytesEqual(word, '&') | bytesEqual(word, '<') | bytesEqual(word, '>')
                                      | bytesEqual(word, '"') | bytesEqual(word, '\'');
            if (found)
                return i + wordscan::firstFlagged(found);
        }
    }
    while (i < text.size() && !kEscapes[static_cast<unsigned char>(text[i])])
        ++i;
    return i;
}

}  // namespace

void appendEscapedHtml(std::string& out, std::string_view text)
{
    std::size_t run = 0;
    for (std::size_t i = findEscape(text, 0); i < text.size(); i = findEscape(text, i + 1)) {
        out.append(text.data() + run, i - run);
        out.append(kEscapes[static_cast<unsigned char>(text[i])]);
        run = i + 1;
    }
    out.append(text.data() + run, text.size() - run);
}

void appendPercentEncoded(std::string& out, std::string_view text)
{
    static constexpr char kHex[] = "0123456789ABCDEF";
    for (const char ch : text) {
        const auto c = static_cast<unsigned char>(ch);
        if (isUnreserved(c)) {
            out.push_back(ch);
        } else {
            out.push_back('%');
            out.push_back(kHex[c >> 4]);
            out.push_back(kHex[c & 0xF]);
        }
    }
}

}  // namespace scholia
