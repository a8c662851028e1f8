#include "vault/QuickOpen.h"

#include "vault/SearchTerms.h"

#include <algorithm>

namespace scholia {

namespace {

constexpr int kWhole = 1000;
constexpr int kStart = 800;
constexpr int kWordStart = 600;
constexpr int kAnywhere = 400;
constexpr int kEveryWord = 300;
constexpr int kInOrder = 100;  // down to kInOrder - kMaxGapPenalty
constexpr int kMaxGapPenalty = 99;

bool isWordStart(std::string_view text, std::size_t at)
{
    return at == 0 || text[at - 1] == ' ';
}

bool occursAtWordStart(std::string_view candidate, std::string_view query)
{
    for (auto at = candidate.find(query); at != std::string_view::npos; at = candidate.find(query, at + 1))
        if (isWordStart(candidate, at))
            return true;
    return false;
}

bool everyWordOccurs(std::string_view candidate, std::string_view query)
{
    bool any = false;
    std::size_t start = 0;
    while (start < query.size()) {
        std::size_t end = query.find(' ', start);
        if (end == std::string_view::npos)
            end = query.size();
        if (end > start) {
            if (candidate.find(query.substr(start, end - start)) == std::string_view::npos)
                return false;
            any = true;
        }
        start = end + 1;
    }
    return any;
}

// The query's letters (spaces skipped) in order in the candidate; fewer jumps score higher.
std::optional<int> inOrderScore(std::string_view candidate, std::string_view query)
{
    int gaps = 0;
    std::size_t at = 0;
    for (const char c : query) {
        if (c == ' ')
            continue;
        const std::size_t found = candidate.find(c, at);
        if (found == std::string_view::npos)
            return std::nullopt;
        gaps += found != at;
        at = found + 1;
    }
    return kInOrder - std::min(gaps * 10, kMaxGapPenalty);
}

}  // namespace

std::string foldForQuickOpen(std::string_view text)
{
    std::string folded = foldForSearch(text);
    std::replace(folded.begin(), folded.end(), '_', ' ');
    return folded;
}

std::optional<int> quickOpenScore(std::string_view query, std::string_view candidate)
{
    const auto first = query.find_first_not_of(' ');
    if (first == std::string_view::npos)
        return std::nullopt;
    query = query.substr(first, query.find_last_not_of(' ') - first + 1);
    if (candidate == query)
        return kWhole;
    if (candidate.starts_with(query))
        return kStart;
    if (occursAtWordStart(candidate, query))
        return kWordStart;
    if (candidate.find(query) != std::string_view::npos)
        return kAnywhere;
    if (everyWordOccurs(candidate, query))
        return kEveryWord;
    return inOrderScore(candidate, query);
}

std::uint64_t quickOpenLetters(std::string_view folded)
{
    std::uint64_t letters = 0;
    for (const char c : folded) {
        const auto byte = static_cast<unsigned char>(c);
        if (c >= 'a' && c <= 'z')
            letters |= std::uint64_t{1} << (c - 'a');
        else if (c >= '0' && c <= '9')
            letters |= std::uint64_t{1} << (26 + (c - '0'));
        else if (c != ' ')
            letters |= std::uint64_t{1} << (36 + byte % 28);  // other bytes share the last bits
    }
    return letters;
}

}  // namespace scholia
