#include "transcript/TranscriptLookup.h"

#include "transcript/CueText.h"

#include <algorithm>
#include <cstdint>
#include <string>

namespace scholia {
namespace {

// Index of the first cue that starts at or after `ms`.
std::size_t firstStartingAtOrAfter(const std::vector<Cue>& cues, std::int64_t ms)
{
    const auto it = std::lower_bound(cues.begin(), cues.end(), ms,
                                     [](const Cue& cue, std::int64_t t) { return cue.startMs < t; });
    return static_cast<std::size_t>(it - cues.begin());
}

// Simple case folding for the scripts people are likely to search in without pulling in ICU.
char32_t foldCase(char32_t cp)
{
    if (cp >= 'A' && cp <= 'Z')
        return cp + 0x20;
    if (cp < 0x80)
        return cp;
    if (cp >= 0xC0 && cp <= 0xDE && cp != 0xD7)
        return cp + 0x20;
    if (cp == 0x178)
        return 0xFF;
    const bool evenUpper = (cp >= 0x100 && cp <= 0x137 && cp != 0x130) || (cp >= 0x14A && cp <= 0x177);
    if (evenUpper && cp % 2 == 0)
        return cp + 1;
    const bool oddUpper = (cp >= 0x139 && cp <= 0x148) || (cp >= 0x179 && cp <= 0x17E);
    if (oddUpper && cp % 2 == 1)
        return cp + 1;
    if (cp >= 0x391 && cp <= 0x3A9 && cp != 0x3A2)
        return cp + 0x20;
    if (cp == 0x386)
        return 0x3AC;  // Greek capitals with tonos
    if (cp >= 0x388 && cp <= 0x38A)
        return cp + 0x25;
    if (cp == 0x38C)
        return 0x3CC;
    if (cp == 0x38E || cp == 0x38F)
        return cp + 0x3F;
    if (cp == 0x3C2)
        return 0x3C3;  // final sigma matches sigma
    if (cp >= 0x410 && cp <= 0x42F)
        return cp + 0x20;
    if (cp >= 0x400 && cp <= 0x40F)
        return cp + 0x50;
    return cp;
}

// The length of the UTF-8 sequence at `i` (0 when it is not a valid 2- or 3-byte one we fold).
std::size_t sequenceLength(std::string_view text, std::size_t i)
{
    const auto byte = [&](std::size_t k) { return static_cast<unsigned char>(text[k]); };
    const auto continuation = [&](std::size_t k) { return k < text.size() && (byte(k) & 0xC0) == 0x80; };
    if ((byte(i) & 0xE0) == 0xC0 && continuation(i + 1))
        return 2;
    if ((byte(i) & 0xF0) == 0xE0 && continuation(i + 1) && continuation(i + 2))
        return 3;
    return 0;
}

bool isSpace(char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

// Folded case, whitespace runs as one space, trimmed. Invalid UTF-8 passes through byte by byte.
std::string searchKey(std::string_view text)
{
    std::string key;
    key.reserve(text.size());
    bool pendingSpace = false;
    for (std::size_t i = 0; i < text.size();) {
        if (isSpace(text[i])) {
            pendingSpace = !key.empty();
            ++i;
            continue;
        }
        if (pendingSpace)
            key += ' ';
        pendingSpace = false;
        const auto byte = static_cast<unsigned char>(text[i]);
        const std::size_t length = byte < 0x80 ? 1 : sequenceLength(text, i);
        if (length == 0) {
            key += text[i++];
            continue;
        }
        char32_t cp = length == 1 ? byte : length == 2 ? (byte & 0x1Fu) : (byte & 0x0Fu);
        for (std::size_t k = 1; k < length; ++k)
            cp = (cp << 6) | (static_cast<unsigned char>(text[i + k]) & 0x3Fu);
        appendUtf8(key, foldCase(cp));
        i += length;
    }
    return key;
}

}  // namespace

std::optional<int> cueAt(const Transcript& transcript, std::int64_t ms)
{
    const auto& cues = transcript.cues;
    // Past the last cue starting at or before ms, then back over the few that may still be showing.
    const std::size_t after = firstStartingAtOrAfter(cues, ms + 1);
    const std::size_t stop = after > static_cast<std::size_t>(kCueLookBack) ? after - kCueLookBack : 0;
    for (std::size_t i = after; i > stop; --i)
        if (ms < cues[i - 1].endMs)
            return static_cast<int>(i - 1);
    return std::nullopt;
}

std::vector<int> cuesBetween(const Transcript& transcript, std::int64_t fromMs, std::int64_t toMs)
{
    std::vector<int> found;
    if (toMs <= fromMs)
        return found;
    const auto& cues = transcript.cues;
    const std::size_t first = firstStartingAtOrAfter(cues, fromMs);
    const std::size_t stop = first > static_cast<std::size_t>(kCueLookBack) ? first - kCueLookBack : 0;
    for (std::size_t i = stop; i < first; ++i)
        if (cues[i].endMs > fromMs)
            found.push_back(static_cast<int>(i));
    for (std::size_t i = first; i < cues.size() && cues[i].startMs < toMs; ++i)
        found.push_back(static_cast<int>(i));
    return found;
}

std::vector<int> searchTranscript(const Transcript& transcript, std::string_view query)
{
    std::vector<int> found;
    const std::string needle = searchKey(query);
    if (needle.empty())
        return found;
    for (std::size_t i = 0; i < transcript.cues.size(); ++i)
        if (searchKey(transcript.cues[i].text).find(needle) != std::string::npos)
            found.push_back(static_cast<int>(i));
    return found;
}

}  // namespace scholia
