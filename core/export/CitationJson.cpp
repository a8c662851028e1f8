#include "export/CitationJson.h"

#include "timestamp/Timestamp.h"

namespace scholia {

using Json = nlohmann::ordered_json;

Json jsonOrNull(const std::optional<std::int64_t>& value)
{
    return value ? Json(*value) : Json();
}

Json citationJson(const Citation& citation, std::size_t index)
{
    const Resolution& resolution = citation.resolution;
    return Json{
        {"index", index},
        {"written", citation.written},
        {"label", citation.label},
        {"line", citation.line},
        {"column", citation.column},
        {"ms", jsonOrNull(resolution.ms)},
        {"clock", resolution.ms ? Json(formatClock(*resolution.ms)) : Json()},
        {"reinterpreted", resolution.reinterpreted},
        {"pastEnd", resolution.pastEnd},
        {"explanation", resolution.explanation},
    };
}

}  // namespace scholia
