#pragma once
// The notes opened lately, most recent first, kept in QSettings; fills File > Open Recent.
// The list lives in memory; QSettings is written a turn of the event loop after a change, on a
// thread of its own, so that opening a note never waits for the settings file: QSettings saves
// through QSaveFile, which syncs the file to disk (1 to 4 ms here, ~20 ms seen on a busy disk,
// and the disk is busiest while a vault is indexed).

#include <QObject>
#include <QStringList>
#include <QThreadPool>

class QMenu;
class QTimer;

namespace scholia::gui {

class RecentFiles : public QObject {
    Q_OBJECT
public:
    static constexpr int maxFiles = 10;

    explicit RecentFiles(QObject* parent = nullptr);
    ~RecentFiles() override;  // writes a change still waiting, and waits until it is written

    void add(const QString& path);
    QStringList files() const;
    // The most recent note that still exists, or empty.
    QString mostRecentExisting() const;

    // Replaces the menu's actions with one per existing file, and a "Clear" entry.
    void fillMenu(QMenu* menu);

Q_SIGNALS:
    void openRequested(const QString& path);

private:
    void store(const QStringList& files);
    void save();

    QStringList m_files;
    QTimer* m_storeTimer = nullptr;
    bool m_unsaved = false;
    QThreadPool m_writer;  // one thread, so the lists are written in the order they were made
};

}  // namespace scholia::gui
