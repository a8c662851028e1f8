// vault_stall_bench: how long the GUI thread stalls while the real MainWindow opens a large
// vault. A 10 ms timer ticks on the GUI thread from before File > Open Folder until the index
// is in place and the sidebar, backlinks and this-video panes are filled; the gaps between
// ticks minus 10 ms are the stalls a user would feel. Prints the largest and the median gap.
//
// Run by hand, never by ctest (it measures time):
//   QT_QPA_PLATFORM=offscreen build/tests/bench/app/vault_stall_bench [--notes N] [--vault DIR] [--explain MS]
// --explain MS lists, for the longest gap and every stall, each event delivery of at least MS
// that ran in it (receiver, event type, duration), and the time no delivery accounts for.
// The synthetic vault (tests/bench/vault/SyntheticVault.h) is written once into DIR
// (default /tmp/scholia-vault-stall-bench) and reused while its spec is the same.

#include "vault/VaultSession.h"
#include "window/MainWindow.h"

#include "../vault/SyntheticVault.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QEvent>
#include <QFile>
#include <QMetaEnum>
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
    double explainMs = -1;  // < 0: events are not timed
};

// Times the GUI thread's event deliveries: only the outermost ones, since a nested delivery
// (a paint inside an update request) is part of the one that contains it.
class TimingApplication : public QApplication {
public:
    using QApplication::QApplication;

    struct Delivery {
        qint64 startNs;
        qint64 ns;
        const char* receiverClass;
        QString receiverName;
        QEvent::Type type;
    };

    void startTiming(const QElapsedTimer* clock, qint64 thresholdNs)
    {
        m_clock = clock;
        m_thresholdNs = thresholdNs;
    }
    const std::vector<Delivery>& slowDeliveries() const { return m_slow; }

    bool notify(QObject* receiver, QEvent* event) override
    {
        if (!m_clock || m_depth > 0)
            return nestedNotify(receiver, event);
        // Described before delivery: a DeferredDelete deletes its receiver.
        const char* receiverClass = receiver->metaObject()->className();
        // An unnamed receiver (a QTimer) is told apart by what owns it.
        QString receiverName = receiver->objectName();
        if (receiverName.isEmpty() && receiver->parent())
            receiverName = QStringLiteral("in ") + QLatin1String(receiver->parent()->metaObject()->className());
        const QEvent::Type type = event->type();
        const qint64 start = m_clock->nsecsElapsed();
        const bool result = nestedNotify(receiver, event);
        const qint64 ns = m_clock->nsecsElapsed() - start;
        if (ns >= m_thresholdNs)
            m_slow.push_back({start, ns, receiverClass, receiverName, type});
        return result;
    }

private:
    bool nestedNotify(QObject* receiver, QEvent* event)
    {
        ++m_depth;
        const bool result = QApplication::notify(receiver, event);
        --m_depth;
        return result;
    }

    const QElapsedTimer* m_clock = nullptr;
    qint64 m_thresholdNs = 0;
    int m_depth = 0;
    std::vector<Delivery> m_slow;
};

struct Gap {
    qint64 startNs;
    qint64 endNs;
    double ms() const { return static_cast<double>(endNs - startNs) / 1e6; }
};

// What ran in `gap` (times in ms since the folder was opened), and what no delivery accounts for.
void explainGap(const Gap& gap, qint64 openedAt, const std::vector<TimingApplication::Delivery>& deliveries)
{
    std::printf("  gap of %.1f ms starting %.0f ms after opening:\n", gap.ms(),
                static_cast<double>(gap.startNs - openedAt) / 1e6);
    qint64 accounted = 0;
    const QMetaEnum types = QMetaEnum::fromType<QEvent::Type>();
    for (const auto& d : deliveries) {
        // The part inside the gap: the delivery that opened the folder began before it.
        const qint64 inside = std::min(d.startNs + d.ns, gap.endNs) - std::max(d.startNs, gap.startNs);
        if (inside <= 0)
            continue;
        accounted += inside;
        const char* type = types.valueToKey(d.type);
        std::printf("    %6.1f ms  %s%s%s  %s\n", static_cast<double>(inside) / 1e6, d.receiverClass,
                    d.receiverName.isEmpty() ? "" : " ", qPrintable(d.receiverName), type ? type : "(user event)");
    }
    std::printf("    %6.1f ms  in no delivery listed (waiting, shorter deliveries, the event loop)\n",
                static_cast<double>(gap.endNs - gap.startNs - accounted) / 1e6);
}

Arguments parseArguments(const QStringList& args)
{
    Arguments parsed;
    for (int i = 1; i + 1 < args.size(); i += 2) {
        if (args.at(i) == QLatin1String("--notes"))
            parsed.notes = args.at(i + 1).toULongLong();
        else if (args.at(i) == QLatin1String("--vault"))
            parsed.vault = args.at(i + 1);
        else if (args.at(i) == QLatin1String("--explain"))
            parsed.explainMs = args.at(i + 1).toDouble();
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
    TimingApplication app(argc, argv);
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
    const auto vault = scholia::bench::ensureSyntheticVault(
        args.vault.toStdString(),
        std::string_view(templateNote.constData(), static_cast<std::size_t>(templateNote.size())), spec);
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
    std::vector<Gap> gaps;
    QElapsedTimer clock;
    qint64 lastTick = 0;
    QTimer ticker;
    ticker.setTimerType(Qt::PreciseTimer);
    ticker.setInterval(10);
    QObject::connect(&ticker, &QTimer::timeout, [&] {
        const qint64 now = clock.nsecsElapsed();
        gaps.push_back({lastTick, now});
        lastTick = now;
    });

    qint64 readyAt = -1;
    QObject::connect(session, &scholia::gui::VaultSession::indexReady, [&] {
        // Queued after MainWindow's own handler (connected first): the panes are filled by now.
        QTimer::singleShot(0, [&] { readyAt = clock.nsecsElapsed(); });
    });

    clock.start();
    if (args.explainMs >= 0)
        app.startTiming(&clock, static_cast<qint64>(args.explainMs * 1e6));
    ticker.start();
    QTimer::singleShot(50, [&] {
        lastTick = clock.nsecsElapsed();
        gaps.clear();  // from the moment the folder is opened
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

    std::vector<double> gapsMs;
    for (const Gap& gap : gaps)
        gapsMs.push_back(gap.ms());
    std::printf("indexed %zu notes in %.2f s; %zu ticks of 10 ms\n", session->index().noteCount(),
                static_cast<double>(readyAt - openedAt) / 1e9, gaps.size());
    std::printf("gap between ticks: max %.1f ms, median %.1f ms, p99 %.1f ms, ticks over 50 ms: %zu\n",
                percentile(gapsMs, 1.0), percentile(gapsMs, 0.5), percentile(gapsMs, 0.99),
                static_cast<std::size_t>(std::count_if(gapsMs.begin(), gapsMs.end(), [](double g) { return g > 50; })));
    const auto longest
        = std::max_element(gaps.begin(), gaps.end(), [](const Gap& a, const Gap& b) { return a.ms() < b.ms(); });
    for (auto gap = gaps.begin(); gap != gaps.end(); ++gap) {
        if (gap->ms() > 50)
            std::printf("  stall of %.1f ms starting %.0f ms after opening\n", gap->ms(),
                        static_cast<double>(gap->startNs - openedAt) / 1e6);
        if (args.explainMs >= 0 && (gap->ms() > 50 || gap == longest))
            explainGap(*gap, openedAt, app.slowDeliveries());
    }
    return 0;
}
