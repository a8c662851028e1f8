#pragma once
// Checking a media file before handing it to QMediaPlayer: a folder, a FIFO, an empty or
// unreadable file would otherwise fail late with a vague message, or block a decoder.

#include <QString>

namespace scholia::gui {

// Empty when `path` is an existing, regular, readable, non-empty file; otherwise why not, in words.
QString mediaFileProblem(const QString& path);

}  // namespace scholia::gui
