// T1 "commit-then-drop" (reliability.md): seeded purchase / OTP verify / cancellation flows sent
// through FaultProxy, which drops requests before the server, drops responses after the server
// answered (and committed), or delivers a request twice. The client retries every unknown outcome
// with the same Idempotency-Key until it gets an answer. Pass: 0 duplicated debits, 0 lost
// acknowledged debits or refunds, and available_before − Σdebits + Σrefunds = available_after.
//
// Short run by default (ctest, < 60 s); SINFONIA_T1_FLOWS=<n> for the long run
// (scripts/reliability.sh), SINFONIA_TEST_SEED=<n> replays a printed seed.

#include "HttpFixture.h"
#include "tests/support/FaultProxy.h"

#include <QDateTime>
#include <QJsonDocument>
#include <QSet>
#include <httplib.h>
#include <numeric>
#include <random>

using namespace sinfonia::test;

namespace {
const QString far1 = QStringLiteral("FAR001");

struct Answer
{
    int status = 0;
    QJsonObject json;
};
} // namespace

class HttpReliabilityTest : public QObject
{
    Q_OBJECT

private:
    // POSTs through the proxy until there is an HTTP answer that is not "in progress".
    Answer postUntilAnswered(const std::string& path, const std::string& body, const std::string& contentType,
                             const std::string& key)
    {
        for (int attempt = 0; attempt < 60; ++attempt) {
            httplib::Client c("127.0.0.1", m_proxy->port());
            c.set_keep_alive(false);
            c.set_read_timeout(60, 0);
            const httplib::Headers headers {
                {"Authorization", "Bearer " + m_token}, {"Idempotency-Key", key}, {"Connection", "close"}};
            auto res = c.Post(path, headers, body, contentType);
            ++m_requests;
            if (res && res->status == 401) {
                // A long run outlives the 15-minute access token: log in again, same key (the
                // token is checked before anything is done).
                const auto again = m_server.login();
                if (again.ok())
                    m_token = again.accessToken.toStdString();
                continue;
            }
            if (!res) {
                ++m_unknownOutcomes; // no answer: the outcome is unknown, retry with the same key
                continue;
            }
            if (res->status == 409
                && QJsonDocument::fromJson(QByteArray::fromStdString(res->body))
                        .object()
                        .value(QStringLiteral("code"))
                        .toString()
                    == QLatin1String("idempotency.in_progress")) {
                QTest::qWait(20);
                continue;
            }
            return Answer {res->status, QJsonDocument::fromJson(QByteArray::fromStdString(res->body)).object()};
        }
        return {};
    }

    static QString idOf(const QJsonObject& o)
    {
        return o.value(QStringLiteral("movement")).toObject().value(QStringLiteral("id")).toString();
    }

private slots:
    void initTestCase() { SINFONIA_START_SERVER(m_server); }

    void commitThenDrop()
    {
        const quint32 seed = qEnvironmentVariableIsSet("SINFONIA_TEST_SEED")
            ? quint32(qEnvironmentVariableIntValue("SINFONIA_TEST_SEED"))
            : quint32(QDateTime::currentMSecsSinceEpoch() % 1000000);
        const int flows
            = qEnvironmentVariableIsSet("SINFONIA_T1_FLOWS") ? qEnvironmentVariableIntValue("SINFONIA_T1_FLOWS") : 150;
        qInfo("T1 seed %u (replay with SINFONIA_TEST_SEED=%u), %d flows, backend %s", seed, seed, flows,
              usePostgres() ? "postgres" : "sqlite");

        const auto tokens = m_server.login();
        QVERIFY2(tokens.ok(), qPrintable(tokens.error));
        m_token = tokens.accessToken.toStdString();
        HttpClient direct = m_server.client(tokens.accessToken);
        const QString vid = activeVoucher(direct).value(QStringLiteral("id")).toString();
        QVERIFY(!vid.isEmpty());
        const qint64 availableBefore = voucherById(direct, vid).value(QStringLiteral("availableCents")).toInteger();
        QSet<QString> baseline;
        for (const auto& item : transactions(direct, vid))
            baseline.insert(item.toObject().value(QStringLiteral("id")).toString());

        FaultProxy proxy(m_server.port(), seed, 45);
        QVERIFY(proxy.start());
        m_proxy = &proxy;
        std::mt19937 rng(seed ^ 0x5eedu);
        const std::string purchasePath
            = QStringLiteral("/api/v1/structures/FAR001/vouchers/%1/purchases").arg(vid).toStdString();

        QHash<QString, qint64> debits; // acknowledged confirmed purchases
        QHash<QString, qint64> refunds; // acknowledged confirmed cancellations
        int refused = 0;
        const QDateTime deadline = QDateTime::currentDateTimeUtc().addSecs(flows > 1000 ? 24 * 3600 : 50);
        for (int i = 0; i < flows && QDateTime::currentDateTimeUtc() < deadline; ++i) {
            const std::string prefix = "t1-" + std::to_string(seed) + "-" + std::to_string(i);
            const qint64 cents = 1 + qint64(rng() % 9);
            const QByteArray boundary = "b" + QByteArray::number(i);
            const QByteArray body = HttpClient::purchaseBody("{\"amountCents\":" + QByteArray::number(cents) + "}",
                                                             HttpClient::samplePng(), "image/png", boundary);
            const Answer created
                = postUntilAnswered(purchasePath, body.toStdString(),
                                    "multipart/form-data; boundary=" + boundary.toStdString(), prefix + "-p");
            const QString refusal = created.json.value(QStringLiteral("code")).toString();
            if (created.status == 422
                && (refusal == QLatin1String("voucher.insufficient_funds")
                    || refusal == QLatin1String("voucher.exhausted"))) { // nothing left at all
                ++refused;
                continue;
            }
            QCOMPARE(created.status, 201);
            const QString mid = idOf(created.json);
            const QString otp = m_server.latestOtpForMovement(mid);
            const QJsonObject code {{QStringLiteral("code"), otp}};
            const Answer verified
                = postUntilAnswered(verifyPath(far1, mid).toStdString(), QJsonDocument(code).toJson().toStdString(),
                                    "application/json", prefix + "-pv");
            QCOMPARE(verified.status, 200);
            QCOMPARE(idOf(verified.json), mid);
            debits.insert(mid, cents);

            if (rng() % 2 == 0)
                continue;
            const qint64 back = 1 + qint64(rng() % quint32(cents));
            const QJsonObject amount {{QStringLiteral("amountCents"), back}};
            const Answer cancel = postUntilAnswered(
                QStringLiteral("/api/v1/structures/FAR001/movements/%1/cancellations").arg(mid).toStdString(),
                QJsonDocument(amount).toJson().toStdString(), "application/json", prefix + "-c");
            QCOMPARE(cancel.status, 201);
            const QString cid = idOf(cancel.json);
            const QJsonObject cancelCode {{QStringLiteral("code"), m_server.latestOtpForMovement(cid)}};
            const Answer cancelVerified = postUntilAnswered(verifyPath(far1, cid).toStdString(),
                                                            QJsonDocument(cancelCode).toJson().toStdString(),
                                                            "application/json", prefix + "-cv");
            QCOMPARE(cancelVerified.status, 200);
            refunds.insert(cid, back);
        }
        m_proxy = nullptr;
        proxy.stop();

        // The server's books, read directly (not through the proxy), with a token of now.
        direct = m_server.client(QString::fromStdString(m_token));
        direct.setTimeout(120000); // the whole history of a 10,000-flow voucher in one answer
        qint64 serverDebits = 0;
        qint64 serverRefunds = 0;
        int newPurchases = 0;
        int newCancellations = 0;
        for (const auto& item : transactions(direct, vid)) {
            const QJsonObject m = item.toObject();
            const QString id = m.value(QStringLiteral("id")).toString();
            if (baseline.contains(id))
                continue;
            const qint64 amount = m.value(QStringLiteral("amountCents")).toInteger();
            const bool confirmed = m.value(QStringLiteral("state")).toString() == QLatin1String("CONFERMATO");
            if (m.value(QStringLiteral("type")).toString() == QLatin1String("ACQUISTO")) {
                ++newPurchases;
                QVERIFY2(debits.value(id, -1) == amount,
                         qPrintable(QStringLiteral("unacknowledged or duplicated debit ") + id));
                QVERIFY(confirmed);
                serverDebits += amount;
            } else {
                ++newCancellations;
                QVERIFY2(refunds.value(id, -1) == amount, qPrintable(QStringLiteral("unacknowledged refund ") + id));
                QVERIFY(confirmed);
                serverRefunds += amount;
            }
        }
        const qint64 ackDebits = std::accumulate(debits.cbegin(), debits.cend(), qint64(0));
        const qint64 ackRefunds = std::accumulate(refunds.cbegin(), refunds.cend(), qint64(0));
        const qint64 availableAfter = voucherById(direct, vid).value(QStringLiteral("availableCents")).toInteger();
        qInfo("T1: %d purchases, %d cancellations, %d refused for funds; %d requests, %d unknown outcomes retried;"
              " proxy: %d requests dropped, %d responses dropped after commit, %d duplicated, %d passed",
              int(debits.size()), int(refunds.size()), refused, m_requests, m_unknownOutcomes,
              proxy.droppedRequests.load(), proxy.droppedResponses.load(), proxy.duplicated.load(),
              proxy.passed.load());
        QCOMPARE(newPurchases, int(debits.size())); // 0 duplicated, 0 lost acknowledged debits
        QCOMPARE(newCancellations, int(refunds.size()));
        QCOMPARE(serverDebits, ackDebits);
        QCOMPARE(serverRefunds, ackRefunds);
        QCOMPARE(availableAfter, availableBefore - ackDebits + ackRefunds);
        QVERIFY(proxy.droppedResponses.load() > 0 || flows < 10);
    }

    void cleanupTestCase() { m_server.stop(); }

private:
    // The voucher's movements; a failed read is a test failure with its reason, never "none".
    static QJsonArray transactions(const HttpClient& api, const QString& voucherId)
    {
        const HttpResponse r
            = api.get(QStringLiteral("/api/v1/structures/FAR001/vouchers/%1/transactions").arg(voucherId));
        if (r.status != 200)
            qWarning("transactions of the voucher answered %d %s (%s)", r.status, r.body.left(200).constData(),
                     qPrintable(r.errorString));
        return r.json().value(QStringLiteral("items")).toArray();
    }

    TestServer m_server;
    FaultProxy* m_proxy = nullptr;
    std::string m_token;
    int m_requests = 0;
    int m_unknownOutcomes = 0;
};

QTEST_GUILESS_MAIN(HttpReliabilityTest)
#include "tst_http_reliability.moc"
