#include "export/Chapters.h"

#include <algorithm>
#include <map>

namespace scholia {

namespace {

constexpr std::int64_t kHourMs = 3'600'000;

Diagnostic diagnostic(int line, Severity severity, std::string message)
{
    return Diagnostic{line, 0, severity, std::move(message)};
}

// The heading level that chapters start at (see the header), or 0 when there are no headings.
int chapterLevel(const Note& note, int requested)
{
    if (requested > 0)
        return requested;
    std::map<int, int> counts;
    for (const Heading& heading : note.outline)
        ++counts[heading.level];
    for (const auto& [level, count] : counts) {
        if (count >= 2)
            return level;
    }
    return counts.empty() ? 0 : counts.begin()->first;
}

// One line of text: control characters become spaces, runs of spaces collapse.
std::string oneLine(const std::string& text)
{
    std::string line;
    for (char c : text) {
        const char shown = static_cast<unsigned char>(c) < 0x20 ? ' ' : c;
        if (shown == ' ' && (line.empty() || line.back() == ' '))
            continue;
        line += shown;
    }
    while (!line.empty() && line.back() == ' ')
        line.pop_back();
    return line.empty() ? "Untitled section" : line;
}

std::string quoted(const std::string& title)
{
    return "'" + title + "'";
}

bool usable(const Citation& citation)
{
    return citation.resolution.ms && !citation.resolution.pastEnd;
}

// The first usable citation time of each section, in whole seconds. Sections are asked for in
// ascending order and citations are in source order, so one pass serves them all.
class SectionTimes {
public:
    explicit SectionTimes(const Note& note) : citations_(note.citations) { }

    // The first usable time on lines [from, to); `from` never decreases between calls.
    std::optional<std::int64_t> first(int from, int to)
    {
        while (next_ < citations_.size() && citations_[next_].line < from)
            ++next_;
        for (std::size_t i = next_; i < citations_.size() && citations_[i].line < to; ++i) {
            if (usable(citations_[i]))
                return *citations_[i].resolution.ms / 1000 * 1000;
        }
        return std::nullopt;
    }

private:
    const std::vector<Citation>& citations_;
    std::size_t next_ = 0;
};

}  // namespace

std::string formatChapterTime(std::int64_t ms, bool hours)
{
    const std::int64_t total = ms < 0 ? 0 : ms / 1000;
    const auto two = [](std::int64_t n) { return (n < 10 ? "0" : "") + std::to_string(n); };
    if (hours)
        return std::to_string(total / 3600) + ":" + two(total / 60 % 60) + ":" + two(total % 60);
    return std::to_string(total / 60) + ":" + two(total % 60);
}

ChapterList buildChapters(const Note& note, const ChapterOptions& options)
{
    ChapterList list;
    const std::optional<std::int64_t> durationMs
        = options.durationMs ? options.durationMs : note.frontMatter.durationMs;

    // Sections: the text before the first chapter heading, then one per chapter heading.
    // A lone shallower heading opening the note ("# Title" above "## Sections") is the intro's.
    const int level = chapterLevel(note, options.level);
    const bool titleHeading = !note.outline.empty() && note.outline.front().level < level
                           && std::count_if(note.outline.begin(), note.outline.end(), [&](const Heading& h) {
                                  return h.level == note.outline.front().level;
                              }) == 1;
    std::vector<const Heading*> starts;
    for (std::size_t i = titleHeading ? 1 : 0; i < note.outline.size(); ++i) {
        if (note.outline[i].level <= level)
            starts.push_back(&note.outline[i]);
    }
    constexpr int kEnd = 1 << 30;
    const int firstHeadingLine = starts.empty() ? kEnd : starts.front()->line;
    SectionTimes times(note);
    if (std::optional<std::int64_t> intro = times.first(0, firstHeadingLine))
        list.chapters.push_back({*intro, "Intro", 0});
    for (std::size_t i = 0; i < starts.size(); ++i) {
        const Heading& heading = *starts[i];
        const int end = i + 1 < starts.size() ? starts[i + 1]->line : kEnd;
        const std::string title = oneLine(heading.text);
        const std::optional<std::int64_t> start = times.first(heading.line, end);
        if (!start) {
            // Shallower headings only group sections: no time of their own is normal.
            if (heading.level == level) {
                list.diagnostics.push_back(
                    diagnostic(heading.line, Severity::Warning,
                               "section " + quoted(title) + " cites no time: not a chapter of its own"));
            }
            continue;
        }
        if (!list.chapters.empty() && *start <= list.chapters.back().startMs) {
            list.diagnostics.push_back(diagnostic(
                heading.line, Severity::Warning,
                "section " + quoted(title) + " starts at " + formatChapterTime(*start, *start >= kHourMs)
                    + ", not after the chapter before it: merged into " + quoted(list.chapters.back().title)));
            continue;
        }
        list.chapters.push_back({*start, title, heading.line});
    }

    if (list.chapters.empty()) {
        list.diagnostics.push_back(diagnostic(
            0, Severity::Error,
            options.minimumChapters > 1 ? "no citation with a usable time: no chapters (YouTube needs at least "
                                              + std::to_string(options.minimumChapters) + ")"
                                        : "no citation with a usable time: no chapters"));
        return list;
    }

    Chapter& first = list.chapters.front();
    if (first.startMs != 0 && first.line != 0) {
        list.diagnostics.push_back(diagnostic(first.line, Severity::Info,
                                              "chapter " + quoted(first.title) + " moved from "
                                                  + formatChapterTime(first.startMs, first.startMs >= kHourMs)
                                                  + " to 0:00: the first chapter must start the video"));
    }
    first.startMs = 0;

    if (durationMs && *durationMs > list.chapters.back().startMs) {
        list.endMs = *durationMs;
        list.endIsDuration = true;
    } else {
        std::int64_t last = 0;
        for (const Citation& citation : note.citations) {
            if (usable(citation))
                last = std::max(last, *citation.resolution.ms / 1000 * 1000);
        }
        list.endMs = last + kChapterTailMs;
    }

    // YouTube's 10 s minimum, in one pass: a section starting too soon after the chapter before
    // it joins that chapter, so the chapter keeps its place and title and grows long enough.
    // (Merging the other way, dense runs of short sections would all fold into one chapter.)
    const bool hours = list.endMs >= kHourMs;
    std::vector<Chapter> kept;
    for (Chapter& chapter : list.chapters) {
        if (!kept.empty() && chapter.startMs - kept.back().startMs < kMinimumChapterMs) {
            list.diagnostics.push_back(diagnostic(chapter.line, Severity::Warning,
                                                  "section " + quoted(chapter.title) + " starts "
                                                      + std::to_string((chapter.startMs - kept.back().startMs) / 1000)
                                                      + " s after " + quoted(kept.back().title)
                                                      + " (YouTube chapters last 10 s or more): merged into it"));
            continue;
        }
        kept.push_back(std::move(chapter));
    }
    if (kept.size() > 1 && list.endMs - kept.back().startMs < kMinimumChapterMs) {
        list.diagnostics.push_back(
            diagnostic(kept.back().line, Severity::Warning,
                       "chapter " + quoted(kept.back().title) + " at " + formatChapterTime(kept.back().startMs, hours)
                           + " would last " + std::to_string((list.endMs - kept.back().startMs) / 1000)
                           + " s to the end of the video (YouTube chapters last 10 s or more): merged into "
                           + quoted(kept[kept.size() - 2].title)));
        kept.pop_back();
    }
    list.chapters = std::move(kept);

    if (list.chapters.size() < options.minimumChapters) {
        list.diagnostics.push_back(
            diagnostic(0, Severity::Error,
                       "YouTube needs at least " + std::to_string(options.minimumChapters)
                           + " chapters of 10 s or more; this note gives " + std::to_string(list.chapters.size())
                           + " (one per cited section, plus 'Intro' for cited text before the first heading)"));
    }
    return list;
}

ExportResult exportYouTubeChapters(const Note& note, const ChapterOptions& options)
{
    ChapterList list = buildChapters(note, options);
    ExportResult result;
    result.diagnostics = std::move(list.diagnostics);
    if (!result.ok())
        return result;
    const bool hours = list.endMs >= kHourMs;
    for (const Chapter& chapter : list.chapters)
        result.text += formatChapterTime(chapter.startMs, hours) + " " + chapter.title + "\n";
    return result;
}

}  // namespace scholia
