#pragma once
// File > Export: turns the current note into one of core's export formats and saves it where
// the user chose. The text comes from core (exportNote); this only writes it, atomically, and
// never over the note itself.

#include "export/Export.h"

#include <QString>

#include <optional>

namespace scholia::gui {

struct NoteExportOutcome {
    bool written = false;
    QString message;  // what happened, in words, for the status bar or a message box
};

// "notes.chapters.txt" beside "notes.md": a name that does not collide with the note.
QString defaultExportPath(const QString& notePath, ExportFormat format);

// Exports `note` (already resolved against `durationMs`) to `targetPath` atomically (writeFileAtomically).
NoteExportOutcome exportNoteToFile(const Note& note, const QString& notePath, ExportFormat format,
                                   std::optional<qint64> durationMs, const QString& targetPath);

}  // namespace scholia::gui
