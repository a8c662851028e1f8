// Follow along (issue #5), through the real MainWindow with the sample note and its 13:40 video:
// the note follows playback, the seek bar carries the citations, the outline and the transcript
// seek, "Show what was said" shows the transcript around a claim, diagnostics lead into the note.

#include "common/CoreBridge.h"
#include "follow/NoteFollower.h"
#include "follow/OutlinePane.h"
#include "follow/PlaybackFollower.h"
#include "follow/SpokenContextPopup.h"
#include "follow/TranscriptPane.h"
#include "note/NoteSession.h"
#include "note/NoteView.h"
#include "player/CitationSlider.h"
#include "player/PlayerPanel.h"
#include "window/MainWindow.h"

#include "TestSupport.h"

#include <QAction>
#include <QApplication>
#include <QContextMenuEvent>
#include <QDockWidget>
#include <QFile>
#include <QFileInfo>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QListWidget>
#include <QMenu>
#include <QPushButton>
#include <QScrollBar>
#include <QSettings>
#include <QTemporaryDir>
#include <QTest>
#include <QTextBlock>
#include <QTimer>
#include <QToolTip>
#include <QTreeWidget>
#include <QWheelEvent>

#include <algorithm>
#include <memory>

using namespace scholia::gui;
using namespace scholia::test;
using State = PlayerPanel::State;

namespace {

constexpr int mediaTimeout = 15000;  // ms: media loads asynchronously; generous on a busy machine

QString fixturePath(const QString& name)
{
    return QStringLiteral(SCHOLIA_TEST_DATA "/") + name;
}

// The claim holding the citation written `written` in the session's note.
int claimOfCitation(const NoteSession& session, const QString& written)
{
    const int index = citationIndex(session, written);
    return index < 0 ? -1 : session.citation(index)->claim;
}

qint64 citationMs(const NoteSession& session, const QString& written)
{
    const int index = citationIndex(session, written);
    const scholia::Citation* citation = index < 0 ? nullptr : session.citation(index);
    return citation && citation->resolution.ms ? *citation->resolution.ms : -1;
}

// Whether `text` is in the note and shown entirely inside the view's viewport.
bool isTextInView(NoteView* view, const QString& text)
{
    const QTextCursor found = view->document()->find(text);
    if (found.isNull())
        return false;
    QTextCursor start(view->document());
    start.setPosition(found.selectionStart());
    QTextCursor end(view->document());
    end.setPosition(found.selectionEnd());
    const QRect viewport = view->viewport()->rect();
    return viewport.contains(view->cursorRect(start)) && viewport.contains(view->cursorRect(end));
}

// The text of the view's follow highlight, or empty when nothing is highlighted.
QString highlightedText(NoteView* view)
{
    for (const QTextEdit::ExtraSelection& selection : view->extraSelections()) {
        if (selection.cursor.hasSelection())
            return selection.cursor.selectedText();
    }
    return {};
}

// A real mouse wheel turn over the note's text, as a user scrolling by hand.
void turnWheel(NoteView* view, int steps)
{
    const QPoint pos = view->viewport()->rect().center();
    QWheelEvent wheel(pos, view->viewport()->mapToGlobal(pos), QPoint(), QPoint(0, 120 * steps), Qt::NoButton,
                      Qt::NoModifier, Qt::NoScrollPhase, false);
    QApplication::sendEvent(view->viewport(), &wheel);
}

}  // namespace

class FollowAlongTest : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY2(QFileInfo(sampleVideoPath()).isFile(), "build the sample_video target first");
        QVERIFY(QFileInfo(fixturePath(QStringLiteral("transcripts/Sample [i_4Jtcev5VY].en.vtt"))).isFile());
    }

    void init()
    {
        QSettings().clear();
        m_window = std::make_unique<MainWindow>();
        m_window->show();
        QVERIFY(QTest::qWaitForWindowActive(m_window.get()));
        m_parts = partsOf(*m_window);
        QVERIFY(m_parts.complete());
        m_follower = m_window->findChild<NoteFollower*>(QStringLiteral("noteFollower"));
        QVERIFY(m_follower);
    }

    void cleanup()
    {
        m_window.reset();
        m_parts = {};
        m_follower = nullptr;
    }

    void settingThePositionHighlightsItsClaimAndScrollsItIntoView()
    {
        openSampleWithVideo(sampleVideoPath());
        // "Terrorist Designation ... by the late 1990s 07:05:00" is far below the first screen.
        const QString claimText = QStringLiteral("listed MEK as a terrorist organization");
        QVERIFY(!isTextInView(m_parts.noteView, claimText));
        const int claim = claimOfCitation(*m_parts.session, QStringLiteral("07:05:00"));
        QVERIFY(claim >= 0);
        const qint64 ms = citationMs(*m_parts.session, QStringLiteral("07:05:00"));
        QCOMPARE(ms, 425000);

        // Paused, the highlight moves and the view does not: the reader may be elsewhere.
        m_parts.player->mediaPlayer()->setPosition(ms + 2000);
        QTRY_COMPARE_WITH_TIMEOUT(m_follower->activeClaimId(), QStringLiteral("claim-%1").arg(claim), mediaTimeout);
        QVERIFY2(highlightedText(m_parts.noteView).contains(claimText), qPrintable(highlightedText(m_parts.noteView)));
        QCOMPARE(m_parts.noteView->verticalScrollBar()->value(), 0);
        // Playing, the claim is brought into view.
        m_parts.player->play();
        QTRY_VERIFY_WITH_TIMEOUT(isTextInView(m_parts.noteView, claimText), mediaTimeout);

        // Before that citation, the claim before it (the 06:52:00 one) is the one followed.
        m_parts.player->pause();
        m_parts.player->mediaPlayer()->setPosition(ms - 5000);
        const int previous = claimOfCitation(*m_parts.session, QStringLiteral("06:52:00"));
        QTRY_COMPARE_WITH_TIMEOUT(m_follower->activeClaimId(), QStringLiteral("claim-%1").arg(previous), mediaTimeout);
        QVERIFY(highlightedText(m_parts.noteView).contains(QLatin1String("suppress")));
        // ... and the outline marks its section.
        auto* outline = m_window->findChild<OutlinePane*>(QStringLiteral("outlinePane"));
        QVERIFY(outline && outline->currentSection());
        QCOMPARE(toQString(m_parts.session->note().outline[static_cast<std::size_t>(*outline->currentSection())].text),
                 QStringLiteral("The People's Mojahedin Organization of Iran (MEK)"));
    }

    void scrollingByHandPausesFollowingUntilBackToPlayback()
    {
        openSampleWithVideo(sampleVideoPath());
        auto* back = m_window->findChild<QPushButton*>(QStringLiteral("backToPlaybackButton"));
        QVERIFY(back);
        QVERIFY(!back->isVisible());
        const qint64 first = citationMs(*m_parts.session, QStringLiteral("07:05:00"));
        m_parts.player->seekAndPlay(first + 1000);
        QTRY_VERIFY_WITH_TIMEOUT(isTextInView(m_parts.noteView, QStringLiteral("listed MEK")), mediaTimeout);

        turnWheel(m_parts.noteView, 5);  // up, away from the claim
        QVERIFY(m_follower->isPaused());
        QVERIFY(back->isVisible());
        QScrollBar* bar = m_parts.noteView->verticalScrollBar();
        const int scrolled = bar->value();

        // The video moves on: the highlight follows, the view stays where the reader put it.
        const QString laterText = QStringLiteral("troll farms");
        const qint64 later = citationMs(*m_parts.session, QStringLiteral("08:32:00"));
        m_parts.player->mediaPlayer()->setPosition(later + 1000);
        QTRY_VERIFY_WITH_TIMEOUT(highlightedText(m_parts.noteView).contains(laterText), mediaTimeout);
        QCOMPARE(bar->value(), scrolled);
        QVERIFY(!isTextInView(m_parts.noteView, laterText));

        QTest::mouseClick(back, Qt::LeftButton);
        QVERIFY(!m_follower->isPaused());
        QVERIFY(!back->isVisible());
        QVERIFY(isTextInView(m_parts.noteView, laterText));

        // Page Up in the note is scrolling by hand too; a click on a citation resumes following.
        m_parts.noteView->setFocus();
        QTest::keyClick(m_parts.noteView, Qt::Key_PageUp);
        QVERIFY(m_follower->isPaused());
        QVERIFY(back->isVisible());
        QVERIFY(
            clickAnchor(m_parts.noteView, citationHref(citationIndex(*m_parts.session, QStringLiteral("00:00:52")))));
        QVERIFY(!m_follower->isPaused());
        QVERIFY(!back->isVisible());
    }

    void aCitationInTheHighlightedClaimStillSeeks()
    {
        openSampleWithVideo(sampleVideoPath());
        m_parts.player->seekAndPlay(citationMs(*m_parts.session, QStringLiteral("01:21:21")) + 500);
        QTRY_VERIFY_WITH_TIMEOUT(highlightedText(m_parts.noteView).contains(QLatin1String("interstate")), mediaTimeout);
        const int index = citationIndex(*m_parts.session, QStringLiteral("01:33:04"));
        QVERIFY(clickAnchor(m_parts.noteView, citationHref(index)));
        QTRY_VERIFY_WITH_TIMEOUT(std::abs(m_parts.player->position() - 93000) <= 1000, mediaTimeout);
    }

    void theViewNeverMovesWhileTextIsSelected()
    {
        openSampleWithVideo(sampleVideoPath());
        QTextCursor selection(m_parts.noteView->document());
        selection.setPosition(5);
        selection.setPosition(20, QTextCursor::KeepAnchor);
        m_parts.noteView->setTextCursor(selection);
        const int scroll = m_parts.noteView->verticalScrollBar()->value();
        m_parts.player->seekAndPlay(citationMs(*m_parts.session, QStringLiteral("08:32:00")) + 500);
        QTRY_VERIFY_WITH_TIMEOUT(highlightedText(m_parts.noteView).contains(QLatin1String("troll farms")),
                                 mediaTimeout);
        QCOMPARE(m_parts.noteView->verticalScrollBar()->value(), scroll);
        QVERIFY(m_parts.noteView->textCursor().hasSelection());
    }

    void followPlaybackCanBeTurnedOffAndTheChoiceIsRemembered()
    {
        openSampleWithVideo(sampleVideoPath());
        auto* follow = m_window->findChild<QAction*>(QStringLiteral("followPlaybackAction"));
        QVERIFY(follow && follow->isCheckable());
        QVERIFY(follow->isChecked());
        m_parts.player->mediaPlayer()->setPosition(citationMs(*m_parts.session, QStringLiteral("00:00:19")) + 500);
        QTRY_VERIFY_WITH_TIMEOUT(!highlightedText(m_parts.noteView).isEmpty(), mediaTimeout);

        follow->trigger();
        QVERIFY(!follow->isChecked());
        QVERIFY(highlightedText(m_parts.noteView).isEmpty());
        m_parts.player->seekAndPlay(citationMs(*m_parts.session, QStringLiteral("08:32:00")) + 500);
        QTRY_VERIFY_WITH_TIMEOUT(m_parts.player->isPlaying() && m_parts.player->position() > 512000, mediaTimeout);
        QVERIFY(highlightedText(m_parts.noteView).isEmpty());
        QCOMPARE(m_parts.noteView->verticalScrollBar()->value(), 0);

        m_window.reset();
        MainWindow again;
        auto* followAgain = again.findChild<QAction*>(QStringLiteral("followPlaybackAction"));
        QVERIFY(followAgain && !followAgain->isChecked());
    }

    void theSeekBarHasOneTickPerCitationAndItsClaimOnHover()
    {
        openSampleWithVideo(sampleVideoPath());
        auto* slider = m_window->findChild<CitationSlider*>(QStringLiteral("positionSlider"));
        QVERIFY(slider);
        QList<qint64> expected;
        for (const scholia::Citation& citation : m_parts.session->note().citations) {
            if (citation.resolution.ms)
                expected << *citation.resolution.ms;
        }
        QVERIFY(expected.size() > 60);
        QList<qint64> ticks;
        int sections = 0;
        for (const SeekBarMark& mark : slider->marks(QStringLiteral("citations"))) {
            if (mark.kind == SeekBarMark::Kind::Citation)
                ticks << mark.ms;
            else if (mark.kind == SeekBarMark::Kind::Section)
                ++sections;
        }
        std::sort(expected.begin(), expected.end());
        QCOMPARE(ticks, expected);
        QVERIFY(sections >= 5);  // the sample's ## sections

        // Hovering the 13:17 tick (the last, alone at the end of the bar) shows its claim.
        const qint64 last = expected.last();
        QTRY_COMPARE_WITH_TIMEOUT(slider->maximum(), int(m_parts.player->mediaPlayer()->duration()), mediaTimeout);
        const QPoint tick = slider->pointForMs(last);
        QHelpEvent help(QEvent::ToolTip, tick, slider->mapToGlobal(tick));
        QApplication::sendEvent(slider, &help);
        QTRY_VERIFY(QToolTip::isVisible());
        QVERIFY2(QToolTip::text().contains(clockText(last)), qPrintable(QToolTip::text()));
        const int lastClaim = m_parts.session->note().citations.back().claim;
        QVERIFY(lastClaim >= 0);
        const QString claimStart
            = toQString(m_parts.session->note().claims[static_cast<std::size_t>(lastClaim)].text).left(30);
        QVERIFY2(QToolTip::text().contains(claimStart), qPrintable(QToolTip::text()));
        QToolTip::hideText();
    }

    void clickingATickSeeksToItsCitation()
    {
        openSampleWithVideo(sampleVideoPath());
        auto* slider = m_window->findChild<CitationSlider*>(QStringLiteral("positionSlider"));
        QVERIFY(slider);
        QTRY_COMPARE_WITH_TIMEOUT(slider->maximum(), int(m_parts.player->mediaPlayer()->duration()), mediaTimeout);
        const qint64 target = citationMs(*m_parts.session, QStringLiteral("13:17:00"));
        QVERIFY(target > 0);
        QCOMPARE(slider->marksNear(slider->pointForMs(target).x()).first().ms, target);
        QTest::mouseClick(slider, Qt::LeftButton, Qt::NoModifier, slider->pointForMs(target));
        QTRY_VERIFY_WITH_TIMEOUT(std::abs(m_parts.player->position() - target) <= 1000, mediaTimeout);
    }

    void clickingAnOutlineHeadingSeeksToItsFirstCitation()
    {
        openSampleWithVideo(sampleVideoPath());
        auto* outline = m_window->findChild<OutlinePane*>(QStringLiteral("outlinePane"));
        QVERIFY(outline && outline->isVisible());
        const auto& headings = m_parts.session->note().outline;
        const auto heading = std::find_if(headings.begin(), headings.end(),
                                          [](const scholia::Heading& h) { return h.text == "The Cyber Attacks"; });
        QVERIFY(heading != headings.end());
        QTreeWidgetItem* item = outline->itemForHeading(static_cast<int>(heading - headings.begin()));
        QVERIFY(item);
        QCOMPARE(item->text(0), QStringLiteral("The Cyber Attacks"));
        QCOMPARE(item->text(1), QStringLiteral("8:53 - 9:56"));

        outline->tree()->scrollToItem(item);
        const QRect rect = outline->tree()->visualItemRect(item);
        QTest::mouseClick(outline->tree()->viewport(), Qt::LeftButton, Qt::NoModifier, rect.center());
        // Its first citation, "08:53:00", read as 8:53.
        const qint64 first = citationMs(*m_parts.session, QStringLiteral("08:53:00"));
        QCOMPARE(first, 533000);
        QTRY_VERIFY_WITH_TIMEOUT(std::abs(m_parts.player->position() - first) <= 1000, mediaTimeout);
        QVERIFY(isTextInView(m_parts.noteView, QStringLiteral("Planning for the cyber attacks")));
    }

    void theTranscriptBesideTheVideoFollowsSeeksAndSearches()
    {
        QTemporaryDir dir;
        openSampleWithVideo(videoWithTranscript(dir,
                                                fixturePath(QStringLiteral("transcripts/Sample [i_4Jtcev5VY].en.vtt")),
                                                QStringLiteral("Sample [i_4Jtcev5VY].en.vtt")));
        auto* pane = m_window->findChild<TranscriptPane*>(QStringLiteral("transcriptPane"));
        QVERIFY(pane && pane->hasTranscript());
        QVERIFY2(pane->sourceText().contains(QLatin1String(".en.vtt")), qPrintable(pane->sourceText()));
        QListView* list = pane->list();
        QVERIFY(list->model()->rowCount() > 20);

        // Following: at 0:09.5 the cue being spoken is the one starting at 0:09.
        m_parts.player->mediaPlayer()->setPosition(9500);
        QTRY_VERIFY_WITH_TIMEOUT(pane->currentCue() >= 0, mediaTimeout);
        const QString current = list->model()->index(pane->currentCue(), 0).data().toString();
        QVERIFY2(current.startsWith(QLatin1String("0:09")), qPrintable(current));
        QVERIFY2(current.contains(QLatin1String("intelligence services")), qPrintable(current));

        // Clicking a cue seeks to its start.
        int row = -1;
        for (int r = 0; r < list->model()->rowCount(); ++r) {
            if (list->model()->index(r, 0).data().toString().contains(QLatin1String("a new era of cyber warfare")))
                row = r;
        }
        QVERIFY(row >= 0);
        const QModelIndex index = list->model()->index(row, 0);
        list->scrollTo(index);
        QTest::mouseClick(list->viewport(), Qt::LeftButton, Qt::NoModifier, list->visualRect(index).center());
        QTRY_VERIFY_WITH_TIMEOUT(std::abs(m_parts.player->position() - 38000) <= 1000, mediaTimeout);

        // Its own search: as many matches as cues that say "cyber", Return goes to the next.
        int saying = 0;
        for (int r = 0; r < list->model()->rowCount(); ++r)
            saying
                += list->model()->index(r, 0).data().toString().contains(QLatin1String("cyber"), Qt::CaseInsensitive);
        QVERIFY(saying >= 2);
        auto* search = pane->findChild<QLineEdit*>(QStringLiteral("transcriptSearch"));
        auto* matches = pane->findChild<QLabel*>(QStringLiteral("transcriptMatches"));
        QVERIFY(search && matches);
        QTest::keyClicks(search, QStringLiteral("CYBER"));
        QVERIFY2(matches->text().endsWith(QStringLiteral(" of %1").arg(saying)), qPrintable(matches->text()));
        const int firstMatch = list->currentIndex().row();
        QVERIFY(list->currentIndex().data().toString().contains(QLatin1String("cyber"), Qt::CaseInsensitive));
        QTest::keyClick(search, Qt::Key_Return);
        QVERIFY(list->currentIndex().row() != firstMatch);
        QVERIFY(list->currentIndex().data().toString().contains(QLatin1String("cyber"), Qt::CaseInsensitive));
    }

    void showWhatWasSaidShowsTheTranscriptAroundAClaim()
    {
        QTemporaryDir dir;
        openSampleWithVideo(videoWithTranscript(dir,
                                                fixturePath(QStringLiteral("transcripts/Sample [i_4Jtcev5VY].en.vtt")),
                                                QStringLiteral("Sample [i_4Jtcev5VY].en.vtt")));
        // Right-click on the first claim (cited at 0:09): the menu offers "Show What Was Said".
        const QTextCursor found
            = m_parts.noteView->document()->find(QStringLiteral("intelligence services orchestrated"));
        QVERIFY(!found.isNull());
        const QPoint point = m_parts.noteView->cursorRect(found).center();
        bool offered = false;
        QTimer::singleShot(200, this, [&offered] {
            auto* menu = qobject_cast<QMenu*>(QApplication::activePopupWidget());
            QAction* show = menu ? menu->findChild<QAction*>(QStringLiteral("claimShowWhatWasSaidAction")) : nullptr;
            offered = show && show->isEnabled();
            if (show)
                show->trigger();
            if (menu)
                menu->close();
        });
        QContextMenuEvent event(QContextMenuEvent::Mouse, point, m_parts.noteView->viewport()->mapToGlobal(point));
        QApplication::sendEvent(m_parts.noteView->viewport(), &event);
        QVERIFY(offered);

        auto* popup = m_window->findChild<SpokenContextPopup*>(QStringLiteral("spokenContextPopup"));
        QVERIFY(popup);
        QTRY_VERIFY(popup->isVisible());
        // The claim is the whole first paragraph (0:09 to 0:38): what was said from a little before
        // 0:09 to the note's next citation, 0:52, and nothing later.
        QVERIFY2(popup->spokenText().contains(QLatin1String("intelligence services")), qPrintable(popup->spokenText()));
        QVERIFY(popup->spokenText().contains(QLatin1String("a new era of cyber warfare")));
        QVERIFY(!popup->spokenText().contains(QLatin1String("troubling precedent")));  // said near 2:00

        auto* play = popup->findChild<QPushButton*>(QStringLiteral("spokenContextPlayButton"));
        QVERIFY(play && play->isEnabled());
        QTest::mouseClick(play, Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(m_parts.player->isPlaying(), mediaTimeout);
        QVERIFY(std::abs(m_parts.player->position() - 6000) <= 1500);  // 0:09 less the 3 s lead-in
    }

    void aMalformedTranscriptGivesDiagnosticsWithLines()
    {
        QTemporaryDir dir;
        const QString broken = dir.filePath(QStringLiteral("broken.vtt.source"));
        QVERIFY(writeFile(broken, "WEBVTT\n\n00:00:01.000 --> 00:00:04.000\nFine words\n\n"
                                  "00:00:05.000 --> soon\nA cue with no end\n\n"
                                  "banana --> 00:00:09.000\nNonsense timing\n\n"
                                  "00:00:10.000 --> 00:00:12.000\nMore fine words\n"));
        openSampleWithVideo(videoWithTranscript(dir, broken, QStringLiteral("Sample [i_4Jtcev5VY].vtt")));
        auto* pane = m_window->findChild<TranscriptPane*>(QStringLiteral("transcriptPane"));
        QVERIFY(pane && pane->hasTranscript());
        QCOMPARE(pane->list()->model()->rowCount(), 2);  // the two readable cues

        auto* diagnostics = m_window->findChild<QDockWidget*>(QStringLiteral("diagnosticsPane"));
        auto* list = m_window->findChild<QListWidget*>(QStringLiteral("diagnosticsList"));
        QVERIFY(diagnostics && list);
        QStringList transcriptLines;
        for (int i = 0; i < list->count(); ++i) {
            if (list->item(i)->text().startsWith(QLatin1String("Sample [i_4Jtcev5VY].vtt")))
                transcriptLines << list->item(i)->text();
        }
        QVERIFY2(transcriptLines.size() >= 2, qPrintable(transcriptLines.join(QLatin1Char('\n'))));
        QVERIFY2(transcriptLines.join(QLatin1Char('\n')).contains(QLatin1String("line 6")),
                 qPrintable(transcriptLines.join(QLatin1Char('\n'))));
        QVERIFY(transcriptLines.join(QLatin1Char('\n')).contains(QLatin1String("line 9")));
    }

    void clickingANoteDiagnosticScrollsTheNoteToIt()
    {
        openSampleWithVideo(sampleVideoPath());
        auto* diagnostics = m_window->findChild<QDockWidget*>(QStringLiteral("diagnosticsPane"));
        auto* list = m_window->findChild<QListWidget*>(QStringLiteral("diagnosticsList"));
        auto* toggle = m_window->findChild<QAction*>(QStringLiteral("diagnosticsPaneAction"));
        QVERIFY(diagnostics && list && toggle);
        QVERIFY(!diagnostics->isVisible());
        toggle->trigger();
        QTRY_VERIFY(diagnostics->isVisible());

        // The sample's last diagnostic is about a citation far down the note.
        const auto& all = m_parts.session->note().diagnostics;
        QVERIFY(!all.empty());
        const auto last
            = std::max_element(all.begin(), all.end(), [](const auto& a, const auto& b) { return a.line < b.line; });
        QListWidgetItem* item = nullptr;
        for (int i = 0; i < list->count(); ++i) {
            if (list->item(i)->text().startsWith(QStringLiteral("line %1:").arg(last->line)))
                item = list->item(i);
        }
        QVERIFY(item);
        QCOMPARE(m_parts.noteView->verticalScrollBar()->value(), 0);
        list->scrollToItem(item);
        QTest::mouseClick(list->viewport(), Qt::LeftButton, Qt::NoModifier, list->visualItemRect(item).center());
        QTRY_VERIFY(m_parts.noteView->verticalScrollBar()->value() > 0);
        // The claim on that line is on screen.
        const auto& claims = m_parts.session->note().claims;
        const auto claim
            = std::find_if(claims.begin(), claims.end(), [&](const auto& c) { return c.line == last->line; });
        QVERIFY(claim != claims.end());
        QVERIFY(isTextInView(m_parts.noteView, toQString(claim->text).left(25)));
    }

    void brokenLinksAreDiagnosedAndLeadToTheirLine()
    {
        QTemporaryDir dir;
        QByteArray text = "# Links\n\nFirst claim <a class=\"yt-timestamp\" data-t=\"00:00:05\">[00:00:05]</a>.\n\n";
        for (int i = 0; i < 60; ++i)
            text += "Filler paragraph " + QByteArray::number(i) + ".\n\n";
        const int linkLine = text.count('\n') + 1;
        // A claim (it cites a time): diagnostics scroll to the claim or heading holding their line.
        text += "See [[nowhere at all]], [[#No Such Heading]], [[#Links]] and [[sibling]] "
                "<a class=\"yt-timestamp\" data-t=\"00:00:09\">[00:00:09]</a>.\n";
        QVERIFY(writeFile(dir.filePath(QStringLiteral("links.md")), text));
        QVERIFY(writeFile(dir.filePath(QStringLiteral("sibling.md")), "# Sibling\n"));
        QVERIFY(m_window->openNote(dir.filePath(QStringLiteral("links.md"))));

        auto* list = m_window->findChild<QListWidget*>(QStringLiteral("diagnosticsList"));
        QVERIFY(list);
        QStringList atLink;
        for (int i = 0; i < list->count(); ++i) {
            if (list->item(i)->text().startsWith(QStringLiteral("line %1:").arg(linkLine)))
                atLink << list->item(i)->text();
        }
        QCOMPARE(atLink.size(), 2);  // the missing note and the missing heading; not #Links nor sibling
        QVERIFY2(atLink.join(QLatin1Char('\n')).contains(QLatin1String("\"nowhere at all\": no such note")),
                 qPrintable(atLink.join(QLatin1Char('\n'))));
        QVERIFY(atLink.join(QLatin1Char('\n'))
                    .contains(QLatin1String("\"No Such Heading\": this note has no such heading")));

        m_window->findChild<QAction*>(QStringLiteral("diagnosticsPaneAction"))->trigger();
        QListWidgetItem* item = list->findItems(atLink.first(), Qt::MatchExactly).value(0);
        QVERIFY(item);
        QVERIFY(!isTextInView(m_parts.noteView, QStringLiteral("See nowhere at all")));
        list->scrollToItem(item);
        QTest::mouseClick(list->viewport(), Qt::LeftButton, Qt::NoModifier, list->visualItemRect(item).center());
        QTRY_VERIFY(isTextInView(m_parts.noteView, QStringLiteral("See nowhere at all")));
    }

private:
    void openSampleWithVideo(const QString& video)
    {
        QVERIFY(m_window->openNote(sampleNotePath(), video));
        QTRY_COMPARE_WITH_TIMEOUT(m_parts.player->state(), State::Ready, mediaTimeout);
    }

    // A folder holding the sample video (a link) and `transcript` named `name` beside it, as yt-dlp leaves them.
    static QString videoWithTranscript(const QTemporaryDir& dir, const QString& transcript, const QString& name)
    {
        const QString video = dir.filePath(QStringLiteral("Sample [i_4Jtcev5VY].mp4"));
        if (!QFile::link(sampleVideoPath(), video) || !QFile::copy(transcript, dir.filePath(name)))
            return {};
        return video;
    }

    std::unique_ptr<MainWindow> m_window;
    WindowParts m_parts;
    NoteFollower* m_follower = nullptr;
};

std::unique_ptr<QObject> makeFollowAlongTest()
{
    return std::make_unique<FollowAlongTest>();
}

#include "FollowAlongTest.moc"
