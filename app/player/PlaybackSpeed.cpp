#include "player/PlaybackSpeed.h"

#include <algorithm>
#include <cmath>

namespace scholia::gui::PlaybackSpeed {

namespace {
constexpr double epsilon = 1e-6;
}

QList<double> steps()
{
    return {0.5, 0.75, 1.0, 1.25, 1.5, 1.75, 2.0};
}

double faster(double speed)
{
    for (double step : steps()) {
        if (step > speed + epsilon)
            return step;
    }
    return maximum;
}

double slower(double speed)
{
    const QList<double> all = steps();
    for (auto it = all.rbegin(); it != all.rend(); ++it) {
        if (*it < speed - epsilon)
            return *it;
    }
    return minimum;
}

double sanitized(double speed)
{
    if (!std::isfinite(speed))
        return 1.0;
    return std::clamp(speed, minimum, maximum);
}

QString label(double speed)
{
    return QString::number(speed, 'g', 3) + QLatin1Char('x');
}

}  // namespace scholia::gui::PlaybackSpeed
