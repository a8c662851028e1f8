// Nothing the app writes is ever left half-written: writeFileAtomically (QSaveFile) and
// QSettings, each in a real writer process (atomic_writer) killed with SIGKILL in the middle
// of its saves, many times, at varied moments. The file must always hold one whole content.

#include "common/AtomicWrite.h"
#include "AtomicWriterContent.h"

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QRandomGenerator>
#include <QSet>
#include <QSettings>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

#include <memory>

using namespace scholia::gui;
using namespace scholia::test;

namespace {

QByteArray readAll(const QString& path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

struct KillRun {
    int kills = 0;
    int midSave = 0;      // kills that landed between "begin n" and "end n"
    int generations = 0;  // distinct contents seen in the file after a kill
};

}  // namespace

class AtomicWriteTest : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void writesTheWholeContentAndReplacesIt()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("settings file.ini"));
        QCOMPARE(writeFileAtomically(path, "first version, longer than the second\n"), QString());
        QCOMPARE(readAll(path), QByteArray("first version, longer than the second\n"));
        QCOMPARE(writeFileAtomically(path, "second\n"), QString());
        QCOMPARE(readAll(path), QByteArray("second\n"));
        // No temporary file is left beside it.
        QCOMPARE(QDir(dir.path()).entryList(QDir::Files | QDir::Hidden),
                 QStringList{QStringLiteral("settings file.ini")});
    }

    void aFailedWriteSaysWhyAndLeavesTheTargetAlone()
    {
        QTemporaryDir dir;
        const QString missingFolder = dir.filePath(QStringLiteral("no such folder/file.txt"));
        const QString error = writeFileAtomically(missingFolder, "x");
        QVERIFY2(error.startsWith(QLatin1String("Cannot save file.txt: ")), qPrintable(error));
        QVERIFY(!QFile::exists(missingFolder));

        // A folder where the file should be: refused, the folder untouched.
        const QString folder = dir.filePath(QStringLiteral("folder"));
        QVERIFY(QDir().mkpath(folder + QStringLiteral("/inside")));
        QVERIFY(!writeFileAtomically(folder, "x").isEmpty());
        QVERIFY(QFileInfo(folder + QStringLiteral("/inside")).isDir());

        QVERIFY(!writeFileAtomically(QString(), "x").isEmpty());
    }

    void aWriterKilledMidSaveLeavesTheOldOrTheNewFile()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("atomic.txt"));
        QCOMPARE(writeFileAtomically(path, atomicWriterContent(0, 1024)), QString());
        const KillRun run = killRepeatedly(QStringLiteral("file"), path, [&path] { return readAll(path); });
        qInfo("writeFileAtomically: %d kills, %d inside a save, %d distinct whole contents seen", run.kills,
              run.midSave, run.generations);
        QVERIFY2(run.midSave > 0, "no kill landed inside a save: the test proved nothing");
    }

    void qSettingsKilledMidSyncLeavesTheOldOrTheNewFile()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("scholia.ini"));
        {
            QSettings initial(path, QSettings::IniFormat);
            initial.setValue(QStringLiteral("payload"), atomicWriterContent(0, 1024));
        }
        const KillRun run = killRepeatedly(QStringLiteral("settings"), path, [&path] {
            QSettings settings(path, QSettings::IniFormat);
            return settings.value(QStringLiteral("payload")).toByteArray();
        });
        qInfo("QSettings: %d kills, %d inside a sync, %d distinct whole contents seen", run.kills, run.midSave,
              run.generations);
        QVERIFY2(run.midSave > 0, "no kill landed inside a sync: the test proved nothing");
    }

private:
    // Starts atomic_writer `mode` on `path` 30 times and kills it at a random moment of a
    // random save; after each kill, `read()` must give one whole content (old or new).
    template <typename Read>
    KillRun killRepeatedly(const QString& mode, const QString& path, Read read)
    {
        KillRun run;
        QRandomGenerator random(20261126);
        QSet<qint64> seen;
        qint64 inFile = 0;  // the generation the file holds (0: as the test wrote it)
        qint64 next = 1;    // the first generation of the next writer
        for (int attempt = 0; attempt < 30; ++attempt) {
            // A writer killed inside QSettings::sync() can leave its lock file empty, which the
            // next QSettings takes for stale only after QLockFile's 30 s (seen here: 30 s a
            // time, up to the test's timeout). Old or new file is the question, not the lock.
            QFile::remove(path + QStringLiteral(".lock"));
            QProcess writer;
            writer.setProcessChannelMode(QProcess::SeparateChannels);
            writer.start(QStringLiteral(SCHOLIA_ATOMIC_WRITER),
                         {mode, path, QStringLiteral("1"), QString::number(next)});
            if (!writer.waitForStarted(10000)) {
                QTest::qFail("atomic_writer did not start", __FILE__, __LINE__);
                return run;
            }
            // Let it begin its first to third save, then wait a random part of a save.
            const int saves = 1 + static_cast<int>(random.bounded(3));
            QByteArray output;
            while (output.count("begin ") < saves && writer.state() == QProcess::Running) {
                writer.waitForReadyRead(10000);
                output += writer.readAllStandardOutput();
            }
            QThread::usleep(random.bounded(20000));
            writer.kill();  // SIGKILL on Unix: no cleanup, no flush
            writer.waitForFinished(10000);
            output += writer.readAllStandardOutput();
            const QByteArray errors = writer.readAllStandardError();
            if (!errors.isEmpty()) {
                QTest::qFail(errors.constData(), __FILE__, __LINE__);
                return run;
            }
            ++run.kills;
            const QList<QByteArray> lines = output.trimmed().split('\n');
            if (!lines.isEmpty() && lines.last().startsWith("begin "))
                ++run.midSave;

            const QByteArray content = read();
            const std::optional<qint64> generation = atomicWriterGeneration(content);
            if (!generation) {
                QTest::qFail(qPrintable(QStringLiteral("after kill %1 the file is not whole (%2 bytes)")
                                            .arg(attempt)
                                            .arg(content.size())),
                             __FILE__, __LINE__);
                return run;
            }
            // Old or new: the save that had begun, or the one before it (which may be the
            // previous writer's last, or the test's own).
            const qint64 begun = lines.last().split(' ').value(1).toLongLong();
            const qint64 old = begun > next ? begun - 1 : inFile;
            if (*generation != begun && *generation != old) {
                QTest::qFail(qPrintable(QStringLiteral("the file holds save %1; expected %2 or %3")
                                            .arg(*generation)
                                            .arg(old)
                                            .arg(begun)),
                             __FILE__, __LINE__);
                return run;
            }
            seen.insert(*generation);
            inFile = *generation;
            next = begun + 1;
        }
        run.generations = static_cast<int>(seen.size());
        return run;
    }
};

std::unique_ptr<QObject> makeAtomicWriteTest()
{
    return std::make_unique<AtomicWriteTest>();
}

#include "AtomicWriteTest.moc"
