#pragma once
// What the vault index keeps of one note: the few fields the GUI lists and jumps to, a few KB
// instead of the ~5 KB of a Note or the ~90 KB of its cmark tree. Claim texts are not kept:
// search finds them through the TermIndex and snippets re-read the file.
//
// Everything sits in one heap block (fixed-size rows, then the texts). Several small blocks
// per note, left between the parser's freed ones, fragmented the heap enough to make the
// parser's own allocations twice as slow over 20,000 notes.

#include "note/Note.h"
#include "vault/NoteNameTable.h"
#include "vault/TermIndex.h"

#include <cstddef>
#include <cstdint>
#include <memory>
#include <new>
#include <span>
#include <string_view>

namespace scholia {

struct TextSpan {
    std::uint32_t offset = 0;
    std::uint32_t size = 0;
};

class NoteRecord {
public:
    struct HeadingRow {
        TextSpan text;
        std::int32_t line = 0;
        std::int32_t level = 1;
    };
    struct ClaimRow {
        std::int32_t line = 0;
        std::int32_t firstMs = -1;  // the time of its first citation; -1 when it has none
    };
    struct CitationRow {
        std::int32_t ms = 0;
        std::int32_t line = 0;  // the line of its claim (of the citation itself outside claims)
    };
    struct LinkRow {
        TextSpan target;
        TextSpan fragment;
        std::int32_t line = 0;
        std::int32_t embed = 0;
        LinkResolution resolution;    // filled by the vault index once every note is known
        std::uint32_t foldedKey = 0;  // hashes of the target's NameKeys: which links a file that
        std::uint32_t slugKey = 0;    // comes or goes can concern (NoteNameTable.h)
    };

    NoteRecord() = default;

    // `note` parsed (keepBody = false) and resolved; its links are left for the vault to resolve.
    static NoteRecord fromNote(const Note& note, std::string_view relativePath);
    // What is left of a removed note: its path, so that it keeps its NoteId if it comes back.
    static NoteRecord pathOnly(std::string_view relativePath);

    std::string_view path() const { return text(m_path); }
    std::string_view title() const { return text(m_title); }
    std::string_view videoId() const { return text(m_videoId); }
    // The title and the file name folded for quick open (QuickOpen.h), kept so that typing
    // does not fold 20,000 titles at every key.
    std::string_view quickOpenTitle() const { return text(m_quickOpenTitle); }
    std::string_view quickOpenName() const { return text(m_quickOpenName); }
    std::uint64_t quickOpenLetters() const { return m_quickOpenLetters; }  // of both
    std::string_view text(TextSpan span) const;

    std::span<const HeadingRow> outline() const { return rows<HeadingRow>(m_outlineAt, m_outlineCount); }
    std::span<const ClaimRow> claims() const { return rows<ClaimRow>(m_claimsAt, m_claimCount); }
    std::span<const CitationRow> citations() const { return rows<CitationRow>(m_citationsAt, m_citationCount); }
    std::span<const LinkRow> links() const { return rows<LinkRow>(m_linksAt, m_linkCount); }
    std::span<LinkRow> links();

    std::uint32_t citationCount() const { return m_allCitations; }  // with or without a time
    std::uint32_t warningCount() const { return m_warnings; }       // parse and timestamp diagnostics
    std::uint32_t errorCount() const { return m_errors; }

    std::size_t memoryBytes() const { return sizeof(NoteRecord) + m_bytes; }

private:
    template <typename Row>
    std::span<const Row> rows(std::uint32_t at, std::uint32_t count) const;

    std::unique_ptr<std::byte[]> m_data;
    std::uint32_t m_bytes = 0;
    std::uint32_t m_outlineAt = 0;
    std::uint32_t m_outlineCount = 0;
    std::uint32_t m_claimsAt = 0;
    std::uint32_t m_claimCount = 0;
    std::uint32_t m_citationsAt = 0;
    std::uint32_t m_citationCount = 0;
    std::uint32_t m_linksAt = 0;
    std::uint32_t m_linkCount = 0;
    std::uint32_t m_stringsAt = 0;
    TextSpan m_path;
    TextSpan m_title;
    TextSpan m_videoId;
    TextSpan m_quickOpenTitle;
    TextSpan m_quickOpenName;
    std::uint64_t m_quickOpenLetters = 0;
    std::uint32_t m_allCitations = 0;
    std::uint32_t m_warnings = 0;
    std::uint32_t m_errors = 0;
};

template <typename Row>
std::span<const Row> NoteRecord::rows(std::uint32_t at, std::uint32_t count) const
{
    if (count == 0)
        return {};
    return {std::launder(reinterpret_cast<const Row*>(m_data.get() + at)), count};  // built by fromNote()
}

// The words search indexes for `note`, added to `terms`: slot 0 is the title, slot 1 + i claim i.
void collectNoteTerms(const Note& note, DocumentTerms& terms);

}  // namespace scholia
