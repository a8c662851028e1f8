#pragma once
// mpv as the reference: a paused, headless mpv driven over its JSON IPC socket, seeking exactly
// (`seek T absolute+exact`) and reporting when the frame at T is ready (`playback-restart`).

#include "EventWait.h"

#include <QByteArray>
#include <QObject>
#include <QString>

#include <optional>

class QLocalSocket;
class QProcess;

namespace scholia::bench {

class MpvSeekClient : public QObject {
    Q_OBJECT
public:
    explicit MpvSeekClient(QObject* parent = nullptr);
    ~MpvSeekClient() override;

    // Starts `mpv --no-config --vo=null --ao=null --idle=yes --pause --input-ipc-server=... file`
    // and waits until the file is loaded. False when mpv is missing or fails.
    bool start(const QString& file, int timeoutMs);
    QString commandLine() const;

    // Milliseconds from sending the seek to receiving playback-restart; nullopt on timeout.
    std::optional<double> seekExact(qint64 ms, int timeoutMs);

private:
    void send(const QByteArray& json);
    void onReadyRead();
    bool connectSocket(int timeoutMs);
    bool waitForDuration(int timeoutMs);

    QProcess* m_process = nullptr;
    QLocalSocket* m_socket = nullptr;
    QString m_socketPath;
    QStringList m_arguments;
    QByteArray m_buffer;
    int m_nextRequestId = 1;
    bool m_durationKnown = false;
    std::optional<Clock::time_point> m_restartedAt;
};

}  // namespace scholia::bench
