#include "annotations/AbLoop.h"

#include <QMediaPlayer>

#include <algorithm>

namespace scholia::gui {

AbLoop::AbLoop(QMediaPlayer* player, QObject* parent) : QObject(parent), m_player(player)
{
    connect(m_player, &QMediaPlayer::positionChanged, this, &AbLoop::onPosition);
    // A new video: the old range means nothing there.
    connect(m_player, &QMediaPlayer::sourceChanged, this, &AbLoop::clear);
}

bool AbLoop::setRange(qint64 a, qint64 b)
{
    if (a < 0 || b <= a)
        return false;
    m_a = a;
    m_b = b;
    update();
    return true;
}

void AbLoop::setA(qint64 ms)
{
    m_a = std::max<qint64>(0, ms);
    if (m_b >= 0 && m_b <= m_a)
        m_b = -1;  // an end before the new start is no end
    update();
}

void AbLoop::setB(qint64 ms)
{
    if (m_a >= 0 && ms <= m_a)
        return;
    m_b = std::max<qint64>(0, ms);
    update();
}

void AbLoop::clear()
{
    if (m_a < 0 && m_b < 0)
        return;
    m_a = m_b = -1;
    update();
}

void AbLoop::update()
{
    m_active = m_a >= 0 && m_b > m_a;
    Q_EMIT changed(m_a, m_b);
}

void AbLoop::onPosition(qint64 ms)
{
    // Checked on every position report: the overshoot past B is at most one report (a frame
    // or two). Before A the user sought there on purpose: the loop waits until B.
    if (m_active && ms >= m_b)
        m_player->setPosition(m_a);
}

}  // namespace scholia::gui
