#pragma once
// "1 note", "5 notes": the app ships no translations, so tr()'s "%n note(s)" would stay as is.

#include <QString>

namespace scholia::gui {

// `many` holds %1 for the number: counted(n, "1 note", "%1 notes").
inline QString counted(qint64 n, const QString& one, const QString& many)
{
    return n == 1 ? one : many.arg(n);
}

}  // namespace scholia::gui
