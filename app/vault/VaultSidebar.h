#pragma once
// The vault's notes as a tree: by folder, or by video (notes sharing a videoId under the
// video, notes without one under their own heading), narrowed by a filter box. Emits
// noteActivated(path) when a note is chosen; MainWindow opens it. A large vault is listed a
// slice at a time, so that the window stays responsive while 20,000 rows are made.

#include <QHash>
#include <QWidget>

#include <vector>

class QComboBox;
class QLineEdit;
class QSortFilterProxyModel;
class QStandardItem;
class QStandardItemModel;
class QTimer;
class QTreeView;

namespace scholia::gui {

class VaultSession;
struct VaultNoteRow;

class VaultSidebar : public QWidget {
    Q_OBJECT
public:
    enum class Grouping { ByFolder, ByVideo };

    explicit VaultSidebar(QWidget* parent = nullptr);

    // Lists the vault's notes again (after indexing or a change on disk).
    void showVault(const VaultSession& vault);
    void clear();
    void setGrouping(Grouping grouping);
    Grouping grouping() const;
    // Selects the note shown in the viewer, without emitting anything.
    void setCurrentNote(const QString& path);
    void focusFilter();

    static constexpr int pathRole = Qt::UserRole + 1;
    static constexpr std::size_t rowsPerSlice = 1000;  // ~20 ms of item making

Q_SIGNALS:
    void noteActivated(const QString& path);

private:
    void rebuild();
    void fillSlice();
    void finishFilling();
    QStandardItem* groupFor(const VaultNoteRow& row);
    QString videoTitle(const VaultNoteRow& row) const;  // the title a note's video group shows
    static QStandardItem* noteItem(const VaultNoteRow& row);
    void onFilterChanged(const QString& text);
    void onActivated(const QModelIndex& index);

    const VaultSession* m_vault = nullptr;
    QComboBox* m_grouping = nullptr;
    QLineEdit* m_filter = nullptr;
    QTreeView* m_tree = nullptr;
    QStandardItemModel* m_model = nullptr;    // shown
    QStandardItemModel* m_filling = nullptr;  // being filled, shown once complete
    QHash<QString, QStandardItem*> m_groups;  // of m_filling: folder or videoId -> its row
    std::vector<std::size_t> m_order;         // rows of the overview, in the order listed
    std::size_t m_filled = 0;
    QTimer* m_fillTimer = nullptr;
    QSortFilterProxyModel* m_proxy = nullptr;
    QString m_currentPath;
};

}  // namespace scholia::gui
