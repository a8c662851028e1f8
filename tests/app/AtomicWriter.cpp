// A writer for AtomicWriteTest, which starts it and kills it (SIGKILL) in the middle of a save.
//
//   atomic_writer file PATH MEGABYTES FIRST       saves PATH through writeFileAtomically, forever
//   atomic_writer settings PATH MEGABYTES FIRST   stores the same content in the QSettings ini file PATH
//
// Saves are numbered from FIRST on; save n writes atomicWriterContent(n, bytes). Before each save it prints "begin n", after it
// "end n" (flushed), so the test knows whether its kill landed inside a save.

#include "AtomicWriterContent.h"
#include "common/AtomicWrite.h"

#include <QCoreApplication>
#include <QSettings>

#include <cstdio>

int main(int argc, char* argv[])
{
    QCoreApplication app(argc, argv);
    const QStringList arguments = QCoreApplication::arguments();
    bool ok = false;
    const int megabytes = arguments.size() == 5 ? arguments.at(3).toInt(&ok) : 0;
    bool firstOk = false;
    const qint64 first = arguments.size() == 5 ? arguments.at(4).toLongLong(&firstOk) : 0;
    if (!ok || !firstOk || first <= 0 || megabytes <= 0
        || (arguments.at(1) != QLatin1String("file") && arguments.at(1) != QLatin1String("settings"))) {
        std::fprintf(stderr, "usage: atomic_writer file|settings PATH MEGABYTES FIRST\n");
        return 2;
    }
    const bool settings = arguments.at(1) == QLatin1String("settings");
    const QString path = arguments.at(2);
    const qsizetype bytes = qsizetype(megabytes) * 1024 * 1024;

    for (qint64 n = first;; ++n) {
        const QByteArray content = scholia::test::atomicWriterContent(n, bytes);
        std::printf("begin %lld\n", static_cast<long long>(n));
        std::fflush(stdout);
        if (settings) {
            QSettings store(path, QSettings::IniFormat);
            store.setValue(QStringLiteral("payload"), content);
            store.sync();
            if (store.status() != QSettings::NoError) {
                std::fprintf(stderr, "QSettings could not write %s\n", qPrintable(path));
                return 1;
            }
        } else if (const QString error = scholia::gui::writeFileAtomically(path, content); !error.isEmpty()) {
            std::fprintf(stderr, "%s\n", qPrintable(error));
            return 1;
        }
        std::printf("end %lld\n", static_cast<long long>(n));
        std::fflush(stdout);
    }
}
