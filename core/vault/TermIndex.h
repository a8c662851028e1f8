#pragma once
// The inverted index behind vault search: term -> where it occurs, as (document, slot) pairs.
// A slot is a place inside a note the caller numbers (the vault index uses 0 for the title,
// 1 + i for claim i). Postings are stored as varints, a group per document and term, about
// two bytes a posting instead of eight; terms sit in hash tables sharded by hash, so that
// indexes filled by separate threads join shard by shard, on several threads (absorb()).

#include "common/FastHash.h"
#include "vault/SearchTerms.h"

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

// One document's words, gathered before they go into the index: each hashed once, in the order
// added, no string allocated per word (a text is folded into one buffer, and its words point
// into it). TermIndex::add() takes them one by one as they come,
// each into its term's list (merging the words first, in a table of the document's own, cost
// more than it saved).
class DocumentTerms {
public:
    // Every indexable word of `text` (see SearchTerms.h), in order, in `slot`.
    void addText(std::string_view text, std::uint32_t slot);
    // One term, folded already, indexable or not.
    void add(std::string_view term, std::uint32_t slot);
    std::size_t size() const { return m_words.size(); }  // words added, repeats included
    void clear();  // keeps the capacity: one DocumentTerms serves a whole indexing thread

private:
    friend class TermIndex;
    struct Word {
        std::uint64_t hash = 0;
        std::uint32_t slot = 0;
        std::uint32_t offset = 0;  // into m_text
        std::uint32_t size = 0;
    };
    void startSlot(std::uint32_t slot)
    {
        m_ascending = m_ascending && (m_words.empty() || slot >= m_words.back().slot);
    }
    void addWord(std::uint64_t hash, std::uint32_t slot, std::size_t offset, std::size_t size)
    {
        m_words.push_back(Word{hash, slot, static_cast<std::uint32_t>(offset), static_cast<std::uint32_t>(size)});
    }
    std::string_view text(const Word& word) const { return m_text.view(word.offset, word.size); }

    FoldedText m_text;  // the texts added, folded: the words point into it
    std::vector<Word> m_words;
    bool m_ascending = true;  // each slot at least the one before
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
    static void absorbShard(Shard& into, Shard& from);

    std::vector<std::unique_ptr<Shard>> m_shards;  // empty only when moved from
};

}  // namespace scholia
