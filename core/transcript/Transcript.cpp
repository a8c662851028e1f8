#include "transcript/Transcript.h"

#include "common/Ascii.h"
#include "timestamp/Timestamp.h"
#include "transcript/CueText.h"
#include "transcript/RollingCaptions.h"

#include <algorithm>
#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace scholia {
namespace {

// A file of nothing but problems would otherwise carry one diagnostic per line.
constexpr std::size_t kMaxDiagnostics = 200;
// How much of an ignored line a diagnostic quotes.
constexpr std::size_t kQuoteBytes = 40;
// A timing field longer than this is not a time; the bound also keeps ms far from overflowing.
constexpr std::size_t kMaxFieldDigits = 9;

constexpr std::string_view kBom = "\xEF\xBB\xBF";
constexpr std::string_view kArrow = "-->";

bool isSpaceOrTab(char c)
{
    return c == ' ' || c == '\t';
}

bool isAllWhitespace(std::string_view text)
{
    return std::all_of(text.begin(), text.end(),
                       [](char c) { return isSpaceOrTab(c) || c == '\n' || c == '\r' || c == '\f'; });
}

bool isAllDigits(std::string_view text)
{
    return !text.empty() && std::all_of(text.begin(), text.end(), isAsciiDigit);
}

bool hasArrow(std::string_view line)
{
    return line.find(kArrow) != std::string_view::npos;
}

// "WEBVTT", "NOTE", "STYLE", "REGION": the keyword alone or followed by a space or tab.
bool startsWithKeyword(std::string_view line, std::string_view keyword)
{
    return line.starts_with(keyword) && (line.size() == keyword.size() || isSpaceOrTab(line[keyword.size()]));
}

std::string_view withoutBom(std::string_view text)
{
    return text.starts_with(kBom) ? text.substr(kBom.size()) : text;
}

// A short quote of a line for a message, cut on a UTF-8 character boundary.
// Built by appending: `"\"" + std::string(...)` trips GCC 12's -Wrestrict false positive at -O3.
std::string quote(std::string_view line)
{
    std::size_t cut = std::min(line.size(), kQuoteBytes);
    while (cut > 0 && cut < line.size() && (static_cast<unsigned char>(line[cut]) & 0xC0) == 0x80)
        --cut;
    std::string quoted = "\"";
    quoted.append(line.substr(0, cut));
    if (cut < line.size())
        quoted += "\u2026";
    quoted += '"';
    return quoted;
}

struct Line {
    std::string_view text;
    int number = 0;  // 1-based
};

// The input one line at a time, with a look at the next; LF, CRLF and CR all end a line.
// Streaming rather than splitting: a file of 50 million empty lines must not need 50 million views.
class LineReader {
public:
    explicit LineReader(std::string_view text) : text_(text) { advance(); }

    bool atEnd() const { return !current_; }
    const Line& current() const { return *current_; }
    void advance()
    {
        if (pos_ >= text_.size()) {
            current_.reset();
            return;
        }
        auto [line, next] = lineAt(pos_);
        current_ = Line{line, ++number_};
        pos_ = next;
    }
    std::optional<std::string_view> peek() const
    {
        if (pos_ >= text_.size())
            return std::nullopt;
        return lineAt(pos_).first;
    }

private:
    std::pair<std::string_view, std::size_t> lineAt(std::size_t pos) const
    {
        // A plain loop: find_first_of() looks each byte up in its set, several times slower here.
        std::size_t end = pos;
        while (end < text_.size() && text_[end] != '\n' && text_[end] != '\r')
            ++end;
        if (end == text_.size())
            return {text_.substr(pos), text_.size()};
        const bool crlf = text_[end] == '\r' && end + 1 < text_.size() && text_[end + 1] == '\n';
        return {text_.substr(pos, end - pos), end + (crlf ? 2 : 1)};
    }

    std::string_view text_;
    std::size_t pos_ = 0;
    int number_ = 0;
    std::optional<Line> current_;
};

struct Timing {
    std::int64_t startMs = 0;
    std::int64_t endMs = 0;
    bool fieldAbove59 = false;  // "00:75.000": read as written, but worth a warning
};

struct TimingError {
    int column = 0;  // 1-based
    std::string message;
};

// Reads "[h:]m:s[.,fff]" at `pos`, moving it past the time. Fraction digits past the third are ignored.
std::optional<std::int64_t> readTime(std::string_view line, std::size_t& pos, bool& fieldAbove59)
{
    std::int64_t fields[3] = {0, 0, 0};
    int count = 0;
    std::size_t i = pos;
    while (count < 3) {
        const std::size_t begin = i;
        std::int64_t value = 0;
        while (i < line.size() && isAsciiDigit(line[i]) && i - begin < kMaxFieldDigits)
            value = value * 10 + (line[i++] - '0');
        if (i == begin || (i < line.size() && isAsciiDigit(line[i])))
            return std::nullopt;  // none, or too many digits
        fields[count++] = value;
        if (i >= line.size() || line[i] != ':')
            break;
        ++i;
    }
    if (count < 2 || line[i - 1] == ':')
        return std::nullopt;
    std::int64_t millis = 0;
    if (i < line.size() && (line[i] == '.' || line[i] == ',')) {
        const std::size_t begin = ++i;
        int scale = 100;
        for (; i < line.size() && isAsciiDigit(line[i]); ++i, scale /= 10)
            millis += (line[i] - '0') * scale;
        if (i == begin)
            return std::nullopt;
    }
    const bool hours = count == 3;
    const std::int64_t h = hours ? fields[0] : 0;
    const std::int64_t m = fields[hours ? 1 : 0];
    const std::int64_t s = fields[hours ? 2 : 1];
    fieldAbove59 = fieldAbove59 || s > 59 || (hours && m > 59);
    pos = i;
    return ((h * 60 + m) * 60 + s) * 1000 + millis;
}

void skipSpaces(std::string_view line, std::size_t& pos)
{
    while (pos < line.size() && isSpaceOrTab(line[pos]))
        ++pos;
}

// "start --> end [settings]"; the settings are for placement on screen and are ignored.
std::pair<std::optional<Timing>, TimingError> parseTimingLine(std::string_view line)
{
    auto fail = [](std::size_t pos, std::string message) {
        return std::pair{std::optional<Timing>{}, TimingError{static_cast<int>(pos) + 1, std::move(message)}};
    };
    Timing timing;
    std::size_t pos = 0;
    skipSpaces(line, pos);
    const auto start = readTime(line, pos, timing.fieldAbove59);
    if (!start)
        return fail(pos, "bad timing line: expected a start time such as 00:01.000 before '-->'");
    skipSpaces(line, pos);
    if (line.substr(pos, kArrow.size()) != kArrow)
        return fail(pos, "bad timing line: expected '-->' after the start time");
    pos += kArrow.size();
    skipSpaces(line, pos);
    const auto end = readTime(line, pos, timing.fieldAbove59);
    if (!end)
        return fail(pos, "bad timing line: expected an end time such as 00:04.000 after '-->'");
    if (pos < line.size() && !isSpaceOrTab(line[pos]))
        return fail(pos, "bad timing line: unexpected text after the end time");
    timing.startMs = *start;
    timing.endMs = *end;
    return {timing, {}};
}

class Parser {
public:
    Parser(std::string_view text, TranscriptFormat format) : text_(withoutBom(text)), lines_(text_), format_(format) { }

    Transcript run()
    {
        if (format_ == TranscriptFormat::WebVtt)
            readHeader();
        while (!lines_.atEnd()) {
            if (isBlank(lines_.current().text)) {
                lines_.advance();
                continue;
            }
            readBlock();
        }
        return finish();
    }

private:
    // WebVTT separates blocks by empty lines only: YouTube's cues contain lines of one space.
    bool isBlank(std::string_view line) const
    {
        return format_ == TranscriptFormat::WebVtt ? line.empty() : isAllWhitespace(line);
    }

    // Whole-file findings (line 0) are always kept: they are few and say the most.
    void report(int line, int column, Severity severity, std::string message)
    {
        if (diagnostics_.size() < kMaxDiagnostics || line == 0)
            diagnostics_.push_back({line, column, severity, std::move(message)});
        else
            ++unreported_;
    }

    void readHeader()
    {
        while (!lines_.atEnd() && lines_.current().text.empty())
            lines_.advance();
        if (lines_.atEnd() || !startsWithKeyword(lines_.current().text, "WEBVTT")) {
            report(lines_.atEnd() ? 1 : lines_.current().number, 0, Severity::Warning,
                   "missing \"WEBVTT\" header; read as WebVTT anyway");
            return;
        }
        lines_.advance();
        // "Kind: captions", "Language: en": nothing a transcript needs.
        for (; !lines_.atEnd() && !lines_.current().text.empty(); lines_.advance()) {
            if (hasArrow(lines_.current().text)) {
                report(lines_.current().number, 0, Severity::Warning, "missing blank line after the WEBVTT header");
                return;
            }
        }
    }

    void readBlock()
    {
        const Line line = lines_.current();
        if (format_ == TranscriptFormat::WebVtt
            && (startsWithKeyword(line.text, "NOTE") || startsWithKeyword(line.text, "STYLE")
                || startsWithKeyword(line.text, "REGION"))) {
            skipBlock(false);
            lastBlockWasCue_ = false;
            return;
        }
        if (hasArrow(line.text)) {
            readCue();
            return;
        }
        if (const auto next = lines_.peek(); next && hasArrow(*next)) {
            lines_.advance();  // a cue identifier ("1" in SRT, any name in WebVTT)
            readCue();
            return;
        }
        if (format_ == TranscriptFormat::Srt && lastBlockWasCue_) {
            // Some SRT writers keep a blank line inside a cue's text; the words still belong to it.
            report(line.number, 0, Severity::Warning,
                   "blank line inside a cue's text; the text below it is kept with the cue");
            readPayload(cues_.back());
            return;
        }
        report(line.number, 1, Severity::Warning, "ignored text outside any cue: " + quote(line.text));
        skipBlock(true);
        lastBlockWasCue_ = false;
    }

    // To the next blank line; `stopAtTiming`: also before a timing line (a cue missing its blank line).
    void skipBlock(bool stopAtTiming)
    {
        for (; !lines_.atEnd() && !isBlank(lines_.current().text); lines_.advance())
            if (stopAtTiming && hasArrow(lines_.current().text))
                return;
    }

    void readCue()
    {
        const Line line = lines_.current();
        lines_.advance();
        auto [timing, error] = parseTimingLine(line.text);
        if (!timing) {
            report(line.number, error.column, Severity::Error, std::move(error.message) + "; cue skipped");
            skipBlock(true);
            lastBlockWasCue_ = false;
            return;
        }
        if (timing->fieldAbove59)
            report(line.number, 0, Severity::Warning, "minutes or seconds above 59 in the timing; read as written");
        if (timing->endMs < timing->startMs) {
            report(line.number, 0, Severity::Warning,
                   "cue ends (" + formatClock(timing->endMs) + ") before it starts (" + formatClock(timing->startMs)
                       + "); read as ending where it starts");
            timing->endMs = timing->startMs;
        }
        if (!cues_.empty() && timing->startMs < cues_.back().startMs) {
            report(line.number, 0, Severity::Warning,
                   "cue starts (" + formatClock(timing->startMs) + ") before the cue above ("
                       + formatClock(cues_.back().startMs) + "); cues are put in time order");
            outOfOrder_ = true;
        }
        cues_.push_back(CaptionCue{timing->startMs, timing->endMs, line.number, {}});
        readPayload(cues_.back());
        lastBlockWasCue_ = true;
    }

    void readPayload(CaptionCue& cue)
    {
        for (; !lines_.atEnd(); lines_.advance()) {
            const Line line = lines_.current();
            if (isBlank(line.text))
                return;
            const bool nextCueNumber = format_ == TranscriptFormat::Srt && isAllDigits(line.text) && [&] {
                const auto next = lines_.peek();
                return next && hasArrow(*next);
            }();
            if (hasArrow(line.text) || nextCueNumber) {
                report(line.number, 0, Severity::Warning, "missing blank line before this cue");
                return;
            }
            CueLineText clean = cleanCueLine(line.text);
            if (!clean.text.empty())
                cue.lines.push_back(std::move(clean));
        }
    }

    Transcript finish()
    {
        Transcript transcript;
        transcript.format = format_;
        if (outOfOrder_)
            std::stable_sort(cues_.begin(), cues_.end(),
                             [](const CaptionCue& a, const CaptionCue& b) { return a.startMs < b.startMs; });
        if (looksRolling(cues_)) {
            transcript.cues = collapseRollingCaptions(cues_);
            transcript.collapsedRolling = true;
            report(0, 0, Severity::Info,
                   "rolling auto-captions: " + std::to_string(cues_.size()) + " cues read as "
                       + std::to_string(transcript.cues.size()) + ", each line once");
        } else {
            transcript.cues = joinCaptionLines(cues_);
        }
        if (transcript.cues.empty() && !isAllWhitespace(text_))
            report(0, 0, Severity::Warning, "no cues found");
        if (unreported_ > 0)
            diagnostics_.push_back(
                {0, 0, Severity::Warning, std::to_string(unreported_) + " more problems not listed"});
        sortDiagnostics(diagnostics_);
        transcript.diagnostics = std::move(diagnostics_);
        return transcript;
    }

    std::string_view text_;
    LineReader lines_;
    TranscriptFormat format_;
    std::vector<CaptionCue> cues_;  // as read, in file order
    std::vector<Diagnostic> diagnostics_;
    std::size_t unreported_ = 0;
    bool outOfOrder_ = false;
    bool lastBlockWasCue_ = false;
};

}  // namespace

Transcript parseTranscript(std::string_view text)
{
    const std::string_view body = withoutBom(text);
    const std::size_t first = body.find_first_not_of("\r\n");
    const bool webVtt = first != std::string_view::npos
                     && startsWithKeyword(body.substr(first, body.find_first_of("\r\n", first) - first), "WEBVTT");
    return webVtt ? parseWebVtt(text) : parseSrt(text);
}

Transcript parseWebVtt(std::string_view text)
{
    return Parser(text, TranscriptFormat::WebVtt).run();
}

Transcript parseSrt(std::string_view text)
{
    return Parser(text, TranscriptFormat::Srt).run();
}

}  // namespace scholia
