#pragma once
// A clean Markdown study sheet of a note, readable anywhere (GitHub, another editor, print):
//
//   # Title
//
//   Video: [https://www.youtube.com/watch?v=ID](https://www.youtube.com/watch?v=ID)
//
//   - A claim ([0:09](https://www.youtube.com/watch?v=ID&t=9s), [0:19](...))
//
//   ## A section
//   ...
//
// The note's headings keep their nesting, shifted so the shallowest is "##" under the title (a
// lone "# Title" equal to the title is not repeated). Each claim (a paragraph, item or heading
// that cites) is one bullet with its citations as links at the end; a heading's citations go
// at the end of the heading. Wikilinks are their label text; no raw HTML is written: the text
// is Markdown-escaped. Without a usable videoId, times are plain text ("(0:09, 0:19)") and a
// warning says so; a citation without any time is shown as written, with a warning.

#include "export/ExportResult.h"
#include "note/Note.h"

#include <string>
#include <string_view>

namespace scholia {

ExportResult exportStudySheet(const Note& note);

// `text` with Markdown's inline syntax characters backslash-escaped, and line breaks as spaces,
// so it reads as the same plain text.
std::string markdownText(std::string_view text);

}  // namespace scholia
