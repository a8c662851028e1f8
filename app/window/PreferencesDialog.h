#pragma once
// Preferences: the media folders searched for a note's video after the note's own folder.

#include <QDialog>
#include <QStringList>

class QListWidget;

namespace scholia::gui {

class PreferencesDialog : public QDialog {
    Q_OBJECT
public:
    explicit PreferencesDialog(const QStringList& mediaFolders, QWidget* parent = nullptr);

    QStringList mediaFolders() const;

private:
    void addFolder();
    void removeSelected();

    QListWidget* m_folders = nullptr;
};

}  // namespace scholia::gui
