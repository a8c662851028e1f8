#include "TestSupport.h"

#include "common/CoreBridge.h"
#include "note/NoteSession.h"
#include "note/NoteView.h"
#include "player/PlayerPanel.h"
#include "window/MainWindow.h"

#include <QFile>
#include <QStatusBar>
#include <QTest>
#include <QTextBlock>
#include <QTextCursor>
#include <QTextDocument>

namespace scholia::test {

QString sampleNotePath()
{
    return QStringLiteral(SCHOLIA_SAMPLE_NOTE);
}

QString sampleVideoPath()
{
    return QStringLiteral(SCHOLIA_SAMPLE_VIDEO);
}

QString testVideoPath()
{
    return QStringLiteral(SCHOLIA_TEST_VIDEO);
}

bool writeFile(const QString& path, const QByteArray& bytes)
{
    QFile file(path);
    return file.open(QIODevice::WriteOnly | QIODevice::Truncate) && file.write(bytes) == bytes.size();
}

HrefMatcher hrefStartsWith(const QString& prefix)
{
    return [prefix](const QString& href) { return href.startsWith(prefix); };
}

HrefMatcher citationHref(int citationIndex)
{
    const QString suffix = QStringLiteral("?c=%1").arg(citationIndex);
    return [suffix](const QString& href) { return href.startsWith(QLatin1String("seek:")) && href.endsWith(suffix); };
}

QTextFragment findAnchor(const QTextDocument* document, const HrefMatcher& matches)
{
    for (QTextBlock block = document->begin(); block.isValid(); block = block.next()) {
        for (auto it = block.begin(); !it.atEnd(); ++it) {
            const QTextFragment fragment = it.fragment();
            const QTextCharFormat format = fragment.charFormat();
            if (format.isAnchor() && matches(format.anchorHref()))
                return fragment;
        }
    }
    return {};
}

std::optional<QPoint> anchorPoint(gui::NoteView* view, const HrefMatcher& matches)
{
    const QTextFragment fragment = findAnchor(view->document(), matches);
    if (!fragment.isValid())
        return std::nullopt;
    QTextCursor cursor(view->document());
    cursor.setPosition(fragment.position() + std::max(1, fragment.length() / 2));
    view->setTextCursor(cursor);
    view->ensureCursorVisible();
    const QRect rect = view->cursorRect(cursor);
    if (!view->viewport()->rect().contains(rect.center()))
        return std::nullopt;
    return rect.center();
}

bool clickAnchor(gui::NoteView* view, const HrefMatcher& matches)
{
    const auto point = anchorPoint(view, matches);
    if (!point)
        return false;
    QTest::mouseClick(view->viewport(), Qt::LeftButton, Qt::NoModifier, *point);
    return true;
}

int citationIndex(const gui::NoteSession& session, const QString& written)
{
    const auto& citations = session.note().citations;
    for (std::size_t i = 0; i < citations.size(); ++i) {
        if (gui::toQString(citations[i].written) == written)
            return static_cast<int>(i);
    }
    return -1;
}

WindowParts partsOf(gui::MainWindow& window)
{
    WindowParts parts;
    parts.noteView = window.findChild<gui::NoteView*>(QStringLiteral("noteView"));
    parts.player = window.findChild<gui::PlayerPanel*>(QStringLiteral("playerPanel"));
    parts.session = window.findChild<gui::NoteSession*>(QStringLiteral("noteSession"));
    return parts;
}

QString statusText(gui::MainWindow& window)
{
    return window.statusBar()->currentMessage();
}

}  // namespace scholia::test
