// The real MainWindow with the bundled sample note and its generated 13:40 video: real
// mouse clicks on citations and wikilinks, real key presses, real media loading.

#include "window/MainWindow.h"
#include "common/CoreBridge.h"
#include "common/SettingsKeys.h"
#include "note/NoteSession.h"
#include "note/NoteView.h"
#include "player/PlayerPanel.h"

#include "TestSupport.h"

#include <QDir>
#include <QDockWidget>
#include <QDragEnterEvent>
#include <QDropEvent>
#include <QFile>
#include <QFileInfo>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QMimeData>
#include <QPushButton>
#include <QRandomGenerator>
#include <QScrollBar>
#include <QSettings>
#include <QSplitter>
#include <QStatusBar>
#include <QTemporaryDir>
#include <QTest>
#include <QVideoFrame>
#include <QVideoSink>

#include <algorithm>
#include <memory>

using namespace scholia::gui;
using namespace scholia::test;
using State = PlayerPanel::State;

namespace {

constexpr int mediaTimeout = 15000;  // ms: media loads asynchronously; generous on a busy machine

// A note whose citations read differently once the video's length (13:40) is known:
// "00:26:00" can only be flagged as past the end when the duration is known.
QByteArray longNoteText()
{
    QByteArray text = "---\ntitle: Long note\nvideoId: i_4Jtcev5VY\n---\n\n";
    for (int i = 0; i < 80; ++i) {
        const int minutes = (i * 13) / 60;
        const int seconds = (i * 13) % 60;
        const QByteArray stamp = QStringLiteral("%1:%2:00")
                                     .arg(minutes, 2, 10, QLatin1Char('0'))
                                     .arg(seconds, 2, 10, QLatin1Char('0'))
                                     .toLatin1();
        text += "Paragraph " + QByteArray::number(i) + " makes a claim worth citing <a class=\"yt-timestamp\" data-t=\""
              + stamp + "\">[" + stamp + "]</a>.\n\n";
    }
    return text;
}

}  // namespace

class MainWindowTest : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY2(QFileInfo(sampleNotePath()).isFile(), qPrintable(sampleNotePath()));
        QVERIFY2(QFileInfo(sampleVideoPath()).isFile(), "build the sample_video target first");
        QVERIFY2(QFileInfo(testVideoPath()).isFile(), "build the test_video target first");
    }

    void init()
    {
        QSettings().clear();
        m_window = std::make_unique<MainWindow>();
        m_window->show();
        QVERIFY(QTest::qWaitForWindowActive(m_window.get()));
        m_parts = partsOf(*m_window);
        QVERIFY(m_parts.complete());
    }

    void cleanup()
    {
        m_window.reset();
        m_parts = {};
    }

    void clickingACitationSeeksToItsFrame()
    {
        QVERIFY(m_window->openNote(sampleNotePath(), sampleVideoPath()));
        QTRY_COMPARE_WITH_TIMEOUT(m_parts.player->state(), State::Ready, mediaTimeout);

        QList<qint64> positions;
        QList<qint64> frameStartsUs;
        QObject listening;  // declared after the lists: disconnects before they are gone
        connect(m_parts.player->mediaPlayer(), &QMediaPlayer::positionChanged, &listening,
                [&positions](qint64 ms) { positions << ms; });
        connect(m_parts.player->videoSink(), &QVideoSink::videoFrameChanged, &listening,
                [&frameStartsUs](const QVideoFrame& frame) { frameStartsUs << frame.startTime(); });

        const int index = citationIndex(*m_parts.session, QStringLiteral("01:11:11"));
        QVERIFY(index >= 0);
        QVERIFY(clickAnchor(m_parts.noteView, citationHref(index)));

        // The first position and the first frame after the seek: both at 1:11, within 0.5 s.
        auto firstAfterSeek = [](const QList<qint64>& values, qint64 from) {
            const auto it = std::find_if(values.begin(), values.end(), [from](qint64 v) { return v >= from; });
            return it == values.end() ? qint64(-1) : *it;
        };
        QTRY_VERIFY_WITH_TIMEOUT(firstAfterSeek(frameStartsUs, 60'000'000) >= 0, mediaTimeout);
        QTRY_VERIFY_WITH_TIMEOUT(firstAfterSeek(positions, 60'000) >= 0, mediaTimeout);
        const qint64 frameUs = firstAfterSeek(frameStartsUs, 60'000'000);
        const qint64 positionMs = firstAfterSeek(positions, 60'000);
        QVERIFY2(std::abs(frameUs - 71'000'000) <= 500'000, qPrintable(QString::number(frameUs)));
        QVERIFY2(std::abs(positionMs - 71'000) <= 500, qPrintable(QString::number(positionMs)));
        QVERIFY(m_parts.player->isPlaying());

        // The status bar says where it went and how 01:11:11 was read.
        const scholia::Citation* citation = m_parts.session->citation(index);
        QVERIFY(citation && citation->resolution.reinterpreted);
        QVERIFY(statusText(*m_window).contains(QLatin1String("1:11")));
        QVERIFY2(statusText(*m_window).contains(toQString(citation->resolution.explanation)),
                 qPrintable(statusText(*m_window)));
        // ... and the citation's tooltip says what was written.
        const QTextFragment anchor = findAnchor(m_parts.noteView->document(), citationHref(index));
        QVERIFY(anchor.charFormat().toolTip().contains(QLatin1String("01:11:11")));
    }

    void clickingACitationWithoutVideoOffersYouTube()
    {
        // The sample note's own folder holds no video, and no file was picked for its videoId.
        QVERIFY(m_window->openNote(sampleNotePath()));
        QCOMPARE(m_parts.player->state(), State::NoVideo);
        QVERIFY(m_parts.player->messageTitle().contains(QLatin1String("i_4Jtcev5VY")));
        auto* youTube = m_window->findChild<QPushButton*>(QStringLiteral("youTubeButton"));
        auto* locate = m_window->findChild<QPushButton*>(QStringLiteral("locateVideoButton"));
        QVERIFY(youTube && locate);
        QVERIFY(youTube->isVisible());
        QVERIFY(locate->isVisible());

        const int index = citationIndex(*m_parts.session, QStringLiteral("01:11:11"));
        QVERIFY(clickAnchor(m_parts.noteView, citationHref(index)));
        QVERIFY2(statusText(*m_window).contains(QLatin1String("No video is loaded")),
                 qPrintable(statusText(*m_window)));
        QVERIFY(statusText(*m_window).contains(QLatin1String("1:11")));
        QCOMPARE(youTube->text(), QStringLiteral("Open on YouTube at 1:11"));
        QCOMPARE(m_parts.player->state(), State::NoVideo);
    }

    void aMissingVideoFileIsExplainedAndTheNoteStaysUsable()
    {
        QTemporaryDir dir;
        const QString missing = dir.filePath(QStringLiteral("gone.mp4"));
        QVERIFY(m_window->openNote(sampleNotePath(), missing));
        QCOMPARE(m_parts.player->state(), State::Failed);
        QVERIFY(m_parts.player->messageDetail().contains(QLatin1String("does not exist")));
        expectNoteStillUsable();
    }

    void aCorruptVideoFileIsExplainedAndTheNoteStaysUsable()
    {
        QTemporaryDir dir;
        const QString corrupt = dir.filePath(QStringLiteral("corrupt.mp4"));
        QByteArray noise(256 * 1024, Qt::Uninitialized);
        QRandomGenerator generator(42);
        for (char& byte : noise)
            byte = static_cast<char>(generator.bounded(256));
        QVERIFY(writeFile(corrupt, noise));

        QVERIFY(m_window->openNote(sampleNotePath(), corrupt));
        QTRY_COMPARE_WITH_TIMEOUT(m_parts.player->state(), State::Failed, mediaTimeout);
        QVERIFY(m_parts.player->messageTitle().contains(QLatin1String("corrupt.mp4")));
        QVERIFY(statusText(*m_window).contains(QLatin1String("Cannot play")));
        expectNoteStillUsable();
    }

    void anEmptyVideoFileIsExplained()
    {
        QTemporaryDir dir;
        const QString empty = dir.filePath(QStringLiteral("empty.mp4"));
        QVERIFY(writeFile(empty, {}));
        QVERIFY(m_window->openNote(sampleNotePath(), empty));
        QCOMPARE(m_parts.player->state(), State::Failed);
        QVERIFY(m_parts.player->messageDetail().contains(QLatin1String("empty")));
        expectNoteStillUsable();
    }

    void hoveringACitationPreparesItsFrameForTheClick()
    {
        QVERIFY(m_window->openNote(sampleNotePath(), sampleVideoPath()));
        QTRY_COMPARE_WITH_TIMEOUT(m_parts.player->state(), State::Ready, mediaTimeout);
        const int index = citationIndex(*m_parts.session, QStringLiteral("02:23:01"));
        QVERIFY(index >= 0);
        const qint64 target = *m_parts.session->citation(index)->resolution.ms;
        QCOMPARE(target, 143000);

        // The pointer rests on the citation: the hidden player decodes its frame...
        const auto point = anchorPoint(m_parts.noteView, citationHref(index));
        QVERIFY(point);
        QTest::mouseMove(m_parts.noteView->viewport(), *point);
        QTRY_VERIFY_WITH_TIMEOUT(m_parts.player->hasPreparedFrame(target), mediaTimeout);

        // ...so the click shows it at once, until the player's own frame at the target takes over.
        QTest::mouseClick(m_parts.noteView->viewport(), Qt::LeftButton, Qt::NoModifier, *point);
        QVERIFY(m_parts.player->isShowingPreparedFrame());
        QTRY_VERIFY_WITH_TIMEOUT(!m_parts.player->isShowingPreparedFrame(), mediaTimeout);
        QVERIFY(std::abs(m_parts.player->position() - target) <= 1000);
    }

    void shortcutsDriveThePlayerWhicheverPaneHasFocus()
    {
        QVERIFY(m_window->openNote(sampleNotePath(), sampleVideoPath()));
        QTRY_COMPARE_WITH_TIMEOUT(m_parts.player->state(), State::Ready, mediaTimeout);
        PlayerPanel* player = m_parts.player;
        m_parts.noteView->setFocus();
        QTRY_VERIFY(m_parts.noteView->hasFocus());

        QTest::keyClick(m_parts.noteView, Qt::Key_Space);
        QTRY_VERIFY_WITH_TIMEOUT(player->isPlaying(), mediaTimeout);
        QTest::keyClick(m_parts.noteView, Qt::Key_Space);
        QTRY_VERIFY(!player->isPlaying());

        const qint64 before = player->position();
        QTest::keyClick(m_parts.noteView, Qt::Key_Right);
        QTRY_VERIFY_WITH_TIMEOUT(std::abs(player->position() - (before + 5000)) <= 300, mediaTimeout);
        QTest::keyClick(m_parts.noteView, Qt::Key_L);
        QTRY_VERIFY_WITH_TIMEOUT(std::abs(player->position() - (before + 15000)) <= 300, mediaTimeout);
        QTest::keyClick(m_parts.noteView, Qt::Key_J);
        QTRY_VERIFY_WITH_TIMEOUT(std::abs(player->position() - (before + 5000)) <= 300, mediaTimeout);

        QCOMPARE(player->speed(), 1.0);
        QTest::keyClick(m_parts.noteView, Qt::Key_BracketRight);
        QCOMPARE(player->speed(), 1.25);
        QCOMPARE(player->mediaPlayer()->playbackRate(), 1.25);
        QTest::keyClick(m_parts.noteView, Qt::Key_BracketLeft);
        QCOMPARE(player->speed(), 1.0);

        QVERIFY(!player->isMuted());
        QTest::keyClick(m_parts.noteView, Qt::Key_M);
        QVERIFY(player->isMuted());
        QVERIFY(statusText(*m_window).contains(QLatin1String("Muted")));

        // The same keys with the focus on the video side.
        player->setFocus();
        QTRY_VERIFY(player->hasFocus());
        QTest::keyClick(player, Qt::Key_M);
        QVERIFY(!player->isMuted());
        QTest::keyClick(player, Qt::Key_BracketRight);
        QCOMPARE(player->speed(), 1.25);
        QTest::keyClick(player, Qt::Key_Space);
        QTRY_VERIFY_WITH_TIMEOUT(player->isPlaying(), mediaTimeout);
        QTest::keyClick(player, Qt::Key_K);
        QTRY_VERIFY(!player->isPlaying());
    }

    void typingInTheFindBarIsNotTakenForShortcuts()
    {
        QVERIFY(m_window->openNote(sampleNotePath(), sampleVideoPath()));
        QTRY_COMPARE_WITH_TIMEOUT(m_parts.player->state(), State::Ready, mediaTimeout);
        QTest::keyClick(m_parts.noteView, Qt::Key_F, Qt::ControlModifier);
        auto* findEdit = m_window->findChild<QLineEdit*>(QStringLiteral("findEdit"));
        QVERIFY(findEdit);
        QTRY_VERIFY(findEdit->hasFocus());

        const qint64 position = m_parts.player->position();
        QTest::keyClicks(findEdit, QStringLiteral("mk ]f"));
        QTest::keyClick(findEdit, Qt::Key_Right);
        QCOMPARE(findEdit->text(), QStringLiteral("mk ]f"));
        QVERIFY(!m_parts.player->isMuted());
        QVERIFY(!m_parts.player->isPlaying());
        QCOMPARE(m_parts.player->speed(), 1.0);
        QVERIFY(!m_window->isFullScreen());
        QCOMPARE(m_parts.player->position(), position);

        // Find itself works: "Albania" is in the note; Return finds the next match.
        findEdit->clear();
        QTest::keyClicks(findEdit, QStringLiteral("Albania"));
        QVERIFY(m_parts.noteView->textCursor().selectedText().compare(QLatin1String("Albania"), Qt::CaseInsensitive)
                == 0);
        const int first = m_parts.noteView->textCursor().selectionStart();
        QTest::keyClick(findEdit, Qt::Key_Return);
        QVERIFY(m_parts.noteView->textCursor().selectionStart() != first);

        QTest::keyClick(findEdit, Qt::Key_Escape);
        QTRY_VERIFY(!m_window->findChild<QWidget*>(QStringLiteral("findBar"))->isVisible());
    }

    void theVideoDurationReResolvesCitationsAndKeepsTheScroll()
    {
        QTemporaryDir dir;
        const QString notePath = dir.filePath(QStringLiteral("long.md"));
        QVERIFY(writeFile(notePath, longNoteText()));
        QVERIFY(m_window->openNote(notePath));
        QCOMPARE(m_parts.player->state(), State::NoVideo);
        QVERIFY(!m_parts.session->durationMs());

        const int index = citationIndex(*m_parts.session, QStringLiteral("00:26:00"));
        QVERIFY(index >= 0);
        QVERIFY(!m_parts.session->citation(index)->resolution.pastEnd);
        const QString toolTipBefore
            = findAnchor(m_parts.noteView->document(), citationHref(index)).charFormat().toolTip();
        auto* diagnostics = m_window->findChild<QLabel*>(QStringLiteral("diagnosticsLabel"));
        QVERIFY(diagnostics);
        const QString diagnosticsBefore = diagnostics->text();

        QScrollBar* bar = m_parts.noteView->verticalScrollBar();
        QTRY_VERIFY(bar->maximum() > 0);
        bar->setValue(bar->maximum() / 2);
        const int scroll = bar->value();
        QVERIFY(scroll > 0);

        QVERIFY(m_window->useVideo(sampleVideoPath()));
        QTRY_VERIFY_WITH_TIMEOUT(m_parts.session->durationMs().has_value(), mediaTimeout);
        QCOMPARE(*m_parts.session->durationMs(), m_parts.player->mediaPlayer()->duration());

        // Re-resolved against 13:40: the citation is now past the end, and the view shows it...
        QVERIFY(m_parts.session->citation(index)->resolution.pastEnd);
        const QString toolTipAfter
            = findAnchor(m_parts.noteView->document(), citationHref(index)).charFormat().toolTip();
        QVERIFY2(toolTipAfter != toolTipBefore, qPrintable(toolTipAfter));
        QVERIFY(toolTipAfter.contains(QLatin1String("past the end")));
        QVERIFY(diagnostics->text() != diagnosticsBefore);
        // ... without moving the reader.
        QCOMPARE(bar->value(), scroll);
    }

    void clickingAWikiLinkOpensTheSiblingNoteAtItsHeading()
    {
        QTemporaryDir dir;
        QVERIFY(writeFile(dir.filePath(QStringLiteral("first.md")),
                          "# First\n\nSee [[second#Far Heading|the far heading]] and [[nowhere]].\n"));
        QByteArray second = "# Second\n\n";
        for (int i = 0; i < 120; ++i)
            second += "Filler paragraph " + QByteArray::number(i) + ".\n\n";
        second += "## Far Heading\n\nThe place the link points to.\n";
        QVERIFY(writeFile(dir.filePath(QStringLiteral("second.md")), second));

        QVERIFY(m_window->openNote(dir.filePath(QStringLiteral("first.md"))));
        // Resolved and unresolved links look different.
        const QTextFragment resolved
            = findAnchor(m_parts.noteView->document(), hrefStartsWith(QStringLiteral("note:second")));
        const QTextFragment unresolved
            = findAnchor(m_parts.noteView->document(), hrefStartsWith(QStringLiteral("note:nowhere")));
        QVERIFY(resolved.isValid() && unresolved.isValid());
        QVERIFY(resolved.charFormat().foreground() != unresolved.charFormat().foreground());

        QVERIFY(clickAnchor(m_parts.noteView, hrefStartsWith(QStringLiteral("note:nowhere"))));
        QCOMPARE(m_parts.session->fileName(), QStringLiteral("first.md"));
        QVERIFY(statusText(*m_window).contains(QLatin1String("nowhere")));

        QVERIFY(clickAnchor(m_parts.noteView, hrefStartsWith(QStringLiteral("note:second"))));
        QTRY_COMPARE(m_parts.session->fileName(), QStringLiteral("second.md"));
        QVERIFY(m_parts.noteView->toPlainText().contains(QLatin1String("Far Heading")));
        // Scrolled down to the heading, which is now in view.
        QScrollBar* bar = m_parts.noteView->verticalScrollBar();
        QTRY_VERIFY(bar->value() > 0);
        QTextCursor heading = m_parts.noteView->document()->find(QStringLiteral("Far Heading"));
        QVERIFY(!heading.isNull());
        QVERIFY(m_parts.noteView->viewport()->rect().contains(m_parts.noteView->cursorRect(heading).center()));
    }

    void aVideoBesideTheNoteIsFoundWithItsInfoJsonDuration()
    {
        QTemporaryDir dir;
        const QString notePath = dir.filePath(QStringLiteral("note.md"));
        QVERIFY(QFile::copy(sampleNotePath(), notePath));
        const QString videoPath = dir.filePath(QStringLiteral("Talk [i_4Jtcev5VY].mp4"));
        QVERIFY(QFile::link(sampleVideoPath(), videoPath));
        QVERIFY(writeFile(dir.filePath(QStringLiteral("Talk [i_4Jtcev5VY].info.json")),
                          R"({"id": "i_4Jtcev5VY", "duration": 819})"));

        // Every duration the citations get resolved against, in order.
        QList<qint64> resolvedAgainst;
        QObject listening;
        connect(m_parts.session, &NoteSession::citationsResolved, &listening,
                [&] { resolvedAgainst << m_parts.session->durationMs().value_or(-1); });

        QVERIFY(m_window->openNote(notePath));
        QCOMPARE(QFileInfo(m_parts.player->videoPath()).fileName(), QFileInfo(videoPath).fileName());
        QVERIFY(statusText(*m_window).contains(QLatin1String("Talk [i_4Jtcev5VY].mp4")));
        QTRY_COMPARE_WITH_TIMEOUT(m_parts.player->state(), State::Ready, mediaTimeout);
        QTRY_COMPARE_WITH_TIMEOUT(m_parts.session->durationMs(),
                                  std::optional<qint64>(m_parts.player->mediaPlayer()->duration()), mediaTimeout);
        // The .info.json's 819 s came first, before the player measured the file.
        QVERIFY(!resolvedAgainst.isEmpty());
        QCOMPARE(resolvedAgainst.first(), 819000);
        QCOMPARE(resolvedAgainst.last(), m_parts.player->mediaPlayer()->duration());
    }

    void aLocatedVideoIsRememberedForItsVideoId()
    {
        QVERIFY(m_window->openNote(sampleNotePath()));
        QCOMPARE(m_parts.player->state(), State::NoVideo);
        QVERIFY(m_window->useVideo(sampleVideoPath()));
        QTRY_COMPARE_WITH_TIMEOUT(m_parts.player->state(), State::Ready, mediaTimeout);

        // A new window (a later session) finds it again for the same videoId.
        m_window.reset();
        MainWindow again;
        again.show();
        QVERIFY(again.openNote(sampleNotePath()));
        const WindowParts parts = partsOf(again);
        QCOMPARE(QFileInfo(parts.player->videoPath()).canonicalFilePath(),
                 QFileInfo(sampleVideoPath()).canonicalFilePath());
        QVERIFY(statusText(again).contains(QLatin1String("picked earlier")));
    }

    void aFolderOpensItsFirstNoteAlphabetically()
    {
        QTemporaryDir dir;
        QVERIFY(writeFile(dir.filePath(QStringLiteral("beta.md")), "# Beta\n"));
        QVERIFY(writeFile(dir.filePath(QStringLiteral("Alpha.md")), "# Alpha\n"));
        QVERIFY(writeFile(dir.filePath(QStringLiteral("0-readme.txt")), "not a note\n"));
        QVERIFY(m_window->openPath(dir.path()));
        QCOMPARE(m_parts.session->fileName(), QStringLiteral("Alpha.md"));
        QVERIFY(statusText(*m_window).contains(QLatin1String("first note")));

        QTemporaryDir empty;
        QVERIFY(!m_window->openPath(empty.path()));
        QCOMPARE(m_parts.session->fileName(), QStringLiteral("Alpha.md"));
        QVERIFY2(statusText(*m_window).contains(QLatin1String("No note")), qPrintable(statusText(*m_window)));
    }

    void aFolderWhoseNotesAreAllInSubfoldersShowsOneAtOnce()
    {
        QTemporaryDir dir;
        for (const char* folder : {"channel_a", "channel_b", ".obsidian"})
            QVERIFY(QDir(dir.path()).mkpath(QLatin1String(folder)));
        QVERIFY(writeFile(dir.filePath(QStringLiteral("channel_b/first.md")), "# B\n"));
        QVERIFY(writeFile(dir.filePath(QStringLiteral("channel_a/second.md")), "# A2\n"));
        QVERIFY(writeFile(dir.filePath(QStringLiteral("channel_a/first.md")), "# A1\n"));
        QVERIFY(writeFile(dir.filePath(QStringLiteral(".obsidian/aaa.md")), "# hidden\n"));
        // Read before openPath returns, without waiting for the index.
        QVERIFY(m_window->openPath(dir.path()));
        QCOMPARE(QFileInfo(m_parts.session->path()).canonicalFilePath(),
                 QFileInfo(dir.filePath(QStringLiteral("channel_a/first.md"))).canonicalFilePath());
        QVERIFY(m_parts.noteView->toPlainText().contains(QLatin1String("A1")));

        // An index note at the top is preferred to the first note by path.
        QVERIFY(writeFile(dir.filePath(QStringLiteral("README.md")), "# Start here\n"));
        QVERIFY(m_window->openPath(dir.path()));
        QCOMPARE(m_parts.session->fileName(), QStringLiteral("README.md"));
    }

    void settingsAndTheLastNotePersist()
    {
        QVERIFY(m_window->openNote(sampleNotePath()));
        m_parts.player->setSpeed(1.5);
        m_parts.player->setVolume(0.3F);
        auto* splitter = m_window->findChild<QSplitter*>(QStringLiteral("mainSplitter"));
        QVERIFY(splitter);
        splitter->setSizes({300, 700});
        const QList<int> sizes = splitter->sizes();
        auto* transcript = m_window->findChild<QDockWidget*>(QStringLiteral("transcriptPane"));
        auto* diagnostics = m_window->findChild<QDockWidget*>(QStringLiteral("diagnosticsPane"));
        QVERIFY(transcript && diagnostics && transcript->isVisible() && !diagnostics->isVisible());
        transcript->hide();
        diagnostics->show();
        m_window->close();
        m_window.reset();

        MainWindow again;
        again.show();
        QVERIFY(QTest::qWaitForWindowExposed(&again));
        const WindowParts parts = partsOf(again);
        QCOMPARE(parts.player->speed(), 1.5);
        QVERIFY(std::abs(parts.player->volume() - 0.3F) < 0.01F);
        QCOMPARE(again.findChild<QSplitter*>(QStringLiteral("mainSplitter"))->sizes(), sizes);
        QVERIFY(!again.findChild<QDockWidget*>(QStringLiteral("transcriptPane"))->isVisible());
        QVERIFY(again.findChild<QDockWidget*>(QStringLiteral("diagnosticsPane"))->isVisible());
        QVERIFY(again.reopenLastNote());
        QCOMPARE(QFileInfo(parts.session->path()).canonicalFilePath(), QFileInfo(sampleNotePath()).canonicalFilePath());
    }

    void droppingANoteOrAVideoOpensIt()
    {
        QTemporaryDir dir;
        const QString notePath = dir.filePath(QStringLiteral("dropped.md"));
        QVERIFY(QFile::copy(sampleNotePath(), notePath));
        const QString textPath = dir.filePath(QStringLiteral("readme.txt"));
        QVERIFY(writeFile(textPath, "not a note"));

        auto drop = [this](const QString& path) {
            QMimeData mime;
            mime.setUrls({QUrl::fromLocalFile(path)});
            QDragEnterEvent enter(QPoint(20, 20), Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
            QCoreApplication::sendEvent(m_window.get(), &enter);
            if (!enter.isAccepted())
                return false;
            QDropEvent dropEvent(QPointF(20, 20), Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
            QCoreApplication::sendEvent(m_window.get(), &dropEvent);
            return true;
        };

        QVERIFY(!drop(textPath));
        QVERIFY(!m_parts.session->hasNote());
        QVERIFY(drop(notePath));
        QCOMPARE(m_parts.session->fileName(), QStringLiteral("dropped.md"));
        QCOMPARE(m_parts.player->state(), State::NoVideo);
        QVERIFY(drop(testVideoPath()));
        QCOMPARE(m_parts.player->videoPath(), testVideoPath());
        QTRY_COMPARE_WITH_TIMEOUT(m_parts.player->state(), State::Ready, mediaTimeout);
        QTRY_COMPARE_WITH_TIMEOUT(m_parts.player->mediaPlayer()->duration(), 20000, mediaTimeout);
    }

    void theRecentMenuReopensEarlierNotes()
    {
        QTemporaryDir dir;
        const QString first = dir.filePath(QStringLiteral("first.md"));
        const QString second = dir.filePath(QStringLiteral("second.md"));
        QVERIFY(writeFile(first, "# First\n"));
        QVERIFY(writeFile(second, "# Second\n"));
        QVERIFY(m_window->openNote(first));
        QVERIFY(m_window->openNote(second));
        // Opening a note does not wait for the settings file: it is written a turn later.
        QVERIFY(QSettings().value(SettingsKeys::recentFiles).toStringList().isEmpty());
        QTRY_COMPARE(QSettings().value(SettingsKeys::recentFiles).toStringList(), (QStringList{second, first}));

        auto* menu = m_window->findChild<QMenu*>(QStringLiteral("recentMenu"));
        QVERIFY(menu);
        QVERIFY(QMetaObject::invokeMethod(menu, "aboutToShow"));
        QStringList listed;
        QAction* firstAction = nullptr;
        for (QAction* action : menu->actions()) {
            if (action->data().isValid())
                listed << action->data().toString();
            if (action->data().toString() == first)
                firstAction = action;
        }
        QCOMPARE(listed, (QStringList{second, first}));  // most recent first
        QVERIFY(firstAction);
        firstAction->trigger();
        QCOMPARE(m_parts.session->path(), first);
    }

    void fullScreenShowsOnlyTheVideoAndEscapeLeaves()
    {
        QVERIFY(m_window->openNote(sampleNotePath(), sampleVideoPath()));
        auto* notePane = m_window->findChild<QWidget*>(QStringLiteral("notePane"));
        QVERIFY(notePane && notePane->isVisible());
        QTest::keyClick(m_parts.noteView, Qt::Key_F);
        QTRY_VERIFY(m_window->isFullScreen());
        QVERIFY(!notePane->isVisible());
        QTest::keyClick(m_window.get(), Qt::Key_Escape);
        QTRY_VERIFY(!m_window->isFullScreen());
        QVERIFY(notePane->isVisible());
    }

private:
    // After a video problem the note must keep working: citations answer, find works.
    void expectNoteStillUsable()
    {
        QVERIFY(m_parts.noteView->toPlainText().contains(QLatin1String("Albania")));
        const int index = citationIndex(*m_parts.session, QStringLiteral("01:11:11"));
        QVERIFY(clickAnchor(m_parts.noteView, citationHref(index)));
        QVERIFY2(statusText(*m_window).contains(QLatin1String("1:11")), qPrintable(statusText(*m_window)));
        QVERIFY(statusText(*m_window).contains(QLatin1String("No video is loaded")));
        QVERIFY(m_parts.noteView->findText(QStringLiteral("MEK"), false));
    }

    std::unique_ptr<MainWindow> m_window;
    WindowParts m_parts;
};

std::unique_ptr<QObject> makeMainWindowTest()
{
    return std::make_unique<MainWindowTest>();
}

#include "MainWindowTest.moc"
