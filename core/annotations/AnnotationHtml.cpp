#include "annotations/AnnotationHtml.h"

#include "note/NoteParser.h"
#include "note/NoteResolver.h"
#include "render/HtmlRenderer.h"
#include "timestamp/Timestamp.h"

#include <algorithm>
#include <cctype>
#include <map>
#include <optional>

namespace scholia {

namespace {

// QTextBrowser reads one class selector at a time: one rule per class.
constexpr std::string_view kAnnotationCss
    = "p.annotation { background-color: #fff4cc; margin-left: 12px; }\n"
      "li.annotation { background-color: #fff4cc; }\n"
      "span.annotation-mark { color: #8a6d00; font-weight: bold; }\n"
      "a.annotation-action { color: #8a8a8a; font-size: small; text-decoration: none; }\n";

struct Block {
    std::size_t open = 0;   // where the claim's block starts ('<' of its opening tag)
    std::size_t after = 0;  // just after its closing tag (and that line's newline)
    std::string tag;        // "p", "li", "h2" ...
};

// The block that holds claim `id`'s anchor, or nothing if the HTML has no such anchor.
std::optional<Block> findClaimBlock(std::string_view html, const std::string& id)
{
    const std::string anchor = "<a name=\"" + id + "\"></a>";
    const std::size_t at = html.find(anchor);
    if (at == std::string_view::npos || at == 0)
        return std::nullopt;
    const std::size_t open = html.rfind('<', at - 1);
    if (open == std::string_view::npos)
        return std::nullopt;
    std::size_t nameEnd = open + 1;
    while (nameEnd < html.size() && std::isalnum(static_cast<unsigned char>(html[nameEnd])))
        ++nameEnd;
    Block block{open, 0, std::string(html.substr(open + 1, nameEnd - open - 1))};
    if (block.tag.empty())
        return std::nullopt;
    const std::string openTag = "<" + block.tag;
    const std::string closeTag = "</" + block.tag + ">";
    int depth = 1;
    std::size_t pos = nameEnd;
    while (depth > 0) {
        const std::size_t nextOpen = html.find(openTag, pos);
        const std::size_t nextClose = html.find(closeTag, pos);
        if (nextClose == std::string_view::npos)
            return std::nullopt;
        const bool realOpen = nextOpen != std::string_view::npos && nextOpen < nextClose
                           && nextOpen + openTag.size() < html.size()
                           && (html[nextOpen + openTag.size()] == ' ' || html[nextOpen + openTag.size()] == '>');
        if (realOpen) {
            ++depth;
            pos = nextOpen + openTag.size();
        } else if (nextOpen != std::string_view::npos && nextOpen < nextClose) {
            pos = nextOpen + openTag.size();  // a longer tag name with the same start ("<pre")
        } else {
            --depth;
            pos = nextClose + closeTag.size();
        }
    }
    if (pos < html.size() && html[pos] == '\n')
        ++pos;
    block.after = pos;
    return block;
}

std::optional<std::int64_t> claimTime(const Note& note, const Claim& claim)
{
    for (const int index : claim.citations) {
        if (index < 0 || static_cast<std::size_t>(index) >= note.citations.size())
            continue;
        const Resolution& r = note.citations[static_cast<std::size_t>(index)].resolution;
        if (r.ms && !r.pastEnd)
            return r.ms;
    }
    return std::nullopt;
}

void appendBlock(std::string& out, const Annotation& annotation, int index, bool listItem,
                 const AnnotationHtmlOptions& options)
{
    const std::string number = std::to_string(index);
    out += listItem ? "<li class=\"annotation\">" : "<p class=\"annotation\">";
    out += "<a name=\"annotation-" + number + "\"></a><span class=\"annotation-mark\">&#9998; </span>";
    out += "<a class=\"citation\" href=\"seek:" + std::to_string(annotation.ms) + "?a=" + number
         + "\" title=\"your note at " + formatDataT(annotation.ms) + "\">";
    out += escapeHtml(formatClock(annotation.ms));
    out += "</a> ";
    out += annotationTextHtml(annotation, options);
    out += " <a class=\"annotation-action\" href=\"annotation:edit/" + number + "\">edit</a>";
    out += " <a class=\"annotation-action\" href=\"annotation:delete/" + number + "\">delete</a>";
    out += listItem ? "</li>\n" : "</p>\n";
}

}  // namespace

std::string annotationTextHtml(const Annotation& annotation, const AnnotationHtmlOptions& options)
{
    // Parsed as the very line the file holds, so it reads here as in any other tool.
    Note line = parseNote(annotationLine(annotation.ms, annotation.text));
    for (WikiLink& link : line.wikilinks)
        if (link.embed && !options.embedPrefix.empty())
            link.target = options.embedPrefix + link.target;
    line = resolveTimestamps(std::move(line));
    RenderOptions render;
    render.standalone = false;
    const std::string html = renderHtml(line, render);
    // <ul><li ...><a name="claim-0"></a><a class="citation" ...>1:11</a> TEXT</li></ul>
    const std::size_t citation = html.find("class=\"citation");
    const std::size_t start = citation == std::string::npos ? std::string::npos : html.find("</a>", citation);
    const std::size_t end = html.rfind("</li>");
    if (start == std::string::npos || end == std::string::npos || end < start + 4)
        return escapeHtml(annotation.text);
    std::string text = html.substr(start + 4, end - start - 4);
    // A citation pasted into an annotation is numbered within this one line; "?c=" would make
    // the view take it for the note's own citation of that number. Without it, the link's time
    // is used as is.
    for (std::size_t at = text.find("?c="); at != std::string::npos; at = text.find("?c=", at))
        text.replace(at, 3, "?in-annotation=");
    const auto first = text.find_first_not_of(" \n");
    return first == std::string::npos ? std::string() : text.substr(first);
}

std::string mergeAnnotationsIntoHtml(std::string_view noteHtml, const Note& note,
                                     const std::vector<Annotation>& annotations, const AnnotationHtmlOptions& options)
{
    std::string html(noteHtml);
    if (const std::size_t style = html.find("</style>"); style != std::string::npos)
        html.insert(style, kAnnotationCss);
    if (annotations.empty())
        return html;

    // Timed claims in document order, with their blocks.
    struct Timed {
        std::int64_t ms;
        Block block;
    };
    std::vector<Timed> claims;
    for (const Claim& claim : note.claims) {
        const auto ms = claimTime(note, claim);
        if (!ms)
            continue;
        if (auto block = findClaimBlock(html, claim.id))
            claims.push_back({*ms, *block});
    }

    // Annotation order: by time, then by place in the file.
    std::vector<int> order(annotations.size());
    for (std::size_t i = 0; i < order.size(); ++i)
        order[i] = static_cast<int>(i);
    std::stable_sort(order.begin(), order.end(), [&](int x, int y) {
        return annotations[static_cast<std::size_t>(x)].ms < annotations[static_cast<std::size_t>(y)].ms;
    });

    // Insertion offset -> blocks to insert there, in order.
    std::map<std::size_t, std::string> inserts;
    for (const int index : order) {
        const Annotation& annotation = annotations[static_cast<std::size_t>(index)];
        const Timed* anchor = nullptr;
        for (const Timed& claim : claims)
            if (claim.ms <= annotation.ms && (!anchor || claim.ms >= anchor->ms))
                anchor = &claim;
        std::size_t offset = 0;
        bool listItem = false;
        if (anchor) {
            offset = anchor->block.after;
            listItem = anchor->block.tag == "li";
        } else if (!claims.empty()) {
            // Earlier than every claim: before the earliest one.
            const Timed* earliest = &claims.front();
            for (const Timed& claim : claims)
                if (claim.ms < earliest->ms)
                    earliest = &claim;
            offset = earliest->block.open;
            listItem = earliest->block.tag == "li";
        } else {
            const std::size_t body = html.rfind("</body>");
            offset = body == std::string::npos ? html.size() : body;
        }
        appendBlock(inserts[offset], annotation, index, listItem, options);
    }
    // From the end, so that earlier offsets stay valid.
    for (auto it = inserts.rbegin(); it != inserts.rend(); ++it)
        html.insert(it->first, it->second);
    return html;
}

}  // namespace scholia
