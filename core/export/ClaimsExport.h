#pragma once
// A note's citations as data: CSV for spreadsheets, JSON for programs. Both list every citation
// in note order with the time it resolves to, as `scholia-cli claims` does.

#include "export/ExportResult.h"
#include "note/Note.h"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace scholia {

// One row per citation, RFC 4180: CRLF line ends, a header row, fields quoted when they hold a
// comma, a quote, CR or LF, quotes doubled. Columns:
//   time_ms  resolved milliseconds (empty when the text holds no time)
//   time     the same as "1:11" (empty likewise)
//   written  the data-t value as written ("01:11:11")
//   line     the citation's line in the note
//   section  the enclosing headings, outermost first, joined by " > "
//   claim    the claim's plain text (empty for a citation outside any paragraph or item)
// Bytes are passed through as they are (UTF-8 when the note is).
ExportResult exportClaimsCsv(const Note& note);

// One CSV field, quoted only when RFC 4180 needs it.
std::string csvField(std::string_view text);

// The claims as JSON (keys in a fixed order, two-space indent), in the style of
// `scholia-cli claims --json`:
//   {"note", "title", "videoId", "durationMs",
//    "claims": [{"id", "kind", "line", "section": [...], "text",
//                "citations": [{"index", "written", "label", "line", "column", "ms", "clock",
//                               "reinterpreted", "pastEnd", "explanation"}]}],
//    "citationsOutsideClaims": [citations as above]}
// `durationMs`: the video's length when known (nullopt: the front matter's, else null).
// Bytes that are not UTF-8 become U+FFFD.
ExportResult exportClaimsJson(const Note& note, std::optional<std::int64_t> durationMs = std::nullopt);

}  // namespace scholia
