#include "note/ParseArena.h"

#include <algorithm>
#include <cstdlib>
#include <cstring>
#include <vector>

namespace scholia::parse_arena {

namespace {

// Each allocation is preceded by its size, for reallocate(); 16 keeps every pointer aligned
// as malloc's are.
constexpr std::size_t headerBytes = 16;
constexpr std::size_t firstBlockBytes = 256 * 1024;
// A parse of a huge note may take far more; only this much is kept for the next parse.
constexpr std::size_t keptBytes = 1024 * 1024;

std::size_t roundUp(std::size_t bytes)
{
    return (bytes + 15) & ~std::size_t(15);
}

struct Block {
    char* data = nullptr;
    std::size_t size = 0;
};

class Arena {
public:
    ~Arena()
    {
        for (const Block& block : m_blocks)
            std::free(block.data);
    }

    void* allocate(std::size_t bytes)
    {
        const std::size_t need = roundUp(bytes + headerBytes);
        if (m_blocks.empty() || m_used + need > m_blocks.back().size)
            addBlock(need);
        char* start = m_blocks.back().data + m_used;
        m_used += need;
        std::memcpy(start, &bytes, sizeof bytes);
        return start + headerBytes;
    }

    void* reallocate(void* pointer, std::size_t bytes)
    {
        if (!pointer)
            return allocate(bytes);
        char* start = static_cast<char*>(pointer) - headerBytes;
        std::size_t old = 0;
        std::memcpy(&old, start, sizeof old);
        // cmark grows its buffers in place more often than not: the last allocation can just
        // take more of its block.
        Block& last = m_blocks.back();
        const bool isLast = start + roundUp(old + headerBytes) == last.data + m_used;
        const std::size_t need = roundUp(bytes + headerBytes);
        if (isLast && static_cast<std::size_t>(start - last.data) + need <= last.size) {
            m_used = static_cast<std::size_t>(start - last.data) + need;
            std::memcpy(start, &bytes, sizeof bytes);
            return pointer;
        }
        if (bytes <= old)
            return pointer;
        void* moved = allocate(bytes);
        std::memcpy(moved, pointer, old);
        return moved;
    }

    void reset()
    {
        std::size_t total = 0;
        for (const Block& block : m_blocks)
            total += block.size;
        // Keep one block for the next parse unless this one was exceptional.
        const std::size_t keep = total <= keptBytes && !m_blocks.empty() ? 1 : 0;
        std::sort(m_blocks.begin(), m_blocks.end(), [](const Block& a, const Block& b) { return a.size < b.size; });
        while (m_blocks.size() > keep) {
            std::free(m_blocks.front().data);
            m_blocks.erase(m_blocks.begin());
        }
        m_used = 0;
    }

private:
    void addBlock(std::size_t need)
    {
        const std::size_t previous = m_blocks.empty() ? firstBlockBytes / 2 : m_blocks.back().size;
        const std::size_t size = std::max(need, previous * 2);
        char* data = static_cast<char*>(std::malloc(size));
        if (!data)
            std::abort();  // what cmark's own allocator does
        m_blocks.push_back({data, size});
        m_used = 0;
    }

    std::vector<Block> m_blocks;  // the last one is being filled
    std::size_t m_used = 0;       // bytes used in m_blocks.back()
};

thread_local Arena arena;

}  // namespace

void* allocateZeroed(std::size_t count, std::size_t size)
{
    const std::size_t bytes = count * size;
    if (size != 0 && bytes / size != count)
        std::abort();
    void* pointer = arena.allocate(bytes);
    std::memset(pointer, 0, bytes);
    return pointer;
}

void* reallocate(void* pointer, std::size_t size)
{
    return arena.reallocate(pointer, size);
}

void release(void*) { }

ParseArenaScope::~ParseArenaScope()
{
    arena.reset();
}

}  // namespace scholia::parse_arena
