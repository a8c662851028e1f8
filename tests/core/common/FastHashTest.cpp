#include "common/FastHash.h"

#include <gtest/gtest.h>

#include <array>
#include <cstdint>
#include <random>
#include <string>

namespace scholia {
namespace {

// bytesValue() spelled out: byte i in bits 8i..8i+7.
std::uint64_t byteByByte(std::string_view bytes)
{
    std::uint64_t value = 0;
    for (std::size_t i = 0; i < bytes.size(); ++i)
        value |= std::uint64_t{static_cast<unsigned char>(bytes[i])} << (8 * i);
    return value;
}

TEST(FastHash, ShortStringsAreOneNumberHoweverTheyAreRead)
{
    std::mt19937 random(7);
    for (int round = 0; round < 200; ++round) {
        std::array<char, 16> padded{};
        for (char& c : padded)
            c = static_cast<char>(random());  // the bytes past the word too: they must not count
        for (std::size_t size = 1; size <= 8; ++size) {
            const std::string_view word(padded.data(), size);
            EXPECT_EQ(bytesValue(word.data(), size), byteByByte(word)) << size;
            EXPECT_EQ(paddedBytesValue(word.data(), size), byteByByte(word)) << size;
            EXPECT_EQ(fastHashOfShort(byteByByte(word), size), fastHash(word)) << size;
        }
    }
    EXPECT_EQ(bytesValue("", 0), 0u);
}

TEST(FastHash, TheLengthAndEveryByteCount)
{
    // A zero byte at the end is not the same as no byte; the tail of a long string counts.
    EXPECT_NE(fastHash(std::string_view("ab", 2)), fastHash(std::string_view("ab\0", 3)));
    EXPECT_NE(fastHash("abcdefgh"), fastHash("abcdefgi"));
    EXPECT_NE(fastHash("abcdefghijklmnop"), fastHash("abcdefghijklmnoq"));
    EXPECT_NE(fastHash("abcdefghijklmnop"), fastHash("bbcdefghijklmnop"));
    EXPECT_EQ(fastHash(std::string("cyberattacks")), fastHash("cyberattacks"));
}

}  // namespace
}  // namespace scholia
