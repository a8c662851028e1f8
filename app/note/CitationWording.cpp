#include "note/CitationWording.h"

#include "common/CoreBridge.h"

#include <QObject>

namespace scholia::gui::CitationWording {

namespace {

QString written(const Citation& citation)
{
    return toQString(citation.written.empty() ? citation.label : citation.written);
}

// How the written text was read, or empty when it was read as written and lies in the video.
QString how(const Citation& citation)
{
    QStringList parts;
    if (!citation.resolution.explanation.empty())
        parts << toQString(citation.resolution.explanation);
    else if (citation.resolution.pastEnd)
        parts << QObject::tr("past the end of the video");
    return parts.join(QStringLiteral("; "));
}

}  // namespace

QString jumpMessage(const Citation& citation, qint64 ms)
{
    const QString reading = how(citation);
    if (reading.isEmpty())
        return QObject::tr("Playing from %1 (written %2)").arg(clockText(ms), written(citation));
    return QObject::tr("Playing from %1: %2").arg(clockText(ms), reading);
}

QString noVideoMessage(const Citation& citation, qint64 ms, bool hasVideoId)
{
    const QString reading = how(citation);
    const QString where = reading.isEmpty() ? QObject::tr("Citation %1 is at %2.").arg(written(citation), clockText(ms))
                                            : QObject::tr("This citation is at %1: %2.").arg(clockText(ms), reading);
    return where + QLatin1Char(' ')
         + (hasVideoId ? QObject::tr("No video is loaded: use Locate video... or Open on YouTube.")
                       : QObject::tr("No video is loaded: use Locate video... to pick the file."));
}

}  // namespace scholia::gui::CitationWording
