#pragma once
// YAML front matter at the very top of a note: simple ones read directly, the rest with yaml-cpp.

#include "common/Diagnostic.h"
#include "note/Note.h"

#include <string_view>
#include <vector>

namespace scholia {

struct FrontMatterSplit {
    std::string_view yaml;       // the text between the fences (empty if none)
    std::size_t bodyOffset = 0;  // byte offset where the Markdown body starts
    int firstLine = 0;           // line of the opening fence, 0 if none
    int lastLine = 0;            // line of the closing fence
    bool unterminated = false;   // an opening fence with no closing one: treated as body
};

// Finds a front matter block ("---" on line 1, closed by "---" or "..."). A UTF-8 BOM is skipped.
FrontMatterSplit splitFrontMatter(std::string_view text);

// Parses the YAML; problems become diagnostics with file line numbers, never exceptions.
// Flat `key: value` mappings are read directly, the rest by yaml-cpp, with the same result.
FrontMatter parseFrontMatter(const FrontMatterSplit& split, std::vector<Diagnostic>& diagnostics);

// Always through yaml-cpp: the reference the direct reading is tested against.
FrontMatter parseFrontMatterWithYamlCpp(const FrontMatterSplit& split, std::vector<Diagnostic>& diagnostics);

}  // namespace scholia
