// scholia_soak: a long scripted run of the real MainWindow, for leaks and memory growth.
// Opens the sample note beside its video, then performs random seeks (one in four by a real
// click on a random citation, the rest through the player) and note switches between temporary
// copies of the sample (one of them on the 20 s test clip, so that some switches reload media),
// in a random but seeded order. Prints the resident memory (RSS) every 100 operations and a
// summary. Built under ASan (build-asan), LeakSanitizer reports any leak at exit.
//
//   scholia_soak [--seeks N] [--switches N] [--seed N] [--max-growth-mb N]
//
// Exit status: 0 when every operation ran and RSS grew by no more than --max-growth-mb
// (default 150) between the middle and the end of the run; 1 otherwise; 2 bad arguments.

#include "note/NoteSession.h"
#include "note/NoteView.h"
#include "player/PlayerPanel.h"
#include "window/MainWindow.h"

#include "TestSupport.h"

#include <QApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QRandomGenerator>
#include <QSettings>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <unistd.h>

#include <cstdio>
#include <fstream>
#include <memory>
#include <vector>

using namespace scholia::gui;
using namespace scholia::test;

namespace {

double residentMb()
{
    std::ifstream statm("/proc/self/statm");
    long pages = 0;
    long resident = 0;
    statm >> pages >> resident;
    return static_cast<double>(resident) * static_cast<double>(::sysconf(_SC_PAGESIZE)) / (1024.0 * 1024.0);
}

bool waitFor(const std::function<bool()>& condition, int timeoutMs)
{
    QElapsedTimer timer;
    timer.start();
    while (!condition()) {
        if (timer.elapsed() > timeoutMs)
            return false;
        QTest::qWait(10);
    }
    return true;
}

struct Options {
    int seeks = 1000;
    int switches = 200;
    quint32 seed = 20261126;
    double maxGrowthMb = 150;
};

bool parse(const QStringList& arguments, Options& options)
{
    for (int i = 1; i < arguments.size(); ++i) {
        const QString& name = arguments.at(i);
        if (i + 1 >= arguments.size())
            return false;
        bool ok = false;
        const double value = arguments.at(++i).toDouble(&ok);
        if (!ok || value < 0)
            return false;
        if (name == QLatin1String("--seeks"))
            options.seeks = static_cast<int>(value);
        else if (name == QLatin1String("--switches"))
            options.switches = static_cast<int>(value);
        else if (name == QLatin1String("--seed"))
            options.seed = static_cast<quint32>(value);
        else if (name == QLatin1String("--max-growth-mb"))
            options.maxGrowthMb = value;
        else
            return false;
    }
    return true;
}

int run(const Options& options)
{
    constexpr int mediaTimeout = 30000;  // ms; generous under ASan on a busy machine
    QTemporaryDir dir;
    QFile sample(sampleNotePath());
    if (!dir.isValid() || !sample.open(QIODevice::ReadOnly)) {
        std::fprintf(stderr, "soak: cannot prepare the notes\n");
        return 1;
    }
    const QByteArray text = sample.readAll();
    // Three copies on the sample video, one on the test clip (its citations mostly past the end).
    struct Copy {
        QString note;
        QString video;
    };
    std::vector<Copy> copies;
    for (int i = 0; i < 4; ++i) {
        const QString path = dir.filePath(QStringLiteral("copy %1.md").arg(i));
        if (!writeFile(path, text))
            return 1;
        copies.push_back({path, i == 3 ? testVideoPath() : sampleVideoPath()});
    }

    MainWindow window;
    window.resize(1280, 800);
    window.show();
    if (!QTest::qWaitForWindowExposed(&window)) {
        std::fprintf(stderr, "soak: the window did not show\n");
        return 1;
    }
    WindowParts parts = partsOf(window);
    if (!parts.complete() || !window.openNote(copies[0].note, copies[0].video)
        || !waitFor([&] { return parts.player->state() == PlayerPanel::State::Ready; }, mediaTimeout)) {
        std::fprintf(stderr, "soak: the sample did not open\n");
        return 1;
    }

    QRandomGenerator random(options.seed);
    const int total = options.seeks + options.switches;
    int seeksLeft = options.seeks;
    int switchesLeft = options.switches;
    int citationClicks = 0;
    int playerSeeks = 0;
    int switches = 0;
    int failures = 0;
    std::vector<double> rss{residentMb()};
    std::printf("soak: %d seeks, %d switches, seed %u\n", options.seeks, options.switches, options.seed);
    std::printf("soak: op %5d  rss %.1f MB\n", 0, rss.back());
    std::fflush(stdout);
    QElapsedTimer clock;
    clock.start();

    for (int op = 1; op <= total; ++op) {
        const bool doSwitch
            = switchesLeft > 0 && (seeksLeft == 0 || random.bounded(seeksLeft + switchesLeft) < switchesLeft);
        if (doSwitch) {
            --switchesLeft;
            const Copy& copy = copies[random.bounded(static_cast<quint32>(copies.size()))];
            if (!window.openNote(copy.note, copy.video)) {
                ++failures;
                std::fprintf(stderr, "soak: op %d: could not open %s\n", op, qPrintable(copy.note));
            }
            ++switches;
            // Let a reloaded video come up (or fail) before the next operation.
            waitFor([&] { return parts.player->state() != PlayerPanel::State::Loading; }, mediaTimeout);
        } else {
            --seeksLeft;
            const auto& citations = parts.session->note().citations;
            if (random.bounded(4) == 0 && !citations.empty()) {
                const int index = static_cast<int>(random.bounded(static_cast<quint32>(citations.size())));
                if (!clickAnchor(parts.noteView, citationHref(index)))
                    ++failures;
                ++citationClicks;
            } else {
                const qint64 duration = parts.player->mediaPlayer()->duration();
                parts.player->seekAndPlay(duration > 0 ? random.bounded(duration) : 0);
                ++playerSeeks;
            }
            QTest::qWait(static_cast<int>(random.bounded(5, 40)));
        }
        if (op % 100 == 0 || op == total) {
            rss.push_back(residentMb());
            std::printf("soak: op %5d  rss %.1f MB  (%lld s)\n", op, rss.back(), clock.elapsed() / 1000);
            std::fflush(stdout);
        }
    }

    const double start = rss.front();
    const double middle = rss[rss.size() / 2];
    const double end = rss.back();
    std::printf("soak: done in %lld s: %d citation clicks, %d player seeks, %d note switches, %d failures\n",
                clock.elapsed() / 1000, citationClicks, playerSeeks, switches, failures);
    std::printf("soak: rss start %.1f MB, middle %.1f MB, end %.1f MB (growth middle->end %.1f MB, limit %.0f)\n",
                start, middle, end, end - middle, options.maxGrowthMb);
    std::fflush(stdout);
    return failures == 0 && end - middle <= options.maxGrowthMb ? 0 : 1;
}

}  // namespace

int main(int argc, char* argv[])
{
    if (qEnvironmentVariableIsEmpty("QT_MEDIA_BACKEND"))
        qputenv("QT_MEDIA_BACKEND", "ffmpeg");
    QApplication app(argc, argv);
    QApplication::setOrganizationName(QStringLiteral("ScholiaSoak"));
    QApplication::setApplicationName(QStringLiteral("scholia_soak"));
    // Never the user's settings.
    QStandardPaths::setTestModeEnabled(true);
    QTemporaryDir settingsDir;
    QSettings::setPath(QSettings::NativeFormat, QSettings::UserScope, settingsDir.path());
    QSettings::setPath(QSettings::IniFormat, QSettings::UserScope, settingsDir.path());

    Options options;
    if (!parse(QApplication::arguments(), options)) {
        std::fprintf(stderr, "usage: scholia_soak [--seeks N] [--switches N] [--seed N] [--max-growth-mb N]\n");
        return 2;
    }
    return run(options);
}
