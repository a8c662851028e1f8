// The player's small parts: checking a media file before loading it, and the speed steps.

#include "player/MediaFileCheck.h"
#include "player/PlaybackSpeed.h"

#include "TestSupport.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include <cmath>
#include <limits>
#include <memory>

#include <sys/stat.h>
#include <unistd.h>

using namespace scholia::gui;

class PlayerPartsTest : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void aReadableNonEmptyFileHasNoProblem()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("clip.mp4"));
        QVERIFY(scholia::test::writeFile(path, QByteArray(1024, 'x')));
        QCOMPARE(mediaFileProblem(path), QString());
    }

    void missingEmptyFolderAndFifoAreRefused()
    {
        QTemporaryDir dir;
        QVERIFY(mediaFileProblem(dir.filePath(QStringLiteral("none.mp4"))).contains(QLatin1String("does not exist")));

        const QString empty = dir.filePath(QStringLiteral("empty.mp4"));
        QVERIFY(scholia::test::writeFile(empty, {}));
        QVERIFY(mediaFileProblem(empty).contains(QLatin1String("empty")));

        QVERIFY(QDir(dir.path()).mkdir(QStringLiteral("folder.mp4")));
        QVERIFY(mediaFileProblem(dir.filePath(QStringLiteral("folder.mp4"))).contains(QLatin1String("folder")));

        // A FIFO would block a decoder that opened it: it must never reach the player.
        const QString fifo = dir.filePath(QStringLiteral("pipe.mp4"));
        QCOMPARE(::mkfifo(QFile::encodeName(fifo).constData(), 0600), 0);
        QVERIFY(mediaFileProblem(fifo).contains(QLatin1String("not a regular file")));

        QVERIFY(!mediaFileProblem(QString()).isEmpty());
    }

    void unreadableFileIsRefused()
    {
        if (::geteuid() == 0)
            QSKIP("root reads every file: permissions cannot be tested");
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("locked.mp4"));
        QVERIFY(scholia::test::writeFile(path, QByteArray(16, 'x')));
        QVERIFY(QFile::setPermissions(path, QFileDevice::WriteOwner));
        QVERIFY(mediaFileProblem(path).contains(QLatin1String("cannot be read")));
    }

    void speedStepsBetweenHalfAndDouble()
    {
        double speed = PlaybackSpeed::minimum;
        QList<double> visited{speed};
        while (speed < PlaybackSpeed::maximum) {
            const double next = PlaybackSpeed::faster(speed);
            QVERIFY(next > speed);
            visited << next;
            speed = next;
        }
        QCOMPARE(visited, PlaybackSpeed::steps());
        QCOMPARE(PlaybackSpeed::faster(2.0), 2.0);
        QCOMPARE(PlaybackSpeed::slower(0.5), 0.5);
        QCOMPARE(PlaybackSpeed::slower(1.0), 0.75);
        QCOMPARE(PlaybackSpeed::faster(1.1), 1.25);  // from between two steps, to the next one
    }

    void storedSpeedIsSanitized()
    {
        QCOMPARE(PlaybackSpeed::sanitized(7.0), 2.0);
        QCOMPARE(PlaybackSpeed::sanitized(0.1), 0.5);
        QCOMPARE(PlaybackSpeed::sanitized(std::numeric_limits<double>::quiet_NaN()), 1.0);
        QCOMPARE(PlaybackSpeed::label(1.25), QStringLiteral("1.25x"));
        QCOMPARE(PlaybackSpeed::label(1.0), QStringLiteral("1x"));
    }
};

std::unique_ptr<QObject> makePlayerPartsTest()
{
    return std::make_unique<PlayerPartsTest>();
}

#include "PlayerPartsTest.moc"
