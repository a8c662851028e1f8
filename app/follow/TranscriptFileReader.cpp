#include "follow/TranscriptFileReader.h"

#include <QFile>
#include <QFileInfo>

#include <string_view>

namespace scholia::gui {

std::optional<Transcript> readTranscriptFile(const QString& path, QString* error)
{
    const QFileInfo info(path);
    QString problem;
    if (!info.isFile())
        problem = QObject::tr("%1 is not a file.").arg(info.fileName());
    else if (info.size() > maxTranscriptBytes)
        problem = QObject::tr("%1 is too large for a transcript (%2 MB).").arg(info.fileName()).arg(info.size() >> 20);
    QByteArray bytes;
    if (problem.isEmpty()) {
        QFile file(path);
        if (file.open(QIODevice::ReadOnly))
            bytes = file.readAll();
        else
            problem = QObject::tr("Cannot read %1: %2").arg(info.fileName(), file.errorString());
    }
    if (!problem.isEmpty()) {
        if (error)
            *error = problem;
        return std::nullopt;
    }
    return parseTranscript(std::string_view(bytes.constData(), static_cast<std::size_t>(bytes.size())));
}

}  // namespace scholia::gui
