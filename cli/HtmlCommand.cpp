#include "HtmlCommand.h"

#include "NoteFiles.h"
#include "render/HtmlRenderer.h"

namespace scholia::cli {

int runHtml(const Options& options, std::ostream& out, std::ostream& err)
{
    const LoadedNote loaded = loadNote(options.paths.front(), options.durationMs);
    if (!loaded.note) {
        err << "scholia-cli: error: " << loaded.error << '\n';
        return kExitFailure;
    }
    out << renderHtml(*loaded.note);
    return kExitOk;
}

}  // namespace scholia::cli
