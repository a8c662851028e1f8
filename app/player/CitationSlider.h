#pragma once
// The position slider with marks on its groove: a tick for every citation of the note, a taller
// one where each section starts (and whatever other layers add later, such as annotations).
// Hovering a mark shows its text; clicking one emits markClicked(ms). Each owner sets its own
// layer of marks, so several features can mark the bar without knowing of each other.

#include <QList>
#include <QMap>
#include <QSlider>
#include <QString>

namespace scholia::gui {

struct SeekBarMark {
    enum class Kind { Citation, Section, Annotation };
    qint64 ms = 0;
    Kind kind = Kind::Citation;
    QString text;  // the tooltip: a claim, a heading, a comment
};

class CitationSlider : public QSlider {
    Q_OBJECT
public:
    explicit CitationSlider(QWidget* parent = nullptr);

    // Replaces the marks of `layer` ("citations", "annotations"...); an empty list removes it.
    void setMarks(const QString& layer, const QList<SeekBarMark>& marks);
    QList<SeekBarMark> marks(const QString& layer) const { return m_layers.value(layer); }

    // Where the mark at `ms` is drawn, in widget coordinates (the middle of the groove).
    QPoint pointForMs(qint64 ms) const;
    // The marks drawn within a few pixels of `x`, nearest first.
    QList<SeekBarMark> marksNear(int x) const;

Q_SIGNALS:
    void markClicked(qint64 ms);

protected:
    bool event(QEvent* event) override;
    void mousePressEvent(QMouseEvent* event) override;
    void paintEvent(QPaintEvent* event) override;

private:
    int xForMs(qint64 ms) const;
    QRect grooveRect() const;

    QMap<QString, QList<SeekBarMark>> m_layers;
};

}  // namespace scholia::gui
