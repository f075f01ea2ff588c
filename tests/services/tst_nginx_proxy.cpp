// The nginx reverse-proxy example (installer/linux/nginx/sinfonia-server.conf) really fronts the
// service: nginx runs that file on 127.0.0.1 with a certificate from a test CA made by openssl at
// test time, and the client's ApiClient talks to sinfonia-server only through it, trusting the
// private CA the way a deployment does. Skipped when nginx or openssl is not installed.
#include "core/services/net/AccessTokenProvider.h"
#include "core/services/net/ApiClient.h"
#include "tests/support/TestServer.h"

#include <QFile>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QProcess>
#include <QRegularExpression>
#include <QSslConfiguration>
#include <QSslSocket>
#include <QStandardPaths>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>
#include <optional>

using namespace sinfonia;

namespace {

class FixedToken final : public AccessTokenProvider
{
public:
    QByteArray token;
    QByteArray accessToken() const override { return token; }
    void refreshAccessToken(QObject*, std::function<void(Result<void>)> done) override
    {
        done(makeError(QStringLiteral("test.refresh"), QStringLiteral("no refresh in this test")));
    }
};

const char caScript[] = R"SH(set -e
cd "$1"
EC="-newkey ec -pkeyopt ec_paramgen_curve:prime256v1 -nodes"
openssl req -x509 $EC -keyout ca.key -out ca.crt -days 2 -subj /CN=SinfoniaProxyTestCA 2>/dev/null
openssl req -new $EC -keyout privkey.pem -out proxy.csr -subj /CN=127.0.0.1 2>/dev/null
printf 'subjectAltName=IP:127.0.0.1\nextendedKeyUsage=serverAuth\n' > ext.cnf
openssl x509 -req -in proxy.csr -CA ca.crt -CAkey ca.key -CAcreateserial -days 2 -extfile ext.cnf -out fullchain.pem 2>/dev/null
)SH";

quint16 freePort()
{
    QTcpServer probe;
    return probe.listen(QHostAddress::LocalHost, 0) ? probe.serverPort() : 0;
}

template<typename T>
Result<T> waitFor(const std::function<void(ApiClient::Callback<T>)>& call)
{
    std::optional<Result<T>> out;
    call([&](Result<T> r) { out = std::move(r); });
    if (!QTest::qWaitFor([&] { return out.has_value(); }, 30000))
        return makeError(QStringLiteral("test.timeout"), QStringLiteral("no answer"));
    return *out;
}

} // namespace

class TestNginxProxy : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void infoThroughProxy();
    void authenticatedCallsThroughProxy();
    void plainHttpOnTlsPortRefused();

private:
    QUrl proxyUrl() const { return QUrl(QStringLiteral("https://127.0.0.1:%1").arg(m_port)); }

    QTemporaryDir m_dir;
    test::TestServer m_server;
    QProcess m_nginx;
    quint16 m_port = 0;
};

void TestNginxProxy::initTestCase()
{
    QString nginx = QStandardPaths::findExecutable(QStringLiteral("nginx"));
    if (nginx.isEmpty())
        nginx = QStandardPaths::findExecutable(QStringLiteral("nginx"), {QStringLiteral("/usr/sbin")});
    if (nginx.isEmpty() || QStandardPaths::findExecutable(QStringLiteral("openssl")).isEmpty())
        QSKIP("nginx or openssl not installed");
    QVERIFY(QSslSocket::supportsSsl());

    QProcess ca;
    ca.start(QStringLiteral("sh"),
             {QStringLiteral("-c"), QString::fromLatin1(caScript), QStringLiteral("sh"), m_dir.path()});
    QVERIFY(ca.waitForFinished(60000));
    QVERIFY2(ca.exitCode() == 0, ca.readAllStandardError().constData());

    m_port = freePort();
    QVERIFY(m_port != 0);
    test::TestServer::Options options;
    options.extraArgs = {QStringLiteral("--public-url"), proxyUrl().toString()};
    QVERIFY2(m_server.start(options), qPrintable(m_server.errorString()));

    // The example, unchanged but for what a test must change: loopback port, certificate files,
    // the service's port. Every other directive (TLS, limits, headers, /metrics rule) is as shipped.
    QFile example(QStringLiteral(SINFONIA_SOURCE_DIR "/installer/linux/nginx/sinfonia-server.conf"));
    QVERIFY(example.open(QIODevice::ReadOnly));
    QString site = QString::fromUtf8(example.readAll());
    const QString dir = m_dir.path();
    const auto replace = [&site](const QString& from, const QString& to) {
        QVERIFY2(site.contains(from), qPrintable(from));
        site.replace(from, to);
    };
    replace(QStringLiteral("listen 443 ssl http2;"), QStringLiteral("listen 127.0.0.1:%1 ssl http2;").arg(m_port));
    replace(QStringLiteral("    listen [::]:443 ssl http2;\n"), QString());
    replace(QStringLiteral("/etc/ssl/sinfonia/fullchain.pem"), dir + QStringLiteral("/fullchain.pem"));
    replace(QStringLiteral("/etc/ssl/sinfonia/privkey.pem"), dir + QStringLiteral("/privkey.pem"));
    replace(QStringLiteral("server 127.0.0.1:8080;"), QStringLiteral("server 127.0.0.1:%1;").arg(m_server.port()));
    QFile siteFile(dir + QStringLiteral("/site.conf"));
    QVERIFY(siteFile.open(QIODevice::WriteOnly));
    siteFile.write(site.toUtf8());
    siteFile.close();

    // The main context Debian's /etc/nginx/nginx.conf gives, in the test folder, one process.
    QString main = QStringLiteral("daemon off;\nmaster_process off;\npid %1/nginx.pid;\nerror_log %1/error.log;\n"
                                  "events { worker_connections 64; }\nhttp {\n"
                                  "  access_log %1/access.log;\n  client_body_temp_path %1/body;\n"
                                  "  proxy_temp_path %1/proxy;\n  fastcgi_temp_path %1/fastcgi;\n"
                                  "  uwsgi_temp_path %1/uwsgi;\n  scgi_temp_path %1/scgi;\n"
                                  "  include %1/site.conf;\n}\n")
                       .arg(dir);
    QFile mainFile(dir + QStringLiteral("/nginx.conf"));
    QVERIFY(mainFile.open(QIODevice::WriteOnly));
    mainFile.write(main.toUtf8());
    mainFile.close();

    QProcess check;
    check.start(nginx, {QStringLiteral("-t"), QStringLiteral("-p"), dir, QStringLiteral("-c"), mainFile.fileName()});
    QVERIFY(check.waitForFinished(30000));
    QVERIFY2(check.exitCode() == 0, check.readAllStandardError().constData());

    m_nginx.setProcessChannelMode(QProcess::MergedChannels);
    m_nginx.start(nginx, {QStringLiteral("-p"), dir, QStringLiteral("-c"), mainFile.fileName()});
    QVERIFY(m_nginx.waitForStarted(10000));
    QVERIFY2(QTest::qWaitFor(
                 [this] {
                     QTcpSocket s;
                     s.connectToHost(QHostAddress::LocalHost, m_port);
                     return s.waitForConnected(200);
                 },
                 20000),
             m_nginx.readAll().constData());

    // How a deployment trusts a private CA: it is added to the trusted set, errors are never ignored.
    QSslConfiguration conf = QSslConfiguration::defaultConfiguration();
    QVERIFY(conf.addCaCertificates(dir + QStringLiteral("/ca.crt")));
    QSslConfiguration::setDefaultConfiguration(conf);
}

void TestNginxProxy::cleanupTestCase()
{
    if (m_nginx.state() != QProcess::NotRunning) {
        m_nginx.terminate();
        if (!m_nginx.waitForFinished(10000))
            m_nginx.kill();
    }
    m_server.stop();
}

void TestNginxProxy::infoThroughProxy()
{
    QNetworkAccessManager nam;
    ApiClient api(&nam, proxyUrl());
    api.setTimeoutMs(20000);
    auto info = waitFor<ServerInfo>([&](ApiClient::Callback<ServerInfo> done) { api.info(this, std::move(done)); });
    QVERIFY2(info.ok(), qPrintable(info.ok() ? QString() : info.error().detail));
    QVERIFY(info->sandbox);
    // The service announces itself at the proxy's address (--public-url), so the login flow stays on TLS.
    QCOMPARE(info->authorizationEndpoint.scheme(), QStringLiteral("https"));
    QCOMPARE(info->authorizationEndpoint.port(), int(m_port));
    QFile log(m_dir.filePath(QStringLiteral("access.log")));
    QVERIFY(QTest::qWaitFor([&] { return log.size() > 0; }, 5000));
    QVERIFY(log.open(QIODevice::ReadOnly));
    QVERIFY(log.readAll().contains("GET /api/v1/info"));
}

void TestNginxProxy::authenticatedCallsThroughProxy()
{
    const test::TestServer::Tokens tokens = m_server.login();
    QVERIFY2(tokens.ok(), qPrintable(tokens.error));
    FixedToken provider;
    provider.token = tokens.accessToken.toUtf8();
    QNetworkAccessManager nam;
    ApiClient api(&nam, proxyUrl());
    api.setTokenProvider(&provider);
    api.setTimeoutMs(20000);
    auto me
        = waitFor<OperatorProfile>([&](ApiClient::Callback<OperatorProfile> done) { api.me(this, std::move(done)); });
    QVERIFY2(me.ok(), qPrintable(me.ok() ? QString() : me.error().detail));
    QVERIFY(!me->structures.isEmpty());
    const QString structure = me->structures.first().id;
    auto found = waitFor<Beneficiary>([&](ApiClient::Callback<Beneficiary> done) {
        api.findBeneficiaryByCf(structure, QStringLiteral("RSSMRA85T50A562W"), this, std::move(done));
    });
    QVERIFY2(found.ok(), qPrintable(found.ok() ? QString() : found.error().detail));
    QFile log(m_dir.filePath(QStringLiteral("access.log")));
    QVERIFY(log.open(QIODevice::ReadOnly));
    const QByteArray lines = log.readAll();
    QVERIFY(lines.contains("GET /api/v1/me"));
    QVERIFY(lines.contains("/beneficiaries?codiceFiscale="));
}

void TestNginxProxy::plainHttpOnTlsPortRefused()
{
    // The proxy speaks only TLS: a plain request gets nginx's 400, never the service.
    QNetworkAccessManager nam;
    QNetworkReply* reply = nam.get(QNetworkRequest(QUrl(QStringLiteral("http://127.0.0.1:%1/healthz").arg(m_port))));
    QVERIFY(QTest::qWaitFor([reply] { return reply->isFinished(); }, 20000));
    QCOMPARE(reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), 400);
    QVERIFY(reply->readAll().contains("The plain HTTP request was sent to HTTPS port"));
    reply->deleteLater();
}

QTEST_GUILESS_MAIN(TestNginxProxy)
#include "tst_nginx_proxy.moc"
