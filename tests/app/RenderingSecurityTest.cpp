// Security of rendering, end to end in the real MainWindow: a hostile note (scripts, frames,
// objects, styles, event attributes, remote images, javascript:/data:/file: links) opened
// beside a local HTTP listener that counts connections. Nothing may reach the network on its
// own; only a click on an http(s) link hands it to the browser (QDesktopServices, intercepted
// here), and no other scheme is ever followed.

#include "note/NoteSession.h"
#include "note/NoteView.h"
#include "window/MainWindow.h"

#include "TestSupport.h"

#include <QDesktopServices>
#include <QImage>
#include <QSettings>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>
#include <QTextBlock>
#include <QTextDocument>
#include <QUrl>

#include <memory>

using namespace scholia::gui;
using namespace scholia::test;

// Receives the URLs that QDesktopServices::openUrl would give the browser.
class BrowserStandIn : public QObject {
    Q_OBJECT
public:
    QList<QUrl> opened;
public Q_SLOTS:
    void open(const QUrl& url) { opened << url; }
};

class RenderingSecurityTest : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void init()
    {
        QSettings().clear();
        QVERIFY(m_listener.listen(QHostAddress::LocalHost));
        m_connections = 0;
        connect(&m_listener, &QTcpServer::newConnection, this, [this] {
            while (QTcpSocket* socket = m_listener.nextPendingConnection()) {
                ++m_connections;
                socket->deleteLater();
            }
        });
        for (const char* scheme : {"http", "https", "file", "data", "javascript", "ftp", "mailto"})
            QDesktopServices::setUrlHandler(QString::fromLatin1(scheme), &m_browser, "open");
        m_browser.opened.clear();

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
        for (const char* scheme : {"http", "https", "file", "data", "javascript", "ftp", "mailto"})
            QDesktopServices::unsetUrlHandler(QString::fromLatin1(scheme));
        m_listener.disconnect(this);
        m_listener.close();
    }

    void aHostileNoteMakesNoRequestAndShowsNoActiveContent()
    {
        QTemporaryDir dir;
        const QString note = writeHostileNote(dir);
        QVERIFY(m_window->openNote(note));
        // Give anything that would load in the background the time to try.
        QTest::qWait(1500);
        QCOMPARE(m_connections, 0);
        QVERIFY(m_browser.opened.isEmpty());

        const QString html = m_parts.noteView->document()->toHtml();
        for (const char* absent : {"<script", "<iframe", "<object", "<embed", "onerror", "onclick", "onload",
                                   "javascript:", "data:", "file:", "steal(", "display: none", "127.0.0.1:"}) {
            QVERIFY2(!html.contains(QLatin1String(absent), Qt::CaseInsensitive), absent);
        }
        // The text around them is still there; remote images are placeholders in words.
        const QString text = m_parts.noteView->toPlainText();
        QVERIFY(text.contains(QLatin1String("Visible after the frame")));
        QVERIFY(text.contains(QLatin1String("[image: tracker]")));
        QVERIFY(text.contains(QLatin1String("Click me")));
    }

    void aRemoteImageBecomesAPlaceholderWithoutARequest()
    {
        // Even HTML that reached the view with a remote image (not what the renderer makes)
        // is answered by loadResource with the placeholder, never fetched.
        QTemporaryDir dir;
        const QString remote = QStringLiteral("http://127.0.0.1:%1/pixel.png").arg(m_listener.serverPort());
        m_parts.noteView->showNote(QStringLiteral("<p>before <img src=\"%1\"> after</p>").arg(remote), dir.path());
        QTRY_VERIFY(m_parts.noteView->refusedResources().contains(remote));
        QCOMPARE(m_parts.noteView->document()->resource(QTextDocument::ImageResource, QUrl(remote)).value<QImage>(),
                 NoteView::placeholderImage());
        QTest::qWait(500);
        QCOMPARE(m_connections, 0);
    }

    void onlyAClickOnAWebLinkOpensTheBrowser()
    {
        QTemporaryDir dir;
        QVERIFY(m_window->openNote(writeHostileNote(dir)));
        QVERIFY(m_browser.opened.isEmpty());

        // Every link in the rendered note, clicked: only the https one goes to the browser.
        QStringList hrefs;
        for (QTextBlock block = m_parts.noteView->document()->begin(); block.isValid(); block = block.next()) {
            for (auto it = block.begin(); !it.atEnd(); ++it) {
                const QString href = it.fragment().charFormat().anchorHref();
                if (!href.isEmpty() && !hrefs.contains(href))
                    hrefs << href;
            }
        }
        QVERIFY2(hrefs.contains(QStringLiteral("https://example.com/ok")), qPrintable(hrefs.join(QLatin1Char(' '))));
        for (const QString& href : hrefs) {
            QVERIFY2(!href.startsWith(QLatin1String("javascript:")) && !href.startsWith(QLatin1String("data:"))
                         && !href.startsWith(QLatin1String("file:")),
                     qPrintable(href));
            QVERIFY(clickAnchor(m_parts.noteView, [href](const QString& h) { return h == href; }));
        }
        QCOMPARE(m_browser.opened, QList<QUrl>{QUrl(QStringLiteral("https://example.com/ok"))});

        // A javascript:, data: or file: link that reached the view anyway is not followed.
        m_browser.opened.clear();
        m_parts.noteView->showNote(
            QStringLiteral("<p><a href=\"javascript:steal()\">js</a> <a href=\"data:text/html,x\">data</a> "
                           "<a href=\"file:///etc/passwd\">file</a></p>"),
            dir.path());
        for (const char* scheme : {"javascript:", "data:", "file:"})
            QVERIFY(clickAnchor(m_parts.noteView, hrefStartsWith(QString::fromLatin1(scheme))));
        QVERIFY(m_browser.opened.isEmpty());
        QVERIFY(m_parts.noteView->source().isEmpty());
        QCOMPARE(m_connections, 0);
    }

private:
    QString writeHostileNote(const QTemporaryDir& dir)
    {
        const QByteArray port = QByteArray::number(m_listener.serverPort());
        const QByteArray local = "http://127.0.0.1:" + port;
        QFile fixture(QStringLiteral(SCHOLIA_TEST_DATA_DIR "/notes/hostile.md"));
        if (!fixture.open(QIODevice::ReadOnly))
            return {};
        QByteArray text = fixture.readAll();
        text += "\n<img src=\"" + local + "/raw.png\" onload=\"steal()\">\n\n![tracker](" + local
              + "/md.png)\n\n"
                "<link rel=\"stylesheet\" href=\""
              + local
              + "/style.css\">\n\n"
                "<embed src=\""
              + local + "/embed.swf\">\n\n<p style=\"background: url(" + local + "/bg.png)\">styled</p>\n";
        const QString path = dir.filePath(QStringLiteral("hostile.md"));
        return writeFile(path, text) ? path : QString();
    }

    QTcpServer m_listener;
    int m_connections = 0;
    BrowserStandIn m_browser;
    std::unique_ptr<MainWindow> m_window;
    WindowParts m_parts;
};

std::unique_ptr<QObject> makeRenderingSecurityTest()
{
    return std::make_unique<RenderingSecurityTest>();
}

#include "RenderingSecurityTest.moc"
