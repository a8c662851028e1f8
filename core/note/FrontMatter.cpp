#include "note/FrontMatter.h"

#include <yaml-cpp/yaml.h>

#include <charconv>
#include <cstdint>
#include <exception>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace scholia {

namespace {

constexpr std::string_view kBom = "\xEF\xBB\xBF";

// One line of the text without its terminator, and where the next line starts.
struct Line {
    std::string_view text;
    std::size_t next = 0;
};

Line lineAt(std::string_view text, std::size_t start)
{
    const std::size_t newline = text.find('\n', start);
    const std::size_t end = newline == std::string_view::npos ? text.size() : newline;
    Line line{text.substr(start, end - start), newline == std::string_view::npos ? text.size() : newline + 1};
    if (!line.text.empty() && line.text.back() == '\r')
        line.text.remove_suffix(1);
    return line;
}

// A fence line: the marker followed only by spaces or tabs.
bool isFence(std::string_view line, std::string_view marker)
{
    if (line.substr(0, marker.size()) != marker)
        return false;
    return line.find_first_not_of(" \t", marker.size()) == std::string_view::npos;
}

std::string emitFlow(const YAML::Node& node)
{
    YAML::Emitter emitter;
    emitter.SetSeqFormat(YAML::Flow);
    emitter.SetMapFormat(YAML::Flow);
    emitter << node;
    return emitter.c_str();
}

// Scalars as written, collections as one line of YAML flow text.
std::string valueText(const YAML::Node& node)
{
    switch (node.Type()) {
    case YAML::NodeType::Scalar: return node.Scalar();
    case YAML::NodeType::Sequence:
    case YAML::NodeType::Map: return emitFlow(node);
    default: return {};
    }
}

std::optional<std::int64_t> parseNumber(std::string_view text)
{
    std::int64_t value = 0;
    const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (error != std::errc() || end != text.data() + text.size() || value < 0 || value > 1'000'000'000)
        return std::nullopt;
    return value;
}

// "802", "802.5" (seconds), "13:40" or "1:02:03".
std::optional<std::int64_t> parseDurationMs(std::string_view text)
{
    while (!text.empty() && (text.front() == ' ' || text.front() == '\t'))
        text.remove_prefix(1);
    while (!text.empty() && (text.back() == ' ' || text.back() == '\t'))
        text.remove_suffix(1);
    if (text.find(':') == std::string_view::npos) {
        const std::size_t point = text.find('.');
        const std::optional<std::int64_t> seconds = parseNumber(text.substr(0, point));
        if (!seconds)
            return std::nullopt;
        std::int64_t millis = 0;
        if (point != std::string_view::npos) {
            const std::string_view fraction = text.substr(point + 1);
            if (fraction.empty() || !parseNumber(fraction))
                return std::nullopt;
            for (std::size_t i = 0; i < 3; ++i)
                millis = millis * 10 + (i < fraction.size() ? fraction[i] - '0' : 0);
        }
        return *seconds * 1000 + millis;
    }
    std::int64_t total = 0;
    int fields = 0;
    std::size_t start = 0;
    while (start <= text.size()) {
        const std::size_t colon = std::min(text.find(':', start), text.size());
        const std::optional<std::int64_t> field = parseNumber(text.substr(start, colon - start));
        // Every field after the first is a two-digit sexagesimal one.
        if (!field || ++fields > 3 || (fields > 1 && (*field >= 60 || colon - start != 2)))
            return std::nullopt;
        total = total * 60 + *field;
        start = colon + 1;
    }
    return total * 1000;
}

int fileLine(const FrontMatterSplit& split, const YAML::Mark& mark)
{
    // The YAML starts on the line after the opening fence; marks are 0-based.
    return mark.is_null() ? split.firstLine : split.firstLine + 1 + mark.line;
}

int fileColumn(const YAML::Mark& mark)
{
    return mark.is_null() ? 0 : mark.column + 1;
}

// Fills one of the known string fields, or says why it cannot.
void readStringField(const FrontMatterSplit& split, const std::string& key, const YAML::Node& value, std::string& field,
                     std::vector<Diagnostic>& diagnostics)
{
    if (value.IsScalar()) {
        field = value.Scalar();
        return;
    }
    if (value.IsNull())
        return;
    diagnostics.push_back({fileLine(split, value.Mark()), fileColumn(value.Mark()), Severity::Warning,
                           "front matter `" + key + "` is not a string; ignored"});
}

void readEntries(const FrontMatterSplit& split, const YAML::Node& root, FrontMatter& out,
                 std::vector<Diagnostic>& diagnostics)
{
    for (const auto& item : root) {
        const YAML::Node& keyNode = item.first;
        const YAML::Node& value = item.second;
        std::string key = valueText(keyNode);
        const int line = fileLine(split, keyNode.Mark());
        if (out.find(key))
            diagnostics.push_back({line, fileColumn(keyNode.Mark()), Severity::Warning,
                                   "front matter key `" + key + "` appears more than once; the last one is used"});
        out.entries.emplace_back(key, valueText(value));

        if (key == "title") {
            readStringField(split, key, value, out.title, diagnostics);
        } else if (key == "videoId") {
            readStringField(split, key, value, out.videoId, diagnostics);
        } else if (key == "video") {
            readStringField(split, key, value, out.video, diagnostics);
        } else if (key == "duration") {
            out.durationMs = value.IsScalar() ? parseDurationMs(value.Scalar()) : std::nullopt;
            if (!out.durationMs)
                diagnostics.push_back({fileLine(split, value.Mark()), fileColumn(value.Mark()), Severity::Warning,
                                       "front matter `duration` is not seconds, M:SS or H:MM:SS; ignored"});
        }
    }
}

// ---- fast path ------------------------------------------------------------------------
// Nearly every note's front matter is a few `key: value` lines with plain or simply quoted
// scalars. Loading those with yaml-cpp costs more than cmark spends on a whole note, so
// they are read here; anything else (nesting, flow collections, escapes, comments, tags,
// null values, a problem to report) goes to yaml-cpp, which stays the reference.

bool isKeyStart(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
}
bool isKeyByte(char c)
{
    return isKeyStart(c) || c == '-' || c == '.';
}

// YAML's null spellings: yaml-cpp makes such a plain scalar a null node.
bool isNullWord(std::string_view s)
{
    return s == "~" || s == "null" || s == "Null" || s == "NULL";
}

// Printable ASCII, or well-formed UTF-8 outside C1 controls and YAML's special code points.
bool isSafeText(std::string_view s)
{
    for (std::size_t i = 0; i < s.size();) {
        const auto c = static_cast<unsigned char>(s[i]);
        if (c < 0x80) {
            if (c < 0x20 || c == 0x7F)
                return false;
            ++i;
            continue;
        }
        const auto at = [&](std::size_t k) { return i + k < s.size() ? static_cast<unsigned char>(s[i + k]) : 0u; };
        const auto tail = [&](std::size_t k) { return (at(k) & 0xC0) == 0x80; };
        std::size_t length = 0;
        char32_t cp = 0;
        if (c >= 0xC2 && c <= 0xDF && tail(1)) {
            length = 2;
            cp = (c & 0x1Fu) << 6 | (at(1) & 0x3Fu);
        } else if (c >= 0xE0 && c <= 0xEF && tail(1) && tail(2)) {
            length = 3;
            cp = (c & 0x0Fu) << 12 | (at(1) & 0x3Fu) << 6 | (at(2) & 0x3Fu);
            if (cp < 0x800 || (cp >= 0xD800 && cp <= 0xDFFF))
                return false;
        } else if (c >= 0xF0 && c <= 0xF4 && tail(1) && tail(2) && tail(3)) {
            length = 4;
            cp = (c & 0x07u) << 18 | (at(1) & 0x3Fu) << 12 | (at(2) & 0x3Fu) << 6 | (at(3) & 0x3Fu);
            if (cp < 0x10000 || cp > 0x10FFFF)
                return false;
        } else {
            return false;
        }
        if (cp <= 0x9F || cp == 0x2028 || cp == 0x2029 || cp == 0xFEFF || cp == 0xFFFE || cp == 0xFFFF)
            return false;
        i += length;
    }
    return true;
}

// A one-line scalar as yaml-cpp would read it, or nullopt when it might read it otherwise.
std::optional<std::string_view> simpleScalar(std::string_view value)
{
    while (!value.empty() && value.back() == ' ')
        value.remove_suffix(1);
    if (value.empty() || !isSafeText(value))
        return std::nullopt;
    const char first = value.front();
    if (first == '"' || first == '\'') {
        if (value.size() < 2 || value.back() != first)
            return std::nullopt;
        const std::string_view inner = value.substr(1, value.size() - 2);
        if (inner.find(first) != std::string_view::npos || (first == '"' && inner.find('\\') != std::string_view::npos)
            || isNullWord(inner))
            return std::nullopt;
        return inner;
    }
    constexpr std::string_view kIndicators = "-?:,[]{}#&*!|>%@`";
    if (kIndicators.find(first) != std::string_view::npos || isNullWord(value))
        return std::nullopt;
    if (value.back() == ':' || value.find(": ") != std::string_view::npos || value.find(" #") != std::string_view::npos
        || value.find_first_of("[]{}") != std::string_view::npos)
        return std::nullopt;
    return value;
}

// Fills `out` from a flat mapping of simple scalars; false (and `out` untouched) otherwise,
// including when anything would need a diagnostic.
bool readFlatMapping(std::string_view yaml, FrontMatter& out)
{
    std::vector<std::pair<std::string_view, std::string_view>> entries;
    std::size_t start = 0;
    while (start < yaml.size()) {
        std::size_t end = yaml.find('\n', start);
        const std::size_t next = end == std::string_view::npos ? yaml.size() : end + 1;
        if (end == std::string_view::npos)
            end = yaml.size();
        std::string_view line = yaml.substr(start, end - start);
        start = next;
        if (!line.empty() && line.back() == '\r')
            line.remove_suffix(1);
        if (line.empty() || !isKeyStart(line.front()))
            return false;  // blank lines, comments, indentation, sequences: yaml-cpp decides
        std::size_t colon = 1;
        while (colon < line.size() && isKeyByte(line[colon]))
            ++colon;
        if (colon >= line.size() || line[colon] != ':' || colon > 128 || colon + 1 >= line.size()
            || line[colon + 1] != ' ')
            return false;
        const std::string_view key = line.substr(0, colon);
        std::size_t valueStart = colon + 1;
        while (valueStart < line.size() && line[valueStart] == ' ')
            ++valueStart;
        const std::optional<std::string_view> value = simpleScalar(line.substr(valueStart));
        if (!value || isNullWord(key))
            return false;
        for (const auto& entry : entries)
            if (entry.first == key)
                return false;  // reported by the yaml-cpp path
        entries.emplace_back(key, *value);
    }
    if (entries.empty())
        return false;
    std::optional<std::int64_t> durationMs;
    for (const auto& [key, value] : entries)
        if (key == "duration" && !(durationMs = parseDurationMs(value)))
            return false;
    out.entries.reserve(entries.size());
    for (const auto& [key, value] : entries) {
        out.entries.emplace_back(std::string(key), std::string(value));
        if (key == "title")
            out.title = std::string(value);
        else if (key == "videoId")
            out.videoId = std::string(value);
        else if (key == "video")
            out.video = std::string(value);
    }
    out.durationMs = durationMs;
    return true;
}

}  // namespace

FrontMatterSplit splitFrontMatter(std::string_view text)
{
    FrontMatterSplit split;
    const std::size_t start = text.substr(0, kBom.size()) == kBom ? kBom.size() : 0;
    split.bodyOffset = start;
    const Line opening = lineAt(text, start);
    if (!isFence(opening.text, "---"))
        return split;

    split.firstLine = 1;
    int lineNumber = 1;
    for (std::size_t pos = opening.next; pos < text.size();) {
        const Line line = lineAt(text, pos);
        ++lineNumber;
        if (isFence(line.text, "---") || isFence(line.text, "...")) {
            split.yaml = text.substr(opening.next, pos - opening.next);
            split.bodyOffset = line.next;
            split.lastLine = lineNumber;
            return split;
        }
        pos = line.next;
    }
    split.unterminated = true;
    return split;
}

FrontMatter parseFrontMatter(const FrontMatterSplit& split, std::vector<Diagnostic>& diagnostics)
{
    if (split.firstLine > 0 && !split.unterminated) {
        FrontMatter out;
        out.firstLine = split.firstLine;
        out.lastLine = split.lastLine;
        if (readFlatMapping(split.yaml, out))
            return out;
    }
    return parseFrontMatterWithYamlCpp(split, diagnostics);
}

FrontMatter parseFrontMatterWithYamlCpp(const FrontMatterSplit& split, std::vector<Diagnostic>& diagnostics)
{
    FrontMatter out;
    if (split.unterminated) {
        diagnostics.push_back(
            {split.firstLine, 0, Severity::Warning, "front matter has no closing `---`; read as Markdown"});
        return out;
    }
    if (split.firstLine == 0)
        return out;
    out.firstLine = split.firstLine;
    out.lastLine = split.lastLine;

    // yaml-cpp reports every problem by throwing: nothing may escape this function.
    try {
        const YAML::Node root = YAML::Load(std::string(split.yaml));
        if (root.IsNull())
            return out;  // empty, or only comments
        if (!root.IsMap()) {
            diagnostics.push_back(
                {split.firstLine, 0, Severity::Warning, "front matter is not a mapping of keys to values; ignored"});
            return out;
        }
        readEntries(split, root, out, diagnostics);
    } catch (const YAML::Exception& error) {
        diagnostics.push_back({fileLine(split, error.mark), fileColumn(error.mark), Severity::Error,
                               "invalid front matter: " + error.msg});
    } catch (const std::exception& error) {
        diagnostics.push_back(
            {split.firstLine, 0, Severity::Error, std::string("invalid front matter: ") + error.what()});
    }
    return out;
}

}  // namespace scholia
