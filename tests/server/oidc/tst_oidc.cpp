// Operators through OpenID Connect (issue 15), against the real `oidc-provider` npm package run on
// loopback by tests/server/oidc/provider.mjs (keys made at start, clients and accounts posted by
// this suite). The database is filled only by the provisioning import (the real command), the
// server runs without --sandbox, and the browser leg is driven over HTTP: redirects followed,
// cookies kept, the provider's login form posted.
//
// The cases the real provider never produces (wrong nonce, expired ID token, a token signed by
// another key) come from the harness's interposed step, which rewrites the ID token of the token
// response and signs it again (see provider.mjs, POST /__test/mode).
//
// Runs on SQLite, and on PostgreSQL when SINFONIA_HTTP_BACKEND=postgres (ctest tst_oidc_pg).
#include "core/domain/Clock.h"
#include "core/services/ServiceStack.h"
#include "core/services/auth/LoginFlow.h"
#include "core/services/auth/Session.h"
#include "core/services/auth/TokenStore.h"
#include "server/ledger/Database.h"
#include "server/oidc/ProviderHttp.h"
#include "tests/server/admin/ProvisioningSamples.h"
#include "tests/support/SmsSink.h"
#include "tests/support/TestServer.h"

#include <QDesktopServices>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QNetworkCookieJar>
#include <QNetworkReply>
#include <QProcess>
#include <QRegularExpression>
#include <QScopeGuard>
#include <QSignalSpy>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QUrlQuery>
#include <functional>

using namespace sinfonia;
using namespace sinfonia::test;

namespace {

const QString acrL2 = QStringLiteral("https://www.spid.gov.it/SpidL2");
const QString acrL1 = QStringLiteral("https://www.spid.gov.it/SpidL1");
const QString fiscalClaim = QStringLiteral("https://attributes.eid.gov.it/fiscal_number");
const QString clientRedirect = QStringLiteral("http://127.0.0.1:53682/callback");

// The test provider process.
class Provider
{
public:
    ~Provider() { stop(); }
    bool start(QString* error)
    {
        m_process = std::make_unique<QProcess>();
        m_process->setProgram(QStringLiteral("node"));
        m_process->setArguments({QStringLiteral(SINFONIA_SOURCE_DIR "/tests/server/oidc/provider.mjs")});
        m_process->setProcessChannelMode(QProcess::SeparateChannels);
        m_process->start();
        if (!m_process->waitForStarted(10000)) {
            *error = QStringLiteral("cannot start node: ") + m_process->errorString();
            return false;
        }
        static const QRegularExpression line(QStringLiteral("^listening on (http://\\S+)\\s*$"));
        QDeadlineTimer deadline(30000);
        while (!deadline.hasExpired()) {
            if (m_process->canReadLine()) {
                const auto m = line.match(QString::fromUtf8(m_process->readLine()));
                if (m.hasMatch()) {
                    m_issuer = QUrl(m.captured(1));
                    return true;
                }
                continue;
            }
            if (m_process->state() != QProcess::Running)
                break;
            m_process->waitForReadyRead(200);
        }
        *error = QStringLiteral("test provider did not start: ") + QString::fromUtf8(m_process->readAllStandardError());
        return false;
    }
    void stop()
    {
        if (m_process && m_process->state() != QProcess::NotRunning) {
            m_process->kill();
            m_process->waitForFinished(5000);
        }
        m_process.reset();
    }
    QUrl issuer() const { return m_issuer; }
    HttpClient control() const { return HttpClient(m_issuer); }
    bool post(const QString& path, const QJsonObject& body) const
    {
        return control().send("POST", path, QJsonDocument(body).toJson(), {{"Content-Type", "application/json"}}).status
            == 200;
    }
    bool setMode(const QString& mode) const
    {
        return post(QStringLiteral("/__test/mode"), {{QStringLiteral("mode"), mode}});
    }

private:
    std::unique_ptr<QProcess> m_process;
    QUrl m_issuer;
};

// A browser for the login leg: cookies, redirects followed by hand, the provider's forms posted.
class Browser
{
public:
    struct Hop
    {
        int status = 0;
        QByteArray body;
        QUrl location;
        QString error;
    };
    struct Outcome
    {
        QUrl stoppedAt; // set when `stop` matched a URL (not requested)
        Hop last; // otherwise the page the leg ended on
    };

    Hop fetch(const QUrl& url, const QByteArray& form = {}, bool post = false)
    {
        QNetworkRequest req(url);
        req.setAttribute(QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::ManualRedirectPolicy);
        req.setTransferTimeout(30000);
        QNetworkReply* reply = nullptr;
        if (post) {
            req.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/x-www-form-urlencoded"));
            reply = m_nam.post(req, form);
        } else {
            reply = m_nam.get(req);
        }
        (void)QTest::qWaitFor([reply] { return reply->isFinished(); }, 35000);
        Hop h;
        h.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        h.body = reply->readAll();
        if (reply->hasRawHeader("Location"))
            h.location = url.resolved(QUrl::fromEncoded(reply->rawHeader("Location")));
        if (reply->error() != QNetworkReply::NoError && h.status == 0)
            h.error = reply->errorString();
        reply->deleteLater();
        return h;
    }

    // The hidden fields and action of the first form of `html`.
    static std::pair<QUrl, QList<QPair<QString, QString>>> form(const QUrl& base, const QByteArray& html)
    {
        static const QRegularExpression formRe(QStringLiteral("<form[^>]*action=\"([^\"]+)\""));
        static const QRegularExpression inputRe(QStringLiteral("<input[^>]*>"));
        static const QRegularExpression nameRe(QStringLiteral("name=\"([^\"]+)\""));
        static const QRegularExpression valueRe(QStringLiteral("value=\"([^\"]*)\""));
        const QString text = QString::fromUtf8(html);
        const auto f = formRe.match(text);
        if (!f.hasMatch())
            return {};
        QList<QPair<QString, QString>> fields;
        auto it = inputRe.globalMatch(text);
        while (it.hasNext()) {
            const QString input = it.next().captured(0);
            if (!input.contains(QLatin1String("type=\"hidden\"")))
                continue;
            fields.append({nameRe.match(input).captured(1), valueRe.match(input).captured(1)});
        }
        return {base.resolved(QUrl(f.captured(1).replace(QLatin1String("&amp;"), QLatin1String("&")))), fields};
    }

    static QByteArray encode(const QList<QPair<QString, QString>>& fields)
    {
        QByteArray out;
        for (const auto& [k, v] : fields)
            out += (out.isEmpty() ? "" : "&") + QUrl::toPercentEncoding(k) + '=' + QUrl::toPercentEncoding(v);
        return out;
    }

    // From `url`: follows redirects, answers the provider's login form with `account`, and stops
    // before requesting a URL `stop` matches, or at the first page that is not a redirect.
    Outcome drive(QUrl url, const QString& account, const std::function<bool(const QUrl&)>& stop)
    {
        for (int i = 0; i < 25; ++i) {
            if (stop && stop(url))
                return {url, {}};
            Hop h = fetch(url);
            if (h.status >= 300 && h.status < 400 && h.location.isValid()) {
                url = h.location;
                continue;
            }
            if (h.status == 200 && h.body.contains("/interaction/") && h.body.contains("name=\"login\"")) {
                const auto [action, fields] = form(url, h.body);
                auto all = fields;
                all.append({QStringLiteral("login"), account});
                Hop posted = fetch(action, encode(all), true);
                if (posted.status >= 300 && posted.status < 400 && posted.location.isValid()) {
                    url = posted.location;
                    continue;
                }
                return {{}, posted};
            }
            return {{}, h};
        }
        return {{}, Hop {0, {}, {}, QStringLiteral("too many redirects")}};
    }

private:
    QNetworkAccessManager m_nam;
};

} // namespace

// What the app would open in the system browser.
class BrowserStub : public QObject
{
    Q_OBJECT
public:
    QList<QUrl> opened;
public slots:
    void open(const QUrl& url) { opened.append(url); }
};

// sinfonia-pos as the app wires it: its loopback listener, PKCE, state; the system browser is the
// test's Browser, driven from the URL the app asked the desktop to open.
class AppLogin
{
public:
    explicit AppLogin(const QUrl& server)
        : services(clock, store, optionsFor(server))
        , ok(&services.login(), &LoginFlow::succeeded)
        , failed(&services.login(), &LoginFlow::failed)
    {
        QDesktopServices::setUrlHandler(QStringLiteral("http"), &stub, "open");
    }
    ~AppLogin() { QDesktopServices::unsetUrlHandler(QStringLiteral("http")); }
    // Starts the login; the authorize URL the app opened, or an empty one.
    QUrl start()
    {
        services.login().start();
        if (!QTest::qWaitFor([&] { return !stub.opened.isEmpty() || !failed.isEmpty(); }, 20000))
            return {};
        return stub.opened.value(0);
    }
    bool waitForTheEnd()
    {
        return QTest::qWaitFor([&] { return !ok.isEmpty() || !failed.isEmpty(); }, 20000);
    }

    BrowserStub stub;
    MemoryTokenStore store;
    SystemClock clock;
    ServiceStack services;
    QSignalSpy ok;
    QSignalSpy failed;

private:
    static ServiceStack::Options optionsFor(const QUrl& server)
    {
        ServiceStack::Options options;
        options.serverUrl = server;
        return options;
    }
};

namespace {

bool isClientRedirect(const QUrl& u)
{
    return u.host() == QLatin1String("127.0.0.1") && u.port() == 53682;
}

} // namespace

class TestOidc : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void cleanupTestCase();

    void loginThroughTheProviderAndPurchase();
    void clientSecretAuthentication();
    void codiceFiscaleInTheIdToken();
    void wrongStateGetsNoCode();
    void replayedCodeIsRefusedByTheProvider();
    void wrongNonce();
    void expiredIdToken();
    void tokenSignedByAnotherKey();
    void tokenForAnotherAudienceOrIssuer();
    void rotatedJwksIsFetchedAgain();
    void unknownCodiceFiscale();
    void refusedLoginReachesTheApp();
    void disabledEmployee();
    void weakAcrIsRefused();
    void providerDown();
    void configurationIsChecked();
    void providerCallsVerifyTls();

private:
    struct Leg
    {
        Browser::Outcome outcome;
        QString code; // our code for the client, when the login went through
        QString state;
    };
    // The authorize request of sinfonia-pos (fake loopback redirect) through to the client redirect.
    Leg login(TestServer& server, const QString& account, const std::function<bool(const QUrl&)>& stop = {});
    QUrl authorizeUrl(TestServer& server, const QString& challenge) const;
    // reason: the error_description of the link back to the client (none: no link expected).
    void expectRefusal(const Leg& leg, int status, const QString& words, const QString& reason = {});
    bool importCsv(const QString& kind, const QByteArray& csv);
    QString latestOtp();
    bool startServer(TestServer& server, const QStringList& args);

    Provider m_provider;
    QTemporaryDir m_dir;
    QString m_database;
    QString m_createdPg;
    TestServer m_jwtServer; // private_key_jwt, acr SpidL2 required
    TestServer m_secretServer; // client_secret_basic
    std::unique_ptr<SmsSink> m_sms; // the SMS gateway of a service outside the sandbox
    QJsonObject m_settings;
    QString m_verifier;
};

bool TestOidc::importCsv(const QString& kind, const QByteArray& csv)
{
    const QString path = m_dir.filePath(kind + QStringLiteral(".csv"));
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly))
        return false;
    f.write(csv);
    f.close();
    QProcess p;
    p.setProcessChannelMode(QProcess::MergedChannels);
    p.start(TestServer::serverBinary(), {QStringLiteral("--db"), m_database, QStringLiteral("import"), kind, path});
    if (!p.waitForFinished(60000) || p.exitCode() != 0) {
        qWarning() << "import failed:" << p.readAll();
        return false;
    }
    return true;
}

bool TestOidc::startServer(TestServer& server, const QStringList& args)
{
    TestServer::Options o;
    o.sandbox = false;
    o.initDemo = false;
    o.database = m_database;
    // Outside the sandbox an OTP leaves only through the SMS gateway (sealed until it took it).
    const QString smsKey = m_dir.filePath(QStringLiteral("sms.key"));
    QFile key(smsKey);
    if (!key.exists()) {
        if (!key.open(QIODevice::WriteOnly))
            return false;
        key.write(QByteArray(32, '\x5a').toHex() + '\n');
        key.close();
    }
    o.extraArgs = QStringList {QStringLiteral("--oidc-issuer"),
                               m_provider.issuer().toString(),
                               QStringLiteral("--sms-gateway-url"),
                               QStringLiteral("http://127.0.0.1:%1/v1/sms").arg(m_sms->port()),
                               QStringLiteral("--sms-key-file"),
                               smsKey}
        + args;
    return server.start(o);
}

void TestOidc::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    if (TestServer::serverBinary().isEmpty())
        QSKIP("sinfonia-server not built");
    if (!QFile::exists(QStringLiteral(SINFONIA_SOURCE_DIR "/tools/node_modules/oidc-provider/package.json")))
        QSKIP("tools/node_modules/oidc-provider missing: run scripts/install-deps.sh (npm ci in tools/)");
    QString error;
    QVERIFY2(m_provider.start(&error), qPrintable(error));
    m_sms = std::make_unique<SmsSink>(m_dir.filePath(QStringLiteral("sms.jsonl")));
    QVERIFY(m_sms->start());

    if (qEnvironmentVariable("SINFONIA_HTTP_BACKEND") == QLatin1String("postgres")) {
        if (TestServer::postgresBase().isEmpty())
            QSKIP("SINFONIA_TEST_PG not set: PostgreSQL run skipped");
        m_database = TestServer::createPostgresDatabase(&error);
        QVERIFY2(!m_database.isEmpty(), qPrintable(error));
        m_createdPg = m_database;
    } else {
        m_database = m_dir.filePath(QStringLiteral("ledger.sqlite"));
    }
    // The operators and vouchers come from the provisioning import only.
    QVERIFY(importCsv(QStringLiteral("structures"), samples::structuresCsv()));
    QVERIFY(importCsv(QStringLiteral("operators"), samples::operatorsCsv()));
    QVERIFY(importCsv(QStringLiteral("beneficiaries"), samples::beneficiariesCsv(SystemClock().todayInRome())));

    // The service's private_key_jwt key, made now.
    const QJsonObject key = m_provider.control().get(QStringLiteral("/__test/client-key")).json();
    QVERIFY(key.contains(QStringLiteral("private")));
    const QString keyFile = m_dir.filePath(QStringLiteral("client-key.jwk"));
    const QString secretFile = m_dir.filePath(QStringLiteral("client-secret"));
    const QString secret = TestServer::newCodeVerifier();
    {
        QFile k(keyFile);
        QVERIFY(k.open(QIODevice::WriteOnly));
        k.write(QJsonDocument(key.value(QStringLiteral("private")).toObject()).toJson());
        QFile s(secretFile);
        QVERIFY(s.open(QIODevice::WriteOnly));
        s.write(secret.toUtf8() + '\n');
    }
    QVERIFY2(startServer(m_jwtServer,
                         {QStringLiteral("--oidc-client-id"), QStringLiteral("sinfonia-banco"),
                          QStringLiteral("--oidc-private-key"), keyFile, QStringLiteral("--oidc-acr"),
                          acrL2 + QStringLiteral(",https://www.spid.gov.it/SpidL3")}),
             qPrintable(m_jwtServer.errorString()));
    QVERIFY2(startServer(m_secretServer,
                         {QStringLiteral("--oidc-client-id"), QStringLiteral("sinfonia-banco-secret"),
                          QStringLiteral("--oidc-client-secret-file"), secretFile}),
             qPrintable(m_secretServer.errorString()));

    auto account = [](const QString& cf, const QString& acr) {
        return QJsonObject {{QStringLiteral("claims"),
                             QJsonObject {{fiscalClaim, QString(QStringLiteral("TINIT-") + cf)},
                                          {QStringLiteral("family_name"), QStringLiteral("Prova")}}},
                            {QStringLiteral("acr"), acr}};
    };
    const QString unknownCf = ledger::DemoIdentity::codiceFiscale(QStringLiteral("Ignoto"), QStringLiteral("Mario"),
                                                                  QDate(1980, 1, 1), false, QStringLiteral("A509"));
    const QString jwtBase = m_jwtServer.baseUrl().toString();
    const QString secretBase = m_secretServer.baseUrl().toString();
    m_settings = QJsonObject {
        {QStringLiteral("idTokenClaims"), false},
        {QStringLiteral("clients"),
         QJsonArray {
             QJsonObject {
                 {QStringLiteral("client_id"), QStringLiteral("sinfonia-banco")},
                 {QStringLiteral("token_endpoint_auth_method"), QStringLiteral("private_key_jwt")},
                 {QStringLiteral("jwks"),
                  QJsonObject {{QStringLiteral("keys"), QJsonArray {key.value(QStringLiteral("public"))}}}},
                 {QStringLiteral("redirect_uris"), QJsonArray {QString(jwtBase + QStringLiteral("/oauth/callback"))}},
                 {QStringLiteral("post_logout_redirect_uris"),
                  QJsonArray {QString(jwtBase + QStringLiteral("/oauth/logged-out"))}}},
             QJsonObject {{QStringLiteral("client_id"), QStringLiteral("sinfonia-banco-secret")},
                          {QStringLiteral("client_secret"), secret},
                          {QStringLiteral("token_endpoint_auth_method"), QStringLiteral("client_secret_basic")},
                          {QStringLiteral("redirect_uris"),
                           QJsonArray {QString(secretBase + QStringLiteral("/oauth/callback"))}}},
         }},
        {QStringLiteral("accounts"),
         QJsonObject {
             {QStringLiteral("titolare"), account(samples::titolareCf(), acrL2)},
             {QStringLiteral("dipendente"), account(samples::dipendenteCf(), acrL2)},
             {QStringLiteral("disabilitato"), account(samples::disabledCf(), acrL2)},
             {QStringLiteral("sconosciuto"), account(unknownCf, acrL2)},
             {QStringLiteral("debole"), account(samples::titolareCf(), acrL1)},
         }},
    };
    QVERIFY(m_provider.post(QStringLiteral("/__test/configure"), m_settings));
}

void TestOidc::cleanupTestCase()
{
    QDesktopServices::unsetUrlHandler(QStringLiteral("http"));
    m_jwtServer.stop();
    m_secretServer.stop();
    m_provider.stop();
    if (!m_createdPg.isEmpty())
        TestServer::dropPostgresDatabase(m_createdPg);
}

QUrl TestOidc::authorizeUrl(TestServer& server, const QString& challenge) const
{
    QUrlQuery q;
    q.addQueryItem(QStringLiteral("response_type"), QStringLiteral("code"));
    q.addQueryItem(QStringLiteral("client_id"), QStringLiteral("sinfonia-pos"));
    q.addQueryItem(QStringLiteral("redirect_uri"), QString::fromLatin1(QUrl::toPercentEncoding(clientRedirect)));
    q.addQueryItem(QStringLiteral("code_challenge"), challenge);
    q.addQueryItem(QStringLiteral("code_challenge_method"), QStringLiteral("S256"));
    q.addQueryItem(QStringLiteral("state"), QStringLiteral("client-state-42"));
    QUrl url = server.baseUrl();
    url.setPath(QStringLiteral("/oauth/authorize"));
    url.setQuery(q);
    return url;
}

TestOidc::Leg TestOidc::login(TestServer& server, const QString& account, const std::function<bool(const QUrl&)>& stop)
{
    m_verifier = TestServer::newCodeVerifier();
    Browser browser;
    Leg leg;
    leg.outcome = browser.drive(authorizeUrl(server, TestServer::codeChallengeFor(m_verifier)), account,
                                stop ? stop : std::function<bool(const QUrl&)>(isClientRedirect));
    if (isClientRedirect(leg.outcome.stoppedAt)) {
        const QUrlQuery q(leg.outcome.stoppedAt);
        leg.code = q.queryItemValue(QStringLiteral("code"), QUrl::FullyDecoded);
        leg.state = q.queryItemValue(QStringLiteral("state"), QUrl::FullyDecoded);
    }
    return leg;
}

void TestOidc::expectRefusal(const Leg& leg, int status, const QString& words, const QString& reason)
{
    const auto cleanup = qScopeGuard([&] {
        if (reason.isEmpty() || QTest::currentTestFailed())
            return;
        // The page sends the browser back to the waiting application with the reason, at once by
        // link and after a few seconds by itself, and with the client's own state.
        const QString body = QString::fromUtf8(leg.outcome.last.body);
        static const QRegularExpression link(QStringLiteral("id=\"torna\" href=\"([^\"]+)\""));
        const auto m = link.match(body);
        QVERIFY2(m.hasMatch(), qPrintable(body.left(600)));
        QString href = m.captured(1);
        href.replace(QStringLiteral("&amp;"), QStringLiteral("&"));
        const QUrl back(href);
        QVERIFY2(isClientRedirect(back), qPrintable(href));
        const QUrlQuery q(back);
        QCOMPARE(q.queryItemValue(QStringLiteral("error_description")), reason);
        QVERIFY(!q.queryItemValue(QStringLiteral("error")).isEmpty());
        QCOMPARE(q.queryItemValue(QStringLiteral("state"), QUrl::FullyDecoded), QStringLiteral("client-state-42"));
        QVERIFY(!q.hasQueryItem(QStringLiteral("code")));
        QVERIFY(body.contains(QStringLiteral("http-equiv=\"refresh\"")));
    });
    QVERIFY2(leg.code.isEmpty(), "a refused login must not reach the client with a code");
    QVERIFY(!leg.outcome.stoppedAt.isValid());
    const QString body = QString::fromUtf8(leg.outcome.last.body);
    QVERIFY2(leg.outcome.last.status == status,
             qPrintable(QStringLiteral("status %1: %2").arg(leg.outcome.last.status).arg(body.left(400))));
    QVERIFY2(body.contains(QStringLiteral("Accesso non riuscito")), qPrintable(body.left(400)));
    QVERIFY2(body.contains(words), qPrintable(body.left(400)));
    QVERIFY(!body.contains(QStringLiteral("code=")));
}

QString TestOidc::latestOtp()
{
    // The last message the gateway received; the code is the six digits of its text.
    const QList<QJsonObject> got = m_sms->received();
    if (got.isEmpty())
        return {};
    static const QRegularExpression sixDigits(QStringLiteral("\\b(\\d{6})\\b"));
    return sixDigits.match(got.last().value(QStringLiteral("body")).toString()).captured(1);
}

void TestOidc::loginThroughTheProviderAndPurchase()
{
    AppLogin app(m_jwtServer.baseUrl());
    ServiceStack& services = app.services;
    BrowserStub& stub = app.stub;
    const QUrl authorize = app.start();
    QVERIFY(authorize.isValid());
    QCOMPARE(services.login().isSandbox(), false);

    Browser browser;
    // The leg ends at the app's loopback listener, which takes the code and checks the state.
    (void)browser.drive(authorize, QStringLiteral("titolare"), {});
    QVERIFY(app.waitForTheEnd());
    QVERIFY2(!app.ok.isEmpty(),
             app.failed.isEmpty() ? "" : qPrintable(app.failed.first().first().value<Error>().message));
    QVERIFY(services.session().isLoggedIn());

    // The operator of the import, with its structures.
    HttpClient api(m_jwtServer.baseUrl(), QString::fromLatin1(services.session().accessToken()));
    const QJsonObject me = api.get(QStringLiteral("/api/v1/me")).json();
    QCOMPARE(me.value(QStringLiteral("codiceFiscale")).toString(), samples::titolareCf());
    QCOMPARE(me.value(QStringLiteral("structures")).toArray().size(), 2);

    // A purchase on an imported voucher, confirmed with the OTP of the SMS.
    const HttpResponse b
        = api.get(QStringLiteral("/api/v1/structures/FAR101/beneficiaries?codiceFiscale=") + samples::beneficiaryCf());
    QCOMPARE(b.status, 200);
    const QJsonObject voucher = b.json().value(QStringLiteral("vouchers")).toArray().first().toObject();
    const QString voucherId = voucher.value(QStringLiteral("id")).toString();
    const qint64 before = voucher.value(QStringLiteral("availableCents")).toInteger();
    const HttpResponse created = api.postPurchase(QStringLiteral("FAR101"), voucherId, 1500, HttpClient::samplePng());
    QVERIFY2(created.status == 201, created.body.constData());
    const QString mid
        = created.json().value(QStringLiteral("movement")).toObject().value(QStringLiteral("id")).toString();
    const QString otp = latestOtp();
    QCOMPARE(otp.size(), 6);
    const HttpResponse verified
        = api.postJson(QStringLiteral("/api/v1/structures/FAR101/movements/%1/otp/verify").arg(mid),
                       QJsonObject {{QStringLiteral("code"), otp}});
    QVERIFY2(verified.status == 200, verified.body.constData());
    QCOMPARE(verified.json().value(QStringLiteral("movement")).toObject().value(QStringLiteral("state")).toString(),
             QStringLiteral("CONFERMATO"));
    const QJsonObject after = api.get(QStringLiteral("/api/v1/structures/FAR101/vouchers/") + voucherId).json();
    QCOMPARE(after.value(QStringLiteral("availableCents")).toInteger(), before - 1500);

    // Logout as the app does it: the revoke ends the local grant, and the server's answer names the
    // provider's end_session URL, which the app opens in the browser.
    const QString accessToken = QString::fromLatin1(services.session().accessToken());
    const int openedBefore = int(stub.opened.size());
    std::optional<Result<void>> loggedOut;
    services.session().logout(this, [&](Result<void> r) { loggedOut = r; });
    QVERIFY(QTest::qWaitFor([&] { return loggedOut.has_value(); }, 20000));
    QVERIFY(loggedOut->ok());
    QCOMPARE(HttpClient(m_jwtServer.baseUrl(), accessToken).get(QStringLiteral("/api/v1/me")).status, 401);
    QCOMPARE(int(stub.opened.size()), openedBefore + 1);
    const QUrl endSession = stub.opened.last();
    QVERIFY2(endSession.toString().startsWith(m_provider.issuer().toString()), qPrintable(endSession.toString()));
    QVERIFY(QUrlQuery(endSession).hasQueryItem(QStringLiteral("id_token_hint")));
    // The browser confirms at the provider and lands on our "logged out" page.
    const Browser::Hop confirm = browser.fetch(endSession);
    QCOMPARE(confirm.status, 200);
    auto [action, fields] = Browser::form(endSession, confirm.body);
    QVERIFY(action.isValid());
    fields.append({QStringLiteral("logout"), QStringLiteral("yes")});
    const Browser::Hop done = browser.fetch(action, Browser::encode(fields), true);
    QVERIFY2(done.status >= 300 && done.status < 400, done.body.left(300).constData());
    QCOMPARE(done.location.toString(), m_jwtServer.baseUrl().toString() + QStringLiteral("/oauth/logged-out"));
    const Browser::Hop page = browser.fetch(done.location);
    QCOMPARE(page.status, 200);
    QVERIFY(page.body.contains("Sei uscito"));
    // The provider's session is over too: the next login asks for the account again.
    const Browser::Hop again = browser.fetch(authorizeUrl(m_jwtServer, TestServer::codeChallengeFor(m_verifier)));
    QCOMPARE(again.status, 302);
    const Browser::Outcome next = browser.drive(again.location, QString(), isClientRedirect);
    QVERIFY(!next.stoppedAt.isValid()); // stopped at the login form: no silent login
}

void TestOidc::clientSecretAuthentication()
{
    const Leg leg = login(m_secretServer, QStringLiteral("dipendente"));
    QVERIFY2(!leg.code.isEmpty(), leg.outcome.last.body.left(400).constData());
    QCOMPARE(leg.state, QStringLiteral("client-state-42"));
    // The code is ours, for sinfonia-pos, bound to its PKCE challenge.
    const HttpResponse t = HttpClient(m_secretServer.baseUrl())
                               .postForm(QStringLiteral("/oauth/token"),
                                         {{QStringLiteral("grant_type"), QStringLiteral("authorization_code")},
                                          {QStringLiteral("code"), leg.code},
                                          {QStringLiteral("redirect_uri"), clientRedirect},
                                          {QStringLiteral("client_id"), QStringLiteral("sinfonia-pos")},
                                          {QStringLiteral("code_verifier"), m_verifier}});
    QVERIFY2(t.status == 200, t.body.constData());
    HttpClient api(m_secretServer.baseUrl(), t.json().value(QStringLiteral("access_token")).toString());
    QCOMPARE(api.get(QStringLiteral("/api/v1/me")).json().value(QStringLiteral("codiceFiscale")).toString(),
             samples::dipendenteCf());
}

int userinfoCalls(const Provider& p)
{
    return p.control().get(QStringLiteral("/__test/stats")).json().value(QStringLiteral("userinfo")).toInt(-1);
}

void TestOidc::codiceFiscaleInTheIdToken()
{
    // By default oidc-provider puts the profile claims only in userinfo: the server asks there.
    const int before = userinfoCalls(m_provider);
    QVERIFY(!login(m_jwtServer, QStringLiteral("titolare")).code.isEmpty());
    QCOMPARE(userinfoCalls(m_provider), before + 1);
    // With the claim in the ID token, userinfo is not needed.
    QJsonObject inToken = m_settings;
    inToken.insert(QStringLiteral("idTokenClaims"), true);
    QVERIFY(m_provider.post(QStringLiteral("/__test/configure"), inToken));
    const Leg leg = login(m_jwtServer, QStringLiteral("titolare"));
    QVERIFY(m_provider.post(QStringLiteral("/__test/configure"), m_settings));
    QVERIFY2(!leg.code.isEmpty(), leg.outcome.last.body.left(300).constData());
    QCOMPARE(userinfoCalls(m_provider), before + 1);
}

void TestOidc::wrongStateGetsNoCode()
{
    auto atCallback = [this](const QUrl& u) {
        return u.port() == m_jwtServer.port() && u.path() == QLatin1String("/oauth/callback");
    };
    const Leg leg = login(m_jwtServer, QStringLiteral("titolare"), atCallback);
    QVERIFY(leg.outcome.stoppedAt.isValid());
    QUrl forged = leg.outcome.stoppedAt;
    QUrlQuery q(forged);
    q.removeAllQueryItems(QStringLiteral("state"));
    q.addQueryItem(QStringLiteral("state"), QStringLiteral("forged-state"));
    forged.setQuery(q);
    Browser browser;
    Leg bad;
    bad.outcome = browser.drive(forged, {}, isClientRedirect);
    expectRefusal(bad, 400, QStringLiteral("non valida o scaduta"));
    // The genuine callback still works once, and a replay of it finds its state gone.
    Leg good;
    good.outcome = browser.drive(leg.outcome.stoppedAt, {}, isClientRedirect);
    QVERIFY2(isClientRedirect(good.outcome.stoppedAt), good.outcome.last.body.left(300).constData());
    Leg replay;
    replay.outcome = browser.drive(leg.outcome.stoppedAt, {}, isClientRedirect);
    expectRefusal(replay, 400, QStringLiteral("non valida o scaduta"));
}

void TestOidc::replayedCodeIsRefusedByTheProvider()
{
    auto atCallback = [this](const QUrl& u) {
        return u.port() == m_jwtServer.port() && u.path() == QLatin1String("/oauth/callback");
    };
    const Leg first = login(m_jwtServer, QStringLiteral("titolare"), atCallback);
    QVERIFY(first.outcome.stoppedAt.isValid());
    Browser browser;
    QVERIFY(isClientRedirect(browser.drive(first.outcome.stoppedAt, {}, isClientRedirect).stoppedAt));
    // A second login in progress, answered with the first (already used) code.
    const Leg second = login(m_jwtServer, QStringLiteral("titolare"), atCallback);
    QVERIFY(second.outcome.stoppedAt.isValid());
    QUrl replay = second.outcome.stoppedAt;
    QUrlQuery q(replay);
    q.removeAllQueryItems(QStringLiteral("code"));
    q.addQueryItem(QStringLiteral("code"), QUrlQuery(first.outcome.stoppedAt).queryItemValue(QStringLiteral("code")));
    replay.setQuery(q);
    Leg bad;
    bad.outcome = browser.drive(replay, {}, isClientRedirect);
    expectRefusal(bad, 400, QStringLiteral("codice già usato o scaduto"), QStringLiteral("provider_refused"));
}

void TestOidc::wrongNonce()
{
    QVERIFY(m_provider.setMode(QStringLiteral("wrong-nonce")));
    const Leg leg = login(m_jwtServer, QStringLiteral("titolare"));
    QVERIFY(m_provider.setMode(QStringLiteral("normal")));
    expectRefusal(leg, 403, QStringLiteral("non è valida"), QStringLiteral("identity_refused"));
    QVERIFY(m_jwtServer.serverLog().contains("nonce mismatch"));
}

void TestOidc::expiredIdToken()
{
    QVERIFY(m_provider.setMode(QStringLiteral("expired")));
    const Leg leg = login(m_jwtServer, QStringLiteral("titolare"));
    QVERIFY(m_provider.setMode(QStringLiteral("normal")));
    expectRefusal(leg, 403, QStringLiteral("non è valida"), QStringLiteral("identity_refused"));
    QVERIFY(m_jwtServer.serverLog().contains("ID token expired"));
}

void TestOidc::tokenSignedByAnotherKey()
{
    QVERIFY(m_provider.setMode(QStringLiteral("other-key")));
    const Leg leg = login(m_jwtServer, QStringLiteral("titolare"));
    QVERIFY(m_provider.setMode(QStringLiteral("normal")));
    expectRefusal(leg, 403, QStringLiteral("non è valida"), QStringLiteral("identity_refused"));
    QVERIFY(m_jwtServer.serverLog().contains("jose.signature"));
}

void TestOidc::tokenForAnotherAudienceOrIssuer()
{
    QVERIFY(m_provider.setMode(QStringLiteral("other-audience")));
    const Leg aud = login(m_jwtServer, QStringLiteral("titolare"));
    QVERIFY(m_provider.setMode(QStringLiteral("other-issuer")));
    const Leg iss = login(m_jwtServer, QStringLiteral("titolare"));
    QVERIFY(m_provider.setMode(QStringLiteral("normal")));
    expectRefusal(aud, 403, QStringLiteral("non è valida"), QStringLiteral("identity_refused"));
    expectRefusal(iss, 403, QStringLiteral("non è valida"), QStringLiteral("identity_refused"));
    QVERIFY(m_jwtServer.serverLog().contains("aud does not name this client"));
    QVERIFY(m_jwtServer.serverLog().contains("iss is not the configured issuer"));
}

void TestOidc::rotatedJwksIsFetchedAgain()
{
    QVERIFY(!login(m_jwtServer, QStringLiteral("titolare")).code.isEmpty()); // keys cached
    const HttpResponse rotated = m_provider.control().send("POST", QStringLiteral("/__test/rotate"));
    QCOMPARE(rotated.status, 200);
    const Leg leg = login(m_jwtServer, QStringLiteral("titolare"));
    QVERIFY2(!leg.code.isEmpty(), leg.outcome.last.body.left(400).constData());
    QVERIFY(m_jwtServer.serverLog().contains("provider keys fetched again"));
}

void TestOidc::unknownCodiceFiscale()
{
    expectRefusal(login(m_jwtServer, QStringLiteral("sconosciuto")), 403, QStringLiteral("non è abilitato"),
                  QStringLiteral("operator_not_enabled"));
}

void TestOidc::refusedLoginReachesTheApp()
{
    // The app's own login (loopback listener, PKCE, state) for a codice fiscale SPID knows and the
    // service does not: the browser shows the reason, follows the page's link back, and the app
    // stops waiting with the same reason in its own words.
    AppLogin app(m_jwtServer.baseUrl());
    const QUrl authorize = app.start();
    QVERIFY(authorize.isValid());
    Browser browser;
    const Browser::Outcome refused = browser.drive(authorize, QStringLiteral("sconosciuto"), {});
    QCOMPARE(refused.last.status, 403);
    const QString body = QString::fromUtf8(refused.last.body);
    QVERIFY(body.contains(QStringLiteral("non è abilitato")));
    QVERIFY(app.failed.isEmpty()); // the page is on screen; the app learns it from the link
    static const QRegularExpression link(QStringLiteral("id=\"torna\" href=\"([^\"]+)\""));
    QString href = link.match(body).captured(1);
    href.replace(QStringLiteral("&amp;"), QStringLiteral("&"));
    QVERIFY2(!href.isEmpty(), qPrintable(body.left(600)));
    (void)browser.drive(QUrl(href), {}, {});
    QVERIFY(app.waitForTheEnd());
    QVERIFY(app.ok.isEmpty());
    QCOMPARE(app.failed.size(), 1);
    const Error e = app.failed.first().first().value<Error>();
    QCOMPARE(e.code, QStringLiteral("auth.not_enabled"));
    QVERIFY2(e.message.contains(QStringLiteral("non è abilitato")), qPrintable(e.message));
    QVERIFY(!app.services.session().isLoggedIn());
}

void TestOidc::disabledEmployee()
{
    expectRefusal(login(m_jwtServer, QStringLiteral("disabilitato")), 403, QStringLiteral("disabilitata"),
                  QStringLiteral("operator_not_enabled"));
}

void TestOidc::weakAcrIsRefused()
{
    expectRefusal(login(m_jwtServer, QStringLiteral("debole")), 403, QStringLiteral("livello 2"),
                  QStringLiteral("identity_refused"));
}

void TestOidc::providerDown()
{
    auto atCallback = [this](const QUrl& u) {
        return u.port() == m_jwtServer.port() && u.path() == QLatin1String("/oauth/callback");
    };
    const Leg leg = login(m_jwtServer, QStringLiteral("titolare"), atCallback);
    QVERIFY(leg.outcome.stoppedAt.isValid());
    m_provider.stop();
    Browser browser;
    Leg down;
    down.outcome = browser.drive(leg.outcome.stoppedAt, {}, isClientRedirect);
    expectRefusal(down, 502, QStringLiteral("non risponde"), QStringLiteral("provider_unreachable"));
    // A server that never reached the provider refuses at once, with no redirect to nowhere.
    TestServer fresh;
    QVERIFY2(
        startServer(fresh,
                    {QStringLiteral("--oidc-client-id"), QStringLiteral("sinfonia-banco-secret"),
                     QStringLiteral("--oidc-client-secret-file"), m_dir.filePath(QStringLiteral("client-secret"))}),
        qPrintable(fresh.errorString()));
    Leg never;
    never.outcome = browser.drive(authorizeUrl(fresh, TestServer::codeChallengeFor(TestServer::newCodeVerifier())), {},
                                  isClientRedirect);
    expectRefusal(never, 503, QStringLiteral("non risponde"));
}

void TestOidc::configurationIsChecked()
{
    const QString secret = m_dir.filePath(QStringLiteral("client-secret"));
    auto run = [&](const QStringList& args) {
        QProcess p;
        p.setProcessChannelMode(QProcess::MergedChannels);
        p.start(TestServer::serverBinary(),
                QStringList {QStringLiteral("--listen"), QStringLiteral("127.0.0.1:0"), QStringLiteral("--db"),
                             m_dir.filePath(QStringLiteral("config.sqlite"))}
                    + args);
        if (!p.waitForFinished(30000)) {
            p.kill();
            p.waitForFinished();
            return std::pair {-1, QString()};
        }
        return std::pair {p.exitCode(), QString::fromUtf8(p.readAll())};
    };
    const QStringList client {QStringLiteral("--oidc-client-id"), QStringLiteral("x"),
                              QStringLiteral("--oidc-client-secret-file"), secret};
    // Plain http only on loopback: a provider elsewhere must be https.
    auto [code, out] = run(QStringList {QStringLiteral("--oidc-issuer"), QStringLiteral("http://id.example")} + client);
    QCOMPARE(code, 1);
    QVERIFY2(out.contains(QStringLiteral("https://")), qPrintable(out));
    // The sandbox keeps its simulated page.
    std::tie(code, out) = run(
        QStringList {QStringLiteral("--sandbox"), QStringLiteral("--oidc-issuer"), QStringLiteral("https://id.example")}
        + client);
    QCOMPARE(code, 1);
    QVERIFY(out.contains(QStringLiteral("--sandbox")));
    // Exactly one client authentication.
    std::tie(code, out) = run({QStringLiteral("--oidc-issuer"), QStringLiteral("https://id.example"),
                               QStringLiteral("--oidc-client-id"), QStringLiteral("x")});
    QCOMPARE(code, 1);
    QVERIFY(out.contains(QStringLiteral("exactly one")));
    std::tie(code, out) = run(client);
    QCOMPARE(code, 1);
    QVERIFY(out.contains(QStringLiteral("need --oidc-issuer")));
    // A key file that is not a private JWK is refused at start, not at the first login.
    std::tie(code, out)
        = run({QStringLiteral("--oidc-issuer"), QStringLiteral("https://id.example"),
               QStringLiteral("--oidc-client-id"), QStringLiteral("x"), QStringLiteral("--oidc-private-key"), secret});
    QCOMPARE(code, 1);
    QVERIFY2(out.contains(QStringLiteral("private JWK")), qPrintable(out));
    // --help names the options.
    std::tie(code, out) = run({QStringLiteral("--help")});
    QVERIFY(out.contains(QStringLiteral("--oidc-issuer")) && out.contains(QStringLiteral("--oidc-private-key")));
}

void TestOidc::providerCallsVerifyTls()
{
    // The outbound client (cpp-httplib + OpenSSL) against an https endpoint: a sinfonia-server with
    // a certificate made now stands in for the provider's TLS.
    const QString cert = m_dir.filePath(QStringLiteral("tls-cert.pem"));
    const QString key = m_dir.filePath(QStringLiteral("tls-key.pem"));
    QProcess openssl;
    openssl.start(QStringLiteral("openssl"),
                  {QStringLiteral("req"), QStringLiteral("-x509"), QStringLiteral("-newkey"),
                   QStringLiteral("rsa:2048"), QStringLiteral("-nodes"), QStringLiteral("-keyout"), key,
                   QStringLiteral("-out"), cert, QStringLiteral("-days"), QStringLiteral("2"), QStringLiteral("-subj"),
                   QStringLiteral("/CN=127.0.0.1"), QStringLiteral("-addext"),
                   QStringLiteral("subjectAltName=IP:127.0.0.1")});
    QVERIFY(openssl.waitForFinished(60000) && openssl.exitCode() == 0);
    TestServer tls;
    TestServer::Options o;
    o.extraArgs = {QStringLiteral("--tls-cert"), cert, QStringLiteral("--tls-key"), key};
    QVERIFY2(tls.start(o), qPrintable(tls.errorString()));
    const QString url = tls.baseUrl().toString() + QStringLiteral("/api/v1/info");
    QVERIFY(url.startsWith(QLatin1String("https://")));
    auto trusted = oidc::ProviderHttp(cert).get(url);
    QVERIFY2(trusted.ok(), qPrintable(trusted.ok() ? QString() : trusted.error().detail));
    QCOMPARE(trusted->status, 200);
    // Without its CA the certificate is not trusted: no answer is read.
    auto untrusted = oidc::ProviderHttp().get(url);
    QVERIFY(!untrusted.ok());
    QCOMPARE(untrusted.error().code, QStringLiteral("oidc.unreachable"));
    // Plain http only on loopback.
    auto remote = oidc::ProviderHttp().get(QStringLiteral("http://id.example/.well-known/openid-configuration"));
    QVERIFY(!remote.ok());
    QCOMPARE(remote.error().code, QStringLiteral("oidc.url"));
}

QTEST_MAIN(TestOidc)
#include "tst_oidc.moc"
