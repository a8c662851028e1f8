#include "note/FrontMatter.h"

#include <yaml-cpp/yaml.h>

#include <charconv>
#include <cstdint>
#include <exception>
#include <string>

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

int fileColumn(const YAML::Mark& mark) { return mark.is_null() ? 0 : mark.column + 1; }

// Fills one of the known string fields, or says why it cannot.
void readStringField(const FrontMatterSplit& split, const std::string& key, const YAML::Node& value,
                     std::string& field, std::vector<Diagnostic>& diagnostics)
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
    FrontMatter out;
    if (split.unterminated) {
        diagnostics.push_back({split.firstLine, 0, Severity::Warning,
                               "front matter has no closing `---`; read as Markdown"});
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
            diagnostics.push_back({split.firstLine, 0, Severity::Warning,
                                   "front matter is not a mapping of keys to values; ignored"});
            return out;
        }
        readEntries(split, root, out, diagnostics);
    } catch (const YAML::Exception& error) {
        diagnostics.push_back({fileLine(split, error.mark), fileColumn(error.mark), Severity::Error,
                               "invalid front matter: " + error.msg});
    } catch (const std::exception& error) {
        diagnostics.push_back({split.firstLine, 0, Severity::Error,
                               std::string("invalid front matter: ") + error.what()});
    }
    return out;
}

}  // namespace scholia
