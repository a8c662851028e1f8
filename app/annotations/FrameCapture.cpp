#include "annotations/FrameCapture.h"

#include "common/AtomicWrite.h"

#include <QBuffer>
#include <QDir>
#include <QFileInfo>
#include <QRegularExpression>
#include <QVideoFrame>
#include <QVideoSink>

namespace scholia::gui {

QImage FrameCapture::currentFrame(QVideoSink* sink, qint64* startMs)
{
    if (!sink)
        return {};
    const QVideoFrame frame = sink->videoFrame();
    if (!frame.isValid())
        return {};
    if (startMs && frame.startTime() >= 0)
        *startMs = frame.startTime() / 1000;
    return frame.toImage();
}

QString FrameCapture::savePng(const QImage& image, const QString& folder, const QString& baseName, qint64 ms,
                              QString* error)
{
    if (image.isNull()) {
        *error = QObject::tr("There is no frame to capture yet.");
        return {};
    }
    const QDir dir(folder);
    if (!dir.mkpath(QStringLiteral("attachments"))) {
        *error = QObject::tr("Could not create %1.")
                     .arg(QDir::toNativeSeparators(dir.filePath(QStringLiteral("attachments"))));
        return {};
    }
    const qint64 s = ms / 1000;
    // No spaces or brackets: the name goes inside ![[...]] and must stay one link target.
    QString safeBase = baseName;
    safeBase.replace(QRegularExpression(QStringLiteral("[^A-Za-z0-9_.-]+")), QStringLiteral("_"));
    const QString stem = QStringLiteral("%1-%2-%3-%4-%5")
                             .arg(safeBase)
                             .arg(s / 3600, 2, 10, QLatin1Char('0'))
                             .arg(s / 60 % 60, 2, 10, QLatin1Char('0'))
                             .arg(s % 60, 2, 10, QLatin1Char('0'))
                             .arg(ms % 1000, 3, 10, QLatin1Char('0'));
    QString relative = QStringLiteral("attachments/%1.png").arg(stem);
    for (int n = 2; QFileInfo::exists(dir.filePath(relative)); ++n)
        relative = QStringLiteral("attachments/%1-%2.png").arg(stem).arg(n);

    QByteArray png;
    QBuffer buffer(&png);
    buffer.open(QIODevice::WriteOnly);
    if (!image.save(&buffer, "PNG")) {
        *error = QObject::tr("Could not encode the frame as PNG.");
        return {};
    }
    if (const QString failure = writeFileAtomically(dir.filePath(relative), png); !failure.isEmpty()) {
        *error = failure;
        return {};
    }
    return relative;
}

}  // namespace scholia::gui
