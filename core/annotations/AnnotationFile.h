#pragma once
// The user's own annotations file for a video: itself a valid note (front matter with the
// same videoId, then one bullet per annotation), so parseNote(), scholia-cli and
// Obsidian-style tools read it as they read any note:
//
//   ---
//   title: "My notes on Irans cyber attacks on Albania"
//   videoId: i_4Jtcev5VY
//   ---
//
//   - <a class="yt-timestamp" data-t="00:01:11">[00:01:11]</a> the text as typed
//
// Every change is a pure text transformation that touches only the lines it is about:
// anything else in the file (lines the user wrote in another editor) is kept byte for byte.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace scholia {

struct Annotation {
    std::int64_t ms = 0;  // the time stamped, exact to the millisecond
    std::string text;     // as typed: newlines restored from the file's "<br>"
    int line = 0;         // 0-based line of its bullet in the file
};

// "00:01:11" for 71000; "00:01:11.250" when the time is not a whole second; "01:02:03" past
// an hour. Always three fields, so no reader can take it for MM:SS:xx.
std::string formatDataT(std::int64_t ms);

// The inverse of formatDataT() for the times it writes ("HH:MM:SS[.mmm]"); nothing otherwise.
std::optional<std::int64_t> parseDataT(std::string_view text);

// Makes typed text one Markdown line: each line break ("\n", "\r\n", "\r") becomes "<br>",
// which the renderer keeps as a line break. Nothing else is changed.
std::string foldToOneLine(std::string_view text);
// The inverse: "<br>" back to "\n" (a "<br>" typed by the user also reads back as a newline).
std::string unfoldLine(std::string_view line);

// `- <a class="yt-timestamp" data-t="00:01:11">[00:01:11]</a> text` (no newline).
std::string annotationLine(std::int64_t ms, std::string_view text);

// A new, empty annotations file for the note titled `noteTitle` about `videoId`.
std::string newAnnotationsFile(std::string_view noteTitle, std::string_view videoId);

// Every annotation bullet in the file, in file order. Lines that are not annotation bullets
// are ignored here (and kept by every edit below).
std::vector<Annotation> readAnnotations(std::string_view fileText);

// The file with an annotation line appended (a newline is added first if the file lacks
// its last one; an empty file gets `header` first).
std::string appendAnnotation(std::string_view fileText, std::int64_t ms, std::string_view text,
                             std::string_view header = {});

// The file with the annotation at `line` given a new text (its time kept) or removed.
// Nothing when that line is not an annotation bullet any more (changed under us).
std::optional<std::string> editAnnotation(std::string_view fileText, int line, std::string_view newText);
std::optional<std::string> deleteAnnotation(std::string_view fileText, int line);

// The file split into lines, each with its line ending ("a\n", "b\r\n", "c"), and joined back.
std::vector<std::string> splitLines(std::string_view text);
std::string joinLines(const std::vector<std::string>& lines);

}  // namespace scholia
