#include "vault/VaultSession.h"

#include "common/CoreBridge.h"
#include "vault/VaultIndexBuild.h"

#include <QDir>
#include <QFileInfo>
#include <QFileSystemWatcher>
#include <QGuiApplication>
#include <QSet>
#include <QTimer>

#include <algorithm>
#include <mutex>

namespace scholia::gui {

namespace {

constexpr int pollIntervalMs = 100;
// Notes re-read per turn of the event loop (a read and a parse each, about a millisecond).
constexpr std::size_t changesPerTurn = 16;

// One core is left to the GUI thread: with every core indexing, the event loop can wait
// a whole scheduler slice for its turn, which is a visible stall.
VaultIndexOptions indexOptions()
{
    VaultIndexOptions options;
    options.threads = std::max(1u, std::thread::hardware_concurrency() - 1);
    return options;
}

}  // namespace

VaultSession::VaultSession(QObject* parent)
    : QObject(parent), m_pollTimer(new QTimer(this)), m_changeTimer(new QTimer(this)),
      m_watcher(new QFileSystemWatcher(this))
{
    setObjectName(QStringLiteral("vaultSession"));
    m_pollTimer->setInterval(pollIntervalMs);
    connect(m_pollTimer, &QTimer::timeout, this, &VaultSession::pollProgress);
    m_changeTimer->setObjectName(QStringLiteral("vaultChangeCheckTimer"));
    m_changeTimer->setInterval(changeCheckMs);
    connect(m_changeTimer, &QTimer::timeout, this, &VaultSession::checkForChanges);
    // Back from the editor the notes were changed in.
    connect(qGuiApp, &QGuiApplication::applicationStateChanged, this, [this](Qt::ApplicationState state) {
        if (state == Qt::ApplicationActive)
            checkForChanges();
    });
    connect(m_watcher, &QFileSystemWatcher::directoryChanged, this, &VaultSession::onFolderChanged);
    connect(m_watcher, &QFileSystemWatcher::fileChanged, this, &VaultSession::onFileChanged);
    m_queries.setMaxThreadCount(1);  // one question at a time; the GUI keeps the other core
}

VaultSession::~VaultSession()
{
    // Every thread ends before the object it reports to goes.
    m_queries.clear();
    m_queries.waitForDone();
    m_build.reset();  // cancels and joins
    stopGathering();
}

template <typename Change>
auto VaultSession::changeIndex(Change&& change)
{
    const std::unique_lock lock(m_indexLock);
    return change(m_index);
}

template <typename Answer, typename Finish, typename Deliver>
void VaultSession::askInBackground(Answer answer, Finish finish, Deliver deliver)
{
    const quint64 generation = m_generation.load();
    m_queries.start([this, generation, answer, finish, deliver] {
        std::optional<decltype(answer())> result;
        {
            const std::shared_lock lock(m_indexLock);
            if (generation != m_generation.load() || !m_ready.load())
                return;  // closed or reopened since it was asked
            result.emplace(answer());
        }
        QMetaObject::invokeMethod(
            this,
            [this, generation, deliver, found = finish(std::move(*result))] {
                if (generation == m_generation.load())
                    deliver(found);
            },
            Qt::QueuedConnection);
    });
}

template <typename Answer, typename Deliver>
void VaultSession::askInBackground(Answer answer, Deliver deliver)
{
    askInBackground(
        answer, [](auto found) { return found; }, deliver);
}

bool VaultSession::open(const QString& folder)
{
    const QFileInfo info(folder);
    if (!info.isDir())
        return false;
    close();
    changeIndex([&](VaultIndex&) { m_root = info.canonicalFilePath(); });
    // The callback runs on the build thread (which m_build joins before this object goes);
    // the queued call lands on this object's thread.
    m_build = std::make_unique<VaultIndexBuild>(toPath(m_root), indexOptions(), [this] {
        QMetaObject::invokeMethod(this, &VaultSession::onBuildFinished, Qt::QueuedConnection);
    });
    m_pollTimer->start();
    Q_EMIT indexingStarted(m_root);
    return true;
}

void VaultSession::close()
{
    m_pollTimer->stop();
    m_changeTimer->stop();
    m_build.reset();
    stopGathering();
    changeIndex([this](VaultIndex& index) {
        index = VaultIndex();
        m_ready = false;
        ++m_generation;
        m_root.clear();
    });
    m_overview = {};
    if (!m_watcher->directories().isEmpty())
        m_watcher->removePaths(m_watcher->directories());
}

void VaultSession::pollProgress()
{
    if (!m_build)
        return;
    const IndexProgress& p = m_build->progress();
    Q_EMIT progress(static_cast<qint64>(p.filesIndexed.load()), static_cast<qint64>(p.filesFound.load()),
                    p.listingDone.load());
}

void VaultSession::onBuildFinished()
{
    if (!m_build || !m_build->finished())
        return;  // a build cancelled by open() or close() before this call arrived
    m_pollTimer->stop();
    changeIndex([this](VaultIndex& index) {
        index = m_build->take();
        ++m_generation;
    });
    m_build.reset();
    // Queries are const and nothing changes the index until m_ready: the thread may read it.
    m_gathering = std::thread([this] {
        m_gathered = gatherOverview();
        QMetaObject::invokeMethod(this, &VaultSession::onOverviewGathered, Qt::QueuedConnection);
    });
}

void VaultSession::onOverviewGathered()
{
    if (!m_gathering.joinable())
        return;  // closed meanwhile
    m_gathering.join();
    m_overview = std::move(m_gathered);
    m_ready = true;
    watchFolders();
    m_changeTimer->start();
    Q_EMIT indexReady();
}

void VaultSession::stopGathering()
{
    if (m_gathering.joinable())
        m_gathering.join();  // a few hundred ms at most: it has no way to stop sooner
}

VaultOverview VaultSession::gatherOverview() const
{
    VaultOverview overview;
    QSet<QString> folders{m_root};
    const std::vector<NoteId> notes = m_index.notes();
    overview.notes.reserve(notes.size());
    for (const NoteId note : notes) {
        const auto summary = m_index.summary(note);
        if (!summary)
            continue;
        VaultNoteRow row;
        row.relativePath = toQString(summary->path);
        row.path = m_root + QLatin1Char('/') + row.relativePath;
        row.title = toQString(summary->title);
        row.videoId = toQString(summary->videoId);
        const qsizetype slash = row.path.lastIndexOf(QLatin1Char('/'));
        folders.insert(row.path.left(slash));
        overview.unresolvedLinks += summary->unresolvedLinks;
        overview.notes.push_back(std::move(row));
    }
    overview.folders = QStringList(folders.begin(), folders.end());
    for (const VideoNotes& video : m_index.notesByVideo())
        overview.videoTitles.insert(toQString(video.videoId), titleOf(video.main));
    return overview;
}

void VaultSession::watchFolders()
{
    m_watcher->addPaths(m_overview.folders);
}

void VaultSession::watchNote(const QString& notePath)
{
    if (!m_watchedNote.isEmpty())
        m_watcher->removePath(m_watchedNote);
    m_watchedNote = notePath.isEmpty() ? QString() : QFileInfo(notePath).absoluteFilePath();
    if (!m_watchedNote.isEmpty() && QFileInfo::exists(m_watchedNote))
        m_watcher->addPath(m_watchedNote);
}

void VaultSession::onFolderChanged(const QString& folder)
{
    if (!m_ready)
        return;
    // Notes that appeared in this folder. Those changed or gone, here or anywhere (an editor
    // that saves by renaming changes the folder), are found by their file stamps.
    bool added = false;
    for (const QFileInfo& file :
         QDir(folder).entryInfoList({QStringLiteral("*.md"), QStringLiteral("*.MD")}, QDir::Files)) {
        if (!m_index.findFile(toPath(file.absoluteFilePath())))
            added |= changeIndex([&](VaultIndex& index) {
                return index.update(toPath(file.absoluteFilePath())).outcome != UpdateOutcome::Ignored;
            });
    }
    if (added)
        refreshOverview();
    checkForChanges();
}

void VaultSession::checkForChanges()
{
    if (!m_ready)
        return;
    // The stats run after the index is let go: changes need not wait for them.
    askInBackground([this] { return std::pair(m_index.root(), m_index.noteStamps()); },
                    [](const auto& stamps) { return changedFiles(stamps.first, stamps.second); },
                    [this](const std::vector<std::string>& changed) { applyChanges(changed); });
}

void VaultSession::applyChanges(std::vector<std::string> relativePaths)
{
    const std::size_t now = std::min(relativePaths.size(), changesPerTurn);
    bool changed = false;
    for (std::size_t i = 0; i < now; ++i) {
        const QString path = absolute(relativePaths[i]);
        const UpdateOutcome outcome
            = changeIndex([&](VaultIndex& index) { return index.update(toPath(path)).outcome; });
        changed = changed || outcome != UpdateOutcome::Ignored;
        if (path != m_watchedNote && path != QFileInfo(m_watchedNote).canonicalFilePath())
            continue;  // not the shown note
        if (outcome == UpdateOutcome::Removed)
            Q_EMIT noteRemovedFromDisk(m_watchedNote);
        else if (outcome == UpdateOutcome::Reindexed)
            Q_EMIT noteChangedOnDisk(m_watchedNote);
    }
    relativePaths.erase(relativePaths.begin(), relativePaths.begin() + static_cast<std::ptrdiff_t>(now));
    if (!relativePaths.empty()) {
        QTimer::singleShot(0, this, [this, generation = m_generation.load(), rest = std::move(relativePaths)] {
            if (generation == m_generation.load())
                applyChanges(rest);
        });
    }
    if (changed)
        refreshOverview();
}

void VaultSession::refreshOverview()
{
    askInBackground([this] { return gatherOverview(); },
                    [this](const VaultOverview& overview) {
                        m_overview = overview;
                        watchFolders();  // a new folder, perhaps
                        Q_EMIT indexChanged();
                    });
}

void VaultSession::onFileChanged(const QString& file)
{
    if (file != m_watchedNote)
        return;
    if (!QFileInfo::exists(file)) {
        // Deleted, or replaced by an editor's rename: the folder's change says which.
        QTimer::singleShot(0, this, [this, file] {
            if (QFileInfo::exists(file))
                onFileChanged(file);
            else if (m_ready && m_index.findFile(toPath(file))) {
                changeIndex([&](VaultIndex& index) { return index.remove(toPath(file)); });
                refreshOverview();
                Q_EMIT noteRemovedFromDisk(file);
            } else {
                Q_EMIT noteRemovedFromDisk(file);
            }
        });
        return;
    }
    m_watcher->addPath(file);  // a rename-on-save drops the watch
    if (m_ready) {
        changeIndex([&](VaultIndex& index) { return index.update(toPath(file)); });
        refreshOverview();  // its title may have changed
    }
    Q_EMIT noteChangedOnDisk(file);
}

QString VaultSession::absolute(const std::string& relativePath) const
{
    return m_root + QLatin1Char('/') + toQString(relativePath);
}

bool VaultSession::contains(const QString& notePath) const
{
    return noteOf(notePath).has_value();
}

std::optional<NoteId> VaultSession::noteOf(const QString& notePath) const
{
    if (!m_ready || notePath.isEmpty())
        return std::nullopt;
    const QString canonical = QFileInfo(notePath).canonicalFilePath();
    return m_index.findFile(toPath(canonical.isEmpty() ? QFileInfo(notePath).absoluteFilePath() : canonical));
}

QString VaultSession::pathOf(NoteId note) const
{
    const auto summary = m_index.summary(note);
    return summary ? absolute(summary->path) : QString();
}

QString VaultSession::titleOf(NoteId note) const
{
    const auto summary = m_index.summary(note);
    return summary ? toQString(summary->title) : QString();
}

QString VaultSession::resolveLink(const QString& target, const QString& fromPath) const
{
    const auto from = noteOf(fromPath);
    if (!from)
        return {};
    const LinkResolution resolution = m_index.resolveLink(toUtf8(target), *from);
    return resolution.status == LinkStatus::Resolved ? pathOf(resolution.note) : QString();
}

bool VaultSession::linkResolves(const QString& target, const QString& fromPath) const
{
    return !resolveLink(target, fromPath).isEmpty();
}

QList<VaultPlace> VaultSession::backlinks(const QString& notePath) const
{
    return withSentences(linkingPlaces(notePath));
}

VaultSession::LinkingPlaces VaultSession::linkingPlaces(const QString& notePath) const
{
    LinkingPlaces found;
    const auto note = noteOf(notePath);
    if (!note)
        return found;
    for (const Backlink& link : m_index.backlinks(*note)) {
        VaultPlace place;
        place.path = pathOf(link.from);
        place.title = titleOf(link.from);
        place.line = link.line;
        found.places << place;
        found.links.push_back(link);
    }
    return found;
}

QList<VaultPlace> VaultSession::withSentences(LinkingPlaces found)
{
    for (qsizetype i = 0; i < found.places.size(); ++i) {
        const NoteFileText text = readNoteFile(toPath(found.places[i].path));
        if (!text.text)
            continue;
        if (const auto snippet = VaultIndex::backlinkSnippetIn(*text.text, found.links[static_cast<std::size_t>(i)]))
            found.places[i].snippet = toQString(snippet->text);
    }
    return found.places;
}

QList<VaultPlace> VaultSession::unresolvedLinks(const QString& notePath) const
{
    QList<VaultPlace> places;
    const auto note = noteOf(notePath);
    if (!note)
        return places;
    for (const NoteLink& link : m_index.links(*note)) {
        if (link.resolution.status == LinkStatus::Resolved)
            continue;
        VaultPlace place;
        place.path = pathOf(*note);
        place.title = QStringLiteral("[[%1]]").arg(toQString(link.target));
        place.line = link.line;
        place.snippet = link.resolution.status == LinkStatus::Refused ? tr("a path, not a note name: never followed")
                                                                      : tr("no note of that name in the vault");
        places << place;
    }
    return places;
}

QList<VaultPlace> VaultSession::search(const QString& query, int maxHits) const
{
    QList<VaultPlace> places;
    if (!m_ready)
        return places;
    const std::string text = toUtf8(query);
    for (const SearchHit& hit : m_index.search(text, static_cast<std::size_t>(std::max(0, maxHits)))) {
        VaultPlace place;
        place.path = pathOf(hit.note);
        place.title = titleOf(hit.note);
        place.claim = hit.claim ? static_cast<int>(*hit.claim) : -1;
        place.line = hit.line;
        place.ms = hit.ms;
        if (const auto snippet = m_index.snippet(hit, text))
            place.snippet = toQString(snippet->text);
        places << place;
    }
    return places;
}

QList<VaultPlace> VaultSession::quickOpen(const QString& query, int maxHits) const
{
    QList<VaultPlace> places;
    if (!m_ready)
        return places;
    for (const QuickOpenHit& hit : m_index.quickOpen(toUtf8(query), static_cast<std::size_t>(std::max(0, maxHits)))) {
        VaultPlace place;
        place.path = pathOf(hit.note);
        place.title = titleOf(hit.note);
        place.snippet = QDir(m_root).relativeFilePath(place.path);
        places << place;
    }
    return places;
}

QList<VaultPlace> VaultSession::videoCitations(const QString& videoId) const
{
    QList<VaultPlace> places;
    if (!m_ready || videoId.isEmpty())
        return places;
    for (const VideoCitation& citation : m_index.videoCitations(toUtf8(videoId))) {
        VaultPlace place;
        place.path = pathOf(citation.note);
        place.title = titleOf(citation.note);
        place.line = citation.line;
        place.ms = citation.ms;
        const auto claims = m_index.claims(citation.note);
        for (std::size_t i = 0; i < claims.size(); ++i) {
            if (claims[i].line == citation.line)
                place.claim = static_cast<int>(i);
        }
        places << place;
    }
    return places;
}

QList<VaultPlace> VaultSession::videoNotes(const QString& videoId) const
{
    QList<VaultPlace> places;
    if (!m_ready || videoId.isEmpty())
        return places;
    const std::string wanted = toUtf8(videoId);
    for (const NoteId note : m_index.notes()) {
        const auto summary = m_index.summary(note);
        if (!summary || summary->videoId != wanted)
            continue;
        VaultPlace place;
        place.path = absolute(summary->path);
        place.title = toQString(summary->title);
        places << place;
    }
    return places;
}

void VaultSession::requestBacklinks(const QString& notePath)
{
    // The linking notes' files are read for their sentences after the index is let go: a
    // channel's note may have thousands of backlinks, and changes must not wait for them.
    askInBackground(
        [this, notePath] { return std::pair(linkingPlaces(notePath), unresolvedLinks(notePath)); },
        [](auto found) { return std::pair(withSentences(std::move(found.first)), found.second); },
        [this, notePath](const auto& found) { Q_EMIT backlinksFound(notePath, found.first, found.second); });
}

void VaultSession::requestVideo(const QString& videoId)
{
    askInBackground([this, videoId] { return std::pair(videoNotes(videoId), videoCitations(videoId)); },
                    [this, videoId](const auto& found) { Q_EMIT videoFound(videoId, found.first, found.second); });
}

QString VaultSession::firstNoteIn(const QString& folder)
{
    const std::optional<std::string> first = firstNoteFile(toPath(folder));
    return first ? QDir(folder).absoluteFilePath(toQString(*first)) : QString();
}

QString VaultSession::firstIndexedNote() const
{
    if (!m_ready)
        return {};
    const std::vector<NoteId> notes = m_index.notes();
    return notes.empty() ? QString() : pathOf(notes.front());
}

}  // namespace scholia::gui
