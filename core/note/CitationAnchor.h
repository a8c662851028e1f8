#pragma once
// Reading one citation anchor, <a class="yt-timestamp" data-t="00:01:27">[00:01:27]</a>,
// as real notes write it: attribute order, quotes and spacing vary, and the time may
// be broken in the attribute, in the label, or in both.

#include "common/Diagnostic.h"
#include "note/Note.h"

#include <optional>
#include <string_view>
#include <vector>

namespace scholia {

struct AnchorAttributes {
    bool isCitation = false;                // class contains "yt-timestamp"
    std::optional<std::string_view> dataT;  // data-t="..."
    std::optional<std::string_view> data;   // data="..." (a known misspelling)
};

// `inside` is the open tag between "<a" and ">". Tolerates any order, quoting and case.
AnchorAttributes readAnchorAttributes(std::string_view inside);

// Decides what the citation says: data-t when it holds a time, else the label, else no
// time (an error). `label` is the text between the tags as written. Problems are
// appended to `diagnostics` at the anchor's line and column.
Citation makeCitation(const AnchorAttributes& attributes, std::string_view label, int line, int column,
                      std::vector<Diagnostic>& diagnostics);

// [[H:]M:]S as written, in milliseconds: the reading before resolveTimestamps() decides.
Resolution literalResolution(const std::optional<TimestampText>& text);

}  // namespace scholia
