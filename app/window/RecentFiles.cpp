#include "window/RecentFiles.h"

#include "common/SettingsKeys.h"

#include <QDir>
#include <QFileInfo>
#include <QMenu>
#include <QSettings>

namespace scholia::gui {

RecentFiles::RecentFiles(QObject* parent)
    : QObject(parent)
{
    setObjectName(QStringLiteral("recentFiles"));
}

void RecentFiles::add(const QString& path)
{
    const QString absolute = QFileInfo(path).absoluteFilePath();
    QStringList list = files();
    list.removeAll(absolute);
    list.prepend(absolute);
    store(list.mid(0, maxFiles));
}

QStringList RecentFiles::files() const
{
    return QSettings().value(SettingsKeys::recentFiles).toStringList();
}

QString RecentFiles::mostRecentExisting() const
{
    for (const QString& file : files()) {
        if (QFileInfo(file).isFile())
            return file;
    }
    return {};
}

void RecentFiles::fillMenu(QMenu* menu)
{
    menu->clear();
    int shown = 0;
    for (const QString& file : files()) {
        if (!QFileInfo(file).isFile())
            continue;
        ++shown;
        // "&1 note.md  (~/notes)": a mnemonic for the first nine.
        const QString label = QStringLiteral("%1%2  (%3)")
                                  .arg(shown <= 9 ? QStringLiteral("&%1 ").arg(shown) : QString(),
                                       QFileInfo(file).fileName(),
                                       QDir::toNativeSeparators(QFileInfo(file).absolutePath()));
        QAction* action = menu->addAction(label);
        action->setData(file);
        connect(action, &QAction::triggered, this, [this, file] { Q_EMIT openRequested(file); });
    }
    if (shown == 0) {
        menu->addAction(tr("No recent notes"))->setEnabled(false);
        return;
    }
    menu->addSeparator();
    connect(menu->addAction(tr("Clear Recent Notes")), &QAction::triggered, this, [this] { store({}); });
}

void RecentFiles::store(const QStringList& files)
{
    QSettings().setValue(SettingsKeys::recentFiles, files);
}

}  // namespace scholia::gui
