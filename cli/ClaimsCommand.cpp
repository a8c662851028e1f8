#include "ClaimsCommand.h"

#include "NoteFiles.h"
#include "export/CitationJson.h"
#include "timestamp/Timestamp.h"

#include <nlohmann/json.hpp>

#include <iomanip>
#include <string_view>

namespace scholia::cli {

namespace {

// Keys in the order written, so the JSON reads like the text output.
using Json = nlohmann::ordered_json;

constexpr std::size_t kClaimColumns = 72;  // code points of claim text shown in text mode

const Claim* claimOf(const Note& note, const Citation& citation)
{
    if (citation.claim < 0 || static_cast<std::size_t>(citation.claim) >= note.claims.size())
        return nullptr;
    return &note.claims[static_cast<std::size_t>(citation.claim)];
}

// One line of at most `columns` code points: control characters become spaces and the cut
// never splits a UTF-8 sequence.
std::string oneLine(std::string_view text, std::size_t columns)
{
    std::string line;
    std::size_t codePoints = 0;
    for (std::size_t i = 0; i < text.size(); ++i) {
        const auto byte = static_cast<unsigned char>(text[i]);
        const bool startsCodePoint = (byte & 0xC0) != 0x80;
        if (startsCodePoint && ++codePoints > columns) {
            line += "\u2026";
            break;
        }
        line += byte < 0x20 ? ' ' : text[i];
    }
    return line;
}

char marker(const Resolution& resolution)
{
    if (resolution.pastEnd)
        return '!';
    return resolution.reinterpreted ? '~' : ' ';
}

void printText(const Note& note, std::ostream& out)
{
    for (const Citation& citation : note.citations) {
        const std::optional<std::int64_t>& ms = citation.resolution.ms;
        const Claim* claim = claimOf(note, citation);
        out << std::setw(8) << (ms ? formatClock(*ms) : "?") << ' ' << std::setw(9) << (ms ? std::to_string(*ms) : "-")
            << "  " << std::left << std::setw(12) << citation.written << std::right << ' ' << std::setw(5)
            << citation.line << ' ' << marker(citation.resolution) << ' '
            << (claim ? oneLine(claim->text, kClaimColumns) : "") << '\n';
    }
}

// The citation's shared keys, then the claim it belongs to.
Json citationWithClaimJson(const Note& note, const Citation& citation, std::size_t index)
{
    const Claim* claim = claimOf(note, citation);
    Json json = citationJson(citation, index);
    json["claimId"] = claim ? Json(claim->id) : Json();
    json["claim"] = claim ? Json(claim->text) : Json();
    return json;
}

void printJson(const Note& note, std::optional<std::int64_t> durationMs, std::ostream& out)
{
    Json citations = Json::array();
    for (std::size_t i = 0; i < note.citations.size(); ++i)
        citations.push_back(citationWithClaimJson(note, note.citations[i], i));
    const Json document{
        {"note", note.path},
        {"title", note.displayTitle()},
        {"videoId", note.frontMatter.videoId},
        {"durationMs", jsonOrNull(durationMs)},
        {"citations", std::move(citations)},
    };
    // Notes are not always valid UTF-8: replace bad bytes instead of letting dump() throw.
    out << document.dump(2, ' ', false, Json::error_handler_t::replace) << '\n';
}

}  // namespace

int runClaims(const Options& options, std::ostream& out, std::ostream& err)
{
    const LoadedNote loaded = loadNote(options.paths.front(), options.durationMs);
    if (!loaded.note) {
        err << "scholia-cli: error: " << loaded.error << '\n';
        return kExitFailure;
    }
    if (options.json)
        printJson(*loaded.note, options.durationMs ? options.durationMs : loaded.note->frontMatter.durationMs, out);
    else
        printText(*loaded.note, out);
    return kExitOk;
}

}  // namespace scholia::cli
