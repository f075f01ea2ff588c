// TLS fails closed (T7): self-signed, wrong-host and expired certificates and a plain http://
// remote URL are refused with a clear Italian message, and the bearer token never reaches the
// server. A certificate from a trusted CA for 127.0.0.1 is the positive control. Certificates are
// generated at test time with the openssl CLI; the TLS server is a QTcpServer + QSslSocket.
#include "core/services/net/AccessTokenProvider.h"
#include "core/services/net/ApiClient.h"
#include "tests/support/FixedToken.h"

#include <QElapsedTimer>
#include <QFile>
#include <QNetworkAccessManager>
#include <QProcess>
#include <QSslCertificate>
#include <QSslConfiguration>
#include <QSslKey>
#include <QSslSocket>
#include <QStandardPaths>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>
#include <optional>

using namespace sinfonia;

namespace {

const QByteArray marker = "MARKER-TOKEN-7d1e5c0b";

// Minimal HTTPS server: answers every request with a fixed operator JSON and records every
// decrypted byte it received.
class TlsServer : public QTcpServer
{
public:
    QSslCertificate cert;
    QSslKey key;
    QByteArray received;

protected:
    void incomingConnection(qintptr fd) override
    {
        auto* s = new QSslSocket(this);
        s->setSocketDescriptor(fd);
        s->setLocalCertificate(cert);
        s->setPrivateKey(key);
        s->setPeerVerifyMode(QSslSocket::VerifyNone);
        connect(s, &QSslSocket::readyRead, this, [this, s] {
            received += s->readAll();
            if (!received.contains("\r\n\r\n"))
                return;
            const QByteArray body = R"({"id":"X","codiceFiscale":"X","givenName":"A","familyName":"B",)"
                                    R"("displayName":"A B","structures":[]})";
            s->write("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nConnection: close\r\nContent-Length: "
                     + QByteArray::number(body.size()) + "\r\n\r\n" + body);
            s->disconnectFromHost();
        });
        connect(s, &QSslSocket::disconnected, s, &QObject::deleteLater);
        s->startServerEncryption();
    }
};

const char certScript[] = R"SH(set -e
cd "$1"
mkdir -p newcerts; : > index.txt; echo 1000 > serial
printf '%s\n' '[ ca ]' 'default_ca = CA_default' '[ CA_default ]' 'dir = .' 'database = ./index.txt' \
  'new_certs_dir = ./newcerts' 'serial = ./serial' 'default_md = sha256' 'policy = policy_any' \
  'copy_extensions = copy' 'unique_subject = no' '[ policy_any ]' 'commonName = supplied' > ca.cnf
EC="-newkey ec -pkeyopt ec_paramgen_curve:prime256v1 -nodes"
openssl req -x509 $EC -keyout ca.key -out ca.crt -days 2 -subj /CN=SinfoniaTestCA 2>/dev/null
CA="openssl ca -batch -config ca.cnf -cert ca.crt -keyfile ca.key -notext"
openssl req -new $EC -keyout good.key -out good.csr -subj /CN=127.0.0.1 -addext subjectAltName=IP:127.0.0.1 2>/dev/null
$CA -in good.csr -out good.crt -days 2 2>/dev/null
openssl req -new $EC -keyout wronghost.key -out wronghost.csr -subj /CN=wrong.example -addext subjectAltName=DNS:wrong.example 2>/dev/null
$CA -in wronghost.csr -out wronghost.crt -days 2 2>/dev/null
openssl req -new $EC -keyout expired.key -out expired.csr -subj /CN=127.0.0.1 -addext subjectAltName=IP:127.0.0.1 2>/dev/null
$CA -in expired.csr -out expired.crt -startdate 20200101000000Z -enddate 20200102000000Z 2>/dev/null
openssl req -x509 $EC -keyout selfsigned.key -out selfsigned.crt -days 2 -subj /CN=127.0.0.1 -addext subjectAltName=IP:127.0.0.1 2>/dev/null
)SH";

} // namespace

class TestTls : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void refused_data();
    void refused();
    void trustedCertificateWorks();
    void plainHttpRemoteRefused();
    void hugeAnswerCutOff();

private:
    Result<OperatorProfile> callMe(const QString& certName, TlsServer& server);

    QTemporaryDir m_dir;
};

void TestTls::initTestCase()
{
    if (QStandardPaths::findExecutable(QStringLiteral("openssl")).isEmpty())
        QSKIP("openssl CLI not installed");
    QVERIFY(QSslSocket::supportsSsl());
    QProcess p;
    p.start(QStringLiteral("sh"),
            {QStringLiteral("-c"), QString::fromLatin1(certScript), QStringLiteral("sh"), m_dir.path()});
    QVERIFY(p.waitForFinished(60000));
    QVERIFY2(p.exitCode() == 0, p.readAllStandardError().constData());
    // Trusting our own CA is how a deployment adds a private CA; it is not ignoring errors.
    QSslConfiguration conf = QSslConfiguration::defaultConfiguration();
    QVERIFY(conf.addCaCertificates(m_dir.filePath(QStringLiteral("ca.crt"))));
    QSslConfiguration::setDefaultConfiguration(conf);
}

Result<OperatorProfile> TestTls::callMe(const QString& certName, TlsServer& server)
{
    QFile c(m_dir.filePath(certName + QStringLiteral(".crt")));
    QFile k(m_dir.filePath(certName + QStringLiteral(".key")));
    if (!c.open(QIODevice::ReadOnly) || !k.open(QIODevice::ReadOnly))
        return makeError(QStringLiteral("test"), QStringLiteral("missing cert"));
    server.cert = QSslCertificate(c.readAll());
    server.key = QSslKey(k.readAll(), QSsl::Ec);
    if (server.cert.isNull() || server.key.isNull() || !server.listen(QHostAddress::LocalHost, 0))
        return makeError(QStringLiteral("test"), QStringLiteral("server setup"));
    QNetworkAccessManager nam;
    test::FixedToken tokens(marker);
    ApiClient api(&nam, QUrl(QStringLiteral("https://127.0.0.1:%1").arg(server.serverPort())));
    api.setTokenProvider(&tokens);
    api.setTimeoutMs(10000);
    std::optional<Result<OperatorProfile>> result;
    api.me(this, [&](Result<OperatorProfile> r) { result = std::move(r); });
    if (!QTest::qWaitFor([&] { return result.has_value(); }, 30000))
        return makeError(QStringLiteral("test"), QStringLiteral("no answer"));
    return *result;
}

void TestTls::refused_data()
{
    QTest::addColumn<QString>("cert");
    QTest::addColumn<QString>("why");
    QTest::newRow("self-signed") << "selfsigned"
                                 << "non è attendibile";
    QTest::newRow("wrong host") << "wronghost"
                                << "non appartiene a questo server";
    QTest::newRow("expired") << "expired"
                             << "scaduto";
}

void TestTls::refused()
{
    QFETCH(QString, cert);
    QFETCH(QString, why);
    TlsServer server;
    auto r = callMe(cert, server);
    QVERIFY(!r.ok());
    QCOMPARE(r.error().code, QStringLiteral("net.tls"));
    QVERIFY2(r.error().message.contains(why), qPrintable(r.error().message + QStringLiteral(" / ") + r.error().detail));
    QVERIFY(r.error().message.contains(QStringLiteral("Nessun dato è stato inviato")));
    QVERIFY(!server.received.contains(marker));
    QCOMPARE(server.received.size(), 0);
}

void TestTls::trustedCertificateWorks()
{
    TlsServer server;
    auto r = callMe(QStringLiteral("good"), server);
    QVERIFY2(r.ok(), qPrintable(r.ok() ? QString() : r.error().detail));
    QCOMPARE(r->displayName, QStringLiteral("A B"));
    QVERIFY(server.received.contains(QByteArray("Authorization: Bearer " + marker)));
}

void TestTls::plainHttpRemoteRefused()
{
    QNetworkAccessManager nam;
    test::FixedToken tokens(marker);
    ApiClient api(&nam, QUrl(QStringLiteral("http://sinfonia.example")));
    api.setTokenProvider(&tokens);
    std::optional<Result<OperatorProfile>> result;
    QElapsedTimer t;
    t.start();
    api.me(this, [&](Result<OperatorProfile> r) { result = std::move(r); });
    QVERIFY(!result.has_value()); // asynchronous even when refused at once
    QTRY_VERIFY(result.has_value());
    QVERIFY(t.elapsed() < 1000); // no DNS lookup, no connection attempt
    QVERIFY(!result->ok());
    QCOMPARE(result->error().code, QStringLiteral("net.insecure_url"));
}

void TestTls::hugeAnswerCutOff()
{
    // A hostile server streaming a 10 MB body: the client stops reading at its limit.
    QTcpServer server;
    QVERIFY(server.listen(QHostAddress::LocalHost, 0));
    connect(&server, &QTcpServer::newConnection, this, [&server] {
        QTcpSocket* s = server.nextPendingConnection();
        connect(s, &QTcpSocket::readyRead, s, [s] {
            s->readAll();
            s->write("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 10485760\r\n\r\n{\"id\":\"");
            s->write(QByteArray(10 * 1024 * 1024 - 8, 'a'));
        });
        connect(s, &QTcpSocket::disconnected, s, &QObject::deleteLater);
    });
    QNetworkAccessManager nam;
    test::FixedToken tokens(marker);
    ApiClient api(&nam, QUrl(QStringLiteral("http://127.0.0.1:%1").arg(server.serverPort())));
    api.setTokenProvider(&tokens);
    std::optional<Result<OperatorProfile>> result;
    api.me(this, [&](Result<OperatorProfile> r) { result = std::move(r); });
    QTRY_VERIFY_WITH_TIMEOUT(result.has_value(), 30000);
    QVERIFY(!result->ok());
    QCOMPARE(result->error().code, QStringLiteral("api.decode"));
}

QTEST_GUILESS_MAIN(TestTls)
#include "tst_tls.moc"
