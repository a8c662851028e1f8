#include "MpvSeekClient.h"

#include <QCoreApplication>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLocalSocket>
#include <QProcess>

namespace scholia::bench {

namespace {
constexpr int kRetryMs = 50;
}

MpvSeekClient::MpvSeekClient(QObject* parent)
    : QObject(parent), m_process(new QProcess(this)), m_socket(new QLocalSocket(this)),
      m_socketPath(QStringLiteral("/tmp/scholia-bench-mpv-%1.sock").arg(QCoreApplication::applicationPid()))
{
    connect(m_socket, &QLocalSocket::readyRead, this, &MpvSeekClient::onReadyRead);
}

MpvSeekClient::~MpvSeekClient()
{
    if (m_socket->state() == QLocalSocket::ConnectedState) {
        send(R"({"command":["quit"]})");
        m_socket->waitForBytesWritten(500);
    }
    if (m_process->state() != QProcess::NotRunning && !m_process->waitForFinished(2000)) {
        m_process->kill();  // only the mpv this object started
        m_process->waitForFinished(2000);
    }
    QFile::remove(m_socketPath);  // mpv leaves its socket file behind
}

bool MpvSeekClient::start(const QString& file, int timeoutMs)
{
    m_arguments = {QStringLiteral("--no-config"),
                   QStringLiteral("--vo=null"),
                   QStringLiteral("--ao=null"),
                   QStringLiteral("--idle=yes"),
                   QStringLiteral("--pause"),
                   QStringLiteral("--input-ipc-server=") + m_socketPath,
                   file};
    m_process->setStandardOutputFile(QProcess::nullDevice());
    m_process->setStandardErrorFile(QProcess::nullDevice());
    m_process->start(QStringLiteral("mpv"), m_arguments);
    if (!m_process->waitForStarted(timeoutMs))
        return false;
    return connectSocket(timeoutMs) && waitForDuration(timeoutMs);
}

QString MpvSeekClient::commandLine() const
{
    return QStringLiteral("mpv ") + m_arguments.join(QLatin1Char(' '));
}

std::optional<double> MpvSeekClient::seekExact(qint64 ms, int timeoutMs)
{
    m_restartedAt.reset();
    const QByteArray seconds = QByteArray::number(static_cast<double>(ms) / 1000.0, 'f', 3);
    const auto sentAt = Clock::now();
    send(R"({"command":["seek",)" + seconds + R"(,"absolute+exact"],"request_id":)"
         + QByteArray::number(m_nextRequestId++) + "}");
    if (!waitUntil([&] { return m_restartedAt.has_value(); }, timeoutMs))
        return std::nullopt;
    return millisecondsBetween(sentAt, *m_restartedAt);
}

void MpvSeekClient::send(const QByteArray& json)
{
    m_socket->write(json + '\n');
    m_socket->flush();
}

void MpvSeekClient::onReadyRead()
{
    const auto arrivedAt = Clock::now();
    m_buffer += m_socket->readAll();
    for (qsizetype end = m_buffer.indexOf('\n'); end >= 0; end = m_buffer.indexOf('\n')) {
        const QJsonObject message = QJsonDocument::fromJson(m_buffer.left(end)).object();
        m_buffer.remove(0, end + 1);
        if (message.value(QLatin1String("event")).toString() == QLatin1String("playback-restart"))
            m_restartedAt = arrivedAt;
        if (message.value(QLatin1String("request_id")).toInt() == 1
            && message.value(QLatin1String("error")).toString() == QLatin1String("success"))
            m_durationKnown = true;
    }
}

bool MpvSeekClient::connectSocket(int timeoutMs)
{
    // mpv creates the socket a moment after it starts.
    const auto deadline = Clock::now() + std::chrono::milliseconds(timeoutMs);
    while (Clock::now() < deadline && m_process->state() == QProcess::Running) {
        m_socket->connectToServer(m_socketPath);
        if (m_socket->waitForConnected(kRetryMs))
            return true;
        processEventsFor(kRetryMs);
    }
    return false;
}

bool MpvSeekClient::waitForDuration(int timeoutMs)
{
    // request_id 1 is reserved for this poll: the file is loaded once mpv knows its duration.
    const auto deadline = Clock::now() + std::chrono::milliseconds(timeoutMs);
    while (!m_durationKnown && Clock::now() < deadline && m_process->state() == QProcess::Running) {
        send(R"({"command":["get_property","duration"],"request_id":1})");
        waitUntil([&] { return m_durationKnown; }, kRetryMs);
    }
    m_nextRequestId = 2;
    // Let the playback-restart that ends loading pass before the first measured seek.
    processEventsFor(300);
    return m_durationKnown;
}

}  // namespace scholia::bench
