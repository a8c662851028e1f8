#pragma once
// Which file a wikilink means, as the real vault names its files: exact file name, then
// case-insensitive, then the slug of the target ("Role of AI in X" -> role_of_ai_in_x.md).
// This is the folder-local part; the vault index (a later issue) adds the vault-wide rules.

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>

namespace scholia {

// "Historical context of Irans international relations" -> "historical_context_of_irans_international_relations"
std::string slugifyNoteName(std::string_view target);

enum class LinkRule { Exact, CaseInsensitive, Slug };

struct ResolvedLink {
    std::filesystem::path path;
    LinkRule rule = LinkRule::Exact;
};

// Looks for the note `target` (without ".md"; a target ending in ".md" is accepted) in `folder` only.
// Never returns a path outside `folder` ("../x", absolute targets and separators are refused).
std::optional<ResolvedLink> findNoteInFolder(const std::filesystem::path& folder, std::string_view target);

}  // namespace scholia
