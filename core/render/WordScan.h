#pragma once
// Looking at eight bytes at a time for a few byte values: the scans over a whole note
// (pre-lexing, escaping, collapsing spaces) must cost far less than cmark's own parse.

#include <bit>
#include <cstdint>
#include <cstring>
#include <string_view>

namespace scholia::wordscan {

// Only where the lowest match is the first in memory; elsewhere callers scan byte by byte.
inline constexpr bool kEnabled = std::endian::native == std::endian::little;

inline constexpr std::uint64_t kOnes = 0x0101010101010101ULL;
inline constexpr std::uint64_t kHighs = 0x8080808080808080ULL;

inline std::uint64_t load(std::string_view text, std::size_t i)
{
    std::uint64_t word = 0;
    std::memcpy(&word, text.data() + i, sizeof word);
    return word;
}

// The high bit of every byte of `word` equal to `byte`. A byte just above a true match
// may be flagged too, so only the lowest flag is exact: use firstFlagged().
inline std::uint64_t bytesEqual(std::uint64_t word, unsigned char byte)
{
    const std::uint64_t x = word ^ (kOnes * byte);
    return (x - kOnes) & ~x & kHighs;
}

// The high bit of every byte of `word` below `limit` (at most 0x80); as with bytesEqual(),
// a byte just above a true match may be flagged too.
inline std::uint64_t bytesBelow(std::uint64_t word, unsigned char limit)
{
    return (word - kOnes * limit) & ~word & kHighs;
}

inline std::size_t firstFlagged(std::uint64_t flags)
{
    return static_cast<std::size_t>(std::countr_zero(flags)) / 8;
}

}  // namespace scholia::wordscan
