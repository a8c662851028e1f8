#pragma once
// Reading a transcript file for the GUI: a size limit first (a subtitle file is kilobytes; a
// multi-gigabyte one picked by mistake must not freeze the window), then core's parser, which
// reports every problem as a diagnostic with its line.

#include "transcript/Transcript.h"

#include <QString>

#include <optional>

namespace scholia::gui {

// Larger files are refused: three hours of YouTube auto-captions, word timings included, are
// under 2 MB, and parsing runs on the GUI thread (7 MB: about 0.15 s of CPU, see follow_bench).
inline constexpr qint64 maxTranscriptBytes = 8 * 1024 * 1024;

// The parsed transcript, or nothing with `error` saying why the file could not be read.
std::optional<Transcript> readTranscriptFile(const QString& path, QString* error);

}  // namespace scholia::gui
