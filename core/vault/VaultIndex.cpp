#include "vault/VaultIndex.h"

#include "note/NoteParser.h"
#include "note/NoteResolver.h"
#include "vault/QuickOpen.h"
#include "vault/SearchTerms.h"

#include <algorithm>
#include <exception>
#include <functional>
#include <limits>
#include <map>
#include <system_error>
#include <thread>
#include <tuple>

#ifdef __GLIBC__
#include <malloc.h>  // malloc_trim
#endif

namespace scholia {

namespace fs = std::filesystem;

namespace {

constexpr NoteId kNoNote = std::numeric_limits<NoteId>::max();

fs::path canonicalRoot(const fs::path& root)
{
    std::error_code ec;
    fs::path canonical = fs::canonical(root, ec);
    if (!ec)
        return canonical;
    fs::path absolute = fs::absolute(root, ec);
    return (ec ? root : absolute).lexically_normal();
}

VaultDiagnostic skippedFile(std::string path, std::string message)
{
    return VaultDiagnostic{std::move(path), Diagnostic{0, 0, Severity::Warning, std::move(message)}};
}

unsigned threadCount(unsigned requested, std::size_t files)
{
    const unsigned wanted = std::max(1u, requested ? requested : std::thread::hardware_concurrency());
    return static_cast<unsigned>(std::min<std::size_t>(wanted, std::max<std::size_t>(files, 1)));
}

// Read (into `text`, a buffer reused from note to note), parse only what the index keeps,
// resolve the times (no duration is known to the vault).
std::optional<Note> parseNoteFile(const fs::path& file, const std::string& relativePath, std::uintmax_t maxBytes,
                                  std::string& text, std::string& error, FileStamp& stamp)
{
    error = readNoteFileInto(file, maxBytes, text, stamp);
    if (!error.empty())
        return std::nullopt;
    // The index counts the diagnostics but never shows them: their messages go unwritten.
    return resolveTimestamps(parseNote(text, relativePath, ParseOptions{.keepBody = false, .forIndex = true}),
                             std::nullopt, Explanations::Skipped);
}

bool hasHiddenPart(const fs::path& relative)
{
    return std::any_of(relative.begin(), relative.end(), [](const fs::path& part) {
        const std::string name = part.string();
        return !name.empty() && name.front() == '.';
    });
}

// A 32-bit hash of a name key; 0 for none. Equal keys, equal hashes; the rare unequal keys
// with equal hashes only cost a link resolved again for nothing.
std::uint32_t keyHash(std::string_view key)
{
    return key.empty() ? 0 : static_cast<std::uint32_t>(std::hash<std::string_view>{}(key) | 1);
}

std::optional<std::int64_t> msOrNothing(std::int32_t ms)
{
    return ms < 0 ? std::nullopt : std::optional<std::int64_t>(ms);
}

// Postings in both sorted lists.
std::vector<Posting> intersect(const std::vector<Posting>& a, const std::vector<Posting>& b)
{
    std::vector<Posting> both;
    std::set_intersection(a.begin(), a.end(), b.begin(), b.end(), std::back_inserter(both));
    return both;
}

// The documents of sorted postings, once each.
std::vector<std::uint32_t> documentsOf(const std::vector<Posting>& postings)
{
    std::vector<std::uint32_t> docs;
    for (const Posting& p : postings)
        if (docs.empty() || docs.back() != p.doc)
            docs.push_back(p.doc);
    return docs;
}

// Sets keep[i] for each a[i] also in b; both sorted.
void markCommon(const std::vector<Posting>& a, const std::vector<Posting>& b, std::vector<char>& keep)
{
    std::size_t j = 0;
    for (std::size_t i = 0; i < a.size() && j < b.size(); ++i) {
        while (j < b.size() && b[j] < a[i])
            ++j;
        if (j < b.size() && b[j] == a[i])
            keep[i] = 1;
    }
}

// Puts the best `count` items first, in order; the rest follow in no order.
template <typename Item, typename Better>
void takeBest(std::vector<Item>& items, std::size_t count, Better better)
{
    std::partial_sort(items.begin(), items.begin() + static_cast<std::ptrdiff_t>(count), items.end(), better);
}

// The documents whose title (slot 0) is in `postings`, sorted.
std::vector<std::uint32_t> titleDocuments(const std::vector<Posting>& postings)
{
    std::vector<std::uint32_t> docs;
    for (const Posting& p : postings)
        if (p.slot == 0)
            docs.push_back(p.doc);
    return docs;
}

}  // namespace

// ---- building ------------------------------------------------------------------------------

VaultIndex VaultIndex::build(const fs::path& root, const VaultIndexOptions& options, IndexProgress* progress)
{
    IndexProgress ownProgress;
    IndexProgress& shared = progress ? *progress : ownProgress;
    VaultIndex index;
    try {
        index.indexAll(root, options, shared);
    } catch (const std::exception& e) {  // out of memory, or threads refused: report, do not crash the GUI
        index.m_skipped.push_back(
            {"", Diagnostic{0, 0, Severity::Error, std::string("indexing stopped: ") + e.what()}});
        index.m_cancelled = true;
    }
    shared.listingDone.store(true);
    return index;
}

void VaultIndex::indexAll(const fs::path& root, const VaultIndexOptions& options, IndexProgress& progress)
{
    m_root = canonicalRoot(root);
    m_maxFileBytes = options.maxFileBytes;
    NoteFileList list = listNoteFiles(m_root, &progress.cancelRequested, &progress.filesFound);
    progress.listingDone.store(true);
    m_skipped = std::move(list.skipped);
    if (list.cancelled) {
        m_cancelled = true;
        return;
    }

    // Every name is known before any note is read, so each thread resolves its own note's links.
    m_names = NoteNameTable(list.paths);
    m_entries.resize(list.paths.size());
    m_docNote.resize(list.paths.size());
    for (NoteId id = 0; id < m_entries.size(); ++id)
        m_entries[id].doc = m_docNote[id] = id;

    indexFiles(list.paths, threadCount(options.threads, list.paths.size()), progress);
    m_cancelled = m_cancelled || progress.cancelRequested.load();

    for (NoteId id = 0; id < m_entries.size(); ++id) {
        if (m_entries[id].present)
            m_byPath.push_back(id);  // list.paths is sorted
        else
            m_docNote[id] = kNoNote;
    }
    if (m_byPath.size() != m_entries.size()) {  // skipped files must not be link targets
        rebuildNameTable();
        resolveAllLinks();
    }
    m_terms.shrinkToFit();
    std::stable_sort(m_skipped.begin(), m_skipped.end(),
                     [](const VaultDiagnostic& a, const VaultDiagnostic& b) { return a.path < b.path; });
}

void VaultIndex::indexFiles(const std::vector<std::string>& paths, unsigned threads, IndexProgress& progress)
{
    std::atomic<std::size_t> next{0};
    std::atomic<bool> workerStopped{false};
    std::vector<std::vector<VaultDiagnostic>> problems(threads);
    std::vector<TermIndex> terms(threads);  // one a thread, joined at the end (see TermIndex::absorb)
    const auto indexNext = [&](unsigned worker, DocumentTerms& words, std::string& text, std::size_t i) {
        try {
            if (std::optional<VaultDiagnostic> problem
                = indexFile(static_cast<NoteId>(i), paths[i], words, text, terms[worker]))
                problems[worker].push_back(std::move(*problem));
        } catch (const std::exception& e) {  // one file's trouble (out of memory on a huge one)
            problems[worker].push_back(skippedFile(paths[i], std::string("cannot index: ") + e.what()));
        }
        progress.filesIndexed.fetch_add(1, std::memory_order_relaxed);
    };
    // Nothing may leave a worker: an exception escaping a thread ends the program.
    const auto work = [&](unsigned worker) noexcept {
        try {
            DocumentTerms words;  // reused: their buffers grow once per thread, not once per note
            std::string text;
            while (!progress.cancelRequested.load(std::memory_order_relaxed)) {
                const std::size_t i = next.fetch_add(1, std::memory_order_relaxed);
                if (i >= paths.size())
                    return;
                indexNext(worker, words, text, i);
            }
        } catch (...) {
            workerStopped.store(true);
        }
    };
    {
        std::vector<std::jthread> helpers;  // joined when leaving the scope, even on an exception
        for (unsigned worker = 1; worker < threads; ++worker)
            helpers.emplace_back(work, worker);
        work(0);
    }
    m_terms.absorb(terms, threads);
#ifdef __GLIBC__
    // The threads' parts were freed into the threads' own malloc arenas, where they would stay
    // resident (a tenth of the index's size, measured) for want of a later allocation there.
    malloc_trim(0);
#endif
    for (auto& found : problems)
        m_skipped.insert(m_skipped.end(), std::make_move_iterator(found.begin()), std::make_move_iterator(found.end()));
    if (workerStopped.load()) {
        m_skipped.push_back({"", Diagnostic{0, 0, Severity::Error, "indexing stopped early: out of memory"}});
        m_cancelled = true;
    }
}

// Runs on a worker thread: touches only its own entry, the const name table and the
// thread's own `terms`.
std::optional<VaultDiagnostic> VaultIndex::indexFile(NoteId note, const std::string& path, DocumentTerms& words,
                                                     std::string& text, TermIndex& terms)
{
    std::string error;
    FileStamp stamp;
    const std::optional<Note> parsed = parseNoteFile(m_root / path, path, m_maxFileBytes, text, error, stamp);
    if (!parsed)
        return skippedFile(path, std::move(error));
    Entry& entry = m_entries[note];
    entry.stamp = stamp;
    entry.record = NoteRecord::fromNote(*parsed, path);
    resolveLinks(entry.record);
    words.clear();
    collectNoteTerms(*parsed, words);
    terms.add(entry.doc, words);
    entry.present = true;
    return std::nullopt;
}

void VaultIndex::resolveLinks(NoteRecord& record) const
{
    const std::string_view from = record.path();
    for (NoteRecord::LinkRow& link : record.links()) {
        const std::string_view target = record.text(link.target);
        NameKeys keys;
        link.resolution = m_names.resolve(target, from, keys);
        link.foldedKey = keyHash(keys.folded);
        link.slugKey = keyHash(keys.slug);
    }
}

void VaultIndex::resolveLinksConcerning(std::string_view relativePath)
{
    const std::uint32_t key = keyHash(foldedStemOf(relativePath));
    for (const NoteId id : m_byPath) {
        NoteRecord& record = m_entries[id].record;
        for (NoteRecord::LinkRow& link : record.links())
            if (link.foldedKey == key || link.slugKey == key)
                link.resolution = m_names.resolve(record.text(link.target), record.path());
    }
}

void VaultIndex::rebuildNameTable()
{
    std::vector<std::string> paths(m_entries.size());
    for (const NoteId id : m_byPath)
        paths[id] = std::string(pathOf(id));
    m_names = NoteNameTable(std::move(paths));
}

void VaultIndex::resolveAllLinks()
{
    for (const NoteId id : m_byPath)
        resolveLinks(m_entries[id].record);
}

// ---- notes -----------------------------------------------------------------------------------

std::string_view VaultIndex::pathOf(NoteId note) const
{
    return m_entries[note].record.path();
}

bool VaultIndex::contains(NoteId note) const
{
    return note < m_entries.size() && m_entries[note].present;
}

std::optional<NoteId> VaultIndex::find(std::string_view relativePath) const
{
    const auto it = std::lower_bound(m_byPath.begin(), m_byPath.end(), relativePath,
                                     [&](NoteId a, std::string_view path) { return pathOf(a) < path; });
    if (it == m_byPath.end() || pathOf(*it) != relativePath)
        return std::nullopt;
    return *it;
}

std::optional<std::string> VaultIndex::relativePathOf(const fs::path& file) const
{
    if (m_root.empty())
        return std::nullopt;
    const fs::path absolute = (file.is_absolute() ? file : m_root / file).lexically_normal();
    // The folder may be reached through a symlink; the file itself is named as given.
    std::error_code ec;
    fs::path folder = fs::weakly_canonical(absolute.parent_path(), ec);
    if (ec)
        folder = absolute.parent_path();
    const fs::path relative = (folder / absolute.filename()).lexically_relative(m_root);
    if (relative.empty() || relative == "." || *relative.begin() == "..")
        return std::nullopt;
    return relative.generic_string();
}

std::optional<NoteId> VaultIndex::findFile(const fs::path& file) const
{
    const std::optional<std::string> relative = relativePathOf(file);
    return relative ? find(*relative) : std::nullopt;
}

std::optional<NoteSummary> VaultIndex::summary(NoteId note) const
{
    if (!contains(note))
        return std::nullopt;
    const NoteRecord& r = m_entries[note].record;
    const auto unresolved = std::count_if(r.links().begin(), r.links().end(), [](const NoteRecord::LinkRow& link) {
        return link.resolution.status != LinkStatus::Resolved;
    });
    return NoteSummary{note,
                       std::string(r.path()),
                       std::string(r.title()),
                       std::string(r.videoId()),
                       r.claims().size(),
                       r.citationCount(),
                       r.links().size(),
                       static_cast<std::size_t>(unresolved),
                       r.warningCount(),
                       r.errorCount()};
}

fs::path VaultIndex::filePath(NoteId note) const
{
    return contains(note) ? m_root / fs::path(std::string(pathOf(note))) : fs::path();
}

std::vector<OutlineEntry> VaultIndex::outline(NoteId note) const
{
    std::vector<OutlineEntry> entries;
    if (!contains(note))
        return entries;
    const NoteRecord& r = m_entries[note].record;
    for (const NoteRecord::HeadingRow& heading : r.outline())
        entries.push_back({heading.level, heading.line, std::string(r.text(heading.text))});
    return entries;
}

std::vector<ClaimEntry> VaultIndex::claims(NoteId note) const
{
    std::vector<ClaimEntry> entries;
    if (!contains(note))
        return entries;
    for (const NoteRecord::ClaimRow& claim : m_entries[note].record.claims())
        entries.push_back({claim.line, msOrNothing(claim.firstMs)});
    return entries;
}

std::vector<NoteLink> VaultIndex::links(NoteId note) const
{
    std::vector<NoteLink> entries;
    if (!contains(note))
        return entries;
    const NoteRecord& r = m_entries[note].record;
    for (const NoteRecord::LinkRow& link : r.links())
        entries.push_back({std::string(r.text(link.target)), std::string(r.text(link.fragment)), link.line,
                           link.embed != 0, link.resolution});
    return entries;
}

std::optional<std::string> VaultIndex::readText(NoteId note) const
{
    if (!contains(note))
        return std::nullopt;
    return readNoteFile(filePath(note), m_maxFileBytes).text;
}

Note VaultIndex::parse(NoteId note, std::string_view text) const
{
    return resolveTimestamps(parseNote(text, std::string(pathOf(note)), ParseOptions{false}));
}

// ---- links -----------------------------------------------------------------------------------

LinkResolution VaultIndex::resolveLink(std::string_view target, NoteId from) const
{
    return m_names.resolve(target, contains(from) ? pathOf(from) : std::string_view());
}

std::vector<Backlink> VaultIndex::backlinks(NoteId note) const
{
    // A scan of every link (240,000 in 20,000 notes) takes a few milliseconds: cheaper than
    // keeping a reverse index up to date through every change.
    std::vector<Backlink> found;
    for (const NoteId from : m_byPath) {
        const NoteRecord& r = m_entries[from].record;
        for (std::size_t i = 0; i < r.links().size(); ++i) {
            const NoteRecord::LinkRow& link = r.links()[i];
            if (link.resolution.status == LinkStatus::Resolved && link.resolution.note == note)
                found.push_back({from, i, link.line, std::string(r.text(link.fragment))});
        }
    }
    return found;
}

std::optional<Snippet> VaultIndex::backlinkSnippet(const Backlink& backlink) const
{
    const std::optional<std::string> text = readText(backlink.from);
    return text ? backlinkSnippetIn(*text, backlink) : std::nullopt;
}

std::optional<Snippet> VaultIndex::backlinkSnippetIn(std::string_view text, const Backlink& backlink)
{
    const Note note = parseNote(text, std::string(), ParseOptions{false});  // its times play no part
    // The file may have changed since it was indexed: trust the link only on the same line.
    auto link = note.wikilinks.begin() + static_cast<std::ptrdiff_t>(std::min(backlink.link, note.wikilinks.size()));
    if (link == note.wikilinks.end() || link->line != backlink.line)
        link = std::find_if(note.wikilinks.begin(), note.wikilinks.end(),
                            [&](const WikiLink& l) { return l.line == backlink.line; });
    if (link == note.wikilinks.end())
        return std::nullopt;
    const std::string& label = link->label();
    // The claim holding the link is the last one starting at or before its line.
    for (auto claim = note.claims.rbegin(); claim != note.claims.rend(); ++claim)
        if (claim->line <= link->line && claim->text.find(label) != std::string::npos)
            return sentenceSnippet(claim->text, label);
    for (const Heading& heading : note.outline)
        if (heading.line == link->line)
            return sentenceSnippet(heading.text, label);
    // Outside claims and headings ("From: [[channel]]"): the line as written, markup removed.
    return sentenceSnippet(plainTextOfLine(text, link->line), label);
}

// ---- videos ----------------------------------------------------------------------------------

std::vector<VideoNotes> VaultIndex::notesByVideo() const
{
    std::map<std::string_view, std::vector<NoteId>> byVideo;
    for (const NoteId id : m_byPath) {
        const NoteRecord& r = m_entries[id].record;
        if (!r.videoId().empty())
            byVideo[r.videoId()].push_back(id);
    }
    std::vector<VideoNotes> groups;
    for (auto& [videoId, notes] : byVideo) {
        const NoteId main = mainNoteOf(notes);
        groups.push_back({std::string(videoId), std::move(notes), main});
    }
    return groups;
}

NoteId VaultIndex::mainNoteOf(const std::vector<NoteId>& notes) const
{
    // (links from the group's other notes to it, its links to them), for each note.
    std::map<NoteId, std::pair<int, int>> degree;
    for (const NoteId from : notes) {
        for (const NoteRecord::LinkRow& link : m_entries[from].record.links()) {
            const NoteId to = link.resolution.note;
            if (link.resolution.status != LinkStatus::Resolved || to == from
                || !std::binary_search(notes.begin(), notes.end(), to,
                                       [&](NoteId a, NoteId b) { return pathOf(a) < pathOf(b); }))
                continue;
            ++degree[to].first;
            ++degree[from].second;
        }
    }
    NoteId main = notes.front();
    for (const NoteId note : notes)
        if (degree[note] > degree[main])
            main = note;
    return main;
}

std::vector<VideoCitation> VaultIndex::videoCitations(std::string_view videoId) const
{
    std::vector<VideoCitation> citations;
    if (videoId.empty())
        return citations;
    for (const NoteId id : m_byPath) {  // in path order, so a stable sort by time keeps it
        const NoteRecord& r = m_entries[id].record;
        if (r.videoId() != videoId)
            continue;
        for (const NoteRecord::CitationRow& citation : r.citations())
            citations.push_back({id, citation.line, citation.ms});
    }
    std::stable_sort(citations.begin(), citations.end(),
                     [](const VideoCitation& a, const VideoCitation& b) { return a.ms < b.ms; });
    return citations;
}

// ---- search ----------------------------------------------------------------------------------

VaultIndex::QueryMatches VaultIndex::match(const SearchQuery& query) const
{
    // Exact terms rarest first: the first is decoded whole, each next only in the documents
    // still in the running, so a word every note has costs no more than the rarest one.
    std::vector<std::pair<std::size_t, std::string>> exact;
    const std::size_t exactTerms = query.terms.size() - (query.lastIsPrefix ? 1 : 0);
    for (std::size_t i = 0; i < exactTerms; ++i) {
        const std::size_t documents = m_terms.documentCount(query.terms[i]);
        if (documents == 0)
            return {};  // a word no note has
        exact.emplace_back(documents, query.terms[i]);
    }
    std::sort(exact.begin(), exact.end());

    QueryMatches found;
    for (std::size_t i = 0; i < exact.size(); ++i) {
        const std::vector<Posting> list
            = i == 0 ? m_terms.find(exact[i].second) : m_terms.findIn(exact[i].second, documentsOf(found.postings));
        found.titleDocs.push_back(titleDocuments(list));
        found.postings = i == 0 ? list : intersect(found.postings, list);
        if (found.postings.empty())
            return {};
    }
    if (!query.lastIsPrefix)
        return found;

    const std::string& prefix = query.terms.back();
    if (exact.empty()) {
        found.postings = m_terms.findPrefix(prefix);
        found.titleDocs.push_back(titleDocuments(found.postings));
        return found;
    }
    // With other terms, the prefix only filters what they found: no union of its expansions.
    const std::vector<std::uint32_t> candidates = documentsOf(found.postings);
    std::vector<char> kept(found.postings.size(), 0);
    std::vector<std::uint32_t> titles;
    for (const std::string& term : m_terms.termsWithPrefix(prefix)) {
        const std::vector<Posting> list = m_terms.findIn(term, candidates);
        markCommon(found.postings, list, kept);
        const std::vector<std::uint32_t> docs = titleDocuments(list);
        titles.insert(titles.end(), docs.begin(), docs.end());
    }
    std::size_t next = 0;
    for (std::size_t i = 0; i < found.postings.size(); ++i)
        if (kept[i])
            found.postings[next++] = found.postings[i];
    found.postings.resize(next);
    std::sort(titles.begin(), titles.end());
    titles.erase(std::unique(titles.begin(), titles.end()), titles.end());
    found.titleDocs.push_back(std::move(titles));
    return found;
}

std::vector<SearchHit> VaultIndex::search(std::string_view text, std::size_t maxHits) const
{
    SearchQuery query = parseSearchQuery(text);
    if (query.lastIsPrefix && query.terms.back().size() < 2) {
        query.terms.pop_back();  // one letter narrows nothing down yet: wait for the second
        query.lastIsPrefix = false;
    }
    if (query.terms.empty() || maxHits == 0)
        return {};
    const QueryMatches found = match(query);

    // One group per note: its title hit, its matching claims, and how it ranks.
    struct NoteMatches {
        NoteId note = 0;
        std::size_t first = 0;  // its postings: found.postings[first, last)
        std::size_t last = 0;
        bool title = false;
        std::size_t titleTerms = 0;  // query terms in its title
    };
    std::vector<NoteMatches> notes;
    for (std::size_t first = 0; first < found.postings.size();) {
        const std::uint32_t doc = found.postings[first].doc;
        std::size_t last = first;
        while (last < found.postings.size() && found.postings[last].doc == doc)
            ++last;
        const NoteId note = doc < m_docNote.size() ? m_docNote[doc] : kNoNote;
        if (note != kNoNote && m_entries[note].present) {
            NoteMatches group{note, first, last, found.postings[first].slot == 0, 0};
            for (const auto& docs : found.titleDocs)
                group.titleTerms += std::binary_search(docs.begin(), docs.end(), doc);
            notes.push_back(group);
        }
        first = last;
    }

    std::vector<SearchHit> hits;
    // Title hits first, the shortest titles (the closest fits) first.
    std::vector<NoteMatches> titled;
    std::copy_if(notes.begin(), notes.end(), std::back_inserter(titled), [](const NoteMatches& n) { return n.title; });
    const auto titleKey
        = [&](const NoteMatches& n) { return std::tuple(m_entries[n.note].record.title().size(), pathOf(n.note)); };
    takeBest(titled, std::min(maxHits, titled.size()),
             [&](const auto& a, const auto& b) { return titleKey(a) < titleKey(b); });
    for (std::size_t i = 0; i < titled.size() && hits.size() < maxHits; ++i)
        hits.push_back(SearchHit{titled[i].note, std::nullopt, 0, std::nullopt});

    // Then claims: notes with more of the terms in their title, then with more matching claims.
    const auto claimCount = [](const NoteMatches& n) { return n.last - n.first - (n.title ? 1 : 0); };
    std::erase_if(notes, [&](const NoteMatches& n) { return claimCount(n) == 0; });
    const auto claimKey = [&](const NoteMatches& n) {
        return std::tuple(std::numeric_limits<std::size_t>::max() - n.titleTerms,
                          std::numeric_limits<std::size_t>::max() - claimCount(n), pathOf(n.note));
    };
    takeBest(notes, std::min(maxHits - hits.size(), notes.size()),
             [&](const auto& a, const auto& b) { return claimKey(a) < claimKey(b); });
    for (std::size_t i = 0; i < notes.size() && hits.size() < maxHits; ++i) {
        const NoteRecord& record = m_entries[notes[i].note].record;
        for (std::size_t p = notes[i].first; p < notes[i].last && hits.size() < maxHits; ++p) {
            const std::uint32_t slot = found.postings[p].slot;
            if (slot == 0 || slot > record.claims().size())
                continue;
            const NoteRecord::ClaimRow& claim = record.claims()[slot - 1];
            hits.push_back(SearchHit{notes[i].note, slot - 1, claim.line, msOrNothing(claim.firstMs)});
        }
    }
    return hits;
}

std::optional<Snippet> VaultIndex::snippet(const SearchHit& hit, std::string_view query) const
{
    const std::optional<std::string> text = readText(hit.note);
    if (!text)
        return std::nullopt;
    const Note note = parse(hit.note, *text);
    const SearchQuery parsed = parseSearchQuery(query);
    if (!hit.claim)
        return searchSnippet(note.claims.empty() ? note.displayTitle() : note.claims.front().text, parsed);
    // The file may have changed since it was indexed: the claim must still start on that line.
    const std::size_t index = *hit.claim;
    if (index < note.claims.size() && note.claims[index].line == hit.line)
        return searchSnippet(note.claims[index].text, parsed);
    const auto moved = std::find_if(note.claims.begin(), note.claims.end(),
                                    [&](const Claim& claim) { return claim.line == hit.line; });
    if (moved == note.claims.end())
        return std::nullopt;
    return searchSnippet(moved->text, parsed);
}

std::vector<QuickOpenHit> VaultIndex::quickOpen(std::string_view query, std::size_t maxHits) const
{
    const std::string folded = foldForQuickOpen(query);
    const std::uint64_t letters = quickOpenLetters(folded);
    std::vector<QuickOpenHit> hits;
    for (const NoteId id : m_byPath) {
        const NoteRecord& r = m_entries[id].record;
        if ((letters & ~r.quickOpenLetters()) != 0)
            continue;  // a letter neither its title nor its name has
        const std::optional<int> byTitle = quickOpenScore(folded, r.quickOpenTitle());
        const std::optional<int> byName = quickOpenScore(folded, r.quickOpenName());
        if (byTitle || byName)
            hits.push_back({id, std::max(byTitle.value_or(0), byName.value_or(0))});
    }
    const auto key = [&](const QuickOpenHit& hit) {
        return std::tuple(-hit.score, m_entries[hit.note].record.title().size(), pathOf(hit.note));
    };
    const std::size_t kept = std::min(maxHits, hits.size());
    std::partial_sort(hits.begin(), hits.begin() + static_cast<std::ptrdiff_t>(kept), hits.end(),
                      [&](const QuickOpenHit& a, const QuickOpenHit& b) { return key(a) < key(b); });
    hits.resize(kept);
    return hits;
}

// ---- changes on disk -------------------------------------------------------------------------

void VaultIndex::insertIntoPathOrder(NoteId note)
{
    const auto at = std::lower_bound(m_byPath.begin(), m_byPath.end(), pathOf(note),
                                     [&](NoteId a, std::string_view path) { return pathOf(a) < path; });
    m_byPath.insert(at, note);
}

void VaultIndex::removeFromPathOrder(NoteId note)
{
    m_byPath.erase(std::remove(m_byPath.begin(), m_byPath.end(), note), m_byPath.end());
}

void VaultIndex::forgetProblemsOf(std::string_view path)
{
    std::erase_if(m_skipped, [&](const VaultDiagnostic& d) { return d.path == path; });
}

IndexUpdate VaultIndex::removeNote(NoteId note, std::optional<VaultDiagnostic> problem)
{
    Entry& entry = m_entries[note];
    // Keep only the path: the same path coming back gets the same NoteId.
    entry.record = NoteRecord::pathOnly(pathOf(note));
    entry.present = false;
    m_docNote[entry.doc] = kNoNote;  // its postings stay, unreachable
    removeFromPathOrder(note);
    m_names.remove(note);
    resolveLinksConcerning(entry.record.path());
    return IndexUpdate{UpdateOutcome::Removed, note, std::move(problem)};
}

IndexUpdate VaultIndex::remove(const fs::path& file)
{
    const std::optional<std::string> relative = relativePathOf(file);
    if (!relative)
        return {};
    forgetProblemsOf(*relative);
    const std::optional<NoteId> note = find(*relative);
    return note ? removeNote(*note, std::nullopt) : IndexUpdate{};
}

IndexUpdate VaultIndex::update(const fs::path& file)
{
    const std::optional<std::string> relative = relativePathOf(file);
    if (!relative || hasHiddenPart(*relative) || !isNoteFileName(*relative))
        return {};
    forgetProblemsOf(*relative);
    const std::optional<NoteId> known = find(*relative);
    const fs::path absolute = m_root / fs::path(*relative);

    std::error_code ec;
    const fs::file_status own = fs::symlink_status(absolute, ec);
    if (ec || !fs::exists(own))
        return known ? removeNote(*known, std::nullopt) : IndexUpdate{};
    std::string error;
    FileStamp stamp;
    std::optional<Note> parsed;
    std::string text;
    if (fs::is_symlink(own) && !staysInside(m_root, absolute))
        error = "symbolic link to a file outside the vault";
    else
        parsed = parseNoteFile(absolute, *relative, m_maxFileBytes, text, error, stamp);
    if (!parsed) {
        VaultDiagnostic problem = skippedFile(*relative, std::move(error));
        m_skipped.push_back(problem);
        return known ? removeNote(*known, std::move(problem))
                     : IndexUpdate{UpdateOutcome::Ignored, std::nullopt, problem};
    }

    // A path seen before (then removed) keeps its NoteId.
    NoteId note = known.value_or(kNoNote);
    for (NoteId id = 0; note == kNoNote && id < m_entries.size(); ++id)
        if (!m_entries[id].present && pathOf(id) == *relative)
            note = id;
    if (note == kNoNote) {
        note = static_cast<NoteId>(m_entries.size());
        m_entries.emplace_back();
    }
    Entry& entry = m_entries[note];
    if (known)
        m_docNote[entry.doc] = kNoNote;
    entry.doc = static_cast<std::uint32_t>(m_docNote.size());
    m_docNote.push_back(note);
    entry.record = NoteRecord::fromNote(*parsed, *relative);
    entry.stamp = stamp;
    DocumentTerms terms;
    collectNoteTerms(*parsed, terms);
    m_terms.add(entry.doc, terms);
    entry.present = true;
    if (known) {  // same names: only its own links may resolve differently
        resolveLinks(entry.record);
        return IndexUpdate{UpdateOutcome::Reindexed, note, std::nullopt};
    }
    insertIntoPathOrder(note);
    m_names.add(note, *relative);
    resolveLinksConcerning(*relative);  // a new name may fix dangling links, or be nearer than an old target
    resolveLinks(entry.record);
    return IndexUpdate{UpdateOutcome::Added, note, std::nullopt};
}

std::vector<NoteStamp> VaultIndex::noteStamps() const
{
    std::vector<NoteStamp> stamps;
    stamps.reserve(m_byPath.size());
    for (const NoteId id : m_byPath)
        stamps.push_back({std::string(pathOf(id)), m_entries[id].stamp});
    return stamps;
}

// ---- checks ----------------------------------------------------------------------------------

VaultCheck VaultIndex::check() const
{
    VaultCheck check;
    check.notes = m_byPath.size();
    for (const NoteId id : m_byPath) {
        const NoteRecord& r = m_entries[id].record;
        check.citations += r.citationCount();
        check.links += r.links().size();
        if (r.citationCount() == 0)
            check.notesWithoutCitations.push_back(id);
        for (std::size_t i = 0; i < r.links().size(); ++i) {
            const NoteRecord::LinkRow& link = r.links()[i];
            const LinkResolution& resolution = link.resolution;
            switch (resolution.status) {
            case LinkStatus::Resolved:
                check.resolvedExact += resolution.rule == LinkRule::Exact;
                check.resolvedCaseInsensitive += resolution.rule == LinkRule::CaseInsensitive;
                check.resolvedSlug += resolution.rule == LinkRule::Slug;
                check.resolvedAmongSeveral += resolution.candidates > 1;
                continue;
            case LinkStatus::Missing: ++check.missing; break;
            case LinkStatus::Refused: ++check.refused; break;
            }
            check.unresolvedLinks.push_back({id, i, std::string(r.text(link.target)), link.line, resolution.status});
        }
    }
    for (auto& [fileName, notes] : m_names.namesInSeveralFolders())
        check.sharedFileNames.push_back({fileName, notes});
    check.skippedFiles = m_skipped;
    return check;
}

std::size_t VaultIndex::memoryBytes() const
{
    std::size_t bytes = sizeof(*this) + m_entries.capacity() * sizeof(Entry);
    for (const Entry& entry : m_entries)
        bytes += entry.record.memoryBytes() - sizeof(NoteRecord);  // the block; the rest is in Entry
    bytes += (m_byPath.capacity() + m_docNote.capacity()) * sizeof(NoteId);
    return bytes + m_terms.memoryBytes() + m_names.memoryBytes();
}

}  // namespace scholia
