// What following playback costs the GUI thread (issue #5): the window updates the follow state
// at every position report and 5 times a second while the video plays, so one update must be
// far below a frame. Run by hand, never by ctest:
//   QT_QPA_PLATFORM=offscreen build/tests/bench/app/follow_bench
//
// BM_FollowPlayback: NoteFollower on the sample note in a real NoteView, the position advancing
//   200 ms per update through the whole 13:40 video (most updates change nothing; some move the
//   highlight and scroll), then the events that update posted (the repaint) processed.
// BM_FollowClaimChange: every update moves the highlight between two far-apart claims and
//   scrolls: the worst case, repaint included.
// BM_TranscriptFollow: TranscriptPane::followPosition over a 3-hour transcript (one cue per 2 s).
// BM_ReadTranscript: readTranscriptFile + parse of a synthetic WebVTT of the given size in MB
//   (7: just under the size the app accepts).
// BM_ShowTranscript: handing a transcript of that many cues to the pane (model reset).

#include "follow/NoteFollower.h"
#include "follow/TranscriptFileReader.h"
#include "follow/TranscriptPane.h"
#include "note/NoteSession.h"
#include "note/NoteView.h"

#include <QApplication>
#include <QFile>
#include <QListView>
#include <QTemporaryDir>

#include <benchmark/benchmark.h>

#include <memory>
#include <string>

using namespace scholia;
using namespace scholia::gui;

namespace {

constexpr qint64 videoMs = 820000;
constexpr qint64 updateStepMs = 200;

struct FollowedNote {
    NoteSession session;
    NoteView view;
    std::unique_ptr<NoteFollower> follower;

    FollowedNote()
    {
        QString error;
        if (!session.load(QStringLiteral(SCHOLIA_SAMPLE_NOTE), &error))
            qFatal("%s", qPrintable(error));
        session.setDurationMs(videoMs);
        view.resize(600, 700);
        view.show();
        view.showNote(session.html(), session.folder());
        follower = std::make_unique<NoteFollower>(&view);
        follower->setNote(session.note());
        follower->setPlaying(true);
        QApplication::processEvents();
    }
};

void BM_FollowPlayback(benchmark::State& state)
{
    FollowedNote note;
    qint64 position = 0;
    for (auto _ : state) {
        note.follower->followPosition(position);
        QApplication::processEvents();  // paints what the update changed, as the event loop would
        position = (position + updateStepMs) % videoMs;
    }
    state.counters["updates/s"]
        = benchmark::Counter(static_cast<double>(state.iterations()), benchmark::Counter::kIsRate);
}

void BM_FollowClaimChange(benchmark::State& state)
{
    FollowedNote note;
    const qint64 positions[2] = {10000, 800000};
    int which = 0;
    for (auto _ : state) {
        note.follower->followPosition(positions[which]);
        QApplication::processEvents();
        which ^= 1;
    }
    if (!note.follower->activeClaim())
        state.SkipWithError("no claim followed");
}

Transcript syntheticTranscript(int cues)
{
    Transcript transcript;
    for (int i = 0; i < cues; ++i)
        transcript.cues.push_back(
            {i * 2000LL, i * 2000LL + 1900, "words spoken at cue " + std::to_string(i), i * 4 + 3});
    return transcript;
}

void BM_TranscriptFollow(benchmark::State& state)
{
    constexpr int cues = 3 * 3600 / 2;
    TranscriptPane pane;
    pane.resize(300, 600);
    pane.show();
    pane.setTranscript(syntheticTranscript(cues), QStringLiteral("synthetic"));
    qint64 position = 0;
    for (auto _ : state) {
        pane.followPosition(position);
        position = (position + updateStepMs) % (cues * 2000LL);
    }
}

QByteArray syntheticVtt(qint64 bytes)
{
    QByteArray text = "WEBVTT\n\n";
    for (qint64 i = 0; text.size() < bytes; ++i) {
        const qint64 s = i * 2;
        text += QStringLiteral("%1:%2:%3.000 --> %1:%2:%3.900\nwords spoken at cue %4 with a few more words\n\n")
                    .arg(s / 3600, 2, 10, QLatin1Char('0'))
                    .arg((s / 60) % 60, 2, 10, QLatin1Char('0'))
                    .arg(s % 60, 2, 10, QLatin1Char('0'))
                    .arg(i)
                    .toLatin1();
    }
    return text;
}

void BM_ReadTranscript(benchmark::State& state)
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("big.vtt"));
    QFile file(path);
    const QByteArray bytes = syntheticVtt(state.range(0) << 20);
    if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size())
        state.SkipWithError("cannot write the transcript");
    file.close();
    std::size_t cues = 0;
    for (auto _ : state) {
        QString error;
        const auto transcript = readTranscriptFile(path, &error);
        if (!transcript) {
            state.SkipWithError(qPrintable(error));
            break;
        }
        cues = transcript->cues.size();
        benchmark::DoNotOptimize(cues);
    }
    state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations()) * bytes.size());
    state.counters["cues"] = static_cast<double>(cues);
}

void BM_ShowTranscript(benchmark::State& state)
{
    TranscriptPane pane;
    pane.resize(300, 600);
    pane.show();
    const Transcript transcript = syntheticTranscript(static_cast<int>(state.range(0)));
    for (auto _ : state) {
        pane.setTranscript(transcript, QStringLiteral("synthetic"));
        pane.list()->viewport()->repaint();
    }
}

}  // namespace

BENCHMARK(BM_FollowPlayback)->Unit(benchmark::kMicrosecond);
BENCHMARK(BM_FollowClaimChange)->Unit(benchmark::kMicrosecond);
BENCHMARK(BM_TranscriptFollow)->Unit(benchmark::kMicrosecond);
BENCHMARK(BM_ReadTranscript)->Arg(1)->Arg(7)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_ShowTranscript)->Arg(1000)->Arg(300000)->Unit(benchmark::kMillisecond);

int main(int argc, char** argv)
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    benchmark::Initialize(&argc, argv);
    benchmark::RunSpecifiedBenchmarks();
    benchmark::Shutdown();
    return 0;
}
