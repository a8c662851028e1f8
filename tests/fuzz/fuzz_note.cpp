// The whole note pipeline on arbitrary bytes: parseNote + resolveTimestamps + renderHtml,
// with and without a known duration, with a wikilink resolver. Besides "no crash, no
// sanitizer report", it checks what the renderer promises: no active HTML in the output.
#include "note/NoteParser.h"
#include "note/NoteResolver.h"
#include "render/HtmlRenderer.h"

#include <algorithm>
#include <cctype>
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>

namespace {

std::string lowered(std::string_view text)
{
    std::string out(text);
    std::transform(out.begin(), out.end(), out.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return out;
}

void expectNoActiveHtml(const std::string& html)
{
    // The standalone document's own <head> (meta charset, style) is the renderer's; the body is the note's.
    const std::size_t body = html.find("<body>");
    const std::string low = lowered(body == std::string::npos ? html : html.substr(body));
    for (const char* tag : {"<script", "<iframe", "<object", "<embed", "<form", "<meta", "<link", "<style"}) {
        if (low.find(tag) != std::string::npos) {
            std::fprintf(stderr, "renderHtml let %s through\n", tag);
            std::abort();
        }
    }
    for (const char* scheme : {"href=\"javascript:", "href=\"data:", "href=\"file:", "src=\"javascript:"}) {
        if (low.find(scheme) != std::string::npos) {
            std::fprintf(stderr, "renderHtml let %s through\n", scheme);
            std::abort();
        }
    }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    scholia::Note note = scholia::parseNote(text, "fuzz.md");

    // A duration derived from the input, so that both branches of the resolver are reached.
    const std::int64_t durationMs = size == 0 ? 0 : static_cast<std::int64_t>(data[0]) * 7919 * 13;
    scholia::Note withDuration = scholia::resolveTimestamps(note, durationMs);
    scholia::Note withoutDuration = scholia::resolveTimestamps(std::move(note));

    scholia::RenderOptions options;
    options.resolveWikiLink = [](const scholia::WikiLink& link) {
        return scholia::WikiLinkTarget{link.target.size() % 2 == 0, {}};
    };
    expectNoActiveHtml(scholia::renderHtml(withDuration, options));
    options.standalone = false;
    expectNoActiveHtml(scholia::renderHtml(withoutDuration, options));

    // The vault index parses without keeping the body.
    (void)scholia::parseNote(text, "fuzz.md", scholia::ParseOptions{.keepBody = false});
    return 0;
}
