#pragma once
// Vault-wide wikilink resolution, the rules measured on the real vault: the target's exact file
// name, else the name ignoring ASCII case, else its slug (slugifyNoteName) as the file name.
// When a rule matches notes in several folders, the linking note's own folder wins, then the
// shortest path (fewest folders, then fewest bytes), then the first in byte order.
// A target is a name, never a path: "../x", "/etc/x", "a/b" are refused, so no link can
// leave the vault (nor name a file inside it by path).

#include "vault/NoteLinkResolver.h"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace scholia {

enum class LinkStatus {
    Resolved,
    Missing,  // a name no note has
    Refused,  // not a note name: a path, "..", empty
};

struct LinkResolution {
    LinkStatus status = LinkStatus::Missing;
    std::uint32_t note = 0;           // when Resolved: the index given to the table
    LinkRule rule = LinkRule::Exact;  // when Resolved: the rule that found it
    std::uint32_t candidates = 0;     // notes that rule matched; > 1 means a preference chose

    friend bool operator==(const LinkResolution&, const LinkResolution&) = default;
};

// The note name a target means ("  Foo.md " -> "Foo"), or nothing when it is not a plain name.
std::optional<std::string> noteNameOfTarget(std::string_view target);

// What a note name or a target can match: its ASCII-lowercased form and its slug. A target
// can resolve to a file whose stem folds to F only if one of its keys is F; so when a file
// comes or goes, only the links with a key equal to its folded stem can resolve differently.
struct NameKeys {
    std::string folded;
    std::string slug;
};
NameKeys nameKeysOfTarget(std::string_view target);  // both empty for a target that is refused
std::string foldedStemOf(std::string_view relativePath);

class NoteNameTable {
public:
    NoteNameTable() = default;

    // `relativePaths[i]` is note i's path inside the vault, '/'-separated ("channel/name.md");
    // an empty string leaves index i unused (a removed note).
    explicit NoteNameTable(std::vector<std::string> relativePaths);

    // One note more or less, for a vault that changes on disk. `note` may be a new index.
    void add(std::uint32_t note, std::string relativePath);
    void remove(std::uint32_t note);

    // `fromPath`: the linking note's relative path, for the same-folder preference.
    LinkResolution resolve(std::string_view target, std::string_view fromPath) const;
    // The same, also giving the target's nameKeysOfTarget(): a vault index keeps both, and
    // they share the work.
    LinkResolution resolve(std::string_view target, std::string_view fromPath, NameKeys& keys) const;

    // File names (with extension) that several notes share, each with their note indices by path.
    std::vector<std::pair<std::string, std::vector<std::uint32_t>>> namesInSeveralFolders() const;

    std::size_t memoryBytes() const;  // heap estimate

private:
    static constexpr std::uint32_t kNoNote = UINT32_MAX;

    // A name's notes, found by the name. Open addressing (power-of-two slots, linear probing, at
    // most half full) over a 64-bit hash: a lookup reads a slot, an entry and the name's bytes, where
    // std::unordered_map divided by a prime and chased a node, a key and a vector. A name's notes
    // are chained through `next`, in the order they came. A name whose notes all left keeps its
    // entry, with no notes, for when it comes back; once such entries are most of a map,
    // reindex() starts afresh.
    struct NameMap {
        struct Slot {
            std::uint32_t hash = 0;   // the high half of the name's hash
            std::uint32_t entry = 0;  // its index in `entries` + 1; 0 for a free slot
        };
        struct Entry {
            std::uint32_t textAt = 0;  // the name: text.substr(textAt, textSize)
            std::uint32_t textSize = 0;
            std::uint32_t first = kNoNote;
            std::uint32_t count = 0;
        };

        std::vector<Slot> slots;
        std::vector<Entry> entries;
        std::string text;                 // every entry's name, back to back
        std::vector<std::uint32_t> next;  // by note: the next note with its name, or kNoNote
        std::size_t emptyEntries = 0;

        const Entry* find(std::string_view name, std::uint64_t hash) const;
        void add(std::string_view name, std::uint64_t hash, std::uint32_t note);
        void remove(std::string_view name, std::uint64_t hash, std::uint32_t note);
        void reserve(std::size_t names);
        std::size_t memoryBytes() const;
        Entry* findEntry(std::string_view name, std::uint64_t hash);
        void insertSlot(Slot slot);
    };

    // `hash` is fastHash(key), passed in as the slug is looked up in both maps. `fromPath` serves
    // only to prefer one of several notes.
    std::optional<LinkResolution> pick(const NameMap& map, std::string_view key, std::uint64_t hash, LinkRule rule,
                                       std::string_view fromPath) const;
    // `folded()` and `slug()` give the name's keys; asked for only when the name as written
    // finds no note.
    template <typename Folded, typename Slug>
    LinkResolution resolveName(std::string_view name, std::string_view fromPath, Folded folded, Slug slug) const;
    void index(std::uint32_t note);
    void reindex();

    std::vector<std::string> m_paths;
    NameMap m_byName;        // file name without extension, as written
    NameMap m_byFoldedName;  // the same, ASCII-lowercased
};

}  // namespace scholia
