#include "vault/VaultIndex.h"

#include "note/NoteParser.h"
#include "note/NoteResolver.h"
#include "vault/QuickOpen.h"
#include "vault/SearchTerms.h"

#include <algorithm>
#include <exception>
#include <limits>
#include <map>
#include <system_error>
#include <thread>
#include <tuple>

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

// Read, parse without the HTML body, resolve the times (no duration is known to the vault).
std::optional<Note> parseNoteFile(const fs::path& file, const std::string& relativePath, std::uintmax_t maxBytes,
                                  std::string& error)
{
    NoteFileText text = readNoteFile(file, maxBytes);
    if (!text.text) {
        error = std::move(text.error);
        return std::nullopt;
    }
    return resolveTimestamps(parseNote(*text.text, relativePath, ParseOptions{false}));
}

bool hasHiddenPart(const fs::path& relative)
{
    return std::any_of(relative.begin(), relative.end(), [](const fs::path& part) {
        const std::string name = part.string();
        return !name.empty() && name.front() == '.';
    });
}

bool isInside(const fs::path& canonicalRoot, const fs::path& file)
{
    std::error_code ec;
    const fs::path real = fs::canonical(file, ec);
    if (ec)
        return false;
    const auto [rootEnd, rest] = std::mismatch(canonicalRoot.begin(), canonicalRoot.end(), real.begin(), real.end());
    return rootEnd == canonicalRoot.end() && rest != real.end();
}

// Line `line` (1-based) of `text` for reading: wikilinks by their label, HTML tags and
// emphasis marks dropped, list and heading markers trimmed.
std::string plainTextOfLine(std::string_view text, int line)
{
    std::size_t begin = 0;
    for (int i = 1; i < line && begin != std::string_view::npos; ++i) {
        begin = text.find('\n', begin);
        begin = begin == std::string_view::npos ? begin : begin + 1;
    }
    if (begin == std::string_view::npos)
        return {};
    const std::string_view raw = text.substr(begin, text.find('\n', begin) - begin);
    std::string plain;
    for (std::size_t at = 0; at < raw.size();) {
        if (raw.compare(at, 2, "[[") == 0) {
            const std::size_t close = raw.find("]]", at);
            if (close != std::string_view::npos) {
                const std::string_view inside = raw.substr(at + 2, close - at - 2);
                const std::size_t bar = inside.find('|');
                std::string_view label = bar == std::string_view::npos ? inside.substr(0, inside.find('#')) : inside.substr(bar + 1);
                label.remove_prefix(std::min(label.find_first_not_of(' '), label.size()));
                label = label.substr(0, label.find_last_not_of(' ') + 1);
                plain += label;
                at = close + 2;
                continue;
            }
        }
        if (raw[at] == '<') {
            const std::size_t close = raw.find('>', at);
            if (close != std::string_view::npos) {
                at = close + 1;
                continue;
            }
        }
        if (raw[at] != '*')
            plain += raw[at];
        ++at;
    }
    const std::size_t start = plain.find_first_not_of(" \t#->");
    const std::size_t end = plain.find_last_not_of(" \t\r");
    return start == std::string::npos ? std::string() : plain.substr(start, end - start + 1);
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
        index.m_skipped.push_back({"", Diagnostic{0, 0, Severity::Error, std::string("indexing stopped: ") + e.what()}});
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
    m_cancelled = progress.cancelRequested.load();

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
    std::vector<std::vector<VaultDiagnostic>> problems(threads);
    // Never lets an exception out: a worker thread that throws would end the program.
    const auto work = [&](unsigned worker) {
        DocumentTerms terms;  // reused: its buffers grow once per thread, not once per note
        while (!progress.cancelRequested.load(std::memory_order_relaxed)) {
            const std::size_t i = next.fetch_add(1, std::memory_order_relaxed);
            if (i >= paths.size())
                return;
            try {
                if (std::optional<VaultDiagnostic> problem = indexFile(static_cast<NoteId>(i), paths[i], terms))
                    problems[worker].push_back(std::move(*problem));
            } catch (const std::exception& e) {
                problems[worker].push_back(skippedFile(paths[i], std::string("cannot index: ") + e.what()));
            } catch (...) {
                problems[worker].push_back(skippedFile(paths[i], "cannot index"));
            }
            progress.filesIndexed.fetch_add(1, std::memory_order_relaxed);
        }
    };
    {
        std::vector<std::jthread> helpers;  // joined when leaving the scope, even on an exception
        for (unsigned worker = 1; worker < threads; ++worker)
            helpers.emplace_back(work, worker);
        work(0);
    }
    for (auto& found : problems)
        m_skipped.insert(m_skipped.end(), std::make_move_iterator(found.begin()), std::make_move_iterator(found.end()));
}

// Runs on a worker thread: touches only its own entry, the const name table and the
// thread-safe TermIndex::add.
std::optional<VaultDiagnostic> VaultIndex::indexFile(NoteId note, const std::string& path, DocumentTerms& terms)
{
    std::string error;
    const std::optional<Note> parsed = parseNoteFile(m_root / path, path, m_maxFileBytes, error);
    if (!parsed)
        return skippedFile(path, std::move(error));
    Entry& entry = m_entries[note];
    entry.record = NoteRecord::fromNote(*parsed, path);
    resolveLinks(entry.record);
    terms.clear();
    collectNoteTerms(*parsed, terms);
    m_terms.add(entry.doc, terms);
    entry.present = true;
    return std::nullopt;
}

void VaultIndex::resolveLinks(NoteRecord& record) const
{
    const std::string_view from = record.path();
    for (NoteRecord::LinkRow& link : record.links())
        link.resolution = m_names.resolve(record.text(link.target), from);
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
    const NoteRecord& record = m_entries[note].record;
    return record.path();
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
        entries.push_back({std::string(r.text(link.target)), std::string(r.text(link.fragment)), link.line, link.embed != 0,
                           link.resolution});
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
    // A scan of every link (~250,000 in 20,000 notes) takes about a millisecond: cheaper than
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
    if (!text)
        return std::nullopt;
    const Note note = parse(backlink.from, *text);
    // The file may have changed since it was indexed: trust the link only on the same line.
    const auto link = std::find_if(note.wikilinks.begin(), note.wikilinks.end(),
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
    return sentenceSnippet(plainTextOfLine(*text, link->line), label);
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
    for (auto& [videoId, notes] : byVideo)
        groups.push_back({std::string(videoId), std::move(notes)});
    return groups;
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

std::vector<SearchHit> VaultIndex::search(std::string_view text, std::size_t maxHits) const
{
    const SearchQuery query = parseSearchQuery(text);
    if (query.terms.empty() || maxHits == 0)
        return {};
    std::vector<std::vector<Posting>> lists;
    for (std::size_t i = 0; i < query.terms.size(); ++i) {
        const bool prefix = query.lastIsPrefix && i + 1 == query.terms.size();
        if (!prefix && m_terms.documentCount(query.terms[i]) == 0)
            return {};  // a word no note has: nothing to decode
        lists.push_back(prefix ? m_terms.findPrefix(query.terms[i]) : m_terms.find(query.terms[i]));
    }
    std::vector<std::vector<std::uint32_t>> titleDocs;
    for (const auto& list : lists)
        titleDocs.push_back(titleDocuments(list));

    // Rarest first keeps the intermediate results small.
    std::sort(lists.begin(), lists.end(), [](const auto& a, const auto& b) { return a.size() < b.size(); });
    std::vector<Posting> matches = std::move(lists.front());
    for (std::size_t i = 1; i < lists.size() && !matches.empty(); ++i)
        matches = intersect(matches, lists[i]);

    struct Ranked {
        Posting posting;
        NoteId note = 0;
        std::size_t titleTerms = 0;
        std::size_t noteHits = 0;
    };
    std::vector<Ranked> ranked;
    for (std::size_t first = 0; first < matches.size();) {
        std::size_t last = first;
        while (last < matches.size() && matches[last].doc == matches[first].doc)
            ++last;
        const std::uint32_t doc = matches[first].doc;
        const NoteId note = doc < m_docNote.size() ? m_docNote[doc] : kNoNote;
        if (note != kNoNote && m_entries[note].present) {
            std::size_t titleTerms = 0;
            for (const auto& docs : titleDocs)
                titleTerms += std::binary_search(docs.begin(), docs.end(), doc);
            for (std::size_t i = first; i < last; ++i)
                ranked.push_back({matches[i], note, titleTerms, last - first});
        }
        first = last;
    }

    const auto key = [&](const Ranked& r) {
        const bool title = r.posting.slot == 0;
        const NoteRecord& record = m_entries[r.note].record;
        return std::tuple(!title, title ? record.title().size() : 0, std::numeric_limits<std::size_t>::max() - r.titleTerms,
                          std::numeric_limits<std::size_t>::max() - r.noteHits, pathOf(r.note), r.posting.slot);
    };
    const auto better = [&](const Ranked& a, const Ranked& b) { return key(a) < key(b); };
    const std::size_t kept = std::min(maxHits, ranked.size());
    std::partial_sort(ranked.begin(), ranked.begin() + static_cast<std::ptrdiff_t>(kept), ranked.end(), better);

    std::vector<SearchHit> hits;
    for (std::size_t i = 0; i < kept; ++i) {
        const Ranked& r = ranked[i];
        const NoteRecord& record = m_entries[r.note].record;
        SearchHit hit{r.note, std::nullopt, 0, std::nullopt};
        if (r.posting.slot > 0 && r.posting.slot <= record.claims().size()) {
            const NoteRecord::ClaimRow& claim = record.claims()[r.posting.slot - 1];
            hit.claim = r.posting.slot - 1;
            hit.line = claim.line;
            hit.ms = msOrNothing(claim.firstMs);
        }
        hits.push_back(hit);
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
    std::vector<QuickOpenHit> hits;
    for (const NoteId id : m_byPath) {
        const NoteRecord& r = m_entries[id].record;
        const fs::path stem = fs::path(std::string(r.path())).stem();
        const std::optional<int> byTitle = quickOpenScore(folded, foldForQuickOpen(r.title()));
        const std::optional<int> byName = quickOpenScore(folded, foldForQuickOpen(stem.string()));
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
    rebuildNameTable();
    resolveAllLinks();
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
    std::optional<Note> parsed;
    if (fs::is_symlink(own) && !isInside(m_root, absolute))
        error = "symbolic link to a file outside the vault";
    else
        parsed = parseNoteFile(absolute, *relative, m_maxFileBytes, error);
    if (!parsed) {
        VaultDiagnostic problem = skippedFile(*relative, std::move(error));
        m_skipped.push_back(problem);
        return known ? removeNote(*known, std::move(problem)) : IndexUpdate{UpdateOutcome::Ignored, std::nullopt, problem};
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
    DocumentTerms terms;
    collectNoteTerms(*parsed, terms);
    m_terms.add(entry.doc, terms);
    entry.present = true;
    if (known) {  // same names: only its own links may resolve differently
        resolveLinks(entry.record);
        return IndexUpdate{UpdateOutcome::Reindexed, note, std::nullopt};
    }
    insertIntoPathOrder(note);
    rebuildNameTable();
    resolveAllLinks();  // a new name may fix dangling links, or be nearer than an old target
    return IndexUpdate{UpdateOutcome::Added, note, std::nullopt};
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
