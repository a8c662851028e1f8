#include "note/NoteResolver.h"

#include <algorithm>
#include <span>
#include <string>
#include <utility>
#include <vector>

namespace scholia {

namespace {

// What a citation's current resolution says to the author, if anything. A citation with
// no time at all is reported by parseNote(), which knows what the markup held.
std::optional<Diagnostic> diagnosticFor(const Citation& citation)
{
    const Resolution& r = citation.resolution;
    if (!r.ms || !isNoteworthy(r))
        return std::nullopt;
    const Severity severity = r.pastEnd ? Severity::Error : Severity::Warning;
    return Diagnostic{citation.line, citation.column, severity, r.explanation};
}

std::vector<Diagnostic> diagnosticsFor(const std::vector<Citation>& citations)
{
    std::vector<Diagnostic> out;
    for (const Citation& citation : citations)
        if (std::optional<Diagnostic> d = diagnosticFor(citation))
            out.push_back(std::move(*d));
    return out;
}

// Removes one occurrence of each of `stale`. The diagnostics of an earlier resolution are
// exactly those its resolutions produce, so recomputing them finds them again even after
// the list was sorted, with no marker in the messages.
void removeEach(std::vector<Diagnostic>& diagnostics, const std::vector<Diagnostic>& stale)
{
    for (const Diagnostic& d : stale) {
        const auto it = std::find(diagnostics.begin(), diagnostics.end(), d);
        if (it != diagnostics.end())
            diagnostics.erase(it);
    }
}

}  // namespace

Note resolveTimestamps(Note note, std::optional<std::int64_t> durationMs, Explanations explanations)
{
    if (!note.diagnostics.empty())
        removeEach(note.diagnostics, diagnosticsFor(note.citations));

    std::vector<const TimestampText*> texts;  // pointers: copying each text allocated
    texts.reserve(note.citations.size());
    for (const Citation& citation : note.citations)
        texts.push_back(citation.text ? &*citation.text : nullptr);
    const std::optional<std::int64_t> duration = durationMs ? durationMs : note.frontMatter.durationMs;
    std::vector<Resolution> resolutions
        = resolveTimestampSequence(std::span<const TimestampText* const>(texts), duration, explanations);
    for (std::size_t i = 0; i < note.citations.size(); ++i)
        note.citations[i].resolution = std::move(resolutions[i]);

    for (const Citation& citation : note.citations)
        if (std::optional<Diagnostic> d = diagnosticFor(citation))
            note.diagnostics.push_back(std::move(*d));
    return note;
}

}  // namespace scholia
