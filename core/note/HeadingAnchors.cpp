#include "note/HeadingAnchors.h"

#include <algorithm>
#include <cstdint>

namespace scholia {

namespace {

bool isAsciiAlnum(unsigned char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
}

// Punctuation, spaces and symbols outside ASCII separate words like ASCII punctuation
// does ("Iran’s" -> "iran-s"); letters of any script are kept.
bool separatesWords(std::uint32_t cp)
{
    if (cp >= 0x80 && cp <= 0xBF)
        return cp != 0xAA && cp != 0xB5 && cp != 0xBA;
    return cp == 0xD7 || cp == 0xF7 || (cp >= 0x2000 && cp <= 0x2BFF) || (cp >= 0x3000 && cp <= 0x303F)
        || (cp >= 0xE000 && cp <= 0xF8FF) || (cp >= 0xFE30 && cp <= 0xFE4F) || (cp >= 0xFF00 && cp <= 0xFF0F)
        || (cp >= 0xFF1A && cp <= 0xFF20) || cp == 0xFEFF || cp == 0xFFFD || (cp >= 0x1F000 && cp <= 0x1FAFF);
}

// Length and code point of the UTF-8 sequence at text[i]; length 1 and a separator for bad bytes.
std::size_t decode(std::string_view text, std::size_t i, std::uint32_t& cp)
{
    const auto lead = static_cast<unsigned char>(text[i]);
    const std::size_t length = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : lead >= 0xC0 ? 2 : 1;
    if (length == 1 || i + length > text.size()) {
        cp = 0xFFFD;
        return 1;
    }
    cp = lead & (0xFF >> (length + 1));
    for (std::size_t k = 1; k < length; ++k) {
        const auto next = static_cast<unsigned char>(text[i + k]);
        if ((next & 0xC0) != 0x80) {
            cp = 0xFFFD;
            return 1;
        }
        cp = (cp << 6) | (next & 0x3F);
    }
    return length;
}

bool looksLikeClaimId(std::string_view slug)
{
    if (slug.substr(0, 6) != "claim-" || slug.size() == 6)
        return false;
    for (const char c : slug.substr(6))
        if (c < '0' || c > '9')
            return false;
    return true;
}

}  // namespace

std::string slugifyHeading(std::string_view text)
{
    std::string slug;
    slug.reserve(text.size());
    bool separated = false;
    const auto keep = [&](std::string_view piece) {
        if (separated && !slug.empty())
            slug.push_back('-');
        separated = false;
        slug.append(piece);
    };
    for (std::size_t i = 0; i < text.size();) {
        const auto c = static_cast<unsigned char>(text[i]);
        if (c < 0x80) {
            if (isAsciiAlnum(c)) {
                const char lowered = static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
                keep(std::string_view(&lowered, 1));
            } else {
                separated = true;
            }
            ++i;
            continue;
        }
        std::uint32_t cp = 0;
        const std::size_t length = decode(text, i, cp);
        if (separatesWords(cp))
            separated = true;
        else
            keep(text.substr(i, length));
        i += length;
    }
    return slug.empty() ? "section" : slug;
}

std::string HeadingAnchors::make(std::string_view headingText)
{
    const std::string base = slugifyHeading(headingText);
    std::string anchor = base;
    // Suffixes below nextSuffix_[base] are all taken already (used_ only grows): start there,
    // so that N headings with the same text cost O(N), not O(N^2).
    int& next = nextSuffix_[base];
    for (int n = std::max(next, 1); used_.count(anchor) || looksLikeClaimId(anchor); ++n) {
        anchor = base + "-" + std::to_string(n);
        next = n + 1;
    }
    used_.insert(anchor);
    return anchor;
}

}  // namespace scholia
