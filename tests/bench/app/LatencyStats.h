#pragma once
// Median and maximum of a set of latencies, and how they read in the report.

#include <optional>
#include <string>
#include <vector>

namespace scholia::bench {

struct LatencySummary {
    double medianMs = 0;
    double maxMs = 0;
    int count = 0;  // latencies that were measured (the others timed out or missed)
};

std::optional<LatencySummary> summarize(std::vector<double> latenciesMs);

// "12.3 ms", or "-" when nothing was measured.
std::string formatMs(const std::optional<double>& ms);

}  // namespace scholia::bench
