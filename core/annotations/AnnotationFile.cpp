#include "annotations/AnnotationFile.h"

#include <array>
#include <cstdio>

namespace scholia {

namespace {

constexpr std::string_view kAnchorStart = "<a class=\"yt-timestamp\" data-t=\"";
constexpr std::string_view kBreak = "<br>";

bool isDigit(char c)
{
    return c >= '0' && c <= '9';
}

// The line without its line ending.
std::string_view content(std::string_view line)
{
    while (!line.empty() && (line.back() == '\n' || line.back() == '\r'))
        line.remove_suffix(1);
    return line;
}

std::string_view lineEnding(std::string_view line)
{
    return line.substr(content(line).size());
}

struct ParsedLine {
    std::int64_t ms = 0;
    std::string_view prefix;  // everything up to the text: bullet and anchor
    std::string_view text;    // the folded text after "</a> "
};

std::optional<ParsedLine> parseLine(std::string_view line)
{
    const std::string_view whole = content(line);
    std::string_view rest = whole;
    if (rest.size() < 2 || (rest[0] != '-' && rest[0] != '*') || rest[1] != ' ')
        return std::nullopt;
    rest.remove_prefix(2);
    if (rest.substr(0, kAnchorStart.size()) != kAnchorStart)
        return std::nullopt;
    rest.remove_prefix(kAnchorStart.size());
    const std::size_t quote = rest.find('"');
    if (quote == std::string_view::npos)
        return std::nullopt;
    const auto ms = parseDataT(rest.substr(0, quote));
    if (!ms)
        return std::nullopt;
    const std::size_t close = rest.find("</a>", quote);
    if (close == std::string_view::npos)
        return std::nullopt;
    rest.remove_prefix(close + 4);
    if (!rest.empty() && rest.front() == ' ')
        rest.remove_prefix(1);
    ParsedLine parsed;
    parsed.ms = *ms;
    parsed.prefix = whole.substr(0, whole.size() - rest.size());
    parsed.text = rest;
    return parsed;
}

}  // namespace

std::string formatDataT(std::int64_t ms)
{
    if (ms < 0)
        ms = 0;
    const std::int64_t seconds = ms / 1000;
    const int millis = static_cast<int>(ms % 1000);
    std::array<char, 48> buffer{};
    if (millis == 0)
        std::snprintf(buffer.data(), buffer.size(), "%02lld:%02lld:%02lld", static_cast<long long>(seconds / 3600),
                      static_cast<long long>(seconds / 60 % 60), static_cast<long long>(seconds % 60));
    else
        std::snprintf(buffer.data(), buffer.size(), "%02lld:%02lld:%02lld.%03d", static_cast<long long>(seconds / 3600),
                      static_cast<long long>(seconds / 60 % 60), static_cast<long long>(seconds % 60), millis);
    return buffer.data();
}

std::optional<std::int64_t> parseDataT(std::string_view text)
{
    // Exactly HH:MM:SS with an optional .mmm (1 to 3 digits); hours may have more digits.
    std::array<std::int64_t, 3> fields{};
    std::size_t i = 0;
    for (std::size_t field = 0; field < 3; ++field) {
        const std::size_t start = i;
        while (i < text.size() && isDigit(text[i]) && i - start < 9)
            fields[field] = fields[field] * 10 + (text[i++] - '0');
        const std::size_t digits = i - start;
        if (digits == 0 || (field > 0 && digits != 2))
            return std::nullopt;
        if (field < 2) {
            if (i >= text.size() || text[i] != ':')
                return std::nullopt;
            ++i;
        }
    }
    if (fields[1] > 59 || fields[2] > 59)
        return std::nullopt;
    std::int64_t millis = 0;
    if (i < text.size() && text[i] == '.') {
        ++i;
        const std::size_t start = i;
        while (i < text.size() && isDigit(text[i]) && i - start < 3)
            millis = millis * 10 + (text[i++] - '0');
        if (i == start)
            return std::nullopt;
        for (std::size_t d = i - start; d < 3; ++d)
            millis *= 10;
    }
    if (i != text.size())
        return std::nullopt;
    return ((fields[0] * 60 + fields[1]) * 60 + fields[2]) * 1000 + millis;
}

std::string foldToOneLine(std::string_view text)
{
    std::string out;
    out.reserve(text.size());
    for (std::size_t i = 0; i < text.size(); ++i) {
        if (text[i] == '\r') {
            if (i + 1 < text.size() && text[i + 1] == '\n')
                ++i;
            out += kBreak;
        } else if (text[i] == '\n') {
            out += kBreak;
        } else {
            out += text[i];
        }
    }
    return out;
}

std::string unfoldLine(std::string_view line)
{
    std::string out;
    out.reserve(line.size());
    std::size_t i = 0;
    while (i < line.size()) {
        if (line.substr(i, kBreak.size()) == kBreak) {
            out += '\n';
            i += kBreak.size();
        } else {
            out += line[i++];
        }
    }
    return out;
}

std::string annotationLine(std::int64_t ms, std::string_view text)
{
    const std::string stamp = formatDataT(ms);
    std::string line = "- ";
    line += kAnchorStart;
    line += stamp;
    line += "\">[";
    line += stamp;
    line += "]</a>";
    const std::string folded = foldToOneLine(text);
    if (!folded.empty()) {
        line += ' ';
        line += folded;
    }
    return line;
}

std::string newAnnotationsFile(std::string_view noteTitle, std::string_view videoId)
{
    // A double-quoted YAML scalar: only '\' and '"' need escaping; line breaks become spaces.
    std::string title = "My notes on ";
    title.append(noteTitle);
    std::string quoted = "\"";
    for (const char c : title) {
        if (c == '\\' || c == '"')
            quoted += '\\';
        quoted += (c == '\n' || c == '\r') ? ' ' : c;
    }
    quoted += '"';
    std::string out = "---\ntitle: " + quoted + "\n";
    if (!videoId.empty() && videoId.find_first_of(":#\"'\n\r ") == std::string_view::npos) {
        out += "videoId: ";
        out.append(videoId);
        out += "\n";
    }
    out += "---\n\n";
    return out;
}

std::vector<Annotation> readAnnotations(std::string_view fileText)
{
    std::vector<Annotation> out;
    const std::vector<std::string> lines = splitLines(fileText);
    for (std::size_t i = 0; i < lines.size(); ++i) {
        if (const auto parsed = parseLine(lines[i]))
            out.push_back({parsed->ms, unfoldLine(parsed->text), static_cast<int>(i)});
    }
    return out;
}

std::string appendAnnotation(std::string_view fileText, std::int64_t ms, std::string_view text, std::string_view header)
{
    std::string out(fileText.empty() ? header : fileText);
    if (!out.empty() && out.back() != '\n')
        out += fileText.find("\r\n") != std::string_view::npos ? "\r\n" : "\n";
    out += annotationLine(ms, text);
    out += '\n';
    return out;
}

std::optional<std::string> editAnnotation(std::string_view fileText, int line, std::string_view newText)
{
    std::vector<std::string> lines = splitLines(fileText);
    if (line < 0 || static_cast<std::size_t>(line) >= lines.size())
        return std::nullopt;
    std::string& target = lines[static_cast<std::size_t>(line)];
    const auto parsed = parseLine(target);
    if (!parsed)
        return std::nullopt;
    // The bullet and anchor stay exactly as they were written; only the text changes.
    std::string replaced(parsed->prefix);
    while (!replaced.empty() && replaced.back() == ' ')
        replaced.pop_back();
    const std::string folded = foldToOneLine(newText);
    if (!folded.empty())
        replaced += ' ' + folded;
    replaced.append(lineEnding(target));
    target = std::move(replaced);
    return joinLines(lines);
}

std::optional<std::string> deleteAnnotation(std::string_view fileText, int line)
{
    std::vector<std::string> lines = splitLines(fileText);
    if (line < 0 || static_cast<std::size_t>(line) >= lines.size() || !parseLine(lines[static_cast<std::size_t>(line)]))
        return std::nullopt;
    lines.erase(lines.begin() + line);
    return joinLines(lines);
}

std::vector<std::string> splitLines(std::string_view text)
{
    std::vector<std::string> lines;
    std::size_t start = 0;
    while (start < text.size()) {
        std::size_t end = text.find('\n', start);
        end = end == std::string_view::npos ? text.size() : end + 1;
        lines.emplace_back(text.substr(start, end - start));
        start = end;
    }
    return lines;
}

std::string joinLines(const std::vector<std::string>& lines)
{
    std::string out;
    for (const std::string& line : lines)
        out += line;
    return out;
}

}  // namespace scholia
