#pragma once
// A 64-bit hash of a short byte string, for the vault's in-memory tables (search terms, note
// names): eight bytes a step, then the tail in one or two loads. Terms and names are short,
// and std::hash's byte-generic loop was a tenth of building a vault index. Never stored:
// it may change freely.

#include <cstddef>
#include <cstdint>
#include <cstring>
#include <string_view>

namespace scholia {

namespace fast_hash_detail {

inline std::uint64_t load64(const char* at)
{
    std::uint64_t value = 0;
    std::memcpy(&value, at, sizeof value);
    return value;
}

inline std::uint64_t load32(const char* at)
{
    std::uint32_t value = 0;
    std::memcpy(&value, at, sizeof value);
    return value;
}

// The last 1 to 8 bytes as one number; with the length hashed too, distinct tails give
// distinct numbers (overlapping loads, no byte loop).
inline std::uint64_t tailOf(const char* at, std::size_t size)
{
    if (size >= 4)
        return load32(at) << 32 | load32(at + size - 4);
    const auto byte = [&](std::size_t i) { return std::uint64_t{static_cast<unsigned char>(at[i])}; };
    return byte(0) << 16 | byte(size / 2) << 8 | byte(size - 1);
}

inline std::uint64_t mix(std::uint64_t value)
{
    value = (value ^ (value >> 30)) * 0xBF58476D1CE4E5B9ULL;
    value = (value ^ (value >> 27)) * 0x94D049BB133111EBULL;
    return value ^ (value >> 31);
}

}  // namespace fast_hash_detail

inline std::uint64_t fastHash(std::string_view bytes)
{
    using namespace fast_hash_detail;
    const char* at = bytes.data();
    std::size_t left = bytes.size();
    std::uint64_t hash = 0x9E3779B97F4A7C15ULL * (bytes.size() + 1);
    for (; left > 8; left -= 8, at += 8)
        hash = mix(hash ^ load64(at));
    return left == 0 ? mix(hash) : mix(hash ^ tailOf(at, left));
}

}  // namespace scholia
