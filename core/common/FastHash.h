#pragma once
// A 64-bit hash of a short byte string, for the vault's in-memory tables (search terms, note
// names): eight bytes a step, then the tail in one or two loads. Terms and names are short,
// and std::hash's byte-generic loop was a tenth of building a vault index. Never stored:
// it may change freely.

#include <bit>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <string_view>

namespace scholia {

namespace fast_hash_detail {

inline constexpr bool kLittleEndian = std::endian::native == std::endian::little;

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

inline std::uint64_t mix(std::uint64_t value)
{
    value = (value ^ (value >> 30)) * 0xBF58476D1CE4E5B9ULL;
    value = (value ^ (value >> 27)) * 0x94D049BB133111EBULL;
    return value ^ (value >> 31);
}

inline std::uint64_t seed(std::size_t size)
{
    return 0x9E3779B97F4A7C15ULL * (size + 1);
}

}  // namespace fast_hash_detail

// The 0 to 8 bytes at `at` as one number, byte i in bits 8i..8i+7, the rest zero. Reads only
// those bytes: overlapping loads, no byte loop.
inline std::uint64_t bytesValue(const char* at, std::size_t size)
{
    using namespace fast_hash_detail;
    if constexpr (kLittleEndian) {
        if (size >= 4)  // the overlap is the same bytes in the same places
            return load32(at) | load32(at + size - 4) << (8 * (size - 4));
    }
    if (size == 0)
        return 0;
    if (size < 4) {
        const auto byte = [&](std::size_t i) { return std::uint64_t{static_cast<unsigned char>(at[i])} << (8 * i); };
        return byte(0) | byte(size / 2) | byte(size - 1);
    }
    std::uint64_t value = 0;
    for (std::size_t i = 0; i < size; ++i)
        value |= std::uint64_t{static_cast<unsigned char>(at[i])} << (8 * i);
    return value;
}

// The same for 1 to 8 bytes in one load, where eight bytes at `at` may be read (the bytes
// past `size` are masked off).
inline std::uint64_t paddedBytesValue(const char* at, std::size_t size)
{
    if constexpr (fast_hash_detail::kLittleEndian)
        return fast_hash_detail::load64(at) & (~std::uint64_t{0} >> (64 - 8 * size));
    return bytesValue(at, size);
}

// fastHash() of a string of `size` bytes (at most 8) whose bytesValue() is `value`.
inline std::uint64_t fastHashOfShort(std::uint64_t value, std::size_t size)
{
    using namespace fast_hash_detail;
    return mix(seed(size) ^ value);
}

inline std::uint64_t fastHash(std::string_view bytes)
{
    using namespace fast_hash_detail;
    const char* at = bytes.data();
    std::size_t left = bytes.size();
    std::uint64_t hash = seed(bytes.size());
    for (; left > 8; left -= 8, at += 8)
        hash = mix(hash ^ load64(at));
    return mix(hash ^ bytesValue(at, left));
}

}  // namespace scholia
