#include "follow/NoteLineAnchor.h"

#include "common/CoreBridge.h"

#include <algorithm>

namespace scholia::gui {

QString anchorForLine(const Note& note, int line)
{
    // Claims and headings are in source order: the last one at or before `line` of each.
    const auto claim = std::upper_bound(note.claims.begin(), note.claims.end(), line,
                                        [](int l, const Claim& c) { return l < c.line; });
    const auto heading = std::upper_bound(note.outline.begin(), note.outline.end(), line,
                                          [](int l, const Heading& h) { return l < h.line; });
    const Claim* lastClaim = claim == note.claims.begin() ? nullptr : &*std::prev(claim);
    const Heading* lastHeading = heading == note.outline.begin() ? nullptr : &*std::prev(heading);
    if (lastClaim && (!lastHeading || lastClaim->line >= lastHeading->line))
        return toQString(lastClaim->id);
    return lastHeading ? toQString(lastHeading->anchor) : QString();
}

}  // namespace scholia::gui
