// The per-thread arena cmark's tree lives in: zeroed memory, contents kept when buffers grow
// (in place or moved), blocks added as a parse needs them, and a parse on another thread
// never sharing memory with this one.

#include "note/ParseArena.h"
#include "note/NoteParser.h"

#include <gtest/gtest.h>

#include <cstdint>
#include <cstring>
#include <string>
#include <thread>
#include <vector>

namespace scholia::parse_arena {
namespace {

bool allZero(const void* memory, std::size_t bytes)
{
    const auto* p = static_cast<const unsigned char*>(memory);
    for (std::size_t i = 0; i < bytes; ++i) {
        if (p[i] != 0)
            return false;
    }
    return true;
}

TEST(ParseArena, AllocationsAreZeroedAlignedAndDistinct)
{
    ParseArenaScope scope;
    std::vector<char*> blocks;
    for (std::size_t size = 1; size < 5000; size += 37) {
        auto* p = static_cast<char*>(allocateZeroed(1, size));
        ASSERT_TRUE(allZero(p, size));
        EXPECT_EQ(reinterpret_cast<std::uintptr_t>(p) % 16, 0U);
        std::memset(p, 0xAB, size);  // must not overwrite any other allocation
        blocks.push_back(p);
    }
    for (std::size_t i = 0, size = 1; i < blocks.size(); ++i, size += 37)
        EXPECT_EQ(static_cast<unsigned char>(blocks[i][size - 1]), 0xAB);
}

TEST(ParseArena, GrowingKeepsTheContentInPlaceOrMoved)
{
    ParseArenaScope scope;
    // The last allocation grows in place; an earlier one has to move. Both keep their bytes.
    auto* first = static_cast<char*>(allocateZeroed(1, 8));
    std::memcpy(first, "abcdefg", 8);
    auto* second = static_cast<char*>(allocateZeroed(1, 8));
    std::memcpy(second, "1234567", 8);
    auto* grown = static_cast<char*>(reallocate(second, 64));
    EXPECT_EQ(grown, second);
    EXPECT_STREQ(grown, "1234567");
    auto* moved = static_cast<char*>(reallocate(first, 4096));
    EXPECT_NE(moved, first);
    EXPECT_STREQ(moved, "abcdefg");
    // Far past the first block: a new block, content still whole.
    std::string big(3 * 1024 * 1024, 'x');
    auto* huge = static_cast<char*>(reallocate(moved, big.size() + 1));
    EXPECT_STREQ(huge, "abcdefg");
    std::memcpy(huge, big.c_str(), big.size() + 1);
    EXPECT_EQ(std::strlen(huge), big.size());
    EXPECT_EQ(reallocate(nullptr, 16) != nullptr, true);
    release(huge);  // a no-op until the scope ends
}

TEST(ParseArena, ParsesOnSeveralThreadsAgreeWithOneThread)
{
    std::string text = "---\ntitle: T\nvideoId: abc\n---\n# Title\n\n";
    for (int i = 0; i < 400; ++i)
        text += "- item " + std::to_string(i) + " <a class=\"yt-timestamp\" data-t=\"00:01:"
              + std::to_string(10 + i % 50) + "\">[x]</a> [[Link " + std::to_string(i) + "]]\n";
    const Note reference = parseNote(text);
    std::vector<std::thread> threads;
    std::vector<int> same(4, 0);
    for (int t = 0; t < 4; ++t) {
        threads.emplace_back([&, t] {
            for (int round = 0; round < 20; ++round) {
                const Note note = parseNote(text);
                same[static_cast<std::size_t>(t)] += note.claims.size() == reference.claims.size()
                                                  && note.citations.size() == reference.citations.size()
                                                  && note.wikilinks.size() == reference.wikilinks.size();
            }
        });
    }
    for (std::thread& thread : threads)
        thread.join();
    for (int count : same)
        EXPECT_EQ(count, 20);
    EXPECT_EQ(reference.citations.size(), 400U);
}

}  // namespace
}  // namespace scholia::parse_arena
