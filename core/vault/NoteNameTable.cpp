#include "vault/NoteNameTable.h"

#include <algorithm>
#include <filesystem>
#include <map>
#include <tuple>

namespace scholia {

namespace {

constexpr std::string_view kNoteExtension = ".md";

std::string asciiLower(std::string_view text)
{
    std::string lower(text);
    for (char& c : lower)
        if (c >= 'A' && c <= 'Z')
            c = static_cast<char>(c - 'A' + 'a');
    return lower;
}

bool endsWithIgnoringCase(std::string_view text, std::string_view suffix)
{
    return text.size() >= suffix.size() && asciiLower(text.substr(text.size() - suffix.size())) == suffix;
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

}  // namespace

std::optional<std::string> noteNameOfTarget(std::string_view target)
{
    std::string_view name = trimmed(target);
    if (name.size() > kNoteExtension.size() && endsWithIgnoringCase(name, kNoteExtension))
        name.remove_suffix(kNoteExtension.size());
    // A loop, not find_first_of(), which calls memchr on its set for every byte of the name.
    const bool separator = std::any_of(name.begin(), name.end(), [](char c) { return c == '/' || c == '\\' || c == '\0'; });
    const bool path = separator || name.find("..") != std::string_view::npos;
    // Without separators only a drive ("C:x" on Windows) can root a name: the path is built,
    // and allocated, only then (it was a third of resolving a link).
    const bool rooted = name.find(':') != std::string_view::npos && std::filesystem::path(name).has_root_path();
    if (name.empty() || path || rooted)
        return std::nullopt;
    return std::string(name);
}

NameKeys nameKeysOfTarget(std::string_view target)
{
    const std::optional<std::string> name = noteNameOfTarget(target);
    if (!name)
        return {};
    return NameKeys{asciiLower(*name), slugifyNoteName(*name)};
}

std::string foldedStemOf(std::string_view relativePath)
{
    return asciiLower(stemOf(relativePath));
}

NoteNameTable::NoteNameTable(std::vector<std::string> relativePaths) : m_paths(std::move(relativePaths))
{
    for (std::uint32_t i = 0; i < m_paths.size(); ++i)
        index(i);
}

void NoteNameTable::index(std::uint32_t note)
{
    if (m_paths[note].empty())
        return;
    const std::string_view stem = stemOf(m_paths[note]);
    m_byName[std::string(stem)].push_back(note);
    m_byFoldedName[asciiLower(stem)].push_back(note);
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
    const auto forget = [note](NameMap& map, const std::string& key) {
        const auto found = map.find(key);
        if (found == map.end())
            return;
        std::erase(found->second, note);
        if (found->second.empty())
            map.erase(found);
    };
    forget(m_byName, std::string(stem));
    forget(m_byFoldedName, asciiLower(stem));
    m_paths[note].clear();
}

std::optional<LinkResolution> NoteNameTable::pick(const NameMap& map, const std::string& key, LinkRule rule,
                                                  std::string_view fromFolder) const
{
    const auto found = map.find(key);
    if (found == map.end() || found->second.empty())
        return std::nullopt;
    // Same folder first, then fewest folders, then fewest bytes, then byte order.
    const auto rank = [&](std::uint32_t note) {
        const std::string& path = m_paths[note];
        return std::tuple(folderOf(path) != fromFolder, std::count(path.begin(), path.end(), '/'), path.size(),
                          std::string_view(path));
    };
    const std::vector<std::uint32_t>& notes = found->second;
    const auto best = std::min_element(notes.begin(), notes.end(),
                                       [&](std::uint32_t a, std::uint32_t b) { return rank(a) < rank(b); });
    return LinkResolution{LinkStatus::Resolved, *best, rule, static_cast<std::uint32_t>(notes.size())};
}

template <typename Folded, typename Slug>
LinkResolution NoteNameTable::resolveName(const std::string& name, std::string_view fromPath, Folded folded,
                                          Slug slug) const
{
    const std::string_view fromFolder = folderOf(fromPath);
    if (auto exact = pick(m_byName, name, LinkRule::Exact, fromFolder))
        return *exact;
    if (auto byFolded = pick(m_byFoldedName, folded(), LinkRule::CaseInsensitive, fromFolder))
        return *byFolded;
    // Slugs are ASCII-lowercase already, so the folded map also finds "Foo_Bar.md" for "foo bar".
    const auto& slugged = slug();
    if (!slugged.empty()) {
        if (auto found = pick(m_byName, slugged, LinkRule::Slug, fromFolder))
            return *found;
        if (auto found = pick(m_byFoldedName, slugged, LinkRule::Slug, fromFolder))
            return *found;
    }
    return LinkResolution{LinkStatus::Missing};
}

LinkResolution NoteNameTable::resolve(std::string_view target, std::string_view fromPath) const
{
    const std::optional<std::string> name = noteNameOfTarget(target);
    if (!name)
        return LinkResolution{LinkStatus::Refused};
    return resolveName(
        *name, fromPath, [&] { return asciiLower(*name); }, [&] { return slugifyNoteName(*name); });
}

LinkResolution NoteNameTable::resolve(std::string_view target, std::string_view fromPath, NameKeys& keys) const
{
    const std::optional<std::string> name = noteNameOfTarget(target);
    if (!name) {
        keys = {};
        return LinkResolution{LinkStatus::Refused};
    }
    keys = NameKeys{asciiLower(*name), slugifyNoteName(*name)};
    return resolveName(
        *name, fromPath, [&]() -> const std::string& { return keys.folded; },
        [&]() -> const std::string& { return keys.slug; });
}

std::vector<std::pair<std::string, std::vector<std::uint32_t>>> NoteNameTable::namesInSeveralFolders() const
{
    std::map<std::string, std::vector<std::uint32_t>> byFileName;
    for (const auto& [stem, notes] : m_byName)
        if (notes.size() > 1)
            for (const std::uint32_t note : notes)
                byFileName[std::string(fileNameOf(m_paths[note]))].push_back(note);
    std::vector<std::pair<std::string, std::vector<std::uint32_t>>> names;
    for (auto& [name, notes] : byFileName) {
        if (notes.size() < 2)
            continue;  // "a.md" and "a.MD": one stem, two file names
        std::sort(notes.begin(), notes.end(), [&](std::uint32_t a, std::uint32_t b) { return m_paths[a] < m_paths[b]; });
        names.emplace_back(name, std::move(notes));
    }
    return names;
}

std::size_t NoteNameTable::memoryBytes() const
{
    // An unordered_map node holds a next pointer and the cached hash besides the value; each
    // key also costs a bucket pointer.
    constexpr std::size_t kNodeOverhead = 16 + sizeof(void*);
    constexpr std::size_t kSsoCapacity = 15;
    const auto stringHeap = [](const std::string& s) { return s.capacity() > kSsoCapacity ? s.capacity() + 1 : 0; };
    std::size_t bytes = m_paths.capacity() * sizeof(std::string);
    for (const std::string& path : m_paths)
        bytes += stringHeap(path);
    for (const NameMap* map : {&m_byName, &m_byFoldedName}) {
        bytes += map->bucket_count() * sizeof(void*);
        for (const auto& [name, notes] : *map)
            bytes += kNodeOverhead + sizeof(std::string) + sizeof(notes) + stringHeap(name) +
                     notes.capacity() * sizeof(std::uint32_t);
    }
    return bytes;
}

}  // namespace scholia
