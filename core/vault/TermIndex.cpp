#include "vault/TermIndex.h"

#include <algorithm>
#include <array>
#include <functional>
#include <mutex>
#include <new>

namespace scholia {

namespace {

// Enough shards that 2 to 16 indexing threads rarely wait for each other. The shard is
// taken from the top bits of the hash, the table slot from the bottom ones.
constexpr unsigned kShardBits = 6;
constexpr std::size_t kShardCount = std::size_t{1} << kShardBits;

std::uint64_t hashTerm(std::string_view term)
{
    return std::hash<std::string_view>{}(term);
}

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
struct Chunk {
    Chunk* next = nullptr;
    std::uint32_t capacity = 0;
    std::uint32_t used = 0;

    std::uint8_t* data() { return reinterpret_cast<std::uint8_t*>(this + 1); }
    const std::uint8_t* data() const { return reinterpret_cast<const std::uint8_t*>(this + 1); }
};

constexpr std::uint32_t kFirstChunkBytes = 16;
constexpr std::uint32_t kLargestChunkBytes = 1024;
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
            m_pages.push_back(std::make_unique<std::uint8_t[]>(m_pageBytes));
            m_reserved += m_pageBytes;
            m_used = 0;
        }
        Chunk* chunk = new (m_pages.back().get() + m_used) Chunk{nullptr, capacity, 0};
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

struct PostingList {
    Chunk* head = nullptr;
    Chunk* tail = nullptr;
    std::uint32_t lastDoc = 0;
    std::uint32_t documents = 0;

    void append(const std::uint8_t* bytes, std::size_t size, ChunkPool& pool)
    {
        while (size > 0) {
            if (!tail || tail->used == tail->capacity) {
                const std::uint32_t capacity = tail ? std::min(kLargestChunkBytes, tail->capacity * 2) : kFirstChunkBytes;
                Chunk* chunk = pool.allocate(capacity);
                (tail ? tail->next : head) = chunk;
                tail = chunk;
            }
            const std::size_t room = std::min<std::size_t>(size, tail->capacity - tail->used);
            std::copy_n(bytes, room, tail->data() + tail->used);
            tail->used += static_cast<std::uint32_t>(room);
            bytes += room;
            size -= room;
        }
    }
};

// Reads a list's bytes across its chunks.
class PostingReader {
public:
    explicit PostingReader(const PostingList& list) : m_chunk(list.head) { skipEmpty(); }

    bool atEnd() const { return m_chunk == nullptr; }

    std::uint64_t varint()
    {
        std::uint64_t value = 0;
        for (int shift = 0; !atEnd(); shift += 7) {
            const std::uint8_t byte = m_chunk->data()[m_at++];
            skipEmpty();
            value |= static_cast<std::uint64_t>(byte & 0x7F) << shift;
            if (!(byte & 0x80))
                break;
        }
        return value;
    }

private:
    void skipEmpty()
    {
        while (m_chunk && m_at == m_chunk->used) {
            m_chunk = m_chunk->next;
            m_at = 0;
        }
    }

    const Chunk* m_chunk;
    std::uint32_t m_at = 0;
};

struct TermEntry {
    std::uint64_t hash = 0;
    std::string text;
    PostingList postings;
};

// Varints of one group, buffered on the stack and appended to the list when done.
class GroupWriter {
public:
    GroupWriter(PostingList& list, ChunkPool& pool) : m_list(list), m_pool(pool) {}
    ~GroupWriter() { flush(); }
    GroupWriter(const GroupWriter&) = delete;
    GroupWriter& operator=(const GroupWriter&) = delete;

    void put(std::uint64_t value)
    {
        if (m_used + kMaxVarintBytes > m_buffer.size())
            flush();
        while (value >= 0x80) {
            m_buffer[m_used++] = static_cast<std::uint8_t>(value | 0x80);
            value >>= 7;
        }
        m_buffer[m_used++] = static_cast<std::uint8_t>(value);
    }

private:
    static constexpr std::size_t kMaxVarintBytes = 10;

    void flush()
    {
        m_list.append(m_buffer.data(), m_used, m_pool);
        m_used = 0;
    }

    PostingList& m_list;
    ChunkPool& m_pool;
    std::array<std::uint8_t, 256> m_buffer{};
    std::size_t m_used = 0;
};

std::uint64_t zigzag(std::int64_t value)
{
    return (static_cast<std::uint64_t>(value) << 1) ^ static_cast<std::uint64_t>(value >> 63);
}

std::int64_t unzigzag(std::uint64_t value)
{
    return static_cast<std::int64_t>(value >> 1) ^ -static_cast<std::int64_t>(value & 1);
}

void decodeInto(const PostingList& list, std::vector<Posting>& out)
{
    PostingReader reader(list);
    std::int64_t doc = 0;
    while (!reader.atEnd()) {
        doc += unzigzag(reader.varint());
        const std::uint64_t count = reader.varint();
        std::uint32_t slot = 0;
        for (std::uint64_t i = 0; i < count && !reader.atEnd(); ++i) {
            slot += static_cast<std::uint32_t>(reader.varint());
            out.push_back(Posting{static_cast<std::uint32_t>(doc), slot});
        }
    }
}

void sortUnique(std::vector<Posting>& postings)
{
    if (!std::is_sorted(postings.begin(), postings.end()))
        std::sort(postings.begin(), postings.end());
    postings.erase(std::unique(postings.begin(), postings.end()), postings.end());
}

}  // namespace

struct TermIndex::Shard {
    std::mutex mutex;  // taken only by add(): lookups run when adding is over
    ChunkPool pool;
    std::vector<TermEntry> terms;
    std::vector<std::uint32_t> table;  // open addressing: 1 + index into terms; 0 = free

    const TermEntry* find(std::uint64_t hash, std::string_view text) const
    {
        if (table.empty())
            return nullptr;
        const std::size_t mask = table.size() - 1;
        for (std::size_t at = hash & mask;; at = (at + 1) & mask) {
            const std::uint32_t slot = table[at];
            if (slot == 0)
                return nullptr;
            const TermEntry& entry = terms[slot - 1];
            if (entry.hash == hash && entry.text == text)
                return &entry;
        }
    }

    TermEntry& findOrInsert(std::uint64_t hash, std::string_view text)
    {
        if ((terms.size() + 1) * 2 > table.size())
            grow();
        const std::size_t mask = table.size() - 1;
        std::size_t at = hash & mask;
        for (; table[at] != 0; at = (at + 1) & mask) {
            TermEntry& entry = terms[table[at] - 1];
            if (entry.hash == hash && entry.text == text)
                return entry;
        }
        terms.push_back(TermEntry{hash, std::string(text), {}});
        table[at] = static_cast<std::uint32_t>(terms.size());
        return terms.back();
    }

    void grow()
    {
        std::vector<std::uint32_t> bigger(std::max<std::size_t>(64, table.size() * 2), 0);
        const std::size_t mask = bigger.size() - 1;
        for (std::uint32_t i = 0; i < terms.size(); ++i) {
            std::size_t at = terms[i].hash & mask;
            while (bigger[at] != 0)
                at = (at + 1) & mask;
            bigger[at] = i + 1;
        }
        table = std::move(bigger);
    }
};

void DocumentTerms::add(std::string_view term, std::uint32_t slot)
{
    m_words.push_back(Word{hashTerm(term), static_cast<std::uint32_t>(m_text.size()),
                           static_cast<std::uint32_t>(term.size()), slot});
    m_text += term;
}

void DocumentTerms::clear()
{
    m_text.clear();
    m_words.clear();
}

TermIndex::TermIndex()
{
    m_shards.reserve(kShardCount);
    for (std::size_t i = 0; i < kShardCount; ++i)
        m_shards.push_back(std::make_unique<Shard>());
}

TermIndex::~TermIndex() = default;
TermIndex::TermIndex(TermIndex&&) noexcept = default;
TermIndex& TermIndex::operator=(TermIndex&&) noexcept = default;

void TermIndex::add(std::uint32_t doc, DocumentTerms& terms)
{
    // Sorted by hash, the words of one shard are together and each term's slots ascend; the
    // same word twice in one slot goes. Two words with one 64-bit hash would share postings.
    auto& words = terms.m_words;
    std::sort(words.begin(), words.end(), [](const DocumentTerms::Word& a, const DocumentTerms::Word& b) {
        return a.hash != b.hash ? a.hash < b.hash : a.slot < b.slot;
    });
    words.erase(std::unique(words.begin(), words.end(),
                            [](const auto& a, const auto& b) { return a.hash == b.hash && a.slot == b.slot; }),
                words.end());

    for (std::size_t first = 0; first < words.size();) {
        const std::size_t shardIndex = shardOf(words[first].hash);
        Shard& shard = *m_shards[shardIndex];
        const std::lock_guard lock(shard.mutex);
        while (first < words.size() && shardOf(words[first].hash) == shardIndex) {
            std::size_t last = first + 1;
            while (last < words.size() && words[last].hash == words[first].hash)
                ++last;
            PostingList& list = shard.findOrInsert(words[first].hash, terms.text(words[first])).postings;
            GroupWriter group(list, shard.pool);
            group.put(zigzag(static_cast<std::int64_t>(doc) - static_cast<std::int64_t>(list.lastDoc)));
            group.put(last - first);
            for (std::size_t i = first; i < last; ++i)
                group.put(words[i].slot - (i > first ? words[i - 1].slot : 0));
            list.lastDoc = doc;
            ++list.documents;
            first = last;
        }
    }
}

std::vector<Posting> TermIndex::find(std::string_view term) const
{
    std::vector<Posting> postings;
    const std::uint64_t hash = hashTerm(term);
    if (const TermEntry* entry = m_shards[shardOf(hash)]->find(hash, term))
        decodeInto(entry->postings, postings);
    sortUnique(postings);
    return postings;
}

std::vector<Posting> TermIndex::findPrefix(std::string_view prefix) const
{
    // A scan of every term: ~100,000 comparisons of a few bytes, under a millisecond.
    std::vector<Posting> postings;
    for (const auto& shard : m_shards)
        for (const TermEntry& entry : shard->terms)
            if (entry.text.starts_with(prefix))
                decodeInto(entry.postings, postings);
    sortUnique(postings);
    return postings;
}

std::size_t TermIndex::documentCount(std::string_view term) const
{
    const std::uint64_t hash = hashTerm(term);
    const TermEntry* entry = m_shards[shardOf(hash)]->find(hash, term);
    return entry ? entry->postings.documents : 0;
}

void TermIndex::shrinkToFit()
{
    for (auto& shard : m_shards) {
        shard->terms.shrink_to_fit();
        shard->table.shrink_to_fit();
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
    constexpr std::size_t kSsoCapacity = 15;
    std::size_t bytes = m_shards.size() * sizeof(Shard);
    for (const auto& shard : m_shards) {
        bytes += shard->pool.reservedBytes();
        bytes += shard->terms.capacity() * sizeof(TermEntry) + shard->table.capacity() * sizeof(std::uint32_t);
        for (const TermEntry& entry : shard->terms)
            if (entry.text.capacity() > kSsoCapacity)
                bytes += entry.text.capacity() + 1;
    }
    return bytes;
}

}  // namespace scholia
