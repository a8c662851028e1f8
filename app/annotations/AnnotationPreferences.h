#pragma once
// The Annotations group of the Preferences dialog: where the annotations file goes, the
// capture offset, and whether playback pauses while typing. save() writes AnnotationSettings.

#include <QGroupBox>

class QCheckBox;
class QLineEdit;
class QDoubleSpinBox;

namespace scholia::gui {

class AnnotationPreferences : public QGroupBox {
    Q_OBJECT
public:
    explicit AnnotationPreferences(QWidget* parent = nullptr);

public Q_SLOTS:
    void save();

private:
    QLineEdit* m_fileName = nullptr;
    QDoubleSpinBox* m_offset = nullptr;
    QCheckBox* m_pause = nullptr;
};

}  // namespace scholia::gui
