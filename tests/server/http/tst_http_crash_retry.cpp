// Crash between COMMIT and the stored idempotent answer (T1's hardest case): the sandbox-only hook
// SINFONIA_SANDBOX_CRASH_AFTER_COMMIT makes the server SIGKILL itself right after a purchase or a
// cancellation committed, before the answer is stored or sent. A second server on the same
// database, after the claim lease (120 s, passed with the sandbox clock), gets the retry with the
// same Idempotency-Key: it must answer with the movement that already exists, not debit again.
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
        // Within the lease the dead claim still looks in progress.
        const HttpResponse early = send(api, target, key);
        QCOMPARE(early.status, 409);
        QCOMPARE(early.code(), QStringLiteral("idempotency.in_progress"));
        // After the lease the retry takes the claim over and must find the committed movement.
        QVERIFY(second.setClock(QDateTime::currentDateTimeUtc().addSecs(180)));
        const HttpResponse retried = send(api, target, key);
        QCOMPARE(retried.status, 201);
        QVERIFY(retried.header("Idempotency-Replayed").isEmpty());
        const QString mid = movementIdOf(retried);
        QVERIFY(!mid.isEmpty());
        const HttpResponse replay = send(api, target, key);
        QCOMPARE(replay.status, 201);
        QCOMPARE(replay.header("Idempotency-Replayed"), QByteArray("true"));
        QCOMPARE(replay.body, retried.body);
        QCOMPARE(voucherById(api, voucherId).value(QStringLiteral("availableCents")).toInteger(),
                 availableBefore + expectedDelta);
        const QJsonArray items = transactions(api, voucherId);
        QCOMPARE(items.size(), itemsBefore + 1);
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
