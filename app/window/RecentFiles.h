#pragma once
// The notes opened lately, most recent first, kept in QSettings; fills File > Open Recent.
// The list lives in memory; QSettings is written a turn of the event loop after a change, so
// that opening a note never waits for the settings file (a write took ~20 ms on a busy disk).

#include <QObject>
#include <QStringList>

class QMenu;
class QTimer;

namespace scholia::gui {

class RecentFiles : public QObject
{
    Q_OBJECT
public:
    static constexpr int maxFiles = 10;

    explicit RecentFiles(QObject* parent = nullptr);
    ~RecentFiles() override;  // writes a change still waiting

    void add(const QString& path);
    QStringList files() const;
    // The most recent note that still exists, or empty.
    QString mostRecentExisting() const;

    // Replaces the menu's actions with one per existing file, and a "Clear" entry.
    void fillMenu(QMenu* menu);

    // Writes a waiting change to QSettings now.
    void flush();

Q_SIGNALS:
    void openRequested(const QString& path);

private:
    void store(const QStringList& files);

    QStringList m_files;
    QTimer* m_storeTimer = nullptr;
    bool m_unsaved = false;
};

}  // namespace scholia::gui
