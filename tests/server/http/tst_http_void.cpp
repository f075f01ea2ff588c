// "Annulla acquisto in attesa" and the expiry of pending purchases over real HTTP (issue 10 item 4):
// a void releases the reservation and kills the OTP, is idempotent with the Idempotency-Key, is
// refused for anything but the structure's own pending purchase; a jump of the sandbox clock past
// the expiry annuls a pending purchase; a void racing an OTP confirmation (or another void) has
// exactly one winner, and the voucher's balance matches the winners.

#include "HttpFixture.h"

#include <QJsonDocument>
#include <atomic>
#include <httplib.h>
#include <thread>

using namespace sinfonia::test;

namespace {
const QString far = QStringLiteral("FAR001");

QString voidPath(const QString& structure, const QString& movementId)
{
    return QStringLiteral("/api/v1/structures/%1/movements/%2/void").arg(structure, movementId);
}

QJsonObject movementOf(const HttpResponse& r)
{
    return r.json().value(QStringLiteral("movement")).toObject();
}

qint64 available(const HttpClient& api, const QString& voucherId)
{
    return voucherById(api, voucherId).value(QStringLiteral("availableCents")).toInteger(-1);
}

QJsonObject transaction(const HttpClient& api, const QString& voucherId, const QString& movementId)
{
    const QJsonArray list = api.get(QStringLiteral("/api/v1/structures/FAR001/vouchers/%1/transactions").arg(voucherId))
                                .json()
                                .value(QStringLiteral("items"))
                                .toArray();
    for (const auto& t : list) {
        if (t.toObject().value(QStringLiteral("id")).toString() == movementId)
            return t.toObject();
    }
    return {};
}

struct Answer
{
    int status = 0;
    std::string body;
};

// POSTs each (path, body) at once, each on its own connection with its own Idempotency-Key.
std::vector<Answer> together(const QUrl& base, const QString& token,
                             const std::vector<std::pair<std::string, std::string>>& requests)
{
    std::vector<Answer> answers(requests.size());
    std::vector<std::thread> threads;
    std::atomic<int> ready {0};
    std::atomic<bool> go {false};
    for (size_t i = 0; i < requests.size(); ++i) {
        threads.emplace_back([&, i] {
            httplib::Client client(base.host().toStdString(), base.port());
            client.set_read_timeout(60, 0);
            const httplib::Headers headers {{"Authorization", "Bearer " + token.toStdString()},
                                            {"Idempotency-Key", HttpClient::newIdempotencyKey().toStdString()}};
            ++ready;
            while (!go.load())
                std::this_thread::yield();
            auto res = client.Post(requests[i].first, headers, requests[i].second, "application/json");
            if (res)
                answers[i] = Answer {res->status, res->body};
            else
                answers[i].body = "no answer: " + httplib::to_string(res.error());
        });
    }
    while (ready.load() < int(requests.size()))
        std::this_thread::yield();
    go.store(true);
    for (auto& t : threads)
        t.join();
    return answers;
}

QString codeOf(const Answer& a)
{
    return QJsonDocument::fromJson(QByteArray::fromStdString(a.body)).object().value(QStringLiteral("code")).toString();
}
} // namespace

class TestHttpVoid : public QObject
{
    Q_OBJECT

private:
    TestServer m_server;
    QString m_token;
    HttpClient m_api {QUrl()};
    QString m_vid;

    QString pendingPurchase(qint64 cents)
    {
        const HttpResponse created = m_api.postPurchase(far, m_vid, cents, HttpClient::samplePng());
        if (created.status != 201)
            return {};
        return movementOf(created).value(QStringLiteral("id")).toString();
    }

    void relogin()
    {
        const auto tokens = m_server.login();
        QVERIFY2(tokens.ok(), qPrintable(tokens.error));
        m_token = tokens.accessToken;
        m_api = m_server.client(m_token);
    }

private slots:
    void initTestCase()
    {
        SINFONIA_START_SERVER(m_server);
        const auto tokens = m_server.login();
        QVERIFY2(tokens.ok(), qPrintable(tokens.error));
        m_token = tokens.accessToken;
        m_api = m_server.client(m_token);
        m_vid = activeVoucher(m_api).value(QStringLiteral("id")).toString();
        QVERIFY(!m_vid.isEmpty());
    }

    void voidReleasesTheReservationAndKillsTheOtp()
    {
        const qint64 before = available(m_api, m_vid);
        const QString mid = pendingPurchase(1234);
        QVERIFY(!mid.isEmpty());
        QCOMPARE(available(m_api, m_vid), before - 1234);
        const QJsonObject pending = transaction(m_api, m_vid, mid);
        QCOMPARE(pending.value(QStringLiteral("actions")).toObject().value(QStringLiteral("void")).toBool(), true);
        const QString otp = m_server.latestOtpForMovement(mid);
        QVERIFY(!otp.isEmpty());

        const HttpResponse voided = m_api.postJson(voidPath(far, mid), {});
        QCOMPARE(voided.status, 200);
        QCOMPARE(movementOf(voided).value(QStringLiteral("state")).toString(), QStringLiteral("ANNULLATO"));
        QCOMPARE(movementOf(voided).value(QStringLiteral("voidReason")).toString(), QStringLiteral("STRUTTURA"));
        QCOMPARE(voided.json()
                     .value(QStringLiteral("voucher"))
                     .toObject()
                     .value(QStringLiteral("availableCents"))
                     .toInteger(),
                 before);
        QCOMPARE(available(m_api, m_vid), before);

        // The listed movement says it too, with no action left.
        const QJsonObject listed = transaction(m_api, m_vid, mid);
        QCOMPARE(listed.value(QStringLiteral("state")).toString(), QStringLiteral("ANNULLATO"));
        const QJsonObject actions = listed.value(QStringLiteral("actions")).toObject();
        QCOMPARE(actions.value(QStringLiteral("void")).toBool(), false);
        QCOMPARE(actions.value(QStringLiteral("authorize")).toBool(), false);
        QCOMPARE(actions.value(QStringLiteral("cancel")).toBool(), false);

        // The right code no longer works, nor does a new one.
        const HttpResponse verify = m_api.postJson(verifyPath(far, mid), QJsonObject {{QStringLiteral("code"), otp}});
        QCOMPARE(verify.status, 409);
        QCOMPARE(verify.code(), QStringLiteral("otp.purchase_voided"));
        QVERIFY(verify.header("content-type").startsWith("application/problem+json"));
        QVERIFY(!verify.json().value(QStringLiteral("detail")).toString().isEmpty());
        const HttpResponse resend
            = m_api.postJson(QStringLiteral("/api/v1/structures/FAR001/movements/%1/otp/resend").arg(mid), {});
        QCOMPARE(resend.code(), QStringLiteral("otp.purchase_voided"));
        QCOMPARE(available(m_api, m_vid), before);

        // A second void finds nothing pending.
        const HttpResponse again = m_api.postJson(voidPath(far, mid), {});
        QCOMPARE(again.status, 409);
        QCOMPARE(again.code(), QStringLiteral("movement.not_pending"));
    }

    void voidIsIdempotentWithItsKey()
    {
        const qint64 before = available(m_api, m_vid);
        const QString mid = pendingPurchase(300);
        QVERIFY(!mid.isEmpty());
        const QByteArray key = HttpClient::newIdempotencyKey();
        const HttpResponse first = m_api.postJson(voidPath(far, mid), {}, key);
        QCOMPARE(first.status, 200);
        const HttpResponse retry = m_api.postJson(voidPath(far, mid), {}, key);
        QCOMPARE(retry.status, 200);
        QCOMPARE(retry.header("idempotency-replayed"), QByteArray("true"));
        QCOMPARE(movementOf(retry), movementOf(first));
        QCOMPARE(available(m_api, m_vid), before);
    }

    void onlyTheStructuresOwnPendingPurchase()
    {
        // A confirmed purchase is not pending; its cancellation is not a purchase.
        const QJsonObject confirmed = confirmedPurchase(m_server, m_api, m_vid, 200);
        QVERIFY(!confirmed.isEmpty());
        const QString pid = confirmed.value(QStringLiteral("id")).toString();
        HttpResponse r = m_api.postJson(voidPath(far, pid), {});
        QCOMPARE(r.status, 409);
        QCOMPARE(r.code(), QStringLiteral("movement.not_pending"));
        const HttpResponse cancel
            = m_api.postJson(QStringLiteral("/api/v1/structures/FAR001/movements/%1/cancellations").arg(pid),
                             QJsonObject {{QStringLiteral("amountCents"), 200}});
        QCOMPARE(cancel.status, 201);
        r = m_api.postJson(voidPath(far, movementOf(cancel).value(QStringLiteral("id")).toString()), {});
        QCOMPARE(r.status, 422);
        QCOMPARE(r.code(), QStringLiteral("void.not_purchase"));

        // Another structure's operator: the movement does not exist for them.
        const QString mid = pendingPurchase(150);
        QVERIFY(!mid.isEmpty());
        const auto napoli = m_server.login(QStringLiteral("titolare-napoli"));
        QVERIFY2(napoli.ok(), qPrintable(napoli.error));
        const HttpClient other = m_server.client(napoli.accessToken);
        r = other.postJson(voidPath(QStringLiteral("PAR001"), mid), {});
        QCOMPARE(r.status, 404);
        QCOMPARE(r.code(), QStringLiteral("movement.not_found"));
        QCOMPARE(m_api.postJson(voidPath(far, mid), {}).status, 200);
    }

    void voidRacingTheOtpHasOneWinner()
    {
        const qint64 start = available(m_api, m_vid);
        qint64 confirmedCents = 0;
        int voids = 0;
        int confirms = 0;
        const int rounds = 25;
        for (int round = 0; round < rounds; ++round) {
            const qint64 cents = 100 + round;
            const QString mid = pendingPurchase(cents);
            QVERIFY(!mid.isEmpty());
            const QString otp = m_server.latestOtpForMovement(mid);
            const std::string verify = verifyPath(far, mid).toStdString(), voidP = voidPath(far, mid).toStdString();
            const std::string code = "{\"code\":\"" + otp.toStdString() + "\"}";
            // Odd rounds: two voids and a verify; even rounds: a void and a verify.
            std::vector<std::pair<std::string, std::string>> requests {{voidP, "{}"}, {verify, code}};
            if (round % 2 == 1)
                requests.push_back({voidP, "{}"});
            const auto answers = together(m_server.baseUrl(), m_token, requests);
            int winners = 0;
            bool verifyWon = false;
            for (size_t i = 0; i < answers.size(); ++i) {
                const Answer& a = answers[i];
                if (a.status == 200) {
                    ++winners;
                    verifyWon = verifyWon || requests[i].first == verify;
                    continue;
                }
                const QString c = codeOf(a);
                QVERIFY2(a.status == 409
                             && (c == QLatin1String("movement.not_pending") || c == QLatin1String("otp.purchase_voided")
                                 || c == QLatin1String("otp.used")),
                         a.body.c_str());
            }
            QCOMPARE(winners, 1);
            const QJsonObject t = transaction(m_api, m_vid, mid);
            QCOMPARE(t.value(QStringLiteral("state")).toString(),
                     verifyWon ? QStringLiteral("CONFERMATO") : QStringLiteral("ANNULLATO"));
            if (verifyWon) {
                confirmedCents += cents;
                ++confirms;
            } else {
                ++voids;
            }
        }
        qInfo("void vs OTP over %d rounds: %d voids won, %d confirmations won", rounds, voids, confirms);
        // The ledger invariant: only the confirmed purchases are spent.
        QCOMPARE(available(m_api, m_vid), start - confirmedCents);
    }

    // Last: moves the sandbox clock.
    void aClockJumpPastTheExpiryAnnulsThePurchase()
    {
        const qint64 before = available(m_api, m_vid);
        const QString mid = pendingPurchase(777);
        QVERIFY(!mid.isEmpty());
        const QString otp = m_server.latestOtpForMovement(mid);
        QCOMPARE(available(m_api, m_vid), before - 777);
        // 71 hours later it is still pending (a new login: the old tokens have expired by then)...
        QVERIFY(m_server.setClock(QDateTime::currentDateTimeUtc().addSecs(71 * 3600)));
        relogin();
        QCOMPARE(transaction(m_api, m_vid, mid).value(QStringLiteral("state")).toString(), QStringLiteral("IN_ATTESA"));
        // ...73 hours later (the default expiry is 72 h) it is annulled and released.
        QVERIFY(m_server.setClock(QDateTime::currentDateTimeUtc().addSecs(73 * 3600)));
        relogin();
        const QJsonObject t = transaction(m_api, m_vid, mid);
        QCOMPARE(t.value(QStringLiteral("state")).toString(), QStringLiteral("ANNULLATO"));
        QCOMPARE(t.value(QStringLiteral("voidReason")).toString(), QStringLiteral("SCADENZA"));
        QCOMPARE(available(m_api, m_vid), before);
        const HttpResponse verify = m_api.postJson(verifyPath(far, mid), QJsonObject {{QStringLiteral("code"), otp}});
        QCOMPARE(verify.code(), QStringLiteral("otp.purchase_voided"));
        const HttpResponse v = m_api.postJson(voidPath(far, mid), {});
        QCOMPARE(v.code(), QStringLiteral("movement.not_pending"));
        QCOMPARE(available(m_api, m_vid), before);
        QVERIFY(m_server.resetClock());
    }

    void cleanupTestCase() { m_server.resetClock(); }
};

QTEST_GUILESS_MAIN(TestHttpVoid)
#include "tst_http_void.moc"
