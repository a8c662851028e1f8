#include "vault/NoteNameTable.h"

#include "common/FastHash.h"

#include <algorithm>
#include <bit>
#include <filesystem>
#include <map>
#include <tuple>
#include <utility>

namespace scholia {

namespace {

constexpr std::string_view kNoteExtension = ".md";

char asciiLower(char c)
{
    return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
}

std::string asciiLower(std::string_view text)
{
    std::string lower(text);
    for (char& c : lower)
        c = asciiLower(c);
    return lower;
}

bool endsWithIgnoringCase(std::string_view text, std::string_view lowerSuffix)
{
    return text.size() >= lowerSuffix.size()
        && std::equal(lowerSuffix.begin(), lowerSuffix.end(),
                      text.end() - static_cast<std::ptrdiff_t>(lowerSuffix.size()),
                      [](char suffix, char c) { return suffix == asciiLower(c); });
}

std::string_view trimmed(std::string_view text)
{
    constexpr std::string_view kSpace = " \t\r\n\f\v";
    const auto first = text.find_first_not_of(kSpace);
    if (first == std::string_view::npos)
        return {};
    return text.substr(first, text.find_last_not_of(kSpace) - first + 1);
}

std::string_view folderOf(std::string_view path)
{
    const auto slash = path.rfind('/');
    return slash == std::string_view::npos ? std::string_view{} : path.substr(0, slash);
}

std::string_view fileNameOf(std::string_view path)
{
    const auto slash = path.rfind('/');
    return slash == std::string_view::npos ? path : path.substr(slash + 1);
}

std::string_view stemOf(std::string_view path)
{
    std::string_view name = fileNameOf(path);
    if (endsWithIgnoringCase(name, kNoteExtension))
        name.remove_suffix(kNoteExtension.size());
    return name;
}

// The bytes the checks for a path below look at; most names have none of them.
bool mayBePath(std::string_view name)
{
    return std::any_of(name.begin(), name.end(),
                       [](char c) { return c == '/' || c == '\\' || c == '\0' || c == '.' || c == ':'; });
}

// noteNameOfTarget(), as a part of `target`: resolving needs no copy of the name.
std::optional<std::string_view> noteNameIn(std::string_view target)
{
    std::string_view name = trimmed(target);
    if (name.size() > kNoteExtension.size() && endsWithIgnoringCase(name, kNoteExtension))
        name.remove_suffix(kNoteExtension.size());
    // Most names have none of those bytes: one pass over the name, not three.
    if (!mayBePath(name))
        return name.empty() ? std::nullopt : std::optional(name);
    // A loop, not find_first_of(), which calls memchr on its set for every byte of the name.
    const bool separator
        = std::any_of(name.begin(), name.end(), [](char c) { return c == '/' || c == '\\' || c == '\0'; });
    const bool path = separator || name.find("..") != std::string_view::npos;
    // Without separators only a drive ("C:x" on Windows) can root a name: the path is built,
    // and allocated, only then (it was a third of resolving a link).
    const bool rooted = name.find(':') != std::string_view::npos && std::filesystem::path(name).has_root_path();
    if (name.empty() || path || rooted)
        return std::nullopt;
    return name;
}

std::uint32_t slotHash(std::uint64_t hash)
{
    return static_cast<std::uint32_t>(hash >> 32);
}

}  // namespace

std::optional<std::string> noteNameOfTarget(std::string_view target)
{
    const std::optional<std::string_view> name = noteNameIn(target);
    if (!name)
        return std::nullopt;
    return std::string(*name);
}

NameKeys nameKeysOfTarget(std::string_view target)
{
    const std::optional<std::string_view> name = noteNameIn(target);
    if (!name)
        return {};
    return NameKeys{asciiLower(*name), slugifyNoteName(*name)};
}

std::string foldedStemOf(std::string_view relativePath)
{
    return asciiLower(stemOf(relativePath));
}

// ---- NameMap --------------------------------------------------------------------------------

const NoteNameTable::NameMap::Entry* NoteNameTable::NameMap::find(std::string_view name, std::uint64_t hash) const
{
    if (slots.empty())
        return nullptr;
    const std::size_t mask = slots.size() - 1;
    const std::uint32_t wanted = slotHash(hash);
    for (std::size_t at = wanted & mask; slots[at].entry != 0; at = (at + 1) & mask) {
        if (slots[at].hash != wanted)
            continue;
        const Entry& entry = entries[slots[at].entry - 1];
        if (std::string_view(text).substr(entry.textAt, entry.textSize) == name)
            return &entry;
    }
    return nullptr;
}

NoteNameTable::NameMap::Entry* NoteNameTable::NameMap::findEntry(std::string_view name, std::uint64_t hash)
{
    return const_cast<Entry*>(std::as_const(*this).find(name, hash));
}

void NoteNameTable::NameMap::insertSlot(Slot slot)
{
    const std::size_t mask = slots.size() - 1;
    std::size_t at = slot.hash & mask;
    while (slots[at].entry != 0)
        at = (at + 1) & mask;
    slots[at] = slot;
}

void NoteNameTable::NameMap::reserve(std::size_t names)
{
    const std::size_t size = std::bit_ceil(std::max<std::size_t>(16, names * 2));
    if (size <= slots.size())
        return;
    const std::vector<Slot> old = std::exchange(slots, std::vector<Slot>(size));
    for (const Slot slot : old)
        if (slot.entry != 0)
            insertSlot(slot);
    entries.reserve(names);
}

void NoteNameTable::NameMap::add(std::string_view name, std::uint64_t hash, std::uint32_t note)
{
    if (note >= next.size())
        next.resize(note + 1, kNoNote);
    Entry* entry = findEntry(name, hash);
    if (!entry) {
        if ((entries.size() + 1) * 2 > slots.size())
            reserve(std::max<std::size_t>(16, entries.size() * 2));
        entries.push_back(Entry{static_cast<std::uint32_t>(text.size()), static_cast<std::uint32_t>(name.size())});
        text += name;
        insertSlot(Slot{slotHash(hash), static_cast<std::uint32_t>(entries.size())});
        entry = &entries.back();
        ++emptyEntries;
    }
    if (entry->count++ == 0)
        --emptyEntries;
    // At the end of the chain, as notes came: equal paths keep their order.
    std::uint32_t* link = &entry->first;
    while (*link != kNoNote)
        link = &next[*link];
    *link = note;
    next[note] = kNoNote;
}

void NoteNameTable::NameMap::remove(std::string_view name, std::uint64_t hash, std::uint32_t note)
{
    Entry* entry = findEntry(name, hash);
    if (!entry)
        return;
    for (std::uint32_t* link = &entry->first; *link != kNoNote; link = &next[*link]) {
        if (*link != note)
            continue;
        *link = next[note];
        next[note] = kNoNote;
        if (--entry->count == 0)
            ++emptyEntries;
        return;
    }
}

std::size_t NoteNameTable::NameMap::memoryBytes() const
{
    constexpr std::size_t kSsoCapacity = 15;
    std::size_t bytes = slots.capacity() * sizeof(Slot) + entries.capacity() * sizeof(Entry);
    bytes += next.capacity() * sizeof(std::uint32_t);
    return bytes + (text.capacity() > kSsoCapacity ? text.capacity() + 1 : 0);
}

// ---- NoteNameTable --------------------------------------------------------------------------

NoteNameTable::NoteNameTable(std::vector<std::string> relativePaths) : m_paths(std::move(relativePaths))
{
    reindex();
}

void NoteNameTable::reindex()
{
    m_byName = {};
    m_byFoldedName = {};
    std::size_t notes = 0;
    std::size_t textBytes = 0;
    for (const std::string& path : m_paths) {
        notes += path.empty() ? 0 : 1;
        textBytes += stemOf(path).size();
    }
    for (NameMap* map : {&m_byName, &m_byFoldedName}) {
        map->reserve(notes);
        map->text.reserve(textBytes);
        map->next.assign(m_paths.size(), kNoNote);
    }
    for (std::uint32_t i = 0; i < m_paths.size(); ++i)
        index(i);
}

void NoteNameTable::index(std::uint32_t note)
{
    if (m_paths[note].empty())
        return;
    const std::string_view stem = stemOf(m_paths[note]);
    const std::string folded = asciiLower(stem);
    m_byName.add(stem, fastHash(stem), note);
    m_byFoldedName.add(folded, fastHash(folded), note);
}

void NoteNameTable::add(std::uint32_t note, std::string relativePath)
{
    remove(note);
    if (note >= m_paths.size())
        m_paths.resize(note + 1);
    m_paths[note] = std::move(relativePath);
    index(note);
}

void NoteNameTable::remove(std::uint32_t note)
{
    if (note >= m_paths.size() || m_paths[note].empty())
        return;
    const std::string_view stem = stemOf(m_paths[note]);
    const std::string folded = asciiLower(stem);
    m_byName.remove(stem, fastHash(stem), note);
    m_byFoldedName.remove(folded, fastHash(folded), note);
    m_paths[note].clear();
    // Names that left stay as empty entries; once they are most of a map, it starts afresh.
    constexpr std::size_t kFewEntries = 64;
    const auto mostlyEmpty = [](const NameMap& map) { return map.emptyEntries * 2 > map.entries.size() + kFewEntries; };
    if (mostlyEmpty(m_byName) || mostlyEmpty(m_byFoldedName))
        reindex();
}

std::optional<LinkResolution> NoteNameTable::pick(const NameMap& map, std::string_view key, std::uint64_t hash,
                                                  LinkRule rule, std::string_view fromPath) const
{
    const NameMap::Entry* found = map.find(key, hash);
    if (!found || found->count == 0)
        return std::nullopt;
    if (found->count == 1)  // nearly always: nothing to prefer
        return LinkResolution{LinkStatus::Resolved, found->first, rule, 1};
    // Same folder first, then fewest folders, then fewest bytes, then byte order.
    const std::string_view fromFolder = folderOf(fromPath);
    const auto rank = [&](std::uint32_t note) {
        const std::string& path = m_paths[note];
        return std::tuple(folderOf(path) != fromFolder, std::count(path.begin(), path.end(), '/'), path.size(),
                          std::string_view(path));
    };
    std::uint32_t best = found->first;
    auto bestRank = rank(best);
    for (std::uint32_t note = map.next[best]; note != kNoNote; note = map.next[note]) {
        auto noteRank = rank(note);
        if (noteRank < bestRank) {
            best = note;
            bestRank = noteRank;
        }
    }
    return LinkResolution{LinkStatus::Resolved, best, rule, found->count};
}

template <typename Folded, typename Slug>
LinkResolution NoteNameTable::resolveName(std::string_view name, std::string_view fromPath, Folded folded,
                                          Slug slug) const
{
    if (auto exact = pick(m_byName, name, fastHash(name), LinkRule::Exact, fromPath))
        return *exact;
    const std::string_view foldedName = folded();
    if (auto byFolded = pick(m_byFoldedName, foldedName, fastHash(foldedName), LinkRule::CaseInsensitive, fromPath))
        return *byFolded;
    // Slugs are ASCII-lowercase already, so the folded map also finds "Foo_Bar.md" for "foo bar".
    // For the same reason a slug equal to the folded name, which found nothing, finds nothing.
    const std::string_view slugged = slug();
    if (!slugged.empty() && slugged != foldedName) {
        const std::uint64_t hash = fastHash(slugged);
        if (auto found = pick(m_byName, slugged, hash, LinkRule::Slug, fromPath))
            return *found;
        if (auto found = pick(m_byFoldedName, slugged, hash, LinkRule::Slug, fromPath))
            return *found;
    }
    return LinkResolution{LinkStatus::Missing};
}

LinkResolution NoteNameTable::resolve(std::string_view target, std::string_view fromPath) const
{
    const std::optional<std::string_view> name = noteNameIn(target);
    if (!name)
        return LinkResolution{LinkStatus::Refused};
    std::string folded;
    std::string slug;
    return resolveName(
        *name, fromPath,
        [&] {
            folded = asciiLower(*name);
            return std::string_view(folded);
        },
        [&] {
            slug = slugifyNoteName(*name);
            return std::string_view(slug);
        });
}

LinkResolution NoteNameTable::resolve(std::string_view target, std::string_view fromPath, NameKeys& keys) const
{
    const std::optional<std::string_view> name = noteNameIn(target);
    if (!name) {
        keys = {};
        return LinkResolution{LinkStatus::Refused};
    }
    keys.folded.assign(*name);  // in place: a caller that reuses its keys allocates nothing here
    for (char& c : keys.folded)
        c = asciiLower(c);
    keys.slug = slugifyNoteName(*name);
    return resolveName(
        *name, fromPath, [&] { return std::string_view(keys.folded); }, [&] { return std::string_view(keys.slug); });
}

std::vector<std::pair<std::string, std::vector<std::uint32_t>>> NoteNameTable::namesInSeveralFolders() const
{
    std::map<std::string, std::vector<std::uint32_t>> byFileName;
    for (const NameMap::Entry& entry : m_byName.entries)
        if (entry.count > 1)
            for (std::uint32_t note = entry.first; note != kNoNote; note = m_byName.next[note])
                byFileName[std::string(fileNameOf(m_paths[note]))].push_back(note);
    std::vector<std::pair<std::string, std::vector<std::uint32_t>>> names;
    for (auto& [name, notes] : byFileName) {
        if (notes.size() < 2)
            continue;  // "a.md" and "a.MD": one stem, two file names
        std::sort(notes.begin(), notes.end(),
                  [&](std::uint32_t a, std::uint32_t b) { return m_paths[a] < m_paths[b]; });
        names.emplace_back(name, std::move(notes));
    }
    return names;
}

std::size_t NoteNameTable::memoryBytes() const
{
    constexpr std::size_t kSsoCapacity = 15;
    std::size_t bytes = m_paths.capacity() * sizeof(std::string);
    for (const std::string& path : m_paths)
        bytes += path.capacity() > kSsoCapacity ? path.capacity() + 1 : 0;
    return bytes + m_byName.memoryBytes() + m_byFoldedName.memoryBytes();
}

}  // namespace scholia
