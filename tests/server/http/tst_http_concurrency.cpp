// Concurrency over real HTTP: 32 counters spending one voucher in parallel never overspend, and
// 50 parallel copies of one request with one Idempotency-Key have exactly one effect.

#include "HttpFixture.h"

#include <QJsonDocument>
#include <atomic>
#include <httplib.h>
#include <thread>
#include <vector>

using namespace sinfonia::test;

namespace {
struct Answer
{
    int status = 0;
    std::string body;
    bool replayed = false;
};

// Fires `n` purchases at once, each on its own connection, released together by a start flag.
std::vector<Answer> parallelPurchases(const QUrl& base, const QString& token, const QString& voucherId, qint64 cents,
                                      int n, const QByteArray& sharedKey)
{
    std::vector<Answer> answers(static_cast<size_t>(n));
    std::vector<std::thread> threads;
    std::atomic<bool> go {false};
    const std::string path
        = QStringLiteral("/api/v1/structures/FAR001/vouchers/%1/purchases").arg(voucherId).toStdString();
    for (int i = 0; i < n; ++i) {
        threads.emplace_back([&, i] {
            httplib::Client client(base.host().toStdString(), base.port());
            client.set_read_timeout(60, 0);
            client.set_connection_timeout(10, 0);
            const QByteArray boundary = "p" + QByteArray::number(i);
            const QByteArray body = HttpClient::purchaseBody("{\"amountCents\":" + QByteArray::number(cents) + "}",
                                                             HttpClient::samplePng(), "image/png", boundary);
            const QByteArray key = sharedKey.isEmpty() ? HttpClient::newIdempotencyKey() : sharedKey;
            httplib::Headers headers {{"Authorization", "Bearer " + token.toStdString()},
                                      {"Idempotency-Key", key.toStdString()}};
            while (!go.load())
                std::this_thread::yield();
            auto res = client.Post(path, headers, body.toStdString(),
                                   QByteArray("multipart/form-data; boundary=" + boundary).toStdString());
            if (!res) {
                answers[size_t(i)].body = "no answer: " + httplib::to_string(res.error());
            } else {
                answers[size_t(i)]
                    = Answer {res->status, res->body, res->get_header_value("Idempotency-Replayed") == "true"};
            }
        });
    }
    go.store(true);
    for (auto& t : threads)
        t.join();
    return answers;
}
// Fires `bodies.size()` JSON POSTs to `path` at once, each with its own Idempotency-Key.
std::vector<Answer> parallelJson(const QUrl& base, const QString& token, const QString& path,
                                 const std::vector<std::string>& bodies)
{
    std::vector<Answer> answers(bodies.size());
    std::vector<std::thread> threads;
    std::atomic<bool> go {false};
    for (size_t i = 0; i < bodies.size(); ++i) {
        threads.emplace_back([&, i] {
            httplib::Client client(base.host().toStdString(), base.port());
            client.set_read_timeout(60, 0);
            const httplib::Headers headers {{"Authorization", "Bearer " + token.toStdString()},
                                            {"Idempotency-Key", HttpClient::newIdempotencyKey().toStdString()}};
            while (!go.load())
                std::this_thread::yield();
            auto res = client.Post(path.toStdString(), headers, bodies[i], "application/json");
            if (res)
                answers[i] = Answer {res->status, res->body, false};
            else
                answers[i].body = "no answer: " + httplib::to_string(res.error());
        });
    }
    go.store(true);
    for (auto& t : threads)
        t.join();
    return answers;
}
} // namespace

class TestHttpConcurrency : public QObject
{
    Q_OBJECT

private:
    TestServer m_server;
    QString m_token;
    HttpClient m_api {QUrl()};

private slots:
    void initTestCase()
    {
        SINFONIA_START_SERVER(m_server);
        const auto tokens = m_server.login();
        QVERIFY2(tokens.ok(), qPrintable(tokens.error));
        m_token = tokens.accessToken;
        m_api = m_server.client(m_token);
    }

    void thirtyTwoCountersNeverOverspend()
    {
        const QJsonObject voucher = activeVoucher(m_api);
        const QString vid = voucher.value(QStringLiteral("id")).toString();
        const qint64 available = voucher.value(QStringLiteral("availableCents")).toInteger();
        QVERIFY(available > 1000);
        // An amount that funds exactly k = 4 of the 32 purchases.
        const qint64 cents = available / 5 + 1; // 5 * cents > available >= 4 * cents
        const qint64 k = available / cents;
        QCOMPARE(k, qint64(4));
        const auto answers = parallelPurchases(m_server.baseUrl(), m_token, vid, cents, 32, {});
        int created = 0;
        int refused = 0;
        int busy = 0; // 503 db.busy under extreme load: refused without effect, allowed
        for (const auto& a : answers) {
            if (a.status == 201)
                ++created;
            else if (a.status == 422
                     && (a.body.find("voucher.insufficient_funds") != std::string::npos
                         || a.body.find("voucher.exhausted") != std::string::npos)) // nothing left at all
                ++refused;
            else if (a.status == 503)
                ++busy;
            else
                QFAIL(qPrintable(
                    QStringLiteral("unexpected answer %1: %2").arg(a.status).arg(QString::fromStdString(a.body))));
        }
        QVERIFY(created <= k);
        if (busy == 0)
            QCOMPARE(qint64(created), k);
        QCOMPARE(created + refused + busy, 32);
        const QJsonObject after = voucherById(m_api, vid);
        QVERIFY(after.value(QStringLiteral("availableCents")).toInteger() >= 0);
        QCOMPARE(after.value(QStringLiteral("availableCents")).toInteger(), available - created * cents);
    }

    void hundredParallelWrongOtpsEvaluateAtMostFive()
    {
        const QString vid = activeVoucher(m_api).value(QStringLiteral("id")).toString();
        const HttpResponse created = m_api.postPurchase(QStringLiteral("FAR001"), vid, 100, HttpClient::samplePng());
        QCOMPARE(created.status, 201);
        const QString mid
            = created.json().value(QStringLiteral("movement")).toObject().value(QStringLiteral("id")).toString();
        const QString right = m_server.latestOtpForMovement(mid);
        std::vector<std::string> bodies;
        for (int i = 0; i < 100; ++i) {
            QString guess = QStringLiteral("%1").arg(i * 7919 % 1000000, 6, 10, QLatin1Char('0'));
            if (guess == right)
                guess = QStringLiteral("999999") == right ? QStringLiteral("999998") : QStringLiteral("999999");
            bodies.push_back("{\"code\":\"" + guess.toStdString() + "\"}");
        }
        const auto answers
            = parallelJson(m_server.baseUrl(), m_token, verifyPath(QStringLiteral("FAR001"), mid), bodies);
        int evaluated = 0;
        for (const auto& a : answers) {
            QVERIFY2(a.status == 422 || a.status == 409 || a.status == 503, a.body.c_str());
            if (a.body.find("otp.invalid") != std::string::npos)
                ++evaluated;
        }
        QVERIFY2(evaluated <= 5, qPrintable(QString::number(evaluated)));
        // The challenge is void: even the right code is refused now.
        const HttpResponse after
            = m_api.postJson(verifyPath(QStringLiteral("FAR001"), mid), QJsonObject {{QStringLiteral("code"), right}});
        QCOMPARE(after.status, 422);
        QCOMPARE(after.code(), QStringLiteral("otp.locked"));
    }

    void twentyParallelCancellationsRefundOnce()
    {
        const QString vid = activeVoucher(m_api).value(QStringLiteral("id")).toString();
        const QJsonObject purchase = confirmedPurchase(m_server, m_api, vid, 500);
        QVERIFY(!purchase.isEmpty());
        const QString path = QStringLiteral("/api/v1/structures/FAR001/movements/%1/cancellations")
                                 .arg(purchase.value(QStringLiteral("id")).toString());
        const auto answers = parallelJson(m_server.baseUrl(), m_token, path,
                                          std::vector<std::string>(20, std::string("{\"amountCents\":500}")));
        int created = 0;
        QString cid;
        for (const auto& a : answers) {
            if (a.status == 201) {
                ++created;
                cid = QJsonDocument::fromJson(QByteArray::fromStdString(a.body))
                          .object()
                          .value(QStringLiteral("movement"))
                          .toObject()
                          .value(QStringLiteral("id"))
                          .toString();
            } else {
                QVERIFY2(a.status == 422 || a.status == 409 || a.status == 503, a.body.c_str());
            }
        }
        QCOMPARE(created, 1);
        const qint64 before = voucherById(m_api, vid).value(QStringLiteral("availableCents")).toInteger();
        QCOMPARE(m_api
                     .postJson(verifyPath(QStringLiteral("FAR001"), cid),
                               QJsonObject {{QStringLiteral("code"), m_server.latestOtpForMovement(cid)}})
                     .status,
                 200);
        QCOMPARE(voucherById(m_api, vid).value(QStringLiteral("availableCents")).toInteger(), before + 500);
    }

    void sameKeyFiftyTimesHasOneEffect()
    {
        // The demo mother's voucher again: what is left after the first test funds one more.
        const QJsonObject v = activeVoucher(m_api);
        const QString vid = v.value(QStringLiteral("id")).toString();
        const qint64 before = v.value(QStringLiteral("availableCents")).toInteger();
        QVERIFY(before >= 100);
        const QByteArray key = HttpClient::newIdempotencyKey();
        const auto answers = parallelPurchases(m_server.baseUrl(), m_token, vid, 100, 50, key);
        int created = 0;
        std::string firstBody;
        for (const auto& a : answers) {
            if (a.status == 201) {
                ++created;
                if (firstBody.empty())
                    firstBody = a.body;
                QCOMPARE(QString::fromStdString(a.body), QString::fromStdString(firstBody)); // replays are identical
            } else {
                QVERIFY2(a.status == 409,
                         qPrintable(QString::number(a.status) + QLatin1Char(' ') + QString::fromStdString(a.body)));
            }
        }
        QVERIFY(created >= 1);
        QCOMPARE(voucherById(m_api, vid).value(QStringLiteral("availableCents")).toInteger(), before - 100);
        // And a later retry replays it.
        const HttpResponse retry
            = m_api.postPurchase(QStringLiteral("FAR001"), vid, 100, HttpClient::samplePng(), "image/png", key);
        QCOMPARE(retry.status, 201);
        QCOMPARE(retry.header("idempotency-replayed"), QByteArray("true"));
        QCOMPARE(voucherById(m_api, vid).value(QStringLiteral("availableCents")).toInteger(), before - 100);
    }
};

QTEST_GUILESS_MAIN(TestHttpConcurrency)
#include "tst_http_concurrency.moc"
