#include "note/RawHtml.h"

#include "common/Ascii.h"
#include "render/HtmlEscape.h"

namespace scholia {

namespace {

std::size_t endAfter(std::string_view html, std::size_t from, std::string_view terminator)
{
    const std::size_t at = html.find(terminator, from);
    return at == std::string_view::npos ? html.size() : at + terminator.size();
}

// The end of an element tag: the first '>' outside quotes.
std::size_t elementTagEnd(std::string_view html, std::size_t from)
{
    char quote = 0;
    for (std::size_t i = from; i < html.size(); ++i) {
        const char c = html[i];
        if (quote) {
            if (c == quote)
                quote = 0;
        } else if (c == '"' || c == '\'') {
            quote = c;
        } else if (c == '>') {
            return i + 1;
        }
    }
    return html.size();
}

// "&amp;", "&#39;", "&#x27;": the length of the reference, 0 if it is not one.
std::size_t entityLength(std::string_view text)
{
    std::size_t i = 1;
    const bool numeric = i < text.size() && text[i] == '#';
    if (numeric)
        ++i;
    const bool hex = numeric && i < text.size() && (text[i] == 'x' || text[i] == 'X');
    if (hex)
        ++i;
    const std::size_t start = i;
    while (i < text.size() && i - start < 32
           && (isAsciiDigit(text[i]) || (!numeric && isAsciiLetter(text[i]))
               || (hex && ((asciiLower(text[i]) >= 'a' && asciiLower(text[i]) <= 'f')))))
        ++i;
    return i > start && i < text.size() && text[i] == ';' ? i + 1 : 0;
}

}  // namespace

std::string RawTag::display() const
{
    if (name == "!--")
        return "<!-- -->";
    return std::string(closing ? "</" : "<") + name + ">";
}

RawTag readRawTag(std::string_view html)
{
    RawTag tag;
    if (html.size() < 2 || html[0] != '<')
        return tag;
    std::size_t i = 1;
    if (html.substr(0, 4) == "<!--") {
        tag.isTag = true;
        tag.name = "!--";
        tag.length = endAfter(html, 4, "-->");
        return tag;
    }
    if (html[1] == '?') {
        tag.isTag = true;
        tag.name = "?";
        tag.length = endAfter(html, 2, "?>");
        return tag;
    }
    if (html[1] == '!') {
        tag.isTag = true;
        tag.name = "!";
        for (i = 2; i < html.size() && isAsciiLetter(html[i]); ++i)
            tag.name.push_back(asciiLower(html[i]));
        tag.length = endAfter(html, 2, ">");
        return tag;
    }
    tag.closing = html[1] == '/';
    if (tag.closing)
        ++i;
    if (i >= html.size() || !isAsciiLetter(html[i]))
        return tag;
    for (; i < html.size() && (isAsciiLetter(html[i]) || isAsciiDigit(html[i]) || html[i] == '-'); ++i)
        tag.name.push_back(asciiLower(html[i]));
    tag.isTag = true;
    tag.length = elementTagEnd(html, i);
    return tag;
}

bool isLineBreakTag(const RawTag& tag)
{
    return tag.isTag && !tag.closing && tag.name == "br";
}

bool hidesContent(const RawTag& tag)
{
    return tag.isTag && (tag.name == "script" || tag.name == "style");
}

std::size_t findClosingTag(std::string_view html, std::string_view name)
{
    for (std::size_t at = html.find("</"); at != std::string_view::npos; at = html.find("</", at + 2)) {
        std::size_t k = 0;
        while (k < name.size() && at + 2 + k < html.size() && asciiLower(html[at + 2 + k]) == name[k])
            ++k;
        if (k == name.size())
            return at;
    }
    return html.size();
}

void appendRawHtmlText(std::string& out, std::string_view text)
{
    std::size_t run = 0;
    for (std::size_t i = 0; i < text.size(); ++i) {
        if (text[i] != '&')
            continue;
        appendEscapedHtml(out, text.substr(run, i - run));
        const std::size_t length = entityLength(text.substr(i));
        if (length > 0) {
            out.append(text.substr(i, length));
            i += length - 1;
        } else {
            out.append("&amp;");
        }
        run = i + 1;
    }
    appendEscapedHtml(out, text.substr(run));
}

}  // namespace scholia
