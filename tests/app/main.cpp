// Runs the GUI test classes: all of them, or the one named by the first argument
// (`app_tests MainWindowTest [QTest options and functions]`), as ctest does.

#include <QApplication>
#include <QSettings>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <algorithm>
#include <functional>
#include <memory>
#include <vector>

std::unique_ptr<QObject> makeCommandLineTest();
std::unique_ptr<QObject> makePlayerPartsTest();
std::unique_ptr<QObject> makeNoteViewTest();
std::unique_ptr<QObject> makeMainWindowTest();
std::unique_ptr<QObject> makeFollowAlongTest();
std::unique_ptr<QObject> makeAnnotationsTest();
std::unique_ptr<QObject> makeExportMenuTest();
std::unique_ptr<QObject> makeNavigationHistoryTest();
std::unique_ptr<QObject> makeVaultWindowTest();
std::unique_ptr<QObject> makeAtomicWriteTest();
std::unique_ptr<QObject> makeBadInputTest();
std::unique_ptr<QObject> makeRenderingSecurityTest();

int main(int argc, char* argv[])
{
    // Same backend as the app (see app/main.cpp), unless the environment chose.
    if (qEnvironmentVariableIsEmpty("QT_MEDIA_BACKEND"))
        qputenv("QT_MEDIA_BACKEND", "ffmpeg");
    QApplication app(argc, argv);
    QApplication::setOrganizationName(QStringLiteral("ScholiaTests"));
    QApplication::setApplicationName(QStringLiteral("app_tests"));

    // Never the user's settings: test mode for QStandardPaths, and QSettings in a fresh folder.
    QStandardPaths::setTestModeEnabled(true);
    QTemporaryDir settingsDir;
    QSettings::setPath(QSettings::NativeFormat, QSettings::UserScope, settingsDir.path());
    QSettings::setPath(QSettings::IniFormat, QSettings::UserScope, settingsDir.path());

    const std::vector<std::pair<QString, std::function<std::unique_ptr<QObject>()>>> classes = {
        {QStringLiteral("CommandLineTest"), makeCommandLineTest},
        {QStringLiteral("PlayerPartsTest"), makePlayerPartsTest},
        {QStringLiteral("NoteViewTest"), makeNoteViewTest},
        {QStringLiteral("MainWindowTest"), makeMainWindowTest},
        {QStringLiteral("FollowAlongTest"), makeFollowAlongTest},
        {QStringLiteral("AnnotationsTest"), makeAnnotationsTest},
        {QStringLiteral("ExportMenuTest"), makeExportMenuTest},
        {QStringLiteral("NavigationHistoryTest"), makeNavigationHistoryTest},
        {QStringLiteral("VaultWindowTest"), makeVaultWindowTest},
        {QStringLiteral("AtomicWriteTest"), makeAtomicWriteTest},
        {QStringLiteral("BadInputTest"), makeBadInputTest},
        {QStringLiteral("RenderingSecurityTest"), makeRenderingSecurityTest},
    };

    QStringList arguments = QApplication::arguments();
    QString only;
    if (arguments.size() > 1) {
        const auto named = std::find_if(classes.begin(), classes.end(),
                                        [&arguments](const auto& entry) { return entry.first == arguments.at(1); });
        if (named != classes.end())
            only = arguments.takeAt(1);
    }

    int failed = 0;
    for (const auto& [name, make] : classes) {
        if (only.isEmpty() || only == name) {
            const std::unique_ptr<QObject> test = make();
            failed += QTest::qExec(test.get(), arguments);
        }
    }
    return failed == 0 ? 0 : 1;
}
