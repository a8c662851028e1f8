#pragma once
// Conversions between ScholiaCore's standard types and Qt's: core speaks UTF-8
// std::string and std::filesystem::path, the GUI speaks QString.

#include <QString>

#include <cstdint>
#include <filesystem>
#include <string>
#include <string_view>

namespace scholia::gui {

QString toQString(std::string_view utf8);
std::string toUtf8(const QString& text);

// File names go through QFile's encoding so non-UTF-8 names survive the round trip.
std::filesystem::path toPath(const QString& fileName);
QString fromPath(const std::filesystem::path& path);

// "1:11", "13:40", "1:02:03": core's formatClock.
QString clockText(std::int64_t ms);

}  // namespace scholia::gui
