#pragma once
// YouTube's auto-captions (what yt-dlp writes as "Title [ID].en.vtt") roll: every cue shows the
// line before it again and adds the line being spoken, with inline word timings, and each is
// followed by a 10 ms "bridge" cue that repeats the finished line. Read as is, every sentence
// appears three times. This is the step that turns such cues into the words said once, in order.
//
// The rule, per cue in time order, comparing with the cue just before it (kept or not):
//   1. a line that carries inline word timings is new (it is being spoken now), even when its
//      words equal a line shown before ("yeah" / "yeah");
//   2. any other line is new only when the previous cue did not show the same text;
//   3. a cue with new lines becomes one cue of those lines, with its own times;
//   4. a cue with no new line (a bridge, a repeat) is dropped, and the last kept cue is extended
//      to its end, since those words stay on screen until then.

#include "transcript/CueText.h"
#include "transcript/Transcript.h"

#include <cstdint>
#include <vector>

namespace scholia {

// One cue as read from the file, before its lines are joined.
struct CaptionCue {
    std::int64_t startMs = 0;
    std::int64_t endMs = 0;
    int line = 0;                    // 1-based line of the timing line
    std::vector<CueLineText> lines;  // cleaned; lines empty after cleaning are left out
};

// True when the cues look like rolling captions: some line carries inline word timings, or (for
// roll-up captions without them) at least half of the cues start with the previous cue's last line.
bool looksRolling(const std::vector<CaptionCue>& cues);

// The rule above. `cues` sorted by start.
std::vector<Cue> collapseRollingCaptions(const std::vector<CaptionCue>& cues);

// Without collapsing: each cue's lines joined by '\n'; cues with no text left are dropped.
std::vector<Cue> joinCaptionLines(const std::vector<CaptionCue>& cues);

}  // namespace scholia
