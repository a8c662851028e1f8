#pragma once
// One line of a subtitle cue's payload as plain text. Subtitles carry markup meant for
// display (<i>, <c.colorE5E5E5>, <v Speaker>, <font color=...>, {\an8}) and, in YouTube's
// auto-captions, inline word timings (<00:00:01.520>); people read and search the words.

#include "common/Utf8.h"

#include <string>
#include <string_view>

namespace scholia {

struct CueLineText {
    std::string text;    // tags removed, entities decoded, whitespace runs as one space, trimmed
    bool timed = false;  // the raw line carried inline word timings (<00:00:01.520>)

    friend bool operator==(const CueLineText&, const CueLineText&) = default;
};

// Linear in the line's length, whatever it holds. A '<' that opens no tag ("x < y") and an
// unknown entity ("&foo;") are kept as written.
CueLineText cleanCueLine(std::string_view raw);

}  // namespace scholia
