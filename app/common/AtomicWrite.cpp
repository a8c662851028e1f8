#include "common/AtomicWrite.h"

#include <QCoreApplication>
#include <QFileInfo>
#include <QSaveFile>

namespace scholia::gui {

QString writeFileAtomically(const QString& path, const QByteArray& bytes)
{
    const QString name = QFileInfo(path).fileName();
    const auto failure = [&name](const QString& reason) {
        return QCoreApplication::translate("AtomicWrite", "Cannot save %1: %2").arg(name, reason);
    };
    if (path.isEmpty())
        return QCoreApplication::translate("AtomicWrite", "Cannot save: no file name was given.");

    QSaveFile file(path);
    // The default, stated: never fall back to writing into the target itself, which a crash
    // would leave half-written. A folder we cannot create files in is an error instead.
    file.setDirectWriteFallback(false);
    if (!file.open(QIODevice::WriteOnly))
        return failure(file.errorString());
    if (file.write(bytes) != bytes.size()) {
        const QString reason = file.errorString();
        file.cancelWriting();
        return failure(reason);
    }
    if (!file.commit())
        return failure(file.errorString());
    return {};
}

}  // namespace scholia::gui
