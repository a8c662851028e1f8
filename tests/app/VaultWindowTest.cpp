// Vaults in the real MainWindow: a folder of notes written to a temporary folder, indexed in
// the background, navigated by real clicks and keys (wikilinks, Back/Forward, the sidebar,
// backlinks, search, quick open), with the real player and the generated sample video.

#include "common/CoreBridge.h"
#include "note/NoteSession.h"
#include "note/NoteView.h"
#include "player/PlayerPanel.h"
#include "vault/VaultSession.h"
#include "window/MainWindow.h"

#include "TestSupport.h"

#include <QAbstractItemModel>
#include <QAction>
#include <QComboBox>
#include <QDialog>
#include <QDir>
#include <QDragEnterEvent>
#include <QDropEvent>
#include <QFile>
#include <QFileInfo>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMimeData>
#include <QProgressBar>
#include <QScrollBar>
#include <QSettings>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <QTreeView>

#include <algorithm>
#include <cstdlib>
#include <memory>

using namespace scholia::gui;
using namespace scholia::test;
using State = PlayerPanel::State;

namespace {

constexpr int mediaTimeout = 15000;
constexpr int indexTimeout = 15000;

QByteArray cite(const QByteArray& time)
{
    return "<a class=\"yt-timestamp\" data-t=\"" + time + "\">[" + time + "]</a>";
}

QByteArray filler(const QByteArray& what, int paragraphs)
{
    QByteArray text;
    for (int i = 0; i < paragraphs; ++i)
        text += what + " paragraph " + QByteArray::number(i) + " makes a claim "
              + cite("00:0" + QByteArray::number(i % 10) + ":00") + ".\n\n";
    return text;
}

// alpha/source.md links, from the middle of a long note, to beta/target_note.md (another
// folder, by its title: the slug rule) at a heading, and to a note that does not exist.
QByteArray sourceNote()
{
    return "---\ntitle: Source\nvideoId: i_4Jtcev5VY\n---\n\n# Source\n\n" + filler("Source", 40)
         + "The middle claim points to [[Target Note#Some Heading|the target]] and to [[missing_one]] "
         + cite("00:05:00") + ".\n\n" + filler("More source", 40);
}

QByteArray targetNote()
{
    return "---\ntitle: Target note\nvideoId: i_4Jtcev5VY\n---\n\n# Target note\n\n" + filler("Target", 60)
         + "## Some Heading\n\nThe heading the source links to " + cite("00:07:00") + ".\n";
}

}  // namespace

class VaultWindowTest : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY2(QFileInfo(sampleNotePath()).isFile(), qPrintable(sampleNotePath()));
        QVERIFY2(QFileInfo(sampleVideoPath()).isFile(), "build the sample_video target first");
    }

    void init()
    {
        QSettings().clear();
        m_dir = std::make_unique<QTemporaryDir>();
        QVERIFY(m_dir->isValid());
        writeVault();
        m_window = std::make_unique<MainWindow>();
        m_window->show();
        QVERIFY(QTest::qWaitForWindowActive(m_window.get()));
        m_parts = partsOf(*m_window);
        QVERIFY(m_parts.complete());
        m_vault = m_window->findChild<VaultSession*>(QStringLiteral("vaultSession"));
        QVERIFY(m_vault);
    }

    void cleanup()
    {
        m_window.reset();
        m_parts = {};
        m_dir.reset();
    }

    // The link warnings follow the links' styling: by the note's folder before the vault is
    // indexed, by the vault's rules once it is (index.md's links resolve into other folders).
    void linkWarningsFollowTheVaultOnceItIsIndexed()
    {
        auto* list = m_window->findChild<QListWidget*>(QStringLiteral("diagnosticsList"));
        QVERIFY(list);
        const auto linkWarnings = [list] {
            QStringList lines;
            for (int i = 0; i < list->count(); ++i)
                if (list->item(i)->text().contains(QLatin1String("no such note")))
                    lines << list->item(i)->text();
            return lines;
        };
        // The status bar's summary counts what the pane lists.
        auto* summary = m_window->findChild<QLabel*>(QStringLiteral("diagnosticsLabel"));
        QVERIFY(summary);
        QVERIFY(m_window->openPath(m_dir->path()));
        QCOMPARE(m_parts.session->fileName(), QStringLiteral("index.md"));  // read at once, before the index
        if (!m_vault->isReady()) {                                          // index.md's folder has neither note
            QCOMPARE(linkWarnings().size(), 2);
            QCOMPARE(summary->text(), QStringLiteral("2 warnings"));
        }
        QTRY_VERIFY_WITH_TIMEOUT(m_vault->isReady(), indexTimeout);
        QTRY_VERIFY2(linkWarnings().isEmpty(), qPrintable(linkWarnings().join(QLatin1Char('\n'))));
        QCOMPARE(summary->text(), QStringLiteral("No problems"));

        QVERIFY(m_window->openNote(m_dir->filePath(QStringLiteral("alpha/source.md"))));
        const QStringList warnings = linkWarnings();
        QCOMPARE(warnings.size(), 1);  // [[Target Note]] is found by the slug rule, in beta/
        QVERIFY2(warnings.first().contains(QLatin1String("\"missing_one\": no such note in the vault")),
                 qPrintable(warnings.first()));
        QCOMPARE(summary->text(), QStringLiteral("1 warning"));
        QVERIFY2(summary->toolTip().contains(QLatin1String("missing_one")), qPrintable(summary->toolTip()));
    }

    void openingAFolderIndexesItInTheBackgroundWithProgress()
    {
        auto* progress = m_window->findChild<QProgressBar*>(QStringLiteral("vaultProgress"));
        QVERIFY(progress);
        QVERIFY(!progress->isVisible());
        QVERIFY(m_window->openPath(m_dir->path()));
        // The index note at the top is shown at once; the rest is indexed meanwhile.
        QCOMPARE(m_parts.session->fileName(), QStringLiteral("index.md"));
        QVERIFY(progress->isVisible());
        QTRY_VERIFY_WITH_TIMEOUT(m_vault->isReady(), indexTimeout);
        QVERIFY(!progress->isVisible());
        QCOMPARE(m_vault->index().noteCount(), std::size_t(5));
        // The binary file is left out, and the window says so.
        QVERIFY2(statusText(*m_window).contains(QLatin1String("5 notes")), qPrintable(statusText(*m_window)));
        QVERIFY2(statusText(*m_window).contains(QLatin1String("1 file skipped")), qPrintable(statusText(*m_window)));
    }

    void droppingAFolderOrOpenFolderOpensItAsAVault()
    {
        QMimeData mime;
        mime.setUrls({QUrl::fromLocalFile(m_dir->path())});
        QDragEnterEvent enter(QPoint(20, 20), Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
        QCoreApplication::sendEvent(m_window.get(), &enter);
        QVERIFY(enter.isAccepted());
        QDropEvent drop(QPointF(20, 20), Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
        QCoreApplication::sendEvent(m_window.get(), &drop);
        QTRY_VERIFY_WITH_TIMEOUT(m_vault->isReady(), indexTimeout);
        QCOMPARE(QFileInfo(m_vault->root()).canonicalFilePath(), QFileInfo(m_dir->path()).canonicalFilePath());

        // File > Open Folder... is there, with its shortcut.
        auto* openFolder = m_window->findChild<QAction*>(QStringLiteral("openFolderAction"));
        QVERIFY(openFolder);
        QCOMPARE(openFolder->shortcut(), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_O));
        QVERIFY(openFolder->associatedObjects().size() >= 2);  // the File menu and the window
    }

    void theSidebarListsNotesByFolderAndByVideoAndFilters()
    {
        // A second video, whose id sorts first and whose title sorts last: groups go by title.
        QVERIFY(writeFile(m_dir->filePath(QStringLiteral("talks/zebra_talk.md")),
                          "---\ntitle: Zebra talk\nvideoId: AAAAAAAAAAA\n---\n\nA claim " + cite("00:00:10") + ".\n"));
        openVault();
        auto* tree = m_window->findChild<QTreeView*>(QStringLiteral("vaultTree"));
        auto* filter = m_window->findChild<QLineEdit*>(QStringLiteral("vaultFilter"));
        auto* grouping = m_window->findChild<QComboBox*>(QStringLiteral("vaultGrouping"));
        QVERIFY(tree && filter && grouping);
        QVERIFY(tree->isVisible());
        QAbstractItemModel* model = tree->model();
        // Folders alpha, beta, talks, and index.md at the top.
        QCOMPARE(topLevelTexts(model), (QStringList{QStringLiteral("alpha"), QStringLiteral("beta"),
                                                    QStringLiteral("Index"), QStringLiteral("talks")}));

        grouping->setCurrentIndex(1);  // by video
        QCOMPARE(model->rowCount(), 3);
        // Named by the note the video's other notes link to (source.md links to target_note.md).
        QCOMPARE(model->index(0, 0).data().toString(), QStringLiteral("Target note [i_4Jtcev5VY]"));
        QCOMPARE(model->rowCount(model->index(0, 0)), 4);
        QCOMPARE(model->index(1, 0).data().toString(), QStringLiteral("Zebra talk [AAAAAAAAAAA]"));
        QCOMPARE(model->index(2, 0).data().toString(), QStringLiteral("Without a video"));
        QCOMPARE(model->index(0, 0, model->index(2, 0)).data().toString(), QStringLiteral("Index"));

        QTest::keyClicks(filter, QStringLiteral("target"));
        QCOMPARE(model->rowCount(), 1);
        QCOMPARE(model->rowCount(model->index(0, 0)), 1);
        const QModelIndex only = model->index(0, 0, model->index(0, 0));
        QCOMPARE(only.data().toString(), QStringLiteral("Target note"));

        // A click on it opens it.
        tree->scrollTo(only);
        QTest::mouseClick(tree->viewport(), Qt::LeftButton, Qt::NoModifier, tree->visualRect(only).center());
        QTRY_COMPARE(m_parts.session->fileName(), QStringLiteral("target_note.md"));
    }

    void clickingAWikiLinkOpensTheNoteInAnotherFolderAtItsHeading()
    {
        openVaultAt(QStringLiteral("alpha/source.md"));
        // Styled through the vault: the target is in another folder, yet resolved.
        const QTextFragment resolved
            = findAnchor(m_parts.noteView->document(), hrefStartsWith(QStringLiteral("note:Target")));
        const QTextFragment unresolved
            = findAnchor(m_parts.noteView->document(), hrefStartsWith(QStringLiteral("note:missing_one")));
        QVERIFY(resolved.isValid() && unresolved.isValid());
        QVERIFY(resolved.charFormat().foreground() != unresolved.charFormat().foreground());

        QVERIFY(clickAnchor(m_parts.noteView, hrefStartsWith(QStringLiteral("note:missing_one"))));
        QCOMPARE(m_parts.session->fileName(), QStringLiteral("source.md"));
        QVERIFY2(statusText(*m_window).contains(QLatin1String("missing_one")), qPrintable(statusText(*m_window)));

        QVERIFY(clickAnchor(m_parts.noteView, hrefStartsWith(QStringLiteral("note:Target"))));
        QTRY_COMPARE(QFileInfo(m_parts.session->path()).canonicalFilePath(),
                     QFileInfo(m_dir->filePath(QStringLiteral("beta/target_note.md"))).canonicalFilePath());
        QTextCursor heading = m_parts.noteView->document()->find(QStringLiteral("Some Heading"));
        QVERIFY(!heading.isNull());
        QVERIFY(m_parts.noteView->verticalScrollBar()->value() > 0);
        QVERIFY(m_parts.noteView->viewport()->rect().contains(m_parts.noteView->cursorRect(heading).center()));
    }

    void theLinksThatLeadNowhereAreListedAndShowWhereTheyAre()
    {
        openVaultAt(QStringLiteral("alpha/source.md"));
        auto* list = m_window->findChild<QListWidget*>(QStringLiteral("unresolvedLinksList"));
        QVERIFY(list);
        QTRY_COMPARE(list->count(), 1);
        QVERIFY2(list->item(0)->text().startsWith(QLatin1String("[[missing_one]]")), qPrintable(list->item(0)->text()));
        QVERIFY(list->isVisible());
        QCOMPARE(m_parts.noteView->verticalScrollBar()->value(), 0);
        QTest::mouseClick(list->viewport(), Qt::LeftButton, Qt::NoModifier,
                          list->visualItemRect(list->item(0)).center());
        // The same note, scrolled to the claim holding the link.
        QTRY_VERIFY(m_parts.noteView->verticalScrollBar()->value() > 0);
        QCOMPARE(m_parts.session->fileName(), QStringLiteral("source.md"));
        QTextCursor claim = m_parts.noteView->document()->find(QStringLiteral("The middle claim points to"));
        QVERIFY(m_parts.noteView->viewport()->rect().intersects(m_parts.noteView->cursorRect(claim)));
    }

    void backAndForwardReturnWithTheScrollPosition()
    {
        openVaultAt(QStringLiteral("alpha/source.md"));
        QScrollBar* bar = m_parts.noteView->verticalScrollBar();
        const auto point = anchorPoint(m_parts.noteView, hrefStartsWith(QStringLiteral("note:Target")));
        QVERIFY(point);
        const int sourceScroll = bar->value();
        QVERIFY(sourceScroll > 0);
        QTest::mouseClick(m_parts.noteView->viewport(), Qt::LeftButton, Qt::NoModifier, *point);
        QTRY_COMPARE(m_parts.session->fileName(), QStringLiteral("target_note.md"));
        bar->setValue(bar->maximum() / 3);
        const int targetScroll = bar->value();

        QTest::keyClick(m_parts.noteView, Qt::Key_Left, Qt::AltModifier);
        QTRY_COMPARE(m_parts.session->fileName(), QStringLiteral("source.md"));
        QCOMPARE(bar->value(), sourceScroll);

        QTest::keyClick(m_parts.noteView, Qt::Key_Right, Qt::AltModifier);
        QTRY_COMPARE(m_parts.session->fileName(), QStringLiteral("target_note.md"));
        QCOMPARE(bar->value(), targetScroll);

        // The mouse's back button does the same.
        QTest::mouseClick(m_parts.noteView->viewport(), Qt::BackButton, Qt::NoModifier, QPoint(20, 20));
        QTRY_COMPARE(m_parts.session->fileName(), QStringLiteral("source.md"));
        QCOMPARE(bar->value(), sourceScroll);
        QTest::mouseClick(m_parts.noteView->viewport(), Qt::ForwardButton, Qt::NoModifier, QPoint(20, 20));
        QTRY_COMPARE(m_parts.session->fileName(), QStringLiteral("target_note.md"));
    }

    void backlinksListTheLinkingNotesAndOpenThemThere()
    {
        openVaultAt(QStringLiteral("beta/target_note.md"));
        auto* list = m_window->findChild<QListWidget*>(QStringLiteral("backlinksList"));
        QVERIFY(list);
        QTRY_COMPARE(list->count(), 2);  // index.md and alpha/source.md
        const int row = list->item(0)->text().startsWith(QLatin1String("Source")) ? 0 : 1;
        QVERIFY2(list->item(row)->text().contains(QLatin1String("The middle claim points to")),
                 qPrintable(list->item(row)->text()));
        list->scrollToItem(list->item(row));
        QTest::mouseClick(list->viewport(), Qt::LeftButton, Qt::NoModifier,
                          list->visualItemRect(list->item(row)).center());
        QTRY_COMPARE(m_parts.session->fileName(), QStringLiteral("source.md"));
        // At the linking claim, not the top.
        QTextCursor claim = m_parts.noteView->document()->find(QStringLiteral("The middle claim points to"));
        QVERIFY(!claim.isNull());
        QVERIFY(m_parts.noteView->verticalScrollBar()->value() > 0);
        QVERIFY(m_parts.noteView->viewport()->rect().intersects(m_parts.noteView->cursorRect(claim)));
    }

    // The panes' whole-vault questions are answered on a worker thread: asking returns at
    // once, the answer comes back as a signal, and one asked before a close never arrives.
    void paneQuestionsAreAnsweredInTheBackground()
    {
        openVault();
        QSignalSpy backlinks(m_vault, &VaultSession::backlinksFound);
        QSignalSpy video(m_vault, &VaultSession::videoFound);
        const QString target = QFileInfo(m_dir->filePath(QStringLiteral("beta/target_note.md"))).canonicalFilePath();
        m_vault->requestBacklinks(target);
        m_vault->requestVideo(QStringLiteral("i_4Jtcev5VY"));
        QCOMPARE(backlinks.count(), 0);  // delivered through the event loop, never in the call
        QTRY_COMPARE(backlinks.count(), 1);
        QCOMPARE(backlinks.at(0).at(0).toString(), target);
        const auto found = backlinks.at(0).at(1).value<QList<VaultPlace>>();
        QCOMPARE(found.size(), 2);                    // index.md and alpha/source.md
        QCOMPARE(found, m_vault->backlinks(target));  // the same as asked on the GUI thread
        QTRY_COMPARE(video.count(), 1);
        QCOMPARE(video.at(0).at(1).value<QList<VaultPlace>>().size(), 4);
        QCOMPARE(video.at(0).at(2).value<QList<VaultPlace>>().size(), 75 + 81 + 61 + 2);

        m_vault->requestBacklinks(target);
        m_vault->close();
        QTest::qWait(200);
        QCOMPARE(backlinks.count(), 1);
    }

    void aSearchResultOpensTheNoteAtTheClaimAndSeeks()
    {
        openVaultAt(QStringLiteral("alpha/source.md"));
        QTest::keyClick(m_window.get(), Qt::Key_F, Qt::ControlModifier | Qt::ShiftModifier);
        auto* dialog = m_window->findChild<QDialog*>(QStringLiteral("vaultSearchDialog"));
        auto* input = m_window->findChild<QLineEdit*>(QStringLiteral("vaultSearchInput"));
        auto* results = m_window->findChild<QListWidget*>(QStringLiteral("vaultSearchResults"));
        QVERIFY(dialog && input && results);
        QTRY_VERIFY(dialog->isVisible());
        QTest::keyClicks(input, QStringLiteral("highly secular"));
        QCOMPARE(results->count(), 1);
        // The snippet and the citation's time: 03:04:02 means 3:04 in a 13:40 video.
        QVERIFY2(results->item(0)->text().contains(QLatin1String("secular")), qPrintable(results->item(0)->text()));
        QVERIFY2(results->item(0)->text().contains(QLatin1String("3:04")), qPrintable(results->item(0)->text()));
        QTest::keyClick(input, Qt::Key_Return);

        QVERIFY(!dialog->isVisible());
        QCOMPARE(m_parts.session->fileName(), QStringLiteral("irans_cyber_attacks_on_albania.md"));
        QTextCursor claim = m_parts.noteView->document()->find(QStringLiteral("highly secular"));
        QVERIFY(!claim.isNull());
        QVERIFY(m_parts.noteView->viewport()->rect().intersects(m_parts.noteView->cursorRect(claim)));
        QTRY_VERIFY_WITH_TIMEOUT(m_parts.player->isPlaying(), mediaTimeout);
        QTRY_VERIFY_WITH_TIMEOUT(std::abs(m_parts.player->position() - 184'000) < 1500, mediaTimeout);
    }

    void quickOpenFindsANoteByItsTitle()
    {
        openVault();
        QTest::keyClick(m_window.get(), Qt::Key_P, Qt::ControlModifier);
        auto* dialog = m_window->findChild<QDialog*>(QStringLiteral("quickOpenDialog"));
        auto* input = m_window->findChild<QLineEdit*>(QStringLiteral("quickOpenInput"));
        QVERIFY(dialog && input);
        QTRY_VERIFY(dialog->isVisible());
        QTest::keyClicks(input, QStringLiteral("irans cyber"));
        QTest::keyClick(input, Qt::Key_Return);
        QCOMPARE(m_parts.session->fileName(), QStringLiteral("irans_cyber_attacks_on_albania.md"));
    }

    void aNoteAboutTheSameVideoKeepsThePlayerPlaying()
    {
        openVaultAt(QStringLiteral("talks/irans_cyber_attacks_on_albania.md"));
        QTRY_COMPARE_WITH_TIMEOUT(m_parts.player->state(), State::Ready, mediaTimeout);
        m_parts.player->seekAndPlay(120'000);
        QTRY_VERIFY_WITH_TIMEOUT(m_parts.player->position() >= 120'500, mediaTimeout);
        QSignalSpy sourceChanges(m_parts.player->mediaPlayer(), &QMediaPlayer::sourceChanged);

        // The "this video" pane lists the other notes about it; choosing one opens it.
        auto* notes = m_window->findChild<QListWidget*>(QStringLiteral("thisVideoNotes"));
        QVERIFY(notes);
        QTRY_COMPARE(notes->count(), 4);
        QListWidgetItem* second = nullptr;
        for (int i = 0; i < notes->count(); ++i) {
            if (notes->item(i)->text().startsWith(QLatin1String("Second view")))
                second = notes->item(i);
        }
        QVERIFY(second);
        const qint64 before = m_parts.player->position();
        notes->scrollToItem(second);
        QTest::mouseClick(notes->viewport(), Qt::LeftButton, Qt::NoModifier, notes->visualItemRect(second).center());
        QTRY_COMPARE(m_parts.session->fileName(), QStringLiteral("second_view.md"));

        // Not reloaded: the same source, still playing, and time went on from where it was.
        QCOMPARE(sourceChanges.count(), 0);
        QVERIFY(m_parts.player->isPlaying());
        QTRY_VERIFY_WITH_TIMEOUT(m_parts.player->position() > before, mediaTimeout);
        QVERIFY(m_parts.player->position() >= 120'000);
    }

    void theCitationsOfAVideoAreListedTogetherInTimeOrder()
    {
        openVaultAt(QStringLiteral("talks/second_view.md"));
        auto* citations = m_window->findChild<QListWidget*>(QStringLiteral("thisVideoCitations"));
        QVERIFY(citations);
        // 75 in the sample, 81 in source.md, 61 in target_note.md, 2 in second_view.md.
        QTRY_COMPARE(citations->count(), 75 + 81 + 61 + 2);
        QStringList times;
        for (int i = 0; i < citations->count(); ++i)
            times << citations->item(i)->text().section(QLatin1Char(' '), 0, 0);
        QCOMPARE(times.first(), QStringLiteral("0:00"));
        qint64 previous = -1;
        for (const QString& time : times) {
            const QStringList parts = time.split(QLatin1Char(':'));
            qint64 seconds = 0;
            for (const QString& part : parts)
                seconds = seconds * 60 + part.toLongLong();
            QVERIFY2(seconds >= previous, qPrintable(times.join(QLatin1Char(','))));
            previous = seconds;
        }
    }

    // Notes the window does not show, saved by another program: found by their file stamps
    // when the application becomes active again (or a folder changes, or every 30 s).
    void notesSavedElsewhereAreReadAgain()
    {
        openVaultAt(QStringLiteral("index.md"));
        auto* timer = m_vault->findChild<QTimer*>(QStringLiteral("vaultChangeCheckTimer"));
        QVERIFY(timer && timer->isActive());
        QCOMPARE(timer->interval(), VaultSession::changeCheckMs);
        const QString second = QFileInfo(m_dir->filePath(QStringLiteral("talks/second_view.md"))).canonicalFilePath();
        QTRY_COMPARE(m_vault->backlinks(second).size(), 0);
        QVERIFY(m_vault->search(QStringLiteral("zebrafinch")).isEmpty());

        // Edited in place: no rename, so no folder event; nothing notices until asked.
        const QString source = m_dir->filePath(QStringLiteral("alpha/source.md"));
        QVERIFY(
            writeFile(source, sourceNote() + "\nA zebrafinch sings in [[second_view]] " + cite("00:09:00") + ".\n"));
        QTest::qWait(300);
        QVERIFY(m_vault->search(QStringLiteral("zebrafinch")).isEmpty());
        QSignalSpy changed(m_vault, &VaultSession::indexChanged);
        m_vault->checkForChanges();
        QTRY_VERIFY(changed.count() >= 1);
        QCOMPARE(m_vault->search(QStringLiteral("zebrafinch")).size(), 1);
        QCOMPARE(m_vault->backlinks(second).size(), 1);

        // Deleted: the folder's event starts the same check.
        QVERIFY(QFile::remove(m_dir->filePath(QStringLiteral("beta/target_note.md"))));
        QTRY_VERIFY(!m_vault->contains(m_dir->filePath(QStringLiteral("beta/target_note.md"))));
        QTRY_VERIFY(std::none_of(
            m_vault->overview().notes.begin(), m_vault->overview().notes.end(),
            [](const VaultNoteRow& row) { return row.relativePath == QLatin1String("beta/target_note.md"); }));
        // The shown note was not touched.
        QCOMPARE(m_parts.session->fileName(), QStringLiteral("index.md"));
    }

    void aNoteChangedOnDiskIsShownAgainAndADeletedOneSaysSo()
    {
        openVaultAt(QStringLiteral("beta/target_note.md"));
        QScrollBar* bar = m_parts.noteView->verticalScrollBar();
        bar->setValue(bar->maximum() / 2);
        const int scroll = bar->value();
        QVERIFY(scroll > 0);
        const QString path = m_dir->filePath(QStringLiteral("beta/target_note.md"));
        QVERIFY(writeFile(path, targetNote() + "\nA line added on disk " + cite("00:08:00") + ".\n"));
        QTRY_VERIFY_WITH_TIMEOUT(m_parts.noteView->toPlainText().contains(QLatin1String("A line added on disk")), 5000);
        QCOMPARE(bar->value(), scroll);
        QVERIFY(statusText(*m_window).contains(QLatin1String("changed on disk")));
        // The index follows: the new claim is found.
        QTRY_COMPARE(m_vault->search(QStringLiteral("added on disk")).size(), 1);

        QVERIFY(QFile::remove(path));
        QTRY_VERIFY_WITH_TIMEOUT(statusText(*m_window).contains(QLatin1String("deleted")), 5000);
        QVERIFY(m_parts.noteView->toPlainText().contains(QLatin1String("A line added on disk")));
        QTRY_VERIFY(!m_vault->contains(path));
        // The viewer never wrote anything: the other notes are as they were written.
        QFile source(m_dir->filePath(QStringLiteral("alpha/source.md")));
        QVERIFY(source.open(QIODevice::ReadOnly));
        QCOMPARE(source.readAll(), sourceNote());
    }

private:
    void writeVault()
    {
        const QDir root(m_dir->path());
        for (const char* folder : {"alpha", "beta", "talks", "junk"})
            QVERIFY(root.mkpath(QString::fromLatin1(folder)));
        QVERIFY(writeFile(m_dir->filePath(QStringLiteral("index.md")),
                          "# Index\n\nStart at [[source]]; the target is [[target_note]].\n"));
        QVERIFY(writeFile(m_dir->filePath(QStringLiteral("alpha/source.md")), sourceNote()));
        QVERIFY(writeFile(m_dir->filePath(QStringLiteral("beta/target_note.md")), targetNote()));
        QVERIFY(writeFile(m_dir->filePath(QStringLiteral("talks/second_view.md")),
                          "---\ntitle: Second view\nvideoId: i_4Jtcev5VY\n---\n\nAnother note on the talk "
                              + cite("00:00:30") + " and later " + cite("00:10:00") + ".\n"));
        QVERIFY(writeFile(m_dir->filePath(QStringLiteral("junk/binary.md")), QByteArray("PK\x03\x04\0\0\0binary", 13)));
        QVERIFY(
            QFile::copy(sampleNotePath(), m_dir->filePath(QStringLiteral("talks/irans_cyber_attacks_on_albania.md"))));
        // The video beside its notes, found by its [videoId] as yt-dlp names it.
        QVERIFY(QFile::link(sampleVideoPath(), m_dir->filePath(QStringLiteral("talks/Sample [i_4Jtcev5VY].mp4"))));
    }

    void openVault()
    {
        QVERIFY(m_window->openPath(m_dir->path()));
        QTRY_VERIFY_WITH_TIMEOUT(m_vault->isReady(), indexTimeout);
    }

    void openVaultAt(const QString& relativePath)
    {
        openVault();
        QVERIFY(m_window->openNote(m_dir->filePath(relativePath)));
        QCOMPARE(m_parts.session->path(), m_dir->filePath(relativePath));
    }

    static QStringList topLevelTexts(const QAbstractItemModel* model)
    {
        QStringList texts;
        for (int row = 0; row < model->rowCount(); ++row)
            texts << model->index(row, 0).data().toString();
        texts.sort(Qt::CaseInsensitive);
        return texts;
    }

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<MainWindow> m_window;
    WindowParts m_parts;
    VaultSession* m_vault = nullptr;
};

std::unique_ptr<QObject> makeVaultWindowTest()
{
    return std::make_unique<VaultWindowTest>();
}

#include "VaultWindowTest.moc"
