// File > Export on the real MainWindow: the menu lists every core format, the save dialog
// proposes a name beside the note, and what lands on disk is exactly what core exports.

#include "export/Export.h"
#include "note/NoteParser.h"
#include "note/NoteResolver.h"
#include "note/NoteSession.h"
#include "window/MainWindow.h"

#include "TestSupport.h"

#include <QAction>
#include <QApplication>
#include <QDialog>
#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QMenu>
#include <QMessageBox>
#include <QPushButton>
#include <QSettings>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

#include <functional>
#include <memory>

using namespace scholia;
using namespace scholia::gui;
using namespace scholia::test;

namespace {

QByteArray readAll(const QString& path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

// Answers the next save dialog the way a user would: looks at the proposed name, then picks
// `choose(proposed)` (or cancels when it returns an empty string).
void answerNextSaveDialog(QString* proposed, std::function<QString(const QString&)> choose)
{
    QTimer::singleShot(0, [proposed, choose = std::move(choose)] {
        auto* dialog = qobject_cast<QFileDialog*>(QApplication::activeModalWidget());
        QVERIFY(dialog);
        *proposed = dialog->selectedFiles().value(0);
        const QString path = choose(*proposed);
        if (path.isEmpty()) {
            dialog->reject();
            return;
        }
        dialog->selectFile(path);
        // Choosing an existing file makes the dialog ask "replace it?"; the user says yes.
        QTimer::singleShot(0, [] {
            if (auto* box = qobject_cast<QMessageBox*>(QApplication::activeModalWidget()))
                box->button(QMessageBox::Yes)->click();
        });
        static_cast<QDialog*>(dialog)->accept();  // public on QDialog
    });
}

}  // namespace

class ExportMenuTest : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void init()
    {
        QSettings().clear();
        QVERIFY(m_dir.isValid());
        m_notePath = m_dir.filePath(QStringLiteral("irans_cyber_attacks_on_albania.md"));
        QFile::remove(m_notePath);
        QVERIFY(QFile::copy(sampleNotePath(), m_notePath));
        m_window = std::make_unique<MainWindow>();
        m_window->show();
    }

    void cleanup() { m_window.reset(); }

    void theMenuListsEveryFormat()
    {
        auto* menu = m_window->findChild<QMenu*>(QStringLiteral("exportMenu"));
        QVERIFY(menu);
        for (const ExportFormat format : exportFormats()) {
            const QString name
                = QStringLiteral("export_")
                + QString::fromUtf8(exportFormatName(format).data(), qsizetype(exportFormatName(format).size()));
            QVERIFY2(m_window->findChild<QAction*>(name), qPrintable(name));
        }
    }

    void chaptersAreWrittenBesideTheNoteAndMatchCore()
    {
        QVERIFY(m_window->openNote(m_notePath));
        const QByteArray noteBefore = readAll(m_notePath);
        QString proposed;
        answerNextSaveDialog(&proposed, [](const QString& name) { return name; });
        m_window->findChild<QAction*>(QStringLiteral("export_chapters"))->trigger();

        QCOMPARE(QFileInfo(proposed).fileName(), QStringLiteral("irans_cyber_attacks_on_albania.chapters.txt"));
        QCOMPARE(QFileInfo(proposed).absolutePath(), QFileInfo(m_notePath).absolutePath());
        const QByteArray written = readAll(proposed);
        const ExportResult expected
            = exportNote(resolveTimestamps(parseNote(noteBefore.toStdString())), ExportFormat::Chapters);
        QVERIFY(expected.ok());
        QCOMPARE(written, QByteArray::fromStdString(expected.text));
        QVERIFY(written.startsWith("0:00 "));
        QVERIFY(statusText(*m_window).contains(QLatin1String("Exported")));
        QCOMPARE(readAll(m_notePath), noteBefore);  // the note is never touched
    }

    void theNoteItselfIsNeverOverwritten()
    {
        QVERIFY(m_window->openNote(m_notePath));
        const QByteArray noteBefore = readAll(m_notePath);
        QString proposed;
        answerNextSaveDialog(&proposed, [this](const QString&) { return m_notePath; });
        m_window->findChild<QAction*>(QStringLiteral("export_markdown"))->trigger();
        QCOMPARE(readAll(m_notePath), noteBefore);
        QVERIFY(statusText(*m_window).contains(QLatin1String("never overwrites")));
    }

    void cancellingWritesNothing()
    {
        QVERIFY(m_window->openNote(m_notePath));
        QString proposed;
        answerNextSaveDialog(&proposed, [](const QString&) { return QString(); });
        m_window->findChild<QAction*>(QStringLiteral("export_csv"))->trigger();
        QVERIFY(!proposed.isEmpty());
        QVERIFY(!QFileInfo::exists(proposed));
    }

    void withoutANoteItSaysSo()
    {
        m_window->findChild<QAction*>(QStringLiteral("export_json"))->trigger();
        QVERIFY(statusText(*m_window).contains(QLatin1String("nothing to export")));
    }

private:
    QTemporaryDir m_dir;
    QString m_notePath;
    std::unique_ptr<MainWindow> m_window;
};

std::unique_ptr<QObject> makeExportMenuTest()
{
    return std::make_unique<ExportMenuTest>();
}

#include "ExportMenuTest.moc"
