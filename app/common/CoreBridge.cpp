#include "common/CoreBridge.h"

#include "timestamp/Timestamp.h"

#include <QFile>

namespace scholia::gui {

QString toQString(std::string_view utf8)
{
    return QString::fromUtf8(utf8.data(), static_cast<qsizetype>(utf8.size()));
}

std::string toUtf8(const QString& text)
{
    return text.toStdString();
}

std::filesystem::path toPath(const QString& fileName)
{
    return std::filesystem::path(QFile::encodeName(fileName).toStdString());
}

QString fromPath(const std::filesystem::path& path)
{
    return QFile::decodeName(QByteArray::fromStdString(path.native()));
}

QString clockText(std::int64_t ms)
{
    return toQString(formatClock(ms));
}

}  // namespace scholia::gui
