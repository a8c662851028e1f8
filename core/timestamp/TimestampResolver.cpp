#include "timestamp/TimestampResolver.h"

#include <algorithm>
#include <array>
#include <charconv>
#include <cstddef>
#include <limits>

namespace scholia {

namespace {

constexpr std::int64_t kSecondMs = 1000;
constexpr std::int64_t kMinuteMs = 60 * kSecondMs;
constexpr std::int64_t kHourMs = 60 * kMinuteMs;

// ---------------------------------------------------------------------------------------
// Tuning of the rule (docs/timestamps.md explains and measures it). Costs are in one
// unit: one minute of jumping backwards.
//
// Reading "01:11:11" as MM:SS drops a field. Notes written MM:SS:xx almost always write
// xx = 00, while only ~4% of the seconds in genuine HH:MM:SS notes are 00: dropping "00"
// is cheap, dropping other digits needs real evidence (about 8 minutes of back-jumps
// saved). Both stay above zero so that, all else equal, a stamp reads literally.
constexpr double kDropZeroFieldCost = 1.0;
constexpr double kDropDigitsCost = 8.0;
// LLM notes jump back by minutes (rarely half an hour), never by hours: each minute of
// going backwards costs the same, so hour-scale jumps (the signature of a wrong reading)
// dominate everything else.
constexpr double kBackwardCostPerMinute = 1.0;
// Forward leaps of more than an hour between two consecutive citations are as rare as
// backward ones, but real podcasts have them (a summary, then the Q&A), so they cost less.
constexpr std::int64_t kFreeForwardMs = 60 * kMinuteMs;
constexpr double kForwardCostPerMinute = 0.5;
// Without a known duration, a literal reading is a claim about the video's length:
// past 3 h each extra hour costs as much as one minute back, and 10 h or more is not a
// video anyone takes notes on.
constexpr std::int64_t kLongVideoMs = 3 * kHourMs;
constexpr double kLongVideoCostPerHour = 1.0;
constexpr std::int64_t kImplausibleVideoMs = 10 * kHourMs;
constexpr double kImplausibleVideoCost = 20.0;
// Durations are rounded (players report whole seconds, front matter says "13:40").
constexpr std::int64_t kEndToleranceMs = 1000;
// ---------------------------------------------------------------------------------------

struct Candidate {
    std::int64_t ms = 0;
    Reading reading = Reading::Literal;
    bool carried = false;  // a field >= 60 was carried into the next one up
};

// The readings a stamp allows; at most two, the literal one first when present.
struct Options {
    std::array<Candidate, 2> items{};
    std::size_t count = 0;
    bool pastEnd = false;
    std::int64_t droppedField = 0;  // what a MinutesSeconds reading drops

    void add(Candidate c) { items[count++] = c; }
};

std::int64_t hms(std::int64_t h, std::int64_t m, std::int64_t s)
{
    return h * kHourMs + m * kMinuteMs + s * kSecondMs;
}

Options optionsFor(const TimestampText& text)
{
    Options options;
    const TimeFields& f = text.fields;
    switch (f.size()) {
    case 1: options.add({f[0] * kSecondMs + text.millis, Reading::Literal, false}); break;
    case 2: options.add({hms(0, f[0], f[1]) + text.millis, Reading::Literal, f[1] >= 60}); break;
    case 3: {
        const bool literalValid = f[1] < 60 && f[2] < 60;
        const bool minutesValid = f[0] != 0 && f[1] < 60;
        if (literalValid)
            options.add({hms(f[0], f[1], f[2]) + text.millis, Reading::Literal, false});
        if (minutesValid)
            options.add({hms(0, f[0], f[1]), Reading::MinutesSeconds, false});
        if (options.count == 0)  // "01:75:00", "00:04:75": nothing fits, carry as written
            options.add({hms(f[0], f[1], f[2]) + text.millis, Reading::Literal, true});
        options.droppedField = f[2];
        break;
    }
    default:  // 4 fields: H:MM:SS:xx
        options.add({hms(f[0], f[1], f[2]), Reading::HoursMinutesSeconds, f[1] >= 60 || f[2] >= 60});
        break;
    }
    return options;
}

// Drops the readings past the end; when none is left, keeps the earliest one.
void applyDuration(Options& options, std::int64_t durationMs)
{
    Options kept = options;
    kept.count = 0;
    for (std::size_t i = 0; i < options.count; ++i)
        if (options.items[i].ms <= durationMs + kEndToleranceMs)
            kept.add(options.items[i]);
    if (kept.count == 0) {
        const auto earliest = std::min_element(options.items.begin(), options.items.begin() + options.count,
                                               [](const Candidate& a, const Candidate& b) { return a.ms < b.ms; });
        kept.add(*earliest);
        kept.pastEnd = true;
    }
    options = kept;
}

double readingCost(const Options& options, const Candidate& c, bool durationKnown)
{
    if (options.count < 2)
        return 0.0;  // no choice, no preference
    double cost = 0.0;
    if (c.reading == Reading::MinutesSeconds)
        cost += options.droppedField == 0 ? kDropZeroFieldCost : kDropDigitsCost;
    if (!durationKnown && c.reading == Reading::Literal) {
        if (c.ms > kLongVideoMs)
            cost += kLongVideoCostPerHour * static_cast<double>(c.ms - kLongVideoMs) / kHourMs;
        if (c.ms >= kImplausibleVideoMs)
            cost += kImplausibleVideoCost;
    }
    return cost;
}

double jumpCost(std::int64_t fromMs, std::int64_t toMs)
{
    if (toMs < fromMs)
        return kBackwardCostPerMinute * static_cast<double>(fromMs - toMs) / kMinuteMs;
    if (toMs - fromMs > kFreeForwardMs)
        return kForwardCostPerMinute * static_cast<double>(toMs - fromMs - kFreeForwardMs) / kMinuteMs;
    return 0.0;
}

// Viterbi over the stamps that have a time: the cheapest choice of one reading per stamp.
// Returns, for each entry of `options`, the index of the chosen candidate.
std::vector<std::size_t> choosePath(const std::vector<std::optional<Options>>& options, bool durationKnown)
{
    const std::size_t n = options.size();
    std::vector<std::size_t> chosen(n, 0);
    std::vector<std::array<double, 2>> cost(n);
    std::vector<std::array<std::size_t, 2>> from(n);
    std::optional<std::size_t> previous;  // the last stamp that had a time
    for (std::size_t i = 0; i < n; ++i) {
        if (!options[i])
            continue;
        for (std::size_t k = 0; k < options[i]->count; ++k) {
            const Candidate& c = options[i]->items[k];
            double best = 0.0;
            std::size_t bestFrom = 0;
            if (previous) {
                best = std::numeric_limits<double>::infinity();
                const Options& p = *options[*previous];
                for (std::size_t j = 0; j < p.count; ++j) {
                    const double viaJ = cost[*previous][j] + jumpCost(p.items[j].ms, c.ms);
                    if (viaJ < best) {  // strict: ties keep the earlier, literal, reading
                        best = viaJ;
                        bestFrom = j;
                    }
                }
            }
            cost[i][k] = best + readingCost(*options[i], c, durationKnown);
            from[i][k] = bestFrom;
        }
        previous = i;
    }
    if (!previous)
        return chosen;
    const Options& last = *options[*previous];
    std::size_t k = (last.count == 2 && cost[*previous][1] < cost[*previous][0]) ? 1 : 0;
    for (std::size_t i = *previous + 1; i-- > 0;) {
        if (!options[i])
            continue;
        chosen[i] = k;
        k = from[i][k];
    }
    return chosen;
}

// The text as the resolver saw it, fields zero-padded: "01:11:11", "13:99", "05:04:00".
void appendSpelled(std::string& out, const TimestampText& text)
{
    std::array<char, 24> digits{};
    for (std::size_t i = 0; i < text.fields.size(); ++i) {
        if (i > 0)
            out += ':';
        if (text.fields[i] < 10)
            out += '0';
        out.append(digits.data(), std::to_chars(digits.data(), digits.data() + digits.size(), text.fields[i]).ptr);
    }
    if (text.millis > 0 && text.millis < 1000) {
        const int ms = text.millis;
        out += '.';
        out += static_cast<char>('0' + ms / 100);
        out += static_cast<char>('0' + ms / 10 % 10);
        out += static_cast<char>('0' + ms % 10);
    } else if (text.millis != 0) {  // not from parseTimestampText: spelled as before
        const std::string ms = std::to_string(text.millis);
        out += '.' + std::string(3 - ms.size(), '0') + ms;
    }
}

// Built in one string: a note full of MM:SS:xx stamps explains every one of them.
std::string explain(const TimestampText& text, const Candidate& c, bool pastEnd, std::optional<std::int64_t> durationMs)
{
    std::string out;
    const bool reread = c.reading != Reading::Literal || c.carried;
    const bool late = pastEnd && durationMs;
    if (!reread && !late)
        return out;
    out.reserve(96);
    if (reread) {
        appendSpelled(out, text);
        out += " read as ";
        out += formatClock(c.ms);
        if (c.reading == Reading::MinutesSeconds)
            out += " (MM:SS, last field dropped)";
        else if (c.reading == Reading::HoursMinutesSeconds)
            out += " (last field dropped)";
    }
    if (late) {
        if (out.empty()) {
            appendSpelled(out, text);
            out += " is ";
        } else {
            out += ", ";
        }
        out += "past the end of the video (";
        out += formatClock(*durationMs);
        out += ')';
    }
    return out;
}

// `textAt(i)` is the i-th stamp's text or nullptr: callers holding the texts elsewhere (a
// Note's citations) need not copy them into a vector first.
template <typename TextAt>
std::vector<Resolution> resolveSequence(std::size_t count, TextAt textAt, std::optional<std::int64_t> durationMs,
                                        Explanations explanations)
{
    if (durationMs && *durationMs <= 0)
        durationMs.reset();  // a player reports 0 before it knows
    std::vector<std::optional<Options>> options(count);
    for (std::size_t i = 0; i < count; ++i) {
        const TimestampText* text = textAt(i);
        if (!text || text->fields.empty() || text->fields.size() > 4)
            continue;
        options[i] = optionsFor(*text);
        if (durationMs)
            applyDuration(*options[i], *durationMs);
    }
    const std::vector<std::size_t> chosen = choosePath(options, durationMs.has_value());

    std::vector<Resolution> resolutions(count);
    for (std::size_t i = 0; i < count; ++i) {
        if (!options[i])
            continue;
        const Candidate& c = options[i]->items[chosen[i]];
        Resolution& r = resolutions[i];
        r.ms = c.ms;
        r.reading = c.reading;
        r.reinterpreted = c.reading != Reading::Literal;
        r.pastEnd = options[i]->pastEnd;
        r.carried = c.carried;
        if (explanations == Explanations::Written)
            r.explanation = explain(*textAt(i), c, r.pastEnd, durationMs);
    }
    return resolutions;
}

}  // namespace

std::vector<Resolution> resolveTimestampSequence(const std::vector<std::optional<TimestampText>>& texts,
                                                 std::optional<std::int64_t> durationMs)
{
    return resolveSequence(
        texts.size(), [&](std::size_t i) { return texts[i] ? &*texts[i] : nullptr; }, durationMs,
        Explanations::Written);
}

std::vector<Resolution> resolveTimestampSequence(std::span<const TimestampText* const> texts,
                                                 std::optional<std::int64_t> durationMs, Explanations explanations)
{
    return resolveSequence(
        texts.size(), [&](std::size_t i) { return texts[i]; }, durationMs, explanations);
}

}  // namespace scholia
