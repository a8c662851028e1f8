#pragma once
// The outline dock: the note's headings, each with the span of video its citations cover
// ("3:17 - 5:42"). The section the video is in is shown in bold. A click on a heading emits
// headingActivated; MainWindow scrolls the note there and seeks.

#include "note/Note.h"

#include <QDockWidget>

#include <optional>

class QTreeWidget;
class QTreeWidgetItem;

namespace scholia::gui {

class OutlinePane : public QDockWidget {
    Q_OBJECT
public:
    explicit OutlinePane(QWidget* parent = nullptr);

    void setNote(const Note& note);
    void clear();
    // The section playback is in (an index into Note::outline), or none.
    void setCurrentSection(std::optional<int> heading);
    std::optional<int> currentSection() const { return m_current; }

    QTreeWidget* tree() const { return m_tree; }
    // The row of heading `heading`, or null.
    QTreeWidgetItem* itemForHeading(int heading) const;

Q_SIGNALS:
    // `firstCitation`: where the section's first cited time is (index into Note::citations), -1 for none.
    void headingActivated(int heading, int firstCitation);

private:
    void onItemActivated(QTreeWidgetItem* item);
    void setBold(QTreeWidgetItem* item, bool bold);

    QTreeWidget* m_tree = nullptr;
    QList<QTreeWidgetItem*> m_items;  // by heading index
    std::optional<int> m_current;
};

}  // namespace scholia::gui
