#include "vault/VaultSidebar.h"

#include "vault/VaultSession.h"

#include <QComboBox>
#include <QFileInfo>
#include <QHeaderView>
#include <QLineEdit>
#include <QSortFilterProxyModel>
#include <QStandardItemModel>
#include <QTimer>
#include <QTreeView>
#include <QVBoxLayout>

#include <algorithm>

namespace scholia::gui {

VaultSidebar::VaultSidebar(QWidget* parent)
    : QWidget(parent), m_grouping(new QComboBox(this)), m_filter(new QLineEdit(this)), m_tree(new QTreeView(this)),
      m_model(new QStandardItemModel(this)), m_proxy(new QSortFilterProxyModel(this))
{
    setObjectName(QStringLiteral("vaultSidebar"));
    m_grouping->setObjectName(QStringLiteral("vaultGrouping"));
    m_grouping->addItem(tr("By folder"));
    m_grouping->addItem(tr("By video"));
    m_filter->setObjectName(QStringLiteral("vaultFilter"));
    m_filter->setPlaceholderText(tr("Filter notes"));
    m_filter->setClearButtonEnabled(true);
    m_tree->setObjectName(QStringLiteral("vaultTree"));
    m_tree->setHeaderHidden(true);
    m_tree->setUniformRowHeights(true);  // 20,000 rows lay out at once only with this
    m_tree->setEditTriggers(QAbstractItemView::NoEditTriggers);

    m_proxy->setSourceModel(m_model);
    m_proxy->setRecursiveFilteringEnabled(true);  // a folder stays while a note in it matches
    m_proxy->setFilterCaseSensitivity(Qt::CaseInsensitive);
    m_tree->setModel(m_proxy);

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_grouping);
    layout->addWidget(m_filter);
    layout->addWidget(m_tree, 1);

    m_fillTimer = new QTimer(this);
    m_fillTimer->setSingleShot(true);
    m_fillTimer->setInterval(0);
    connect(m_fillTimer, &QTimer::timeout, this, &VaultSidebar::fillSlice);

    connect(m_grouping, &QComboBox::currentIndexChanged, this, [this] { rebuild(); });
    connect(m_filter, &QLineEdit::textChanged, this, &VaultSidebar::onFilterChanged);
    connect(m_tree, &QTreeView::activated, this, &VaultSidebar::onActivated);
    connect(m_tree, &QTreeView::clicked, this, &VaultSidebar::onActivated);
}

void VaultSidebar::showVault(const VaultSession& vault)
{
    m_vault = &vault;
    rebuild();
}

void VaultSidebar::clear()
{
    m_vault = nullptr;
    rebuild();
}

void VaultSidebar::setGrouping(Grouping grouping)
{
    m_grouping->setCurrentIndex(grouping == Grouping::ByFolder ? 0 : 1);
}

VaultSidebar::Grouping VaultSidebar::grouping() const
{
    return m_grouping->currentIndex() == 0 ? Grouping::ByFolder : Grouping::ByVideo;
}

void VaultSidebar::focusFilter()
{
    m_filter->setFocus();
    m_filter->selectAll();
}

void VaultSidebar::rebuild()
{
    m_fillTimer->stop();
    delete m_filling;
    m_filling = nullptr;
    m_groups.clear();
    m_order.clear();
    m_filled = 0;
    if (!m_vault || !m_vault->isReady()) {
        m_model->clear();
        return;
    }
    const std::vector<VaultNoteRow>& notes = m_vault->overview().notes;
    m_order.resize(notes.size());
    for (std::size_t i = 0; i < notes.size(); ++i)
        m_order[i] = i;
    if (grouping() == Grouping::ByVideo) {
        // Videos by the title their group shows (ids only break ties), notes by path within
        // each; the notes without a video last.
        std::vector<QString> titles(notes.size());
        for (std::size_t i = 0; i < notes.size(); ++i)
            titles[i] = videoTitle(notes[i]);
        std::stable_sort(m_order.begin(), m_order.end(), [&notes, &titles](std::size_t a, std::size_t b) {
            const bool aHas = !notes[a].videoId.isEmpty();
            const bool bHas = !notes[b].videoId.isEmpty();
            if (aHas != bHas)
                return aHas;
            if (const int order = titles[a].compare(titles[b], Qt::CaseInsensitive); order != 0)
                return order < 0;
            return notes[a].videoId < notes[b].videoId;
        });
    }
    m_filling = new QStandardItemModel(this);
    fillSlice();
}

void VaultSidebar::fillSlice()
{
    const std::vector<VaultNoteRow>& notes = m_vault->overview().notes;
    const std::size_t end = std::min(m_order.size(), m_filled + rowsPerSlice);
    for (; m_filled < end; ++m_filled) {
        const VaultNoteRow& row = notes[m_order[m_filled]];
        groupFor(row)->appendRow(noteItem(row));
    }
    if (m_filled < m_order.size())
        m_fillTimer->start();  // the next slice after the events that came meanwhile
    else
        finishFilling();
}

void VaultSidebar::finishFilling()
{
    m_proxy->setSourceModel(m_filling);
    delete m_model;
    m_model = m_filling;
    m_filling = nullptr;
    m_groups.clear();
    if (!m_filter->text().isEmpty())
        m_tree->expandAll();
    setCurrentNote(m_currentPath);
}

QString VaultSidebar::videoTitle(const VaultNoteRow& row) const
{
    return m_vault->overview().videoTitles.value(row.videoId, row.title);
}

QStandardItem* VaultSidebar::groupFor(const VaultNoteRow& row)
{
    QStandardItem* root = m_filling->invisibleRootItem();
    QString key;
    QString label;
    QString tip;
    if (grouping() == Grouping::ByFolder) {
        const qsizetype slash = row.relativePath.lastIndexOf(QLatin1Char('/'));
        if (slash < 0)
            return root;  // a note at the top of the vault
        key = label = tip = row.relativePath.left(slash);
    } else if (row.videoId.isEmpty()) {
        key = QString();
        label = tr("Without a video");
        tip = tr("Notes that name no videoId: index pages and the like");
    } else {
        key = row.videoId;
        label = tr("%1 [%2]").arg(videoTitle(row), row.videoId);
        tip = tr("Notes about video %1").arg(row.videoId);
    }
    QStandardItem*& group = m_groups[key];
    if (!group) {
        group = new QStandardItem(label);
        group->setToolTip(tip);
        root->appendRow(group);
    }
    return group;
}

QStandardItem* VaultSidebar::noteItem(const VaultNoteRow& row)
{
    const qsizetype slash = row.relativePath.lastIndexOf(QLatin1Char('/'));
    auto* item = new QStandardItem(row.title.isEmpty() ? row.relativePath.mid(slash + 1) : row.title);
    item->setData(row.path, pathRole);
    item->setToolTip(row.relativePath);
    return item;
}

void VaultSidebar::setCurrentNote(const QString& path)
{
    m_currentPath = path;
    const QString canonical = QFileInfo(path).canonicalFilePath();
    const QModelIndexList found
        = m_model->match(m_model->index(0, 0), pathRole, canonical, 1, Qt::MatchExactly | Qt::MatchRecursive);
    if (found.isEmpty())
        return;
    const QModelIndex index = m_proxy->mapFromSource(found.first());
    if (!index.isValid())
        return;
    const QSignalBlocker blocker(m_tree);
    for (QModelIndex parent = index.parent(); parent.isValid(); parent = parent.parent())
        m_tree->expand(parent);
    m_tree->setCurrentIndex(index);
    m_tree->scrollTo(index);
}

void VaultSidebar::onFilterChanged(const QString& text)
{
    m_proxy->setFilterFixedString(text);
    if (!text.isEmpty())
        m_tree->expandAll();
}

void VaultSidebar::onActivated(const QModelIndex& index)
{
    const QString path = index.data(pathRole).toString();
    if (!path.isEmpty())
        Q_EMIT noteActivated(path);
}

}  // namespace scholia::gui
