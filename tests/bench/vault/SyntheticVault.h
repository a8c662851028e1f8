#pragma once
// A synthetic vault on disk for the vault benchmark: notes shaped like the bundled sample note
// (~12 KB, same mix of claims, lists, headings and citations), in channel folders, with varied
// titles, topic words, citation times, and wikilinks between the notes written the ways the
// real vault writes them (exact file name, title to slugify, other case, dangling).
// Deterministic; generated once into a folder and reused while its stamp file matches.

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <string>
#include <string_view>

namespace scholia::bench {

struct SyntheticVaultSpec {
    std::size_t notes = 20000;
    std::size_t channels = 100;
    std::uint32_t seed = 20240917;
};

struct SyntheticVault {
    std::filesystem::path root;
    std::size_t notes = 0;
    std::uintmax_t bytes = 0;
    bool generated = false;  // false: an earlier run's files were reused
};

// Writes the vault into `root` unless a complete one with the same spec is already there.
// Returns an empty root when it cannot write.
SyntheticVault ensureSyntheticVault(const std::filesystem::path& root, std::string_view templateNote,
                                    const SyntheticVaultSpec& spec);

}  // namespace scholia::bench
