// WebVTT and SRT parsing on arbitrary bytes, checking the promises of Transcript.h:
// cues sorted by start, end >= start, text never empty.
#include "transcript/Transcript.h"

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string_view>

namespace {

void check(const scholia::Transcript& transcript)
{
    for (std::size_t i = 0; i < transcript.cues.size(); ++i) {
        const scholia::Cue& cue = transcript.cues[i];
        if (cue.endMs < cue.startMs || cue.text.empty() || (i > 0 && transcript.cues[i - 1].startMs > cue.startMs)) {
            std::fprintf(stderr, "transcript cue %zu breaks the contract\n", i);
            std::abort();
        }
    }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    check(scholia::parseTranscript(text));
    check(scholia::parseWebVtt(text));
    check(scholia::parseSrt(text));
    return 0;
}
