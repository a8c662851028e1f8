#pragma once
// Problems with the note's [[links]] that only the app can see, because they depend on the
// notes around it: a link to no note (in the open vault, or else in the note's folder), a link
// to a heading of this note that does not exist. The same answer as the renderer's styling
// (NoteSession::checkWikiLink).

#include "common/Diagnostic.h"

#include <vector>

namespace scholia::gui {

class NoteSession;

std::vector<Diagnostic> linkDiagnostics(const NoteSession& session);

}  // namespace scholia::gui
