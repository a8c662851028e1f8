#pragma once
// The annotation preferences, read from QSettings where they are used (so a change in
// Preferences applies at once) and written by AnnotationPreferences.

#include <QString>

namespace scholia::gui {

class AnnotationSettings {
public:
    // "{name}" is the note's file name without its suffix; the path is relative to the
    // note's folder and must stay inside it (images it embeds are shown only from there).
    static QString fileNamePattern();
    static void setFileNamePattern(const QString& pattern);
    static QString defaultFileNamePattern() { return QStringLiteral("{name}.annotations.md"); }

    // Added to the playback position when an annotation is stamped (negative: earlier, to
    // catch what was just said). Frame captures are never shifted: the picture is what is shown.
    static qint64 captureOffsetMs();
    static void setCaptureOffsetMs(qint64 ms);

    static bool pauseWhileTyping();
    static void setPauseWhileTyping(bool pause);

    static bool showAnnotations();
    static void setShowAnnotations(bool show);

    // The annotations file for `notePath`; empty when the pattern is unusable (outside the
    // note's folder, or the note itself: the note is never written).
    static QString annotationsPathFor(const QString& notePath, const QString& pattern = fileNamePattern());
};

}  // namespace scholia::gui
