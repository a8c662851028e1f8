#pragma once
// parseNote(): Markdown text -> Note. The only file in core that includes cmark.h is
// NoteParser.cpp. Never throws, never fails: malformed input yields diagnostics.

#include "note/Note.h"

#include <string>
#include <string_view>

namespace scholia {

struct ParseOptions {
    bool keepBody = true;   // false: skip RenderedBody (a vault index keeps only the model)
    bool forIndex = false;  // true: only what a vault index keeps (NoteRecord, search terms): no
                            // heading anchors, claim section paths or Note::links; the rest,
                            // diagnostics included, is the same
};

Note parseNote(std::string_view text, std::string path = {}, const ParseOptions& options = {});

}  // namespace scholia
