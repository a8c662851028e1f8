#include "note/CitationAnchor.h"

#include <string>

namespace scholia {

namespace {

bool isSpace(char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f';
}

char lower(char c)
{
    return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
}

bool equalsIgnoringCase(std::string_view a, std::string_view b)
{
    if (a.size() != b.size())
        return false;
    if (a == b)
        return true;  // as nearly every note writes it
    for (std::size_t i = 0; i < a.size(); ++i)
        if (lower(a[i]) != lower(b[i]))
            return false;
    return true;
}

std::string_view trim(std::string_view s)
{
    while (!s.empty() && isSpace(s.front()))
        s.remove_prefix(1);
    while (!s.empty() && isSpace(s.back()))
        s.remove_suffix(1);
    return s;
}

bool hasClass(std::string_view classes, std::string_view wanted)
{
    std::size_t i = 0;
    while (i < classes.size()) {
        while (i < classes.size() && isSpace(classes[i]))
            ++i;
        const std::size_t start = i;
        while (i < classes.size() && !isSpace(classes[i]))
            ++i;
        if (i > start && equalsIgnoringCase(classes.substr(start, i - start), wanted))
            return true;
    }
    return false;
}

// The label without its brackets: "[00:01:27]" -> "00:01:27".
std::string_view unbracket(std::string_view label)
{
    label = trim(label);
    if (!label.empty() && label.front() == '[')
        label.remove_prefix(1);
    if (!label.empty() && label.back() == ']')
        label.remove_suffix(1);
    return trim(label);
}

// Anything but digits, separators and spaces: "00:01:27]" has a stray ']'.
bool hasJunk(std::string_view value)
{
    for (const char c : value)
        if (!((c >= '0' && c <= '9') || c == ':' || c == '.' || c == ',' || isSpace(c)))
            return true;
    return false;
}

bool sameTime(const TimestampText& a, const TimestampText& b)
{
    return a.fields == b.fields && a.millis == b.millis;
}

std::string quoted(std::string_view s)
{
    return "\"" + std::string(s) + "\"";
}

}  // namespace

AnchorAttributes readAnchorAttributes(std::string_view inside)
{
    AnchorAttributes out;
    // The form nearly every citation has, read as the general loop below would read it.
    constexpr std::string_view kUsual = " class=\"yt-timestamp\" data-t=\"";
    if (inside.size() > kUsual.size() && inside.starts_with(kUsual) && inside.back() == '"') {
        const std::string_view value = inside.substr(kUsual.size(), inside.size() - kUsual.size() - 1);
        if (value.find('"') == std::string_view::npos) {
            out.isCitation = true;
            out.dataT = value;
            return out;
        }
    }
    std::size_t i = 0;
    const std::size_t n = inside.size();
    while (i < n) {
        while (i < n && (isSpace(inside[i]) || inside[i] == '/'))
            ++i;
        const std::size_t nameStart = i;
        while (i < n && !isSpace(inside[i]) && inside[i] != '=' && inside[i] != '/')
            ++i;
        const std::string_view name = inside.substr(nameStart, i - nameStart);
        while (i < n && isSpace(inside[i]))
            ++i;
        std::string_view value;
        bool hasValue = false;
        if (i < n && inside[i] == '=') {
            ++i;
            while (i < n && isSpace(inside[i]))
                ++i;
            hasValue = true;
            if (i < n && (inside[i] == '"' || inside[i] == '\'')) {
                const char quote = inside[i++];
                const std::size_t end = std::min(inside.find(quote, i), n);
                value = inside.substr(i, end - i);
                i = end < n ? end + 1 : n;
            } else {
                const std::size_t start = i;
                while (i < n && !isSpace(inside[i]))
                    ++i;
                value = inside.substr(start, i - start);
            }
        }
        if (name.empty()) {
            if (i < n && !hasValue)
                ++i;  // a stray character: step over it
            continue;
        }
        if (equalsIgnoringCase(name, "class"))
            out.isCitation = out.isCitation || hasClass(value, "yt-timestamp");
        else if (hasValue && equalsIgnoringCase(name, "data-t"))
            out.dataT = value;
        else if (hasValue && equalsIgnoringCase(name, "data"))
            out.data = value;
    }
    return out;
}

Resolution literalResolution(const std::optional<TimestampText>& text)
{
    Resolution resolution;
    if (!text)
        return resolution;
    std::int64_t seconds = 0;
    for (const std::int64_t field : text->fields)
        seconds = seconds * 60 + field;
    resolution.ms = seconds * 1000 + text->millis;
    return resolution;
}

Citation makeCitation(const AnchorAttributes& attributes, std::string_view label, int line, int column,
                      std::vector<Diagnostic>& diagnostics)
{
    const auto warn = [&](Severity severity, std::string message) {
        diagnostics.push_back({line, column, severity, std::move(message)});
    };

    Citation citation;
    citation.line = line;
    citation.column = column;
    citation.label = std::string(unbracket(label));

    std::optional<std::string_view> value = attributes.dataT;
    if (!value && attributes.data) {
        value = attributes.data;
        warn(Severity::Warning, "citation uses data= instead of data-t=");
    }
    const std::string_view written = value ? trim(*value) : std::string_view();
    std::optional<TimestampText> valueText = value ? parseTimestampText(written) : std::nullopt;
    // The label nearly always repeats the value: read it only when it says something else.
    std::optional<TimestampText> labelText;
    if (!citation.label.empty() && !(valueText && citation.label == written))
        labelText = parseTimestampText(citation.label);

    if (valueText) {
        citation.written = std::string(written);
        citation.text = std::move(valueText);
        if (hasJunk(written))
            warn(Severity::Warning, "stray characters in citation time " + quoted(written) + "; read as "
                                        + formatClock(literalResolution(citation.text).ms.value_or(0)));
        if (!citation.label.empty() && citation.label != written
            && !(labelText && sameTime(*labelText, *citation.text)))
            warn(Severity::Warning, "citation label " + quoted(citation.label) + " differs from data-t "
                                        + quoted(written) + "; data-t is used");
    } else if (labelText) {
        citation.written = citation.label;
        citation.text = std::move(labelText);
        warn(Severity::Warning, value ? "citation data-t " + quoted(written) + " is not a time; the label "
                                            + quoted(citation.label) + " is used"
                                      : "citation has no data-t; the label " + quoted(citation.label) + " is used");
    } else {
        citation.written = value ? std::string(written) : citation.label;
        warn(Severity::Error, "citation has no readable time (data-t " + (value ? quoted(written) : "missing")
                                  + ", label " + quoted(citation.label) + ")");
    }
    citation.resolution = literalResolution(citation.text);
    return citation;
}

}  // namespace scholia
