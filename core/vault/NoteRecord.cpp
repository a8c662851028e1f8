#include "vault/NoteRecord.h"

#include "vault/QuickOpen.h"
#include "vault/SearchTerms.h"

#include <algorithm>
#include <cstring>
#include <limits>
#include <new>

namespace scholia {

namespace {

static_assert(sizeof(NoteRecord::HeadingRow) % alignof(NoteRecord::LinkRow) == 0);
static_assert(sizeof(NoteRecord::ClaimRow) % alignof(NoteRecord::LinkRow) == 0);
static_assert(sizeof(NoteRecord::CitationRow) % alignof(NoteRecord::LinkRow) == 0);
static_assert(alignof(NoteRecord::LinkRow) <= alignof(std::max_align_t));

std::int32_t clampedMs(std::int64_t ms)
{
    return static_cast<std::int32_t>(std::clamp<std::int64_t>(ms, 0, std::numeric_limits<std::int32_t>::max()));
}

std::int32_t lineOfCitation(const Note& note, const Citation& citation)
{
    const bool inClaim = citation.claim >= 0 && static_cast<std::size_t>(citation.claim) < note.claims.size();
    return inClaim ? note.claims[static_cast<std::size_t>(citation.claim)].line : citation.line;
}

std::int32_t firstCitationMs(const Note& note, const Claim& claim)
{
    for (const int index : claim.citations) {
        if (index < 0 || static_cast<std::size_t>(index) >= note.citations.size())
            continue;
        if (const auto& ms = note.citations[static_cast<std::size_t>(index)].resolution.ms)
            return clampedMs(*ms);
    }
    return -1;
}

// "channel/some_note.md" -> "some_note"
std::string_view fileStem(std::string_view path)
{
    const std::size_t slash = path.rfind('/');
    std::string_view name = slash == std::string_view::npos ? path : path.substr(slash + 1);
    const std::size_t dot = name.rfind('.');
    return dot == std::string_view::npos || dot == 0 ? name : name.substr(0, dot);
}

// Writes rows and texts into a record's block, front to back.
class BlockWriter {
public:
    BlockWriter(std::byte* block, std::uint32_t stringsAt) : m_block(block), m_stringsAt(stringsAt) { }

    template <typename Row>
    void row(std::uint32_t& at, const Row& value)
    {
        new (m_block + at) Row(value);
        at += sizeof(Row);
    }

    TextSpan text(std::string_view value)
    {
        std::memcpy(m_block + m_stringsAt + m_stringsUsed, value.data(), value.size());
        const TextSpan span{m_stringsUsed, static_cast<std::uint32_t>(value.size())};
        m_stringsUsed += span.size;
        return span;
    }

private:
    std::byte* m_block;
    std::uint32_t m_stringsAt;
    std::uint32_t m_stringsUsed = 0;
};

}  // namespace

std::span<NoteRecord::LinkRow> NoteRecord::links()
{
    if (m_linkCount == 0)
        return {};
    return {std::launder(reinterpret_cast<LinkRow*>(m_data.get() + m_linksAt)), m_linkCount};
}

std::string_view NoteRecord::text(TextSpan span) const
{
    if (span.size == 0)
        return {};
    return {reinterpret_cast<const char*>(m_data.get()) + m_stringsAt + span.offset, span.size};
}

NoteRecord NoteRecord::fromNote(const Note& note, std::string_view relativePath)
{
    const std::string title = note.displayTitle();
    const std::string quickOpenTitle = foldForQuickOpen(title);
    const std::string quickOpenName = foldForQuickOpen(fileStem(relativePath));
    NoteRecord record;
    record.m_outlineCount = static_cast<std::uint32_t>(note.outline.size());
    record.m_claimCount = static_cast<std::uint32_t>(note.claims.size());
    record.m_citationCount = static_cast<std::uint32_t>(std::count_if(
        note.citations.begin(), note.citations.end(), [](const Citation& c) { return c.resolution.ms.has_value(); }));
    record.m_linkCount = static_cast<std::uint32_t>(note.wikilinks.size());
    record.m_claimsAt = record.m_outlineAt + record.m_outlineCount * sizeof(HeadingRow);
    record.m_citationsAt = record.m_claimsAt + record.m_claimCount * sizeof(ClaimRow);
    record.m_linksAt = record.m_citationsAt + record.m_citationCount * sizeof(CitationRow);
    record.m_stringsAt = record.m_linksAt + record.m_linkCount * sizeof(LinkRow);

    std::size_t stringBytes = relativePath.size() + title.size() + note.frontMatter.videoId.size()
                            + quickOpenTitle.size() + quickOpenName.size();
    for (const Heading& heading : note.outline)
        stringBytes += heading.text.size();
    for (const WikiLink& link : note.wikilinks)
        stringBytes += link.target.size() + link.fragment.size();
    record.m_bytes = record.m_stringsAt + static_cast<std::uint32_t>(stringBytes);
    record.m_data = std::make_unique_for_overwrite<std::byte[]>(record.m_bytes);

    BlockWriter writer(record.m_data.get(), record.m_stringsAt);
    record.m_path = writer.text(relativePath);
    record.m_title = writer.text(title);
    record.m_videoId = writer.text(note.frontMatter.videoId);
    record.m_quickOpenTitle = writer.text(quickOpenTitle);
    record.m_quickOpenName = writer.text(quickOpenName);
    record.m_quickOpenLetters = scholia::quickOpenLetters(quickOpenTitle) | scholia::quickOpenLetters(quickOpenName);
    std::uint32_t at = record.m_outlineAt;
    for (const Heading& heading : note.outline)
        writer.row(at, HeadingRow{writer.text(heading.text), heading.line, heading.level});
    for (const Claim& claim : note.claims)
        writer.row(at, ClaimRow{claim.line, firstCitationMs(note, claim)});
    for (const Citation& citation : note.citations)
        if (citation.resolution.ms)
            writer.row(at, CitationRow{clampedMs(*citation.resolution.ms), lineOfCitation(note, citation)});
    for (const WikiLink& link : note.wikilinks) {
        const TextSpan target = writer.text(link.target);
        writer.row(at, LinkRow{target, writer.text(link.fragment), link.line, link.embed, {}, 0, 0});
    }

    record.m_allCitations = static_cast<std::uint32_t>(note.citations.size());
    for (const Diagnostic& diagnostic : note.diagnostics) {
        record.m_warnings += diagnostic.severity == Severity::Warning;
        record.m_errors += diagnostic.severity == Severity::Error;
    }
    return record;
}

NoteRecord NoteRecord::pathOnly(std::string_view relativePath)
{
    NoteRecord record;
    record.m_bytes = static_cast<std::uint32_t>(relativePath.size());
    record.m_data = std::make_unique_for_overwrite<std::byte[]>(record.m_bytes);
    record.m_path = BlockWriter(record.m_data.get(), 0).text(relativePath);
    return record;
}

void collectNoteTerms(const Note& note, DocumentTerms& terms)
{
    terms.addText(note.displayTitle(), 0);
    for (std::size_t i = 0; i < note.claims.size(); ++i)
        terms.addText(note.claims[i].text, static_cast<std::uint32_t>(i + 1));
}

}  // namespace scholia
