#include "annotations/LineMerge.h"

#include "annotations/AnnotationFile.h"

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <vector>

namespace scholia {

namespace {

using Lines = std::vector<std::string>;

// Base lines [start, end) replaced by `lines`.
struct Hunk {
    std::size_t start = 0;
    std::size_t end = 0;
    Lines lines;
};

// Above this many cells the quadratic table is not worth it: the whole file counts as one
// change, which merges whenever only one side changed and keeps both sides otherwise.
// 4M cells of 4 bytes: 16 MB at most, for a changed middle of about 2000 x 2000 lines.
constexpr std::size_t kMaxTableCells = 4'000'000;

std::vector<Hunk> diff(const Lines& base, const Lines& other)
{
    const std::size_t n = base.size();
    const std::size_t m = other.size();
    std::size_t prefix = 0;
    while (prefix < n && prefix < m && base[prefix] == other[prefix])
        ++prefix;
    std::size_t suffix = 0;
    while (suffix < n - prefix && suffix < m - prefix && base[n - 1 - suffix] == other[m - 1 - suffix])
        ++suffix;
    const std::size_t bn = n - prefix - suffix;
    const std::size_t on = m - prefix - suffix;
    std::vector<Hunk> hunks;
    if (bn == 0 && on == 0)
        return hunks;
    if ((bn + 1) * (on + 1) > kMaxTableCells || bn == 0 || on == 0) {
        hunks.push_back({prefix, prefix + bn,
                         Lines(other.begin() + static_cast<std::ptrdiff_t>(prefix),
                               other.begin() + static_cast<std::ptrdiff_t>(prefix + on))});
        return hunks;
    }
    // Longest common subsequence of the middle parts; lcs[i][j] for base[i..], other[j..].
    std::vector<std::vector<std::uint32_t>> lcs(bn + 1, std::vector<std::uint32_t>(on + 1, 0));
    for (std::size_t i = bn; i-- > 0;)
        for (std::size_t j = on; j-- > 0;)
            lcs[i][j] = base[prefix + i] == other[prefix + j] ? lcs[i + 1][j + 1] + 1
                                                              : std::max(lcs[i + 1][j], lcs[i][j + 1]);
    std::size_t i = 0;
    std::size_t j = 0;
    Hunk open{prefix, prefix, {}};
    bool isOpen = false;
    auto start = [&](std::size_t at) {
        if (!isOpen)
            open = Hunk{prefix + at, prefix + at, {}};
        isOpen = true;
    };
    auto close = [&] {
        if (isOpen)
            hunks.push_back(std::move(open));
        isOpen = false;
        open = Hunk{};
    };
    while (i < bn || j < on) {
        if (i < bn && j < on && base[prefix + i] == other[prefix + j]) {
            close();
            ++i;
            ++j;
        } else if (j < on && (i == bn || lcs[i][j + 1] >= lcs[i + 1][j])) {
            start(i);
            open.lines.push_back(other[prefix + j++]);
        } else {
            start(i);
            open.end = prefix + ++i;
        }
    }
    close();
    return hunks;
}

bool overlaps(std::size_t start, std::size_t end, const Hunk& hunk)
{
    if (start == hunk.start)
        return true;  // the same place: both insertions there, or both replace from there
    if (std::max(start, hunk.start) < std::min(end, hunk.end))
        return true;
    // An insertion strictly inside the other range.
    if (hunk.start == hunk.end)
        return start < hunk.start && hunk.start < end;
    if (start == end)
        return hunk.start < start && start < hunk.end;
    return false;
}

// One side's text for base lines [start, end), given that side's hunks inside that range.
Lines region(const Lines& base, std::size_t start, std::size_t end, const std::vector<const Hunk*>& hunks)
{
    Lines out;
    std::size_t at = start;
    for (const Hunk* hunk : hunks) {
        out.insert(out.end(), base.begin() + static_cast<std::ptrdiff_t>(at),
                   base.begin() + static_cast<std::ptrdiff_t>(hunk->start));
        out.insert(out.end(), hunk->lines.begin(), hunk->lines.end());
        at = hunk->end;
    }
    out.insert(out.end(), base.begin() + static_cast<std::ptrdiff_t>(at),
               base.begin() + static_cast<std::ptrdiff_t>(end));
    return out;
}

// A last line without its newline must get one before another line follows it.
void appendLines(Lines& out, const Lines& lines)
{
    for (const std::string& line : lines) {
        if (!out.empty() && !out.back().empty() && out.back().back() != '\n')
            out.back() += '\n';
        out.push_back(line);
    }
}

// A missing final newline is not a change worth a conflict: every side gets one.
Lines linesEndingInNewline(std::string_view text)
{
    Lines lines = splitLines(text);
    if (!lines.empty() && lines.back().back() != '\n')
        lines.back() += '\n';
    return lines;
}

}  // namespace

MergeResult mergeLines(std::string_view base, std::string_view ours, std::string_view theirs)
{
    MergeResult result;
    if (ours == theirs || theirs == base) {
        result.text = std::string(ours);
        return result;
    }
    if (ours == base) {
        result.text = std::string(theirs);
        return result;
    }
    const Lines baseLines = linesEndingInNewline(base);
    const std::vector<Hunk> ourHunks = diff(baseLines, linesEndingInNewline(ours));
    const std::vector<Hunk> theirHunks = diff(baseLines, linesEndingInNewline(theirs));

    Lines out;
    std::size_t copied = 0;  // base lines before this are done
    std::size_t a = 0;
    std::size_t b = 0;
    while (a < ourHunks.size() || b < theirHunks.size()) {
        // Start a group with whichever hunk comes first, then grow it while anything overlaps.
        const bool startWithOurs
            = b == theirHunks.size() || (a < ourHunks.size() && ourHunks[a].start <= theirHunks[b].start);
        const Hunk& first = startWithOurs ? ourHunks[a] : theirHunks[b];
        std::size_t start = first.start;
        std::size_t end = first.end;
        std::vector<const Hunk*> ourGroup;
        std::vector<const Hunk*> theirGroup;
        for (bool grew = true; grew;) {
            grew = false;
            if (a < ourHunks.size() && overlaps(start, end, ourHunks[a])) {
                end = std::max(end, ourHunks[a].end);
                ourGroup.push_back(&ourHunks[a++]);
                grew = true;
            }
            if (b < theirHunks.size() && overlaps(start, end, theirHunks[b])) {
                end = std::max(end, theirHunks[b].end);
                theirGroup.push_back(&theirHunks[b++]);
                grew = true;
            }
        }
        appendLines(out, Lines(baseLines.begin() + static_cast<std::ptrdiff_t>(copied),
                               baseLines.begin() + static_cast<std::ptrdiff_t>(start)));
        const Lines mine = region(baseLines, start, end, ourGroup);
        const Lines theirsRegion = region(baseLines, start, end, theirGroup);
        if (ourGroup.empty()) {
            appendLines(out, theirsRegion);
        } else if (theirGroup.empty() || mine == theirsRegion) {
            appendLines(out, mine);
        } else {
            // Both changed here. Additions at the same place are not a conflict: keep both.
            if (start != end)
                ++result.conflicts;
            appendLines(out, theirsRegion);
            appendLines(out, mine);
        }
        copied = end;
    }
    appendLines(out, Lines(baseLines.begin() + static_cast<std::ptrdiff_t>(copied), baseLines.end()));
    result.text = joinLines(out);
    return result;
}

}  // namespace scholia
