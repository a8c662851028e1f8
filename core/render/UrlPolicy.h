#pragma once
// Which URLs written in a note may become links or images in the viewer. The viewer must
// never fetch anything remote and never follow a script-like scheme.

#include <string_view>

namespace scholia {

enum class UrlKind {
    Relative,    // no scheme: "notes/x.md", "#part", "img/a.png", "/abs", "//host/x" is Remote
    Web,         // http:, https:, or protocol-relative "//host"
    Mail,        // mailto:
    OtherScheme  // javascript:, data:, file:, vbscript:, seek:, anything else
};

// Classifies as a browser would read it: leading spaces and control characters, and tabs
// or newlines anywhere, are ignored when finding the scheme ("java\tscript:" is javascript:).
UrlKind classifyUrl(std::string_view url);

// The scheme as a browser reads it, lowercased ("javascript"); empty when there is none.
std::string schemeOf(std::string_view url);

// Allowed as <a href>: http, https, mailto and relative references.
bool isAllowedLink(std::string_view url);

// Allowed as <img src>: a relative path inside the note's folder tree, never absolute or remote.
bool isLocalImage(std::string_view url);

}  // namespace scholia
