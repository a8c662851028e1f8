#include "transcript/RollingCaptions.h"

#include <algorithm>
#include <string>
#include <string_view>
#include <unordered_set>

namespace scholia {
namespace {

// Roll-up detection needs a few cues to mean anything: two equal lines in a row happen anywhere.
constexpr std::size_t kMinCuesForRollUp = 4;

// A set, not a scan: a malformed file can put a million lines in one cue.
std::unordered_set<std::string_view> shownTexts(const CaptionCue& cue)
{
    std::unordered_set<std::string_view> texts;
    for (const CueLineText& line : cue.lines)
        texts.insert(line.text);
    return texts;
}

std::string joinLines(const std::vector<const CueLineText*>& lines)
{
    std::string text;
    for (const CueLineText* line : lines) {
        if (!text.empty())
            text += '\n';
        text += line->text;
    }
    return text;
}

}  // namespace

bool looksRolling(const std::vector<CaptionCue>& cues)
{
    for (const CaptionCue& cue : cues)
        for (const CueLineText& line : cue.lines)
            if (line.timed)
                return true;
    if (cues.size() < kMinCuesForRollUp)
        return false;
    std::size_t repeating = 0;
    for (std::size_t i = 1; i < cues.size(); ++i) {
        const auto& previous = cues[i - 1].lines;
        const auto& current = cues[i].lines;
        if (!previous.empty() && !current.empty() && current.front().text == previous.back().text)
            ++repeating;
    }
    return repeating * 2 >= cues.size() - 1;
}

std::vector<Cue> collapseRollingCaptions(const std::vector<CaptionCue>& cues)
{
    std::vector<Cue> out;
    std::unordered_set<std::string_view> previous;  // the texts the cue before showed
    for (const CaptionCue& cue : cues) {
        std::vector<const CueLineText*> fresh;
        for (const CueLineText& line : cue.lines)
            if (line.timed || !previous.contains(line.text))
                fresh.push_back(&line);
        if (!fresh.empty()) {
            out.push_back(Cue{cue.startMs, cue.endMs, joinLines(fresh), cue.line});
        } else if (!out.empty()) {
            out.back().endMs = std::max(out.back().endMs, cue.endMs);
        }
        previous = shownTexts(cue);
    }
    return out;
}

std::vector<Cue> joinCaptionLines(const std::vector<CaptionCue>& cues)
{
    std::vector<Cue> out;
    out.reserve(cues.size());
    for (const CaptionCue& cue : cues) {
        std::vector<const CueLineText*> lines;
        for (const CueLineText& line : cue.lines)
            lines.push_back(&line);
        if (!lines.empty())
            out.push_back(Cue{cue.startMs, cue.endMs, joinLines(lines), cue.line});
    }
    return out;
}

}  // namespace scholia
