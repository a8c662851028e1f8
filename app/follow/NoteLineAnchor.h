#pragma once
// Where in the rendered note a source line is: the anchor of the claim or heading that holds it
// (the last one starting at or before it). Diagnostics carry lines; the view scrolls to anchors.

#include "note/Note.h"

#include <QString>

namespace scholia::gui {

// "claim-N" or a heading's anchor; empty when the line comes before every claim and heading.
QString anchorForLine(const Note& note, int line);

}  // namespace scholia::gui
