#pragma once
// Reading the text of one timestamp ("01:11:11", "13:17", "0:25:23.5", "11:31:94",
// "01:00:17:51", "59:56:") into its fields, without deciding what it means yet.
// Deciding needs the whole note and the video's duration: see TimestampResolver.h.

#include <algorithm>
#include <array>
#include <cstddef>
#include <cstdint>
#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace scholia {

// A timestamp's numeric fields (at most four), held inline: every citation of a note has
// them, and a vector allocated once per citation.
class TimeFields {
public:
    static constexpr std::size_t kMax = 4;
    using value_type = std::int64_t;
    using const_iterator = const std::int64_t*;
    using iterator = const_iterator;

    TimeFields() = default;
    TimeFields(std::initializer_list<std::int64_t> values) { assign(values.begin(), values.end()); }

    std::size_t size() const { return m_count; }
    bool empty() const { return m_count == 0; }
    std::int64_t operator[](std::size_t i) const { return m_values[i]; }
    const_iterator begin() const { return m_values.data(); }
    const_iterator end() const { return m_values.data() + m_count; }

    // Callers keep to kMax fields; more are dropped.
    void push_back(std::int64_t value)
    {
        if (m_count < kMax)
            m_values[m_count++] = value;
    }
    template <typename It>
    void assign(It first, It last)
    {
        m_count = 0;
        for (; first != last; ++first)
            push_back(*first);
    }

    friend bool operator==(const TimeFields& a, const TimeFields& b)
    {
        return std::equal(a.begin(), a.end(), b.begin(), b.end());
    }

private:
    std::array<std::int64_t, kMax> m_values{};
    std::uint8_t m_count = 0;
};

struct TimestampText {
    TimeFields fields;                  // numeric fields as written, most significant first (1 to 4)
    int millis = 0;                     // a ".mmm" or ",mmm" fraction on the last field
    std::vector<std::string> oddities;  // what was unusual and tolerated, in words (empty = clean)

    friend bool operator==(const TimestampText&, const TimestampText&) = default;
};

// Returns nothing when no time can be recovered at all ("", "HH:MM:SS", "abc").
// Tolerates: surrounding spaces and brackets, a trailing ':' ("59:56:"), 1-digit fields,
// fields >= 60 (kept as written; the resolver decides), stray characters such as ']'.
std::optional<TimestampText> parseTimestampText(std::string_view text);

// How a duration or position is shown to people: "0:09", "1:11", "13:17", "1:02:03".
std::string formatClock(std::int64_t ms);

}  // namespace scholia
