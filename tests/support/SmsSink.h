#pragma once

#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QList>
#include <QProcess>
#include <QRegularExpression>
#include <QString>
#include <memory>

namespace sinfonia::test {

// The stand-in SMS gateway (sms_sink, a real HTTP server on loopback), started and stopped by a
// test; received() is every message it took, oldest first ({"path","authorization","body"}).
class SmsSink
{
public:
    explicit SmsSink(QString outFile)
        : m_out(std::move(outFile))
    {
    }
    ~SmsSink() { stop(); }

    bool start(int port = 0)
    {
        m_process = std::make_unique<QProcess>();
        m_process->start(QStringLiteral(SINFONIA_SMS_SINK_BIN),
                         {QStringLiteral("--port"), QString::number(port), QStringLiteral("--out"), m_out});
        if (!m_process->waitForStarted(10000))
            return false;
        QByteArray line;
        for (int i = 0; i < 100 && !line.contains('\n'); ++i) {
            m_process->waitForReadyRead(100);
            line += m_process->readAllStandardOutput();
        }
        static const QRegularExpression re(QStringLiteral("listening on (\\d+)"));
        const auto m = re.match(QString::fromUtf8(line));
        if (!m.hasMatch())
            return false;
        m_port = m.captured(1).toInt();
        return true;
    }
    void stop()
    {
        if (!m_process)
            return;
        m_process->terminate();
        if (!m_process->waitForFinished(5000)) {
            m_process->kill();
            m_process->waitForFinished(5000);
        }
        m_process.reset();
    }
    int port() const { return m_port; }
    QList<QJsonObject> received() const
    {
        QList<QJsonObject> out;
        QFile f(m_out);
        if (!f.open(QIODevice::ReadOnly))
            return out;
        for (const QByteArray& line : f.readAll().split('\n')) {
            if (!line.trimmed().isEmpty())
                out << QJsonDocument::fromJson(line).object();
        }
        return out;
    }

private:
    QString m_out;
    std::unique_ptr<QProcess> m_process;
    int m_port = 0;
};

} // namespace sinfonia::test
