#pragma once
// A corpus of many distinct notes made in memory from one real note, for throughput numbers
// that do not hinge on one file staying hot in the cache. Deterministic: same seed, same bytes.

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace scholia::bench {

struct Corpus {
    std::vector<std::string> notes;
    std::size_t totalBytes = 0;
};

// Each note is `seedNote` with its title, wikilink targets and citation times varied.
Corpus makeCorpus(std::string_view seedNote, std::size_t count, std::uint32_t seed);

}  // namespace scholia::bench
