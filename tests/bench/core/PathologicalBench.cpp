// Pathological notes against a normal one, per byte (cmark's standard: linear whatever the
// input). Each benchmark runs the app's pipeline (parseNote + resolveTimestamps + renderHtml)
// on one generated input and reports bytes per second; BM_Pathological_Normal (the sample
// note's body repeated) is the baseline in the same run. Each input comes in two sizes, 4x
// apart: time per byte that stays the same across the two is linear. scripts/bench prints the
// ratios (pathological time per byte / normal time per byte) with --benchmark_filter=Pathological.

#include "note/NoteParser.h"
#include "note/NoteResolver.h"
#include "render/HtmlRenderer.h"

#include <benchmark/benchmark.h>

#include <fstream>
#include <iterator>
#include <string>

namespace {

std::string repeat(const std::string& piece, std::int64_t times)
{
    std::string out;
    out.reserve(piece.size() * static_cast<std::size_t>(times));
    for (std::int64_t i = 0; i < times; ++i)
        out += piece;
    return out;
}

const std::string& sampleBody()
{
    static const std::string body = [] {
        std::ifstream in(SCHOLIA_SAMPLE_NOTE, std::ios::binary);
        const std::string text{std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
        return text.substr(text.find("\n---\n", 4) + 5);
    }();
    return body;
}

const std::string kCitation = "<a class=\"yt-timestamp\" data-t=\"00:01:11\">[00:01:11]</a>";

void runPipeline(benchmark::State& state, const std::string& text)
{
    for (auto _ : state) {
        scholia::Note note = scholia::resolveTimestamps(scholia::parseNote(text, "bench.md"), 820'000);
        std::string html = scholia::renderHtml(note);
        benchmark::DoNotOptimize(html.data());
    }
    state.SetBytesProcessed(state.iterations() * static_cast<std::int64_t>(text.size()));
    state.counters["input_bytes"] = static_cast<double>(text.size());
}

// Arguments are repeat counts, chosen so that the small size is about 1 MB to 4 MB.
void BM_Pathological_Normal(benchmark::State& state)
{
    runPipeline(state, repeat(sampleBody(), state.range(0)));
}
BENCHMARK(BM_Pathological_Normal)->Arg(250)->Arg(1000)->Arg(3500)->Unit(benchmark::kMillisecond);

void BM_Pathological_OpenWikiLinkBrackets(benchmark::State& state)
{
    runPipeline(state, repeat("[[", state.range(0)) + "last]]");
}
BENCHMARK(BM_Pathological_OpenWikiLinkBrackets)->Arg(1'000'000)->Arg(4'000'000)->Unit(benchmark::kMillisecond);

void BM_Pathological_UnclosedCitationAnchors(benchmark::State& state)
{
    runPipeline(state, repeat("<a class=\"yt-timestamp\" data-t=\"00:00:01\">", state.range(0)));
}
BENCHMARK(BM_Pathological_UnclosedCitationAnchors)->Arg(100'000)->Arg(400'000)->Unit(benchmark::kMillisecond);

void BM_Pathological_NestedListItems(benchmark::State& state)
{
    runPipeline(state, repeat("- ", state.range(0)) + "deep " + kCitation + "\n");
}
BENCHMARK(BM_Pathological_NestedListItems)->Arg(50'000)->Arg(200'000)->Unit(benchmark::kMillisecond);

void BM_Pathological_NestedQuotes(benchmark::State& state)
{
    runPipeline(state, repeat("> ", state.range(0)) + "quoted " + kCitation + "\n");
}
BENCHMARK(BM_Pathological_NestedQuotes)->Arg(50'000)->Arg(200'000)->Unit(benchmark::kMillisecond);

void BM_Pathological_SingleLine(benchmark::State& state)
{
    runPipeline(state, repeat("word " + kCitation + " [[link]] *em* ", state.range(0)));
}
BENCHMARK(BM_Pathological_SingleLine)->Arg(30'000)->Arg(120'000)->Unit(benchmark::kMillisecond);

void BM_Pathological_RepeatedHeadings(benchmark::State& state)
{
    runPipeline(state, repeat("## Claims\n\ntext " + kCitation + "\n\n", state.range(0)));
}
BENCHMARK(BM_Pathological_RepeatedHeadings)->Arg(20'000)->Arg(80'000)->Unit(benchmark::kMillisecond);

}  // namespace
