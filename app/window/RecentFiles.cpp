#include "window/RecentFiles.h"

#include "common/SettingsKeys.h"

#include <QDir>
#include <QFileInfo>
#include <QMenu>
#include <QSettings>
#include <QTimer>

namespace scholia::gui {

RecentFiles::RecentFiles(QObject* parent)
    : QObject(parent), m_files(QSettings().value(SettingsKeys::recentFiles).toStringList()),
      m_storeTimer(new QTimer(this))
{
    setObjectName(QStringLiteral("recentFiles"));
    m_writer.setMaxThreadCount(1);
    m_storeTimer->setSingleShot(true);
    m_storeTimer->setInterval(0);
    connect(m_storeTimer, &QTimer::timeout, this, &RecentFiles::save);
}

RecentFiles::~RecentFiles()
{
    save();
    m_writer.waitForDone();
}

void RecentFiles::save()
{
    if (!m_unsaved)
        return;
    m_unsaved = false;
    m_storeTimer->stop();
    // QSettings is reentrant: an instance of the writer thread's own, on the same file.
    m_writer.start([files = m_files] { QSettings().setValue(SettingsKeys::recentFiles, files); });
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
    return m_files;
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
        const QString label
            = QStringLiteral("%1%2  (%3)")
                  .arg(shown <= 9 ? QStringLiteral("&%1 ").arg(shown) : QString(), QFileInfo(file).fileName(),
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
    m_files = files;
    m_unsaved = true;
    m_storeTimer->start();
}

}  // namespace scholia::gui
