#pragma once
// A line-wise three-way merge, for a file that changed on disk while Scholia was changing
// it too. Changes that touch different lines are both applied; two additions at the same
// place are both kept (theirs first, as they are already on disk). Only when the same lines
// were changed both ways is there a conflict, and even then nothing is dropped: the result
// holds their version of those lines followed by ours, and says so.

#include <string>
#include <string_view>

namespace scholia {

struct MergeResult {
    std::string text;
    int conflicts = 0;  // regions changed differently by both sides (kept both ways in `text`)
};

MergeResult mergeLines(std::string_view base, std::string_view ours, std::string_view theirs);

}  // namespace scholia
