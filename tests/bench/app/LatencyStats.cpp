#include "LatencyStats.h"

#include <algorithm>
#include <cstdio>

namespace scholia::bench {

std::optional<LatencySummary> summarize(std::vector<double> latenciesMs)
{
    if (latenciesMs.empty())
        return std::nullopt;
    std::sort(latenciesMs.begin(), latenciesMs.end());
    const std::size_t n = latenciesMs.size();
    const double median = n % 2 == 1 ? latenciesMs[n / 2] : (latenciesMs[n / 2 - 1] + latenciesMs[n / 2]) / 2.0;
    return LatencySummary{median, latenciesMs.back(), static_cast<int>(n)};
}

std::string formatMs(const std::optional<double>& ms)
{
    if (!ms)
        return "-";
    char text[32];
    std::snprintf(text, sizeof text, "%.1f ms", *ms);
    return text;
}

}  // namespace scholia::bench
