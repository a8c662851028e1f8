#pragma once
// Appending escaped text to an HTML buffer without temporary strings: the parser's walk
// and the renderer both write straight into one growing std::string.

#include <string>
#include <string_view>

namespace scholia {

// Appends `text` with &, <, >, " and ' escaped; safe in text and in quoted attributes.
void appendEscapedHtml(std::string& out, std::string_view text);

// Appends `text` percent-encoded for a URL path: everything but ASCII letters, digits,
// "-._~" and '/' becomes %XX (UTF-8 bytes one by one).
void appendPercentEncoded(std::string& out, std::string_view text);

}  // namespace scholia
