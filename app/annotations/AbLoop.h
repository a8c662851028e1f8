#pragma once
// An A-B loop on a QMediaPlayer: when playback reaches B it jumps back to A, for close study
// of one claim. A and B can also be set one at a time (the shortcuts): the loop runs once
// both are set and A < B.

#include <QObject>

class QMediaPlayer;

namespace scholia::gui {

class AbLoop : public QObject {
    Q_OBJECT
public:
    explicit AbLoop(QMediaPlayer* player, QObject* parent = nullptr);

    // False (nothing changes) unless 0 <= a < b.
    bool setRange(qint64 a, qint64 b);
    // Sets one end; when the other is set and the order is right, the loop runs.
    void setA(qint64 ms);
    void setB(qint64 ms);
    void clear();

    bool isActive() const { return m_active; }
    qint64 a() const { return m_a; }  // -1 when unset
    qint64 b() const { return m_b; }

Q_SIGNALS:
    // (a, b) when a loop runs; (-1, -1) when cleared; also when only one end is set.
    void changed(qint64 a, qint64 b);

private:
    void onPosition(qint64 ms);
    void update();

    QMediaPlayer* m_player = nullptr;
    qint64 m_a = -1;
    qint64 m_b = -1;
    bool m_active = false;
};

}  // namespace scholia::gui
