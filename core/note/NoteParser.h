#pragma once
// parseNote(): Markdown text -> Note. The only file in core that includes cmark.h is
// NoteParser.cpp. Never throws, never fails: malformed input yields diagnostics.

#include "note/Note.h"

#include <string>
#include <string_view>

namespace scholia {

struct ParseOptions {
    bool keepBody = true;  // false: skip RenderedBody (a vault index keeps only the model)
};

Note parseNote(std::string_view text, std::string path = {}, const ParseOptions& options = {});

}  // namespace scholia
