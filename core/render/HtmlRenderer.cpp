#include "render/HtmlRenderer.h"

#include "render/HtmlEscape.h"
#include "render/UrlPolicy.h"

#include <algorithm>
#include <array>
#include <charconv>
#include <cstdint>
#include <string_view>

namespace scholia {

namespace {

// Small on purpose: QTextBrowser understands a subset of CSS 2, one class selector at a time.
constexpr std::string_view kBuiltInCss
    = "body { font-family: sans-serif; }\n"
      "h1.note-title { margin-bottom: 12px; }\n"
      "a.citation { font-family: monospace; font-size: small; color: #1c5d99; background-color: #e6eef7;"
      " text-decoration: none; }\n"
      "a.reinterpreted { color: #8a4b00; background-color: #fbeedb; }\n"
      "a.past-end { color: #9c2a2a; background-color: #f8e1e1; }\n"
      "span.broken { font-family: monospace; font-size: small; color: #9c2a2a; text-decoration: line-through; }\n"
      "a.wikilink { color: #2d6a3e; text-decoration: none; }\n"
      "a.unresolved { color: #c0262d; font-style: italic; text-decoration: underline; }\n"
      "span.blocked-image { color: #6b6b6b; font-style: italic; }\n"
      "pre { background-color: #f4f4f4; }\n"
      "blockquote { color: #555555; }\n";

bool endsWithIgnoringCase(std::string_view text, std::string_view suffix)
{
    if (text.size() < suffix.size())
        return false;
    text = text.substr(text.size() - suffix.size());
    for (std::size_t i = 0; i < suffix.size(); ++i) {
        const char c = text[i] >= 'A' && text[i] <= 'Z' ? static_cast<char>(text[i] - 'A' + 'a') : text[i];
        if (c != suffix[i])
            return false;
    }
    return true;
}

bool isImageFile(std::string_view target)
{
    static constexpr std::array<std::string_view, 8> kExtensions
        = {".png", ".jpg", ".jpeg", ".gif", ".svg", ".webp", ".bmp", ".avif"};
    return std::any_of(kExtensions.begin(), kExtensions.end(),
                       [&](std::string_view extension) { return endsWithIgnoringCase(target, extension); });
}

void appendNumber(std::string& out, std::int64_t value)
{
    std::array<char, 24> digits{};
    const auto result = std::to_chars(digits.data(), digits.data() + digits.size(), value);
    out.append(digits.data(), result.ptr);
}

// What the note says and what the viewer does with it. The resolver's explanation already
// says both ("01:11:11 read as 1:11 (MM:SS, last field dropped)"); without one, say it here.
void appendTooltip(std::string& out, const Citation& citation, const std::string& clock)
{
    const Resolution& resolution = citation.resolution;
    out += "written ";
    if (!resolution.explanation.empty()) {
        appendEscapedHtml(out, resolution.explanation);
        return;
    }
    appendEscapedHtml(out, citation.written);
    if (resolution.reinterpreted) {
        out += ", read as ";
        out += clock;
    }
    if (resolution.pastEnd)
        out += ", past the end of the video";
}

void appendCitation(std::string& out, const Citation& citation, int index)
{
    const Resolution& resolution = citation.resolution;
    if (!resolution.ms) {
        out += "<span class=\"citation broken\" title=\"";
        if (!resolution.explanation.empty()) {
            appendEscapedHtml(out, resolution.explanation);
        } else {
            out += "no time could be read from &quot;";
            appendEscapedHtml(out, citation.written);
            if (!citation.label.empty() && citation.label != citation.written) {
                out += "&quot; or its label &quot;";
                appendEscapedHtml(out, citation.label);
            }
            out += "&quot;";
        }
        out += "\">[";
        appendEscapedHtml(out, citation.written.empty() ? citation.label : citation.written);
        out += "]</span>";
        return;
    }
    const std::string clock = formatClock(*resolution.ms);
    out += "<a class=\"citation";
    if (resolution.reinterpreted)
        out += " reinterpreted";
    if (resolution.pastEnd)
        out += " past-end";
    out += "\" href=\"seek:";
    appendNumber(out, *resolution.ms);
    out += "?c=";
    appendNumber(out, index);
    out += "\" title=\"";
    appendTooltip(out, citation, clock);
    out += "\">";
    appendEscapedHtml(out, clock);
    out += "</a>";
}

void appendDefaultHref(std::string& out, const WikiLink& link)
{
    out += "note:";
    appendPercentEncoded(out, link.target);
    if (!link.fragment.empty()) {
        out += '#';
        appendPercentEncoded(out, link.fragment);
    }
}

void appendWikiLink(std::string& out, const WikiLink& link, const RenderOptions& options)
{
    if (link.embed && isImageFile(link.target)) {
        if (isLocalImage(link.target)) {
            out += "<img src=\"";
            appendPercentEncoded(out, link.target);
            out += "\" alt=\"";
            appendEscapedHtml(out, link.alias);
            out += "\">";
        } else {
            out += "<span class=\"blocked-image\">[image: ";
            appendEscapedHtml(out, link.label());
            out += "]</span>";
        }
        return;
    }
    const WikiLinkTarget target = options.resolveWikiLink ? options.resolveWikiLink(link) : WikiLinkTarget{true, {}};
    out += target.exists ? "<a class=\"wikilink\" href=\"" : "<a class=\"wikilink unresolved\" href=\"";
    if (target.href.empty())
        appendDefaultHref(out, link);
    else
        appendEscapedHtml(out, target.href);
    out += "\">";
    appendEscapedHtml(out, link.label());
    out += "</a>";
}

void appendSlot(std::string& out, const Note& note, const HtmlSlot& slot, const RenderOptions& options)
{
    if (slot.index < 0)
        return;
    const auto index = static_cast<std::size_t>(slot.index);
    if (slot.kind == HtmlSlot::Kind::Citation && index < note.citations.size())
        appendCitation(out, note.citations[index], slot.index);
    else if (slot.kind == HtmlSlot::Kind::WikiLink && index < note.wikilinks.size())
        appendWikiLink(out, note.wikilinks[index], options);
}

}  // namespace

std::string escapeHtml(std::string_view text)
{
    std::string out;
    out.reserve(text.size());
    appendEscapedHtml(out, text);
    return out;
}

std::string renderHtml(const Note& note, const RenderOptions& options)
{
    const std::string& body = note.body.html;
    std::string out;
    out.reserve(body.size() + note.body.slots.size() * 96 + (options.standalone ? 2048 : 0));

    if (options.standalone) {
        out += "<html><head><meta charset=\"utf-8\"><style>\n";
        out += options.css.empty() ? kBuiltInCss : std::string_view(options.css);
        out += "</style></head><body>\n";
        if (!note.frontMatter.title.empty()) {
            out += "<h1 class=\"note-title\">";
            appendEscapedHtml(out, note.displayTitle());
            out += "</h1>\n";
        }
    }

    std::size_t copied = 0;
    for (const HtmlSlot& slot : note.body.slots) {
        const std::size_t offset = std::min(slot.offset, body.size());
        if (offset < copied)
            continue;  // out of order: a template not made by parseNote()
        out.append(body, copied, offset - copied);
        copied = offset;
        appendSlot(out, note, slot, options);
    }
    out.append(body, copied, std::string::npos);

    if (options.standalone)
        out += "</body></html>\n";
    return out;
}

}  // namespace scholia
