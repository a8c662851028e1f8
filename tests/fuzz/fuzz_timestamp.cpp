// One timestamp text alone: parseTimestampText, then formatClock and the sequence resolver
// on what it read (alone and repeated, with and without a duration).
#include "timestamp/Timestamp.h"
#include "timestamp/TimestampResolver.h"

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <optional>
#include <string_view>
#include <vector>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    const std::optional<scholia::TimestampText> parsed = scholia::parseTimestampText(text);
    if (parsed) {
        if (parsed->fields.empty() || parsed->fields.size() > 4) {
            std::fprintf(stderr, "parseTimestampText returned %zu fields\n", parsed->fields.size());
            std::abort();
        }
        for (const std::int64_t field : parsed->fields)
            (void)scholia::formatClock(field * 1000);
    }
    std::vector<std::optional<scholia::TimestampText>> sequence(3, parsed);
    sequence.push_back(std::nullopt);
    for (const auto duration :
         {std::optional<std::int64_t>{}, std::optional<std::int64_t>{820'000}, std::optional<std::int64_t>{0}}) {
        const auto resolutions = scholia::resolveTimestampSequence(sequence, duration);
        if (resolutions.size() != sequence.size()) {
            std::fprintf(stderr, "resolveTimestampSequence lost entries\n");
            std::abort();
        }
        for (const auto& resolution : resolutions)
            if (resolution.ms)
                (void)scholia::formatClock(*resolution.ms);
    }
    return 0;
}
