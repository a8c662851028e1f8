#include "note/NoteView.h"

#include <QAbstractTextDocumentLayout>
#include <QDir>
#include <QFileInfo>
#include <QHelpEvent>
#include <QImage>
#include <QPainter>
#include <QScrollBar>
#include <QTextCursor>
#include <QToolTip>
#include <QUrlQuery>

namespace scholia::gui {

namespace {

constexpr int maxImageWidth = 800;  // wider local images are scaled down to stay readable

struct SeekLink {
    qint64 ms = -1;
    int index = -1;
};

// "seek:71000?c=6" -> {71000, 6}
SeekLink parseSeekLink(const QUrl& url)
{
    SeekLink link;
    if (url.scheme() != QLatin1String("seek"))
        return link;
    bool msOk = false;
    bool indexOk = false;
    const qint64 ms = url.path().toLongLong(&msOk);
    const int index = QUrlQuery(url).queryItemValue(QStringLiteral("c")).toInt(&indexOk);
    if (msOk && ms >= 0) {
        link.ms = ms;
        link.index = indexOk ? index : -1;
    }
    return link;
}

}  // namespace

NoteView::NoteView(QWidget* parent) : QTextBrowser(parent)
{
    setObjectName(QStringLiteral("noteView"));
    // Links are intents for MainWindow; QTextBrowser itself must never navigate.
    setOpenLinks(false);
    setOpenExternalLinks(false);
    setReadOnly(true);
    document()->setDocumentMargin(14);  // text flush against the frame is hard to read
    connect(this, &QTextBrowser::anchorClicked, this, &NoteView::onAnchorClicked);
    connect(this, qOverload<const QUrl&>(&QTextBrowser::highlighted), this, &NoteView::onHighlighted);
}

void NoteView::showNote(const QString& html, const QString& folder)
{
    m_folder = QFileInfo(folder).canonicalFilePath();
    m_refused.clear();
    document()->setBaseUrl(QUrl::fromLocalFile(m_folder + QLatin1Char('/')));
    setHtml(html);
    m_html = html;
    verticalScrollBar()->setValue(0);
}

void NoteView::refreshNote(const QString& html)
{
    if (html == m_html)
        return;
    const int vertical = verticalScrollBar()->value();
    const int horizontal = horizontalScrollBar()->value();
    setHtml(html);
    m_html = html;
    scrollToOffset(vertical);
    horizontalScrollBar()->setValue(horizontal);
}

void NoteView::scrollToOffset(int vertical)
{
    // Lay the whole document out now so the scroll range is right before scrolling; the top
    // needs no range (and a long note is then laid out in steps, as usual).
    if (vertical > 0)
        document()->documentLayout()->documentSize();
    verticalScrollBar()->setValue(vertical);
}

void NoteView::showPlaceholder(const QString& text)
{
    m_folder.clear();
    m_refused.clear();
    m_html.clear();
    setPlainText(text);
}

bool NoteView::scrollToFragment(const QString& anchor)
{
    if (anchor.isEmpty())
        return false;
    scrollToAnchor(anchor);
    return true;
}

bool NoteView::findText(const QString& text, bool backward, bool incremental)
{
    if (text.isEmpty())
        return false;
    QTextCursor cursor = textCursor();
    if (incremental && cursor.hasSelection()) {
        cursor.setPosition(cursor.selectionStart());
        setTextCursor(cursor);
    }
    const QTextDocument::FindFlags flags = backward ? QTextDocument::FindBackward : QTextDocument::FindFlags();
    if (find(text, flags))
        return true;
    // Wrap around once.
    cursor.movePosition(backward ? QTextCursor::End : QTextCursor::Start);
    setTextCursor(cursor);
    return find(text, flags);
}

QImage NoteView::placeholderImage()
{
    QImage image(160, 90, QImage::Format_RGB32);
    image.fill(QColor(0xee, 0xee, 0xee));
    QPainter painter(&image);
    painter.setPen(QColor(0x99, 0x99, 0x99));
    painter.drawRect(image.rect().adjusted(0, 0, -1, -1));
    painter.drawText(image.rect(), Qt::AlignCenter, tr("image not loaded"));
    return image;
}

QVariant NoteView::loadResource(int type, const QUrl& name)
{
    QUrl url = name;
    if (url.isRelative() && !m_folder.isEmpty())
        url = QUrl::fromLocalFile(m_folder + QLatin1Char('/')).resolved(name);
    if (type == QTextDocument::ImageResource && url.isLocalFile()) {
        const QVariant image = loadLocalImage(url);
        if (image.isValid())
            return image;
    }
    m_refused << name.toString();
    return type == QTextDocument::ImageResource ? QVariant(placeholderImage()) : QVariant();
}

QVariant NoteView::loadLocalImage(const QUrl& url)
{
    const QString canonical = QFileInfo(url.toLocalFile()).canonicalFilePath();
    if (canonical.isEmpty() || !isInsideNoteFolder(canonical) || !QFileInfo(canonical).isFile())
        return {};
    QImage image(canonical);
    if (image.isNull())
        return {};
    if (image.width() > maxImageWidth)
        image = image.scaledToWidth(maxImageWidth, Qt::SmoothTransformation);
    return image;
}

bool NoteView::isInsideNoteFolder(const QString& canonicalPath) const
{
    if (m_folder.isEmpty())
        return false;
    const QString prefix = m_folder.endsWith(QLatin1Char('/')) ? m_folder : m_folder + QLatin1Char('/');
    return canonicalPath.startsWith(prefix);
}

void NoteView::onAnchorClicked(const QUrl& url)
{
    const QString scheme = url.scheme();
    if (scheme == QLatin1String("seek")) {
        const SeekLink link = parseSeekLink(url);
        if (link.ms >= 0)
            Q_EMIT citationActivated(link.ms, link.index);
    } else if (scheme == QLatin1String("note")) {
        Q_EMIT wikiLinkActivated(url.path(QUrl::FullyDecoded), url.fragment(QUrl::FullyDecoded));
    } else if (scheme == QLatin1String("http") || scheme == QLatin1String("https")) {
        Q_EMIT externalLinkActivated(url);
    } else if (scheme == QLatin1String("annotation")) {
        const QString action = url.path().section(QLatin1Char('/'), 0, 0);
        bool ok = false;
        const int index = url.path().section(QLatin1Char('/'), 1, 1).toInt(&ok);
        if (ok && index >= 0)
            Q_EMIT annotationLinkActivated(action, index);
    } else if (scheme.isEmpty() && url.path().isEmpty() && url.hasFragment()) {
        scrollToAnchor(url.fragment(QUrl::FullyDecoded));  // a link within the note
    }
    // Any other scheme (file:, javascript:, mailto: ...) is ignored on purpose.
}

void NoteView::onHighlighted(const QUrl& url)
{
    const SeekLink link = parseSeekLink(url);
    if (link.ms >= 0)
        Q_EMIT citationHovered(link.ms);
}

bool NoteView::viewportEvent(QEvent* event)
{
    if (event->type() == QEvent::ToolTip) {
        const auto* help = static_cast<QHelpEvent*>(event);
        const QTextCharFormat format = formatAt(help->pos());
        QString tip = format.toolTip();
        if (tip.isEmpty() && format.isAnchor() && format.anchorHref().startsWith(QLatin1String("http")))
            tip = format.anchorHref();  // where an external link leads, before it is clicked
        if (tip.isEmpty())
            QToolTip::hideText();
        else
            QToolTip::showText(help->globalPos(), tip, viewport());
        return true;
    }
    return QTextBrowser::viewportEvent(event);
}

QTextCharFormat NoteView::formatAt(const QPoint& viewportPos) const
{
    const QPointF documentPos = viewportPos + QPoint(horizontalScrollBar()->value(), verticalScrollBar()->value());
    const int position = document()->documentLayout()->hitTest(documentPos, Qt::ExactHit);
    if (position < 0)
        return {};
    QTextCursor cursor(document());
    cursor.setPosition(position + 1 <= document()->characterCount() - 1 ? position + 1 : position);
    return cursor.charFormat();  // the format of the character before the cursor: the one hit
}

}  // namespace scholia::gui
