#include "annotations/AnnotationSettings.h"

#include <QDir>
#include <QFileInfo>
#include <QSettings>

namespace scholia::gui {

namespace {
const QString patternKey = QStringLiteral("annotations/fileName");
const QString offsetKey = QStringLiteral("annotations/captureOffsetMs");
const QString pauseKey = QStringLiteral("annotations/pauseWhileTyping");
const QString showKey = QStringLiteral("annotations/show");
}  // namespace

QString AnnotationSettings::fileNamePattern()
{
    const QString pattern = QSettings().value(patternKey).toString().trimmed();
    return pattern.isEmpty() ? defaultFileNamePattern() : pattern;
}

void AnnotationSettings::setFileNamePattern(const QString& pattern)
{
    QSettings().setValue(patternKey, pattern.trimmed());
}

qint64 AnnotationSettings::captureOffsetMs()
{
    return QSettings().value(offsetKey, 0).toLongLong();
}

void AnnotationSettings::setCaptureOffsetMs(qint64 ms)
{
    QSettings().setValue(offsetKey, ms);
}

bool AnnotationSettings::pauseWhileTyping()
{
    return QSettings().value(pauseKey, true).toBool();
}

void AnnotationSettings::setPauseWhileTyping(bool pause)
{
    QSettings().setValue(pauseKey, pause);
}

bool AnnotationSettings::showAnnotations()
{
    return QSettings().value(showKey, true).toBool();
}

void AnnotationSettings::setShowAnnotations(bool show)
{
    QSettings().setValue(showKey, show);
}

QString AnnotationSettings::annotationsPathFor(const QString& notePath, const QString& pattern)
{
    const QFileInfo note(notePath);
    QString relative = pattern;
    relative.replace(QStringLiteral("{name}"), note.completeBaseName());
    if (relative.isEmpty() || QDir::isAbsolutePath(relative))
        return {};
    const QDir folder = note.absoluteDir();
    const QString path = QDir::cleanPath(folder.absoluteFilePath(relative));
    const QString prefix = QDir::cleanPath(folder.absolutePath()) + QLatin1Char('/');
    if (!path.startsWith(prefix) || path == QDir::cleanPath(note.absoluteFilePath()))
        return {};
    return path;
}

}  // namespace scholia::gui
