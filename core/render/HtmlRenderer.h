#pragma once
// HTML for the viewer, in the subset QTextBrowser understands. Pure function of the
// Note (as parsed and resolved) and the caller's link resolver. The output never makes
// a viewer fetch anything remote and carries no raw HTML from the note except <br>.
//
// Link schemes in the output:
//   seek:<ms>?c=<citation index>     a citation ("seek:71000?c=6")
//   note:<target>[#<fragment>]       a wikilink (target percent-encoded)
//   http:, https:, mailto:           external links, as written
// Anchors: every heading carries <a name="<anchor>">, every claim <a name="claim-N">.

#include "note/Note.h"

#include <functional>
#include <string>

namespace scholia {

struct WikiLinkTarget {
    bool exists = false;  // styled "wikilink" when true, "wikilink unresolved" when false
    std::string href;     // empty: the default note:<target>#<fragment>
};

using WikiLinkResolver = std::function<WikiLinkTarget(const WikiLink&)>;

struct RenderOptions {
    WikiLinkResolver resolveWikiLink;  // empty: every link styled as existing
    bool standalone = true;            // a whole <html> document with a <style> block
    std::string css;                   // replaces the built-in style sheet when non-empty
};

std::string renderHtml(const Note& note, const RenderOptions& options = {});

// Escapes &, <, >, " for HTML text and attribute values.
std::string escapeHtml(std::string_view text);

}  // namespace scholia
