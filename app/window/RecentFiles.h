#pragma once
// The notes opened lately, most recent first, kept in QSettings; fills File > Open Recent.

#include <QObject>
#include <QStringList>

class QMenu;

namespace scholia::gui {

class RecentFiles : public QObject
{
    Q_OBJECT
public:
    static constexpr int maxFiles = 10;

    explicit RecentFiles(QObject* parent = nullptr);

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
};

}  // namespace scholia::gui
