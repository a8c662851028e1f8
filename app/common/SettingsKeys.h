#pragma once
// Every QSettings key the viewer uses, in one place so that no two classes disagree.

#include <QString>

namespace scholia::gui::SettingsKeys {

inline const QString windowGeometry = QStringLiteral("window/geometry");
inline const QString windowState = QStringLiteral("window/state");
inline const QString splitterSizes = QStringLiteral("window/splitter");
inline const QString volume = QStringLiteral("player/volume");
inline const QString muted = QStringLiteral("player/muted");
inline const QString speed = QStringLiteral("player/speed");
inline const QString recentFiles = QStringLiteral("recentFiles");
inline const QString mediaFolders = QStringLiteral("media/folders");
// Followed by the videoId: the file the user located for that video.
inline const QString videoForIdPrefix = QStringLiteral("media/videoFor/");
inline const QString followPlayback = QStringLiteral("follow/playback");

}  // namespace scholia::gui::SettingsKeys
