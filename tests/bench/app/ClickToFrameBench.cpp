// click_to_frame_bench: how long after a citation click the video shows the frame at the
// citation's time, with QtMultimedia (what the app does), with mpv (the reference), and with
// FramePreloader (hover 300 ms before the click). Run by hand, never by ctest:
//
//   cmake --build build --target click_to_frame_bench sample_video
//   build/tests/bench/app/click_to_frame_bench [--backend ffmpeg|gstreamer] [--video FILE]
//       [--note FILE] [--runs 20] [--seed 7] [--hover-ms 300] [--no-mpv] [--verbose]
//
// QT_QPA_PLATFORM defaults to offscreen and QT_MEDIA_BACKEND to ffmpeg (--backend sets it).

#include "CitationTimes.h"
#include "EventWait.h"
#include "LatencyStats.h"
#include "MpvSeekClient.h"
#include "QtClickProbe.h"
#include "player/FramePreloader.h"

#include <QAudioDevice>
#include <QCommandLineParser>
#include <QFileInfo>
#include <QGuiApplication>
#include <QImage>
#include <QMediaDevices>

#include <cstdio>
#include <cstring>
#include <map>
#include <optional>
#include <string>
#include <vector>

using namespace scholia::bench;
using scholia::gui::FramePreloader;

namespace {

constexpr int kLoadTimeoutMs = 15'000;
constexpr int kSeekTimeoutMs = 10'000;
constexpr int kSettleMs = 300;  // between runs: the player is idle, as when the user reads

bool g_verbose = false;

struct Options {
    QString video;
    QString note;
    QString backend;
    int runs = 20;
    unsigned seed = 7;
    int hoverMs = 300;
    bool mpv = true;
};

// QT_MEDIA_BACKEND is read when the application starts: find --backend before it does.
QString backendFromArguments(int argc, char** argv)
{
    for (int i = 1; i < argc; ++i) {
        if (std::strcmp(argv[i], "--backend") == 0 && i + 1 < argc)
            return QString::fromLocal8Bit(argv[i + 1]);
        if (std::strncmp(argv[i], "--backend=", 10) == 0)
            return QString::fromLocal8Bit(argv[i] + 10);
    }
    const QString fromEnvironment = qEnvironmentVariable("QT_MEDIA_BACKEND");
    return fromEnvironment.isEmpty() ? QStringLiteral("ffmpeg") : fromEnvironment;
}

Options parseOptions(const QGuiApplication& app, const QString& backend)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Citation click to video frame latency: QtMultimedia vs mpv"));
    parser.addHelpOption();
    const QCommandLineOption video(QStringLiteral("video"), QStringLiteral("Video file."), QStringLiteral("file"),
                                   QStringLiteral(SCHOLIA_SAMPLE_VIDEO));
    const QCommandLineOption note(QStringLiteral("note"), QStringLiteral("Note whose citations are clicked."),
                                  QStringLiteral("file"), QStringLiteral(SCHOLIA_SAMPLE_NOTE));
    const QCommandLineOption backendOption(QStringLiteral("backend"), QStringLiteral("QtMultimedia backend."),
                                           QStringLiteral("name"), backend);
    const QCommandLineOption runs(QStringLiteral("runs"), QStringLiteral("Citations clicked."), QStringLiteral("n"),
                                  QStringLiteral("20"));
    const QCommandLineOption seed(QStringLiteral("seed"), QStringLiteral("Random seed."), QStringLiteral("n"),
                                  QStringLiteral("7"));
    const QCommandLineOption hover(QStringLiteral("hover-ms"), QStringLiteral("Hover before the click."),
                                   QStringLiteral("ms"), QStringLiteral("300"));
    const QCommandLineOption noMpv(QStringLiteral("no-mpv"), QStringLiteral("Skip the mpv reference."));
    const QCommandLineOption verbose(QStringLiteral("verbose"), QStringLiteral("Keep Qt's debug output."));
    parser.addOptions({video, note, backendOption, runs, seed, hover, noMpv, verbose});
    parser.process(app);

    g_verbose = parser.isSet(verbose);
    return {parser.value(video),
            parser.value(note),
            backend,
            std::max(1, parser.value(runs).toInt()),
            parser.value(seed).toUInt(),
            std::max(0, parser.value(hover).toInt()),
            !parser.isSet(noMpv)};
}

void quietMessages(QtMsgType type, const QMessageLogContext&, const QString& message)
{
    // The FFmpeg backend prints its hardware probing with qDebug: keep the report readable.
    if (type == QtDebugMsg && !g_verbose)
        return;
    std::fprintf(stderr, "%s\n", qPrintable(message));
}

struct HoverResult {
    std::optional<double> hoverToPreloadedMs;  // hover -> framePreloaded
    std::optional<double> clickToPreloadedMs;  // click -> preloaded frame available (0 when cached)
    ClickResult click;                         // the visible player, as without preloading
    bool samePictureAsPlayer = false;
};

struct Row {
    std::string name;
    std::vector<double> latencies;
    int attempts = 0;
};

HoverResult hoverThenClick(FramePreloader& preloader, QtClickProbe& probe, qint64 ms, int hoverMs)
{
    HoverResult result;
    std::optional<Clock::time_point> preloadedAt;
    const auto connection
        = QObject::connect(&preloader, &FramePreloader::framePreloaded, &preloader, [&](qint64 preloadedMs) {
              if (preloadedMs == ms && !preloadedAt)
                  preloadedAt = Clock::now();
          });
    const auto hoveredAt = Clock::now();
    preloader.preload(ms);
    processEventsFor(hoverMs);

    const auto clickedAt = Clock::now();
    const bool cachedAtClick = preloader.frameAt(ms).has_value();
    result.click = probe.click(ms, kSeekTimeoutMs);
    waitUntil([&] { return preloadedAt.has_value(); }, kSeekTimeoutMs);
    QObject::disconnect(connection);

    if (preloadedAt) {
        result.hoverToPreloadedMs = millisecondsBetween(hoveredAt, *preloadedAt);
        result.clickToPreloadedMs = cachedAtClick ? 0.0 : std::max(0.0, millisecondsBetween(clickedAt, *preloadedAt));
    }
    const auto preloaded = preloader.frameAt(ms);
    if (preloaded && !result.click.targetImage.isNull())
        result.samePictureAsPlayer = preloaded->convertToFormat(QImage::Format_RGB32)
                                  == result.click.targetImage.convertToFormat(QImage::Format_RGB32);
    return result;
}

void addLatency(Row& row, const std::optional<double>& ms)
{
    ++row.attempts;
    if (ms)
        row.latencies.push_back(*ms);
}

void printTable(const std::vector<Row>& rows, const std::optional<LatencySummary>& mpv)
{
    std::printf("\n%-52s %10s %10s %10s %12s %10s\n", "", "median", "max", "measured", "median/mpv", "max/mpv");
    for (const Row& row : rows) {
        const auto summary = summarize(row.latencies);
        std::string medianRatio = "-";
        std::string maxRatio = "-";
        if (summary && mpv && mpv->medianMs > 0) {
            char text[32];
            std::snprintf(text, sizeof text, "%.2fx", summary->medianMs / mpv->medianMs);
            medianRatio = text;
            std::snprintf(text, sizeof text, "%.2fx", summary->maxMs / mpv->maxMs);
            maxRatio = text;
        }
        const std::string measured = std::to_string(row.latencies.size()) + "/" + std::to_string(row.attempts);
        std::printf("%-52s %10s %10s %10s %12s %10s\n", row.name.c_str(),
                    formatMs(summary ? std::optional(summary->medianMs) : std::nullopt).c_str(),
                    formatMs(summary ? std::optional(summary->maxMs) : std::nullopt).c_str(), measured.c_str(),
                    medianRatio.c_str(), maxRatio.c_str());
    }
}

}  // namespace

int main(int argc, char** argv)
{
    const QString backend = backendFromArguments(argc, argv);
    qputenv("QT_MEDIA_BACKEND", backend.toLocal8Bit());
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    qInstallMessageHandler(quietMessages);
    QGuiApplication app(argc, argv);
    const Options options = parseOptions(app, backend);

    const QUrl source = QUrl::fromLocalFile(QFileInfo(options.video).absoluteFilePath());
    QtClickProbe probe;
    if (!QFileInfo::exists(options.video) || !probe.open(source, kLoadTimeoutMs)) {
        std::fprintf(stderr, "cannot play %s (build the sample_video target?)\n", qPrintable(options.video));
        return 1;
    }
    const CitationTimes times
        = drawCitationTimes(options.note.toStdString(), probe.durationMs(), options.seed, options.runs);

    std::printf("click_to_frame_bench\n  video    %s (%lld ms)\n  backend  QT_MEDIA_BACKEND=%s, QT_QPA_PLATFORM=%s, "
                "audio output: %s (%lld devices)\n  frames   first frame at %.1f ms, subtracted from frame times\n"
                "  times    %s, seed %u\n  hover    %d ms before the click\n",
                qPrintable(options.video), static_cast<long long>(probe.durationMs()), qPrintable(backend),
                qPrintable(qEnvironmentVariable("QT_QPA_PLATFORM")), probe.hasAudioOutput() ? "yes" : "none",
                static_cast<long long>(QMediaDevices::audioOutputs().size()),
                static_cast<double>(probe.timestampOriginUs()) / 1000.0, times.source.c_str(), options.seed,
                options.hoverMs);

    Row qtTarget{"Qt click: setPosition+play -> frame at target", {}, 0};
    Row qtFirst{"Qt click: setPosition+play -> first frame (any)", {}, 0};
    Row mpvRow{"mpv: seek absolute+exact -> playback-restart", {}, 0};
    Row hoverPreloaded{"hover+click: preloaded frame available", {}, 0};
    Row hoverPlayer{"hover+click: visible player frame at target", {}, 0};
    Row hoverPreloadTime{"hover -> frame preloaded (needed dwell)", {}, 0};

    std::vector<ClickResult> cold;
    for (const std::int64_t ms : times.ms) {
        processEventsFor(kSettleMs);
        cold.push_back(probe.click(ms, kSeekTimeoutMs));
        addLatency(qtTarget, cold.back().targetFrameMs);
        addLatency(qtFirst, cold.back().firstFrameMs);
    }

    std::vector<std::optional<double>> mpvTimes(times.ms.size());
    if (options.mpv) {
        MpvSeekClient mpv;
        if (mpv.start(QFileInfo(options.video).absoluteFilePath(), kLoadTimeoutMs)) {
            std::printf("  mpv      %s\n", qPrintable(mpv.commandLine()));
            for (std::size_t i = 0; i < times.ms.size(); ++i) {
                processEventsFor(kSettleMs);
                mpvTimes[i] = mpv.seekExact(times.ms[i], kSeekTimeoutMs);
                addLatency(mpvRow, mpvTimes[i]);
            }
        } else {
            std::printf("  mpv      could not be started: no reference\n");
        }
    }

    FramePreloader preloader;
    preloader.setSource(source);
    bool warmedUp = false;
    QObject::connect(&preloader, &FramePreloader::framePreloaded, &app, [&] { warmedUp = true; });
    preloader.preload(1000);  // waits for the media to load: not part of any hover
    waitUntil([&] { return warmedUp || preloader.hasFailed(); }, kLoadTimeoutMs);

    std::vector<HoverResult> hovered;
    int samePicture = 0;
    for (const std::int64_t ms : times.ms) {
        processEventsFor(kSettleMs);
        hovered.push_back(hoverThenClick(preloader, probe, ms, options.hoverMs));
        addLatency(hoverPreloaded, hovered.back().clickToPreloadedMs);
        addLatency(hoverPlayer, hovered.back().click.targetFrameMs);
        addLatency(hoverPreloadTime, hovered.back().hoverToPreloadedMs);
        samePicture += hovered.back().samePictureAsPlayer ? 1 : 0;
    }

    std::printf("\n%9s %12s %14s %12s %12s %14s %14s\n", "target", "mpv", "Qt target", "Qt 1st frame", "1st offset",
                "hover: ready", "hover: player");
    for (std::size_t i = 0; i < times.ms.size(); ++i) {
        std::printf("%9.3f %12s %14s %12s %9lld ms %14s %14s\n", static_cast<double>(times.ms[i]) / 1000.0,
                    formatMs(mpvTimes[i]).c_str(), formatMs(cold[i].targetFrameMs).c_str(),
                    formatMs(cold[i].firstFrameMs).c_str(), static_cast<long long>(cold[i].firstFrameOffsetMs),
                    formatMs(hovered[i].clickToPreloadedMs).c_str(), formatMs(hovered[i].click.targetFrameMs).c_str());
    }

    printTable({mpvRow, qtTarget, qtFirst, hoverPreloaded, hoverPlayer, hoverPreloadTime}, summarize(mpvRow.latencies));
    std::printf("\npreloaded frame identical to the visible player's frame at the target: %d/%zu\n", samePicture,
                times.ms.size());
    std::printf("\"measured\" counts runs where the frame came within one frame of the target before a later one\n"
                "(the seek overshot) or a %d ms timeout.\n",
                kSeekTimeoutMs);
    return 0;
}
