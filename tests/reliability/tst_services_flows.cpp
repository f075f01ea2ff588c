// T1 through the real client services (issue 11 item 5): the seeded purchase / OTP / cancellation
// flows of tst_http_reliability, but sent the way the counter sends them — OperationRunner writes
// each intent to the OperationJournal (a SQLite file) before ApiClient sends it — to the real
// sinfonia-server through FaultProxy (request dropped, answer dropped after the commit, duplicated
// delivery), and now and then the client "killed" between the intent saved and the answer: the
// request is cut, runner and journal are thrown away and the journal is reopened from its file by
// a new runner, as after a restart. Every unknown outcome is resolved by reconcile(), as the
// counter does. After EVERY step the ledger invariant is checked against the server's own figure:
// available = available_before − Σ registered debits + Σ confirmed refunds; at the end the server's
// movements are exactly the journal's confirmed intents (0 double debits, 0 lost acknowledged).
//
// The flows go round up to 24 active vouchers of FAR001, each with its own invariant. Short run by
// default (150 flows); SINFONIA_T1_FLOWS=<n> for the long run (scripts/reliability.sh),
// SINFONIA_TEST_SEED=<n> replays the printed seed.
#include "core/domain/VoucherRules.h"
#include "core/services/journal/OperationJournal.h"
#include "core/services/journal/OperationRunner.h"
#include "core/services/net/ApiClient.h"
#include "core/services/net/ApiRequest.h"
#include "tests/reliability/CampaignSupport.h"
#include "tests/services/ServerTestBase.h"
#include "tests/support/FaultProxy.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QRandomGenerator>
#include <QSet>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <optional>

using namespace sinfonia;
using namespace sinfonia::test;

class TestServicesFlows : public ServerTestBase
{
    Q_OBJECT
private Q_SLOTS:
    void flowsThroughTheServices();

private:
    // The client side that a restart replaces.
    struct Client
    {
        std::unique_ptr<OperationJournal> journal;
        std::unique_ptr<OperationRunner> runner;
    };
    bool openClient(Client& c, ApiClient* api, const QString& path, const QString& operatorId)
    {
        c.runner.reset();
        c.journal = std::make_unique<OperationJournal>(m_clock);
        if (!c.journal->open(path).ok())
            return false;
        c.runner = std::make_unique<OperationRunner>(api, c.journal.get(), m_clock);
        c.runner->setOperatorId(operatorId);
        return true;
    }
    // reconcile() until the intent is resolved; false if it stays unknown.
    bool resolve(Client& c, const QString& key)
    {
        for (int round = 0; round < 200; ++round) {
            const auto e = c.journal->entry(key);
            if (!e)
                return false;
            if (e->isResolved())
                return true;
            QSignalSpy finished(c.runner.get(), &OperationRunner::reconcileFinished);
            c.runner->reconcile();
            if (!finished.wait(60000))
                return false;
            ++m_reconcileRounds;
        }
        return false;
    }
    // The server's books, read beside the client (not through the proxy). A long run outlives the
    // access token: on 401 the reader logs in again. Anything but 200 reads as -1 (never a balance).
    HttpResponse directGet(const QString& path)
    {
        HttpResponse r = m_direct->get(path);
        if (r.status == 401) {
            const TestServer::Tokens again = m_server.login();
            if (again.ok())
                m_direct.emplace(m_server.client(again.accessToken));
            r = m_direct->get(path);
        }
        return r;
    }
    qint64 serverAvailable(const QString& vid)
    {
        const HttpResponse r = directGet(QStringLiteral("/api/v1/structures/FAR001/vouchers/%1").arg(vid));
        return r.status == 200 ? r.json().value(QStringLiteral("availableCents")).toInteger(-1) : -1;
    }
    std::optional<HttpClient> m_direct;
    // Up to `max` ATTIVO vouchers with room left, of beneficiaries with movements at FAR001 (each
    // found by one lookup, which also opens it to the structure).
    QStringList activeVoucherIds(int max)
    {
        const auto window = VoucherRules::lastThreeMonths(m_clock);
        auto page = wait<MovementPage>([&](auto done) {
            m_api->movements(QStringLiteral("FAR001"), MovementFilter {window.from, window.to, {}, 500}, {}, this,
                             done);
        });
        QStringList ids;
        if (!page.ok())
            return ids;
        QSet<QString> seen;
        for (const auto& m : page->items) {
            if (ids.size() >= max)
                break;
            if (m.codiceFiscale.isEmpty() || seen.contains(m.codiceFiscale))
                continue;
            seen.insert(m.codiceFiscale);
            auto b = wait<Beneficiary>(
                [&](auto done) { m_api->findBeneficiaryByCf(QStringLiteral("FAR001"), m.codiceFiscale, this, done); });
            if (!b.ok())
                continue;
            for (const auto& v : b->vouchers) {
                if (v.voucher.state == VoucherState::Attivo && v.voucher.availableAmount().cents() > 5000
                    && !ids.contains(v.voucher.id))
                    ids << v.voucher.id;
            }
        }
        return ids;
    }
    int m_reconcileRounds = 0;
};

void TestServicesFlows::flowsThroughTheServices()
{
    const quint32 seed = campaignSeed();
    bool ok = false;
    int flows = qEnvironmentVariableIntValue("SINFONIA_T1_FLOWS", &ok);
    if (!ok || flows <= 0)
        flows = 150;
    qInfo("T1 through the client services: %d flows, seed %u (SINFONIA_TEST_SEED=%u replays it)", flows, seed, seed);
    QRandomGenerator rng(seed);

    QVERIFY(login());
    auto me = wait<OperatorProfile>([&](auto done) { m_api->me(this, done); });
    QVERIFY(me.ok());
    const QString sid = QStringLiteral("FAR001");
    // The flows go round the structure's active vouchers: a voucher's detail lists all its
    // movements, so one voucher taking 10,000 flows would make every read of the books slower
    // than the last (a real voucher has tens of movements).
    const QStringList vids = activeVoucherIds(24);
    QVERIFY2(!vids.isEmpty(), "no active voucher at FAR001");
    // The server's books, read beside the client (not through the proxy).
    const TestServer::Tokens tokens = m_server.login();
    QVERIFY(tokens.ok());
    m_direct.emplace(m_server.client(tokens.accessToken));
    QHash<QString, qint64> expected; // the client's model of the server's figure, per voucher
    QSet<QString> baseline;
    const auto transactionsOf = [&](const QString& vid) {
        return directGet(QStringLiteral("/api/v1/structures/FAR001/vouchers/%1/transactions").arg(vid))
            .json()
            .value(QStringLiteral("items"))
            .toArray();
    };
    for (const QString& vid : vids) {
        expected.insert(vid, serverAvailable(vid));
        QVERIFY(expected.value(vid) >= 0);
        for (const auto& item : transactionsOf(vid))
            baseline.insert(item.toObject().value(QStringLiteral("id")).toString());
    }
    qInfo("T1 services: %d vouchers of FAR001 in turn", int(vids.size()));

    FaultProxy proxy(m_server.port(), seed, 30);
    QVERIFY(proxy.start());
    ApiClient faulty(m_nam, QUrl(QStringLiteral("http://127.0.0.1:%1").arg(proxy.port())));
    faulty.setTokenProvider(m_session);
    faulty.setTimeoutMs(5000);
    QTemporaryDir dir;
    const QString journalPath = dir.filePath(QStringLiteral("journal.sqlite"));
    Client client;
    QVERIFY(openClient(client, &faulty, journalPath, me->id));

    QHash<QString, qint64> debits; // registered purchases (movement id -> cents)
    QHash<QString, qint64> refunds; // confirmed cancellations
    int refused = 0;
    int restarts = 0;
    int unknownAtFirst = 0;
    int verifyRetries = 0;
    int steps = 0;
    QString vid; // the voucher of the current flow
    const auto checkInvariant = [&](const QString& where) {
        ++steps;
        const qint64 now = serverAvailable(vid);
        if (now != expected.value(vid)) {
            QTest::qFail(qPrintable(QStringLiteral("%1: the server says %2 cents available, the journal's outcomes %3 "
                                                   "(seed %4)")
                                        .arg(where)
                                        .arg(now)
                                        .arg(expected.value(vid))
                                        .arg(seed)),
                         __FILE__, __LINE__);
            return false;
        }
        return true;
    };

    // One journaled operation: sent by the runner, cut now and then as if the client died after
    // saving the intent, resolved by reconcile() when its outcome is unknown. Returns the key.
    const auto journaled = [&](const std::function<void(OperationRunner&, OperationRunner::Callback)>& send,
                               bool killClient) -> QString {
        QString key;
        std::optional<Result<MovementWithChallenge>> out;
        QObject scope;
        connect(client.runner.get(), &OperationRunner::requestStarted, &scope,
                [&](const QString& k, ApiRequest* request) {
                    key = k;
                    if (killClient)
                        request->abort();
                });
        send(*client.runner, [&](Result<MovementWithChallenge> r) { out = std::move(r); });
        if (!QTest::qWaitFor([&] { return out.has_value(); }, 60000))
            return {};
        if (key.isEmpty())
            return {};
        if (killClient) {
            // The process is gone: only the journal file is left; a new runner picks it up.
            ++restarts;
            if (!openClient(client, &faulty, journalPath, me->id))
                return {};
        }
        const auto e = client.journal->entry(key);
        if (e && !e->isResolved())
            ++unknownAtFirst;
        return resolve(client, key) ? key : QString();
    };

    for (int i = 0; i < flows; ++i) {
        vid = vids.at(i % vids.size());
        const QString flow = QStringLiteral("flow %1 (seed %2)").arg(i).arg(seed);
        const Money amount = Money::fromCents(1 + rng.bounded(9));
        const bool kill = rng.bounded(100) < 5;
        const ReceiptFile receipt {"image/png", HttpClient::samplePng()};
        const QString key = journaled(
            [&](OperationRunner& r, OperationRunner::Callback done) {
                r.purchase(sid, vid, amount, {}, receipt, this, std::move(done));
            },
            kill);
        QVERIFY2(!key.isEmpty(), qPrintable(flow + QStringLiteral(": purchase never resolved")));
        const JournalEntry purchase = *client.journal->entry(key);
        if (purchase.state == JournalEntry::State::Failed) {
            ++refused; // refused by the server (funds): nothing recorded
            QVERIFY(checkInvariant(flow + QStringLiteral(" refused")));
            continue;
        }
        QCOMPARE(purchase.state, JournalEntry::State::Confirmed);
        const QString mid = purchase.movementId;
        QVERIFY(!mid.isEmpty());
        debits.insert(mid, amount.cents());
        expected[vid] -= amount.cents();
        QVERIFY(checkInvariant(flow + QStringLiteral(" purchase registered")));

        // The OTP through the same faulty link, retried with one key until answered.
        const auto verify = [&](const QString& movementId, const QByteArray& verifyKey) {
            const QString otp = m_server.latestOtpForMovement(movementId);
            for (int attempt = 0; attempt < 100; ++attempt) {
                auto r = wait<VerifyResult>(
                    [&](auto done) { faulty.verifyOtp(sid, movementId, otp, this, done, verifyKey); }, 60000);
                if (r.ok())
                    return r->movement.movement.id == movementId
                        && r->movement.movement.state == MovementState::Confermato;
                ++verifyRetries;
            }
            return false;
        };
        QVERIFY2(verify(mid, ApiClient::newIdempotencyKey()), qPrintable(flow + QStringLiteral(": OTP not confirmed")));
        QVERIFY(checkInvariant(flow + QStringLiteral(" purchase confirmed")));

        if (rng.bounded(2) == 0)
            continue;
        const Money back = Money::fromCents(1 + rng.bounded(quint32(amount.cents())));
        const QString cancelKey = journaled(
            [&](OperationRunner& r, OperationRunner::Callback done) {
                r.cancellation(sid, vid, mid, back, this, std::move(done));
            },
            rng.bounded(100) < 5);
        QVERIFY2(!cancelKey.isEmpty(), qPrintable(flow + QStringLiteral(": cancellation never resolved")));
        const JournalEntry cancel = *client.journal->entry(cancelKey);
        QVERIFY2(cancel.state == JournalEntry::State::Confirmed,
                 qPrintable(flow + QStringLiteral(": cancellation ") + journalStateName(cancel.state) + u' '
                            + cancel.message));
        QVERIFY(checkInvariant(flow + QStringLiteral(" cancellation registered")));
        QVERIFY2(verify(cancel.movementId, ApiClient::newIdempotencyKey()),
                 qPrintable(flow + QStringLiteral(": cancellation OTP not confirmed")));
        refunds.insert(cancel.movementId, back.cents());
        expected[vid] += back.cents();
        QVERIFY(checkInvariant(flow + QStringLiteral(" cancellation confirmed")));
    }
    proxy.stop();

    // The server's movements are exactly the journal's registered intents.
    int newPurchases = 0;
    int newCancellations = 0;
    QJsonArray after;
    for (const QString& v : vids) {
        for (const auto& item : transactionsOf(v))
            after.append(item);
    }
    for (const auto& item : after) {
        const QJsonObject m = item.toObject();
        const QString id = m.value(QStringLiteral("id")).toString();
        if (baseline.contains(id))
            continue;
        const qint64 cents = m.value(QStringLiteral("amountCents")).toInteger();
        if (m.value(QStringLiteral("type")).toString() == QLatin1String("ACQUISTO")) {
            ++newPurchases;
            QVERIFY2(debits.value(id, -1) == cents, qPrintable(QStringLiteral("unacknowledged or double debit ") + id));
        } else {
            ++newCancellations;
            QVERIFY2(refunds.value(id, -1) == cents, qPrintable(QStringLiteral("unacknowledged refund ") + id));
        }
        QCOMPARE(m.value(QStringLiteral("state")).toString(), QStringLiteral("CONFERMATO"));
    }
    QCOMPARE(newPurchases, int(debits.size()));
    QCOMPARE(newCancellations, int(refunds.size()));
    QVERIFY(client.journal->unresolved().isEmpty()); // every intent reconciled
    qInfo("T1 services: %d flows, %d purchases, %d cancellations, %d refused; %d invariant checks (one after every "
          "step), %d client restarts between intent and answer, %d intents unknown at first and reconciled in %d "
          "rounds, %d OTP retries; proxy: %d requests dropped, %d answers dropped after commit, %d duplicated",
          flows, int(debits.size()), int(refunds.size()), refused, steps, restarts, unknownAtFirst, m_reconcileRounds,
          verifyRetries, proxy.droppedRequests.load(), proxy.droppedResponses.load(), proxy.duplicated.load());
    QVERIFY(proxy.droppedResponses.load() > 0 || flows < 20);
}

QTEST_MAIN(TestServicesFlows)
#include "tst_services_flows.moc"
