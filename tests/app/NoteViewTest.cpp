// NoteView on its own: links become intents (never navigation), only local images inside
// the note's folder load, hovering a citation says so, re-rendering keeps the scroll.

#include "note/NoteView.h"

#include "TestSupport.h"

#include <QCoreApplication>
#include <QDir>
#include <QHelpEvent>
#include <QImage>
#include <QScrollBar>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QTextDocument>
#include <QToolTip>

#include <memory>

using scholia::gui::NoteView;
using namespace scholia::test;

namespace {

QString longDocument(const QString& marker)
{
    QString html = QStringLiteral("<html><body>");
    for (int i = 0; i < 200; ++i)
        html += QStringLiteral("<p>Paragraph %1 %2 <a href=\"seek:%3?c=%1\">0:%1</a></p>")
                    .arg(i)
                    .arg(marker)
                    .arg(i * 1000);
    return html + QStringLiteral("</body></html>");
}

}  // namespace

class NoteViewTest : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void init()
    {
        m_view = std::make_unique<NoteView>();
        m_view->resize(600, 400);
        m_view->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_view.get()));
    }

    void cleanup() { m_view.reset(); }

    void linksBecomeIntentsAndOtherSchemesAreIgnored()
    {
        QTemporaryDir dir;
        m_view->showNote(QStringLiteral("<p><a href=\"seek:71000?c=6\">1:11</a></p>"
                                        "<p><a href=\"note:other%20note#Second%20Part\">other</a></p>"
                                        "<p><a href=\"https://example.org/page\">web</a></p>"
                                        "<p><a href=\"file:///etc/passwd\">file</a></p>"
                                        "<p><a href=\"javascript:alert(1)\">script</a></p>"
                                        "<p><a href=\"ftp://example.org/x\">ftp</a></p>"),
                         dir.path());
        QSignalSpy citations(m_view.get(), &NoteView::citationActivated);
        QSignalSpy wikiLinks(m_view.get(), &NoteView::wikiLinkActivated);
        QSignalSpy external(m_view.get(), &NoteView::externalLinkActivated);

        QVERIFY(clickAnchor(m_view.get(), hrefStartsWith(QStringLiteral("seek:"))));
        QCOMPARE(citations.size(), 1);
        QCOMPARE(citations.at(0).at(0).toLongLong(), 71000);
        QCOMPARE(citations.at(0).at(1).toInt(), 6);

        QVERIFY(clickAnchor(m_view.get(), hrefStartsWith(QStringLiteral("note:"))));
        QCOMPARE(wikiLinks.size(), 1);
        QCOMPARE(wikiLinks.at(0).at(0).toString(), QStringLiteral("other note"));
        QCOMPARE(wikiLinks.at(0).at(1).toString(), QStringLiteral("Second Part"));

        QVERIFY(clickAnchor(m_view.get(), hrefStartsWith(QStringLiteral("https:"))));
        QCOMPARE(external.size(), 1);
        QCOMPARE(external.at(0).at(0).toUrl(), QUrl(QStringLiteral("https://example.org/page")));

        for (const QString& scheme : {QStringLiteral("file:"), QStringLiteral("javascript:"), QStringLiteral("ftp:")})
            QVERIFY2(clickAnchor(m_view.get(), hrefStartsWith(scheme)), qPrintable(scheme));
        QCOMPARE(citations.size() + wikiLinks.size() + external.size(), 3);
        // The view never navigated away: the same document is still shown.
        QVERIFY(m_view->source().isEmpty());
        QVERIFY(m_view->toPlainText().contains(QLatin1String("script")));
    }

    void hoveringACitationAnnouncesItsTime()
    {
        QTemporaryDir dir;
        m_view->showNote(
            QStringLiteral("<p>Text before <a href=\"seek:83000?c=2\" title=\"written 01:23:00\">1:23</a></p>"),
            dir.path());
        QSignalSpy hovered(m_view.get(), &NoteView::citationHovered);
        const auto point = anchorPoint(m_view.get(), hrefStartsWith(QStringLiteral("seek:")));
        QVERIFY(point);
        QTest::mouseMove(m_view->viewport(), QPoint(2, 2));
        QTest::mouseMove(m_view->viewport(), *point);
        QTRY_COMPARE(hovered.size(), 1);
        QCOMPARE(hovered.at(0).at(0).toLongLong(), 83000);
        // Resting there shows the renderer's title attribute as the tooltip.
        QHelpEvent help(QEvent::ToolTip, *point, m_view->viewport()->mapToGlobal(*point));
        QCoreApplication::sendEvent(m_view->viewport(), &help);
        QTRY_COMPARE(QToolTip::text(), QStringLiteral("written 01:23:00"));
        QHelpEvent away(QEvent::ToolTip, QPoint(2, 2), m_view->viewport()->mapToGlobal(QPoint(2, 2)));
        QCoreApplication::sendEvent(m_view->viewport(), &away);
        QTRY_VERIFY(QToolTip::text().isEmpty());
    }

    void onlyLocalImagesInsideTheNoteFolderLoad()
    {
        QTemporaryDir root;
        QVERIFY(QDir(root.path()).mkdir(QStringLiteral("notes")));
        const QString notes = root.filePath(QStringLiteral("notes"));
        QImage red(8, 8, QImage::Format_RGB32);
        red.fill(Qt::red);
        QVERIFY(red.save(notes + QStringLiteral("/pic.png")));
        QVERIFY(red.save(root.filePath(QStringLiteral("outside.png"))));
        QVERIFY(QFile::link(root.filePath(QStringLiteral("outside.png")), notes + QStringLiteral("/sneaky.png")));

        m_view->showNote(QStringLiteral("<p>note</p>"), notes);
        const QImage placeholder = NoteView::placeholderImage();
        auto image = [this](const QUrl& url) {
            return m_view->loadResource(QTextDocument::ImageResource, url).value<QImage>();
        };

        QCOMPARE(image(QUrl(QStringLiteral("pic.png"))).pixelColor(4, 4), QColor(Qt::red));
        QCOMPARE(image(QUrl::fromLocalFile(notes + QStringLiteral("/pic.png"))).pixelColor(4, 4), QColor(Qt::red));
        QCOMPARE(image(QUrl(QStringLiteral("https://example.com/tracker.png"))), placeholder);
        QCOMPARE(image(QUrl(QStringLiteral("../outside.png"))), placeholder);
        QCOMPARE(image(QUrl::fromLocalFile(root.filePath(QStringLiteral("outside.png")))), placeholder);
        QCOMPARE(image(QUrl(QStringLiteral("sneaky.png"))), placeholder);  // a symlink leading out
        QVERIFY(
            !m_view->loadResource(QTextDocument::StyleSheetResource, QUrl(QStringLiteral("https://example.com/s.css")))
                 .isValid());
        QVERIFY(m_view->refusedResources().contains(QStringLiteral("https://example.com/tracker.png")));
    }

    void aRemoteImageInTheDocumentGetsThePlaceholder()
    {
        QTemporaryDir dir;
        const QString remote = QStringLiteral("https://example.com/remote.png");
        m_view->showNote(QStringLiteral("<p><img src=\"%1\"></p>").arg(remote), dir.path());
        QTRY_VERIFY(m_view->refusedResources().contains(remote));
        QCOMPARE(m_view->document()->resource(QTextDocument::ImageResource, QUrl(remote)).value<QImage>(),
                 NoteView::placeholderImage());
    }

    void refreshKeepsTheScrollPosition()
    {
        QTemporaryDir dir;
        m_view->showNote(longDocument(QStringLiteral("before")), dir.path());
        QScrollBar* bar = m_view->verticalScrollBar();
        QTRY_VERIFY(bar->maximum() > 1000);
        bar->setValue(bar->maximum() / 2);
        const int kept = bar->value();
        m_view->refreshNote(longDocument(QStringLiteral("after")));
        QVERIFY(m_view->toPlainText().contains(QLatin1String("after")));
        QCOMPARE(bar->value(), kept);

        m_view->showNote(longDocument(QStringLiteral("new note")), dir.path());
        QCOMPARE(bar->value(), 0);  // a different note starts at the top
    }

    // The vault's index arriving renders the open note again, usually to the same HTML: the
    // document is then left as it is (not parsed and laid out again), and so is the scroll.
    void refreshWithTheSameHtmlLeavesTheDocumentAlone()
    {
        QTemporaryDir dir;
        const QString html = longDocument(QStringLiteral("same"));
        m_view->showNote(html, dir.path());
        QScrollBar* bar = m_view->verticalScrollBar();
        QTRY_VERIFY(bar->maximum() > 1000);
        bar->setValue(bar->maximum() / 3);
        const int kept = bar->value();
        const int revision = m_view->document()->revision();
        m_view->refreshNote(html);
        QCOMPARE(m_view->document()->revision(), revision);
        QCOMPARE(bar->value(), kept);

        m_view->refreshNote(longDocument(QStringLiteral("changed")));
        QVERIFY(m_view->document()->revision() != revision);
        QCOMPARE(bar->value(), kept);

        // After a placeholder, the same note's HTML is shown again, not skipped.
        m_view->showPlaceholder(QStringLiteral("Indexing..."));
        m_view->refreshNote(html);
        QVERIFY(m_view->toPlainText().contains(QLatin1String("same")));
    }

    void findWrapsAround()
    {
        QTemporaryDir dir;
        m_view->showNote(QStringLiteral("<p>alpha needle</p><p>beta</p><p>gamma needle</p>"), dir.path());
        QVERIFY(m_view->findText(QStringLiteral("needle"), false));
        const int first = m_view->textCursor().selectionStart();
        QVERIFY(m_view->findText(QStringLiteral("needle"), false));
        const int second = m_view->textCursor().selectionStart();
        QVERIFY(second > first);
        QVERIFY(m_view->findText(QStringLiteral("needle"), false));  // wraps to the first
        QCOMPARE(m_view->textCursor().selectionStart(), first);
        QVERIFY(m_view->findText(QStringLiteral("needle"), true));  // backwards wraps to the last
        QCOMPARE(m_view->textCursor().selectionStart(), second);
        QVERIFY(!m_view->findText(QStringLiteral("absent"), false));
    }

private:
    std::unique_ptr<NoteView> m_view;
};

std::unique_ptr<QObject> makeNoteViewTest()
{
    return std::make_unique<NoteViewTest>();
}

#include "NoteViewTest.moc"
