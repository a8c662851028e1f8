#include "common/Utf8.h"

#include <gtest/gtest.h>

#include <string>

namespace scholia {
namespace {

TEST(Utf8, EveryLengthDecodesAndEncodesBack)
{
    for (const char32_t cp : {U'\0', U'a', U'\x7F', U'\x80', U'é', U'\x7FF', U'\x800', U'東', U'\xFFFD', U'\xFFFF',
                              U'\x10000', U'🔥', U'\x10FFFF'}) {
        std::string bytes;
        appendUtf8(bytes, cp);
        bytes += "tail";
        const Utf8Char decoded = decodeUtf8(bytes);
        EXPECT_TRUE(decoded.valid) << static_cast<unsigned>(cp);
        EXPECT_EQ(decoded.codePoint, cp);
        EXPECT_EQ(decoded.length, bytes.size() - 4) << static_cast<unsigned>(cp);
    }
}

TEST(Utf8, WhatIsNotUtf8TakesOneByte)
{
    for (const std::string bytes : {
             "\x80",              // a continuation byte alone
             "\xff",              // never in UTF-8
             "\xc3",              // cut: the text ends
             "\xe6\x9d",          // cut after two of three
             "\xc3(",             // the second byte is not a continuation
             "\xc0\x80",          // overlong NUL
             "\xe0\x80\xaf",      // overlong '/'
             "\xf0\x80\x80\xaf",  // overlong, four bytes
             "\xed\xa0\x80",      // a surrogate
             "\xf4\x90\x80\x80",  // past U+10FFFF
         }) {
        const Utf8Char decoded = decodeUtf8(bytes);
        EXPECT_FALSE(decoded.valid) << testing::PrintToString(bytes);
        EXPECT_EQ(decoded.length, 1u) << testing::PrintToString(bytes);
    }
}

}  // namespace
}  // namespace scholia
