// Contract conformance: a tour of every operation of docs/api/openapi.yaml (success and error
// answers) against the real server; every exchange is recorded and checked against the contract
// by contract/check_contract.py (paths, methods, documented statuses, content types and the JSON
// schemas, undocumented fields included).

#include "HttpFixture.h"

#include <QFile>
#include <QJsonDocument>
#include <QProcess>
#include <QTemporaryDir>
#include <QTimeZone>
#include <QUrlQuery>

using namespace sinfonia::test;

class TestHttpContract : public QObject
{
    Q_OBJECT

private:
    TestServer m_server;
    QJsonArray m_exchanges;

    HttpResponse rec(const QByteArray& method, const QString& path, const HttpResponse& r)
    {
        m_exchanges.append(QJsonObject {
            {QStringLiteral("method"), QString::fromLatin1(method)},
            {QStringLiteral("path"), path.section(QLatin1Char('?'), 0, 0)},
            {QStringLiteral("status"), r.status},
            {QStringLiteral("contentType"), QString::fromLatin1(r.header("content-type"))},
            {QStringLiteral("body"),
             QString::fromUtf8(r.header("content-type").contains("json") ? r.body : QByteArray())},
        });
        return r;
    }
    HttpResponse get(const HttpClient& c, const QString& path) { return rec("GET", path, c.get(path)); }
    HttpResponse post(const HttpClient& c, const QString& path, const QJsonObject& body = {})
    {
        return rec("POST", path, c.postJson(path, body));
    }
    HttpResponse send(const HttpClient& c, const QByteArray& method, const QString& path, const QByteArray& body = {})
    {
        return rec(
            method, path,
            c.send(method, path, body,
                   {{"Content-Type", "application/json"}, {"Idempotency-Key", HttpClient::newIdempotencyKey()}}));
    }

private slots:
    void initTestCase()
    {
        TestServer::Options o;
        if (usePostgres()) {
            if (TestServer::postgresBase().isEmpty())
                QSKIP("SINFONIA_TEST_PG not set: PostgreSQL run skipped");
            o.database = QStringLiteral("postgres");
        }
        o.extraArgs = {QStringLiteral("--admin-listen"), QStringLiteral("127.0.0.1:0")};
        QVERIFY2(m_server.start(o), qPrintable(m_server.errorString()));
    }

    void tour()
    {
        const HttpClient anon = m_server.client();
        for (const char* p : {"/api/v1/info", "/healthz", "/sandbox/identities"})
            QCOMPARE(get(anon, QString::fromLatin1(p)).status, 200);
        const HttpClient admin(m_server.adminUrl());
        for (const char* p : {"/readyz", "/metrics"})
            QCOMPARE(get(admin, QString::fromLatin1(p)).status, 200);
        QCOMPARE(get(anon, QStringLiteral("/api/v1/me")).status, 401);

        // OAuth
        const QString verifier = TestServer::newCodeVerifier();
        QUrlQuery q;
        q.addQueryItem(QStringLiteral("response_type"), QStringLiteral("code"));
        q.addQueryItem(QStringLiteral("client_id"), QStringLiteral("sinfonia-pos"));
        q.addQueryItem(QStringLiteral("redirect_uri"), QStringLiteral("http%3A%2F%2F127.0.0.1%3A5000%2Fcb"));
        q.addQueryItem(QStringLiteral("code_challenge"), TestServer::codeChallengeFor(verifier));
        q.addQueryItem(QStringLiteral("code_challenge_method"), QStringLiteral("S256"));
        q.addQueryItem(QStringLiteral("state"), QStringLiteral("s"));
        const QString authorize = QStringLiteral("/oauth/authorize?") + q.toString(QUrl::FullyEncoded);
        QCOMPARE(get(anon, authorize).status, 200);
        QCOMPARE(get(anon, authorize + QStringLiteral("&identity=titolare-avellino")).status, 302);
        QCOMPARE(
            get(anon, QString(authorize).replace(QStringLiteral("127.0.0.1"), QStringLiteral("evil.example"))).status,
            400);
        const QString code
            = m_server.authorizationCode(QStringLiteral("titolare-avellino"), TestServer::codeChallengeFor(verifier),
                                         QStringLiteral("http://127.0.0.1:5000/cb"));
        const QList<QPair<QString, QString>> exchange {
            {QStringLiteral("grant_type"), QStringLiteral("authorization_code")},
            {QStringLiteral("code"), code},
            {QStringLiteral("redirect_uri"), QStringLiteral("http://127.0.0.1:5000/cb")},
            {QStringLiteral("client_id"), QStringLiteral("sinfonia-pos")},
            {QStringLiteral("code_verifier"), verifier}};
        const HttpResponse tokens
            = rec("POST", QStringLiteral("/oauth/token"), anon.postForm(QStringLiteral("/oauth/token"), exchange));
        QCOMPARE(tokens.status, 200);
        auto bogus = exchange;
        bogus[1].second = QStringLiteral("bogus-code"); // reusing the real code would revoke its grant
        QCOMPARE(
            rec("POST", QStringLiteral("/oauth/token"), anon.postForm(QStringLiteral("/oauth/token"), bogus)).status,
            400);
        const HttpClient api = m_server.client(tokens.json().value(QStringLiteral("access_token")).toString());

        QCOMPARE(get(api, QStringLiteral("/api/v1/me")).status, 200);

        // Staff
        const QString staff = QStringLiteral("/api/v1/structures/FAR001/employees");
        QCOMPARE(get(api, staff).status, 200);
        const QJsonObject mario {{QStringLiteral("codiceFiscale"), QStringLiteral("RSSMRA85T10A562S")},
                                 {QStringLiteral("givenName"), QStringLiteral("Mario")},
                                 {QStringLiteral("familyName"), QStringLiteral("Rossi")}};
        QCOMPARE(post(api, staff, mario).status, 201);
        QCOMPARE(post(api, staff, mario).status, 409);
        QCOMPARE(post(api, staff, QJsonObject {{QStringLiteral("codiceFiscale"), 12}}).status, 400);
        const QString emp = staff + QStringLiteral("/RSSMRA85T10A562S");
        QCOMPARE(send(api, "PUT", emp + QStringLiteral("/services/voucher-secondogeniti")).status, 200);
        QCOMPARE(send(api, "DELETE", emp + QStringLiteral("/services/voucher-secondogeniti")).status, 200);
        QCOMPARE(post(api, emp + QStringLiteral("/disable")).status, 200);
        QCOMPARE(post(api, emp + QStringLiteral("/enable")).status, 200);
        QCOMPARE(post(api, staff + QStringLiteral("/XXXXXX00X00X000X/enable")).status / 100, 4);
        const auto dip = m_server.login(QStringLiteral("dipendente-avellino"));
        QCOMPARE(get(m_server.client(dip.accessToken), staff).status, 403);

        // Beneficiary and voucher
        const QString cf = sinfonia::ledger::DemoData::activeBeneficiaryCf();
        const QString search = QStringLiteral("/api/v1/structures/FAR001/beneficiaries");
        QCOMPARE(get(api, search + QStringLiteral("?codiceFiscale=") + cf).status, 200);
        QCOMPARE(
            get(api, search + QStringLiteral("?cardNumber=") + sinfonia::ledger::DemoData::activeCardNumber()).status,
            200);
        QCOMPARE(get(api, search + QStringLiteral("?codiceFiscale=RSSMRA85T10A562X")).status, 400);
        QCOMPARE(get(api, search + QStringLiteral("?codiceFiscale=RSSMRA85T10A562S")).status, 404);
        const QString vid = activeVoucher(api).value(QStringLiteral("id")).toString();
        const QString voucher = QStringLiteral("/api/v1/structures/FAR001/vouchers/") + vid;
        QCOMPARE(get(api, voucher).status, 200);
        QCOMPARE(get(api, voucher + QStringLiteral("/transactions")).status, 200);
        QCOMPARE(get(api, QStringLiteral("/api/v1/structures/PAR001/vouchers/") + vid).status, 404);

        // Purchase, OTP, receipt
        const QString purchases = voucher + QStringLiteral("/purchases");
        const HttpResponse created
            = rec("POST", purchases, api.postPurchase(QStringLiteral("FAR001"), vid, 700, HttpClient::samplePng()));
        QCOMPARE(created.status, 201);
        QCOMPARE(
            rec("POST", purchases, api.postPurchase(QStringLiteral("FAR001"), vid, 0, HttpClient::samplePng())).status,
            400);
        QCOMPARE(
            rec("POST", purchases, api.postPurchase(QStringLiteral("FAR001"), vid, 99999999, HttpClient::samplePng()))
                .status,
            422);
        QCOMPARE(rec("POST", purchases, api.postPurchase(QStringLiteral("FAR001"), vid, 100, QByteArray(6 << 20, 'x')))
                     .status,
                 413);
        const QString mid
            = created.json().value(QStringLiteral("movement")).toObject().value(QStringLiteral("id")).toString();
        const QString mov = QStringLiteral("/api/v1/structures/FAR001/movements/") + mid;
        QCOMPARE(get(api, mov + QStringLiteral("/otp")).status, 200);
        QCOMPARE(post(api, mov + QStringLiteral("/otp/resend")).status, 429);
        QCOMPARE(
            post(api, mov + QStringLiteral("/otp/verify"), QJsonObject {{QStringLiteral("code"), QStringLiteral("1")}})
                .status,
            400);
        const QString right = m_server.latestOtpForMovement(mid);
        const QString wrong = right == QLatin1String("000000") ? QStringLiteral("111111") : QStringLiteral("000000");
        QCOMPARE(post(api, mov + QStringLiteral("/otp/verify"), QJsonObject {{QStringLiteral("code"), wrong}}).status,
                 422);
        QCOMPARE(post(api, mov + QStringLiteral("/otp/verify"), QJsonObject {{QStringLiteral("code"), right}}).status,
                 200);
        QCOMPARE(post(api, mov + QStringLiteral("/otp/verify"), QJsonObject {{QStringLiteral("code"), right}}).status,
                 409);
        QCOMPARE(post(api, mov + QStringLiteral("/otp")).status, 409);
        QCOMPARE(get(api, mov + QStringLiteral("/receipt")).status, 200);
        QCOMPARE(get(api, QStringLiteral("/api/v1/structures/FAR001/movements/999999/receipt")).status, 404);

        // Pending purchase authorized again after the cooldown
        const HttpResponse pending
            = rec("POST", purchases, api.postPurchase(QStringLiteral("FAR001"), vid, 300, HttpClient::samplePng()));
        const QString pmov = QStringLiteral("/api/v1/structures/FAR001/movements/")
            + pending.json().value(QStringLiteral("movement")).toObject().value(QStringLiteral("id")).toString();
        QCOMPARE(post(api, pmov + QStringLiteral("/otp")).status, 429);
        QVERIFY(m_server.setClock(QDateTime::currentDateTimeUtc().addSecs(40)));
        QCOMPARE(post(api, pmov + QStringLiteral("/otp")).status, 200);
        QCOMPARE(post(api, pmov + QStringLiteral("/otp/resend")).status / 100, 4); // cooldown again
        QVERIFY(m_server.resetClock());

        // Cancellation
        const QString cancel = mov + QStringLiteral("/cancellations");
        QCOMPARE(post(api, cancel, QJsonObject {{QStringLiteral("amountCents"), 701}}).status, 422);
        QCOMPARE(post(api, cancel, QJsonObject {{QStringLiteral("amountCents"), 2.5}}).status, 400);
        QCOMPARE(post(api, cancel, QJsonObject {{QStringLiteral("amountCents"), 200}}).status, 201);
        QCOMPARE(
            rec("POST", cancel, api.send("POST", cancel, "{\"amountCents\":1}", {{"Content-Type", "application/json"}}))
                .status,
            400);

        // "Annulla acquisto in attesa": the pending purchase once, then nothing is pending; its OTP is void.
        QCOMPARE(post(api, pmov + QStringLiteral("/void")).status, 200);
        QCOMPARE(post(api, pmov + QStringLiteral("/void")).status, 409);
        QCOMPARE(post(api, pmov + QStringLiteral("/otp/verify"),
                      QJsonObject {{QStringLiteral("code"), QStringLiteral("123456")}})
                     .status,
                 409);
        QCOMPARE(post(api, mov + QStringLiteral("/void")).status, 409);

        // Idempotency answers
        const QByteArray key = HttpClient::newIdempotencyKey();
        QCOMPARE(rec("POST", purchases,
                     api.postPurchase(QStringLiteral("FAR001"), vid, 101, HttpClient::samplePng(), "image/png", key))
                     .status,
                 201);
        QCOMPARE(rec("POST", purchases,
                     api.postPurchase(QStringLiteral("FAR001"), vid, 101, HttpClient::samplePng(), "image/png", key))
                     .status,
                 201);
        QCOMPARE(rec("POST", purchases,
                     api.postPurchase(QStringLiteral("FAR001"), vid, 102, HttpClient::samplePng(), "image/png", key))
                     .status,
                 422);

        // Movements
        const QString list = QStringLiteral("/api/v1/structures/FAR001/movements");
        const QDate today = QDateTime::currentDateTimeUtc().toTimeZone(QTimeZone("Europe/Rome")).date();
        QCOMPARE(
            get(api, list + QStringLiteral("?from=%1&limit=5").arg(today.addMonths(-2).toString(Qt::ISODate))).status,
            200);
        QCOMPARE(get(api, list).status, 200);
        QCOMPARE(get(api, list + QStringLiteral("?from=%1").arg(today.addMonths(-4).toString(Qt::ISODate))).status,
                 400);

        // Sandbox
        QCOMPARE(get(anon, QStringLiteral("/sandbox/outbox?limit=3")).status, 200);
        QCOMPARE(rec("PUT", QStringLiteral("/sandbox/clock"),
                     anon.send("PUT", QStringLiteral("/sandbox/clock"), "{\"now\":\"2026-11-26T10:00:00Z\"}",
                               {{"Content-Type", "application/json"}}))
                     .status,
                 200);
        QCOMPARE(rec("PUT", QStringLiteral("/sandbox/clock"),
                     anon.send("PUT", QStringLiteral("/sandbox/clock"), "{\"now\":\"ieri\"}",
                               {{"Content-Type", "application/json"}}))
                     .status,
                 400);
        QCOMPARE(rec("DELETE", QStringLiteral("/sandbox/clock"), anon.send("DELETE", QStringLiteral("/sandbox/clock")))
                     .status,
                 200);

        // Revoke last
        const QList<QPair<QString, QString>> revoke {
            {QStringLiteral("token"), tokens.json().value(QStringLiteral("refresh_token")).toString()},
            {QStringLiteral("client_id"), QStringLiteral("sinfonia-pos")}};
        QCOMPARE(
            rec("POST", QStringLiteral("/oauth/revoke"), anon.postForm(QStringLiteral("/oauth/revoke"), revoke)).status,
            200);
        QCOMPARE(
            rec("POST", QStringLiteral("/oauth/revoke"), anon.postForm(QStringLiteral("/oauth/revoke"), {})).status,
            400);
    }

    void exchangesMatchTheContract()
    {
        QVERIFY(m_exchanges.size() > 50);
        if (!QFile::exists(QStringLiteral("/usr/bin/python3")))
            QSKIP("Debian's python3 is missing");
        QTemporaryDir dir;
        QFile out(dir.filePath(QStringLiteral("exchanges.json")));
        QVERIFY(out.open(QIODevice::WriteOnly));
        out.write(QJsonDocument(m_exchanges).toJson());
        out.close();
        QProcess checker;
        checker.setProcessChannelMode(QProcess::MergedChannels);
        checker.start(QStringLiteral("/usr/bin/python3"),
                      {QStringLiteral(SINFONIA_SOURCE_DIR "/tests/server/http/contract/check_contract.py"),
                       QStringLiteral(SINFONIA_SOURCE_DIR "/docs/api/openapi.yaml"), out.fileName()});
        QVERIFY(checker.waitForFinished(60000));
        const QByteArray output = checker.readAll();
        if (output.contains("No module named 'yaml'"))
            QSKIP("python3-yaml is not installed");
        qInfo().noquote() << output.trimmed();
        QVERIFY2(checker.exitCode() == 0, output.constData());
    }
};

QTEST_GUILESS_MAIN(TestHttpContract)
#include "tst_http_contract.moc"
