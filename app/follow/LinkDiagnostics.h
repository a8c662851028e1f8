#pragma once
// Problems with the note's [[links]] that only the app can see, because they depend on the
// files beside the note: a link to a note that is not in its folder, a link to a heading of
// this note that does not exist. The same lookups as the renderer's styling (NoteSession::html).

#include "common/Diagnostic.h"

#include <vector>

namespace scholia::gui {

class NoteSession;

std::vector<Diagnostic> linkDiagnostics(const NoteSession& session);

}  // namespace scholia::gui
