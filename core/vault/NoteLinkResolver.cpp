#include "vault/NoteLinkResolver.h"

#include "common/Ascii.h"
#include "common/Utf8.h"

#include <algorithm>
#include <array>
#include <cstdint>
#include <system_error>
#include <vector>

namespace scholia {
namespace fs = std::filesystem;

namespace {

// ---- slugs -------------------------------------------------------------------------------
// The real vault's names are the title with punctuation deleted (hyphens and apostrophes too:
// "self-education" -> selfeducation, "China-Taiwan" -> chinataiwan), lowercased, spaces -> '_'.
// Letters of other scripts are kept as written; only ASCII is lowercased.

struct CodePointRange {
    char32_t first;
    char32_t last;
};

// Unicode spaces: separate words like ' '.
constexpr std::array<CodePointRange, 7> kUnicodeSpaces = {{
    {0x00A0, 0x00A0},
    {0x1680, 0x1680},
    {0x2000, 0x200A},
    {0x2028, 0x2029},
    {0x202F, 0x202F},
    {0x205F, 0x205F},
    {0x3000, 0x3000},
}};

// Unicode punctuation, symbols, invisible marks and emoji: deleted like ASCII punctuation.
constexpr std::array<CodePointRange, 17> kUnicodeRemoved = {{
    {0x00A1, 0x00A9},
    {0x00AB, 0x00B4},
    {0x00B6, 0x00B9},
    {0x00BB, 0x00BF},  // ¡ « ° · » ¿ (not ª µ º)
    {0x00D7, 0x00D7},
    {0x00F7, 0x00F7},  // × ÷
    {0x200B, 0x200F},
    {0x2010, 0x2027},
    {0x2030, 0x205E},
    {0x2060, 0x206F},  // general punctuation: ‐ – — ‘ ’ “ ” …
    {0x20A0, 0x20CF},  // currency
    {0x2190, 0x2BFF},  // arrows, maths, shapes, dingbats
    {0x3001, 0x303F},  // CJK punctuation
    {0xFE00, 0xFE0F},
    {0xFEFF, 0xFEFF},  // variation selectors, BOM
    {0xFF01, 0xFF20},
    {0x1F000, 0x1FAFF},  // fullwidth punctuation, emoji
}};

template <std::size_t N>
bool inRanges(char32_t cp, const std::array<CodePointRange, N>& ranges)
{
    return std::any_of(ranges.begin(), ranges.end(),
                       [cp](const CodePointRange& r) { return cp >= r.first && cp <= r.last; });
}

enum class SlugClass { Keep, Separator, Remove };

SlugClass classify(char32_t cp)
{
    if (cp < 0x80) {
        const auto c = static_cast<char>(cp);
        if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'))
            return SlugClass::Keep;
        if (c == ' ' || c == '_' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v')
            return SlugClass::Separator;
        return SlugClass::Remove;  // punctuation, hyphens, apostrophes, control characters
    }
    if (cp < 0xA0 || inRanges(cp, kUnicodeRemoved))
        return SlugClass::Remove;  // C1 controls too
    if (inRanges(cp, kUnicodeSpaces))
        return SlugClass::Separator;
    return SlugClass::Keep;
}

// ---- folder lookup -------------------------------------------------------------------------

constexpr std::string_view kNoteExtension = ".md";

std::string_view trimAsciiSpace(std::string_view text)
{
    constexpr std::string_view kSpace = " \t\r\n\f\v";
    const auto first = text.find_first_not_of(kSpace);
    if (first == std::string_view::npos)
        return {};
    return text.substr(first, text.find_last_not_of(kSpace) - first + 1);
}

// The note name a wikilink target means, or nullopt when it could name a file elsewhere.
std::optional<std::string> safeNoteName(std::string_view target)
{
    std::string_view name = trimAsciiSpace(target);
    if (name.size() > kNoteExtension.size()
        && equalsIgnoringAsciiCase(name.substr(name.size() - kNoteExtension.size()), kNoteExtension))
        name.remove_suffix(kNoteExtension.size());
    const bool escapes = name.find_first_of(std::string_view("/\\\0", 3)) != std::string_view::npos
                      || name.find("..") != std::string_view::npos;
    if (name.empty() || escapes || fs::path(name).has_root_path())
        return std::nullopt;
    return std::string(name);
}

// File names in `folder`, sorted so that every rule picks the same file on every run.
std::vector<std::string> sortedFileNames(const fs::path& folder)
{
    std::vector<std::string> names;
    std::error_code ec;
    fs::directory_iterator it(folder, ec);
    if (ec)
        return names;
    for (const fs::directory_iterator end; it != end; it.increment(ec)) {
        if (ec)
            break;
        names.push_back(it->path().filename().string());
    }
    std::sort(names.begin(), names.end());
    return names;
}

// A regular file (after following symlinks) whose real location is inside the real `folder`.
bool isNoteFileInside(const fs::path& folder, const fs::path& file)
{
    std::error_code ec;
    if (!fs::is_regular_file(file, ec))
        return false;
    const fs::path realFolder = fs::canonical(folder, ec);
    if (ec)
        return false;
    const fs::path realFile = fs::canonical(file, ec);  // a dangling symlink fails here
    if (ec)
        return false;
    const auto [folderEnd, fileRest]
        = std::mismatch(realFolder.begin(), realFolder.end(), realFile.begin(), realFile.end());
    return folderEnd == realFolder.end() && fileRest != realFile.end();
}

template <typename Matches>
std::optional<ResolvedLink> firstMatch(const fs::path& folder, const std::vector<std::string>& names, LinkRule rule,
                                       Matches matches)
{
    for (const std::string& name : names) {
        if (!matches(name))
            continue;
        const fs::path file = folder / name;
        if (isNoteFileInside(folder, file))
            return ResolvedLink{file, rule};
    }
    return std::nullopt;
}

}  // namespace

namespace {

// Whether `name` is its own slug: a-z and 0-9 words joined by single '_'. Most links name a
// file as written, and the vault's file names are slugs: they skip the decoding loop below
// (half the work of resolving such a link).
bool isSlugAlready(std::string_view name)
{
    const auto slugByte = [](char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_'; };
    return !name.empty() && name.front() != '_' && name.back() != '_' && std::all_of(name.begin(), name.end(), slugByte)
        && name.find("__") == std::string_view::npos;
}

}  // namespace

std::string slugifyNoteName(std::string_view target)
{
    if (isSlugAlready(target))
        return std::string(target);
    std::string slug;
    slug.reserve(target.size());
    bool pendingSeparator = false;
    while (!target.empty()) {
        const Utf8Char decoded = decodeUtf8(target);
        const std::string_view bytes = target.substr(0, decoded.length);
        target.remove_prefix(decoded.length);
        if (!decoded.valid)
            continue;  // stray bytes are dropped: the slug stays valid UTF-8
        switch (classify(decoded.codePoint)) {
        case SlugClass::Remove: break;
        case SlugClass::Separator: pendingSeparator = !slug.empty(); break;
        case SlugClass::Keep:
            if (pendingSeparator)
                slug += '_';
            pendingSeparator = false;
            if (decoded.codePoint < 0x80)
                slug += asciiLower(bytes[0]);
            else
                slug += bytes;
            break;
        }
    }
    return slug;
}

std::optional<ResolvedLink> findNoteInFolder(const fs::path& folder, std::string_view target)
{
    const auto name = safeNoteName(target);
    if (!name)
        return std::nullopt;
    const std::vector<std::string> names = sortedFileNames(folder);

    const std::string exact = *name + std::string(kNoteExtension);
    if (auto found = firstMatch(folder, names, LinkRule::Exact, [&](const std::string& n) { return n == exact; }))
        return found;
    if (auto found = firstMatch(folder, names, LinkRule::CaseInsensitive,
                                [&](const std::string& n) { return equalsIgnoringAsciiCase(n, exact); }))
        return found;
    const std::string slug = slugifyNoteName(*name);
    if (slug.empty())
        return std::nullopt;
    const std::string slugFile = slug + std::string(kNoteExtension);
    return firstMatch(folder, names, LinkRule::Slug, [&](const std::string& n) { return n == slugFile; });
}

}  // namespace scholia
