// vault_stall_bench: how long the GUI thread stalls while the real MainWindow opens a large
// vault. A 10 ms timer ticks on the GUI thread from before File > Open Folder until the index
// is in place and the sidebar, backlinks and this-video panes are filled; the gaps between
// ticks minus 10 ms are the stalls a user would feel. Prints the largest and the median gap.
//
// Run by hand, never by ctest (it measures time):
//   QT_QPA_PLATFORM=offscreen build/tests/bench/app/vault_stall_bench [--notes N] [--vault DIR]
// The synthetic vault (tests/bench/vault/SyntheticVault.h) is written once into DIR
// (default /tmp/scholia-vault-stall-bench) and reused while its spec is the same.

#include "vault/VaultSession.h"
#include "window/MainWindow.h"

#include "../vault/SyntheticVault.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QSettings>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTimer>

#include <algorithm>
#include <cstdio>
#include <vector>

namespace {

struct Arguments {
    std::size_t notes = 20000;
    QString vault = QStringLiteral("/tmp/scholia-vault-stall-bench");
};

Arguments parseArguments(const QStringList& args)
{
    Arguments parsed;
    for (int i = 1; i + 1 < args.size(); i += 2) {
        if (args.at(i) == QLatin1String("--notes"))
            parsed.notes = args.at(i + 1).toULongLong();
        else if (args.at(i) == QLatin1String("--vault"))
            parsed.vault = args.at(i + 1);
    }
    return parsed;
}

double percentile(std::vector<double> values, double p)
{
    if (values.empty())
        return 0;
    std::sort(values.begin(), values.end());
    return values[static_cast<std::size_t>(p * static_cast<double>(values.size() - 1))];
}

}  // namespace

int main(int argc, char* argv[])
{
    QApplication app(argc, argv);
    QStandardPaths::setTestModeEnabled(true);  // never the user's settings or recent files
    QTemporaryDir settingsDir;
    QSettings::setPath(QSettings::NativeFormat, QSettings::UserScope, settingsDir.path());
    const Arguments args = parseArguments(QApplication::arguments());

    QFile sample(QStringLiteral(SCHOLIA_SAMPLE_NOTE));
    if (!sample.open(QIODevice::ReadOnly)) {
        std::fprintf(stderr, "vault_stall_bench: cannot read the sample note %s\n", SCHOLIA_SAMPLE_NOTE);
        return 1;
    }
    const QByteArray templateNote = sample.readAll();
    scholia::bench::SyntheticVaultSpec spec;
    spec.notes = args.notes;
    const auto vault = scholia::bench::ensureSyntheticVault(args.vault.toStdString(),
                                                            std::string_view(templateNote.constData(),
                                                                             static_cast<std::size_t>(templateNote.size())),
                                                            spec);
    if (vault.root.empty()) {
        std::fprintf(stderr, "vault_stall_bench: cannot write the synthetic vault into %s\n", qPrintable(args.vault));
        return 1;
    }
    std::printf("vault: %s, %zu notes, %.0f MB (%s)\n", vault.root.c_str(), vault.notes,
                static_cast<double>(vault.bytes) / 1e6, vault.generated ? "generated" : "reused");

    scholia::gui::MainWindow window;
    window.show();
    auto* session = window.findChild<scholia::gui::VaultSession*>(QStringLiteral("vaultSession"));
    if (!session)
        return 1;

    qint64 openedAt = -1;
    std::vector<double> gapsMs;
    std::vector<std::pair<double, double>> stalls;  // (ms since the folder was opened, gap ms) over 50 ms
    QElapsedTimer clock;
    qint64 lastTick = 0;
    QTimer ticker;
    ticker.setTimerType(Qt::PreciseTimer);
    ticker.setInterval(10);
    QObject::connect(&ticker, &QTimer::timeout, [&] {
        const qint64 now = clock.nsecsElapsed();
        gapsMs.push_back(static_cast<double>(now - lastTick) / 1e6);
        if (gapsMs.back() > 50)
            stalls.emplace_back(static_cast<double>(lastTick - openedAt) / 1e6, gapsMs.back());
        lastTick = now;
    });

    qint64 readyAt = -1;
    QObject::connect(session, &scholia::gui::VaultSession::indexReady, [&] {
        // Queued after MainWindow's own handler (connected first): the panes are filled by now.
        QTimer::singleShot(0, [&] { readyAt = clock.nsecsElapsed(); });
    });

    clock.start();
    ticker.start();
    QTimer::singleShot(50, [&] {
        lastTick = clock.nsecsElapsed();
        gapsMs.clear();  // from the moment the folder is opened
        openedAt = lastTick;
        window.openPath(QString::fromStdString(vault.root.string()));
    });
    // Until the index is ready, plus a little after, so that the work it triggers is counted.
    QTimer done;
    QObject::connect(&done, &QTimer::timeout, [&] {
        if (readyAt >= 0 && clock.nsecsElapsed() - readyAt > 300'000'000)
            app.quit();
    });
    done.start(20);
    app.exec();

    std::printf("indexed %zu notes in %.2f s; %zu ticks of 10 ms\n", session->index().noteCount(),
                static_cast<double>(readyAt - openedAt) / 1e9, gapsMs.size());
    std::printf("gap between ticks: max %.1f ms, median %.1f ms, p99 %.1f ms, ticks over 50 ms: %zu\n",
                percentile(gapsMs, 1.0), percentile(gapsMs, 0.5), percentile(gapsMs, 0.99),
                static_cast<std::size_t>(std::count_if(gapsMs.begin(), gapsMs.end(), [](double g) { return g > 50; })));
    for (const auto& [at, gap] : stalls)
        std::printf("  stall of %.1f ms starting %.0f ms after opening\n", gap, at);
    return 0;
}
