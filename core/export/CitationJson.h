#pragma once
// One citation as JSON, with the same keys wherever Scholia writes one (`scholia-cli claims
// --json` and the JSON export), so the two can never drift apart.

#include "note/Note.h"

#include <nlohmann/json.hpp>

#include <cstddef>
#include <cstdint>
#include <optional>

namespace scholia {

// null when there is no value.
nlohmann::ordered_json jsonOrNull(const std::optional<std::int64_t>& value);

// {"index", "written", "label", "line", "column", "ms", "clock", "reinterpreted", "pastEnd",
//  "explanation"}, keys in that order.
nlohmann::ordered_json citationJson(const Citation& citation, std::size_t index);

}  // namespace scholia
