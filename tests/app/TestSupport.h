#pragma once
// Shared by the GUI tests: where the sample files are, fixtures in temporary folders, and
// finding a link in the rendered note so that a real mouse click can hit it.

#include <QByteArray>
#include <QPoint>
#include <QString>
#include <QTextFragment>

#include <functional>
#include <optional>

class QTextDocument;

namespace scholia::gui {
class MainWindow;
class NoteSession;
class NoteView;
class PlayerPanel;
}  // namespace scholia::gui

namespace scholia::test {

QString sampleNotePath();
QString sampleVideoPath();  // 13:40, the sample note's stand-in video
QString testVideoPath();    // a 20 s clip

bool writeFile(const QString& path, const QByteArray& bytes);

using HrefMatcher = std::function<bool(const QString& href)>;
HrefMatcher hrefStartsWith(const QString& prefix);
HrefMatcher citationHref(int citationIndex);  // "seek:<ms>?c=<index>"

// The first fragment of the first anchor whose href matches; invalid when there is none.
QTextFragment findAnchor(const QTextDocument* document, const HrefMatcher& matches);

// Scrolls the anchor into view; a point in its middle, in viewport coordinates.
std::optional<QPoint> anchorPoint(gui::NoteView* view, const HrefMatcher& matches);

// A real left click (press and release) on the anchor. False if it is not in the note.
bool clickAnchor(gui::NoteView* view, const HrefMatcher& matches);

// The index of the first citation written exactly so, or -1.
int citationIndex(const gui::NoteSession& session, const QString& written);

// The window's parts, found by object name as a user-facing test would.
struct WindowParts {
    gui::NoteView* noteView = nullptr;
    gui::PlayerPanel* player = nullptr;
    gui::NoteSession* session = nullptr;
    bool complete() const { return noteView && player && session; }
};
WindowParts partsOf(gui::MainWindow& window);

QString statusText(gui::MainWindow& window);

}  // namespace scholia::test
