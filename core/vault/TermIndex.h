#pragma once
// The inverted index behind vault search: term -> where it occurs, as (document, slot) pairs.
// A slot is a place inside a note the caller numbers (the vault index uses 0 for the title,
// 1 + i for claim i). Postings are stored as varint groups, one per document and term, about
// two bytes a posting instead of eight; terms sit in hash tables sharded by hash, so that
// indexes filled by separate threads join shard by shard, on several threads (absorb()).

#include <compare>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace scholia {

struct Posting {
    std::uint32_t doc = 0;
    std::uint32_t slot = 0;

    friend auto operator<=>(const Posting&, const Posting&) = default;
};

// One document's words, gathered before they go into the index: each hashed once, each
// distinct word stored once with the slots it occurs in, no string allocated per word.
class DocumentTerms {
public:
    void add(std::string_view term, std::uint32_t slot);
    std::size_t size() const { return m_added; }  // words added, repeats included
    void clear();  // keeps the capacity: one DocumentTerms serves a whole indexing thread

private:
    friend class TermIndex;
    struct Word {
        std::uint64_t hash = 0;
        std::uint32_t offset = 0;     // into m_text
        std::uint32_t size = 0;
        std::uint32_t firstSlot = 0;  // into m_slots: the chain of its slots, in the order added
        std::uint32_t lastSlot = 0;
        std::uint32_t slotCount = 0;  // links in the chain
        bool ascending = true;        // each slot greater than the one before, as notes add them
    };
    struct SlotLink {
        std::uint32_t slot = 0;
        std::uint32_t next = 0;  // into m_slots; 0 = end (entry 0 is never a link)
    };
    std::string_view text(const Word& word) const { return std::string_view(m_text).substr(word.offset, word.size); }
    void growTable();
    void rehash(std::size_t tableSize);

    std::string m_text;
    std::vector<Word> m_words;            // distinct words (by 64-bit hash)
    std::vector<SlotLink> m_slots;
    std::vector<std::uint32_t> m_table;   // open addressing by hash: 1 + index into m_words; 0 = free
    std::size_t m_added = 0;
    // TermIndex::add()'s scratch, kept for the next document: m_words grouped by shard, the
    // slots of a word added out of order.
    std::vector<Word> m_byShard;
    std::vector<std::uint32_t> m_wordSlots;
};

class TermIndex {
public:
    TermIndex();
    ~TermIndex();
    TermIndex(TermIndex&&) noexcept;  // the moved-from index is empty (and still usable)
    TermIndex& operator=(TermIndex&&) noexcept;

    // Adds one document's words (repeats allowed; `terms` keeps them); each document once.
    // One thread at a time: threads that index at once each fill an index of their own.
    void add(std::uint32_t doc, DocumentTerms& terms);

    // Where `term` occurs, sorted by document, then slot.
    std::vector<Posting> find(std::string_view term) const;

    // The same, only in the documents `docs` (sorted): to narrow down what rarer terms found
    // without collecting every place a common word occurs.
    std::vector<Posting> findIn(std::string_view term, const std::vector<std::uint32_t>& docs) const;

    // Where any term beginning with `prefix` occurs, merged: sorted, without repeats.
    std::vector<Posting> findPrefix(std::string_view prefix) const;

    // The terms beginning with `prefix`, in no particular order.
    std::vector<std::string> termsWithPrefix(std::string_view prefix) const;

    // How many documents contain `term`, without decoding it.
    std::size_t documentCount(std::string_view term) const;

    // Moves every posting of `parts` into this index, leaving them empty; `threads` share the
    // work, shard by shard. The parts must hold documents this index does not. Indexing threads
    // each fill a part of their own: when they shared one index (under a lock a shard), each
    // word's entry moved between the cores' caches, and two threads took a sixth more CPU time
    // than one for the same work.
    void absorb(std::vector<TermIndex>& parts, unsigned threads);

    // Frees the spare capacity of the term tables; call once adding is over.
    void shrinkToFit();

    std::size_t termCount() const;
    std::size_t memoryBytes() const;  // heap estimate: terms, lists, tables

private:
    struct Shard;
    struct Entry;
    void makeShards();
    std::pair<const Shard*, const Entry*> lookup(std::string_view term) const;  // entry: nullptr if none
    static void addWord(Shard& shard, std::uint32_t doc, const DocumentTerms::Word& word, DocumentTerms& terms);
    static void absorbShard(Shard& into, Shard& from);

    std::vector<std::unique_ptr<Shard>> m_shards;  // empty only when moved from
};

}  // namespace scholia
