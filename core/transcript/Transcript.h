#pragma once
// A video's transcript: timed cues of plain text, read from WebVTT or SRT subtitles (yt-dlp
// writes them beside the video). Like every core parser it never throws and never gives up:
// it returns the cues it could read plus diagnostics with the line of each problem.
// Lookups over a transcript are in TranscriptLookup.h; finding the files in TranscriptFiles.h.

#include "common/Diagnostic.h"

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace scholia {

struct Cue {
    std::int64_t startMs = 0;
    std::int64_t endMs = 0;  // >= startMs
    std::string text;        // plain text (see CueText.h), never empty; lines joined by '\n'
    int line = 0;            // 1-based line of the cue's timing line in the file

    friend bool operator==(const Cue&, const Cue&) = default;
};

enum class TranscriptFormat { WebVtt, Srt };

struct Transcript {
    TranscriptFormat format = TranscriptFormat::WebVtt;
    std::vector<Cue> cues;                // sorted by startMs; file order among equal starts
    std::vector<Diagnostic> diagnostics;  // lines of the transcript file, sorted
    bool collapsedRolling = false;        // YouTube-style rolling captions were de-duplicated (RollingCaptions.h)
};

// Reads either format: a first line starting "WEBVTT" (after an optional BOM) means WebVTT,
// anything else is read as SRT. Both readers accept what the other format allows in timings:
// hours optional ("00:01.000", "00:00:01.000"), ',' or '.' before the milliseconds.
// Also accepted: BOM, LF / CRLF / CR line ends, cue identifiers, cue settings after the timing
// ("align:start position:0%"), WebVTT NOTE / STYLE / REGION blocks (skipped).
// Cue order: cues are sorted by start time (a warning says when the file had them out of order).
// Rolling auto-captions are collapsed so that each word appears once (RollingCaptions.h).
// Linear time in the input size, whatever the input.
Transcript parseTranscript(std::string_view text);
Transcript parseWebVtt(std::string_view text);
Transcript parseSrt(std::string_view text);

}  // namespace scholia
