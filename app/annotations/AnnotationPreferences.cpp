#include "annotations/AnnotationPreferences.h"

#include "annotations/AnnotationSettings.h"

#include <QCheckBox>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QLineEdit>

#include <cmath>

namespace scholia::gui {

AnnotationPreferences::AnnotationPreferences(QWidget* parent) : QGroupBox(tr("Annotations"), parent)
{
    setObjectName(QStringLiteral("annotationPreferences"));
    m_fileName = new QLineEdit(AnnotationSettings::fileNamePattern(), this);
    m_fileName->setObjectName(QStringLiteral("annotationsFileEdit"));
    m_fileName->setToolTip(
        tr("Relative to the note's folder; {name} is the note's name. The note itself is never written."));
    m_offset = new QDoubleSpinBox(this);
    m_offset->setObjectName(QStringLiteral("captureOffsetSpin"));
    m_offset->setRange(-60.0, 60.0);
    m_offset->setDecimals(1);
    m_offset->setSingleStep(0.5);
    m_offset->setSuffix(tr(" s"));
    m_offset->setValue(static_cast<double>(AnnotationSettings::captureOffsetMs()) / 1000.0);
    m_offset->setToolTip(
        tr("Added to the playback time when you stamp an annotation: -3 s catches what was just said."));
    m_pause = new QCheckBox(tr("Pause the video while I type"), this);
    m_pause->setObjectName(QStringLiteral("pauseWhileTypingCheck"));
    m_pause->setChecked(AnnotationSettings::pauseWhileTyping());

    auto* form = new QFormLayout(this);
    form->addRow(tr("Annotations file:"), m_fileName);
    form->addRow(tr("Time offset:"), m_offset);
    form->addRow(QString(), m_pause);
}

void AnnotationPreferences::save()
{
    AnnotationSettings::setFileNamePattern(m_fileName->text());
    AnnotationSettings::setCaptureOffsetMs(std::llround(m_offset->value() * 1000.0));
    AnnotationSettings::setPauseWhileTyping(m_pause->isChecked());
}

}  // namespace scholia::gui
