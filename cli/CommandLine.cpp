#include "CommandLine.h"

#include <charconv>
#include <limits>
#include <map>

namespace scholia::cli {

namespace {

const std::map<std::string_view, Command>& commandNames()
{
    static const std::map<std::string_view, Command> names{
        {"claims", Command::Claims}, {"check", Command::Check}, {"html", Command::Html}};
    return names;
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
    const bool singleNote = options.command == Command::Claims || options.command == Command::Html;
    if (options.json && options.command != Command::Claims)
        return failure("--json is only for the claims command");
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
            return {Options{Command::Help, {}, false, std::nullopt}, {}};
        } else if (arg == "--version") {
            return {Options{Command::Version, {}, false, std::nullopt}, {}};
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

Options:
  --duration SECONDS     the video's length (overrides the front matter's duration)
  --json                 claims as JSON
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
