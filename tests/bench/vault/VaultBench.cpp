// Vault indexing against its floor, on a synthetic 20,000-note vault (~250 MB) on disk:
//   BM_IndexVault/threads:N  VaultIndex::build (list, read, parse, model, terms, links); N = 0: all cores
//   BM_BareCmark             cmark_parse_document alone on the same bytes, already in memory, one thread
//   BM_IndexVsBareCmark      the two back to back, all cores for the index: the median paired ratio
//   BM_Search, BM_Snippets, BM_QuickOpen, BM_Backlinks: query latency over a fixed set of queries
//   BM_ChangedNotes          the file-stamp scan for notes saved by other programs
// A summary after the run puts them side by side with the targets: index wall time at most 0.6x
// bare cmark, at most 6 KB of memory a note, search under 50 ms.
//
// Environment: SCHOLIA_BENCH_VAULT (default /tmp/scholia-bench-vault: generated once, reused),
// SCHOLIA_BENCH_NOTES (default 20000). Memory is VmHWM - VmRSS from /proc/self/status, with the
// peak reset through /proc/self/clear_refs before each build, so earlier runs do not hide it.
// Index builds run first, before the cmark bytes are loaded, so freed heap cannot hide growth.

#include "SyntheticVault.h"

#include "vault/VaultIndex.h"

#include <benchmark/benchmark.h>
#include <cmark.h>

#include <sys/resource.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <iostream>
#include <iterator>
#include <map>
#include <optional>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

namespace {

namespace fs = std::filesystem;
using scholia::VaultIndex;
using Clock = std::chrono::steady_clock;

std::string readFile(const fs::path& path)
{
    std::ifstream in(path, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

std::size_t notesWanted()
{
    const char* value = std::getenv("SCHOLIA_BENCH_NOTES");
    const long parsed = value ? std::strtol(value, nullptr, 10) : 0;
    return parsed > 0 ? static_cast<std::size_t>(parsed) : 20000;
}

fs::path vaultFolder()
{
    const char* value = std::getenv("SCHOLIA_BENCH_VAULT");
    return value && *value ? fs::path(value) : fs::temp_directory_path() / "scholia-bench-vault";
}

const scholia::bench::SyntheticVault& syntheticVault()
{
    static const scholia::bench::SyntheticVault vault = [] {
        const std::string sample = readFile(SCHOLIA_SAMPLE_NOTE);
        scholia::bench::SyntheticVaultSpec spec;
        spec.notes = notesWanted();
        const auto start = Clock::now();
        auto made = scholia::bench::ensureSyntheticVault(vaultFolder(), sample, spec);
        if (made.generated)
            std::fprintf(stderr, "generated %zu notes (%.0f MB) into %s in %.1f s\n", made.notes,
                         static_cast<double>(made.bytes) / 1e6, made.root.c_str(),
                         std::chrono::duration<double>(Clock::now() - start).count());
        return made;
    }();
    return vault;
}

// ---- memory and time -------------------------------------------------------------------------

long statusKb(std::string_view key)
{
    std::ifstream status("/proc/self/status");
    std::string line;
    while (std::getline(status, line))
        if (line.starts_with(key))
            return std::strtol(line.c_str() + key.size(), nullptr, 10);
    return -1;
}

// Makes VmHWM start again from the current VmRSS (Linux >= 4.0).
bool resetPeakRss()
{
    std::ofstream clear("/proc/self/clear_refs");
    clear << "5";
    return static_cast<bool>(clear);
}

double cpuSeconds()
{
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    const auto seconds
        = [](const timeval& t) { return static_cast<double>(t.tv_sec) + static_cast<double>(t.tv_usec) / 1e6; };
    return seconds(usage.ru_utime) + seconds(usage.ru_stime);
}

struct RunNumbers {
    double wall = 0;  // seconds, best iteration
    double cpu = 0;   // seconds of the same iteration, all threads
    long peakKb = 0;  // peak RSS growth during the first iteration
    long retainedKb = 0;
    std::size_t indexBytes = 0;
    std::size_t notes = 0;
    std::size_t bytes = 0;
};

std::map<std::string, RunNumbers>& results()
{
    static std::map<std::string, RunNumbers> numbers;
    return numbers;
}

std::string loadAverage()
{
    std::string load = readFile("/proc/loadavg");
    return load.substr(0, load.find(' ', load.find(' ', load.find(' ') + 1) + 1));
}

// The synthetic vault, or nothing when it cannot be written (the benchmark is then skipped).
const scholia::bench::SyntheticVault* vaultOrSkip(benchmark::State& state)
{
    const auto& vault = syntheticVault();
    if (!vault.root.empty())
        return &vault;
    state.SkipWithError("cannot write the synthetic vault (set SCHOLIA_BENCH_VAULT)");
    return nullptr;
}

// ---- indexing --------------------------------------------------------------------------------

void BM_IndexVault(benchmark::State& state)
{
    const scholia::bench::SyntheticVault* found = vaultOrSkip(state);
    if (!found)
        return;
    const auto& vault = *found;
    scholia::VaultIndexOptions options;
    options.threads = static_cast<unsigned>(state.range(0));
    // Only the process's first build measures memory: later ones reuse heap the earlier ones freed.
    static bool firstBuildInProcess = true;
    RunNumbers numbers;
    numbers.peakKb = numbers.retainedKb = -1;
    bool first = true;
    for (auto _ : state) {
        state.PauseTiming();
        const bool peakReset = resetPeakRss();
        const long before = statusKb("VmRSS:");
        const double cpuBefore = cpuSeconds();
        const auto start = Clock::now();
        state.ResumeTiming();

        std::optional<VaultIndex> index = VaultIndex::build(vault.root, options);

        state.PauseTiming();
        const double wall = std::chrono::duration<double>(Clock::now() - start).count();
        const double cpu = cpuSeconds() - cpuBefore;
        if (first && firstBuildInProcess) {
            numbers.peakKb = peakReset ? statusKb("VmHWM:") - before : -1;
            numbers.retainedKb = statusKb("VmRSS:") - before;
        }
        if (first) {
            numbers.indexBytes = index->memoryBytes();
            numbers.notes = index->noteCount();
        }
        firstBuildInProcess = false;
        if (first || wall < numbers.wall) {
            numbers.wall = wall;
            numbers.cpu = cpu;
        }
        first = false;
        index.reset();
        state.ResumeTiming();
    }
    numbers.bytes = vault.bytes;
    const double notes = static_cast<double>(std::max<std::size_t>(numbers.notes, 1));
    state.counters["notes"] = static_cast<double>(numbers.notes);
    if (numbers.peakKb >= 0) {
        state.counters["peak_KB_per_note"] = static_cast<double>(numbers.peakKb) / notes;
        state.counters["kept_KB_per_note"] = static_cast<double>(numbers.retainedKb) / notes;
    }
    state.counters["model_KB_per_note"] = static_cast<double>(numbers.indexBytes) / 1024.0 / notes;
    state.SetBytesProcessed(state.iterations() * static_cast<std::int64_t>(vault.bytes));
    state.SetItemsProcessed(state.iterations() * static_cast<std::int64_t>(numbers.notes));
    results()["index/threads:" + std::to_string(state.range(0))] = numbers;
}
BENCHMARK(BM_IndexVault)
    ->ArgName("threads")
    ->Arg(0)
    ->Arg(1)
    ->Iterations(3)
    ->MeasureProcessCPUTime()
    ->UseRealTime()
    ->Unit(benchmark::kMillisecond);

// ---- the floor: bare cmark -------------------------------------------------------------------

std::vector<std::string> vaultBytes(const fs::path& root)
{
    std::vector<fs::path> files;
    for (const auto& entry : fs::recursive_directory_iterator(root))
        if (entry.is_regular_file() && entry.path().extension() == ".md")
            files.push_back(entry.path());
    std::sort(files.begin(), files.end());
    std::vector<std::string> texts;
    texts.reserve(files.size());
    for (const fs::path& file : files)
        texts.push_back(readFile(file));
    return texts;
}

void parseWithCmark(const std::vector<std::string>& texts)
{
    for (const std::string& text : texts) {
        cmark_node* document = cmark_parse_document(text.data(), text.size(), CMARK_OPT_DEFAULT);
        benchmark::DoNotOptimize(document);
        cmark_node_free(document);
    }
}

void BM_BareCmark(benchmark::State& state)
{
    const scholia::bench::SyntheticVault* found = vaultOrSkip(state);
    if (!found)
        return;
    const auto& vault = *found;
    const std::vector<std::string> texts = vaultBytes(vault.root);
    std::size_t bytes = 0;
    for (const std::string& text : texts)
        bytes += text.size();
    RunNumbers numbers;
    bool first = true;
    for (auto _ : state) {
        state.PauseTiming();
        const bool peakReset = resetPeakRss();
        const long before = statusKb("VmRSS:");
        const double cpuBefore = cpuSeconds();
        const auto start = Clock::now();
        state.ResumeTiming();

        parseWithCmark(texts);

        state.PauseTiming();
        const double wall = std::chrono::duration<double>(Clock::now() - start).count();
        if (first)
            numbers.peakKb = peakReset ? statusKb("VmHWM:") - before : -1;
        if (first || wall < numbers.wall) {
            numbers.wall = wall;
            numbers.cpu = cpuSeconds() - cpuBefore;
        }
        first = false;
        state.ResumeTiming();
    }
    numbers.notes = texts.size();
    numbers.bytes = bytes;
    state.SetBytesProcessed(state.iterations() * static_cast<std::int64_t>(bytes));
    state.SetItemsProcessed(state.iterations() * static_cast<std::int64_t>(texts.size()));
    results()["bare cmark"] = numbers;
}
BENCHMARK(BM_BareCmark)->Iterations(3)->MeasureProcessCPUTime()->UseRealTime()->Unit(benchmark::kMillisecond);

// The headline ratio. This machine's speed drifts by a third within a minute (other tenants), so
// runs far apart compare badly: each iteration here times bare cmark and then the index on all
// cores back to back, and the median of those paired ratios is the result.
struct PairedNumbers {
    std::vector<double> ratios;
    std::vector<double> indexWalls;
    std::vector<double> cmarkWalls;
};

PairedNumbers& pairedResults()
{
    static PairedNumbers numbers;
    return numbers;
}

double median(std::vector<double> values)
{
    if (values.empty())
        return 0;
    std::sort(values.begin(), values.end());
    const std::size_t middle = values.size() / 2;
    return values.size() % 2 ? values[middle] : (values[middle - 1] + values[middle]) / 2;
}

void BM_IndexVsBareCmark(benchmark::State& state)
{
    const scholia::bench::SyntheticVault* found = vaultOrSkip(state);
    if (!found)
        return;
    const auto& vault = *found;
    const std::vector<std::string> texts = vaultBytes(vault.root);
    PairedNumbers& numbers = pairedResults();
    numbers = {};
    for (auto _ : state) {
        const auto start = Clock::now();
        parseWithCmark(texts);
        const auto cmarkDone = Clock::now();
        std::optional<VaultIndex> index = VaultIndex::build(vault.root);
        const auto indexDone = Clock::now();
        state.PauseTiming();
        index.reset();
        const double cmarkWall = std::chrono::duration<double>(cmarkDone - start).count();
        const double indexWall = std::chrono::duration<double>(indexDone - cmarkDone).count();
        numbers.cmarkWalls.push_back(cmarkWall);
        numbers.indexWalls.push_back(indexWall);
        numbers.ratios.push_back(indexWall / cmarkWall);
        state.ResumeTiming();
    }
    state.counters["median_ratio"] = median(numbers.ratios);
    state.counters["min_ratio"] = *std::min_element(numbers.ratios.begin(), numbers.ratios.end());
    state.counters["max_ratio"] = *std::max_element(numbers.ratios.begin(), numbers.ratios.end());
}
BENCHMARK(BM_IndexVsBareCmark)->Iterations(7)->UseRealTime()->Unit(benchmark::kMillisecond);

// ---- queries ---------------------------------------------------------------------------------

const VaultIndex& sharedIndex()
{
    static const VaultIndex index = VaultIndex::build(syntheticVault().root);
    return index;
}

// 50 queries: words every note shares (the template's), words of a few notes (made-up topic
// words taken from titles), phrases of both, and type-ahead prefixes short and long.
std::vector<std::string> searchQueries(const VaultIndex& index)
{
    std::vector<std::string> queries = {
        "cyber ",          "albania ",
        "iran sanctions ", "nato ",
        "mek albania ",    "homeland justice ",
        "ransomware ",     "revolution iran ",
        "troll farms ",    "prime minister rama ",
        "cyber att",       "alb",
        "diplomatic rel",  "government systems ",
        "border control ", "shah ",
        "kosovo ",         "hostage crisis ",
        "malware ",        "camp ashraf ",
    };
    const std::vector<scholia::NoteId> notes = index.notes();
    for (std::size_t i = 0; queries.size() < 50 && !notes.empty(); i += 997) {
        const std::optional<scholia::NoteSummary> summary = index.summary(notes[i % notes.size()]);
        if (!summary)
            continue;
        std::istringstream words(summary->title);
        std::vector<std::string> titleWords{std::istream_iterator<std::string>(words),
                                            std::istream_iterator<std::string>()};
        if (titleWords.size() < 2)
            continue;
        const std::size_t kind = queries.size() % 3;
        if (kind == 0)
            queries.push_back(titleWords[0] + " ");
        else if (kind == 1)
            queries.push_back(titleWords[0] + " " + titleWords[1] + " ");
        else
            queries.push_back(titleWords[1].substr(0, 3));
    }
    return queries;
}

struct Latencies {
    std::vector<double> ms;

    void add(Clock::duration elapsed) { ms.push_back(std::chrono::duration<double, std::milli>(elapsed).count()); }
    double quantile(double q)
    {
        if (ms.empty())
            return 0;
        std::sort(ms.begin(), ms.end());
        return ms[static_cast<std::size_t>(q * static_cast<double>(ms.size() - 1) + 0.5)];
    }
    void report(benchmark::State& state)
    {
        state.counters["median_ms"] = quantile(0.5);
        state.counters["p90_ms"] = quantile(0.9);
        state.counters["max_ms"] = quantile(1.0);
    }
};

std::map<std::string, std::vector<double>>& latencyResults()
{
    static std::map<std::string, std::vector<double>> numbers;
    return numbers;
}

template <typename Query>
void overQueries(benchmark::State& state, const std::string& name, Query query)
{
    const VaultIndex& index = sharedIndex();
    const std::vector<std::string> queries = searchQueries(index);
    Latencies latencies;
    std::size_t results = 0;
    for (auto _ : state) {
        for (const std::string& text : queries) {
            const auto start = Clock::now();
            results += query(index, text);
            latencies.add(Clock::now() - start);
        }
    }
    state.counters["queries"] = static_cast<double>(queries.size());
    state.counters["results_per_query"]
        = static_cast<double>(results) / static_cast<double>(std::max<std::size_t>(latencies.ms.size(), 1));
    latencies.report(state);
    latencyResults()[name] = {latencies.quantile(0.5), latencies.quantile(0.9), latencies.quantile(1.0)};
}

void BM_Search(benchmark::State& state)
{
    overQueries(state, "search",
                [](const VaultIndex& index, const std::string& text) { return index.search(text, 50).size(); });
}
BENCHMARK(BM_Search)->Iterations(3)->Unit(benchmark::kMillisecond);

// What a result list shows at first: search, then the snippets of the first 10 hits.
void BM_SearchWithSnippets(benchmark::State& state)
{
    overQueries(state, "search + 10 snippets", [](const VaultIndex& index, const std::string& text) {
        const std::vector<scholia::SearchHit> hits = index.search(text, 50);
        std::size_t shown = 0;
        for (std::size_t i = 0; i < std::min<std::size_t>(hits.size(), 10); ++i)
            shown += index.snippet(hits[i], text).has_value();
        return shown;
    });
}
BENCHMARK(BM_SearchWithSnippets)->Iterations(1)->Unit(benchmark::kMillisecond);

void BM_QuickOpen(benchmark::State& state)
{
    overQueries(state, "quick open",
                [](const VaultIndex& index, const std::string& text) { return index.quickOpen(text, 20).size(); });
}
BENCHMARK(BM_QuickOpen)->Iterations(3)->Unit(benchmark::kMillisecond);

void BM_Backlinks(benchmark::State& state)
{
    const VaultIndex& index = sharedIndex();
    const std::vector<scholia::NoteId> notes = index.notes();
    Latencies latencies;
    std::size_t found = 0;
    for (auto _ : state) {
        for (std::size_t i = 0; i < 50 && !notes.empty(); ++i) {
            const auto start = Clock::now();
            found += index.backlinks(notes[(i * 401) % notes.size()]).size();
            latencies.add(Clock::now() - start);
        }
    }
    state.counters["backlinks_per_note"]
        = static_cast<double>(found) / static_cast<double>(std::max<std::size_t>(latencies.ms.size(), 1));
    latencies.report(state);
    latencyResults()["backlinks"] = {latencies.quantile(0.5), latencies.quantile(0.9), latencies.quantile(1.0)};
}
BENCHMARK(BM_Backlinks)->Iterations(3)->Unit(benchmark::kMillisecond);

// The scan the app runs when it becomes active, a folder changes, and every 30 s: every
// note's file stamp against what was read (nothing changed here, so each note is one stat).
void BM_ChangedNotes(benchmark::State& state)
{
    const VaultIndex& index = sharedIndex();
    Latencies latencies;
    std::size_t changed = 0;
    for (auto _ : state) {
        const auto start = Clock::now();
        changed += scholia::changedFiles(index.root(), index.noteStamps()).size();
        latencies.add(Clock::now() - start);
    }
    state.counters["changed"] = static_cast<double>(changed);
    latencies.report(state);
    latencyResults()["changed-notes scan"]
        = {latencies.quantile(0.5), latencies.quantile(0.9), latencies.quantile(1.0)};
}
BENCHMARK(BM_ChangedNotes)->Iterations(10)->Unit(benchmark::kMillisecond);

// ---- summary ---------------------------------------------------------------------------------

void printSummary(const std::string& loadBefore)
{
    auto& numbers = results();
    std::printf("\n== vault index vs targets (%u hardware threads; load average before %s, after %s)\n",
                std::thread::hardware_concurrency(), loadBefore.c_str(), loadAverage().c_str());
    const auto cmark = numbers.find("bare cmark");
    for (const auto& [name, run] : numbers) {
        const double notes = static_cast<double>(std::max<std::size_t>(run.notes, 1));
        std::printf("%-18s %6zu notes %6.1f MB  wall %6.3f s  cpu %6.3f s  %6.1f MB/s", name.c_str(), run.notes,
                    static_cast<double>(run.bytes) / 1e6, run.wall, run.cpu,
                    static_cast<double>(run.bytes) / 1e6 / run.wall);
        if (name != "bare cmark") {
            if (run.peakKb >= 0)
                std::printf("  RSS peak +%.2f KB/note, kept +%.2f KB/note (target <= 6)",
                            static_cast<double>(run.peakKb) / notes, static_cast<double>(run.retainedKb) / notes);
            else
                std::printf("  RSS not measured (not the first build)");
            std::printf("  model %.2f KB/note", static_cast<double>(run.indexBytes) / 1024.0 / notes);
            if (cmark != numbers.end() && cmark->second.wall > 0)
                std::printf("  = %.2fx bare cmark wall (target <= 0.6x)", run.wall / cmark->second.wall);
        } else {
            std::printf("  peak +%.0f KB", static_cast<double>(run.peakKb));
        }
        std::printf("\n");
    }
    const PairedNumbers& paired = pairedResults();
    if (!paired.ratios.empty()) {
        std::vector<double> ratios = paired.ratios;
        std::sort(ratios.begin(), ratios.end());
        std::printf("paired, all cores   %zu pairs: index %.3f s, bare cmark %.3f s (medians); index/bare cmark median "
                    "%.2fx, range %.2fx to %.2fx (target <= 0.6x)\n",
                    ratios.size(), median(paired.indexWalls), median(paired.cmarkWalls), median(paired.ratios),
                    ratios.front(), ratios.back());
        std::printf("  each pair, in order (bare cmark s / index s = ratio):");
        for (std::size_t i = 0; i < paired.ratios.size(); ++i)
            std::printf("  %.2f/%.2f=%.2f", paired.cmarkWalls[i], paired.indexWalls[i], paired.ratios[i]);
        std::printf("\n");
    }
    for (const auto& [name, ms] : latencyResults())
        std::printf("%-22s median %7.2f ms  p90 %7.2f ms  max %7.2f ms%s\n", name.c_str(), ms[0], ms[1], ms[2],
                    name == "search" ? "  (target < 50 ms)" : "");
}

}  // namespace

int main(int argc, char** argv)
{
    const std::string loadBefore = loadAverage();
    benchmark::Initialize(&argc, argv);
    if (benchmark::ReportUnrecognizedArguments(argc, argv))
        return 1;
    benchmark::RunSpecifiedBenchmarks();
    benchmark::Shutdown();
    printSummary(loadBefore);
    return 0;
}
