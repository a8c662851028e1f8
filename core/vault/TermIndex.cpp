#include "vault/TermIndex.h"

#include "common/FastHash.h"

#include <algorithm>
#include <array>
#include <atomic>
#include <exception>
#include <functional>
#include <iterator>
#include <mutex>
#include <new>
#include <thread>
#include <utility>

namespace scholia {

namespace {

// Enough shards that 2 to 16 indexing threads rarely wait for each other. The shard is
// taken from the top bits of the hash, the table slot from the bottom ones.
constexpr unsigned kShardBits = 6;
constexpr std::size_t kShardCount = std::size_t{1} << kShardBits;
// How many words ahead TermIndex::add() asks for a word's entry (see Shard::prefetchEntry).
constexpr std::size_t kEntriesAhead = 4;

std::size_t shardOf(std::uint64_t hash)
{
    return static_cast<std::size_t>(hash >> (64 - kShardBits));
}

// One list per term: groups of [doc delta][slot count][slot deltas...], varint-coded.
// Documents arrive in roughly ascending order from the indexing threads, so the doc delta
// (zigzag-coded, as it may be negative) is mostly one byte. The bytes live in a chain of
// chunks that double up to 1 KB, carved from the shard's pages: a growing list never moves,
// and the heap sees a few large allocations instead of a reallocation per list growth
// (which, amid the parser's many small frees, made malloc itself a fifth of indexing).
// A chunk's size is known from its place in the chain, and every chunk but the last is full:
// a chunk holds nothing but bytes after the link to the next, so that adding to a list writes
// only where its bytes go (a fill count at the chunk's head was one more cache line a word).
struct Chunk {
    Chunk* next = nullptr;

    std::uint8_t* data() { return reinterpret_cast<std::uint8_t*>(this + 1); }
    const std::uint8_t* data() const { return reinterpret_cast<const std::uint8_t*>(this + 1); }
};

constexpr std::uint32_t kFirstChunkBytes = 16;
constexpr std::uint32_t kLargestChunkBytes = 1024;

// The size of a list's chunk after one of `previous` bytes (0: the first).
constexpr std::uint32_t nextChunkBytes(std::uint32_t previous)
{
    return previous == 0 ? kFirstChunkBytes : std::min(kLargestChunkBytes, previous * 2);
}
constexpr std::size_t kFirstPageBytes = 8 * 1024;
constexpr std::size_t kLargestPageBytes = 64 * 1024;

class ChunkPool {
public:
    Chunk* allocate(std::uint32_t capacity)
    {
        const std::size_t bytes = (sizeof(Chunk) + capacity + alignof(Chunk) - 1) / alignof(Chunk) * alignof(Chunk);
        if (m_pages.empty() || m_used + bytes > m_pageBytes) {
            // A quarter of what is reserved already: at most a quarter of it is ever spare.
            m_pageBytes = std::max(bytes, std::clamp(m_reserved / 4, kFirstPageBytes, kLargestPageBytes));
            m_pages.push_back(std::make_unique_for_overwrite<std::uint8_t[]>(m_pageBytes));
            m_reserved += m_pageBytes;
            m_used = 0;
        }
        Chunk* chunk = new (m_pages.back().get() + m_used) Chunk{};
        m_used += bytes;
        return chunk;
    }

    std::size_t reservedBytes() const { return m_reserved; }

private:
    std::vector<std::unique_ptr<std::uint8_t[]>> m_pages;
    std::size_t m_pageBytes = 0;
    std::size_t m_used = 0;
    std::size_t m_reserved = 0;
};

constexpr std::size_t kMaxVarintBytes = 5;           // values are below 2^35
static_assert(kFirstChunkBytes >= kMaxVarintBytes);  // a list's first value is all in its first chunk
static_assert(kLargestChunkBytes <= UINT16_MAX);     // PostingList's fill and capacity

std::uint64_t zigzag(std::int64_t value)
{
    return (static_cast<std::uint64_t>(value) << 1) ^ static_cast<std::uint64_t>(value >> 63);
}

std::int64_t unzigzag(std::uint64_t value)
{
    return static_cast<std::int64_t>(value >> 1) ^ -static_cast<std::int64_t>(value & 1);
}

std::uint8_t* putVarint(std::uint8_t* at, std::uint64_t value)
{
    while (value >= 0x80) {
        *at++ = static_cast<std::uint8_t>(value | 0x80);
        value >>= 7;
    }
    *at++ = static_cast<std::uint8_t>(value);
    return at;
}

std::uint64_t getVarint(const std::uint8_t*& at, const std::uint8_t* end)
{
    std::uint64_t value = 0;
    for (int shift = 0; at < end; shift += 7) {
        const std::uint8_t byte = *at++;
        value |= static_cast<std::uint64_t>(byte & 0x7F) << shift;
        if (!(byte & 0x80))
            break;
    }
    return value;
}

// What adding to a term's list needs, in the term's table entry; the list's first chunk, needed
// only to read it, is with the term's text (TermInfo). The tail's fill is kept here too:
// appending then only writes to the chunk, and never waits to read it back from memory (that
// read was a third of add()).
struct PostingList {
    Chunk* tail = nullptr;  // set when the term is added, to an empty first chunk
    std::uint32_t lastDoc = 0;
    std::uint32_t documents = 0;
    std::uint16_t tailUsed = 0;
    std::uint16_t tailCapacity = 0;
    std::uint32_t term = 0;  // into Shard::terms

    void append(const std::uint8_t* bytes, std::size_t size, ChunkPool& pool)
    {
        while (size > 0) {
            if (tailUsed == tailCapacity) {
                const std::uint32_t capacity = nextChunkBytes(tailCapacity);
                Chunk* chunk = pool.allocate(capacity);
                tail->next = chunk;
                tail = chunk;
                tailUsed = 0;
                tailCapacity = static_cast<std::uint16_t>(capacity);
            }
            const std::size_t room = std::min<std::size_t>(size, tailCapacity - tailUsed);
            std::copy_n(bytes, room, tail->data() + tailUsed);
            tailUsed = static_cast<std::uint16_t>(tailUsed + room);
            bytes += room;
            size -= room;
        }
    }

    // Appends the groups of `other` (whose first chunk is `otherHead`), a list of other documents.
    // Only its first document delta changes: it counted from 0, and now from this list's last one.
    void appendList(const Chunk* otherHead, const PostingList& other, ChunkPool& pool)
    {
        std::uint32_t capacity = 0;
        for (const Chunk* chunk = otherHead; chunk; chunk = chunk->next) {
            capacity = nextChunkBytes(capacity);
            const std::uint8_t* at = chunk->data();
            const std::uint8_t* const end = at + (chunk == other.tail ? other.tailUsed : capacity);
            if (chunk == otherHead) {
                const std::int64_t firstDoc = unzigzag(getVarint(at, end));
                std::array<std::uint8_t, kMaxVarintBytes> delta;
                const std::uint8_t* const deltaEnd = putVarint(delta.data(), zigzag(firstDoc - lastDoc));
                append(delta.data(), static_cast<std::size_t>(deltaEnd - delta.data()), pool);
            }
            append(at, static_cast<std::size_t>(end - at), pool);
        }
        lastDoc = other.lastDoc;
        documents += other.documents;
    }
};

// Varints of one group. Nearly always the list's last chunk has room for the largest the group
// can be, and they go straight into it; otherwise through a buffer on the stack, appended by
// finish() (a small copy per group was a third of add()'s time).
class GroupWriter {
public:
    // `maxBytes`: the most the group can take (kMaxVarintBytes for each value).
    GroupWriter(PostingList& list, ChunkPool& pool, std::size_t maxBytes) : m_list(list), m_pool(pool)
    {
        if (static_cast<std::size_t>(list.tailCapacity - list.tailUsed) >= maxBytes)
            m_direct = list.tail->data() + list.tailUsed;
    }
    GroupWriter(const GroupWriter&) = delete;
    GroupWriter& operator=(const GroupWriter&) = delete;

    void put(std::uint64_t value)
    {
        if (m_direct) {
            m_direct = putVarint(m_direct, value);
            return;
        }
        if (m_used + kMaxVarintBytes > m_buffer.size())
            flush();
        m_used = static_cast<std::size_t>(putVarint(m_buffer.data() + m_used, value) - m_buffer.data());
    }

    void finish()
    {
        if (!m_direct) {
            flush();
            return;
        }
        m_list.tailUsed = static_cast<std::uint16_t>(m_direct - m_list.tail->data());
    }

private:
    void flush()
    {
        m_list.append(m_buffer.data(), m_used, m_pool);
        m_used = 0;
    }

    PostingList& m_list;
    ChunkPool& m_pool;
    std::uint8_t* m_direct = nullptr;
    std::array<std::uint8_t, 256> m_buffer;  // not zeroed: written before read, and zeroing cost a tenth of add()
    std::size_t m_used = 0;
};

// The postings of the documents `wanted(doc)` accepts, sorted. The chunks are copied into one
// buffer first: a varint may straddle two, and the decoding loop stays tight. Groups come in
// nearly ascending document order (threads interleave); they are put in order as groups, not
// posting by posting.
template <typename Wanted>
std::vector<Posting> decode(const Chunk* head, const PostingList& list, Wanted wanted)
{
    std::vector<std::uint8_t> bytes;
    std::uint32_t capacity = 0;
    for (const Chunk* chunk = head; chunk; chunk = chunk->next) {
        capacity = nextChunkBytes(capacity);
        const std::uint32_t used = chunk == list.tail ? list.tailUsed : capacity;
        bytes.insert(bytes.end(), chunk->data(), chunk->data() + used);
    }
    struct Group {
        std::uint32_t doc;
        std::size_t first;
        std::size_t last;
    };
    std::vector<Group> groups;
    std::vector<Posting> postings;
    bool ordered = true;
    const std::uint8_t* at = bytes.data();
    const std::uint8_t* const end = at + bytes.size();
    std::int64_t doc = 0;
    while (at < end) {
        doc += unzigzag(getVarint(at, end));
        const std::uint64_t count = getVarint(at, end);
        const bool keep = wanted(static_cast<std::uint32_t>(doc));
        const std::size_t first = postings.size();
        std::uint32_t slot = 0;
        for (std::uint64_t i = 0; i < count && at < end; ++i) {
            slot += static_cast<std::uint32_t>(getVarint(at, end));
            if (keep)
                postings.push_back(Posting{static_cast<std::uint32_t>(doc), slot});
        }
        if (!keep)
            continue;
        ordered = ordered && (groups.empty() || groups.back().doc < doc);
        groups.push_back(Group{static_cast<std::uint32_t>(doc), first, postings.size()});
    }
    if (ordered)
        return postings;
    std::sort(groups.begin(), groups.end(), [](const Group& a, const Group& b) { return a.doc < b.doc; });
    std::vector<Posting> sorted;
    sorted.reserve(postings.size());
    for (const Group& group : groups)
        sorted.insert(sorted.end(), postings.begin() + static_cast<std::ptrdiff_t>(group.first),
                      postings.begin() + static_cast<std::ptrdiff_t>(group.last));
    return sorted;
}

std::vector<Posting> decode(const Chunk* head, const PostingList& list)
{
    return decode(head, list, [](std::uint32_t) { return true; });
}

// Sorted lists merged into one, pairwise like a merge sort: n log k moves, no full sort.
std::vector<Posting> mergeAll(std::vector<std::vector<Posting>> lists)
{
    if (lists.empty())
        return {};
    while (lists.size() > 1) {
        std::vector<std::vector<Posting>> merged;
        for (std::size_t i = 0; i + 1 < lists.size(); i += 2) {
            std::vector<Posting> both;
            both.reserve(lists[i].size() + lists[i + 1].size());
            std::set_union(lists[i].begin(), lists[i].end(), lists[i + 1].begin(), lists[i + 1].end(),
                           std::back_inserter(both));
            merged.push_back(std::move(both));
        }
        if (lists.size() % 2 == 1)
            merged.push_back(std::move(lists.back()));
        lists = std::move(merged);
    }
    return std::move(lists.front());
}

}  // namespace

// Two to a cache line, none across two: at 48 bytes, half of them took two waits on memory.
static_assert(sizeof(std::uint64_t) + sizeof(PostingList) == 32);
struct alignas(32) TermIndex::Entry {
    std::uint64_t hash = 0;
    PostingList postings;  // postings.documents == 0: a free place in the table

    bool free() const { return postings.documents == 0; }
};

// What only reading needs, out of the way of adding.
struct TermInfo {
    const Chunk* head = nullptr;
    std::uint32_t textAt = 0;  // into Shard::text
    std::uint32_t textSize = 0;
};

// Open addressing over the entries themselves (at most three quarters full, so that a vault's
// table stays within a core's cache): a word added is one wait on memory for its entry and one
// for its list's last chunk; a table of indices in front of the entries was one more (a third
// of add()). Term texts live in one string a shard.
struct TermIndex::Shard {
    ChunkPool pool;
    std::vector<Entry> table;
    std::vector<TermInfo> terms;  // in the order added
    std::string text;

    std::string_view textOf(const Entry& entry) const
    {
        const TermInfo& info = terms[entry.postings.term];
        return std::string_view(text).substr(info.textAt, info.textSize);
    }

    const Chunk* headOf(const Entry& entry) const { return terms[entry.postings.term].head; }

    const Entry* find(std::uint64_t hash, std::string_view term) const
    {
        if (table.empty())
            return nullptr;
        const std::size_t mask = table.size() - 1;
        for (std::size_t at = hash & mask; !table[at].free(); at = (at + 1) & mask)
            if (table[at].hash == hash && textOf(table[at]) == term)
                return &table[at];
        return nullptr;
    }

    // A word's entry and its list's last chunk are waits on memory: add() asks for them a few
    // words ahead, so that the waits overlap.
    void prefetchEntry(std::uint64_t hash) const
    {
        if (!table.empty())
            __builtin_prefetch(&table[hash & (table.size() - 1)]);
    }

    void prefetchChunk(std::uint64_t hash) const
    {
        if (table.empty())
            return;
        const Entry& entry = table[hash & (table.size() - 1)];  // where it nearly always is
        if (entry.hash == hash && entry.postings.tail)
            __builtin_prefetch(entry.postings.tail->data() + entry.postings.tailUsed, 1);
    }

    // While adding, a 64-bit hash names a term, as in DocumentTerms: the text is not compared
    // (that was a tenth of add()'s time, for a collision chance of about 1e-11 a vault). The
    // caller adds a document to the entry at once, which takes its place in the table.
    Entry& findOrInsert(std::uint64_t hash, std::string_view term)
    {
        const std::size_t mask = table.size() - 1;
        for (std::size_t at = hash & mask; !table.empty() && !table[at].free(); at = (at + 1) & mask)
            if (table[at].hash == hash)
                return table[at];
        return insert(hash, term);
    }

    // Out of line: rare once a vault's words are known, and inlined it kept the lookup above
    // out of add().
    [[gnu::noinline]] Entry& insert(std::uint64_t hash, std::string_view term)
    {
        if ((terms.size() + 1) * 4 > table.size() * 3)
            grow();
        const std::size_t mask = table.size() - 1;
        std::size_t at = hash & mask;
        while (!table[at].free())
            at = (at + 1) & mask;
        Chunk* first = pool.allocate(kFirstChunkBytes);
        table[at]
            = Entry{hash, PostingList{first, 0, 0, 0, kFirstChunkBytes, static_cast<std::uint32_t>(terms.size())}};
        terms.push_back({first, static_cast<std::uint32_t>(text.size()), static_cast<std::uint32_t>(term.size())});
        text += term;
        return table[at];
    }

    void clear()
    {
        pool = {};
        table = {};
        terms = {};
        text = {};
    }

    void grow()
    {
        std::vector<Entry> bigger(std::max<std::size_t>(64, table.size() * 2));
        const std::size_t mask = bigger.size() - 1;
        for (const Entry& entry : table) {
            if (entry.free())
                continue;
            std::size_t at = entry.hash & mask;
            while (!bigger[at].free())
                at = (at + 1) & mask;
            bigger[at] = entry;
        }
        table = std::move(bigger);
    }
};

// Repeats are merged here, one table probe a word, so that add() below sorts only the distinct
// words (a note repeats most of its ~2,000 words; sorting them all was ~7% of indexing).
void DocumentTerms::add(std::string_view term, std::uint32_t slot)
{
    ++m_added;
    if ((m_words.size() + 1) * 2 > m_table.size())
        growTable();
    if (m_slots.empty())
        m_slots.push_back({});  // entry 0 ends chains
    const std::uint64_t hash = fastHash(term);
    const std::size_t mask = m_table.size() - 1;
    std::size_t at = hash & mask;
    for (; m_table[at] != 0; at = (at + 1) & mask) {
        Word& word = m_words[m_table[at] - 1];
        if (word.hash != hash)
            continue;
        if (m_slots[word.lastSlot].slot != slot) {  // the same word twice in one slot counts once
            word.ascending = word.ascending && slot > m_slots[word.lastSlot].slot;
            ++word.slotCount;
            m_slots[word.lastSlot].next = static_cast<std::uint32_t>(m_slots.size());
            word.lastSlot = static_cast<std::uint32_t>(m_slots.size());
            m_slots.push_back({slot, 0});
        }
        return;
    }
    const auto link = static_cast<std::uint32_t>(m_slots.size());
    m_slots.push_back({slot, 0});
    m_words.push_back(Word{hash, static_cast<std::uint32_t>(m_text.size()), static_cast<std::uint32_t>(term.size()),
                           link, link, 1, true});
    m_table[at] = static_cast<std::uint32_t>(m_words.size());
    m_text += term;
}

void DocumentTerms::growTable()
{
    rehash(std::max<std::size_t>(256, m_table.size() * 2));
}

void DocumentTerms::rehash(std::size_t tableSize)
{
    m_table.assign(tableSize, 0);
    const std::size_t mask = m_table.size() - 1;
    for (std::uint32_t i = 0; i < m_words.size(); ++i) {
        std::size_t at = m_words[i].hash & mask;
        while (m_table[at] != 0)
            at = (at + 1) & mask;
        m_table[at] = i + 1;
    }
}

void DocumentTerms::clear()
{
    m_text.clear();
    m_words.clear();
    m_slots.clear();
    std::fill(m_table.begin(), m_table.end(), 0);
    m_added = 0;
}

TermIndex::TermIndex()
{
    makeShards();
}

void TermIndex::makeShards()
{
    m_shards.reserve(kShardCount);
    for (std::size_t i = 0; i < kShardCount; ++i)
        m_shards.push_back(std::make_unique<Shard>());
}

std::pair<const TermIndex::Shard*, const TermIndex::Entry*> TermIndex::lookup(std::string_view term) const
{
    if (m_shards.empty())
        return {nullptr, nullptr};  // moved from
    const std::uint64_t hash = fastHash(term);
    const Shard* shard = m_shards[shardOf(hash)].get();
    return {shard, shard->find(hash, term)};
}

TermIndex::~TermIndex() = default;
TermIndex::TermIndex(TermIndex&&) noexcept = default;
TermIndex& TermIndex::operator=(TermIndex&&) noexcept = default;

void TermIndex::add(std::uint32_t doc, DocumentTerms& terms)
{
    if (m_shards.empty())
        makeShards();  // moved from: empty again
    // The words of one shard together, by a counting sort on the shard bits: one pass, no
    // comparisons (a full sort by hash was nearly half of add()). Two words with one 64-bit
    // hash share postings (DocumentTerms merged them).
    std::array<std::uint32_t, kShardCount + 1> shardEnd{};
    for (const DocumentTerms::Word& word : terms.m_words)
        ++shardEnd[shardOf(word.hash) + 1];
    for (std::size_t i = 1; i <= kShardCount; ++i)
        shardEnd[i] += shardEnd[i - 1];
    std::vector<DocumentTerms::Word>& words = terms.m_byShard;
    words.resize(terms.m_words.size());
    for (const DocumentTerms::Word& word : terms.m_words)
        words[shardEnd[shardOf(word.hash)]++] = word;  // then shardEnd[s] is the end of shard s

    std::size_t first = 0;
    for (std::size_t shardIndex = 0; shardIndex < kShardCount; ++shardIndex) {
        if (first == shardEnd[shardIndex])
            continue;
        Shard& shard = *m_shards[shardIndex];
        const std::size_t end = shardEnd[shardIndex];
        for (std::size_t ahead = first; ahead < std::min(end, first + kEntriesAhead); ++ahead)
            shard.prefetchEntry(words[ahead].hash);
        for (; first < end; ++first) {
            if (first + kEntriesAhead < end)
                shard.prefetchEntry(words[first + kEntriesAhead].hash);
            if (first + 1 < end)
                shard.prefetchChunk(words[first + 1].hash);
            addWord(shard, doc, words[first], terms);
        }
    }
}

void TermIndex::addWord(Shard& shard, std::uint32_t doc, const DocumentTerms::Word& word, DocumentTerms& terms)
{
    PostingList& list = shard.findOrInsert(word.hash, terms.text(word)).postings;
    GroupWriter group(list, shard.pool, kMaxVarintBytes * (2 + std::size_t{word.slotCount}));
    group.put(zigzag(static_cast<std::int64_t>(doc) - static_cast<std::int64_t>(list.lastDoc)));
    if (word.ascending) {  // nearly always: straight from the chain
        group.put(word.slotCount);
        std::uint32_t previous = 0;
        for (std::uint32_t link = word.firstSlot; link != 0; link = terms.m_slots[link].next) {
            group.put(terms.m_slots[link].slot - previous);
            previous = terms.m_slots[link].slot;
        }
    } else {
        std::vector<std::uint32_t>& slots = terms.m_wordSlots;
        slots.clear();
        for (std::uint32_t link = word.firstSlot; link != 0; link = terms.m_slots[link].next)
            slots.push_back(terms.m_slots[link].slot);
        std::sort(slots.begin(), slots.end());
        slots.erase(std::unique(slots.begin(), slots.end()), slots.end());
        group.put(slots.size());
        for (std::size_t i = 0; i < slots.size(); ++i)
            group.put(slots[i] - (i > 0 ? slots[i - 1] : 0));
    }
    group.finish();
    list.lastDoc = doc;
    ++list.documents;
}

void TermIndex::absorb(std::vector<TermIndex>& parts, unsigned threads)
{
    if (m_shards.empty())
        makeShards();  // moved from: empty again
    std::atomic<std::size_t> nextShard{0};
    std::exception_ptr failure;
    std::once_flag failureSet;
    const auto work = [&]() noexcept {
        try {
            for (std::size_t shard; (shard = nextShard.fetch_add(1)) < kShardCount;) {
                for (TermIndex& part : parts) {
                    if (part.m_shards.empty())
                        continue;  // moved from
                    absorbShard(*m_shards[shard], *part.m_shards[shard]);
                    part.m_shards[shard]->clear();  // its memory back now, not once all are joined
                }
            }
        } catch (...) {  // out of memory: passed on to the caller, not out of a thread
            std::call_once(failureSet, [&] { failure = std::current_exception(); });
        }
    };
    {
        std::vector<std::jthread> helpers;
        for (unsigned i = 1; i < threads; ++i)
            helpers.emplace_back(work);
        work();
    }
    if (failure)
        std::rethrow_exception(failure);
}

void TermIndex::absorbShard(Shard& into, Shard& from)
{
    if (into.terms.empty()) {  // nothing to join: the other shard's tables as they are
        std::swap(into.pool, from.pool);
        std::swap(into.table, from.table);
        std::swap(into.terms, from.terms);
        std::swap(into.text, from.text);
        return;
    }
    for (const Entry& entry : from.table) {
        if (entry.free())
            continue;
        PostingList& list = into.findOrInsert(entry.hash, from.textOf(entry)).postings;
        list.appendList(from.headOf(entry), entry.postings, into.pool);
    }
}

std::vector<Posting> TermIndex::find(std::string_view term) const
{
    const auto [shard, entry] = lookup(term);
    return entry ? decode(shard->headOf(*entry), entry->postings) : std::vector<Posting>{};
}

std::vector<Posting> TermIndex::findIn(std::string_view term, const std::vector<std::uint32_t>& docs) const
{
    const auto [shard, entry] = lookup(term);
    if (!entry)
        return {};
    return decode(shard->headOf(*entry), entry->postings,
                  [&](std::uint32_t doc) { return std::binary_search(docs.begin(), docs.end(), doc); });
}

std::vector<std::string> TermIndex::termsWithPrefix(std::string_view prefix) const
{
    // A scan of every term: ~100,000 comparisons of a few bytes, under a millisecond.
    std::vector<std::string> terms;
    for (const auto& shard : m_shards)
        for (const Entry& entry : shard->table)
            if (!entry.free() && shard->textOf(entry).starts_with(prefix))
                terms.emplace_back(shard->textOf(entry));
    return terms;
}

std::vector<Posting> TermIndex::findPrefix(std::string_view prefix) const
{
    std::vector<std::vector<Posting>> lists;
    for (const std::string& term : termsWithPrefix(prefix))
        lists.push_back(find(term));
    return mergeAll(std::move(lists));
}

std::size_t TermIndex::documentCount(std::string_view term) const
{
    const Entry* entry = lookup(term).second;
    return entry ? entry->postings.documents : 0;
}

void TermIndex::shrinkToFit()
{
    for (auto& shard : m_shards) {
        shard->terms.shrink_to_fit();
        shard->text.shrink_to_fit();  // the table keeps its room, for lookups
    }
}

std::size_t TermIndex::termCount() const
{
    std::size_t count = 0;
    for (const auto& shard : m_shards)
        count += shard->terms.size();
    return count;
}

std::size_t TermIndex::memoryBytes() const
{
    std::size_t bytes = m_shards.size() * sizeof(Shard);
    for (const auto& shard : m_shards)
        bytes += shard->pool.reservedBytes() + shard->table.capacity() * sizeof(Entry)
               + shard->terms.capacity() * sizeof(TermInfo) + shard->text.capacity();
    return bytes;
}

}  // namespace scholia
