#include "export/ClaimsExport.h"

#include "export/CitationJson.h"

#include "timestamp/Timestamp.h"

#include <nlohmann/json.hpp>

namespace scholia {

namespace {

// Keys in the order written, as in `claims --json`.
using Json = nlohmann::ordered_json;

std::string sectionText(const std::vector<std::string>& path)
{
    std::string text;
    for (const std::string& heading : path)
        text += (text.empty() ? "" : " > ") + heading;
    return text;
}

const Claim* claimOf(const Note& note, const Citation& citation)
{
    if (citation.claim < 0 || static_cast<std::size_t>(citation.claim) >= note.claims.size())
        return nullptr;
    return &note.claims[static_cast<std::size_t>(citation.claim)];
}

const char* kindName(ClaimKind kind)
{
    switch (kind) {
    case ClaimKind::Paragraph: return "paragraph";
    case ClaimKind::ListItem: return "listItem";
    case ClaimKind::Heading: return "heading";
    }
    return "paragraph";
}

}  // namespace

std::string csvField(std::string_view text)
{
    if (text.find_first_of(",\"\r\n") == std::string_view::npos)
        return std::string(text);
    std::string quoted = "\"";
    for (char c : text) {
        if (c == '"')
            quoted += '"';
        quoted += c;
    }
    return quoted + "\"";
}

ExportResult exportClaimsCsv(const Note& note)
{
    ExportResult result;
    result.text = "time_ms,time,written,line,section,claim\r\n";
    for (const Citation& citation : note.citations) {
        const std::optional<std::int64_t>& ms = citation.resolution.ms;
        const Claim* claim = claimOf(note, citation);
        result.text += (ms ? std::to_string(*ms) : "") + "," + (ms ? formatClock(*ms) : "") + ","
                     + csvField(citation.written) + "," + std::to_string(citation.line) + ","
                     + csvField(claim ? sectionText(claim->sectionPath) : "") + "," + csvField(claim ? claim->text : "")
                     + "\r\n";
    }
    return result;
}

ExportResult exportClaimsJson(const Note& note, std::optional<std::int64_t> durationMs)
{
    if (!durationMs)
        durationMs = note.frontMatter.durationMs;
    Json claims = Json::array();
    for (const Claim& claim : note.claims) {
        Json citations = Json::array();
        for (int index : claim.citations) {
            if (index >= 0 && static_cast<std::size_t>(index) < note.citations.size())
                citations.push_back(
                    citationJson(note.citations[static_cast<std::size_t>(index)], static_cast<std::size_t>(index)));
        }
        claims.push_back(Json{
            {"id", claim.id},
            {"kind", kindName(claim.kind)},
            {"line", claim.line},
            {"section", claim.sectionPath},
            {"text", claim.text},
            {"citations", std::move(citations)},
        });
    }
    Json outside = Json::array();
    for (std::size_t i = 0; i < note.citations.size(); ++i) {
        if (!claimOf(note, note.citations[i]))
            outside.push_back(citationJson(note.citations[i], i));
    }
    const Json document{
        {"note", note.path},
        {"title", note.displayTitle()},
        {"videoId", note.frontMatter.videoId},
        {"durationMs", jsonOrNull(durationMs)},
        {"claims", std::move(claims)},
        {"citationsOutsideClaims", std::move(outside)},
    };
    ExportResult result;
    // Notes are not always valid UTF-8: replace bad bytes instead of letting dump() throw.
    result.text = document.dump(2, ' ', false, Json::error_handler_t::replace) + "\n";
    return result;
}

}  // namespace scholia
