#pragma once
// The playback speeds the viewer offers, 0.5x to 2x, and stepping between them.

#include <QList>
#include <QString>

namespace scholia::gui::PlaybackSpeed {

inline constexpr double minimum = 0.5;
inline constexpr double maximum = 2.0;

QList<double> steps();

// The next step above or below `speed`, clamped to the range.
double faster(double speed);
double slower(double speed);

// Clamps a stored or typed speed into the range (1.0 for nonsense such as NaN).
double sanitized(double speed);

// "1x", "1.25x", "0.5x".
QString label(double speed);

}  // namespace scholia::gui::PlaybackSpeed
