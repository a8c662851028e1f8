// The bad-input matrix (docs/robustness.md), in the real MainWindow: each broken note, video
// or vault link gives the user a clear message (status bar, player page or the diagnostics
// label) and the window keeps working. Test names: <row group>_<row>_<what the user sees>.
// Fixture notes are in tests/data/bad/; media are generated at build time or written here.

#include "note/NoteSession.h"
#include "note/NoteView.h"
#include "player/PlayerPanel.h"
#include "window/MainWindow.h"

#include "TestSupport.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QLabel>
#include <QMediaPlayer>
#include <QSettings>
#include <QStackedWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QTextBlock>
#include <QVideoFrame>
#include <QVideoSink>

#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <memory>

using namespace scholia::gui;
using namespace scholia::test;
using State = PlayerPanel::State;

namespace {

constexpr int mediaTimeout = 15000;

QString badNote(const char* name)
{
    return QStringLiteral(SCHOLIA_TEST_DATA_DIR "/bad/") + QLatin1String(name);
}

// A short note citing 0:01 and 0:02, for the short generated media.
QByteArray shortNote()
{
    return "---\ntitle: Short media\n---\n\n# Claims\n\n"
           "First <a class=\"yt-timestamp\" data-t=\"00:00:01\">[00:00:01]</a>.\n\n"
           "Second <a class=\"yt-timestamp\" data-t=\"00:00:02\">[00:00:02]</a>.\n";
}

}  // namespace

class BadInputTest : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void init()
    {
        QSettings().clear();
        m_window = std::make_unique<MainWindow>();
        m_window->show();
        QVERIFY(QTest::qWaitForWindowActive(m_window.get()));
        m_parts = partsOf(*m_window);
        QVERIFY(m_parts.complete());
        m_diagnostics = m_window->findChild<QLabel*>(QStringLiteral("diagnosticsLabel"));
        QVERIFY(m_diagnostics);
    }

    void cleanup()
    {
        m_window.reset();
        m_parts = {};
        m_diagnostics = nullptr;
    }

    // ---- Notes ----------------------------------------------------------------------------

    void note_emptyFile_opensWithNoProblems()
    {
        QVERIFY(m_window->openNote(badNote("empty.md")));
        QVERIFY2(statusText(*m_window).contains(QLatin1String("0 citations")), qPrintable(statusText(*m_window)));
        QCOMPARE(m_diagnostics->text(), QStringLiteral("No problems"));
        QCOMPARE(m_parts.player->state(), State::NoVideo);
        expectWindowStillWorks();
    }

    void note_binaryFile_isRefusedWithAMessage()
    {
        QVERIFY(!m_window->openNote(badNote("binary.md")));
        QVERIFY2(statusText(*m_window).contains(QLatin1String("binary.md is a binary file")),
                 qPrintable(statusText(*m_window)));
        QVERIFY(m_parts.noteView->toPlainText().contains(QLatin1String("Could not open the note")));
        expectWindowStillWorks();
    }

    void note_invalidUtf8_showsReplacementCharactersAndItsCitationWorks()
    {
        QVERIFY(m_window->openNote(badNote("invalid_utf8.md"), testVideoPath()));
        QVERIFY(m_parts.noteView->toPlainText().contains(QChar(0xFFFD)));
        QVERIFY(m_parts.noteView->toPlainText().contains(QLatin1String("truncated UTF-8")));
        QTRY_COMPARE_WITH_TIMEOUT(m_parts.player->state(), State::Ready, mediaTimeout);
        QVERIFY(clickAnchor(m_parts.noteView, citationHref(0)));
        QVERIFY2(statusText(*m_window).contains(QLatin1String("1:02")), qPrintable(statusText(*m_window)));
        expectWindowStillWorks();
    }

    void note_utf8Bom_readsTheFrontMatter()
    {
        QVERIFY(m_window->openNote(badNote("bom.md")));
        QCOMPARE(m_window->windowTitle(), QStringLiteral("With BOM - Scholia"));
        QCOMPARE(m_parts.session->videoId(), QStringLiteral("i_4Jtcev5VY"));
        QCOMPARE(m_diagnostics->text(), QStringLiteral("No problems"));
        QVERIFY(!m_parts.noteView->toPlainText().contains(QChar(0xFEFF)));
    }

    void note_crlfLineEnds_readLikeLf()
    {
        QVERIFY(m_window->openNote(badNote("crlf.md")));
        QCOMPARE(m_window->windowTitle(), QStringLiteral("CRLF note - Scholia"));
        QCOMPARE(m_parts.session->note().citations.size(), std::size_t(2));
        QCOMPARE(m_parts.session->note().citations[1].line, 12);
        QVERIFY(!m_parts.noteView->toPlainText().contains(QLatin1Char('\r')));
        // The only problem is the link to a note that is not there; its target has no '\r'.
        QCOMPARE(m_diagnostics->text(), QStringLiteral("1 warning"));
        QVERIFY2(m_diagnostics->toolTip().contains(QLatin1String("\"other note\": no such note")),
                 qPrintable(m_diagnostics->toolTip()));
    }

    void note_unterminatedFrontMatter_isAWarningAndTheTextShows()
    {
        QVERIFY(m_window->openNote(badNote("unterminated_front_matter.md")));
        QVERIFY2(m_diagnostics->text().contains(QLatin1String("warning")), qPrintable(m_diagnostics->text()));
        QVERIFY2(m_diagnostics->toolTip().contains(QLatin1String("no closing")), qPrintable(m_diagnostics->toolTip()));
        QVERIFY(m_parts.noteView->toPlainText().contains(QLatin1String("Never closed")));
        QCOMPARE(m_parts.session->note().citations.size(), std::size_t(1));
    }

    void note_frontMatterNotYaml_isAnErrorWithItsLine()
    {
        QVERIFY(m_window->openNote(badNote("front_matter_not_yaml.md")));
        QVERIFY2(m_diagnostics->text().contains(QLatin1String("error")), qPrintable(m_diagnostics->text()));
        QVERIFY2(m_diagnostics->toolTip().contains(QLatin1String("invalid front matter")),
                 qPrintable(m_diagnostics->toolTip()));
        QVERIFY(m_parts.noteView->toPlainText().contains(QLatin1String("Heading")));
        expectWindowStillWorks();
    }

    void note_frontMatterNotAMapping_isAWarning()
    {
        QVERIFY(m_window->openNote(badNote("front_matter_not_mapping.md")));
        QVERIFY2(m_diagnostics->toolTip().contains(QLatin1String("not a mapping")),
                 qPrintable(m_diagnostics->toolTip()));
        QVERIFY(m_parts.noteView->toPlainText().contains(QLatin1String("Heading")));
    }

    void note_videoIdMissing_thePlayerSaysSo()
    {
        QVERIFY(m_window->openNote(badNote("video_id_missing.md")));
        QCOMPARE(m_parts.player->state(), State::NoVideo);
        QCOMPARE(m_parts.player->messageTitle(), QStringLiteral("No video for this note"));
        QVERIFY(clickAnchor(m_parts.noteView, citationHref(0)));
        QVERIFY2(statusText(*m_window).contains(QLatin1String("0:10")), qPrintable(statusText(*m_window)));
    }

    void note_videoIdNotAString_isAWarningAndThePlayerSaysSo()
    {
        QVERIFY(m_window->openNote(badNote("video_id_not_string.md")));
        QVERIFY2(m_diagnostics->toolTip().contains(QLatin1String("`videoId` is not a string")),
                 qPrintable(m_diagnostics->toolTip()));
        QCOMPARE(m_parts.player->state(), State::NoVideo);
        QCOMPARE(m_parts.player->messageTitle(), QStringLiteral("No video for this note"));
    }

    void note_citation99_99_99_isFlaggedAndClickingItIsSafe()
    {
        QVERIFY(m_window->openNote(badNote("citation_99_99_99.md"), testVideoPath()));
        QTRY_COMPARE_WITH_TIMEOUT(m_parts.player->state(), State::Ready, mediaTimeout);
        const int bad = citationIndex(*m_parts.session, QStringLiteral("99:99:99"));
        QVERIFY(bad >= 0);
        QVERIFY2(m_diagnostics->toolTip().contains(QLatin1String("99:99:99")), qPrintable(m_diagnostics->toolTip()));
        QVERIFY(clickAnchor(m_parts.noteView, citationHref(bad)));
        // 99:99:99 lies past the end of a 20 s clip: the status bar says so and nothing seeks.
        QVERIFY2(statusText(*m_window).contains(QLatin1String("past the end")), qPrintable(statusText(*m_window)));
        const int good = citationIndex(*m_parts.session, QStringLiteral("00:01:00"));
        QVERIFY(good >= 0);
        QCOMPARE(m_parts.player->state(), State::Ready);
        expectWindowStillWorks();
    }

    void note_negativeAndEnormousNumbers_areFlaggedAndClickingThemIsSafe()
    {
        QVERIFY(m_window->openNote(badNote("citation_negative_enormous.md"), testVideoPath()));
        QTRY_COMPARE_WITH_TIMEOUT(m_parts.player->state(), State::Ready, mediaTimeout);
        const auto& citations = m_parts.session->note().citations;
        QCOMPARE(citations.size(), std::size_t(4));
        QVERIFY2(m_diagnostics->text() != QStringLiteral("No problems"), qPrintable(m_diagnostics->text()));
        for (int i = 0; i < 3; ++i) {
            // A time that cannot be read is no link at all (the diagnostic says why); the others
            // either seek somewhere inside the clip or say why they cannot.
            if (!citations[static_cast<std::size_t>(i)].resolution.ms) {
                QVERIFY(!findAnchor(m_parts.noteView->document(), citationHref(i)).isValid());
                continue;
            }
            QVERIFY(clickAnchor(m_parts.noteView, citationHref(i)));
            QVERIFY(!statusText(*m_window).isEmpty());
            QCOMPARE(m_parts.player->state(), State::Ready);
            QVERIFY(m_parts.player->position() >= 0);
        }
        const int fine = citationIndex(*m_parts.session, QStringLiteral("00:00:30"));
        QVERIFY(fine >= 0);
        QVERIFY(clickAnchor(m_parts.noteView, citationHref(fine)));
        // 0:30 is past the 20 s clip: said in words, like every other citation past the end.
        QVERIFY2(statusText(*m_window).contains(QLatin1String("past the end")), qPrintable(statusText(*m_window)));
        expectWindowStillWorks();
    }

    void note_directoryWithoutNotes_isRefusedWithAMessage()
    {
        QTemporaryDir dir;
        QVERIFY(QDir(dir.path()).mkdir(QStringLiteral("folder.md")));
        QVERIFY(!m_window->openNote(dir.filePath(QStringLiteral("folder.md"))));
        QVERIFY2(!statusText(*m_window).isEmpty(), "no message for a folder");
        QVERIFY2(statusText(*m_window).contains(QLatin1String("folder.md")), qPrintable(statusText(*m_window)));
        expectWindowStillWorks();
    }

    void note_fifoOrDevice_isRefusedWithoutBlocking()
    {
        QTemporaryDir dir;
        const QString fifo = dir.filePath(QStringLiteral("pipe.md"));
        QCOMPARE(::mkfifo(QFile::encodeName(fifo).constData(), 0600), 0);
        QVERIFY(!m_window->openNote(fifo));  // would block forever if it were opened for reading
        QVERIFY2(statusText(*m_window).contains(QLatin1String("pipe.md is not a note file")),
                 qPrintable(statusText(*m_window)));
        QVERIFY(!m_window->openNote(QStringLiteral("/dev/zero")));
        expectWindowStillWorks();
    }

    void note_unreadableFile_isRefusedWithAMessage()
    {
        if (::geteuid() == 0)
            QSKIP(
                "root reads every file: permissions cannot be tested (the FIFO row covers a file that cannot be read)");
        QTemporaryDir dir;
        const QString locked = dir.filePath(QStringLiteral("locked.md"));
        QVERIFY(writeFile(locked, "# Secret\n"));
        QVERIFY(QFile::setPermissions(locked, QFileDevice::WriteOwner));
        QVERIFY(!m_window->openNote(locked));
        QVERIFY2(statusText(*m_window).contains(QLatin1String("Cannot read locked.md")),
                 qPrintable(statusText(*m_window)));
        expectWindowStillWorks();
    }

    // ---- Media ----------------------------------------------------------------------------
    // Missing, 0-byte and random-bytes files: MainWindowTest (aMissingVideoFile..., anEmptyVideoFile...,
    // aCorruptVideoFile...). The rows below add the others.

    void media_textFileRenamedMp4_cannotPlayAndSaysSo()
    {
        QTemporaryDir dir;
        const QString fake = dir.filePath(QStringLiteral("lecture.mp4"));
        QVERIFY(writeFile(fake, QByteArray("These are my notes, not a video.\n").repeated(200)));
        QVERIFY(m_window->openNote(sampleNotePath(), fake));
        QTRY_COMPARE_WITH_TIMEOUT(m_parts.player->state(), State::Failed, mediaTimeout);
        QVERIFY(m_parts.player->messageTitle().contains(QLatin1String("lecture.mp4")));
        QVERIFY(statusText(*m_window).contains(QLatin1String("Cannot play")));
        expectWindowStillWorks();
    }

    void media_truncatedFile_failsOrPlaysWhatItHas()
    {
        QTemporaryDir dir;
        const QString truncated = dir.filePath(QStringLiteral("truncated.mp4"));
        QFile clip(testVideoPath());
        QVERIFY(clip.open(QIODevice::ReadOnly));
        QVERIFY(writeFile(truncated, clip.read(clip.size() / 3)));
        QVERIFY(m_window->openNote(writeShortNote(dir), truncated));
        QTRY_VERIFY_WITH_TIMEOUT(m_parts.player->state() != State::Loading, mediaTimeout);
        if (m_parts.player->state() == State::Failed) {
            QVERIFY(m_parts.player->messageTitle().contains(QLatin1String("truncated.mp4")));
        } else {
            // What is there plays; a seek past the cut ends or fails, never hangs nor crashes.
            QCOMPARE(m_parts.player->state(), State::Ready);
            QVERIFY(clickAnchor(m_parts.noteView, citationHref(1)));
            m_parts.player->seekAndPlay(15000);
            QTest::qWait(1500);
            QVERIFY(m_parts.player->state() == State::Ready || m_parts.player->state() == State::Failed);
        }
        QVERIFY(clickAnchor(m_parts.noteView, citationHref(0)));
        QVERIFY(!statusText(*m_window).isEmpty());
    }

    void media_audioOnly_playsAndShowsTheAudioOnlyPage()
    {
        QTemporaryDir dir;
        QVERIFY(m_window->openNote(writeShortNote(dir), QStringLiteral(SCHOLIA_AUDIO_ONLY_MEDIA)));
        QTRY_COMPARE_WITH_TIMEOUT(m_parts.player->state(), State::Ready, mediaTimeout);
        QVERIFY(m_parts.player->isAudioOnly());
        auto* label = m_window->findChild<QLabel*>(QStringLiteral("audioOnlyLabel"));
        QVERIFY(label);
        QTRY_VERIFY(label->isVisible());
        QVERIFY(label->text().contains(QLatin1String("Audio only")));
        QVERIFY(!m_window->findChild<QWidget*>(QStringLiteral("videoWidget"))->isVisible());
        QVERIFY2(statusText(*m_window).contains(QLatin1String("no picture")), qPrintable(statusText(*m_window)));

        // Citations seek the sound, and it plays.
        QVERIFY(clickAnchor(m_parts.noteView, citationHref(1)));
        QTRY_VERIFY_WITH_TIMEOUT(m_parts.player->isPlaying(), mediaTimeout);
        QTRY_VERIFY_WITH_TIMEOUT(m_parts.player->position() >= 1500, mediaTimeout);
        QVERIFY(label->isVisible());

        // A real video afterwards brings the picture back.
        QVERIFY(m_window->openNote(sampleNotePath(), testVideoPath()));
        QTRY_COMPARE_WITH_TIMEOUT(m_parts.player->state(), State::Ready, mediaTimeout);
        QVERIFY(!m_parts.player->isAudioOnly());
        QVERIFY(!label->isVisible());
    }

    void media_videoWithoutAudioTrack_playsItsPictures()
    {
        QTemporaryDir dir;
        QVERIFY(m_window->openNote(writeShortNote(dir), QStringLiteral(SCHOLIA_SILENT_VIDEO)));
        QTRY_COMPARE_WITH_TIMEOUT(m_parts.player->state(), State::Ready, mediaTimeout);
        QVERIFY(!m_parts.player->isAudioOnly());
        QVERIFY(m_window->findChild<QWidget*>(QStringLiteral("videoWidget"))->isVisible());
        QList<qint64> frameStartsUs;
        QObject listening;
        connect(m_parts.player->videoSink(), &QVideoSink::videoFrameChanged, &listening,
                [&frameStartsUs](const QVideoFrame& frame) { frameStartsUs << frame.startTime(); });
        QVERIFY(clickAnchor(m_parts.noteView, citationHref(1)));
        QTRY_VERIFY_WITH_TIMEOUT(
            std::any_of(frameStartsUs.begin(), frameStartsUs.end(), [](qint64 us) { return us >= 1'500'000; }),
            mediaTimeout);
    }

    void media_pathWithSpacesAndNonAscii_plays()
    {
        QTemporaryDir dir;
        const QString folder = dir.filePath(QStringLiteral("my notes (2024) — été"));
        QVERIFY(QDir().mkpath(folder));
        const QString video = folder + QStringLiteral("/Vidéo ünïcode 日本 [x].mp4");
        QVERIFY(QFile::copy(testVideoPath(), video));
        QVERIFY(m_window->openNote(writeShortNote(folder), video));
        QTRY_COMPARE_WITH_TIMEOUT(m_parts.player->state(), State::Ready, mediaTimeout);
        QVERIFY2(m_parts.player->state() == State::Ready, qPrintable(m_parts.player->messageDetail()));
        QCOMPARE(QFileInfo(m_parts.player->videoPath()).fileName(), QStringLiteral("Vidéo ünïcode 日本 [x].mp4"));
        QVERIFY(clickAnchor(m_parts.noteView, citationHref(1)));
        QTRY_VERIFY_WITH_TIMEOUT(m_parts.player->position() >= 1500, mediaTimeout);
    }

    // ---- Vault ----------------------------------------------------------------------------

    void vault_linkToEtcPasswd_staysOnTheNote()
    {
        QTemporaryDir dir;
        const QString note = dir.filePath(QStringLiteral("escape.md"));
        QVERIFY(writeFile(note, "# Escape\n\nSee [[../../etc/passwd]] and [[/etc/passwd]] and [[sub/../../x]].\n"));
        QVERIFY(m_window->openNote(note));
        const QFileInfo opened(m_parts.session->path());
        int clicked = 0;
        for (QTextBlock block = m_parts.noteView->document()->begin(); block.isValid(); block = block.next()) {
            for (auto it = block.begin(); !it.atEnd(); ++it) {
                const QString href = it.fragment().charFormat().anchorHref();
                if (!href.startsWith(QLatin1String("note:")))
                    continue;
                QVERIFY(clickAnchor(m_parts.noteView, [href](const QString& h) { return h == href; }));
                ++clicked;
                QCOMPARE(QFileInfo(m_parts.session->path()), opened);
                QVERIFY2(statusText(*m_window).contains(QLatin1String("staying on this note")),
                         qPrintable(statusText(*m_window)));
            }
        }
        QCOMPARE(clicked, 3);
        QVERIFY(!m_parts.noteView->toPlainText().contains(QLatin1String("root:")));
    }

    void vault_symlinkLoop_openingTheFolderDoesNotHang()
    {
        QTemporaryDir dir;
        QVERIFY(writeFile(dir.filePath(QStringLiteral("a note.md")), "# A note\n"));
        QVERIFY(QFile::link(dir.path(), dir.filePath(QStringLiteral("loop"))));
        QVERIFY(QFile::link(dir.filePath(QStringLiteral("loop2.md")), dir.filePath(QStringLiteral("loop1.md"))));
        QVERIFY(QFile::link(dir.filePath(QStringLiteral("loop1.md")), dir.filePath(QStringLiteral("loop2.md"))));
        m_window->openNote(dir.path());  // whichever note it picks, it must come back
        QVERIFY(!statusText(*m_window).isEmpty());
        QVERIFY(!m_window->openNote(dir.filePath(QStringLiteral("loop1.md"))));
        QVERIFY(!statusText(*m_window).isEmpty());
        expectWindowStillWorks();
    }

private:
    QString writeShortNote(const QTemporaryDir& dir) { return writeShortNote(dir.path()); }
    QString writeShortNote(const QString& folder)
    {
        const QString path = folder + QStringLiteral("/short.md");
        return writeFile(path, shortNote()) ? path : QString();
    }

    // After any bad input, the window still opens the sample and its citations answer.
    void expectWindowStillWorks()
    {
        QVERIFY(m_window->openNote(sampleNotePath()));
        QVERIFY(m_parts.noteView->toPlainText().contains(QLatin1String("Albania")));
        const int index = citationIndex(*m_parts.session, QStringLiteral("01:11:11"));
        QVERIFY(clickAnchor(m_parts.noteView, citationHref(index)));
        QVERIFY2(statusText(*m_window).contains(QLatin1String("1:11")), qPrintable(statusText(*m_window)));
    }

    std::unique_ptr<MainWindow> m_window;
    WindowParts m_parts;
    QLabel* m_diagnostics = nullptr;
};

std::unique_ptr<QObject> makeBadInputTest()
{
    return std::make_unique<BadInputTest>();
}

#include "BadInputTest.moc"
