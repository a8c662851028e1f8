#pragma once
// How a citation is described in the status bar after a click. The wording reuses core's
// Resolution::explanation so the app, its tooltips (made by the renderer) and the CLI agree.

#include "note/Note.h"

#include <QString>

namespace scholia::gui::CitationWording {

// After a click that moved the video: "Playing from 1:11: 01:11:11 read as 1:11 (...)", or
// "Playing from 0:09 (written 00:00:09)" when the citation was read as written.
QString jumpMessage(const Citation& citation, qint64 ms);

// After a click with no playable video: where the citation points and what to do.
QString noVideoMessage(const Citation& citation, qint64 ms, bool hasVideoId);

}  // namespace scholia::gui::CitationWording
