// `scholia [NOTE.md | FOLDER] [--video FILE]` as parsed by window/CommandLine.

#include "window/CommandLine.h"

#include <QDir>
#include <QTest>

#include <memory>

using scholia::gui::CommandLine;

class CommandLineTest : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void noArgumentMeansReopenTheLastNote()
    {
        CommandLine commandLine;
        QVERIFY(commandLine.parse({QStringLiteral("scholia")}));
        QVERIFY(commandLine.target().isEmpty());
        QVERIFY(commandLine.video().isEmpty());
    }

    void noteAndVideoBecomeAbsolutePaths()
    {
        CommandLine commandLine;
        QVERIFY(commandLine.parse({QStringLiteral("scholia"), QStringLiteral("notes/a.md"), QStringLiteral("--video"),
                                   QStringLiteral("clips/a.mp4")}));
        QCOMPARE(commandLine.target(), QDir::current().absoluteFilePath(QStringLiteral("notes/a.md")));
        QCOMPARE(commandLine.video(), QDir::current().absoluteFilePath(QStringLiteral("clips/a.mp4")));
        QVERIFY(!commandLine.helpRequested());
    }

    void videoMayComeFirst()
    {
        CommandLine commandLine;
        QVERIFY(
            commandLine.parse({QStringLiteral("scholia"), QStringLiteral("--video=/v.mp4"), QStringLiteral("/n.md")}));
        QCOMPARE(commandLine.target(), QStringLiteral("/n.md"));
        QCOMPARE(commandLine.video(), QStringLiteral("/v.mp4"));
    }

    void twoNotesAreAnError()
    {
        CommandLine commandLine;
        QVERIFY(!commandLine.parse({QStringLiteral("scholia"), QStringLiteral("a.md"), QStringLiteral("b.md")}));
        QVERIFY(commandLine.errorText().contains(QLatin1String("one note")));
    }

    void unknownOptionIsAnError()
    {
        CommandLine commandLine;
        QVERIFY(!commandLine.parse({QStringLiteral("scholia"), QStringLiteral("--frobnicate")}));
        QVERIFY(commandLine.errorText().contains(QLatin1String("frobnicate")));
    }

    void videoWithoutFileIsAnError()
    {
        CommandLine missingValue;
        QVERIFY(!missingValue.parse({QStringLiteral("scholia"), QStringLiteral("a.md"), QStringLiteral("--video")}));
        CommandLine emptyValue;
        QVERIFY(!emptyValue.parse({QStringLiteral("scholia"), QStringLiteral("--video="), QStringLiteral("a.md")}));
        QVERIFY(emptyValue.errorText().contains(QLatin1String("--video")));
    }

    void helpAndVersionAreRecognised()
    {
        CommandLine help;
        QVERIFY(help.parse({QStringLiteral("scholia"), QStringLiteral("--help")}));
        QVERIFY(help.helpRequested());
        QVERIFY(help.helpText().contains(QLatin1String("--video")));
        CommandLine version;
        QVERIFY(version.parse({QStringLiteral("scholia"), QStringLiteral("--version")}));
        QVERIFY(version.versionRequested());
        QVERIFY(!version.helpRequested());
    }
};

std::unique_ptr<QObject> makeCommandLineTest()
{
    return std::make_unique<CommandLineTest>();
}

#include "CommandLineTest.moc"
