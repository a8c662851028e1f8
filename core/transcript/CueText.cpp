#include "transcript/CueText.h"

#include "common/Ascii.h"

#include <array>
#include <optional>
#include <utility>

namespace scholia {
namespace {

// Longest entity looked at after '&': longer runs cannot be one, and the bound keeps the scan linear.
constexpr std::size_t kMaxEntityLength = 32;

// The named references subtitles actually use; the full HTML table is 2000+ names for no gain.
constexpr std::array<std::pair<std::string_view, std::string_view>, 15> kNamedEntities = {{
    {"amp", "&"},
    {"lt", "<"},
    {"gt", ">"},
    {"quot", "\""},
    {"apos", "'"},
    {"nbsp", " "},  // plain text: a non-breaking space is read and searched as a space
    {"lrm", "\u200E"},
    {"rlm", "\u200F"},
    {"ndash", "\u2013"},
    {"mdash", "\u2014"},
    {"hellip", "\u2026"},
    {"lsquo", "\u2018"},
    {"rsquo", "\u2019"},
    {"ldquo", "\u201C"},
    {"rdquo", "\u201D"},
}};

bool isSpace(char c)
{
    return c == ' ' || c == '\t' || c == '\f' || c == '\v' || c == '\n' || c == '\r';
}

// "#39", "#x27": the code point, U+FFFD for one that cannot be text, nothing when not a number.
std::optional<char32_t> numericEntity(std::string_view name)
{
    if (name.size() < 2 || name[0] != '#')
        return std::nullopt;
    const bool hex = name[1] == 'x' || name[1] == 'X';
    const std::string_view digits = name.substr(hex ? 2 : 1);
    if (digits.empty())
        return std::nullopt;
    char32_t value = 0;
    for (char c : digits) {
        int digit = -1;
        if (isAsciiDigit(c))
            digit = c - '0';
        else if (hex && c >= 'a' && c <= 'f')
            digit = c - 'a' + 10;
        else if (hex && c >= 'A' && c <= 'F')
            digit = c - 'A' + 10;
        if (digit < 0)
            return std::nullopt;
        value = value * (hex ? 16 : 10) + static_cast<char32_t>(digit);
        if (value > 0x10FFFF)
            value = 0x110000;  // saturate: stays invalid, never overflows
    }
    const bool surrogate = value >= 0xD800 && value <= 0xDFFF;
    if (value == 0 || surrogate || value > 0x10FFFF)
        return 0xFFFD;
    return value;
}

// The decoded text of "&name;" (name without '&' and ';'), or nothing when unknown.
std::optional<std::string> decodeEntity(std::string_view name)
{
    for (const auto& [entity, decoded] : kNamedEntities)
        if (entity == name)
            return std::string(decoded);
    if (auto cp = numericEntity(name)) {
        std::string out;
        appendUtf8(out, *cp);
        return out;
    }
    return std::nullopt;
}

// The next position of `c` at or after a growing index, each byte scanned once over the whole
// line: this is what keeps "<<<<...>" or "{\{\{\..." linear.
class NextOf {
public:
    NextOf(std::string_view text, char c) : text_(text), c_(c) { }
    std::size_t from(std::size_t i)
    {
        if (!searched_ || (pos_ != std::string_view::npos && pos_ < i)) {
            pos_ = text_.find(c_, i);
            searched_ = true;
        }
        return pos_;
    }

private:
    std::string_view text_;
    char c_;
    std::size_t pos_ = std::string_view::npos;
    bool searched_ = false;
};

// Collects output text with whitespace runs collapsed to one space and no space at either end.
class PlainText {
public:
    void space() { pendingSpace_ = !text_.empty(); }
    void append(std::string_view piece)
    {
        for (char c : piece) {
            if (isSpace(c)) {
                space();
                continue;
            }
            if (pendingSpace_)
                text_ += ' ';
            pendingSpace_ = false;
            text_ += c;
        }
    }
    std::string take() { return std::move(text_); }

private:
    std::string text_;
    bool pendingSpace_ = false;
};

bool isLineBreakTag(std::string_view tag)
{
    if (tag.size() < 2 || asciiLower(tag[0]) != 'b' || asciiLower(tag[1]) != 'r')
        return false;
    return tag.size() == 2 || tag[2] == '/' || isSpace(tag[2]);
}

}  // namespace

CueLineText cleanCueLine(std::string_view raw)
{
    CueLineText result;
    PlainText out;
    NextOf nextClose(raw, '>');
    NextOf nextOpen(raw, '<');
    NextOf nextBraceClose(raw, '}');
    std::size_t i = 0;
    while (i < raw.size()) {
        const char c = raw[i];
        if (c == '<') {
            const std::size_t close = nextClose.from(i + 1);
            const std::size_t open = nextOpen.from(i + 1);
            const bool closed = close != std::string_view::npos && (open == std::string_view::npos || open > close);
            if (closed && close > i + 1) {
                const std::string_view tag = raw.substr(i + 1, close - i - 1);
                const char first = tag[0];
                if (isAsciiLetter(first) || first == '/' || isAsciiDigit(first)) {
                    // <00:00:01.520> or <01.520>: a word timing, not a tag to show.
                    if (isAsciiDigit(first) && tag.find(':') != std::string_view::npos)
                        result.timed = true;
                    if (isLineBreakTag(tag))
                        out.space();
                    i = close + 1;
                    continue;
                }
            }
        } else if (c == '{' && i + 1 < raw.size() && raw[i + 1] == '\\') {
            // An ASS override such as {\an8} that SRT files carry from their origin.
            const std::size_t close = nextBraceClose.from(i + 2);
            if (close != std::string_view::npos) {
                i = close + 1;
                continue;
            }
        } else if (c == '&') {
            std::size_t end = i + 1;
            while (end < raw.size() && end - i <= kMaxEntityLength
                   && (isAsciiLetter(raw[end]) || isAsciiDigit(raw[end]) || raw[end] == '#'))
                ++end;
            if (end < raw.size() && raw[end] == ';' && end > i + 1) {
                if (auto decoded = decodeEntity(raw.substr(i + 1, end - i - 1))) {
                    out.append(*decoded);
                    i = end + 1;
                    continue;
                }
            }
        } else if (c == '\xC2' && i + 1 < raw.size() && raw[i + 1] == '\xA0') {
            out.space();  // a raw U+00A0, like &nbsp;
            i += 2;
            continue;
        }
        out.append(std::string_view(&raw[i], 1));
        ++i;
    }
    result.text = out.take();
    return result;
}

}  // namespace scholia
