#pragma once
// The vault index: every note below a folder, as a compact model (NoteRecord) and an inverted
// index of titles and claims (TermIndex), for the vault features: wikilinks resolved vault-wide
// (NoteNameTable), backlinks, notes about the same video, search, quick open, and the checks
// `scholia-cli check` prints. No cmark trees and no HTML are kept: about 5 KB a note.
//
// build() indexes on worker threads and blocks; a GUI runs it through VaultIndexBuild (or its
// own thread) and polls IndexProgress. Queries are const, so several threads may query at once
// without a lock; update() and remove() must not run during queries. Snippets re-read just the
// file they quote. A NoteId stays the same for a path (even removed and back) until a rebuild.

#include "common/Diagnostic.h"
#include "vault/NoteNameTable.h"
#include "vault/NoteRecord.h"
#include "vault/SearchTerms.h"
#include "vault/Snippet.h"
#include "vault/TermIndex.h"
#include "vault/VaultFiles.h"

#include <atomic>
#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace scholia {

using NoteId = std::uint32_t;

struct VaultIndexOptions {
    unsigned threads = 0;  // 0: std::thread::hardware_concurrency()
    std::uintmax_t maxFileBytes = kDefaultMaxNoteBytes;
};

// Written by the indexing threads, read by whoever polls (a GUI timer); cancelRequested the
// other way. Counts are monotonic; filesFound is final once listingDone.
struct IndexProgress {
    std::atomic<std::size_t> filesFound{0};    // note files listed so far
    std::atomic<std::size_t> filesIndexed{0};  // read and indexed, or skipped
    std::atomic<bool> listingDone{false};
    std::atomic<bool> cancelRequested{false};
};

struct NoteSummary {
    NoteId id = 0;
    std::string path;  // relative to the vault, '/'-separated
    std::string title;
    std::string videoId;
    std::size_t claims = 0;
    std::size_t citations = 0;
    std::size_t links = 0;
    std::size_t unresolvedLinks = 0;
    std::size_t warnings = 0;
    std::size_t errors = 0;
};

struct OutlineEntry {
    int level = 1;
    int line = 0;
    std::string text;

    friend bool operator==(const OutlineEntry&, const OutlineEntry&) = default;
};

struct ClaimEntry {
    int line = 0;
    std::optional<std::int64_t> firstCitationMs;

    friend bool operator==(const ClaimEntry&, const ClaimEntry&) = default;
};

struct NoteLink {
    std::string target;
    std::string fragment;  // "#heading" without '#': where to scroll in the target
    int line = 0;
    bool embed = false;
    LinkResolution resolution;  // resolution.note is a NoteId when Resolved
};

struct Backlink {
    NoteId from = 0;
    std::size_t link = 0;  // index into links(from)
    int line = 0;
    std::string fragment;
};

struct VideoNotes {
    std::string videoId;
    std::vector<NoteId> notes;  // by path
    // The note that names the video: the video's own note, which the notes on its topics link
    // to and which links to them. The one the others link to most, then the one linking to
    // most of them, then the first by path.
    NoteId main = 0;
};

struct VideoCitation {
    NoteId note = 0;
    int line = 0;  // the line of the claim holding the citation
    std::int64_t ms = 0;
};

struct SearchHit {
    NoteId note = 0;
    std::optional<std::size_t> claim;  // nothing: the note's title matched
    int line = 0;                      // the claim's line; 0 for a title
    std::optional<std::int64_t> ms;    // the claim's first citation time
};

struct QuickOpenHit {
    NoteId note = 0;
    int score = 0;
};

struct UnresolvedLink {
    NoteId note = 0;
    std::size_t link = 0;
    std::string target;
    int line = 0;
    LinkStatus status = LinkStatus::Missing;
};

struct SharedFileName {
    std::string fileName;       // "introduction.md"
    std::vector<NoteId> notes;  // by path
};

// What `scholia-cli check FOLDER` reports about a vault.
struct VaultCheck {
    std::size_t notes = 0;
    std::size_t citations = 0;
    std::size_t links = 0;
    std::size_t resolvedExact = 0;
    std::size_t resolvedCaseInsensitive = 0;
    std::size_t resolvedSlug = 0;
    std::size_t resolvedAmongSeveral = 0;         // of those resolved, how many had several candidates
    std::size_t missing = 0;                      // no note of that name
    std::size_t refused = 0;                      // a path, not a name ("../x", "/etc/x")
    std::vector<UnresolvedLink> unresolvedLinks;  // by note path, then line
    std::vector<SharedFileName> sharedFileNames;  // file names in several folders
    std::vector<NoteId> notesWithoutCitations;    // by path
    std::vector<VaultDiagnostic> skippedFiles;    // by path
};

enum class UpdateOutcome {
    Added,      // a new note
    Reindexed,  // a known note, read again
    Removed,    // gone, or no longer readable as a note
    Ignored,    // not a note of this vault (outside it, hidden, not *.md), or an unknown path removed
};

struct IndexUpdate {
    UpdateOutcome outcome = UpdateOutcome::Ignored;
    std::optional<NoteId> note;
    std::optional<VaultDiagnostic> problem;  // why a file was removed or could not be added
};

class VaultIndex {
public:
    VaultIndex() = default;

    // Indexes every note file below `root`. Never throws; problems are in skippedFiles().
    // `progress` (optional) is updated as it goes and can cancel: the index then holds the
    // notes read so far and cancelled() is true.
    static VaultIndex build(const std::filesystem::path& root, const VaultIndexOptions& options = {},
                            IndexProgress* progress = nullptr);

    const std::filesystem::path& root() const { return m_root; }
    bool cancelled() const { return m_cancelled; }
    const std::vector<VaultDiagnostic>& skippedFiles() const { return m_skipped; }

    // ---- notes ----
    std::size_t noteCount() const { return m_byPath.size(); }
    std::vector<NoteId> notes() const { return m_byPath; }  // by path
    std::optional<NoteId> find(std::string_view relativePath) const;
    std::optional<NoteId> findFile(const std::filesystem::path& file) const;  // absolute or relative to root
    bool contains(NoteId note) const;
    std::optional<NoteSummary> summary(NoteId note) const;
    std::filesystem::path filePath(NoteId note) const;  // empty for an unknown note
    std::vector<OutlineEntry> outline(NoteId note) const;
    std::vector<ClaimEntry> claims(NoteId note) const;
    std::vector<NoteLink> links(NoteId note) const;

    // ---- links ----
    // What a wikilink target written in `from` means, by the vault-wide rules.
    LinkResolution resolveLink(std::string_view target, NoteId from) const;
    // The links to `note`, by linking note path, then line.
    std::vector<Backlink> backlinks(NoteId note) const;
    // The sentence around a backlink, read from the linking note's file now.
    std::optional<Snippet> backlinkSnippet(const Backlink& backlink) const;
    // The same in `text`, the linking note's source as read now: needs no index, so that a
    // caller may read many files without holding up changes to the index.
    static std::optional<Snippet> backlinkSnippetIn(std::string_view text, const Backlink& backlink);

    // ---- videos ----
    std::vector<VideoNotes> notesByVideo() const;  // by videoId
    // Every timed citation of the notes about `videoId`, by time, then note path, then line.
    std::vector<VideoCitation> videoCitations(std::string_view videoId) const;

    // ---- search ----
    // Titles and claims holding every term of `query` (SearchTerms.h; the last one as a prefix
    // while typing, once it has two letters): title hits first, shortest title first; then
    // claims of notes whose title has more of the terms, then notes with more matching claims,
    // then path and line. Under 20 ms on 20,000 notes that all share their words.
    std::vector<SearchHit> search(std::string_view query, std::size_t maxHits = 50) const;
    // The matched claim (for a title hit, the note's first claim), read from the file now.
    std::optional<Snippet> snippet(const SearchHit& hit, std::string_view query) const;
    // Notes whose title or file name fits `query`, best first (QuickOpen.h).
    std::vector<QuickOpenHit> quickOpen(std::string_view query, std::size_t maxHits = 20) const;

    // ---- changes on disk ----
    // Reads `file` (absolute, or relative to root) again: a new note is added, a known one
    // re-read, one gone or no longer readable removed. A note added or removed re-resolves the
    // links that could mean it, a re-read note its own (a few ms on 20,000 notes). The words a
    // re-read note no longer has stay in the index, unreachable, until the next build.
    IndexUpdate update(const std::filesystem::path& file);
    IndexUpdate remove(const std::filesystem::path& file);
    // What each note's file was when it was read, by path: for changedFiles() (VaultFiles.h),
    // which finds the notes to update() without the index (80 ms of stats on 20,000 notes).
    // Files added since are for the caller's folder watch.
    std::vector<NoteStamp> noteStamps() const;

    VaultCheck check() const;

    // Heap and inline bytes held (records, terms, name table), an estimate.
    std::size_t memoryBytes() const;

private:
    struct Entry {
        NoteRecord record;
        std::uint32_t doc = 0;  // its documents in m_terms; a re-read note gets a new one
        bool present = false;
        FileStamp stamp;  // of the file as it was read
    };

    void indexAll(const std::filesystem::path& root, const VaultIndexOptions& options, IndexProgress& progress);
    void indexFiles(const std::vector<std::string>& paths, unsigned threads, IndexProgress& progress);
    std::optional<VaultDiagnostic> indexFile(NoteId note, const std::string& path, DocumentTerms& words,
                                             std::string& text, TermIndex& terms);
    IndexUpdate removeNote(NoteId note, std::optional<VaultDiagnostic> problem);
    NoteId mainNoteOf(const std::vector<NoteId>& notes) const;  // notes: by path
    void forgetProblemsOf(std::string_view path);
    std::string_view pathOf(NoteId note) const;
    std::optional<std::string> relativePathOf(const std::filesystem::path& file) const;
    struct QueryMatches {
        std::vector<Posting> postings;                      // titles and claims holding every term
        std::vector<std::vector<std::uint32_t>> titleDocs;  // per term: the documents with it in their title
    };
    QueryMatches match(const SearchQuery& query) const;
    std::optional<std::string> readText(NoteId note) const;
    Note parse(NoteId note, std::string_view text) const;
    void resolveLinks(NoteRecord& record) const;
    void rebuildNameTable();
    void resolveAllLinks();
    void resolveLinksConcerning(std::string_view relativePath);
    void insertIntoPathOrder(NoteId note);
    void removeFromPathOrder(NoteId note);

    std::filesystem::path m_root;
    std::vector<Entry> m_entries;   // by NoteId
    std::vector<NoteId> m_byPath;   // present notes, sorted by path
    std::vector<NoteId> m_docNote;  // document -> NoteId; kNoNote for a replaced document
    TermIndex m_terms;
    NoteNameTable m_names;
    std::vector<VaultDiagnostic> m_skipped;
    std::uintmax_t m_maxFileBytes = kDefaultMaxNoteBytes;
    bool m_cancelled = false;
};

}  // namespace scholia
