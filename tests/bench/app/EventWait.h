#pragma once
// Waiting inside the Qt event loop, for a benchmark that runs its steps one after another.
// The waits only end the step: every latency is stamped where the event arrives, so how often
// the condition is polled does not change what is measured.

#include <chrono>
#include <functional>

namespace scholia::bench {

using Clock = std::chrono::steady_clock;

double millisecondsBetween(Clock::time_point from, Clock::time_point to);

// Runs the event loop until `done()` is true or `timeoutMs` have passed; returns done().
bool waitUntil(const std::function<bool()>& done, int timeoutMs);

// Runs the event loop for `ms` milliseconds.
void processEventsFor(int ms);

}  // namespace scholia::bench
