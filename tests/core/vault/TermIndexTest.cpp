#include "vault/TermIndex.h"

#include "vault/SearchTerms.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <initializer_list>
#include <set>
#include <string>
#include <thread>
#include <utility>
#include <vector>

namespace scholia {
namespace {

void add(TermIndex& index, std::uint32_t doc, std::initializer_list<std::pair<std::string_view, std::uint32_t>> words)
{
    DocumentTerms document;
    for (const auto& [term, slot] : words)
        document.add(term, slot);
    index.add(doc, document);
}

TEST(TermIndex, FindsEveryDocumentAndSlotOfATerm)
{
    TermIndex index;
    add(index, 0, {{"cyber", 0}, {"cyber", 3}, {"albania", 3}, {"cyber", 3}});
    add(index, 1, {{"albania", 1}});
    add(index, 7, {{"cyber", 200}});

    EXPECT_EQ(index.find("cyber"), (std::vector<Posting>{{0, 0}, {0, 3}, {7, 200}}));
    EXPECT_EQ(index.find("albania"), (std::vector<Posting>{{0, 3}, {1, 1}}));
    EXPECT_TRUE(index.find("iran").empty());
    EXPECT_EQ(index.documentCount("cyber"), 2u);
    EXPECT_EQ(index.documentCount("iran"), 0u);
    EXPECT_EQ(index.termCount(), 2u);
}

TEST(TermIndex, SlotsAddedOutOfOrderOrRepeatedComeBackSortedOnce)
{
    TermIndex index;
    add(index, 4, {{"cyber", 9}, {"cyber", 2}, {"albania", 5}, {"cyber", 9}, {"cyber", 2}, {"cyber", 0}});
    EXPECT_EQ(index.find("cyber"), (std::vector<Posting>{{4, 0}, {4, 2}, {4, 9}}));
    EXPECT_EQ(index.find("albania"), (std::vector<Posting>{{4, 5}}));
}

TEST(TermIndex, TextsAddedAreFoundByEachIndexableWordAsAQueryHasIt)
{
    // Words of every length around the one-load limit (8 bytes), stop words, letters beyond
    // ASCII, a word longer than any term: each found as searchTerms() reads it, nothing else.
    const std::vector<std::string> texts = {
        "The Iranian cyberattacks on Albania's government, in 2022",
        "Stop words: the and of with about there; short: ab abc abcd abcde abcdef abcdefg abcdefgh abcdefghi",
        "Caf\u00e9 M\u00fcller\u2014Stra\u00dfe and \u0391\u0398\u0397\u039d\u0391 " + std::string(70, 'x'),
    };
    TermIndex index;
    DocumentTerms document;
    for (std::uint32_t doc = 0; doc < 2; ++doc) {
        document.clear();
        for (std::uint32_t slot = 0; slot < texts.size(); ++slot)
            document.addText(texts[slot], slot + doc);
        index.add(doc, document);
    }
    std::size_t words = 0;
    std::set<std::string> terms;
    for (std::uint32_t slot = 0; slot < texts.size(); ++slot) {
        for (const std::string& term : searchTerms(texts[slot])) {
            ++words;
            terms.insert(term);
            const std::vector<Posting> found = index.find(term);
            EXPECT_NE(std::find(found.begin(), found.end(), Posting{0, slot}), found.end()) << term;
            EXPECT_NE(std::find(found.begin(), found.end(), Posting{1, slot + 1}), found.end()) << term;
        }
    }
    EXPECT_EQ(document.size(), words);
    EXPECT_EQ(index.termCount(), terms.size());
    EXPECT_TRUE(terms.contains("abcdefgh") && terms.contains("cafe") && terms.contains("strasse"));
    const std::vector<std::string> absent = {"the", "and", "about", "there", "s", std::string(70, 'x')};
    for (const std::string& term : absent)
        EXPECT_TRUE(index.find(term).empty()) << term;
}

TEST(TermIndex, OneDocumentTermsServesManyDocuments)
{
    TermIndex index;
    DocumentTerms document;
    for (std::uint32_t doc = 0; doc < 3; ++doc) {
        document.clear();
        for (std::uint32_t word = 0; word < 500; ++word)  // slots out of order: sorted on the way in
            document.add("w" + std::to_string(word + doc), word % 7);
        EXPECT_EQ(document.size(), 500u);
        index.add(doc, document);
    }
    EXPECT_EQ(index.find("w0"), (std::vector<Posting>{{0, 0}}));
    EXPECT_EQ(index.find("w2"), (std::vector<Posting>{{0, 2}, {1, 1}, {2, 0}}));
    EXPECT_EQ(index.termCount(), 502u);
}

TEST(TermIndex, DocumentsAddedOutOfOrderComeBackSorted)
{
    TermIndex index;
    for (const std::uint32_t doc : {50000u, 3u, 70000u, 2u, 1000000u})
        add(index, doc, {{"war", doc % 7}});
    EXPECT_EQ(index.find("war"),
              (std::vector<Posting>{{2, 2}, {3, 3}, {50000, 50000 % 7}, {70000, 70000 % 7}, {1000000, 1000000 % 7}}));
}

TEST(TermIndex, PrefixMergesEveryTermThatBeginsWithIt)
{
    TermIndex index;
    add(index, 0, {{"cyber", 1}, {"cyberspace", 1}, {"cybernetics", 2}});
    add(index, 1, {{"cycle", 1}, {"cyberwar", 4}});
    EXPECT_EQ(index.findPrefix("cyber"), (std::vector<Posting>{{0, 1}, {0, 2}, {1, 4}}));
    EXPECT_EQ(index.findPrefix("cy").size(), 4u);
    EXPECT_TRUE(index.findPrefix("cyz").empty());
}

TEST(TermIndex, FindInDecodesOnlyTheDocumentsAsked)
{
    TermIndex index;
    for (std::uint32_t doc = 0; doc < 100; ++doc)
        add(index, doc, {{"iran", doc % 3}, {"rare", 1}});
    EXPECT_EQ(index.findIn("iran", {5, 7, 50, 500}), (std::vector<Posting>{{5, 2}, {7, 1}, {50, 2}}));
    EXPECT_TRUE(index.findIn("iran", {}).empty());
    EXPECT_TRUE(index.findIn("absent", {5}).empty());
}

TEST(TermIndex, TermsWithAPrefix)
{
    TermIndex index;
    add(index, 0, {{"cyber", 1}, {"cyberspace", 1}, {"cycle", 2}, {"war", 3}});
    std::vector<std::string> terms = index.termsWithPrefix("cyb");
    std::sort(terms.begin(), terms.end());
    EXPECT_EQ(terms, (std::vector<std::string>{"cyber", "cyberspace"}));
    EXPECT_EQ(index.termsWithPrefix("").size(), 4u);
}

TEST(TermIndex, AMovedFromIndexIsEmptyAndStillUsable)
{
    TermIndex first;
    add(first, 0, {{"kept", 1}});
    const TermIndex second = std::move(first);
    EXPECT_EQ(second.find("kept").size(), 1u);
    EXPECT_TRUE(first.find("kept").empty());  // NOLINT(bugprone-use-after-move): that is the point
    EXPECT_EQ(first.documentCount("kept"), 0u);
    add(first, 3, {{"again", 2}});
    EXPECT_EQ(first.find("again"), (std::vector<Posting>{{3, 2}}));
}

TEST(TermIndex, PartsFilledByThreadsAtOnceLoseNothingWhenJoined)
{
    constexpr std::uint32_t kDocsPerThread = 500;
    std::vector<TermIndex> parts(4);
    std::vector<std::thread> threads;
    for (std::uint32_t t = 0; t < parts.size(); ++t) {
        threads.emplace_back([&part = parts[t], t] {
            for (std::uint32_t i = 0; i < kDocsPerThread; ++i) {
                const std::uint32_t doc = i * 4 + t;  // interleaved, as indexing threads take them
                add(part, doc, {{"shared", 1}, {"term" + std::to_string(doc % 10), 2}});
            }
        });
    }
    for (auto& thread : threads)
        thread.join();
    TermIndex index;
    index.absorb(parts, 3);
    const std::vector<Posting> shared = index.find("shared");
    ASSERT_EQ(shared.size(), 4 * kDocsPerThread);
    for (std::uint32_t doc = 0; doc < shared.size(); ++doc)
        EXPECT_EQ(shared[doc], (Posting{doc, 1}));
    EXPECT_EQ(index.find("term3").size(), 4 * kDocsPerThread / 10);
}

TEST(TermIndex, GroupsOfEverySizeAcrossChunkEdgesComeBackWhole)
{
    // Documents with 1 to 400 slots of one term: groups from 3 bytes to over a kilobyte, some
    // written in place, some across the end of a chunk, some longer than a whole chunk.
    TermIndex index;
    DocumentTerms document;
    std::vector<Posting> expected;
    for (std::uint32_t doc = 0; doc < 120; ++doc) {
        document.clear();
        const std::uint32_t slots = 1 + (doc * 37) % 400;
        for (std::uint32_t slot = 0; slot < slots; ++slot) {
            document.add("war", slot * 200);  // 2-byte deltas
            expected.push_back(Posting{doc, slot * 200});
        }
        document.add("peace", doc);
        index.add(doc, document);
    }
    EXPECT_EQ(index.find("war"), expected);
    EXPECT_EQ(index.find("peace").size(), 120u);
}

TEST(TermIndex, PartsAbsorbedFindWhatOneIndexFinds)
{
    // Documents dealt out to three parts in runs, as indexing threads take them: terms in every
    // part, in one part only, lists long enough to span chunks, document numbers whose deltas
    // change width when counted from another part's last document.
    TermIndex whole;
    std::vector<TermIndex> parts(3);
    DocumentTerms document;
    for (std::uint32_t doc = 0; doc < 3000; doc += 1 + doc % 7) {
        document.clear();
        document.add("common", doc % 5);
        document.add("word" + std::to_string(doc % 97), 1);
        document.add("word" + std::to_string(doc % 89), 2 + doc % 300);
        if (doc % 400 == 0)
            document.add("rare" + std::to_string(doc), 3);
        whole.add(doc * 1000, document);
        parts[(doc / 11) % 3].add(doc * 1000, document);
    }
    parts.emplace_back();  // an empty part joins too

    TermIndex joined;
    add(joined, 4000000, {{"common", 0}, {"before", 1}});  // already holds a document
    joined.absorb(parts, 2);
    add(joined, 4000001, {{"common", 0}, {"after", 1}});  // and takes more afterwards
    add(whole, 4000000, {{"common", 0}, {"before", 1}});
    add(whole, 4000001, {{"common", 0}, {"after", 1}});

    ASSERT_EQ(joined.termCount(), whole.termCount());
    for (const std::string& term : whole.termsWithPrefix("")) {
        EXPECT_EQ(joined.find(term), whole.find(term)) << term;
        EXPECT_EQ(joined.documentCount(term), whole.documentCount(term)) << term;
    }
    EXPECT_GT(whole.find("common").size(), 500u);
    for (const TermIndex& part : parts) {
        EXPECT_EQ(part.termCount(), 0u);
        EXPECT_TRUE(part.find("common").empty());
    }
}

TEST(TermIndex, PostingsCostAFewBytesEach)
{
    TermIndex index;
    for (std::uint32_t doc = 0; doc < 20000; ++doc)
        add(index, doc, {{"iran", 1}, {"iran", 5}, {"albania", 2}});
    index.shrinkToFit();
    // 60,000 postings: 8 bytes each uncompressed; 7 bytes every 3 here, plus room to grow.
    const std::size_t empty = TermIndex().memoryBytes();
    EXPECT_LT(index.memoryBytes() - empty, 60000u * 4);
    EXPECT_EQ(index.find("iran").size(), 40000u);
}

}  // namespace
}  // namespace scholia
