// scholia: study a video beside its Markdown notes.

#include "window/CommandLine.h"
#include "window/MainWindow.h"

#include <QApplication>
#include <QIcon>
#include <QLoggingCategory>

#include <cstdio>

namespace {

void setApplicationNames()
{
    QCoreApplication::setOrganizationName(QStringLiteral("Scholia"));
    QCoreApplication::setApplicationName(QStringLiteral("Scholia"));
    QCoreApplication::setApplicationVersion(QStringLiteral(SCHOLIA_VERSION));
}

}  // namespace

int main(int argc, char* argv[])
{
    // FFmpeg loads media in ~50 ms, seeks frame-exactly and reports precise errors; the
    // GStreamer backend is slower, vaguer, and offsets frame times. docs/user-guide.md.
    if (qEnvironmentVariableIsEmpty("QT_MEDIA_BACKEND"))
        qputenv("QT_MEDIA_BACKEND", "ffmpeg");

    scholia::gui::CommandLine commandLine;
    {
        // --help, --version and usage errors are answered without a display.
        QCoreApplication probe(argc, argv);
        setApplicationNames();
        if (!commandLine.parse(QCoreApplication::arguments())) {
            std::fprintf(stderr, "scholia: %s\n\n%s", qPrintable(commandLine.errorText()),
                         qPrintable(commandLine.helpText()));
            return 2;
        }
        if (commandLine.helpRequested()) {
            std::fputs(qPrintable(commandLine.helpText()), stdout);
            return 0;
        }
        if (commandLine.versionRequested()) {
            std::printf("scholia %s\n", SCHOLIA_VERSION);
            return 0;
        }
    }

    // The FFmpeg plugin reports its hardware-decoder probing with qDebug; users need not see it.
    if (qEnvironmentVariableIsEmpty("QT_LOGGING_RULES"))
        QLoggingCategory::setFilterRules(QStringLiteral("default.debug=false"));

    QApplication app(argc, argv);
    setApplicationNames();
    QApplication::setDesktopFileName(QStringLiteral("scholia"));
    QApplication::setWindowIcon(QIcon(QStringLiteral(":/icons/scholia-128.png")));

    scholia::gui::MainWindow window;
    if (!commandLine.target().isEmpty())
        window.openPath(commandLine.target(), commandLine.video());
    else if (!window.reopenLastNote(commandLine.video()) && !commandLine.video().isEmpty())
        window.useVideo(commandLine.video());
    window.show();
    return QApplication::exec();
}
