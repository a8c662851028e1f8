#include "export/StudySheetExport.h"

#include "export/YouTubeLinks.h"
#include "timestamp/Timestamp.h"

#include <algorithm>

namespace scholia {

namespace {

// The citations of a claim: "([0:09](url), [0:19](url))", or "(0:09, 0:19)" without a video.
std::string citationList(const Note& note, const Claim& claim, const std::string& videoId,
                         std::vector<Diagnostic>& diagnostics)
{
    std::string list;
    for (int index : claim.citations) {
        if (index < 0 || static_cast<std::size_t>(index) >= note.citations.size())
            continue;
        const Citation& citation = note.citations[static_cast<std::size_t>(index)];
        list += list.empty() ? "(" : ", ";
        if (!citation.resolution.ms) {
            list += citation.written.empty() ? "?" : markdownText(citation.written);
            diagnostics.push_back(
                {citation.line, citation.column, Severity::Warning,
                 "citation '" + citation.written + "' holds no time: shown as written, without a link"});
        } else if (videoId.empty()) {
            list += formatClock(*citation.resolution.ms);
        } else {
            list += "[" + formatClock(*citation.resolution.ms) + "]("
                  + youTubeWatchUrl(videoId, *citation.resolution.ms) + ")";
        }
    }
    return list.empty() ? list : list + ")";
}

}  // namespace

std::string markdownText(std::string_view text)
{
    std::string escaped;
    escaped.reserve(text.size());
    // At the start of a bullet or heading, "- x", "+ x" and "1. x" would open a (nested) list.
    std::size_t digits = 0;
    while (digits < text.size() && text[digits] >= '0' && text[digits] <= '9')
        ++digits;
    if (!text.empty() && (text[0] == '-' || text[0] == '+')) {
        escaped += '\\';
    } else if (digits > 0 && digits < text.size() && (text[digits] == '.' || text[digits] == ')')) {
        escaped.append(text.substr(0, digits)).append("\\");
        text.remove_prefix(digits);
    }
    for (char c : text) {
        switch (c) {
        case '\\':
        case '`':
        case '*':
        case '_':
        case '[':
        case ']':
        case '<':
        case '>':
        case '#':
        case '|':
        case '~':
        case '&':
            escaped += '\\';
            escaped += c;
            break;
        case '\n':
        case '\r':
        case '\t': escaped += ' '; break;
        default: escaped += c;
        }
    }
    return escaped;
}

ExportResult exportStudySheet(const Note& note)
{
    ExportResult result;
    const std::string title = note.displayTitle();
    std::string videoId = note.frontMatter.videoId;
    if (videoId.empty()) {
        result.diagnostics.push_back(
            {0, 0, Severity::Warning, "no videoId in the front matter: times are plain text, not YouTube links"});
    } else if (!isYouTubeVideoId(videoId)) {
        result.diagnostics.push_back(
            {note.frontMatter.firstLine, 0, Severity::Warning,
             "videoId '" + videoId + "' is not a YouTube id: times are plain text, not YouTube links"});
        videoId.clear();
    }

    // A lone top heading that repeats the title is the title (its citations too).
    std::size_t firstHeading = 0;
    std::size_t claim = 0;
    std::string titleCites;
    if (!note.outline.empty() && note.outline.front().text == title
        && std::count_if(note.outline.begin(), note.outline.end(), [&](const Heading& h) {
               return h.level <= note.outline.front().level;
           }) == 1) {
        firstHeading = 1;
        for (; claim < note.claims.size() && note.claims[claim].line < note.outline.front().line; ++claim) { }
        if (claim < note.claims.size() && note.claims[claim].kind == ClaimKind::Heading
            && note.claims[claim].line == note.outline.front().line)
            titleCites = " " + citationList(note, note.claims[claim], videoId, result.diagnostics);
        claim = 0;
    }

    std::string& out = result.text;
    out = "# " + markdownText(title.empty() ? "Untitled note" : title) + titleCites + "\n";
    if (!videoId.empty())
        out += "\nVideo: [" + youTubeWatchUrl(videoId) + "](" + youTubeWatchUrl(videoId) + ")\n";
    int shallowest = 6;
    for (std::size_t i = firstHeading; i < note.outline.size(); ++i)
        shallowest = std::min(shallowest, note.outline[i].level);

    // Headings and claims interleaved by line; a heading's own claim shares its line.
    bool inList = false;
    const auto headingsClaim = [&](int line) {
        return claim < note.claims.size() && note.claims[claim].line == line
            && note.claims[claim].kind == ClaimKind::Heading;
    };
    for (std::size_t h = firstHeading; h <= note.outline.size(); ++h) {
        const bool last = h == note.outline.size();
        const int headingLine = last ? 0 : note.outline[h].line;
        // The claims before this heading (all the rest after the last one).
        for (; claim < note.claims.size()
               && (last || note.claims[claim].line < headingLine
                   || (note.claims[claim].line == headingLine && !headingsClaim(headingLine)));
             ++claim) {
            const Claim& c = note.claims[claim];
            if (c.kind == ClaimKind::Heading)
                continue;  // the title heading's own citations: already on the title line
            if (!inList)
                out += "\n";
            inList = true;
            const std::string cites = citationList(note, c, videoId, result.diagnostics);
            const std::string text = markdownText(c.text);
            out += "- " + text + (text.empty() || cites.empty() ? "" : " ") + cites + "\n";
        }
        if (h == note.outline.size())
            break;
        const Heading& heading = note.outline[h];
        const int level = std::min(6, heading.level - shallowest + 2);
        out += "\n" + std::string(static_cast<std::size_t>(level), '#') + " " + markdownText(heading.text);
        if (headingsClaim(heading.line)) {
            const std::string cites = citationList(note, note.claims[claim], videoId, result.diagnostics);
            out += cites.empty() ? "" : " " + cites;
            ++claim;
        }
        out += "\n";
        inList = false;
    }
    return result;
}

}  // namespace scholia
