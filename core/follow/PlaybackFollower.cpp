#include "follow/PlaybackFollower.h"

#include <algorithm>

namespace scholia {
namespace {

// For each heading, the nearest heading before it with a smaller level: its enclosing section.
std::vector<int> parentHeadings(const std::vector<Heading>& outline)
{
    std::vector<int> parents(outline.size(), -1);
    std::vector<int> open;  // the headings whose sections are still open, outermost first
    for (std::size_t i = 0; i < outline.size(); ++i) {
        while (!open.empty() && outline[static_cast<std::size_t>(open.back())].level >= outline[i].level)
            open.pop_back();
        parents[i] = open.empty() ? -1 : open.back();
        open.push_back(static_cast<int>(i));
    }
    return parents;
}

}  // namespace

Timeline buildTimeline(const Note& note)
{
    Timeline timeline;
    timeline.reserve(note.citations.size());
    for (std::size_t i = 0; i < note.citations.size(); ++i) {
        const Citation& citation = note.citations[i];
        if (citation.resolution.ms)
            timeline.push_back({*citation.resolution.ms, static_cast<int>(i), citation.claim});
    }
    std::stable_sort(timeline.begin(), timeline.end(),
                     [](const TimelineEntry& a, const TimelineEntry& b) { return a.ms < b.ms; });
    return timeline;
}

std::optional<int> activeEntry(const Timeline& timeline, std::int64_t positionMs)
{
    const auto byMs = [](const TimelineEntry& entry, std::int64_t ms) { return entry.ms < ms; };
    const auto after = std::upper_bound(timeline.begin(), timeline.end(), positionMs,
                                        [](std::int64_t ms, const TimelineEntry& entry) { return ms < entry.ms; });
    if (after == timeline.begin())
        return std::nullopt;
    // The greatest time passed, then the first entry carrying it: note order among ties.
    const auto first = std::lower_bound(timeline.begin(), after, std::prev(after)->ms, byMs);
    return static_cast<int>(first - timeline.begin());
}

std::optional<int> activeClaim(const Timeline& timeline, std::int64_t positionMs)
{
    const auto entry = activeEntry(timeline, positionMs);
    if (!entry)
        return std::nullopt;
    const std::int64_t ms = timeline[static_cast<std::size_t>(*entry)].ms;
    for (auto i = static_cast<std::size_t>(*entry); i < timeline.size() && timeline[i].ms == ms; ++i)
        if (timeline[i].claim >= 0)
            return timeline[i].claim;
    return std::nullopt;
}

std::optional<int> sectionAtLine(const Note& note, int line)
{
    const auto after = std::upper_bound(note.outline.begin(), note.outline.end(), line,
                                        [](int l, const Heading& heading) { return l < heading.line; });
    if (after == note.outline.begin())
        return std::nullopt;
    return static_cast<int>(after - note.outline.begin()) - 1;
}

std::vector<SectionSpan> sectionSpans(const Note& note)
{
    std::vector<SectionSpan> spans(note.outline.size());
    for (std::size_t i = 0; i < spans.size(); ++i)
        spans[i].heading = static_cast<int>(i);
    const std::vector<int> parents = parentHeadings(note.outline);
    // Each citation counts for its innermost section and every section around it.
    for (std::size_t c = 0; c < note.citations.size(); ++c) {
        const Citation& citation = note.citations[c];
        if (!citation.resolution.ms)
            continue;
        const std::int64_t ms = *citation.resolution.ms;
        for (auto h = sectionAtLine(note, citation.line); h && *h >= 0; h = parents[static_cast<std::size_t>(*h)]) {
            SectionSpan& section = spans[static_cast<std::size_t>(*h)];
            if (!section.span) {
                section.span = TimeSpan{ms, ms};
                section.firstCitation = static_cast<int>(c);
            }
            section.span->fromMs = std::min(section.span->fromMs, ms);
            section.span->toMs = std::max(section.span->toMs, ms);
        }
    }
    return spans;
}

std::optional<int> activeSection(const Note& note, const Timeline& timeline, std::int64_t positionMs)
{
    const auto entry = activeEntry(timeline, positionMs);
    if (!entry)
        return std::nullopt;
    const int citation = timeline[static_cast<std::size_t>(*entry)].citation;
    return sectionAtLine(note, note.citations[static_cast<std::size_t>(citation)].line);
}

}  // namespace scholia
