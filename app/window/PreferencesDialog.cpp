#include "window/PreferencesDialog.h"

#include "annotations/AnnotationPreferences.h"

#include <QDialogButtonBox>
#include <QDir>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QLabel>
#include <QListWidget>
#include <QPushButton>
#include <QVBoxLayout>

namespace scholia::gui {

PreferencesDialog::PreferencesDialog(const QStringList& mediaFolders, QWidget* parent) : QDialog(parent)
{
    setObjectName(QStringLiteral("preferencesDialog"));
    setWindowTitle(tr("Preferences"));

    auto* intro = new QLabel(tr("Media folders are searched for a note's video after the note's own folder: "
                                "a file named <i>videoId</i>.mp4 (or .mkv, .webm...) or one whose name "
                                "contains [<i>videoId</i>], as yt-dlp names its downloads."),
                             this);
    intro->setWordWrap(true);

    m_folders = new QListWidget(this);
    m_folders->setObjectName(QStringLiteral("mediaFolderList"));
    m_folders->setSelectionMode(QAbstractItemView::ExtendedSelection);
    for (const QString& folder : mediaFolders)
        m_folders->addItem(QDir::toNativeSeparators(folder));

    auto* add = new QPushButton(tr("Add..."), this);
    add->setObjectName(QStringLiteral("addMediaFolderButton"));
    connect(add, &QPushButton::clicked, this, &PreferencesDialog::addFolder);
    auto* remove = new QPushButton(tr("Remove"), this);
    remove->setObjectName(QStringLiteral("removeMediaFolderButton"));
    connect(remove, &QPushButton::clicked, this, &PreferencesDialog::removeSelected);

    auto* side = new QVBoxLayout;
    side->addWidget(add);
    side->addWidget(remove);
    side->addStretch();
    auto* row = new QHBoxLayout;
    row->addWidget(m_folders, 1);
    row->addLayout(side);

    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addLayout(row, 1);
    auto* annotations = new AnnotationPreferences(this);
    connect(this, &QDialog::accepted, annotations, &AnnotationPreferences::save);
    layout->addWidget(annotations);
    layout->addWidget(buttons);
    resize(520, 320);
}

QStringList PreferencesDialog::mediaFolders() const
{
    QStringList folders;
    for (int row = 0; row < m_folders->count(); ++row)
        folders << QDir::fromNativeSeparators(m_folders->item(row)->text());
    return folders;
}

void PreferencesDialog::addFolder()
{
    const QString folder = QFileDialog::getExistingDirectory(this, tr("Add a media folder"));
    if (folder.isEmpty() || !m_folders->findItems(QDir::toNativeSeparators(folder), Qt::MatchExactly).isEmpty())
        return;
    m_folders->addItem(QDir::toNativeSeparators(folder));
}

void PreferencesDialog::removeSelected()
{
    qDeleteAll(m_folders->selectedItems());
}

}  // namespace scholia::gui
