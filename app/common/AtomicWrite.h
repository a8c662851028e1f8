#pragma once
// Writing a whole file so that, whatever happens (a crash, a kill, a full disk), the file on
// disk is either its old content or the new one, never a mix or a truncation: the bytes go to
// a temporary file beside it (QSaveFile), which replaces the target only once complete.
// Every file Scholia writes goes through this (or through QSettings, which does the same).

#include <QByteArray>
#include <QString>

namespace scholia::gui {

// Writes `bytes` as the whole content of `path`. Returns an empty string on success, else
// what went wrong, in words, for the user ("Cannot save notes.md: No space left on device").
// The target is left untouched when it fails. Never writes over the file in place.
QString writeFileAtomically(const QString& path, const QByteArray& bytes);

}  // namespace scholia::gui
