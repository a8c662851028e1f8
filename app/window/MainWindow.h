#pragma once
// The main window: the player beside the note. The views only emit what the user asked
// for; this class decides what it means (seek the player, open another note, open a
// browser) and says what happened in the status bar.

#include "export/Export.h"
#include "player/VideoFinder.h"
#include "vault/NavigationHistory.h"

#include <QMainWindow>

#include <optional>

class QAction;
class QDockWidget;
class QLabel;
class QProgressBar;
class QMenu;
class QPushButton;
class QSplitter;
class QTimer;

namespace scholia::gui {

class DiagnosticsPane;
class AnnotationEditor;
class AnnotationStore;
class FindBar;
class NoteFollower;
class OutlinePane;
class SpokenContextPopup;
class TranscriptPane;
class NoteSession;
class NoteView;
class PlayerPanel;
class RecentFiles;
class BacklinksPane;
class PlaceSearchDialog;
class ThisVideoPane;
class VaultSession;
struct VaultPlace;
class VaultSidebar;
struct VaultPlace;

class MainWindow : public QMainWindow {
    Q_OBJECT
public:
    explicit MainWindow(QWidget* parent = nullptr);

    // A note, or a folder: a vault, indexed in the background, its first note shown at once.
    // `videoOverride` is --video.
    bool openPath(const QString& path, const QString& videoOverride = {});
    bool openNote(const QString& notePath, const QString& videoOverride = {});
    bool reopenLastNote(const QString& videoOverride = {});
    // Plays `videoPath` for the current note and remembers it for the note's videoId.
    bool useVideo(const QString& videoPath);

protected:
    void closeEvent(QCloseEvent* event) override;
    void dragEnterEvent(QDragEnterEvent* event) override;
    void dropEvent(QDropEvent* event) override;
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    void createWidgets();
    void createFileMenu();
    void createExportMenu(QMenu* fileMenu);
    void exportCurrentNote(ExportFormat format);
    void createNoteMenu();
    void createPlaybackMenu();
    void createHelpMenu();
    QAction* addShortcutAction(QMenu* menu, const QString& objectName, const QString& text,
                               const QKeySequence& shortcut);
    void connectViews();
    void restoreSettings();
    void saveSettings() const;

    bool loadNote(const QString& notePath, const QString& videoOverride, const QString& howOpened);
    QString loadVideoForNote(const QString& videoOverride);
    void showMissingVideo();
    void applyDuration(qint64 ms);
    void showNote();
    void updateYouTubeOffer();
    void showStatus(const QString& message);

    void onCitationActivated(qint64 ms, int citationIndex);
    void onCitationHovered(qint64 ms);
    void onWikiLinkActivated(const QString& target, const QString& fragment);
    void onExternalLinkActivated(const QUrl& url);
    void chooseNoteToOpen();
    void chooseVideoToLocate();
    void openOnYouTube();
    void showPreferences();
    void showAbout();
    void toggleFullScreen();
    void leaveFullScreenOrCloseFind();
    void find(const QString& text, bool backward, bool incremental);

    // Follow along (issue #5): following playback, seek-bar marks, outline, transcript, diagnostics.
    void createFollowWidgets();
    void createViewMenu();
    void connectFollow();
    void followPlayback(qint64 ms);
    void updateFollowForNote();
    void updateDiagnostics();
    void loadTranscriptBesideVideo();
    bool loadTranscript(const QString& path);
    void chooseTranscript();
    void showWhatWasSaid(int claim);
    void onHeadingActivated(int heading, int firstCitation);
    void scrollNoteToLine(int line);

    NoteFollower* m_noteFollower = nullptr;
    QPushButton* m_backToPlayback = nullptr;
    QTimer* m_followTimer = nullptr;
    QAction* m_followAction = nullptr;
    OutlinePane* m_outlinePane = nullptr;
    TranscriptPane* m_transcriptPane = nullptr;
    DiagnosticsPane* m_diagnosticsPane = nullptr;
    SpokenContextPopup* m_spokenContext = nullptr;
    // Taking notes while watching (issue #7; app/annotations/): the user's annotations file
    // beside the note, shown merged into it, an inline editor, frame capture, the A-B loop.
    void createAnnotationWidgets();
    void createAnnotationActions();
    void connectAnnotations();
    QMenu* menuTitled(const QString& title) const;
    QString noteHtml() const;  // the note's HTML with the user's annotations merged in, when shown
    void openAnnotationsForNote();
    void startAnnotation();
    void saveAnnotation();
    void endAnnotationEditing();
    void keepOpenAnnotation();  // an open editor's text is written, never dropped
    void onAnnotationLink(const QString& action, int index);
    void captureFrame();
    void loopLastClaim();
    void setLoopStart();
    void setLoopEnd();
    void undoAnnotation();
    // ---- vaults (app/vault/) ----
    void createVaultWidgets();
    void createVaultMenu();
    void connectVault();
    bool openVault(const QString& folder, const QString& videoOverride);
    void chooseFolderToOpen();
    void onVaultProgress(qint64 indexed, qint64 found, bool listingDone);
    void onVaultReady();
    void onVaultChanged();
    void onNoteChangedOnDisk(const QString& path);
    void onNoteRemovedFromDisk(const QString& path);
    QString wikiLinkPath(const QString& target) const;
    std::optional<bool> vaultLinkExists(const QString& target) const;
    HistoryPlace currentPlace() const;
    void noteOpened(const HistoryPlace& left);
    void updateVaultPanes();
    void onBacklinksFound(const QString& notePath, const QList<VaultPlace>& backlinks,
                          const QList<VaultPlace>& unresolved);
    void onVideoFound(const QString& videoId, const QList<VaultPlace>& notes, const QList<VaultPlace>& citations);
    void goBack();
    void goForward();
    void goTo(const HistoryPlace& place);
    void openPlace(const VaultPlace& place, bool seek);
    void scrollToLine(int line);

    VaultSession* m_vault = nullptr;
    VaultSidebar* m_vaultSidebar = nullptr;
    BacklinksPane* m_backlinks = nullptr;
    ThisVideoPane* m_thisVideo = nullptr;
    QList<QDockWidget*> m_vaultDocks;
    PlaceSearchDialog* m_vaultSearch = nullptr;
    PlaceSearchDialog* m_quickOpen = nullptr;
    QProgressBar* m_vaultProgress = nullptr;
    QAction* m_backAction = nullptr;
    QAction* m_forwardAction = nullptr;
    NavigationHistory m_history;
    bool m_goingThroughHistory = false;
    // ---- end of vaults ----

    NoteSession* m_session = nullptr;
    NoteView* m_noteView = nullptr;
    FindBar* m_findBar = nullptr;
    QWidget* m_notePane = nullptr;
    PlayerPanel* m_player = nullptr;
    QSplitter* m_splitter = nullptr;
    QLabel* m_diagnosticsLabel = nullptr;
    RecentFiles* m_recentFiles = nullptr;
    QMenu* m_recentMenu = nullptr;
    VideoFinder m_videoFinder;

    qint64 m_lastCitationMs = -1;  // for "Open on YouTube at ..."
    bool m_fullScreen = false;
    bool m_wasMaximized = false;

    AnnotationStore* m_annotations = nullptr;
    AnnotationEditor* m_annotationEditor = nullptr;
    QAction* m_showAnnotationsAction = nullptr;
    QAction* m_undoAnnotationAction = nullptr;
    int m_lastCitationIndex = -1;          // for "Loop This Claim"
    bool m_resumeAfterAnnotation = false;  // paused for typing: play again when done
    bool m_openingAnnotations = false;
};

}  // namespace scholia::gui
