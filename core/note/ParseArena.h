#pragma once
// A per-thread bump allocator for cmark's tree. cmark allocates and frees one node, buffer or
// chunk at a time, and malloc/free were a third of a note's parse; yet the tree lives exactly
// as long as one parse. So the parser gets its memory from here (cmark_parser_new_with_mem),
// freeing is a no-op, and ParseArenaScope releases everything at once when the parse is done.
// The functions have the shapes of cmark_mem's members; they abort when memory runs out, as
// cmark's own allocator does (no exception may cross cmark's C frames).

#include <cstddef>

namespace scholia::parse_arena {

void* allocateZeroed(std::size_t count, std::size_t size);
void* reallocate(void* pointer, std::size_t size);
void release(void* pointer);

// Everything allocated on this thread since the scope began is gone when it ends. Scopes do
// not nest: one parse at a time per thread.
class ParseArenaScope {
public:
    ParseArenaScope() = default;
    ParseArenaScope(const ParseArenaScope&) = delete;
    ParseArenaScope& operator=(const ParseArenaScope&) = delete;
    ~ParseArenaScope();
};

}  // namespace scholia::parse_arena
