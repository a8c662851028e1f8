#include "window/MainWindow.h"

#include "annotations/AbLoop.h"
#include "annotations/AnnotationEditor.h"
#include "annotations/AnnotationHtml.h"
#include "annotations/AnnotationSettings.h"
#include "annotations/AnnotationStore.h"
#include "annotations/FrameCapture.h"
#include "annotations/LoopRange.h"
#include "common/CoreBridge.h"
#include "common/SettingsKeys.h"
#include "export/NoteExport.h"
#include "follow/ClaimContextMenu.h"
#include "follow/DiagnosticsPane.h"
#include "follow/LinkDiagnostics.h"
#include "follow/NoteFollower.h"
#include "follow/NoteLineAnchor.h"
#include "follow/OutlinePane.h"
#include "follow/PlaybackFollower.h"
#include "follow/SeekMarks.h"
#include "follow/SpokenContext.h"
#include "follow/SpokenContextPopup.h"
#include "follow/TranscriptFileReader.h"
#include "follow/TranscriptPane.h"
#include "media/VideoLocator.h"
#include "note/CitationWording.h"
#include "note/NoteSession.h"
#include "note/NoteView.h"
#include "player/MediaFileCheck.h"
#include "player/PlayerPanel.h"
#include "transcript/TranscriptFiles.h"
#include "vault/BacklinksPane.h"
#include "vault/Counted.h"
#include "vault/PlaceSearchDialog.h"
#include "vault/ThisVideoPane.h"
#include "vault/VaultSession.h"
#include "vault/VaultSidebar.h"
#include "window/FindBar.h"
#include "window/PreferencesDialog.h"
#include "window/RecentFiles.h"

#include <QAbstractTextDocumentLayout>
#include <QAction>
#include <QApplication>
#include <QCloseEvent>
#include <QDesktopServices>
#include <QDir>
#include <QDockWidget>
#include <QDragEnterEvent>
#include <QDropEvent>
#include <QFileDialog>
#include <QFileInfo>
#include <QLabel>
#include <QMenuBar>
#include <QMessageBox>
#include <QMimeData>
#include <QMouseEvent>
#include <QProgressBar>
#include <QPushButton>
#include <QScrollBar>
#include <QSettings>
#include <QSplitter>
#include <QStatusBar>
#include <QTextDocument>
#include <QTimer>
#include <QToolBar>
#include <QVBoxLayout>

#include <algorithm>
#include <utility>

namespace scholia::gui {

namespace {

const QStringList noteSuffixes = {QStringLiteral("md"), QStringLiteral("markdown")};
const QStringList videoSuffixes = {
    QStringLiteral("mp4"), QStringLiteral("m4v"), QStringLiteral("mkv"), QStringLiteral("webm"), QStringLiteral("mov"),
    QStringLiteral("avi"), QStringLiteral("ogv"), QStringLiteral("mpg"), QStringLiteral("mpeg"), QStringLiteral("ts")};

bool hasSuffix(const QString& path, const QStringList& suffixes)
{
    return suffixes.contains(QFileInfo(path).suffix(), Qt::CaseInsensitive);
}

bool sameFile(const QString& a, const QString& b)
{
    return !a.isEmpty() && QFileInfo(a).canonicalFilePath() == QFileInfo(b).canonicalFilePath();
}

// The local file a drag carries, if it is one the window can open.
QString droppableFile(const QMimeData* mime)
{
    if (!mime || !mime->hasUrls() || mime->urls().isEmpty() || !mime->urls().first().isLocalFile())
        return {};
    const QString path = mime->urls().first().toLocalFile();
    if (QFileInfo(path).isDir() || hasSuffix(path, noteSuffixes) || hasSuffix(path, videoSuffixes))
        return path;
    return {};
}

}  // namespace

MainWindow::MainWindow(QWidget* parent) : QMainWindow(parent)
{
    setObjectName(QStringLiteral("mainWindow"));
    setWindowTitle(tr("Scholia"));
    setAcceptDrops(true);

    m_session = new NoteSession(this);
    m_recentFiles = new RecentFiles(this);
    createWidgets();
    createVaultWidgets();
    createFileMenu();
    createNoteMenu();
    createVaultMenu();
    createPlaybackMenu();
    createFollowWidgets();
    createHelpMenu();
    connectViews();
    connectFollow();
    createAnnotationWidgets();
    createAnnotationActions();
    connectAnnotations();
    connectVault();
    restoreSettings();
    m_noteView->showPlaceholder(tr("Open a note with File > Open (Ctrl+O) or a folder of notes with File > Open Folder "
                                   "(Ctrl+Shift+O), or drop a .md file or a folder on this window."));
}

void MainWindow::createWidgets()
{
    m_player = new PlayerPanel(this);
    m_noteView = new NoteView(this);
    m_findBar = new FindBar(this);
    m_findBar->hide();

    m_notePane = new QWidget(this);
    m_notePane->setObjectName(QStringLiteral("notePane"));
    auto* noteLayout = new QVBoxLayout(m_notePane);
    noteLayout->setContentsMargins(0, 0, 0, 0);
    noteLayout->setSpacing(0);
    noteLayout->addWidget(m_noteView, 1);
    noteLayout->addWidget(m_findBar);

    m_splitter = new QSplitter(Qt::Horizontal, this);
    m_splitter->setObjectName(QStringLiteral("mainSplitter"));
    m_splitter->addWidget(m_player);
    m_splitter->addWidget(m_notePane);
    m_splitter->setStretchFactor(0, 1);
    m_splitter->setStretchFactor(1, 1);
    m_splitter->setChildrenCollapsible(false);
    setCentralWidget(m_splitter);

    m_diagnosticsLabel = new QLabel(this);
    m_diagnosticsLabel->setObjectName(QStringLiteral("diagnosticsLabel"));
    statusBar()->addPermanentWidget(m_diagnosticsLabel);
}

QAction* MainWindow::addShortcutAction(QMenu* menu, const QString& objectName, const QString& text,
                                       const QKeySequence& shortcut)
{
    QAction* action = menu->addAction(text);
    action->setObjectName(objectName);
    action->setShortcut(shortcut);
    // Also on the window itself: shortcuts must keep working while the menu bar is hidden
    // (fullscreen), and whichever pane has the focus.
    addAction(action);
    return action;
}

void MainWindow::createFileMenu()
{
    QMenu* menu = menuBar()->addMenu(tr("&File"));
    connect(addShortcutAction(menu, QStringLiteral("openAction"), tr("&Open Note..."), QKeySequence::Open),
            &QAction::triggered, this, &MainWindow::chooseNoteToOpen);
    m_recentMenu = menu->addMenu(tr("Open &Recent"));
    m_recentMenu->setObjectName(QStringLiteral("recentMenu"));
    connect(m_recentMenu, &QMenu::aboutToShow, this, [this] { m_recentFiles->fillMenu(m_recentMenu); });
    connect(m_recentFiles, &RecentFiles::openRequested, this, [this](const QString& path) { openPath(path); });
    menu->addSeparator();
    connect(addShortcutAction(menu, QStringLiteral("locateVideoAction"), tr("&Locate Video..."), QKeySequence()),
            &QAction::triggered, this, &MainWindow::chooseVideoToLocate);
    createExportMenu(menu);
    connect(
        addShortcutAction(menu, QStringLiteral("preferencesAction"), tr("&Preferences..."), QKeySequence::Preferences),
        &QAction::triggered, this, &MainWindow::showPreferences);
    menu->addSeparator();
    QAction* quit = addShortcutAction(menu, QStringLiteral("quitAction"), tr("&Quit"), QKeySequence::Quit);
    quit->setMenuRole(QAction::QuitRole);
    connect(quit, &QAction::triggered, this, &QWidget::close);
}

// File > Export: one entry per core export format (the same ones `scholia-cli export` writes).
void MainWindow::createExportMenu(QMenu* fileMenu)
{
    QMenu* menu = fileMenu->addMenu(tr("&Export"));
    menu->setObjectName(QStringLiteral("exportMenu"));
    for (const ExportFormat format : exportFormats()) {
        const QString name = toQString(exportFormatName(format));
        QAction* action = menu->addAction(tr("%1...").arg(toQString(exportFormatLabel(format))));
        action->setObjectName(QStringLiteral("export_") + name);
        connect(action, &QAction::triggered, this, [this, format] { exportCurrentNote(format); });
    }
}

void MainWindow::exportCurrentNote(ExportFormat format)
{
    if (!m_session->hasNote()) {
        showStatus(tr("Open a note first: there is nothing to export."));
        return;
    }
    const QString extension = toQString(exportFormatExtension(format));
    const QString target = QFileDialog::getSaveFileName(
        this, tr("Export %1").arg(toQString(exportFormatLabel(format))), defaultExportPath(m_session->path(), format),
        tr("%1 (*.%2);;All files (*)").arg(toQString(exportFormatLabel(format)), extension));
    if (target.isEmpty())
        return;
    // The session's note is resolved against the player's duration; the export uses the same one.
    const NoteExportOutcome outcome
        = exportNoteToFile(m_session->note(), m_session->path(), format, m_session->durationMs(), target);
    showStatus(outcome.message);
}

void MainWindow::createNoteMenu()
{
    QMenu* menu = menuBar()->addMenu(tr("&Note"));
    connect(addShortcutAction(menu, QStringLiteral("findAction"), tr("&Find..."), QKeySequence::Find),
            &QAction::triggered, m_findBar, &FindBar::activate);
    connect(addShortcutAction(menu, QStringLiteral("findNextAction"), tr("Find &Next"), QKeySequence::FindNext),
            &QAction::triggered, this, [this] { find(m_findBar->text(), false, false); });
    connect(
        addShortcutAction(menu, QStringLiteral("findPreviousAction"), tr("Find &Previous"), QKeySequence::FindPrevious),
        &QAction::triggered, this, [this] { find(m_findBar->text(), true, false); });
}

void MainWindow::createPlaybackMenu()
{
    QMenu* menu = menuBar()->addMenu(tr("&Playback"));
    auto add = [this, menu](const char* name, const QString& text, const QKeySequence& key, auto slot) {
        connect(addShortcutAction(menu, QString::fromLatin1(name), text, key), &QAction::triggered, m_player, slot);
    };
    add("playPauseAction", tr("Play/Pause"), QKeySequence(Qt::Key_Space), &PlayerPanel::togglePlayPause);
    menu->addSeparator();
    add("back5Action", tr("Back 5 Seconds"), QKeySequence(Qt::Key_Left), [this] { m_player->seekBy(-5000); });
    add("forward5Action", tr("Forward 5 Seconds"), QKeySequence(Qt::Key_Right), [this] { m_player->seekBy(5000); });
    add("back10Action", tr("Back 10 Seconds"), QKeySequence(Qt::Key_J), [this] { m_player->seekBy(-10000); });
    add("pauseAction", tr("Pause"), QKeySequence(Qt::Key_K), &PlayerPanel::pause);
    add("forward10Action", tr("Forward 10 Seconds"), QKeySequence(Qt::Key_L), [this] { m_player->seekBy(10000); });
    menu->addSeparator();
    add("slowerAction", tr("Slower"), QKeySequence(Qt::Key_BracketLeft), &PlayerPanel::slower);
    add("fasterAction", tr("Faster"), QKeySequence(Qt::Key_BracketRight), &PlayerPanel::faster);
    add("muteAction", tr("Mute/Unmute"), QKeySequence(Qt::Key_M), &PlayerPanel::toggleMute);
    menu->addSeparator();
    connect(addShortcutAction(menu, QStringLiteral("fullScreenAction"), tr("Fullscreen"), QKeySequence(Qt::Key_F)),
            &QAction::triggered, this, &MainWindow::toggleFullScreen);
    connect(
        addShortcutAction(menu, QStringLiteral("escapeAction"), tr("Leave Fullscreen"), QKeySequence(Qt::Key_Escape)),
        &QAction::triggered, this, &MainWindow::leaveFullScreenOrCloseFind);
}

void MainWindow::createHelpMenu()
{
    QMenu* menu = menuBar()->addMenu(tr("&Help"));
    connect(menu->addAction(tr("&About Scholia")), &QAction::triggered, this, &MainWindow::showAbout);
    connect(menu->addAction(tr("About &Qt")), &QAction::triggered, qApp, &QApplication::aboutQt);
}

void MainWindow::connectViews()
{
    connect(m_noteView, &NoteView::citationActivated, this, &MainWindow::onCitationActivated);
    connect(m_noteView, &NoteView::citationHovered, this, &MainWindow::onCitationHovered);
    connect(m_noteView, &NoteView::wikiLinkActivated, this, &MainWindow::onWikiLinkActivated);
    connect(m_noteView, &NoteView::externalLinkActivated, this, &MainWindow::onExternalLinkActivated);

    connect(m_player, &PlayerPanel::durationChanged, this, &MainWindow::applyDuration);
    connect(m_player, &PlayerPanel::errorMessage, this, &MainWindow::showStatus);
    connect(m_player, &PlayerPanel::notice, this, &MainWindow::showStatus);
    connect(m_player, &PlayerPanel::fullScreenRequested, this, &MainWindow::toggleFullScreen);
    connect(m_player, &PlayerPanel::locateVideoRequested, this, &MainWindow::chooseVideoToLocate);
    connect(m_player, &PlayerPanel::openYouTubeRequested, this, &MainWindow::openOnYouTube);

    connect(m_findBar, &FindBar::findRequested, this, &MainWindow::find);
    connect(m_findBar, &FindBar::closeRequested, this, [this] {
        m_findBar->hide();
        m_noteView->setFocus();
    });
}

void MainWindow::restoreSettings()
{
    QSettings settings;
    if (!restoreGeometry(settings.value(SettingsKeys::windowGeometry).toByteArray()))
        resize(1200, 760);
    if (!m_splitter->restoreState(settings.value(SettingsKeys::splitterSizes).toByteArray()))
        m_splitter->setSizes({560, 640});
    // Which panes are open and where they are docked; the vault's panes wait for a vault.
    restoreState(settings.value(SettingsKeys::windowState).toByteArray());
    for (QDockWidget* dock : m_vaultDocks)
        dock->hide();
    m_player->setVolume(settings.value(SettingsKeys::volume, 1.0).toFloat());
    m_player->setMuted(settings.value(SettingsKeys::muted, false).toBool());
    m_player->setSpeed(settings.value(SettingsKeys::speed, 1.0).toDouble());
}

void MainWindow::saveSettings() const
{
    QSettings settings;
    settings.setValue(SettingsKeys::windowGeometry, saveGeometry());
    settings.setValue(SettingsKeys::splitterSizes, m_splitter->saveState());
    settings.setValue(SettingsKeys::windowState, saveState());
    settings.setValue(SettingsKeys::volume, m_player->volume());
    settings.setValue(SettingsKeys::muted, m_player->isMuted());
    settings.setValue(SettingsKeys::speed, m_player->speed());
}

void MainWindow::closeEvent(QCloseEvent* event)
{
    if (m_fullScreen)
        toggleFullScreen();  // save the normal geometry, not the fullscreen one
    saveSettings();
    keepOpenAnnotation();
    event->accept();
}

bool MainWindow::openPath(const QString& path, const QString& videoOverride)
{
    if (!QFileInfo(path).isDir())
        return openNote(path, videoOverride);
    return openVault(path, videoOverride);
}

bool MainWindow::openNote(const QString& notePath, const QString& videoOverride)
{
    return loadNote(notePath, videoOverride, tr("Opened %1").arg(QFileInfo(notePath).fileName()));
}

bool MainWindow::loadNote(const QString& notePath, const QString& videoOverride, const QString& howOpened)
{
    const HistoryPlace left = currentPlace();
    QString error;
    if (!m_session->load(notePath, &error)) {
        showStatus(tr("Could not open the note: %1").arg(error));
        if (!m_session->hasNote())
            m_noteView->showPlaceholder(tr("Could not open the note.\n\n%1").arg(error));
        return false;
    }
    m_recentFiles->add(m_session->path());
    m_lastCitationMs = -1;
    const QString videoStatus = loadVideoForNote(videoOverride);
    showNote();
    noteOpened(left);
    setWindowTitle(tr("%1 - Scholia").arg(m_session->title()));
    const int citations = static_cast<int>(m_session->note().citations.size());
    showStatus(tr("%1: %2. %3")
                   .arg(howOpened, citations == 1 ? tr("1 citation") : tr("%1 citations").arg(citations), videoStatus));
    return true;
}

bool MainWindow::reopenLastNote(const QString& videoOverride)
{
    const QString last = m_recentFiles->mostRecentExisting();
    return !last.isEmpty() && openNote(last, videoOverride);
}

QString MainWindow::loadVideoForNote(const QString& videoOverride)
{
    VideoChoice choice{videoOverride, tr("given with --video")};
    if (videoOverride.isEmpty()) {
        const auto found = m_videoFinder.find(m_session->note(), m_session->path());
        if (!found) {
            showMissingVideo();
            return tr("No video found for it.");
        }
        choice = *found;
    }
    const QString name = QFileInfo(choice.path).fileName();
    if (m_player->hasVideo() && sameFile(m_player->videoPath(), choice.path)) {
        // The same video as the previous note (a linked note about it): keep it playing.
        if (m_player->mediaPlayer()->duration() > 0)
            m_session->setDurationMs(m_player->mediaPlayer()->duration());
        return tr("Video: %1 (%2).").arg(name, choice.how);
    }
    // Resolve against the recorded duration now; the player's own comes when it has loaded.
    if (const auto recorded = VideoFinder::infoJsonDurationMs(choice.path))
        m_session->setDurationMs(*recorded);
    if (!m_player->openVideo(choice.path))
        return tr("%1: %2").arg(m_player->messageTitle(), m_player->messageDetail().section(QLatin1Char('\n'), 0, 0));
    return tr("Video: %1 (%2).").arg(name, choice.how);
}

void MainWindow::showMissingVideo()
{
    const QString videoId = m_session->videoId();
    if (videoId.isEmpty()) {
        m_player->showNoVideo(tr("No video for this note"),
                              tr("The note's front matter names no videoId and no video: file.\n"
                                 "Use Locate video... or drop a video file on the window."));
    } else {
        const int folders = static_cast<int>(m_videoFinder.mediaFolders().size());
        const QString where = folders == 0 ? tr("the note's folder (add media folders in Preferences)")
                            : folders == 1 ? tr("the note's folder and 1 media folder")
                                           : tr("the note's folder and %1 media folders").arg(folders);
        m_player->showNoVideo(tr("Video %1 not found").arg(videoId),
                              tr("Looked in %1 for %2.mp4 (or .mkv, .webm...) or a file whose name contains [%2].\n"
                                 "Locate video... picks the file; it will be remembered for this video.")
                                  .arg(where, videoId));
    }
    updateYouTubeOffer();
}

bool MainWindow::useVideo(const QString& videoPath)
{
    const QString problem = mediaFileProblem(videoPath);
    if (problem.isEmpty() && m_session->hasNote())
        m_videoFinder.rememberForVideoId(m_session->videoId(), videoPath);
    if (const auto recorded = VideoFinder::infoJsonDurationMs(videoPath))
        applyDuration(*recorded);
    if (!m_player->openVideo(videoPath))
        return false;
    const QString videoId = m_session->videoId();
    showStatus(
        videoId.isEmpty()
            ? tr("Playing %1.").arg(QFileInfo(videoPath).fileName())
            : tr("Playing %1; it will be found again for video %2.").arg(QFileInfo(videoPath).fileName(), videoId));
    return true;
}

void MainWindow::applyDuration(qint64 ms)
{
    if (!m_session->setDurationMs(ms))
        return;
    m_noteView->refreshNote(noteHtml());
}

void MainWindow::showNote()
{
    m_noteView->showNote(noteHtml(), m_session->folder());
    updateYouTubeOffer();
}

void MainWindow::updateYouTubeOffer()
{
    if (m_session->videoId().isEmpty())
        m_player->setYouTubeOffer({});
    else if (m_lastCitationMs >= 0)
        m_player->setYouTubeOffer(tr("Open on YouTube at %1").arg(clockText(m_lastCitationMs)));
    else
        m_player->setYouTubeOffer(tr("Open on YouTube"));
}

void MainWindow::showStatus(const QString& message)
{
    statusBar()->showMessage(message);
}

void MainWindow::onCitationActivated(qint64 ms, int citationIndex)
{
    const Citation* citation = m_session->citation(citationIndex);
    // The session's resolution is authoritative; the link's value is the fallback.
    const qint64 target = citation && citation->resolution.ms ? *citation->resolution.ms : ms;
    m_lastCitationMs = target;
    updateYouTubeOffer();
    if (citation && citation->resolution.pastEnd) {
        // Seeking there would only end the video; say where the citation points instead.
        showStatus(tr("Citation %1 points past the end of the video: %2")
                       .arg(toQString(citation->written), toQString(citation->resolution.explanation)));
        return;
    }
    if (m_player->hasVideo() && !m_player->canSeek()) {
        showStatus(tr("%1 cannot jump to %2: the file reports no duration (WebM with the FFmpeg backend). "
                      "An MP4 copy of it, or QT_MEDIA_BACKEND=gstreamer, can.")
                       .arg(QFileInfo(m_player->videoPath()).fileName(), clockText(target)));
        return;
    }
    if (m_player->hasVideo()) {
        m_player->seekAndPlay(target);
        showStatus(citation ? CitationWording::jumpMessage(*citation, target)
                            : tr("Playing from %1").arg(clockText(target)));
        return;
    }
    const bool hasVideoId = !m_session->videoId().isEmpty();
    showStatus(citation ? CitationWording::noVideoMessage(*citation, target, hasVideoId)
                        : tr("This citation is at %1; no video is loaded.").arg(clockText(target)));
}

void MainWindow::onCitationHovered(qint64 ms)
{
    m_player->prepareSeek(ms);
}

void MainWindow::onWikiLinkActivated(const QString& target, const QString& fragment)
{
    if (target.isEmpty() || target == QFileInfo(m_session->path()).completeBaseName()) {
        const QString anchor = m_session->anchorForFragment(fragment);
        if (!anchor.isEmpty())
            m_noteView->scrollToFragment(anchor);
        return;
    }
    const QString path = wikiLinkPath(target);
    if (path.isEmpty()) {
        const bool inVault = m_vault->contains(m_session->path());
        showStatus(tr("No note \"%1\" in %2; staying on this note.")
                       .arg(target, inVault ? tr("the vault") : QDir::toNativeSeparators(m_session->folder())));
        return;
    }
    if (!openNote(path) || fragment.isEmpty())
        return;
    const QString anchor = m_session->anchorForFragment(fragment);
    if (anchor.isEmpty())
        showStatus(tr("Opened %1, which has no heading \"%2\".").arg(m_session->fileName(), fragment));
    else
        m_noteView->scrollToFragment(anchor);
}

void MainWindow::onExternalLinkActivated(const QUrl& url)
{
    // Only on the user's click, and only the web: NoteView already drops other schemes.
    if (url.scheme() != QLatin1String("http") && url.scheme() != QLatin1String("https"))
        return;
    if (QDesktopServices::openUrl(url))
        showStatus(tr("Opened %1 in the browser.").arg(url.toDisplayString()));
    else
        showStatus(tr("Could not open %1.").arg(url.toDisplayString()));
}

void MainWindow::chooseNoteToOpen()
{
    const QString start = m_session->hasNote() ? m_session->folder() : QDir::homePath();
    const QString path
        = QFileDialog::getOpenFileName(this, tr("Open Note"), start, tr("Notes (*.md *.markdown);;All files (*)"));
    if (!path.isEmpty())
        openNote(path);
}

void MainWindow::chooseVideoToLocate()
{
    const QString start = m_session->hasNote() ? m_session->folder() : QDir::homePath();
    QStringList patterns;
    for (const QString& suffix : videoSuffixes)
        patterns << QStringLiteral("*.") + suffix;
    const QString path = QFileDialog::getOpenFileName(
        this, tr("Locate Video"), start, tr("Videos (%1);;All files (*)").arg(patterns.join(QLatin1Char(' '))));
    if (!path.isEmpty())
        useVideo(path);
}

void MainWindow::openOnYouTube()
{
    const QString videoId = m_session->videoId();
    if (videoId.isEmpty())
        return;
    const auto at = m_lastCitationMs >= 0 ? std::optional<std::int64_t>(m_lastCitationMs) : std::nullopt;
    const QUrl url(toQString(youtubeUrl(toUtf8(videoId), at)));
    onExternalLinkActivated(url);
}

void MainWindow::showPreferences()
{
    PreferencesDialog dialog(m_videoFinder.mediaFolders(), this);
    if (dialog.exec() != QDialog::Accepted)
        return;
    m_videoFinder.setMediaFolders(dialog.mediaFolders());
    if (m_session->hasNote() && !m_player->hasVideo()) {
        showStatus(loadVideoForNote({}));     // a new folder may hold the missing video
        m_noteView->refreshNote(noteHtml());  // its .info.json may have re-resolved the note
    }
}

void MainWindow::showAbout()
{
    QMessageBox::about(this, tr("About Scholia"),
                       tr("<h3>Scholia %1</h3><p>Study a video beside its Markdown notes: every timestamp "
                          "in the note is a link that seeks the video.</p>")
                           .arg(QStringLiteral(SCHOLIA_VERSION)));
}

void MainWindow::toggleFullScreen()
{
    m_fullScreen = !m_fullScreen;
    // The video alone fills the screen; the window's own shortcuts keep working.
    m_notePane->setVisible(!m_fullScreen);
    menuBar()->setVisible(!m_fullScreen);
    statusBar()->setVisible(!m_fullScreen);
    if (m_fullScreen) {
        m_wasMaximized = isMaximized();
        showFullScreen();
    } else if (m_wasMaximized) {
        showMaximized();
    } else {
        showNormal();
    }
}

void MainWindow::leaveFullScreenOrCloseFind()
{
    if (m_fullScreen) {
        toggleFullScreen();
    } else if (m_findBar->isVisible()) {
        m_findBar->hide();
        m_noteView->setFocus();
    }
}

void MainWindow::find(const QString& text, bool backward, bool incremental)
{
    if (!m_findBar->isVisible())
        m_findBar->activate();
    m_findBar->setFound(m_noteView->findText(text, backward, incremental));
}

void MainWindow::dragEnterEvent(QDragEnterEvent* event)
{
    if (!droppableFile(event->mimeData()).isEmpty())
        event->acceptProposedAction();
}

void MainWindow::dropEvent(QDropEvent* event)
{
    const QString path = droppableFile(event->mimeData());
    if (path.isEmpty())
        return;
    event->acceptProposedAction();
    if (hasSuffix(path, videoSuffixes))
        useVideo(path);
    else
        openPath(path);
}

// ---- Follow along (issue #5) ----------------------------------------------------------------

void MainWindow::createFollowWidgets()
{
    m_noteFollower = new NoteFollower(m_noteView, this);
    m_backToPlayback = new QPushButton(tr("Back to Playback"), m_notePane);
    m_backToPlayback->setObjectName(QStringLiteral("backToPlaybackButton"));
    m_backToPlayback->setToolTip(tr("Scrolling by hand paused following the video; this brings the note back to it"));
    m_backToPlayback->setFocusPolicy(Qt::NoFocus);
    m_backToPlayback->hide();
    if (auto* layout = qobject_cast<QBoxLayout*>(m_notePane->layout()))
        layout->insertWidget(0, m_backToPlayback);

    // Several updates a second while playing, on top of the player's own position reports.
    m_followTimer = new QTimer(this);
    m_followTimer->setInterval(200);

    m_outlinePane = new OutlinePane(this);
    m_transcriptPane = new TranscriptPane(this);
    m_diagnosticsPane = new DiagnosticsPane(this);
    // Right and bottom: the vault's docks go on the left.
    addDockWidget(Qt::RightDockWidgetArea, m_outlinePane);
    addDockWidget(Qt::RightDockWidgetArea, m_transcriptPane);
    addDockWidget(Qt::BottomDockWidgetArea, m_diagnosticsPane);
    m_diagnosticsPane->hide();
    // Shown for the first time, it takes a strip under the player and the note, not half the window.
    connect(m_diagnosticsPane, &QDockWidget::visibilityChanged, this, [this, sized = false](bool visible) mutable {
        if (visible && !sized) {
            sized = true;
            resizeDocks({m_diagnosticsPane}, {150}, Qt::Vertical);
        }
    });
    resizeDocks({m_outlinePane, m_transcriptPane}, {260, 260}, Qt::Horizontal);

    m_spokenContext = new SpokenContextPopup(this);
    createViewMenu();
}

void MainWindow::createViewMenu()
{
    QMenu* menu = menuBar()->addMenu(tr("&View"));
    menu->setObjectName(QStringLiteral("viewMenu"));
    m_followAction = addShortcutAction(menu, QStringLiteral("followPlaybackAction"), tr("&Follow Playback"),
                                       // Ctrl+Shift+F is the vault search, as in most editors.
                                       QKeySequence(Qt::CTRL | Qt::ALT | Qt::Key_F));
    m_followAction->setCheckable(true);
    m_followAction->setChecked(QSettings().value(SettingsKeys::followPlayback, true).toBool());
    m_noteFollower->setEnabled(m_followAction->isChecked());
    connect(addShortcutAction(menu, QStringLiteral("backToPlaybackAction"), tr("&Back to Playback"),
                              QKeySequence(Qt::CTRL | Qt::Key_Period)),
            &QAction::triggered, m_backToPlayback, &QPushButton::click);
    connect(addShortcutAction(menu, QStringLiteral("showWhatWasSaidAction"), tr("Show &What Was Said"),
                              QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_W)),
            &QAction::triggered, this, [this] { showWhatWasSaid(m_noteFollower->activeClaim().value_or(-1)); });
    menu->addSeparator();
    for (QDockWidget* dock : {static_cast<QDockWidget*>(m_outlinePane), static_cast<QDockWidget*>(m_transcriptPane),
                              static_cast<QDockWidget*>(m_diagnosticsPane)}) {
        QAction* toggle = dock->toggleViewAction();
        toggle->setObjectName(dock->objectName() + QStringLiteral("Action"));
        menu->addAction(toggle);
    }
    menu->addSeparator();
    connect(
        addShortcutAction(menu, QStringLiteral("chooseTranscriptAction"), tr("Choose &Transcript..."), QKeySequence()),
        &QAction::triggered, this, &MainWindow::chooseTranscript);
}

void MainWindow::connectFollow()
{
    connect(m_followAction, &QAction::toggled, this, [this](bool on) {
        m_noteFollower->setEnabled(on);
        QSettings().setValue(SettingsKeys::followPlayback, on);
        if (on)
            followPlayback(m_player->position());
    });
    connect(m_noteFollower, &NoteFollower::pausedChanged, m_backToPlayback, &QWidget::setVisible);
    connect(m_backToPlayback, &QPushButton::clicked, m_noteFollower, &NoteFollower::resume);
    // A click on a citation is a way back to following too.
    connect(m_noteView, &NoteView::citationActivated, m_noteFollower, &NoteFollower::resume);

    connect(m_player, &PlayerPanel::positionChanged, this, &MainWindow::followPlayback);
    connect(m_followTimer, &QTimer::timeout, this, [this] { followPlayback(m_player->position()); });
    connect(m_player->mediaPlayer(), &QMediaPlayer::playbackStateChanged, this,
            [this](QMediaPlayer::PlaybackState state) {
                const bool playing = state == QMediaPlayer::PlayingState;
                if (playing)
                    m_followTimer->start();
                else
                    m_followTimer->stop();
                followPlayback(m_player->position());
                m_noteFollower->setPlaying(playing);
            });
    connect(m_player->mediaPlayer(), &QMediaPlayer::sourceChanged, this, &MainWindow::loadTranscriptBesideVideo);

    connect(m_session, &NoteSession::noteLoaded, this, [this] {
        m_noteFollower->clear();  // another note: a pause from scrolling the last one is over
        updateFollowForNote();
    });
    connect(m_session, &NoteSession::citationsResolved, this, &MainWindow::updateFollowForNote);

    connect(m_outlinePane, &OutlinePane::headingActivated, this, &MainWindow::onHeadingActivated);
    connect(m_transcriptPane, &TranscriptPane::cueActivated, m_player, &PlayerPanel::seekAndPlay);
    connect(m_diagnosticsPane, &DiagnosticsPane::noteLineActivated, this, &MainWindow::scrollNoteToLine);
    connect(m_spokenContext, &SpokenContextPopup::playRequested, m_player, &PlayerPanel::seekAndPlay);
    auto* contextMenu = new ClaimContextMenu(
        m_noteView, [this](int position) { return m_noteFollower->claimAtPosition(position); }, this);
    connect(contextMenu, &ClaimContextMenu::spokenContextRequested, this, &MainWindow::showWhatWasSaid);
}

void MainWindow::followPlayback(qint64 ms)
{
    m_noteFollower->followPosition(ms);
    if (m_session->hasNote())
        m_outlinePane->setCurrentSection(activeSection(m_session->note(), m_noteFollower->timeline(), ms));
    m_transcriptPane->followPosition(ms);
}

void MainWindow::updateFollowForNote()
{
    const Note& note = m_session->note();
    m_noteFollower->setNote(note);
    m_outlinePane->setNote(note);
    updateDiagnostics();

    QList<SeekBarMark> marks;
    for (const CitationMark& mark : citationMarks(note))
        marks.append({mark.ms, SeekBarMark::Kind::Citation, toQString(mark.label)});
    // The two outermost heading levels only: deeper subsections would crowd the bar.
    int topLevel = 6;
    for (const Heading& heading : note.outline)
        topLevel = std::min(topLevel, heading.level);
    for (const SectionMark& mark : sectionMarks(note)) {
        if (mark.level <= topLevel + 1)
            marks.append({mark.ms, SeekBarMark::Kind::Section, toQString(mark.label)});
    }
    m_player->setSeekMarks(QStringLiteral("citations"), marks);
}

// The status-bar summary and the Diagnostics pane come from one list, so they never disagree:
// what the parser found, then what only the notes around this one reveal (links to nowhere).
void MainWindow::updateDiagnostics()
{
    std::vector<Diagnostic> diagnostics = m_session->note().diagnostics;
    const std::vector<Diagnostic> links = linkDiagnostics(*m_session);
    diagnostics.insert(diagnostics.end(), links.begin(), links.end());
    m_diagnosticsPane->setNoteDiagnostics(diagnostics);

    const auto count = [&diagnostics](Severity severity) {
        return static_cast<qint64>(std::count_if(diagnostics.begin(), diagnostics.end(),
                                                 [severity](const Diagnostic& d) { return d.severity == severity; }));
    };
    QStringList parts;
    if (const qint64 errors = count(Severity::Error); errors > 0)
        parts << counted(errors, tr("1 error"), tr("%1 errors"));
    if (const qint64 warnings = count(Severity::Warning); warnings > 0)
        parts << counted(warnings, tr("1 warning"), tr("%1 warnings"));
    m_diagnosticsLabel->setText(parts.isEmpty() ? tr("No problems") : parts.join(QStringLiteral(", ")));

    QStringList lines;
    constexpr std::size_t maxListed = 15;
    for (std::size_t i = 0; i < diagnostics.size() && i < maxListed; ++i) {
        const Diagnostic& d = diagnostics[i];
        lines << tr("line %1: %2: %3").arg(d.line).arg(toQString(severityName(d.severity)), toQString(d.message));
    }
    if (diagnostics.size() > maxListed)
        lines << tr("... and %1 more").arg(static_cast<qint64>(diagnostics.size() - maxListed));
    m_diagnosticsLabel->setToolTip(lines.join(QLatin1Char('\n')));
}

void MainWindow::loadTranscriptBesideVideo()
{
    m_diagnosticsPane->setTranscriptDiagnostics({}, {});
    const QUrl source = m_player->mediaPlayer()->source();
    if (source.isEmpty() || !source.isLocalFile()) {
        m_transcriptPane->showMessage(tr("No video, so no transcript."));
        return;
    }
    const std::vector<TranscriptFile> files = findTranscriptFiles(toPath(source.toLocalFile()));
    if (files.empty()) {
        m_transcriptPane->showMessage(
            tr("No transcript beside the video (yt-dlp --write-subs --write-auto-subs writes one). "
               "View > Choose Transcript... picks a .vtt or .srt file."));
        return;
    }
    loadTranscript(fromPath(files.front().path));
}

bool MainWindow::loadTranscript(const QString& path)
{
    QString error;
    std::optional<Transcript> transcript = readTranscriptFile(path, &error);
    const QString name = QFileInfo(path).fileName();
    if (!transcript) {
        m_transcriptPane->showMessage(tr("Could not load the transcript: %1").arg(error));
        showStatus(tr("Could not load the transcript: %1").arg(error));
        return false;
    }
    m_diagnosticsPane->setTranscriptDiagnostics(transcript->diagnostics, name);
    const int problems = static_cast<int>(transcript->diagnostics.size());
    m_transcriptPane->setTranscript(std::move(*transcript), name);
    if (problems > 0)
        showStatus(tr("Transcript %1 has %2 problem(s); see View > Diagnostics.").arg(name).arg(problems));
    followPlayback(m_player->position());
    return true;
}

void MainWindow::chooseTranscript()
{
    const QString start = m_player->hasVideo() ? QFileInfo(m_player->videoPath()).absolutePath()
                        : m_session->hasNote() ? m_session->folder()
                                               : QDir::homePath();
    const QString path = QFileDialog::getOpenFileName(this, tr("Choose Transcript"), start,
                                                      tr("Subtitles (*.vtt *.srt);;All files (*)"));
    if (!path.isEmpty() && loadTranscript(path))
        m_transcriptPane->show();
}

void MainWindow::showWhatWasSaid(int claim)
{
    const Note& note = m_session->note();
    if (claim < 0 || static_cast<std::size_t>(claim) >= note.claims.size()) {
        showStatus(tr("Right-click a claim in the note (or play the video to one) to see what was said there."));
        return;
    }
    const QString claimText = toQString(note.claims[static_cast<std::size_t>(claim)].text);
    if (!m_transcriptPane->hasTranscript()) {
        m_spokenContext->showMessage(claimText, tr("No transcript is loaded for this video. "
                                                   "View > Choose Transcript... picks one."));
        return;
    }
    const std::optional<SpokenContext> context = spokenContext(note, m_transcriptPane->transcript(), claim);
    if (!context) {
        m_spokenContext->showMessage(claimText, tr("This claim cites no time that could be read."));
        return;
    }
    m_spokenContext->showContext(claimText, *context);
    m_transcriptPane->showRange(context->fromMs, context->toMs);
}

void MainWindow::onHeadingActivated(int heading, int firstCitation)
{
    const Note& note = m_session->note();
    if (heading < 0 || static_cast<std::size_t>(heading) >= note.outline.size())
        return;
    m_noteView->scrollToFragment(toQString(note.outline[static_cast<std::size_t>(heading)].anchor));
    if (const Citation* citation = m_session->citation(firstCitation); citation && citation->resolution.ms)
        onCitationActivated(*citation->resolution.ms, firstCitation);
    else
        showStatus(tr("No citation in this section has a time to seek to."));
}

void MainWindow::scrollNoteToLine(int line)
{
    const QString anchor = anchorForLine(m_session->note(), line);
    if (anchor.isEmpty())
        m_noteView->verticalScrollBar()->setValue(0);  // the front matter or the note's first lines
    else
        m_noteView->scrollToFragment(anchor);
}

// ---- Taking notes while watching (issue #7) ------------------------------------------------

void MainWindow::createAnnotationWidgets()
{
    m_annotations = new AnnotationStore(this);
    m_annotations->setObjectName(QStringLiteral("annotationStore"));
    m_annotationEditor = new AnnotationEditor(m_notePane);
    // Above the note, so the text being typed sits beside the video it is about.
    static_cast<QVBoxLayout*>(m_notePane->layout())->insertWidget(0, m_annotationEditor);
}

QMenu* MainWindow::menuTitled(const QString& title) const
{
    for (QAction* action : menuBar()->actions())
        if (action->menu() && action->text() == title)
            return action->menu();
    return nullptr;
}

void MainWindow::createAnnotationActions()
{
    // Edit (after File): undo of the last annotation change.
    auto* editMenu = new QMenu(tr("&Edit"), this);
    QMenu* noteMenu = menuTitled(tr("&Note"));
    menuBar()->insertMenu(noteMenu ? noteMenu->menuAction() : nullptr, editMenu);
    m_undoAnnotationAction = addShortcutAction(editMenu, QStringLiteral("undoAnnotationAction"),
                                               tr("&Undo Annotation Change"), QKeySequence::Undo);
    m_undoAnnotationAction->setEnabled(false);
    connect(m_undoAnnotationAction, &QAction::triggered, this, &MainWindow::undoAnnotation);

    // Annotations (before Help).
    auto* menu = new QMenu(tr("&Annotations"), this);
    QMenu* helpMenu = menuTitled(tr("&Help"));
    menuBar()->insertMenu(helpMenu ? helpMenu->menuAction() : nullptr, menu);
    QAction* add = addShortcutAction(menu, QStringLiteral("addAnnotationAction"), tr("&Add Annotation Here"),
                                     QKeySequence(Qt::CTRL | Qt::Key_Return));
    add->setShortcuts({QKeySequence(Qt::CTRL | Qt::Key_Return), QKeySequence(Qt::CTRL | Qt::Key_Enter)});
    add->setIconText(tr("Add note"));
    add->setToolTip(tr("Add your own note at the current time (Ctrl+Enter)"));
    connect(add, &QAction::triggered, this, &MainWindow::startAnnotation);
    QAction* capture = addShortcutAction(menu, QStringLiteral("captureFrameAction"), tr("&Capture Frame"),
                                         QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_S));
    capture->setIconText(tr("Capture frame"));
    capture->setToolTip(tr("Save the current frame as PNG and add an annotation that shows it (Ctrl+Shift+S)"));
    connect(capture, &QAction::triggered, this, &MainWindow::captureFrame);
    menu->addSeparator();
    m_showAnnotationsAction = addShortcutAction(menu, QStringLiteral("showAnnotationsAction"),
                                                tr("&Show My Annotations in the Note"), QKeySequence());
    m_showAnnotationsAction->setCheckable(true);
    m_showAnnotationsAction->setChecked(AnnotationSettings::showAnnotations());
    connect(m_showAnnotationsAction, &QAction::toggled, this, [this](bool show) {
        AnnotationSettings::setShowAnnotations(show);
        if (m_session->hasNote())
            m_noteView->refreshNote(noteHtml());
    });

    // Loops live with the other playback actions.
    QMenu* playback = menuTitled(tr("&Playback"));
    QMenu* loopMenu = (playback ? playback : menu)->addMenu(tr("&Loop"));
    QAction* loopClaim = addShortcutAction(loopMenu, QStringLiteral("loopClaimAction"), tr("Loop This &Claim"),
                                           QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_L));
    loopClaim->setIconText(tr("Loop claim"));
    loopClaim->setToolTip(tr("Play the last clicked citation to the next one, again and again (Ctrl+Shift+L)"));
    connect(loopClaim, &QAction::triggered, this, &MainWindow::loopLastClaim);
    connect(addShortcutAction(loopMenu, QStringLiteral("loopStartAction"), tr("Set Loop Start (&A) Here"),
                              QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_A)),
            &QAction::triggered, this, &MainWindow::setLoopStart);
    connect(addShortcutAction(loopMenu, QStringLiteral("loopEndAction"), tr("Set Loop End (&B) Here"),
                              QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_B)),
            &QAction::triggered, this, &MainWindow::setLoopEnd);
    connect(addShortcutAction(loopMenu, QStringLiteral("clearLoopAction"), tr("Stop Looping"),
                              QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_X)),
            &QAction::triggered, m_player, &PlayerPanel::clearLoop);

    QToolBar* toolBar = addToolBar(tr("Annotations"));
    toolBar->setObjectName(QStringLiteral("annotationsToolBar"));
    toolBar->setToolButtonStyle(Qt::ToolButtonTextOnly);
    toolBar->setMovable(false);
    toolBar->addAction(add);
    toolBar->addAction(capture);
    toolBar->addAction(loopClaim);
}

void MainWindow::connectAnnotations()
{
    connect(m_session, &NoteSession::noteLoaded, this, &MainWindow::openAnnotationsForNote);
    connect(m_annotations, &AnnotationStore::changed, this, [this] {
        if (!m_openingAnnotations && m_session->hasNote())
            m_noteView->refreshNote(noteHtml());
    });
    // The user's own annotations get their own layer of marks on the seek bar.
    connect(m_annotations, &AnnotationStore::changed, this, [this] {
        QList<SeekBarMark> marks;
        for (const Annotation& annotation : m_annotations->annotations())
            marks.append({annotation.ms, SeekBarMark::Kind::Annotation, toQString(annotation.text)});
        m_player->setSeekMarks(QStringLiteral("annotations"), marks);
    });
    connect(m_annotations, &AnnotationStore::message, this, &MainWindow::showStatus);
    connect(m_annotations, &AnnotationStore::undoAvailable, this, [this](bool available) {
        m_undoAnnotationAction->setEnabled(available);
        m_undoAnnotationAction->setText(available ? m_annotations->undoText() : tr("&Undo Annotation Change"));
    });
    m_annotations->setConflictHandler([this](const QString& question) {
        QMessageBox box(QMessageBox::Question, tr("Annotations changed elsewhere"), question, QMessageBox::NoButton,
                        this);
        QPushButton* both = box.addButton(tr("Keep Both"), QMessageBox::AcceptRole);
        box.addButton(tr("Drop My Change"), QMessageBox::RejectRole);
        box.setDefaultButton(both);
        box.exec();
        return box.clickedButton() == both;
    });
    connect(m_annotationEditor, &AnnotationEditor::saveRequested, this, &MainWindow::saveAnnotation);
    connect(m_annotationEditor, &AnnotationEditor::cancelled, this, &MainWindow::endAnnotationEditing);
    connect(m_noteView, &NoteView::annotationLinkActivated, this, &MainWindow::onAnnotationLink);
    connect(m_noteView, &NoteView::citationActivated, this, [this](qint64, int index) {
        if (index >= 0)
            m_lastCitationIndex = index;
    });
    connect(m_player, &PlayerPanel::loopChanged, this, [this](qint64 a, qint64 b) {
        if (a >= 0 && b > a)
            showStatus(tr("Looping %1 to %2 (Ctrl+Shift+X stops).").arg(clockText(a), clockText(b)));
        else if (a >= 0)
            showStatus(tr("Loop start A at %1; Ctrl+Shift+B sets the end.").arg(clockText(a)));
        else
            showStatus(tr("Loop stopped."));
    });
}

void MainWindow::openAnnotationsForNote()
{
    keepOpenAnnotation();  // typed for the previous note: it goes to that note's file
    m_lastCitationIndex = -1;
    const QString path = AnnotationSettings::annotationsPathFor(m_session->path());
    m_openingAnnotations = true;
    m_annotations->open(path, m_session->title(), m_session->videoId());
    m_openingAnnotations = false;
    if (path.isEmpty())
        showStatus(tr("The annotations file setting \"%1\" does not name a file inside the note's folder; "
                      "annotations are off.")
                       .arg(AnnotationSettings::fileNamePattern()));
}

QString MainWindow::noteHtml() const
{
    const QString html = m_session->html();
    if (!m_showAnnotationsAction || !m_showAnnotationsAction->isChecked() || m_annotations->annotations().empty())
        return html;
    AnnotationHtmlOptions options;
    // Embeds are relative to the annotations file; the view resolves against the note's folder.
    const QString relative
        = QDir(m_session->folder()).relativeFilePath(QFileInfo(m_annotations->path()).absolutePath());
    if (relative != QLatin1String("."))
        options.embedPrefix = toUtf8(relative + QLatin1Char('/'));
    return toQString(mergeAnnotationsIntoHtml(toUtf8(html), m_session->note(), m_annotations->annotations(), options));
}

void MainWindow::startAnnotation()
{
    if (m_annotationEditor->isVisible()) {
        saveAnnotation();  // Ctrl+Enter again: save
        return;
    }
    if (!m_session->hasNote() || !m_annotations->isOpen()) {
        showStatus(tr("Open a note first: annotations go into a file beside it."));
        return;
    }
    if (m_fullScreen)
        toggleFullScreen();  // the editor lives in the note pane, which fullscreen hides
    qint64 ms = m_lastCitationMs >= 0 ? m_lastCitationMs : 0;
    if (m_player->hasVideo()) {
        ms = std::max<qint64>(0, m_player->position() + AnnotationSettings::captureOffsetMs());
        if (m_player->mediaPlayer()->duration() > 0)
            ms = std::min(ms, m_player->mediaPlayer()->duration());
    }
    m_resumeAfterAnnotation = AnnotationSettings::pauseWhileTyping() && m_player->isPlaying();
    if (m_resumeAfterAnnotation)
        m_player->pause();
    m_annotationEditor->startNew(ms);
}

void MainWindow::saveAnnotation()
{
    const auto& editing = m_annotationEditor->editing();
    const QString text = m_annotationEditor->text();
    const bool saved
        = editing ? m_annotations->edit(*editing, text) : m_annotations->add(m_annotationEditor->ms(), text);
    if (!saved)
        return;  // the store said why; the text stays in the editor
    const QString file = QFileInfo(m_annotations->path()).fileName();
    const QString what = editing ? tr("Annotation at %1 changed in %2.") : tr("Annotation added at %1 to %2.");
    endAnnotationEditing();
    if (statusBar()->currentMessage().contains(tr("merged")))
        return;  // the merge notice matters more
    showStatus(what.arg(clockText(m_annotationEditor->ms()), file) + tr(" Ctrl+Z undoes."));
}

void MainWindow::endAnnotationEditing()
{
    m_annotationEditor->hide();
    if (std::exchange(m_resumeAfterAnnotation, false))
        m_player->play();
    m_noteView->setFocus();
}

void MainWindow::keepOpenAnnotation()
{
    if (!m_annotationEditor || !m_annotationEditor->isVisible())
        return;
    if (!m_annotationEditor->text().isEmpty() || m_annotationEditor->editing())
        saveAnnotation();
    m_annotationEditor->hide();
}

void MainWindow::onAnnotationLink(const QString& action, int index)
{
    const auto& list = m_annotations->annotations();
    if (index < 0 || static_cast<std::size_t>(index) >= list.size())
        return;
    const Annotation annotation = list[static_cast<std::size_t>(index)];
    if (action == QLatin1String("edit")) {
        keepOpenAnnotation();
        m_annotationEditor->startEdit(annotation);
    } else if (action == QLatin1String("delete") && m_annotations->remove(annotation)) {
        showStatus(tr("Deleted your annotation at %1. Ctrl+Z undoes.").arg(clockText(annotation.ms)));
    }
}

void MainWindow::captureFrame()
{
    if (m_player->state() != PlayerPanel::State::Ready || !m_annotations->isOpen()) {
        showStatus(tr("Capture needs a note and its video playing."));
        return;
    }
    qint64 ms = m_player->position();
    const QImage frame = FrameCapture::currentFrame(m_player->videoSink(), &ms);
    QString error;
    const QString relative = FrameCapture::savePng(frame, QFileInfo(m_annotations->path()).absolutePath(),
                                                   QFileInfo(m_session->path()).completeBaseName(), ms, &error);
    if (relative.isEmpty()) {
        showStatus(tr("Could not capture the frame: %1").arg(error));
        return;
    }
    if (m_annotations->add(ms, QStringLiteral("![[%1]]").arg(relative)))
        showStatus(tr("Captured the frame at %1 (%2x%3) as %4.")
                       .arg(clockText(ms))
                       .arg(frame.width())
                       .arg(frame.height())
                       .arg(relative));
}

void MainWindow::loopLastClaim()
{
    if (m_player->abLoop()->isActive()) {
        m_player->clearLoop();
        return;
    }
    if (!m_player->hasVideo()) {
        showStatus(tr("Looping needs the video."));
        return;
    }
    const auto range = claimLoopRange(m_session->note(), m_lastCitationIndex, m_session->durationMs());
    if (!range) {
        showStatus(m_lastCitationIndex < 0 ? tr("Click a citation first: the loop runs from it to the next one.")
                                           : tr("Nothing follows this citation to loop to."));
        return;
    }
    m_player->setLoop(range->a, range->b);
    m_player->seekAndPlay(range->a);
}

void MainWindow::setLoopStart()
{
    if (m_player->hasVideo())
        m_player->abLoop()->setA(m_player->position());
}

void MainWindow::setLoopEnd()
{
    if (!m_player->hasVideo())
        return;
    AbLoop* loop = m_player->abLoop();
    const qint64 at = m_player->position();
    if (loop->a() < 0 || at <= loop->a()) {
        showStatus(tr("Set the loop start first (Ctrl+Shift+A), before %1.").arg(clockText(at)));
        return;
    }
    loop->setB(at);
    m_player->seekAndPlay(loop->a());
}

void MainWindow::undoAnnotation()
{
    if (!m_annotations->canUndo()) {
        showStatus(tr("No annotation change to undo."));
        return;
    }
    m_annotations->undo();
}

// ---- vaults ------------------------------------------------------------------------------------

namespace {

QDockWidget* vaultDock(QMainWindow* window, const QString& objectName, const QString& title, QWidget* content)
{
    auto* dock = new QDockWidget(title, window);
    dock->setObjectName(objectName);
    dock->setWidget(content);
    dock->setAllowedAreas(Qt::LeftDockWidgetArea | Qt::RightDockWidgetArea);
    dock->hide();  // until a vault is opened
    return dock;
}

}  // namespace

void MainWindow::createVaultWidgets()
{
    m_vault = new VaultSession(this);
    m_vaultSidebar = new VaultSidebar(this);
    m_backlinks = new BacklinksPane(this);
    m_thisVideo = new ThisVideoPane(this);

    QDockWidget* sidebarDock = vaultDock(this, QStringLiteral("vaultSidebarDock"), tr("Vault"), m_vaultSidebar);
    QDockWidget* backlinksDock = vaultDock(this, QStringLiteral("backlinksDock"), tr("Backlinks"), m_backlinks);
    QDockWidget* thisVideoDock = vaultDock(this, QStringLiteral("thisVideoDock"), tr("This Video"), m_thisVideo);
    addDockWidget(Qt::LeftDockWidgetArea, sidebarDock);
    addDockWidget(Qt::LeftDockWidgetArea, backlinksDock);
    tabifyDockWidget(backlinksDock, thisVideoDock);
    m_vaultDocks = {sidebarDock, backlinksDock, thisVideoDock};

    m_vaultSearch = new PlaceSearchDialog(
        QStringLiteral("vaultSearch"), tr("Search the Vault"), tr("Words from titles and claims"),
        [this](const QString& query) { return m_vault->search(query); }, this);
    m_quickOpen = new PlaceSearchDialog(
        QStringLiteral("quickOpen"), tr("Open Note by Title"), tr("Title or file name"),
        [this](const QString& query) { return m_vault->quickOpen(query); }, this);

    m_vaultProgress = new QProgressBar(this);
    m_vaultProgress->setObjectName(QStringLiteral("vaultProgress"));
    m_vaultProgress->setMaximumWidth(260);
    m_vaultProgress->setTextVisible(true);
    m_vaultProgress->hide();
    statusBar()->addPermanentWidget(m_vaultProgress);

    m_session->setLinkCheck([this](const QString& target) { return vaultLinkExists(target); });
    // The mouse's back and forward buttons, wherever the pointer is in this window.
    qApp->installEventFilter(this);
}

void MainWindow::createVaultMenu()
{
    // File > Open Folder..., just before Open Recent.
    auto* fileMenu = qobject_cast<QMenu*>(m_recentMenu->parentWidget());
    QAction* openFolder = addShortcutAction(fileMenu, QStringLiteral("openFolderAction"), tr("Open &Folder..."),
                                            QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_O));
    fileMenu->insertAction(m_recentMenu->menuAction(), openFolder);
    connect(openFolder, &QAction::triggered, this, &MainWindow::chooseFolderToOpen);

    QMenu* menu = menuBar()->addMenu(tr("&Go"));
    m_backAction
        = addShortcutAction(menu, QStringLiteral("backAction"), tr("&Back"), QKeySequence(Qt::ALT | Qt::Key_Left));
    m_forwardAction = addShortcutAction(menu, QStringLiteral("forwardAction"), tr("&Forward"),
                                        QKeySequence(Qt::ALT | Qt::Key_Right));
    connect(m_backAction, &QAction::triggered, this, &MainWindow::goBack);
    connect(m_forwardAction, &QAction::triggered, this, &MainWindow::goForward);
    m_backAction->setEnabled(false);
    m_forwardAction->setEnabled(false);
    menu->addSeparator();
    connect(addShortcutAction(menu, QStringLiteral("vaultSearchAction"), tr("&Search the Vault..."),
                              QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_F)),
            &QAction::triggered, m_vaultSearch, &PlaceSearchDialog::activate);
    connect(addShortcutAction(menu, QStringLiteral("quickOpenAction"), tr("&Quick Open..."),
                              QKeySequence(Qt::CTRL | Qt::Key_P)),
            &QAction::triggered, m_quickOpen, &PlaceSearchDialog::activate);
    connect(addShortcutAction(menu, QStringLiteral("filterNotesAction"), tr("Filter &Notes"),
                              QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_E)),  // Ctrl+Shift+L loops a claim
            &QAction::triggered, this, [this] {
                if (!m_vaultDocks.isEmpty())
                    m_vaultDocks.first()->show();
                m_vaultSidebar->focusFilter();
            });
}

void MainWindow::connectVault()
{
    connect(m_vault, &VaultSession::progress, this, &MainWindow::onVaultProgress);
    connect(m_vault, &VaultSession::indexReady, this, &MainWindow::onVaultReady);
    connect(m_vault, &VaultSession::indexChanged, this, &MainWindow::onVaultChanged);
    connect(m_vault, &VaultSession::backlinksFound, this, &MainWindow::onBacklinksFound);
    connect(m_vault, &VaultSession::videoFound, this, &MainWindow::onVideoFound);
    connect(m_vault, &VaultSession::noteChangedOnDisk, this, &MainWindow::onNoteChangedOnDisk);
    connect(m_vault, &VaultSession::noteRemovedFromDisk, this, &MainWindow::onNoteRemovedFromDisk);
    connect(m_vaultSidebar, &VaultSidebar::noteActivated, this, [this](const QString& path) {
        if (!sameFile(path, m_session->path()))
            openNote(path);
    });
    connect(m_backlinks, &BacklinksPane::placeChosen, this,
            [this](const VaultPlace& place) { openPlace(place, false); });
    connect(m_thisVideo, &ThisVideoPane::placeChosen, this,
            [this](const VaultPlace& place) { openPlace(place, true); });
    connect(m_vaultSearch, &PlaceSearchDialog::placeChosen, this,
            [this](const VaultPlace& place) { openPlace(place, true); });
    connect(m_quickOpen, &PlaceSearchDialog::placeChosen, this,
            [this](const VaultPlace& place) { openPlace(place, false); });
}

bool MainWindow::openVault(const QString& folder, const QString& videoOverride)
{
    const QString shown = QDir::toNativeSeparators(folder);
    // Found in a few folder reads, so the note is shown at once while the rest is indexed.
    const QString first = VaultSession::firstNoteIn(folder);
    if (first.isEmpty()) {
        showStatus(tr("No note (.md) in %1.").arg(shown));
        return false;
    }
    m_vault->open(folder);
    m_vaultSidebar->clear();
    m_backlinks->showMessage(tr("Indexing the vault..."));
    m_thisVideo->showMessage(tr("Indexing the vault..."));
    for (QDockWidget* dock : m_vaultDocks)
        dock->show();
    m_vaultProgress->setRange(0, 0);
    m_vaultProgress->setFormat(tr("Indexing..."));
    m_vaultProgress->show();
    return loadNote(first, videoOverride,
                    tr("Opened %1, the first note of %2; indexing the vault").arg(QFileInfo(first).fileName(), shown));
}

void MainWindow::chooseFolderToOpen()
{
    const QString start = m_vault->isOpen()    ? m_vault->root()
                        : m_session->hasNote() ? m_session->folder()
                                               : QDir::homePath();
    const QString folder = QFileDialog::getExistingDirectory(this, tr("Open Folder"), start);
    if (!folder.isEmpty())
        openVault(folder, {});
}

void MainWindow::onVaultProgress(qint64 indexed, qint64 found, bool listingDone)
{
    if (!listingDone) {
        m_vaultProgress->setRange(0, 0);  // still listing: a busy bar
        m_vaultProgress->setFormat(tr("Listing notes: %1").arg(found));
        return;
    }
    m_vaultProgress->setRange(0, static_cast<int>(found));
    m_vaultProgress->setValue(static_cast<int>(indexed));
    m_vaultProgress->setFormat(tr("Indexing %v of %m notes"));
}

void MainWindow::onVaultReady()
{
    m_vaultProgress->hide();
    m_vaultSidebar->showVault(*m_vault);
    QString message
        = tr("Indexed %1: %2")
              .arg(QDir::toNativeSeparators(m_vault->root()),
                   counted(static_cast<qint64>(m_vault->index().noteCount()), tr("1 note"), tr("%1 notes")));
    if (const std::size_t unresolved = m_vault->overview().unresolvedLinks; unresolved > 0)
        message += QStringLiteral(", ")
                 + counted(static_cast<qint64>(unresolved), tr("1 unresolved link"), tr("%1 unresolved links"));
    if (!m_vault->index().skippedFiles().empty())
        message += QStringLiteral(", ")
                 + counted(static_cast<qint64>(m_vault->index().skippedFiles().size()), tr("1 file skipped"),
                           tr("%1 files skipped"));
    if (m_session->hasNote() && m_vault->contains(m_session->path())) {
        m_noteView->refreshNote(noteHtml());  // links styled and checked by the vault's rules now
        updateDiagnostics();
        updateVaultPanes();
    } else if (const QString first = m_vault->firstIndexedNote(); !first.isEmpty()) {
        // The note chosen at open could not be read; a 1 ms timer, not a posted call, so that
        // the sidebar is painted first and the two do not add up to one long stall.
        QTimer::singleShot(1, this, [this, first] { openNote(first); });
    }
    showStatus(message + QLatin1Char('.'));
}

void MainWindow::onVaultChanged()
{
    m_vaultSidebar->showVault(*m_vault);
    m_vaultSearch->refresh();
    m_quickOpen->refresh();
    updateVaultPanes();
}

void MainWindow::onNoteChangedOnDisk(const QString& path)
{
    if (!sameFile(path, m_session->path()))
        return;
    const qint64 duration = m_session->durationMs().value_or(0);
    QString error;
    if (!m_session->load(path, &error)) {
        showStatus(tr("%1 changed on disk and could not be read again: %2").arg(QFileInfo(path).fileName(), error));
        return;
    }
    if (duration > 0)
        m_session->setDurationMs(duration);
    m_noteView->refreshNote(noteHtml());  // keeps the scroll position
    showStatus(tr("%1 changed on disk; shown again.").arg(m_session->fileName()));
}

void MainWindow::onNoteRemovedFromDisk(const QString& path)
{
    if (!sameFile(path, m_session->path()) && QFileInfo(path).absoluteFilePath() != m_session->path())
        return;
    showStatus(tr("%1 was deleted on disk; what is shown is the last version read.").arg(m_session->fileName()));
    setWindowTitle(tr("%1 (deleted) - Scholia").arg(m_session->title()));
}

std::optional<bool> MainWindow::vaultLinkExists(const QString& target) const
{
    if (target.isEmpty() || !m_vault->contains(m_session->path()))
        return std::nullopt;
    return m_vault->linkResolves(target, m_session->path());
}

QString MainWindow::wikiLinkPath(const QString& target) const
{
    if (m_vault->contains(m_session->path()))
        return m_vault->resolveLink(target, m_session->path());
    return m_session->notePathForWikiLink(target);
}

HistoryPlace MainWindow::currentPlace() const
{
    if (!m_session->hasNote())
        return {};
    return {m_session->path(), m_noteView->verticalScrollBar()->value()};
}

// Called by loadNote once another note is shown: history, the vault panes, the watch.
void MainWindow::noteOpened(const HistoryPlace& left)
{
    if (!m_goingThroughHistory && !left.path.isEmpty() && left.path != m_session->path())
        m_history.leave(left);
    m_backAction->setEnabled(m_history.canGoBack());
    m_forwardAction->setEnabled(m_history.canGoForward());
    m_vault->watchNote(m_session->path());
    updateVaultPanes();
}

void MainWindow::updateVaultPanes()
{
    if (!m_vault->isReady())
        return;
    if (!m_session->hasNote() || !m_vault->contains(m_session->path())) {
        m_backlinks->showMessage(tr("This note is not in the open vault."));
        m_thisVideo->showMessage(tr("This note is not in the open vault."));
        return;
    }
    m_vaultSidebar->setCurrentNote(m_session->path());
    // Both answers scan the whole vault and read other notes: asked off the GUI thread, they
    // arrive as backlinksFound / videoFound, each filling its pane in its own turn.
    m_vault->requestBacklinks(m_session->path());
    const QString videoId = m_session->videoId();
    if (videoId.isEmpty())
        m_thisVideo->showMessage(tr("This note names no video."));
    else
        m_vault->requestVideo(videoId);
}

void MainWindow::onBacklinksFound(const QString& notePath, const QList<VaultPlace>& backlinks,
                                  const QList<VaultPlace>& unresolved)
{
    if (m_session->hasNote() && notePath == m_session->path())
        m_backlinks->showBacklinks(backlinks, unresolved);
}

void MainWindow::onVideoFound(const QString& videoId, const QList<VaultPlace>& notes,
                              const QList<VaultPlace>& citations)
{
    if (m_session->hasNote() && videoId == m_session->videoId())
        m_thisVideo->showVideo(videoId, notes, citations);
}

void MainWindow::goBack()
{
    if (const auto place = m_history.back(currentPlace()))
        goTo(*place);
}

void MainWindow::goForward()
{
    if (const auto place = m_history.forward(currentPlace()))
        goTo(*place);
}

void MainWindow::goTo(const HistoryPlace& place)
{
    m_goingThroughHistory = true;
    const bool opened = openNote(place.path);
    m_goingThroughHistory = false;
    if (!opened)
        return;
    m_backAction->setEnabled(m_history.canGoBack());
    m_forwardAction->setEnabled(m_history.canGoForward());
    m_noteView->scrollToOffset(place.scroll);
}

// A search result, backlink or citation of this video: the note, scrolled to its claim, and
// for a cited claim the video sought there (the player keeps playing: same video).
void MainWindow::openPlace(const VaultPlace& place, bool seek)
{
    if (!sameFile(place.path, m_session->path()) && !openNote(place.path))
        return;
    // A note just shown is laid out lazily; the anchor's place is only known once it all is.
    m_noteView->document()->documentLayout()->documentSize();
    const auto& claims = m_session->note().claims;
    if (place.claim >= 0 && static_cast<std::size_t>(place.claim) < claims.size()) {
        const Claim& claim = claims[static_cast<std::size_t>(place.claim)];
        m_noteView->scrollToFragment(toQString(claim.id));
        if (!seek || !place.ms || claim.citations.empty())
            return;
        // The session's resolution of the claim's citation; the one at the listed time if several.
        int chosen = claim.citations.front();
        for (const int index : claim.citations) {
            const Citation* citation = m_session->citation(index);
            if (citation && citation->resolution.ms == place.ms)
                chosen = index;
        }
        onCitationActivated(*place.ms, chosen);
    } else if (place.line > 0) {
        scrollToLine(place.line);
    }
}

// The claim holding `line` (the last one starting at or before it), for a backlink.
void MainWindow::scrollToLine(int line)
{
    const Claim* holding = nullptr;
    for (const Claim& claim : m_session->note().claims) {
        if (claim.line <= line)
            holding = &claim;
    }
    if (holding)
        m_noteView->scrollToFragment(toQString(holding->id));
}

bool MainWindow::eventFilter(QObject* watched, QEvent* event)
{
    if (event->type() == QEvent::MouseButtonPress) {
        auto* widget = qobject_cast<QWidget*>(watched);
        const auto* mouse = static_cast<QMouseEvent*>(event);
        if (widget && widget->window() == this
            && (mouse->button() == Qt::BackButton || mouse->button() == Qt::ForwardButton)) {
            if (mouse->button() == Qt::BackButton)
                goBack();
            else
                goForward();
            return true;
        }
    }
    return QMainWindow::eventFilter(watched, event);
}

}  // namespace scholia::gui
