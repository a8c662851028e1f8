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

// Enough shards that absorb() keeps 2 to 16 threads busy. The shard is taken from the top bits
// of the hash, the table slot from the bottom ones.
constexpr unsigned kShardBits = 6;
constexpr std::size_t kShardCount = std::size_t{1} << kShardBits;
// How many words ahead TermIndex::add() asks for a word's entry (see Shard::prefetchEntry).
constexpr std::size_t kEntriesAhead = 4;

std::size_t shardOf(std::uint64_t hash)
{
    return static_cast<std::size_t>(hash >> (64 - kShardBits));
}

// One list per term: for each document, a group [doc][slot][slot]..., varints whose low bit
// tells the two apart: (zigzag(doc delta) << 1) | 1 begins a group, (slot delta << 1) is the
// next slot (the first counts from 0). Words are added as the note has them, one at a time,
// so a group needs no count up front. Documents arrive in roughly ascending order from the
// indexing threads, so the doc delta (zigzag-coded, as it may be negative) is mostly one byte.
// The bytes live in a chain of chunks that double up to 1 KB, carved from the shard's pages: a
// growing list never moves, and the heap sees a few large allocations instead of a reallocation
// per list growth (which, amid the parser's many small frees, made malloc itself a fifth of
// indexing).
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

std::uint64_t documentMark(std::int64_t delta)
{
    return (zigzag(delta) << 1) | 1;
}

// What adding to a term's list needs, in the term's table entry; the list's first chunk, needed
// only to read it, is with the term's text (TermInfo). The tail's fill is kept here too:
// appending then only writes to the chunk, and never waits to read it back from memory (that
// read was a third of adding).
struct PostingList {
    Chunk* tail = nullptr;  // set when the term is added, to an empty first chunk
    std::uint32_t lastDoc = 0;
    std::uint32_t documents = 0;  // groups: the last is lastDoc's
    std::uint32_t lastSlot = 0;   // lastDoc's last slot
    std::uint16_t tailUsed = 0;
    std::uint16_t tailCapacity = 0;

    // `slot` of document `doc`, after those added before: `doc` is a new document, or the last
    // one again with a slot at least as large.
    void add(std::uint32_t doc, std::uint32_t slot, ChunkPool& pool)
    {
        if (documents == 0 || doc != lastDoc) {
            put(documentMark(static_cast<std::int64_t>(doc) - static_cast<std::int64_t>(lastDoc)), pool);
            lastDoc = doc;
            lastSlot = 0;
            ++documents;
        } else if (slot == lastSlot) {
            return;  // the same word twice in one slot counts once
        }
        put(std::uint64_t{slot - lastSlot} << 1, pool);
        lastSlot = slot;
    }

    void put(std::uint64_t value, ChunkPool& pool)
    {
        if (tailCapacity - tailUsed >= static_cast<int>(kMaxVarintBytes)) {  // nearly always
            tailUsed = static_cast<std::uint16_t>(putVarint(tail->data() + tailUsed, value) - tail->data());
            return;
        }
        std::array<std::uint8_t, kMaxVarintBytes> bytes;
        append(bytes.data(), static_cast<std::size_t>(putVarint(bytes.data(), value) - bytes.data()), pool);
    }

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
                const std::int64_t firstDoc = unzigzag(getVarint(at, end) >> 1);
                put(documentMark(firstDoc - static_cast<std::int64_t>(lastDoc)), pool);
            }
            append(at, static_cast<std::size_t>(end - at), pool);
        }
        lastDoc = other.lastDoc;
        lastSlot = other.lastSlot;
        documents += other.documents;
    }
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
        std::size_t first;  // into postings
        std::size_t last;   // set once all are read: where the next group begins
    };
    std::vector<Group> groups;
    std::vector<Posting> postings;
    bool ordered = true;
    bool keep = false;
    const std::uint8_t* at = bytes.data();
    const std::uint8_t* const end = at + bytes.size();
    std::int64_t doc = 0;
    std::uint32_t slot = 0;
    while (at < end) {
        const std::uint64_t value = getVarint(at, end);
        if (value & 1) {
            doc += unzigzag(value >> 1);
            slot = 0;
            keep = wanted(static_cast<std::uint32_t>(doc));
            if (keep) {
                ordered = ordered && (groups.empty() || groups.back().doc < doc);
                groups.push_back(Group{static_cast<std::uint32_t>(doc), postings.size(), 0});
            }
            continue;
        }
        slot += static_cast<std::uint32_t>(value >> 1);
        if (keep)
            postings.push_back(Posting{static_cast<std::uint32_t>(doc), slot});
    }
    if (ordered)
        return postings;
    for (std::size_t i = 0; i < groups.size(); ++i)
        groups[i].last = i + 1 < groups.size() ? groups[i + 1].first : postings.size();
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

// What only reading needs, out of the way of adding: in a table beside the entries, at the
// same places.
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
    std::vector<TermInfo> info;  // info[i] is table[i]'s
    std::size_t termCount = 0;
    std::string text;

    const TermInfo& infoOf(const Entry& entry) const { return info[static_cast<std::size_t>(&entry - table.data())]; }

    std::string_view textOf(const Entry& entry) const
    {
        const TermInfo& term = infoOf(entry);
        return std::string_view(text).substr(term.textAt, term.textSize);
    }

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

    // While adding, a 64-bit hash names a term: the text is not compared
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
        if ((termCount + 1) * 4 > table.size() * 3)
            grow();
        const std::size_t mask = table.size() - 1;
        std::size_t at = hash & mask;
        while (!table[at].free())
            at = (at + 1) & mask;
        Chunk* first = pool.allocate(kFirstChunkBytes);
        table[at] = Entry{hash, PostingList{first, 0, 0, 0, 0, kFirstChunkBytes}};
        info[at] = TermInfo{first, static_cast<std::uint32_t>(text.size()), static_cast<std::uint32_t>(term.size())};
        text += term;
        ++termCount;
        return table[at];
    }

    void grow()
    {
        const std::size_t size = std::max<std::size_t>(64, table.size() * 2);
        std::vector<Entry> biggerTable(size);
        std::vector<TermInfo> biggerInfo(size);
        const std::size_t mask = size - 1;
        for (std::size_t i = 0; i < table.size(); ++i) {
            if (table[i].free())
                continue;
            std::size_t at = table[i].hash & mask;
            while (!biggerTable[at].free())
                at = (at + 1) & mask;
            biggerTable[at] = table[i];
            biggerInfo[at] = info[i];
        }
        table = std::move(biggerTable);
        info = std::move(biggerInfo);
    }
};

void DocumentTerms::addText(std::string_view text, std::uint32_t slot)
{
    startSlot(slot);
    scanFoldedWords(text, m_text, [&](const FoldedWord& word) {
        // One load of the first bytes serves the indexability test and, for most words, the
        // hash (the same as fastHash()).
        const char* at = m_text.data() + word.offset;
        const std::uint64_t firstBytes = paddedBytesValue(at, std::min<std::size_t>(word.size, 8));
        if (!isIndexableWord(word.size, firstBytes))
            return;
        const std::uint64_t hash = word.size <= 8 ? fastHashOfShort(firstBytes, word.size) : fastHash({at, word.size});
        addWord(hash, slot, word.offset, word.size);
    });
}

void DocumentTerms::add(std::string_view term, std::uint32_t slot)
{
    startSlot(slot);
    addWord(fastHash(term), slot, m_text.appendWord(term), term.size());
}

void DocumentTerms::clear()
{
    m_text.clear();
    m_words.clear();
    m_ascending = true;
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
    std::vector<DocumentTerms::Word>& words = terms.m_words;
    if (!terms.m_ascending)  // each list takes a document's slots in order
        std::stable_sort(words.begin(), words.end(),
                         [](const DocumentTerms::Word& a, const DocumentTerms::Word& b) { return a.slot < b.slot; });
    const auto shardFor = [&](std::uint64_t hash) -> Shard& { return *m_shards[shardOf(hash)]; };
    for (std::size_t ahead = 0; ahead < std::min(words.size(), kEntriesAhead); ++ahead)
        shardFor(words[ahead].hash).prefetchEntry(words[ahead].hash);
    for (std::size_t i = 0; i < words.size(); ++i) {
        if (i + kEntriesAhead < words.size())
            shardFor(words[i + kEntriesAhead].hash).prefetchEntry(words[i + kEntriesAhead].hash);
        if (i + 1 < words.size())
            shardFor(words[i + 1].hash).prefetchChunk(words[i + 1].hash);
        const DocumentTerms::Word& word = words[i];
        Shard& shard = shardFor(word.hash);
        shard.findOrInsert(word.hash, terms.text(word)).postings.add(doc, word.slot, shard.pool);
    }
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
                    *part.m_shards[shard] = Shard{};  // its memory back now, not once all are joined
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
    if (into.termCount == 0) {  // nothing to join: the other shard's tables as they are
        std::swap(into, from);
        return;
    }
    for (const Entry& entry : from.table) {
        if (entry.free())
            continue;
        PostingList& list = into.findOrInsert(entry.hash, from.textOf(entry)).postings;
        list.appendList(from.infoOf(entry).head, entry.postings, into.pool);
    }
}

std::vector<Posting> TermIndex::find(std::string_view term) const
{
    const auto [shard, entry] = lookup(term);
    return entry ? decode(shard->infoOf(*entry).head, entry->postings) : std::vector<Posting>{};
}

std::vector<Posting> TermIndex::findIn(std::string_view term, const std::vector<std::uint32_t>& docs) const
{
    const auto [shard, entry] = lookup(term);
    if (!entry)
        return {};
    return decode(shard->infoOf(*entry).head, entry->postings,
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
    for (auto& shard : m_shards)
        shard->text.shrink_to_fit();  // the tables keep their room, for lookups
}

std::size_t TermIndex::termCount() const
{
    std::size_t count = 0;
    for (const auto& shard : m_shards)
        count += shard->termCount;
    return count;
}

std::size_t TermIndex::memoryBytes() const
{
    std::size_t bytes = m_shards.size() * sizeof(Shard);
    for (const auto& shard : m_shards)
        bytes += shard->pool.reservedBytes() + shard->table.capacity() * sizeof(Entry)
               + shard->info.capacity() * sizeof(TermInfo) + shard->text.capacity();
    return bytes;
}

}  // namespace scholia
