// Core throughput against its floor: cmark alone parsing and rendering the same bytes.
// BM_BareCmark is the baseline (cmark_parse_document + cmark_render_html, nothing else);
// BM_ScholiaPipeline is what the app does on open (parseNote + resolveTimestamps + renderHtml);
// BM_ParseOnly isolates parseNote, with and without the prepared HTML body.
// "/sample" runs the bundled note; "/corpus" 10,000 varied notes per iteration
// (SCHOLIA_BENCH_NOTES overrides the count).

#include "SyntheticCorpus.h"

#include "note/NoteParser.h"
#include "note/NoteResolver.h"
#include "render/HtmlRenderer.h"

#include <benchmark/benchmark.h>
#include <cmark.h>

#include <cstdlib>
#include <fstream>
#include <iterator>
#include <string>
#include <vector>

namespace {

enum class Input { Sample, Corpus };

const std::string& sampleBytes()
{
    static const std::string bytes = [] {
        std::ifstream in(SCHOLIA_SAMPLE_NOTE, std::ios::binary);
        return std::string{std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
    }();
    return bytes;
}

std::size_t corpusSize()
{
    const char* value = std::getenv("SCHOLIA_BENCH_NOTES");
    const long parsed = value ? std::strtol(value, nullptr, 10) : 0;
    return parsed > 0 ? static_cast<std::size_t>(parsed) : 10000;
}

// Built once, on first use, outside any timed region.
const std::vector<std::string>& notes(Input input)
{
    static const std::vector<std::string> sample{sampleBytes()};
    static const std::vector<std::string> corpus
        = scholia::bench::makeCorpus(sampleBytes(), corpusSize(), 20240917).notes;
    return input == Input::Sample ? sample : corpus;
}

std::int64_t totalBytes(const std::vector<std::string>& texts)
{
    std::int64_t total = 0;
    for (const std::string& text : texts)
        total += static_cast<std::int64_t>(text.size());
    return total;
}

// Runs `work` over every note of `input` per iteration and reports bytes and notes per second.
template <typename Work>
void overNotes(benchmark::State& state, Input input, Work work)
{
    const std::vector<std::string>& texts = notes(input);
    if (texts.front().empty()) {
        state.SkipWithError("cannot read " SCHOLIA_SAMPLE_NOTE);
        return;
    }
    for (auto _ : state) {
        for (const std::string& text : texts)
            work(text);
    }
    state.SetBytesProcessed(state.iterations() * totalBytes(texts));
    state.SetItemsProcessed(state.iterations() * static_cast<std::int64_t>(texts.size()));
}

void BM_BareCmark(benchmark::State& state, Input input)
{
    overNotes(state, input, [](const std::string& text) {
        cmark_node* document = cmark_parse_document(text.data(), text.size(), CMARK_OPT_DEFAULT);
        char* html = cmark_render_html(document, CMARK_OPT_DEFAULT);
        benchmark::DoNotOptimize(html);
        cmark_get_default_mem_allocator()->free(html);
        cmark_node_free(document);
    });
}

void BM_ScholiaPipeline(benchmark::State& state, Input input)
{
    overNotes(state, input, [](const std::string& text) {
        const scholia::Note note = scholia::resolveTimestamps(scholia::parseNote(text, "bench.md"));
        std::string html = scholia::renderHtml(note);
        benchmark::DoNotOptimize(html);
    });
}

void BM_ParseOnly(benchmark::State& state, Input input, bool keepBody)
{
    const scholia::ParseOptions options{keepBody};
    overNotes(state, input, [&options](const std::string& text) {
        scholia::Note note = scholia::parseNote(text, "bench.md", options);
        benchmark::DoNotOptimize(note);
    });
}

}  // namespace

BENCHMARK_CAPTURE(BM_BareCmark, sample, Input::Sample)->Unit(benchmark::kMicrosecond);
BENCHMARK_CAPTURE(BM_ScholiaPipeline, sample, Input::Sample)->Unit(benchmark::kMicrosecond);
BENCHMARK_CAPTURE(BM_ParseOnly, sample, Input::Sample, true)->Unit(benchmark::kMicrosecond);
BENCHMARK_CAPTURE(BM_ParseOnly, sample_model, Input::Sample, false)->Unit(benchmark::kMicrosecond);

BENCHMARK_CAPTURE(BM_BareCmark, corpus, Input::Corpus)->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(BM_ScholiaPipeline, corpus, Input::Corpus)->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(BM_ParseOnly, corpus, Input::Corpus, true)->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(BM_ParseOnly, corpus_model, Input::Corpus, false)->Unit(benchmark::kMillisecond);

BENCHMARK_MAIN();
