#include "CitationTimes.h"

#include "note/NoteParser.h"
#include "note/NoteResolver.h"

#include <algorithm>
#include <fstream>
#include <random>
#include <set>
#include <sstream>

namespace scholia::bench {

namespace {

// The sample note's citations span 0:09..13:17; the fallback keeps to the same range.
constexpr std::int64_t kFallbackFirstMs = 9'000;
constexpr std::int64_t kFallbackLastMs = 797'000;
// Seeking into the last second measures the end of the file, not a citation.
constexpr std::int64_t kEndMarginMs = 1'000;

std::vector<std::int64_t> noteCitationTimes(const std::string& notePath, std::int64_t durationMs)
{
    std::ifstream in(notePath, std::ios::binary);
    if (!in)
        return {};
    std::ostringstream text;
    text << in.rdbuf();
    const Note note = resolveTimestamps(parseNote(text.str(), notePath), durationMs);
    std::set<std::int64_t> distinct;
    for (const Citation& citation : note.citations) {
        const auto& ms = citation.resolution.ms;
        if (ms && *ms >= 0 && *ms < durationMs - kEndMarginMs)
            distinct.insert(*ms);
    }
    return {distinct.begin(), distinct.end()};
}

std::vector<std::int64_t> uniformTimes(std::mt19937& random, int count)
{
    std::uniform_int_distribution<std::int64_t> pick(kFallbackFirstMs, kFallbackLastMs);
    std::set<std::int64_t> distinct;
    while (static_cast<int>(distinct.size()) < count)
        distinct.insert(pick(random));
    std::vector<std::int64_t> times(distinct.begin(), distinct.end());
    std::shuffle(times.begin(), times.end(), random);
    return times;
}

}  // namespace

CitationTimes drawCitationTimes(const std::string& notePath, std::int64_t durationMs, unsigned seed, int count)
{
    std::mt19937 random(seed);
    std::vector<std::int64_t> times = noteCitationTimes(notePath, durationMs);
    if (static_cast<int>(times.size()) >= count) {
        const std::size_t available = times.size();
        std::shuffle(times.begin(), times.end(), random);
        times.resize(static_cast<std::size_t>(count));
        return {times, std::to_string(count) + " of the " + std::to_string(available) + " distinct citation times of "
                           + notePath};
    }
    return {uniformTimes(random, count), std::to_string(count)
                                             + " times drawn uniformly from 9..797 s (the note gave only "
                                             + std::to_string(times.size()) + " citation times)"};
}

}  // namespace scholia::bench
