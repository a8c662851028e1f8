#include "follow/SeekMarks.h"

#include "follow/PlaybackFollower.h"

#include <algorithm>
#include <string_view>

namespace scholia {
namespace {

constexpr std::string_view kEllipsis = "\u2026";

bool isContinuationByte(char c)
{
    return (static_cast<unsigned char>(c) & 0xC0) == 0x80;
}

}  // namespace

std::string shortLabel(std::string_view text, std::size_t maxChars)
{
    if (maxChars == 0)
        return {};
    // `keep`: the byte where character maxChars - 1 starts, leaving room for the ellipsis.
    std::size_t chars = 0;
    std::size_t keep = 0;
    for (std::size_t i = 0; i < text.size() && chars <= maxChars; ++i) {
        if (isContinuationByte(text[i]))
            continue;
        if (chars == maxChars - 1)
            keep = i;
        ++chars;
    }
    if (chars <= maxChars)
        return std::string(text);
    const std::size_t space = text.substr(0, keep + 1).rfind(' ');
    std::size_t end = space != std::string_view::npos && space > 0 ? space : keep;
    while (end > 0 && text[end - 1] == ' ')
        --end;
    return std::string(text.substr(0, end)) + std::string(kEllipsis);
}

std::vector<CitationMark> citationMarks(const Note& note)
{
    std::vector<CitationMark> marks;
    for (const TimelineEntry& entry : buildTimeline(note)) {
        std::string label;
        if (entry.claim >= 0 && static_cast<std::size_t>(entry.claim) < note.claims.size())
            label = shortLabel(note.claims[static_cast<std::size_t>(entry.claim)].text);
        marks.push_back(CitationMark{entry.ms, entry.citation, entry.claim, std::move(label)});
    }
    return marks;
}

std::vector<SectionMark> sectionMarks(const Note& note)
{
    std::vector<SectionMark> marks;
    for (const SectionSpan& section : sectionSpans(note)) {
        if (!section.firstCitation)
            continue;
        const Heading& heading = note.outline[static_cast<std::size_t>(section.heading)];
        const std::int64_t ms = *note.citations[static_cast<std::size_t>(*section.firstCitation)].resolution.ms;
        marks.push_back(SectionMark{ms, section.heading, heading.level, shortLabel(heading.text)});
    }
    std::stable_sort(marks.begin(), marks.end(),
                     [](const SectionMark& a, const SectionMark& b) { return a.ms < b.ms; });
    return marks;
}

}  // namespace scholia
