#include "vault/Snippet.h"

#include <algorithm>

namespace scholia {

namespace {

constexpr std::string_view kEllipsis = "\u2026";

using Range = std::pair<std::size_t, std::size_t>;

bool isContinuationByte(char c)
{
    return (static_cast<unsigned char>(c) & 0xC0) == 0x80;
}

std::size_t characterStartAtOrAfter(std::string_view text, std::size_t at)
{
    while (at < text.size() && isContinuationByte(text[at]))
        ++at;
    return at;
}

// A window of about `width` bytes of text[lo, hi) that holds `focus`, a third of the room
// before it, cut after a space on the left and before one on the right when it can be.
Range windowAround(std::string_view text, Range bounds, Range focus, std::size_t width)
{
    const auto [lo, hi] = bounds;
    if (hi - lo <= width)
        return bounds;
    const std::size_t focusSize = focus.second - focus.first;
    const std::size_t before = width > focusSize ? (width - focusSize) / 3 : 0;
    std::size_t begin = std::max(lo, focus.first >= before ? focus.first - before : 0);
    std::size_t end = std::min(hi, begin + std::max(width, focusSize));
    if (end == hi)
        begin = std::min(focus.first, std::max(lo, hi - width));
    if (begin > lo) {
        const std::size_t space = text.find(' ', begin);
        if (space != std::string_view::npos && space < focus.first)
            begin = space + 1;
    }
    if (end < hi) {
        const std::size_t space = text.rfind(' ', end);
        if (space != std::string_view::npos && space >= focus.second && space > begin)
            end = space;
    }
    return {characterStartAtOrAfter(text, begin), characterStartAtOrAfter(text, end)};
}

Snippet cut(std::string_view text, Range bounds, Range window, const std::vector<Range>& highlights)
{
    Snippet snippet;
    if (window.first > bounds.first)
        snippet.text += kEllipsis;
    const std::size_t shift = snippet.text.size();
    std::string body(text.substr(window.first, window.second - window.first));
    std::replace_if(
        body.begin(), body.end(), [](char c) { return c == '\n' || c == '\r' || c == '\t'; }, ' ');
    snippet.text += body;
    if (window.second < bounds.second)
        snippet.text += kEllipsis;
    for (const auto& [begin, end] : highlights)
        if (begin >= window.first && end <= window.second)
            snippet.highlights.emplace_back(begin - window.first + shift, end - window.first + shift);
    return snippet;
}

bool matchesQuery(std::string_view term, const SearchQuery& query)
{
    for (std::size_t i = 0; i < query.terms.size(); ++i) {
        const bool prefix = query.lastIsPrefix && i + 1 == query.terms.size();
        if (prefix ? term.starts_with(query.terms[i]) : term == query.terms[i])
            return true;
    }
    return false;
}

bool endsSentence(std::string_view text, std::size_t at)
{
    const char c = text[at];
    return (c == '.' || c == '!' || c == '?') && (at + 1 == text.size() || text[at + 1] == ' ' || text[at + 1] == '\n');
}

// The sentence around [begin, end): from after the previous ". " to the next one, inclusive.
Range sentenceAround(std::string_view text, Range needle)
{
    std::size_t begin = needle.first;
    while (begin > 0 && !endsSentence(text, begin - 1))
        --begin;
    while (begin < needle.first && (text[begin] == ' ' || text[begin] == '\n'))
        ++begin;
    std::size_t end = needle.second;
    while (end < text.size() && !endsSentence(text, end))
        ++end;
    return {begin, std::min(text.size(), end + 1)};
}

std::string_view lineOf(std::string_view text, int line)
{
    std::size_t begin = 0;
    for (int i = 1; i < line; ++i) {
        begin = text.find('\n', begin);
        if (begin == std::string_view::npos)
            return {};
        ++begin;
    }
    return text.substr(begin, text.find('\n', begin) - begin);
}

std::string_view trimmedSpaces(std::string_view text)
{
    const std::size_t first = text.find_first_not_of(' ');
    return first == std::string_view::npos ? std::string_view{}
                                           : text.substr(first, text.find_last_not_of(' ') - first + 1);
}

// "[[target#part | label]]" -> "label"; "[[target#part]]" -> "target"
std::string_view wikiLinkLabel(std::string_view inside)
{
    const std::size_t bar = inside.find('|');
    return trimmedSpaces(bar == std::string_view::npos ? inside.substr(0, inside.find('#')) : inside.substr(bar + 1));
}

}  // namespace

std::string plainTextOfLine(std::string_view source, int line)
{
    const std::string_view raw = lineOf(source, line);
    std::string plain;
    for (std::size_t at = 0; at < raw.size();) {
        const std::size_t linkEnd = raw.compare(at, 2, "[[") == 0 ? raw.find("]]", at) : std::string_view::npos;
        const std::size_t tagEnd = raw[at] == '<' ? raw.find('>', at) : std::string_view::npos;
        if (linkEnd != std::string_view::npos) {
            plain += wikiLinkLabel(raw.substr(at + 2, linkEnd - at - 2));
            at = linkEnd + 2;
        } else if (tagEnd != std::string_view::npos) {
            at = tagEnd + 1;
        } else {
            if (raw[at] != '*')
                plain += raw[at];
            ++at;
        }
    }
    const std::size_t start = plain.find_first_not_of(" \t#->");
    if (start == std::string::npos)
        return {};
    return plain.substr(start, plain.find_last_not_of(" \t\r") - start + 1);
}

Snippet searchSnippet(std::string_view text, const SearchQuery& query, std::size_t width)
{
    std::vector<Range> matches;
    forEachSearchToken(text, [&](const SearchToken& token) {
        if (matchesQuery(token.term, query))
            matches.emplace_back(token.begin, token.end);
    });
    const Range all{0, text.size()};
    const Range focus = matches.empty() ? Range{0, 0} : matches.front();
    return cut(text, all, windowAround(text, all, focus, width), matches);
}

Snippet sentenceSnippet(std::string_view text, std::string_view needle, std::size_t width)
{
    const std::size_t at = needle.empty() ? std::string_view::npos : text.find(needle);
    if (at == std::string_view::npos) {
        const Range all{0, text.size()};
        return cut(text, all, windowAround(text, all, {0, 0}, width), {});
    }
    const Range found{at, at + needle.size()};
    const Range sentence = sentenceAround(text, found);
    return cut(text, sentence, windowAround(text, sentence, found, width), {found});
}

}  // namespace scholia
