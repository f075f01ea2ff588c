// The client follows the system proxy (docs/deployment.md): with the system configuration on, as
// main.cpp sets it, ApiClient's requests to the central service go through https_proxy as a
// CONNECT tunnel (no byte in clear), and no_proxy / loopback hosts go direct. The proxy is a local
// QTcpServer that records what it is asked and refuses the tunnel.
#include "core/services/net/ApiClient.h"

#include <QNetworkAccessManager>
#include <QNetworkProxyFactory>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTest>
#include <optional>

using namespace sinfonia;

namespace {

class RecordingProxy : public QTcpServer
{
public:
    QByteArray received;

protected:
    void incomingConnection(qintptr fd) override
    {
        auto* s = new QTcpSocket(this);
        s->setSocketDescriptor(fd);
        connect(s, &QTcpSocket::readyRead, this, [this, s] {
            received += s->readAll();
            if (received.contains("\r\n\r\n")) {
                s->write("HTTP/1.1 403 Forbidden\r\nContent-Length: 0\r\nConnection: close\r\n\r\n");
                s->disconnectFromHost();
            }
        });
        connect(s, &QTcpSocket::disconnected, s, &QObject::deleteLater);
    }
};

} // namespace

class TestSystemProxy : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void serviceGoesThroughTheProxy();
    void loopbackNeverProxied();

private:
    Result<ServerInfo> info(const QUrl& base);
    RecordingProxy m_proxy;
};

void TestSystemProxy::initTestCase()
{
    QVERIFY(m_proxy.listen(QHostAddress::LocalHost, 0));
    const QByteArray url = "http://127.0.0.1:" + QByteArray::number(m_proxy.serverPort());
    qputenv("https_proxy", url);
    qputenv("http_proxy", url);
    qunsetenv("no_proxy");
    QNetworkProxyFactory::setUseSystemConfiguration(true);
}

void TestSystemProxy::cleanupTestCase()
{
    QNetworkProxyFactory::setUseSystemConfiguration(false);
    qunsetenv("https_proxy");
    qunsetenv("http_proxy");
}

Result<ServerInfo> TestSystemProxy::info(const QUrl& base)
{
    QNetworkAccessManager nam;
    ApiClient api(&nam, base);
    api.setTimeoutMs(10000);
    std::optional<Result<ServerInfo>> out;
    api.info(this, [&](Result<ServerInfo> r) { out = std::move(r); });
    if (!QTest::qWaitFor([&] { return out.has_value(); }, 20000))
        return makeError(QStringLiteral("test.timeout"), QStringLiteral("no answer"));
    return *out;
}

void TestSystemProxy::serviceGoesThroughTheProxy()
{
    m_proxy.received.clear();
    const auto r = info(QUrl(QStringLiteral("https://sinfonia.example.invalid")));
    QVERIFY(!r.ok()); // the proxy refuses the tunnel: an error the clerk can read, not a hang
    QVERIFY2(m_proxy.received.startsWith("CONNECT sinfonia.example.invalid:443 HTTP/1.1\r\n"),
             m_proxy.received.constData());
    QVERIFY(!m_proxy.received.contains("/api/v1/info")); // the path only ever travels inside TLS
}

void TestSystemProxy::loopbackNeverProxied()
{
    // A sandbox on this PC (http://127.0.0.1) must not be sent to the proxy.
    QTcpServer local;
    QVERIFY(local.listen(QHostAddress::LocalHost, 0));
    m_proxy.received.clear();
    QNetworkAccessManager nam;
    ApiClient api(&nam, QUrl(QStringLiteral("http://127.0.0.1:%1").arg(local.serverPort())));
    api.setTimeoutMs(3000);
    std::optional<Result<ServerInfo>> out;
    api.info(this, [&](Result<ServerInfo> r) { out = std::move(r); });
    QVERIFY(QTest::qWaitFor([&] { return local.hasPendingConnections(); }, 10000));
    QVERIFY(m_proxy.received.isEmpty());
}

QTEST_GUILESS_MAIN(TestSystemProxy)
#include "tst_system_proxy.moc"
