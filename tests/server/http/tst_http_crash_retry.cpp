// Crash between COMMIT and the answer (T1's hardest case): the sandbox-only hook
// SINFONIA_SANDBOX_CRASH_AFTER_COMMIT makes the server SIGKILL itself right after a purchase or a
// cancellation committed, before the answer is sent. The idempotent answer and the OTP message
// commit with the movement (one commit per request, outbox in the same transaction), so a second
// server on the same database answers the retry with the same Idempotency-Key at once with the
// movement that already exists (not debiting again), and its OTP is there to confirm it.
// Runs on SQLite and (SINFONIA_HTTP_BACKEND=postgres) PostgreSQL.

#include "HttpFixture.h"

#include <QElapsedTimer>
#include <QTemporaryDir>

using namespace sinfonia::test;

namespace {
const QString far1 = QStringLiteral("FAR001");

QString movementIdOf(const HttpResponse& r)
{
    return r.json().value(QStringLiteral("movement")).toObject().value(QStringLiteral("id")).toString();
}
} // namespace

class HttpCrashRetryTest : public QObject
{
    Q_OBJECT

private:
    // A database that outlives the first (killed) server.
    bool prepareDatabase()
    {
        if (usePostgres()) {
            if (TestServer::postgresBase().isEmpty())
                return false;
            QString error;
            m_location = TestServer::createPostgresDatabase(&error);
            m_createdPg = m_location;
            return !m_location.isEmpty();
        }
        m_location = m_dir.filePath(QStringLiteral("crash.sqlite"));
        return true;
    }

    bool startServer(TestServer& server, const QByteArray& crashRoute)
    {
        if (crashRoute.isEmpty())
            qunsetenv("SINFONIA_SANDBOX_CRASH_AFTER_COMMIT");
        else
            qputenv("SINFONIA_SANDBOX_CRASH_AFTER_COMMIT", crashRoute);
        TestServer::Options o;
        o.database = m_location;
        const bool ok = server.start(o);
        qunsetenv("SINFONIA_SANDBOX_CRASH_AFTER_COMMIT");
        return ok;
    }

    static bool waitForDeath(const TestServer& server)
    {
        QElapsedTimer t;
        t.start();
        while (server.isRunning() && t.elapsed() < 15000)
            QTest::qWait(50);
        return !server.isRunning();
    }

    // The killed request, then the retries on a fresh server. `send` posts with the given key.
    void crashThenRetry(const QByteArray& crashRoute, const std::function<QString(TestServer&, HttpClient&)>& setup,
                        const std::function<HttpResponse(HttpClient&, const QString&, const QByteArray&)>& send,
                        qint64 expectedDelta)
    {
        if (!prepareDatabase()) {
            if (usePostgres() && TestServer::postgresBase().isEmpty())
                QSKIP("SINFONIA_TEST_PG not set: PostgreSQL run skipped");
            QFAIL("cannot create the test database");
        }
        const QByteArray key = HttpClient::newIdempotencyKey();
        QString token;
        QString voucherId;
        QString target;
        qint64 availableBefore = 0;
        qsizetype itemsBefore = 0;
        {
            TestServer first;
            QVERIFY2(startServer(first, crashRoute), qPrintable(first.errorString()));
            const auto tokens = first.login();
            QVERIFY2(tokens.ok(), qPrintable(tokens.error));
            token = tokens.accessToken;
            HttpClient api = first.client(token);
            voucherId = activeVoucher(api).value(QStringLiteral("id")).toString();
            QVERIFY(!voucherId.isEmpty());
            target = setup(first, api);
            QVERIFY(!target.isEmpty());
            availableBefore = voucherById(api, voucherId).value(QStringLiteral("availableCents")).toInteger();
            itemsBefore = transactions(api, voucherId).size();

            api.setTimeout(15000);
            const HttpResponse lost = send(api, target, key);
            QCOMPARE(lost.status, 0); // the server died before answering
            QVERIFY(waitForDeath(first));
        }

        TestServer second;
        QVERIFY2(startServer(second, {}), qPrintable(second.errorString()));
        HttpClient api = second.client(token);
        // The effect is already there, exactly once.
        QCOMPARE(voucherById(api, voucherId).value(QStringLiteral("availableCents")).toInteger(),
                 availableBefore + expectedDelta);
        QCOMPARE(transactions(api, voucherId).size(), itemsBefore + 1);
        // The answer was stored in the transaction of the effect (one commit per request): the
        // retry gets it at once, with no claim of the dead process to wait for.
        const HttpResponse retried = send(api, target, key);
        QCOMPARE(retried.status, 201);
        QCOMPARE(retried.header("Idempotency-Replayed"), QByteArray("true"));
        const QString mid = movementIdOf(retried);
        QVERIFY(!mid.isEmpty());
        const HttpResponse replay = send(api, target, key);
        QCOMPARE(replay.status, 201);
        QCOMPARE(replay.body, retried.body);
        QCOMPARE(voucherById(api, voucherId).value(QStringLiteral("availableCents")).toInteger(),
                 availableBefore + expectedDelta);
        const QJsonArray items = transactions(api, voucherId);
        QCOMPARE(items.size(), itemsBefore + 1);
        // The OTP message committed with the movement (the outbox row), so the process that died
        // before answering did not leave the movement without its code.
        // And the movement is usable: its OTP confirms it.
        const QString otp = second.latestOtpForMovement(mid);
        QCOMPARE(otp.size(), 6);
        const HttpResponse verified = api.postJson(verifyPath(far1, mid), QJsonObject {{QStringLiteral("code"), otp}});
        QCOMPARE(verified.status, 200);
        second.stop();
    }

    static QJsonArray transactions(const HttpClient& api, const QString& voucherId)
    {
        return api.get(QStringLiteral("/api/v1/structures/FAR001/vouchers/%1/transactions").arg(voucherId))
            .json()
            .value(QStringLiteral("items"))
            .toArray();
    }

private slots:
    void cleanup()
    {
        if (!m_createdPg.isEmpty())
            TestServer::dropPostgresDatabase(m_createdPg);
        m_createdPg.clear();
        QFile::remove(m_dir.filePath(QStringLiteral("crash.sqlite")));
    }

    void purchaseCommittedThenCrashed()
    {
        crashThenRetry(
            "/purchases",
            [](TestServer&, HttpClient& api) { return activeVoucher(api).value(QStringLiteral("id")).toString(); },
            [](HttpClient& api, const QString& voucherId, const QByteArray& key) {
                return api.postPurchase(far1, voucherId, 1234, HttpClient::samplePng(), "image/png", key);
            },
            -1234);
    }

    void cancellationCommittedThenCrashed()
    {
        // A pending cancellation reserves nothing on the voucher: the effect is on the purchase
        // (cancellableCents), checked through a second cancellation of the rest.
        crashThenRetry(
            "/cancellations",
            [](TestServer& server, HttpClient& api) {
                const QString vid = activeVoucher(api).value(QStringLiteral("id")).toString();
                return confirmedPurchase(server, api, vid, 900).value(QStringLiteral("id")).toString();
            },
            [](HttpClient& api, const QString& purchaseId, const QByteArray& key) {
                return api.postJson(
                    QStringLiteral("/api/v1/structures/FAR001/movements/%1/cancellations").arg(purchaseId),
                    QJsonObject {{QStringLiteral("amountCents"), 500}}, key);
            },
            0);
    }

private:
    QTemporaryDir m_dir;
    QString m_location;
    QString m_createdPg;
};

QTEST_GUILESS_MAIN(HttpCrashRetryTest)
#include "tst_http_crash_retry.moc"
