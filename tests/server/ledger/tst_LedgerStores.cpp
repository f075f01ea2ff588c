// Migrations, demo data validity, the idempotency store and the OAuth code/token store.
#include "LedgerTest.h"
#include "core/domain/CodiceFiscale.h"
#include "core/domain/VoucherRules.h"
#include "server/ledger/AuthStore.h"
#include "server/ledger/Database.h"
#include "server/ledger/DemoData.h"
#include "server/ledger/IdempotencyStore.h"
#include "server/ledger/SqlUtil.h"
#include "server/ledger/VoucherReader.h"

#include <QAtomicInt>
#include <QSqlQuery>
#include <QThread>

using namespace sinfonia;
using namespace sinfonia::ledger;
using namespace sinfonia::ledger::test;

class LedgerStoresTest : public LedgerTest
{
    Q_OBJECT
public:
    using LedgerTest::LedgerTest;

private slots:
    void migrationsAreVersionedAndRepeatable()
    {
        QCOMPARE(m_env->db().schemaVersion(), Database::latestSchemaVersion());
        QVERIFY(m_env->db().migrate().ok());
        // A second process (another Database object) migrating the same database is a no-op.
        auto other = Database::open(m_env->location());
        QVERIFY(other.ok());
        QVERIFY(other.value()->migrate().ok());
        QCOMPARE(other.value()->schemaVersion(), Database::latestSchemaVersion());
    }

    void rowsAreReadByColumnName()
    {
        QSqlDatabase db = m_env->db().connection();
        // By the name (or alias) the SELECT gives, case-insensitive as in SQL, whatever the order.
        auto one = sql::first(db, QStringLiteral("SELECT 'b' AS second_col, 7 AS First_Col, NULL AS no_value"));
        QVERIFY2(one.ok(), qPrintable(one.ok() ? QString() : one.error().detail));
        QVERIFY(one->isValid());
        QCOMPARE(one->value("first_col").toInt(), 7);
        QCOMPARE(one->value("SECOND_COL").toString(), QStringLiteral("b"));
        QVERIFY(one->isNull("no_value"));
        QVERIFY(!one->isNull("first_col"));
        auto none = sql::first(db, QStringLiteral("SELECT id FROM vouchers WHERE id = ?"), {sql::big(-1)});
        QVERIFY(none.ok());
        QVERIFY(!none->isValid());
        // all(): every row, in the statement's order.
        auto count = sql::first(db, QStringLiteral("SELECT COUNT(*) AS vouchers FROM vouchers"));
        auto rows = sql::all(db, QStringLiteral("SELECT id, number FROM vouchers ORDER BY id"));
        QVERIFY(count.ok());
        QVERIFY(rows.ok());
        QCOMPARE(rows->size(), count->value("vouchers").toInt());
        QVERIFY(rows->size() > 1);
        for (qsizetype i = 1; i < rows->size(); ++i)
            QVERIFY(rows->at(i - 1).value("id").toLongLong() < rows->at(i).value("id").toLongLong());
        QVERIFY(!rows->first().value("number").toString().isEmpty());
    }

    void checkConstraintsAreTheLastGuard()
    {
        QSqlQuery q(m_env->db().connection());
        QVERIFY(!q.exec(QStringLiteral("UPDATE vouchers SET used_cents = initial_cents + 1")));
        QVERIFY(!q.exec(QStringLiteral("UPDATE vouchers SET used_cents = -1")));
        QVERIFY(!q.exec(QStringLiteral("UPDATE movements SET amount_cents = 0")));
        QVERIFY(
            !q.exec(QStringLiteral("UPDATE movements SET cancelled_cents = amount_cents + 1 WHERE type = 'ACQUISTO'")));
    }

    void demoDataIsValidAndDeterministic()
    {
        QCOMPARE(DemoData::activeBeneficiaryCf(),
                 QStringLiteral("RSSMRA85T50A562W")); // the female form; ...T10A562S is male
        DemoData again(m_env->db(), m_env->clock());
        auto seeded = again.seed();
        QVERIFY(seeded.ok());
        QVERIFY(!seeded.value()); // already seeded: nothing happens
        QSqlQuery q(m_env->db().connection());
        QVERIFY(q.exec(QStringLiteral("SELECT cf, card_number, phone FROM beneficiaries")));
        int n = 0;
        while (q.next()) {
            ++n;
            QVERIFY2(CodiceFiscale::validate(q.value(0).toString(), QDate(2026, 11, 26)).ok(),
                     qPrintable(q.value(0).toString()));
            QVERIFY2(VoucherReader::isCardNumber(q.value(1).toString()), qPrintable(q.value(1).toString()));
            QVERIFY(q.value(2).toString().startsWith(QLatin1String("+39")));
        }
        QVERIFY(n >= 30);
        QVERIFY(q.exec(QStringLiteral("SELECT cf FROM operators")));
        while (q.next())
            QVERIFY2(CodiceFiscale::isValid(q.value(0).toString()), qPrintable(q.value(0).toString()));
        // Ledger invariant for every voucher: used = purchases - confirmed cancellations.
        QVERIFY(q.exec(QStringLiteral("SELECT v.id FROM vouchers v WHERE v.used_cents <> "
                                      "(SELECT COALESCE(SUM(CASE WHEN m.type = 'ACQUISTO' THEN m.amount_cents "
                                      "WHEN m.state = 'CONFERMATO' THEN -m.amount_cents ELSE 0 END), 0) FROM movements "
                                      "m WHERE m.voucher_id = v.id)")));
        QVERIFY(!q.next());
        // Every demo purchase has a document number of its own, as a till gives them.
        QVERIFY(q.exec(QStringLiteral("SELECT COUNT(*), COUNT(DISTINCT commercial_document) FROM movements "
                                      "WHERE type = 'ACQUISTO'")));
        QVERIFY(q.next());
        QVERIFY(q.value(0).toInt() > 1);
        QCOMPARE(q.value(1).toInt(), q.value(0).toInt());
        auto ids = m_env->service().sandboxIdentities();
        QVERIFY(ids.ok());
        QStringList names;
        for (const SandboxIdentity& id : ids.value())
            names << id.id;
        QVERIFY(names.contains(QStringLiteral("titolare-avellino")));
        QVERIFY(names.contains(QStringLiteral("dipendente-multi")));
        QVERIFY(names.contains(QStringLiteral("dipendente-disabilitato")));
    }

    void concurrentDemoSeedsSeedOnce()
    {
        // Several server processes started with --init-demo on one empty database.
        QString reason;
        auto fresh = TestDatabase::create(m_backend, &reason);
        QVERIFY2(fresh, qPrintable(reason));
        QAtomicInt seeded;
        QAtomicInt failed;
        QList<QThread*> threads;
        for (int i = 0; i < 4; ++i) {
            threads << QThread::create([&] {
                DemoData demo(fresh->db(), m_env->clock());
                auto r = demo.seed();
                if (!r)
                    failed.fetchAndAddRelaxed(1);
                else if (r.value())
                    seeded.fetchAndAddRelaxed(1);
            });
            threads.last()->start();
        }
        for (QThread* t : threads) {
            t->wait();
            delete t;
        }
        QCOMPARE(failed.loadRelaxed(), 0);
        QCOMPARE(seeded.loadRelaxed(), 1);
    }

    void bulkSeedForBenchmarks()
    {
        DemoData demo(m_env->db(), m_env->clock());
        QVERIFY(demo.seedBulk(200, 2000).ok());
        auto page = m_env->service().movements({bulkTitolare()},
                                               {QStringLiteral("BENCH01"),
                                                VoucherRules::earliestSearchFrom(m_env->clock().todayInRome()),
                                                m_env->clock().todayInRome(),
                                                {},
                                                {},
                                                100});
        QVERIFY2(page.ok(), qPrintable(page.ok() ? QString() : page.error().code));
        QCOMPARE(page->items.size(), 100);
        QVERIFY(!page->nextCursor.isEmpty());
    }

    void idempotencySemantics()
    {
        IdempotencyStore store(m_env->db(), m_env->clock());
        IdempotencyStore::Request r {QStringLiteral("abc-123"), QStringLiteral("OP"), QStringLiteral("POST"),
                                     QStringLiteral("/api/v1/x"), IdempotencyStore::hashBody("{}")};
        QCOMPARE(store.claim({QString(), r.operatorId, r.method, r.path, r.bodyHash}).error().code,
                 QStringLiteral("idempotency.key_invalid"));
        QCOMPARE(store.claim(r)->outcome, IdempotencyStore::Outcome::Claimed);
        QCOMPARE(store.claim(r)->outcome, IdempotencyStore::Outcome::InProgress);
        auto other = r;
        other.bodyHash = IdempotencyStore::hashBody("{\"a\":1}");
        QCOMPARE(store.claim(other)->outcome, IdempotencyStore::Outcome::Mismatch);
        auto otherOperator = r;
        otherOperator.operatorId = QStringLiteral("OP2"); // keys are per operator
        QCOMPARE(store.claim(otherOperator)->outcome, IdempotencyStore::Outcome::Claimed);
        QVERIFY(store.complete(r, 201, "application/json", "{\"id\":\"7\"}").ok());
        auto replay = store.claim(r);
        QCOMPARE(replay->outcome, IdempotencyStore::Outcome::Replay);
        QCOMPARE(replay->status, 201);
        QCOMPARE(replay->body, QByteArray("{\"id\":\"7\"}"));
        QCOMPARE(replay->contentType, QByteArray("application/json"));
        // Released claims can be retried; a stale claim (crashed owner) can be taken over.
        QVERIFY(store.release(otherOperator).ok());
        QCOMPARE(store.claim(otherOperator)->outcome, IdempotencyStore::Outcome::Claimed);
        m_env->clock().advanceSecs(121);
        QCOMPARE(store.claim(otherOperator)->outcome, IdempotencyStore::Outcome::Claimed);
        // Kept 48 hours.
        m_env->clock().advanceSecs(47 * 3600);
        QCOMPARE(store.purgeExpired().value(), 0);
        m_env->clock().advanceSecs(3600);
        QCOMPARE(store.purgeExpired().value(), 2);
        QCOMPARE(store.claim(r)->outcome, IdempotencyStore::Outcome::Claimed);
    }

    // One commit per request: lookup() writes nothing, storeIn() stores the answer inside the
    // caller's transaction, and of two requests with one key only the first stores it.
    void idempotencyAnswerInTheTransaction()
    {
        IdempotencyStore store(m_env->db(), m_env->clock());
        IdempotencyStore::Request r {QStringLiteral("one-commit"), QStringLiteral("OP"), QStringLiteral("POST"),
                                     QStringLiteral("/api/v1/y"), IdempotencyStore::hashBody("{}")};
        QCOMPARE(store.lookup(r)->outcome, IdempotencyStore::Outcome::Claimed);
        QCOMPARE(store.lookup(r)->outcome, IdempotencyStore::Outcome::Claimed); // nothing was written
        {
            // Rolled back with the transaction: as if never answered.
            WriteTransaction tx(m_env->db());
            QVERIFY(tx.ok());
            QCOMPARE(store.storeIn(tx.db(), r, 201, "application/json", "{\"id\":\"lost\"}").value(), true);
        }
        QCOMPARE(store.lookup(r)->outcome, IdempotencyStore::Outcome::Claimed);
        {
            WriteTransaction tx(m_env->db());
            QCOMPARE(store.storeIn(tx.db(), r, 201, "application/json", "{\"id\":\"1\"}").value(), true);
            QVERIFY(tx.commit().ok());
        }
        {
            // The duplicate cannot store its own answer: it rolls back and replays the first.
            WriteTransaction tx(m_env->db());
            QCOMPARE(store.storeIn(tx.db(), r, 201, "application/json", "{\"id\":\"2\"}").value(), false);
        }
        auto replay = store.lookup(r);
        QCOMPARE(replay->outcome, IdempotencyStore::Outcome::Replay);
        QCOMPARE(replay->body, QByteArray("{\"id\":\"1\"}"));
        auto other = r;
        other.bodyHash = IdempotencyStore::hashBody("{\"a\":1}");
        QCOMPARE(store.lookup(other)->outcome, IdempotencyStore::Outcome::Mismatch);
        // A live claim of the two-commit protocol keeps the key; once its lease passed (its process
        // died) the answer takes it over.
        auto claimed = r;
        claimed.key = QStringLiteral("claimed");
        QCOMPARE(store.claim(claimed)->outcome, IdempotencyStore::Outcome::Claimed);
        QCOMPARE(store.lookup(claimed)->outcome, IdempotencyStore::Outcome::InProgress);
        {
            WriteTransaction tx(m_env->db());
            QCOMPARE(store.storeIn(tx.db(), claimed, 201, "application/json", "{}").value(), false);
        }
        m_env->clock().advanceSecs(121);
        QCOMPARE(store.lookup(claimed)->outcome, IdempotencyStore::Outcome::Claimed);
        {
            WriteTransaction tx(m_env->db());
            QCOMPARE(store.storeIn(tx.db(), claimed, 201, "application/json", "{\"id\":\"3\"}").value(), true);
            QVERIFY(tx.commit().ok());
        }
        QCOMPARE(store.lookup(claimed)->body, QByteArray("{\"id\":\"3\"}"));
    }

    void oauthCodeWithPkceAndTokens()
    {
        AuthStore auth(m_env->db(), m_env->clock());
        const QString verifier = QStringLiteral("dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk");
        const QString challenge = AuthStore::pkceChallengeFor(verifier);
        QCOMPARE(challenge, QStringLiteral("E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM")); // RFC 7636 appendix B
        const QString redirect = QStringLiteral("http://127.0.0.1:5555/callback");
        AuthStore::CodeRequest req {QStringLiteral("sinfonia-pos"), redirect, DemoData::titolareCf(), challenge, {}};
        QCOMPARE(auth.createAuthorizationCode({QStringLiteral("evil"), redirect, DemoData::titolareCf(), challenge, {}})
                     .error()
                     .code,
                 QStringLiteral("oauth.invalid_client"));
        QCOMPARE(auth.createAuthorizationCode({req.clientId, redirect, req.operatorCf, QStringLiteral("short"), {}})
                     .error()
                     .code,
                 QStringLiteral("oauth.invalid_request"));
        auto code = auth.createAuthorizationCode(req);
        QVERIFY2(code.ok(), qPrintable(code.ok() ? QString() : code.error().detail));
        QCOMPARE(auth.exchangeCode(*code, req.clientId, redirect, verifier + QLatin1Char('x')).error().code,
                 QStringLiteral("oauth.invalid_grant"));
        QCOMPARE(
            auth.exchangeCode(*code, req.clientId, QStringLiteral("http://127.0.0.1:1/other"), verifier).error().code,
            QStringLiteral("oauth.invalid_grant"));
        auto tokens = auth.exchangeCode(*code, req.clientId, redirect, verifier);
        QVERIFY(tokens.ok());
        QCOMPARE(tokens->expiresIn, 3600);
        auto info = auth.validateAccessToken(tokens->accessToken);
        QVERIFY(info.ok());
        QCOMPARE(info->operatorCf, DemoData::titolareCf());
        // Only hashes are stored.
        QSqlQuery q(m_env->db().connection());
        QVERIFY(q.exec(QStringLiteral("SELECT COUNT(*) FROM oauth_tokens WHERE token_hash = '") + tokens->accessToken
                       + QLatin1Char('\'')));
        QVERIFY(q.next());
        QCOMPARE(q.value(0).toInt(), 0);
        q.finish(); // an open read would keep this connection on the snapshot of now
        // Code reuse fails and revokes what it granted.
        QCOMPARE(auth.exchangeCode(*code, req.clientId, redirect, verifier).error().code,
                 QStringLiteral("oauth.invalid_grant"));
        QCOMPARE(auth.validateAccessToken(tokens->accessToken).error().code, QStringLiteral("auth.invalid_token"));

        auto code2 = auth.createAuthorizationCode(req);
        auto t2 = auth.exchangeCode(*code2, req.clientId, redirect, verifier);
        QVERIFY(t2.ok());
        auto rotated = auth.refresh(t2->refreshToken, req.clientId);
        QVERIFY(rotated.ok());
        QVERIFY(auth.validateAccessToken(rotated->accessToken).ok());
        QCOMPARE(auth.validateAccessToken(t2->accessToken).error().code, QStringLiteral("auth.invalid_token"));
        m_env->clock().advanceSecs(3600);
        QCOMPARE(auth.validateAccessToken(rotated->accessToken).error().code, QStringLiteral("auth.invalid_token"));
        auto fresh = auth.refresh(rotated->refreshToken, req.clientId);
        QVERIFY(fresh.ok());
        QVERIFY(auth.revoke(fresh->refreshToken, req.clientId).ok());
        QCOMPARE(auth.validateAccessToken(fresh->accessToken).error().code, QStringLiteral("auth.invalid_token"));
        QCOMPARE(auth.refresh(fresh->refreshToken, req.clientId).error().code, QStringLiteral("oauth.invalid_grant"));
        QVERIFY(auth.revoke(QStringLiteral("unknown"), req.clientId).ok());

        auto code3 = auth.createAuthorizationCode(req);
        m_env->clock().advanceSecs(121);
        QCOMPARE(auth.exchangeCode(*code3, req.clientId, redirect, verifier).error().code,
                 QStringLiteral("oauth.invalid_grant"));
        QCOMPARE(auth.purgeExpired().value(), 0);
        m_env->clock().advanceSecs(31 * 24 * 3600);
        QVERIFY(auth.purgeExpired().value() >= 3);
    }

private:
    QString bulkTitolare()
    {
        QSqlQuery q(m_env->db().connection());
        q.exec(QStringLiteral("SELECT cf FROM operators WHERE login_id = 'titolare-bench'"));
        return q.next() ? q.value(0).toString() : QString();
    }
};

LEDGER_TEST_MAIN(LedgerStoresTest)
#include "tst_LedgerStores.moc"
