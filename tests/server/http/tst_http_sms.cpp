// OTP messages through a real HTTP SMS gateway (issue 10 item 6): the server POSTs each message to
// a local sink (tests/support/sms_sink, started here) with the credentials of its file; no code is
// at rest in clear (the SQLite file and its WAL, the server's log); with the gateway down the
// purchase is still made and says the SMS did not go, "Invia nuovamente" answers sms.not_sent and
// works at once when the gateway is back; the sealed pending messages are gone afterwards.

#include "HttpFixture.h"
#include "tests/support/SmsSink.h"

#include <QFile>
#include <QJsonDocument>
#include <QProcess>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <cctype>

using namespace sinfonia::test;

namespace {
const QString far = QStringLiteral("FAR001");

QString codeIn(const QJsonObject& message)
{
    // The template puts the text under "message"; the code is in the sentence.
    static const QRegularExpression re(QStringLiteral("codice (\\d{6}) "));
    return re.match(message.value(QStringLiteral("body")).toString()).captured(1);
}

// `code` as a number of its own in `data` (not inside a longer run of digits).
bool containsCode(const QByteArray& data, const QByteArray& code)
{
    for (qsizetype at = data.indexOf(code); at >= 0; at = data.indexOf(code, at + 1)) {
        const bool before = at > 0 && std::isdigit(static_cast<unsigned char>(data.at(at - 1)));
        const qsizetype end = at + code.size();
        const bool after = end < data.size() && std::isdigit(static_cast<unsigned char>(data.at(end)));
        if (!before && !after)
            return true;
    }
    return false;
}

QByteArray fileBytes(const QString& path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}
} // namespace

class TestHttpSms : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    std::unique_ptr<SmsSink> m_sink;
    TestServer m_server;
    HttpClient m_api {QUrl()};
    QString m_vid;
    QStringList m_codes; // every code the gateway received

    QString sqliteFile() const { return usePostgres() ? QString() : m_server.databaseLocation(); }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_sink = std::make_unique<SmsSink>(m_dir.filePath(QStringLiteral("received.jsonl")));
        QVERIFY(m_sink->start());
        QByteArray key(32, Qt::Uninitialized);
        QRandomGenerator::system()->fillRange(reinterpret_cast<quint32*>(key.data()), 8);
        QFile keyFile(m_dir.filePath(QStringLiteral("sms.key")));
        QVERIFY(keyFile.open(QIODevice::WriteOnly));
        keyFile.write(key.toHex() + '\n');
        keyFile.close();
        QFile cred(m_dir.filePath(QStringLiteral("gateway.credentials")));
        QVERIFY(cred.open(QIODevice::WriteOnly));
        cred.write("banco:s3greto\n");
        cred.close();
        QFile tmpl(m_dir.filePath(QStringLiteral("template.json")));
        QVERIFY(tmpl.open(QIODevice::WriteOnly));
        tmpl.write(R"({"sender":"SINFONIA","recipient":"{{phone}}","message":{"text":"{{text}}"}})");
        tmpl.close();

        TestServer::Options o;
        if (usePostgres()) {
            if (TestServer::postgresBase().isEmpty())
                QSKIP("SINFONIA_TEST_PG not set: PostgreSQL run skipped");
            o.database = QStringLiteral("postgres");
        }
        o.extraArgs = QStringList {
            QStringLiteral("--sms-gateway-url"),
            QStringLiteral("http://127.0.0.1:%1/v1/sms").arg(m_sink->port()),
            QStringLiteral("--sms-gateway-credentials"),
            cred.fileName(),
            QStringLiteral("--sms-gateway-template"),
            tmpl.fileName(),
            QStringLiteral("--sms-key-file"),
            keyFile.fileName(),
            QStringLiteral("--sms-gateway-timeout-ms"),
            QStringLiteral("1000"),
            QStringLiteral("--sms-gateway-retries"),
            QStringLiteral("1"),
            QStringLiteral("--sms-gateway-backoff-ms"),
            QStringLiteral("50"),
        };
        QVERIFY2(m_server.start(o), qPrintable(m_server.errorString()));
        const auto tokens = m_server.login();
        QVERIFY2(tokens.ok(), qPrintable(tokens.error));
        m_api = m_server.client(tokens.accessToken);
        m_vid = activeVoucher(m_api).value(QStringLiteral("id")).toString();
        QVERIFY(!m_vid.isEmpty());
    }

    void theGatewayGetsTheMessageAndTheCodeWorks()
    {
        const HttpResponse created = m_api.postPurchase(far, m_vid, 410, HttpClient::samplePng());
        QCOMPARE(created.status, 201);
        const QJsonObject otp = created.json().value(QStringLiteral("otp")).toObject();
        QCOMPARE(otp.value(QStringLiteral("smsSent")).toBool(false), true);
        const QString mid
            = created.json().value(QStringLiteral("movement")).toObject().value(QStringLiteral("id")).toString();
        const QList<QJsonObject> got = m_sink->received();
        QCOMPARE(got.size(), 1);
        QCOMPARE(got.first().value(QStringLiteral("path")).toString(), QStringLiteral("/v1/sms"));
        QCOMPARE(got.first().value(QStringLiteral("authorization")).toString(),
                 QStringLiteral("Basic ") + QString::fromLatin1(QByteArray("banco:s3greto").toBase64()));
        const QJsonObject body
            = QJsonDocument::fromJson(got.first().value(QStringLiteral("body")).toString().toUtf8()).object();
        QCOMPARE(body.value(QStringLiteral("sender")).toString(), QStringLiteral("SINFONIA"));
        QCOMPARE(body.value(QStringLiteral("recipient")).toString(), sinfonia::ledger::DemoData::activePhone());
        const QString code = codeIn(got.first());
        QVERIFY2(!code.isEmpty(), qPrintable(got.first().value(QStringLiteral("body")).toString()));
        m_codes << code;
        // Outside the sandbox's outbox: the outbox route does not exist here.
        QCOMPARE(m_server.client().get(QStringLiteral("/sandbox/outbox")).status, 404);
        const HttpResponse verified
            = m_api.postJson(verifyPath(far, mid), QJsonObject {{QStringLiteral("code"), code}});
        QCOMPARE(verified.status, 200);
    }

    void gatewayDownThenResendWorks()
    {
        const int port = m_sink->port();
        m_sink->stop();
        const HttpResponse created = m_api.postPurchase(far, m_vid, 220, HttpClient::samplePng());
        // The purchase is made (and reserves its amount); the answer says the SMS did not go.
        QCOMPARE(created.status, 201);
        const QJsonObject otp = created.json().value(QStringLiteral("otp")).toObject();
        QCOMPARE(otp.value(QStringLiteral("smsSent")).toBool(true), false);
        QCOMPARE(otp.value(QStringLiteral("smsError")).toString(), QStringLiteral("sms.not_sent"));
        const QDateTime resendAt
            = QDateTime::fromString(otp.value(QStringLiteral("resendAvailableAt")).toString(), Qt::ISODate);
        QVERIFY2(resendAt <= QDateTime::currentDateTimeUtc().addSecs(1), qPrintable(resendAt.toString(Qt::ISODate)));
        const QString mid
            = created.json().value(QStringLiteral("movement")).toObject().value(QStringLiteral("id")).toString();
        const QString resendPath = QStringLiteral("/api/v1/structures/FAR001/movements/%1/otp/resend").arg(mid);

        // "Invia nuovamente" at once, gateway still down: sms.not_sent, problem+json, Italian detail.
        const HttpResponse failed = m_api.postJson(resendPath, {});
        QCOMPARE(failed.status, 502);
        QCOMPARE(failed.code(), QStringLiteral("sms.not_sent"));
        QVERIFY(failed.header("content-type").startsWith("application/problem+json"));
        QVERIFY(failed.json().value(QStringLiteral("detail")).toString().contains(QStringLiteral("Invia nuovamente")));

        // Back up on the same address: the resend goes through at once and its code works.
        QVERIFY(m_sink->start(port));
        const int before = int(m_sink->received().size());
        const HttpResponse resent = m_api.postJson(resendPath, {});
        QCOMPARE(resent.status, 200);
        QCOMPARE(resent.json().value(QStringLiteral("otp")).toObject().value(QStringLiteral("smsSent")).toBool(), true);
        const QList<QJsonObject> got = m_sink->received();
        QCOMPARE(int(got.size()), before + 1);
        const QString code = codeIn(got.last());
        QVERIFY(!code.isEmpty());
        m_codes << code;
        const HttpResponse verified
            = m_api.postJson(verifyPath(far, mid), QJsonObject {{QStringLiteral("code"), code}});
        QCOMPARE(verified.status, 200);
    }

    void noCodeAtRestInClear()
    {
        QVERIFY(!m_codes.isEmpty());
        // The server's log.
        const QByteArray log = m_server.serverLog();
        for (const QString& code : std::as_const(m_codes))
            QVERIFY2(!containsCode(log, code.toLatin1()), "an OTP is in the server's log");
        QVERIFY2(!log.contains(sinfonia::ledger::DemoData::activePhone().toLatin1()), "a phone number is in the log");
        if (usePostgres())
            return; // the files below are SQLite's
        // The database file and its WAL, as they are on disk with the server running.
        const QString db = sqliteFile();
        const QByteArray bytes = fileBytes(db) + fileBytes(db + QStringLiteral("-wal"));
        QVERIFY(bytes.size() > 4096);
        for (const QString& code : std::as_const(m_codes))
            QVERIFY2(!containsCode(bytes, code.toLatin1()), qPrintable(QStringLiteral("code %1 found").arg(code)));
        // Every sealed pending message was deleted once the gateway took it (or refused it).
        {
            QSqlDatabase c = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("check"));
            c.setDatabaseName(db);
            c.setConnectOptions(QStringLiteral("QSQLITE_OPEN_READONLY"));
            QVERIFY(c.open());
            QSqlQuery q(c);
            QVERIFY(q.exec(QStringLiteral("SELECT COUNT(*) FROM sms_pending")) && q.next());
            QCOMPARE(q.value(0).toInt(), 0);
            QVERIFY(q.exec(QStringLiteral("SELECT COUNT(*) FROM sms_outbox")) && q.next());
            QCOMPARE(q.value(0).toInt(), 0);
        }
        QSqlDatabase::removeDatabase(QStringLiteral("check"));
    }

    void cleanupTestCase()
    {
        m_server.stop();
        if (m_sink)
            m_sink->stop();
    }
};

QTEST_GUILESS_MAIN(TestHttpSms)
#include "tst_http_sms.moc"
