#include "vault/SearchTerms.h"

#include <gtest/gtest.h>

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
    for (const char* word : {"ant", "ofs", "th", "thee", "andy", "withe", "abou", "abouts", "whic", "theres", "xn", "iran"})
        EXPECT_TRUE(isIndexableTerm(word)) << word;
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
