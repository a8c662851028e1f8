#include "follow/LinkDiagnostics.h"

#include "common/CoreBridge.h"
#include "note/NoteSession.h"

#include <QFileInfo>

namespace scholia::gui {

std::vector<Diagnostic> linkDiagnostics(const NoteSession& session)
{
    std::vector<Diagnostic> diagnostics;
    if (!session.hasNote())
        return diagnostics;
    const std::string ownName = toUtf8(QFileInfo(session.path()).completeBaseName());
    for (const WikiLink& link : session.note().wikilinks) {
        const bool toThisNote = link.target.empty() || link.target == ownName;
        if (toThisNote) {
            if (!link.fragment.empty() && session.anchorForFragment(toQString(link.fragment)).isEmpty())
                diagnostics.push_back({link.line, link.column, Severity::Warning,
                                       "link to heading \"" + link.fragment + "\": this note has no such heading"});
        } else if (const NoteSession::WikiLinkCheck check = session.checkWikiLink(link.target); !check.exists) {
            diagnostics.push_back({link.line, link.column, Severity::Warning,
                                   "link to \"" + link.target + "\": no such note in the "
                                       + (check.byLinkCheck ? "vault" : "note's folder")});
        }
    }
    return diagnostics;
}

}  // namespace scholia::gui
