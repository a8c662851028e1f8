#pragma once
// The model of one note: plain value types, no cmark, no Qt. Built by parseNote()
// (NoteParser.h), completed by resolveTimestamps() (NoteResolver.h), turned into
// HTML by renderHtml() (render/HtmlRenderer.h).

#include "common/Diagnostic.h"
#include "timestamp/Timestamp.h"
#include "timestamp/TimestampResolver.h"

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace scholia {

struct FrontMatter {
    // Every key in file order. Scalars as written; sequences and maps as YAML flow text.
    std::vector<std::pair<std::string, std::string>> entries;
    std::string title;                       // "title", or empty
    std::string videoId;                     // "videoId", or empty
    std::string video;                       // "video": a media path relative to the note, or empty
    std::optional<std::int64_t> durationMs;  // "duration": seconds, "13:40" or "1:02:03"
    int firstLine = 0;                       // 1-based line of the opening '---'; 0 = no front matter
    int lastLine = 0;                        // line of the closing '---'

    // The value of `key`, or nullptr.
    const std::string* find(const std::string& key) const;
};

struct Heading {
    int level = 1;       // 1..6
    std::string text;    // plain text (wikilinks shown by their label)
    std::string anchor;  // stable, unique within the note: "historical-context-iran-and-the-mek"
    int line = 0;
};

struct Citation {
    std::string written;  // the data-t value as written ("01:11:11"), or the label when data-t is unusable
    std::string label;    // the visible label as written, without brackets ("01:11:11"), may be empty
    int line = 0;         // where the anchor starts
    int column = 0;
    std::optional<TimestampText> text;  // parsed from `written`
    Resolution resolution;              // filled by resolveTimestamps(); before that, a literal reading
    int claim = -1;                     // index into Note::claims, or -1 (citation outside any claim)
};

enum class ClaimKind { Paragraph, ListItem, Heading };

struct Claim {
    std::string id;  // "claim-0", "claim-1", ...: the HTML anchor name
    ClaimKind kind = ClaimKind::Paragraph;
    std::string text;                      // plain text, citations removed, wikilinks by label
    std::vector<std::string> sectionPath;  // enclosing headings, outermost first
    int line = 0;
    std::vector<int> citations;  // indices into Note::citations, in order
};

struct WikiLink {
    std::string target;    // trimmed: "cyber_warfare_and_international_security"
    std::string fragment;  // after '#', trimmed, without '#'; may be empty
    std::string alias;     // after '|', trimmed; may be empty
    bool embed = false;    // written "![[...]]"
    int line = 0;
    int column = 0;

    const std::string& label() const { return alias.empty() ? target : alias; }
};

struct MarkdownLink {
    std::string url;
    std::string text;  // plain text of the link
    bool image = false;
    int line = 0;
};

// Where the renderer substitutes dynamic parts into the HTML that parseNote() prepared,
// so that re-resolving citations or wikilinks never needs a second parse.
struct HtmlSlot {
    enum class Kind { Citation, WikiLink };
    std::size_t offset = 0;  // byte offset into RenderedBody::html
    Kind kind = Kind::Citation;
    int index = 0;  // into Note::citations or Note::wikilinks
};

struct RenderedBody {
    std::string html;             // the body's HTML with the dynamic parts left out
    std::vector<HtmlSlot> slots;  // sorted by offset
};

struct Note {
    std::string path;  // as given to parseNote(); may be empty
    FrontMatter frontMatter;
    std::vector<Heading> outline;
    std::vector<Claim> claims;
    std::vector<Citation> citations;      // in source order
    std::vector<WikiLink> wikilinks;      // in source order, including those in headings and lists
    std::vector<MarkdownLink> links;      // ordinary Markdown links and images
    std::vector<Diagnostic> diagnostics;  // parse diagnostics, then resolution diagnostics
    RenderedBody body;

    // The title to show: front matter title, else the first heading, else the file name.
    std::string displayTitle() const;
};

}  // namespace scholia
