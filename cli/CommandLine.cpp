#include "CommandLine.h"

#include <charconv>
#include <limits>
#include <map>

namespace scholia::cli {

namespace {

const std::map<std::string_view, Command>& commandNames()
{
    static const std::map<std::string_view, Command> names{
        {"claims", Command::Claims}, {"check", Command::Check}, {"html", Command::Html}, {"export", Command::Export}};
    return names;
}

// "chapters|vtt|csv|json|markdown"
std::string formatNames()
{
    std::string names;
    for (ExportFormat format : exportFormats())
        names.append(names.empty() ? "" : "|").append(exportFormatName(format));
    return names;
}

// The value of "--name VALUE" or "--name=VALUE" at args[i] (advancing i past VALUE), or nothing
// when args[i] is not that option; `missing` is set when the value is absent.
std::optional<std::string> optionValue(const std::vector<std::string>& args, std::size_t& i, std::string_view name,
                                       bool& missing)
{
    const std::string& arg = args[i];
    if (arg == name) {
        if (i + 1 == args.size()) {
            missing = true;
            return std::string();
        }
        return args[++i];
    }
    if (arg.size() > name.size() && arg.starts_with(name) && arg[name.size()] == '=')
        return arg.substr(name.size() + 1);
    return std::nullopt;
}

ParsedCommandLine failure(std::string error)
{
    return {std::nullopt, std::move(error)};
}

// Checks what the command needs once every argument is read.
ParsedCommandLine validated(Options options, bool sawCommand)
{
    if (!sawCommand)
        return failure("no command given");
    const bool singleNote
        = options.command == Command::Claims || options.command == Command::Html || options.command == Command::Export;
    if (options.json && options.command != Command::Claims)
        return failure("--json is only for the claims command");
    if (options.command != Command::Export
        && (options.format || !options.output.empty() || options.chapterLevel != 0)) {
        const char* option = options.format ? "--format" : !options.output.empty() ? "--output" : "--chapter-level";
        return failure(std::string(option) + " is only for the export command");
    }
    if (options.command == Command::Export && !options.format)
        return failure("export needs --format " + formatNames());
    if (options.paths.empty())
        return failure(singleNote ? "missing NOTE" : "missing PATH");
    if (singleNote && options.paths.size() > 1)
        return failure("expected one NOTE, got " + std::to_string(options.paths.size()));
    return {std::move(options), {}};
}

}  // namespace

std::optional<std::int64_t> parseSeconds(std::string_view text)
{
    const std::size_t dot = text.find('.');
    const std::string_view whole = text.substr(0, dot);
    const std::string_view fraction = dot == std::string_view::npos ? std::string_view{} : text.substr(dot + 1);
    if (whole.empty() && fraction.empty())
        return std::nullopt;
    for (std::string_view part : {whole, fraction}) {
        for (char c : part) {
            if (c < '0' || c > '9')
                return std::nullopt;
        }
    }
    std::int64_t seconds = 0;
    if (!whole.empty()) {
        const auto [end, ec] = std::from_chars(whole.data(), whole.data() + whole.size(), seconds);
        // A year of video is more than anyone means; beyond that, refuse rather than overflow.
        if (ec != std::errc{} || end != whole.data() + whole.size() || seconds > 366LL * 24 * 3600)
            return std::nullopt;
    }
    std::int64_t millis = 0;
    std::int64_t scale = 100;
    for (std::size_t i = 0; i < fraction.size() && i < 3; ++i, scale /= 10)
        millis += (fraction[i] - '0') * scale;
    return seconds * 1000 + millis;
}

ParsedCommandLine parseCommandLine(const std::vector<std::string>& args)
{
    Options options;
    bool sawCommand = false;
    bool optionsEnded = false;
    for (std::size_t i = 0; i < args.size(); ++i) {
        const std::string& arg = args[i];
        const bool isOption = !optionsEnded && arg.size() > 1 && arg[0] == '-';
        if (!isOption) {
            if (sawCommand) {
                options.paths.push_back(arg);
                continue;
            }
            const auto command = commandNames().find(arg);
            if (command == commandNames().end())
                return failure("unknown command '" + arg + "'");
            options.command = command->second;
            sawCommand = true;
        } else if (arg == "--") {
            optionsEnded = true;
        } else if (arg == "--help" || arg == "-h") {
            Options help;
            help.command = Command::Help;
            return {std::move(help), {}};
        } else if (arg == "--version") {
            Options version;
            version.command = Command::Version;
            return {std::move(version), {}};
        } else if (arg == "--json") {
            options.json = true;
        } else if (arg == "--duration" || arg.starts_with("--duration=")) {
            std::string value;
            if (arg == "--duration") {
                if (i + 1 == args.size())
                    return failure("--duration needs a value in seconds");
                value = args[++i];
            } else {
                value = arg.substr(std::string_view("--duration=").size());
            }
            options.durationMs = parseSeconds(value);
            if (!options.durationMs)
                return failure("--duration expects seconds (e.g. 820 or 820.5), not '" + value + "'");
        } else if (bool missing = false; auto format = optionValue(args, i, "--format", missing)) {
            if (missing)
                return failure("--format needs a value: " + formatNames());
            options.format = exportFormatFromName(*format);
            if (!options.format)
                return failure("unknown export format '" + *format + "' (expected " + formatNames() + ")");
        } else if (auto output = optionValue(args, i, "--output", missing)) {
            if (missing || output->empty())
                return failure("--output needs a file name");
            options.output = *output;
        } else if (auto level = optionValue(args, i, "--chapter-level", missing)) {
            if (missing || level->size() != 1 || (*level)[0] < '1' || (*level)[0] > '6')
                return failure("--chapter-level expects a heading level from 1 to 6");
            options.chapterLevel = (*level)[0] - '0';
        } else {
            return failure("unknown option '" + arg + "'");
        }
    }
    return validated(std::move(options), sawCommand);
}

std::string usageText()
{
    return R"(usage: scholia-cli COMMAND [OPTIONS] PATH...

Commands:
  claims NOTE [--json]   every citation: resolved time, milliseconds, text as written,
                         line, and the claim it supports (cut short unless --json).
                         A '~' marks a time read differently from how it is written,
                         a '!' a time past the end of the video.
  check PATH...          lint notes and folders of notes (*.md, recursively), printing
                         file:line:col: severity: message and a summary.
                         Exits 1 when any note has an error.
  html NOTE              the HTML the viewer shows, on standard output.
  export NOTE --format chapters|vtt|csv|json|markdown [--output FILE]
                         chapters: YouTube description chapters ("0:00 Intro"), one
                                   per section; exits 1 when the note cannot give
                                   YouTube's minimum of 3 chapters of 10 s or more.
                         vtt:      the same chapters as a WebVTT chapters track.
                         csv:      every citation as a CSV row (RFC 4180).
                         json:     every claim with its citations, as JSON.
                         markdown: a study sheet with YouTube links for the times.
                         What could not be exported as asked goes to standard error.

Options:
  --duration SECONDS     the video's length (overrides the front matter's duration)
  --json                 claims as JSON
  --format NAME          export: the format (required)
  --output FILE          export: write FILE (replaced atomically; never the note
                         itself) instead of standard output
  --chapter-level N      export: chapters start at headings of level N or less
                         ("##" is 2; default: the shallowest level used twice)
  -h, --help             this text
  --version              the version

Exit status: 0 ok, 1 errors found or a note could not be read, 2 bad command line.
)";
}

std::string versionText()
{
    return std::string("scholia-cli ") + SCHOLIA_VERSION + "\n";
}

}  // namespace scholia::cli
