#include "vault/SearchTerms.h"

#include <gtest/gtest.h>

#include <random>
#include <string>
#include <vector>

namespace scholia {
namespace {

std::vector<std::string> allTokens(std::string_view text)
{
    std::vector<std::string> tokens;
    forEachSearchToken(text, [&](const SearchToken& token) { tokens.emplace_back(token.term); });
    return tokens;
}

TEST(SearchTerms, CutsAtPunctuationAndLowercases)
{
    EXPECT_EQ(allTokens("Iran's cyber-attacks, on ALBANIA (2022)!"),
              (std::vector<std::string>{"iran", "s", "cyber", "attacks", "on", "albania", "2022"}));
}

TEST(SearchTerms, FoldsLatinLettersToAscii)
{
    EXPECT_EQ(allTokens("Café Müller Œuvre Straße ağrı Łódź"),
              (std::vector<std::string>{"cafe", "muller", "oeuvre", "strasse", "agri", "lodz"}));
}

TEST(SearchTerms, KeepsOtherScriptsAndLowercasesGreekAndCyrillic)
{
    EXPECT_EQ(allTokens("ΑΘΗΝΑ Москва 東京"), (std::vector<std::string>{"αθηνα", "москва", "東京"}));
}

TEST(SearchTerms, UnicodePunctuationAndEmojiSeparateWords)
{
    EXPECT_EQ(allTokens("one\u2014two\u2019s \U0001F525three\u00a0four"),
              (std::vector<std::string>{"one", "two", "s", "three", "four"}));
}

TEST(SearchTerms, ReportsByteOffsetsInTheOriginalText)
{
    std::vector<std::pair<std::size_t, std::size_t>> ranges;
    forEachSearchToken("  Café bar", [&](const SearchToken& t) { ranges.emplace_back(t.begin, t.end); });
    ASSERT_EQ(ranges.size(), 2u);
    EXPECT_EQ(ranges[0], (std::pair<std::size_t, std::size_t>{2, 7}));  // "Café": é is two bytes
    EXPECT_EQ(ranges[1], (std::pair<std::size_t, std::size_t>{8, 11}));
}

TEST(SearchTerms, IndexesNeitherStopWordsNorSingleLetters)
{
    EXPECT_EQ(searchTerms("The history of a war in Iran"), (std::vector<std::string>{"history", "war", "iran"}));
    EXPECT_FALSE(isIndexableTerm(std::string(65, 'x')));
    EXPECT_TRUE(isIndexableTerm(std::string(64, 'x')));
}

TEST(SearchTerms, StopWordsOfEveryLengthAndTheirNeighbours)
{
    for (const char* stop : {"an", "of", "the", "and", "with", "them", "about", "which", "there"})
        EXPECT_FALSE(isIndexableTerm(stop)) << stop;
    // One letter more, less or different, and prefixes: words like any other.
    for (const char* word :
         {"ant", "ofs", "th", "thee", "andy", "withe", "abou", "abouts", "whic", "theres", "xn", "iran"})
        EXPECT_TRUE(isIndexableTerm(word)) << word;
}

struct ExpectedToken {
    std::string term;
    std::size_t begin = 0;
    std::size_t end = 0;
    friend bool operator==(const ExpectedToken&, const ExpectedToken&) = default;
};

std::ostream& operator<<(std::ostream& out, const ExpectedToken& token)
{
    return out << token.term << "@" << token.begin << "-" << token.end;
}

// A random text of pieces whose folding is known, and the tokens it must give: letters
// (ASCII runs of every length, so that words cross every 8- and 64-byte edge; letters beyond
// ASCII), and separators (ASCII, beyond ASCII, invalid bytes).
struct RandomText {
    std::string text;
    std::vector<ExpectedToken> tokens;
};

RandomText randomText(std::mt19937& random)
{
    struct Piece {
        std::string_view bytes;
        std::string_view folded;  // empty: a separator
    };
    static constexpr std::array<Piece, 22> kPieces = {{
        {"\u00e9", "e"},
        {"\u00dc", "u"},
        {"\u00df", "ss"},
        {"\u0152", "oe"},
        {"\u011f", "g"},
        {"\u0131", "i"},
        {"\u0141", "l"},
        {"\u017a", "z"},
        {"\u0391", "\u03b1"},
        {"\u041c", "\u043c"},
        {"\u6771", "\u6771"},
        {" ", ""},
        {",", ""},
        {"'", ""},
        {"-", ""},
        {"\n", ""},
        {"\u2014", ""},
        {"\u2019", ""},
        {"\u00a0", ""},
        {"\U0001F525", ""},
        {"\xff", ""},
        {"\x80", ""},
    }};
    RandomText out;
    std::string word;
    std::size_t begin = 0;
    const auto separate = [&](std::size_t at, std::size_t length) {
        if (!word.empty())
            out.tokens.push_back({word, begin, at});
        word.clear();
        begin = at + length;
    };
    const std::size_t pieces = random() % 60;
    for (std::size_t i = 0; i < pieces; ++i) {
        if (random() % 2 == 0) {  // an ASCII run
            const std::size_t length = 1 + random() % 20;
            for (std::size_t k = 0; k < length; ++k) {
                const char c = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789"[random() % 62];
                out.text += c;
                word += static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
            }
            continue;
        }
        const Piece& piece = kPieces[random() % kPieces.size()];
        if (piece.folded.empty())
            separate(out.text.size(), piece.bytes.size());
        else
            word += piece.folded;
        out.text += piece.bytes;
    }
    separate(out.text.size(), 0);
    return out;
}

TEST(SearchTerms, RandomTextsOfWordsAndSeparatorsAcrossEveryBlockEdge)
{
    std::mt19937 random(2026);
    for (int round = 0; round < 2000; ++round) {
        const RandomText sample = randomText(random);
        std::vector<ExpectedToken> tokens;
        forEachSearchToken(sample.text, [&](const SearchToken& t) {
            tokens.push_back({std::string(t.term), t.begin, t.end});
        });
        ASSERT_EQ(tokens, sample.tokens) << sample.text;
    }
}

TEST(SearchTerms, OneFoldedTextServesManyTextsAndPadsEveryWord)
{
    std::mt19937 random(11);
    FoldedText folded;
    std::vector<std::pair<FoldedWord, std::string>> all;
    for (int round = 0; round < 200; ++round) {
        const RandomText sample = randomText(random);
        std::size_t next = 0;
        scanFoldedWords(sample.text, folded, [&](const FoldedWord& word) {
            ASSERT_LT(next, sample.tokens.size());
            EXPECT_EQ(folded.view(word.offset, word.size), sample.tokens[next].term);
            // Eight bytes may be read from any word: a short one is one load.
            const std::size_t shortSize = std::min<std::size_t>(word.size, 8);
            EXPECT_EQ(paddedBytesValue(folded.data() + word.offset, shortSize),
                      bytesValue(folded.data() + word.offset, shortSize));
            all.emplace_back(word, sample.tokens[next++].term);
        });
        EXPECT_EQ(next, sample.tokens.size());
    }
    for (const auto& [word, term] : all)  // the earlier texts' words are where they were
        EXPECT_EQ(folded.view(word.offset, word.size), term);
}

TEST(SearchTerms, FoldForSearchKeepsSeparators)
{
    EXPECT_EQ(foldForSearch("Café_Noir: ÉTÉ"), "cafe_noir: ete");
}

TEST(SearchQuery, LastWordIsAPrefixWhileTyping)
{
    const SearchQuery typing = parseSearchQuery("Cyber atta");
    EXPECT_EQ(typing.terms, (std::vector<std::string>{"cyber", "atta"}));
    EXPECT_TRUE(typing.lastIsPrefix);

    const SearchQuery done = parseSearchQuery("Cyber attack ");
    EXPECT_EQ(done.terms, (std::vector<std::string>{"cyber", "attack"}));
    EXPECT_FALSE(done.lastIsPrefix);
}

TEST(SearchQuery, DropsStopWordsExceptAPrefix)
{
    const SearchQuery query = parseSearchQuery("the war of the");
    EXPECT_EQ(query.terms, (std::vector<std::string>{"war", "the"}));
    EXPECT_TRUE(query.lastIsPrefix);

    const SearchQuery stopOnly = parseSearchQuery("the of ");
    EXPECT_TRUE(stopOnly.terms.empty());
    EXPECT_FALSE(stopOnly.lastIsPrefix);
}

TEST(SearchQuery, PunctuationAfterTheLastWordEndsIt)
{
    EXPECT_FALSE(parseSearchQuery("\"cyber\"").lastIsPrefix);
    EXPECT_TRUE(parseSearchQuery("\"cyber").lastIsPrefix);
}

}  // namespace
}  // namespace scholia
