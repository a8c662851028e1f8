// Taking notes while watching (issue #7), on the real MainWindow with the sample note copied
// into a temporary folder and its generated video: real keys and clicks, real files.

#include "annotations/AbLoop.h"
#include "annotations/AnnotationEditor.h"
#include "annotations/AnnotationFile.h"
#include "annotations/AnnotationSettings.h"
#include "annotations/AnnotationStore.h"
#include "common/CoreBridge.h"
#include "note/NoteParser.h"
#include "note/NoteResolver.h"
#include "note/NoteSession.h"
#include "note/NoteView.h"
#include "player/CitationSlider.h"
#include "player/PlayerPanel.h"
#include "window/MainWindow.h"
#include "window/PreferencesDialog.h"

#include "TestSupport.h"

#include <QAction>
#include <QCheckBox>
#include <QDir>
#include <QDoubleSpinBox>
#include <QFile>
#include <QFileInfo>
#include <QImage>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSettings>
#include <QTemporaryDir>
#include <QTest>
#include <QVideoFrame>
#include <QVideoSink>

#include <algorithm>
#include <cstdlib>
#include <memory>

using namespace scholia;
using namespace scholia::gui;
using namespace scholia::test;
using State = PlayerPanel::State;

namespace {

constexpr int mediaTimeout = 15000;

QByteArray readAll(const QString& path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

// Another program writing the file: plain, not atomic, as editors and sync tools do.
bool writeExternally(const QString& path, const QByteArray& bytes)
{
    QFile file(path);
    return file.open(QIODevice::WriteOnly | QIODevice::Truncate) && file.write(bytes) == bytes.size();
}

}  // namespace

class AnnotationsTest : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void init()
    {
        QSettings().clear();
        QVERIFY(m_dir.isValid());
        m_notePath = m_dir.filePath(QStringLiteral("irans_cyber_attacks_on_albania.md"));
        m_annotationsPath = m_dir.filePath(QStringLiteral("irans_cyber_attacks_on_albania.annotations.md"));
        QFile::remove(m_notePath);
        QFile::remove(m_annotationsPath);
        QDir(m_dir.filePath(QStringLiteral("attachments"))).removeRecursively();
        QVERIFY(QFile::copy(sampleNotePath(), m_notePath));
        m_noteBytes = readAll(m_notePath);

        m_window = std::make_unique<MainWindow>();
        m_window->show();
        QVERIFY(QTest::qWaitForWindowActive(m_window.get()));
        m_parts = partsOf(*m_window);
        QVERIFY(m_parts.complete());
        m_store = m_window->findChild<AnnotationStore*>(QStringLiteral("annotationStore"));
        m_editor = m_window->findChild<AnnotationEditor*>(QStringLiteral("annotationEditor"));
        QVERIFY(m_store && m_editor);
    }

    void cleanup()
    {
        m_window.reset();
        // Whatever happened, the user's note was never written.
        QCOMPARE(readAll(m_notePath), m_noteBytes);
    }

    // The note is rendered again when Back returns to it and when it changes on disk: the
    // user's annotations stay in it each time.
    void annotationsStayShownWhenTheNoteIsShownAgain()
    {
        const QString remark = QStringLiteral("my own remark on the attack");
        QVERIFY(writeExternally(m_annotationsPath, "- <a class=\"yt-timestamp\" data-t=\"00:00:30\">[00:00:30]</a> "
                                                       + remark.toUtf8() + "\n"));
        const QString other = m_dir.filePath(QStringLiteral("other_note.md"));
        QVERIFY(writeExternally(other,
                                "# Other\n\nA claim <a class=\"yt-timestamp\" data-t=\"00:00:10\">[00:00:10]</a>.\n"));
        QVERIFY(m_window->openNote(m_notePath));
        QTRY_VERIFY(m_parts.noteView->toPlainText().contains(remark));

        QVERIFY(m_window->openNote(other));
        QVERIFY(!m_parts.noteView->toPlainText().contains(remark));
        QTest::keyClick(m_parts.noteView, Qt::Key_Left, Qt::AltModifier);
        QTRY_COMPARE(m_parts.session->path(), m_notePath);
        QVERIFY2(m_parts.noteView->toPlainText().contains(remark), "Back showed the note without its annotations");

        m_noteBytes += "\nA line added by another program.\n";
        QVERIFY(writeExternally(m_notePath, m_noteBytes));
        QTRY_VERIFY(m_parts.noteView->toPlainText().contains(QStringLiteral("A line added by another program.")));
        QVERIFY2(m_parts.noteView->toPlainText().contains(remark), "the note changed on disk lost its annotations");
        QFile::remove(other);
    }

    // Ctrl+Enter at 1:11 (paused), type two lines, Ctrl+Enter: one line appended to the
    // annotations file, in the notes' citation format; shown in the note; its time seeks.
    void addWritesTheFileShowsItAndSeeks()
    {
        openWithVideo(sampleVideoPath());
        seekPaused(71000);
        QVERIFY(!QFileInfo::exists(m_annotationsPath));

        QTest::keyClick(m_parts.noteView, Qt::Key_Return, Qt::ControlModifier);
        QTRY_VERIFY(m_editor->isVisible());
        auto* edit = m_editor->findChild<QPlainTextEdit*>(QStringLiteral("annotationTextEdit"));
        QVERIFY(edit && edit->hasFocus());
        QTest::keyClicks(edit, QStringLiteral("Check the *source*"));
        QTest::keyClick(edit, Qt::Key_Return);
        QTest::keyClicks(edit, QStringLiteral("for 1:11 & <more>"));
        QTest::keyClick(edit, Qt::Key_Return, Qt::ControlModifier);
        QTRY_VERIFY(!m_editor->isVisible());

        const QByteArray file = readAll(m_annotationsPath);
        QVERIFY2(
            file.startsWith("---\ntitle: \"My notes on Irans cyber attacks on Albania\"\nvideoId: i_4Jtcev5VY\n---\n"),
            file.constData());
        const qint64 ms = m_store->annotations().at(0).ms;
        QVERIFY2(std::abs(ms - 71000) <= 250, qPrintable(QString::number(ms)));
        const QByteArray line = "- <a class=\"yt-timestamp\" data-t=\"" + QByteArray::fromStdString(formatDataT(ms))
                              + "\">[" + QByteArray::fromStdString(formatDataT(ms))
                              + "]</a> Check the *source*<br>for 1:11 & <more>\n";
        QVERIFY2(file.endsWith(line), file.constData());

        // Read back by the parser every note goes through: one claim, at that time.
        const Note parsed = resolveTimestamps(parseNote(file.toStdString()));
        QCOMPARE(parsed.frontMatter.videoId, std::string("i_4Jtcev5VY"));
        QCOMPARE(parsed.citations.size(), std::size_t(1));
        QCOMPARE(*parsed.citations[0].resolution.ms, ms);

        // Shown in the note, marked as the user's, after the claim at 1:11 and before 1:21.
        const QString html = m_parts.noteView->toHtml();
        const QString text = m_parts.noteView->toPlainText();
        // Rendered as Markdown like every note: emphasis applies, and a raw tag is not shown
        // (the file keeps it, as typed).
        QVERIFY2(text.contains(QStringLiteral("Check the source\nfor 1:11 &"))
                     || text.contains(QStringLiteral("Check the source\u2028for 1:11 &")),
                 qPrintable(text));
        QVERIFY(!text.contains(QStringLiteral("<more>")));
        QVERIFY(text.indexOf(QStringLiteral("a new mode of conflict is emerging"))
                < text.indexOf(QStringLiteral("Check the source")));
        QVERIFY(text.indexOf(QStringLiteral("Check the source")) < text.indexOf(QStringLiteral("The U.S. government")));

        // And a mark of its own on the seek bar, beside the citations' ticks.
        auto* slider = m_window->findChild<CitationSlider*>(QStringLiteral("positionSlider"));
        QVERIFY(slider);
        const QList<SeekBarMark> marks = slider->marks(QStringLiteral("annotations"));
        QCOMPARE(marks.size(), 1);
        QCOMPARE(marks[0].ms, ms);
        QVERIFY(marks[0].kind == SeekBarMark::Kind::Annotation);
        QVERIFY(!slider->marks(QStringLiteral("citations")).isEmpty());

        // Its time is a link that seeks.
        seekPaused(300000);
        QVERIFY(clickAnchor(m_parts.noteView, hrefStartsWith(QStringLiteral("seek:%1?a=0").arg(ms))));
        QTRY_VERIFY_WITH_TIMEOUT(std::abs(m_parts.player->position() - ms) <= 400, mediaTimeout);

        // Hidden with the toggle, back with it; the file is not touched by either.
        auto* toggle = m_window->findChild<QAction*>(QStringLiteral("showAnnotationsAction"));
        QVERIFY(toggle && toggle->isChecked());
        toggle->trigger();
        QVERIFY(!m_parts.noteView->toPlainText().contains(QStringLiteral("Check the source")));
        toggle->trigger();
        QVERIFY(m_parts.noteView->toPlainText().contains(QStringLiteral("Check the source")));
        QCOMPARE(readAll(m_annotationsPath), file);

        // Opening the note again reads the annotations back.
        m_window = std::make_unique<MainWindow>();
        m_window->show();
        m_parts = partsOf(*m_window);
        QVERIFY(m_window->openNote(m_notePath));
        QVERIFY(m_parts.noteView->toPlainText().contains(QStringLiteral("Check the source")));
    }

    void typingPausesAndSavingResumes()
    {
        openWithVideo(sampleVideoPath());
        m_parts.player->seekAndPlay(20000);
        QTRY_VERIFY_WITH_TIMEOUT(m_parts.player->isPlaying() && m_parts.player->position() > 20000, mediaTimeout);
        QTest::keyClick(m_parts.noteView, Qt::Key_Return, Qt::ControlModifier);
        QTRY_VERIFY(m_editor->isVisible());
        QTRY_VERIFY(!m_parts.player->isPlaying());
        const qint64 stamped = m_editor->ms();
        QVERIFY(std::abs(stamped - m_parts.player->position()) <= 400);
        // Esc cancels: nothing written, playback goes on.
        QTest::keyClick(m_editor->findChild<QPlainTextEdit*>(), Qt::Key_Escape);
        QTRY_VERIFY(!m_editor->isVisible());
        QTRY_VERIFY_WITH_TIMEOUT(m_parts.player->isPlaying(), mediaTimeout);
        QVERIFY(!QFileInfo::exists(m_annotationsPath));
    }

    void captureOffsetShiftsTheStamp()
    {
        QSettings().setValue(QStringLiteral("annotations/captureOffsetMs"), -3000);
        openWithVideo(sampleVideoPath());
        seekPaused(50000);
        const qint64 at = m_parts.player->position();
        QTest::keyClick(m_parts.noteView, Qt::Key_Return, Qt::ControlModifier);
        QTRY_VERIFY(m_editor->isVisible());
        QCOMPARE(m_editor->ms(), at - 3000);
    }

    // Preferences > Annotations: the offset, pausing, and where the file goes (never the note).
    void preferencesAndFileLocation()
    {
        PreferencesDialog dialog({}, m_window.get());
        auto* offset = dialog.findChild<QDoubleSpinBox*>(QStringLiteral("captureOffsetSpin"));
        auto* pause = dialog.findChild<QCheckBox*>(QStringLiteral("pauseWhileTypingCheck"));
        auto* file = dialog.findChild<QLineEdit*>(QStringLiteral("annotationsFileEdit"));
        QVERIFY(offset && pause && file);
        QCOMPARE(file->text(), QStringLiteral("{name}.annotations.md"));
        offset->setValue(-2.5);
        pause->setChecked(false);
        file->setText(QStringLiteral("mine/{name}.md"));
        dialog.accept();
        QCOMPARE(AnnotationSettings::captureOffsetMs(), qint64(-2500));
        QVERIFY(!AnnotationSettings::pauseWhileTyping());

        // The new place applies to the next note opened; an embedded capture still shows.
        openWithVideo(sampleVideoPath());
        QCOMPARE(m_store->path(), m_dir.filePath(QStringLiteral("mine/irans_cyber_attacks_on_albania.md")));
        QVERIFY(m_store->add(5000, QStringLiteral("in a subfolder")));
        QVERIFY(m_parts.noteView->toPlainText().contains(QStringLiteral("in a subfolder")));
        seekPaused(7000);
        QTRY_VERIFY_WITH_TIMEOUT(m_parts.player->videoSink()->videoFrame().isValid(), mediaTimeout);
        QTest::keyClick(m_parts.noteView, Qt::Key_S, Qt::ControlModifier | Qt::ShiftModifier);
        QCOMPARE(m_store->annotations().size(), std::size_t(2));
        QVERIFY(
            QString::fromStdString(m_store->annotations().at(1).text).startsWith(QStringLiteral("![[attachments/")));
        QVERIFY2(m_parts.noteView->toHtml().contains(QStringLiteral("src=\"mine/attachments/")),
                 qPrintable(m_parts.noteView->toHtml()));
        QVERIFY2(m_parts.noteView->refusedResources().isEmpty(),
                 qPrintable(m_parts.noteView->refusedResources().join(',')));
        QDir(m_dir.filePath(QStringLiteral("mine"))).removeRecursively();

        // Never the note itself, never outside the note's folder.
        QCOMPARE(AnnotationSettings::annotationsPathFor(m_notePath, QStringLiteral("{name}.md")), QString());
        QCOMPARE(AnnotationSettings::annotationsPathFor(m_notePath, QStringLiteral("../{name}.notes.md")), QString());
        QCOMPARE(AnnotationSettings::annotationsPathFor(m_notePath, QStringLiteral("/tmp/x.md")), QString());
    }

    // The file changes on disk while Scholia has it open: additions on both sides are kept;
    // the same line changed both ways asks, and "keep both" keeps both.
    void concurrentExternalChangeIsMerged()
    {
        openWithVideo(sampleVideoPath());
        QVERIFY(m_store->add(10000, QStringLiteral("mine, first")));
        const QByteArray written = readAll(m_annotationsPath);

        // Another program appends a line; before Scholia hears of it, the user adds one.
        const QByteArray theirs = written + "- <a class=\"yt-timestamp\" data-t=\"00:00:30\">[00:00:30]</a> theirs\n";
        QVERIFY(writeExternally(m_annotationsPath, theirs));
        QVERIFY(m_store->add(20000, QStringLiteral("mine, second")));
        const QByteArray merged = readAll(m_annotationsPath);
        QVERIFY2(merged.startsWith(theirs), merged.constData());
        QVERIFY(merged.endsWith("</a> mine, second\n"));
        QVERIFY(statusText(*m_window).contains(QStringLiteral("merged")));
        QCOMPARE(m_store->annotations().size(), std::size_t(3));

        // The same line edited both ways (here while the user had it in the editor): asked,
        // and "keep both" keeps both.
        QString asked;
        m_store->setConflictHandler([&asked](const QString& question) {
            asked = question;
            return true;
        });
        const Annotation first = m_store->annotations().at(0);
        QByteArray edited = merged;
        edited.replace("mine, first", "their edit of the first");
        QVERIFY(writeExternally(m_annotationsPath, edited));
        QVERIFY(m_store->edit(first, QStringLiteral("my edit of the first")));
        QVERIFY(asked.contains(QStringLiteral("changed or removed in another program")));
        QByteArray both = readAll(m_annotationsPath);
        QVERIFY2(both.startsWith(edited), both.constData());
        QVERIFY2(both.endsWith("data-t=\"00:00:10\">[00:00:10]</a> my edit of the first\n"), both.constData());

        // Told no: the file stays exactly as the other program left it, and the status says so.
        m_store->setConflictHandler([](const QString&) { return false; });
        const Annotation second = m_store->annotations().at(2);
        QCOMPARE(second.text, std::string("mine, second"));
        QByteArray changedThere = both;
        changedThere.replace("mine, second", "second, changed there");
        QVERIFY(writeExternally(m_annotationsPath, changedThere));
        QVERIFY(!m_store->edit(second, QStringLiteral("x")));
        QCOMPARE(readAll(m_annotationsPath), changedThere);
        QVERIFY(statusText(*m_window).contains(QStringLiteral("your edit was not written")));
    }

    // The file deleted in another program: the next annotation starts a new, whole file.
    void aDeletedFileIsStartedAgainWithItsHeader()
    {
        openWithVideo(sampleVideoPath());
        QVERIFY(m_store->add(10000, QStringLiteral("first")));
        const QByteArray header = readAll(m_annotationsPath).left(readAll(m_annotationsPath).indexOf("- <a"));
        QVERIFY(header.startsWith("---\n"));
        QVERIFY(QFile::remove(m_annotationsPath));
        QVERIFY(m_store->add(20000, QStringLiteral("second")));
        const QByteArray again = readAll(m_annotationsPath);
        QVERIFY2(again.startsWith(header), again.constData());
        QVERIFY(again.contains("second"));
        QVERIFY(!again.contains("first"));  // deleted there, and not brought back
        QCOMPARE(readAnnotations(again.toStdString()).size(), std::size_t(1));
    }

    // The watcher picks up a change made elsewhere and the note pane shows it.
    void externalChangeIsShown()
    {
        openWithVideo(sampleVideoPath());
        QVERIFY(m_store->add(10000, QStringLiteral("mine")));
        const QByteArray written = readAll(m_annotationsPath);
        QVERIFY(writeExternally(
            m_annotationsPath,
            written + "- <a class=\"yt-timestamp\" data-t=\"00:02:00\">[00:02:00]</a> added in Obsidian\n"));
        QTRY_VERIFY_WITH_TIMEOUT(m_parts.noteView->toPlainText().contains(QStringLiteral("added in Obsidian")), 5000);
        QTRY_VERIFY(statusText(*m_window).contains(QStringLiteral("changed in another program")));
    }

    // Ctrl+Z in the note pane reverts the last add, edit or delete, keeping others' changes.
    void undoRevertsTheLastChange()
    {
        openWithVideo(sampleVideoPath());
        auto* undo = m_window->findChild<QAction*>(QStringLiteral("undoAnnotationAction"));
        QVERIFY(undo && !undo->isEnabled());
        QVERIFY(m_store->add(10000, QStringLiteral("one")));
        QVERIFY(m_store->add(20000, QStringLiteral("two")));
        QVERIFY(undo->isEnabled());
        const QByteArray afterTwo = readAll(m_annotationsPath);
        // Someone else adds a line meanwhile.
        const QByteArray external
            = afterTwo + "- <a class=\"yt-timestamp\" data-t=\"00:00:30\">[00:00:30]</a> theirs\n";
        QVERIFY(writeExternally(m_annotationsPath, external));

        m_parts.noteView->setFocus();
        QTest::keyClick(m_parts.noteView, Qt::Key_Z, Qt::ControlModifier);
        auto texts = [this] {
            QStringList out;
            for (const Annotation& a : m_store->annotations())
                out << toQString(a.text);
            return out;
        };
        QCOMPARE(texts(), QStringList({QStringLiteral("one"), QStringLiteral("theirs")}));

        // Undo a delete made by clicking its link in the note.
        QVERIFY(clickAnchor(m_parts.noteView, hrefStartsWith(QStringLiteral("annotation:delete/0"))));
        QCOMPARE(texts(), QStringList({QStringLiteral("theirs")}));
        QTest::keyClick(m_parts.noteView, Qt::Key_Z, Qt::ControlModifier);
        QCOMPARE(texts(), QStringList({QStringLiteral("one"), QStringLiteral("theirs")}));
        QTest::keyClick(m_parts.noteView, Qt::Key_Z, Qt::ControlModifier);  // the first add
        QCOMPARE(texts(), QStringList({QStringLiteral("theirs")}));
        QVERIFY(!undo->isEnabled());
    }

    // "edit" in the note opens the inline editor with the text; saving changes only that line.
    void editAndDeleteInPlace()
    {
        openWithVideo(sampleVideoPath());
        QVERIFY(m_store->add(60000, QStringLiteral("first\nsecond line")));
        QVERIFY(m_store->add(120000, QStringLiteral("keep me")));
        QVERIFY(clickAnchor(m_parts.noteView, hrefStartsWith(QStringLiteral("annotation:edit/0"))));
        QTRY_VERIFY(m_editor->isVisible());
        auto* edit = m_editor->findChild<QPlainTextEdit*>(QStringLiteral("annotationTextEdit"));
        QCOMPARE(edit->toPlainText(), QStringLiteral("first\nsecond line"));
        // Ctrl+Z in the editor undoes typing, not the last annotation change.
        QTest::keyClicks(edit, QStringLiteral(" oops"));
        QTest::keyClick(edit, Qt::Key_Z, Qt::ControlModifier);
        QCOMPARE(edit->toPlainText(), QStringLiteral("first\nsecond line"));
        QCOMPARE(m_store->annotations().size(), std::size_t(2));
        QTest::keyClicks(edit, QStringLiteral(", edited"));
        QTest::mouseClick(m_editor->findChild<QPushButton*>(QStringLiteral("annotationSaveButton")), Qt::LeftButton);
        QTRY_VERIFY(!m_editor->isVisible());
        QCOMPARE(m_store->annotations().at(0).text, std::string("first\nsecond line, edited"));
        QCOMPARE(m_store->annotations().at(0).ms, qint64(60000));
        QVERIFY(m_parts.noteView->toPlainText().contains(QStringLiteral("second line, edited")));

        QVERIFY(clickAnchor(m_parts.noteView, hrefStartsWith(QStringLiteral("annotation:delete/1"))));
        QCOMPARE(m_store->annotations().size(), std::size_t(1));
        QVERIFY(!readAll(m_annotationsPath).contains("keep me"));
        QVERIFY(!m_parts.noteView->toPlainText().contains(QStringLiteral("keep me")));
    }

    // Capture: a PNG of the video's size (320x180), at the player's position (paused: the frame
    // shown is the one there), embedded in an annotation at that time and shown in the note
    // from inside the note's folder.
    void captureFrameSavesAPngAtThePosition()
    {
        openWithVideo(sampleVideoPath());
        seekPaused(95000);
        QVideoSink* sink = m_parts.player->videoSink();
        QTRY_VERIFY_WITH_TIMEOUT(sink->videoFrame().isValid()
                                     && std::abs(sink->videoFrame().startTime() / 1000 - m_parts.player->position())
                                            <= 250,
                                 mediaTimeout);
        const qint64 position = m_parts.player->position();

        QTest::keyClick(m_parts.noteView, Qt::Key_S, Qt::ControlModifier | Qt::ShiftModifier);
        QCOMPARE(m_store->annotations().size(), std::size_t(1));
        const Annotation& annotation = m_store->annotations().at(0);
        // The picture's own time, which paused is the player's position to within a frame (5 fps).
        QCOMPARE(annotation.ms, sink->videoFrame().startTime() / 1000);
        QVERIFY2(std::abs(annotation.ms - position) <= 200, qPrintable(QString::number(annotation.ms - position)));
        QVERIFY2(QString::fromStdString(annotation.text).startsWith(QStringLiteral("![[attachments/")),
                 annotation.text.c_str());
        const QString relative = QString::fromStdString(annotation.text).mid(3).chopped(2);
        const QImage png(m_dir.filePath(relative));
        QCOMPARE(png.size(), QSize(320, 180));
        // The frame shown at the capture time: the same picture as the sink's frame there.
        QCOMPARE(png.convertToFormat(QImage::Format_RGB32),
                 sink->videoFrame().toImage().convertToFormat(QImage::Format_RGB32));

        // Rendered as an image loaded from the note's folder, not refused.
        QVERIFY(m_parts.noteView->toHtml().contains(relative));
        QVERIFY2(m_parts.noteView->refusedResources().isEmpty(),
                 qPrintable(m_parts.noteView->refusedResources().join(',')));
    }

    // A-B loop set with the shortcuts: playback never runs far past B and comes back to A.
    void loopBoundsHold()
    {
        openWithVideo(testVideoPath());
        seekPaused(2000);
        QTest::keyClick(m_parts.noteView, Qt::Key_A, Qt::ControlModifier | Qt::ShiftModifier);
        seekPaused(3500);
        QTest::keyClick(m_parts.noteView, Qt::Key_B, Qt::ControlModifier | Qt::ShiftModifier);
        AbLoop* loop = m_parts.player->abLoop();
        QVERIFY(loop->isActive());
        QCOMPARE(loop->a(), qint64(2000));
        QVERIFY(std::abs(loop->b() - 3500) <= 250);

        QList<qint64> positions;
        connect(m_parts.player, &PlayerPanel::positionChanged, this, [&positions](qint64 ms) { positions << ms; });
        QTRY_VERIFY_WITH_TIMEOUT(m_parts.player->isPlaying(), mediaTimeout);
        QTest::qWait(4500);  // three times round
        QVERIFY(positions.size() > 10);
        int wraps = 0;
        for (int i = 0; i < positions.size(); ++i) {
            QVERIFY2(positions[i] <= loop->b() + 500, qPrintable(QString::number(positions[i])));
            QVERIFY2(positions[i] >= 2000 - 300, qPrintable(QString::number(positions[i])));
            if (i > 0 && positions[i] < positions[i - 1] - 500)
                ++wraps;
        }
        QVERIFY2(wraps >= 2, qPrintable(QString::number(wraps)));
        qint64 overshoot = 0;
        for (const qint64 ms : positions)
            overshoot = std::max(overshoot, ms - loop->b());
        qInfo("A-B loop %lld-%lld ms: %d wraps, %lld position reports, at most %lld ms reported past B", loop->a(),
              loop->b(), wraps, static_cast<long long>(positions.size()), static_cast<long long>(overshoot));

        QTest::keyClick(m_parts.noteView, Qt::Key_X, Qt::ControlModifier | Qt::ShiftModifier);
        QVERIFY(!loop->isActive());
    }

    // "Loop this claim" after clicking a citation: from it to the next time the note cites.
    void loopThisClaim()
    {
        openWithVideo(sampleVideoPath());
        QVERIFY(
            clickAnchor(m_parts.noteView, citationHref(citationIndex(*m_parts.session, QStringLiteral("01:11:11")))));
        QTest::keyClick(m_parts.noteView, Qt::Key_L, Qt::ControlModifier | Qt::ShiftModifier);
        AbLoop* loop = m_parts.player->abLoop();
        QVERIFY(loop->isActive());
        QCOMPARE(loop->a(), qint64(71000));
        QCOMPARE(loop->b(), qint64(81000));
        QTRY_VERIFY_WITH_TIMEOUT(m_parts.player->isPlaying() && m_parts.player->position() >= 71000, mediaTimeout);
        QVERIFY(m_parts.player->position() < 81000);
        QTest::keyClick(m_parts.noteView, Qt::Key_L, Qt::ControlModifier | Qt::ShiftModifier);
        QVERIFY(!loop->isActive());
    }

private:
    void openWithVideo(const QString& video)
    {
        QVERIFY(m_window->openNote(m_notePath, video));
        QTRY_COMPARE_WITH_TIMEOUT(m_parts.player->state(), State::Ready, mediaTimeout);
        m_parts.noteView->setFocus();
    }

    void seekPaused(qint64 ms)
    {
        m_parts.player->pause();
        m_parts.player->mediaPlayer()->setPosition(ms);
        QTRY_VERIFY_WITH_TIMEOUT(std::abs(m_parts.player->position() - ms) <= 250, mediaTimeout);
    }

    QTemporaryDir m_dir;
    QString m_notePath;
    QString m_annotationsPath;
    QByteArray m_noteBytes;
    std::unique_ptr<MainWindow> m_window;
    WindowParts m_parts;
    AnnotationStore* m_store = nullptr;
    AnnotationEditor* m_editor = nullptr;
};

std::unique_ptr<QObject> makeAnnotationsTest()
{
    return std::make_unique<AnnotationsTest>();
}

#include "AnnotationsTest.moc"
