// A purchase journaled by the client with the numeric voucher id of before the opaque ids
// (issue 10) is still reconciled after the server's database is upgraded: a schema-3 database
// with the committed purchase is migrated by a real sinfonia-server, then the journal replays the
// old-shaped request with its Idempotency-Key. The purchase that committed is recognised (not
// debited again); the one that never reached the server is "non registrato".

#include "core/domain/Clock.h"
#include "core/services/journal/OperationJournal.h"
#include "core/services/journal/OperationRunner.h"
#include "core/services/net/AccessTokenProvider.h"
#include "core/services/net/ApiClient.h"
#include "server/ledger/DemoData.h"
#include "tests/support/TestServer.h"

#include <QJsonArray>
#include <QNetworkAccessManager>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using namespace sinfonia;

namespace {

class FixedToken : public AccessTokenProvider
{
public:
    explicit FixedToken(QString token)
        : m_token(std::move(token))
    {
    }
    QByteArray accessToken() const override { return m_token.toLatin1(); }
    void refreshAccessToken(QObject*, std::function<void(Result<void>)> done) override
    {
        done(makeError(QStringLiteral("auth.session_expired"), QStringLiteral("no refresh in this test")));
    }

private:
    QString m_token;
};

// Takes the database back to schema 5: what a server of before the opaque ids left on disk.
// Movements of `cents` in the database file (read beside the running server: WAL).
int purchasesOf(const QString& file, qint64 cents)
{
    const QString name = QStringLiteral("count");
    int n = -1;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
        db.setDatabaseName(file);
        if (db.open()) {
            QSqlQuery q(db);
            if (q.exec(QStringLiteral("SELECT COUNT(*) FROM movements WHERE type = 'ACQUISTO' AND amount_cents = %1")
                           .arg(cents))
                && q.next())
                n = q.value(0).toInt();
        }
        db.close();
    }
    QSqlDatabase::removeDatabase(name);
    return n;
}

bool downgradeToSchema5(const QString& file, QString* error)
{
    const QString name = QStringLiteral("downgrade");
    bool ok = true;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
        db.setDatabaseName(file);
        ok = db.open();
        QSqlQuery q(db);
        for (const char* sql : {"DROP INDEX vouchers_public_id", "DROP INDEX movements_public_id",
                                "ALTER TABLE vouchers DROP COLUMN public_id",
                                "ALTER TABLE movements DROP COLUMN public_id", "DROP TABLE voucher_grants",
                                "DROP TABLE audit_log", "DELETE FROM schema_migrations WHERE version >= 6"}) {
            if (ok && !q.exec(QString::fromLatin1(sql))) {
                *error = QString::fromLatin1(sql) + QStringLiteral(": ") + q.lastError().text();
                ok = false;
            }
        }
        db.close();
    }
    QSqlDatabase::removeDatabase(name);
    return ok;
}

} // namespace

class TestUpgradeReconcile : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void legacyIntentIsReconciledAfterUpgrade()
    {
        QTemporaryDir dir;
        const QString file = dir.filePath(QStringLiteral("ledger.sqlite"));
        test::TestServer::Options o;
        o.database = file;
        const QString structure = QStringLiteral("FAR001");
        QString displayId;
        const qint64 cents = 1171;
        const QByteArray committedKey = test::HttpClient::newIdempotencyKey();
        {
            test::TestServer before;
            QVERIFY2(before.start(o), qPrintable(before.errorString()));
            const auto t = before.login();
            QVERIFY(t.ok());
            test::HttpClient api = before.client(t.accessToken);
            const QJsonArray vouchers = api.get(QStringLiteral("/api/v1/structures/FAR001/beneficiaries?codiceFiscale=")
                                                + ledger::DemoData::activeBeneficiaryCf())
                                            .json()
                                            .value(QStringLiteral("vouchers"))
                                            .toArray();
            QVERIFY(!vouchers.isEmpty());
            QJsonObject v;
            for (const auto& x : vouchers) {
                if (x.toObject().value(QStringLiteral("state")).toString() == QLatin1String("ATTIVO"))
                    v = x.toObject();
            }
            displayId = v.value(QStringLiteral("displayId")).toString();
            QVERIFY(!displayId.isEmpty());
            // The request that committed before the upgrade, whose answer the counter never got.
            const auto created = api.postPurchase(structure, v.value(QStringLiteral("id")).toString(), cents,
                                                  test::HttpClient::samplePng(), "image/png", committedKey);
            QCOMPARE(created.status, 201);
            before.stop();
        }
        QString error;
        QVERIFY2(downgradeToSchema5(file, &error), qPrintable(error));

        // The upgraded server migrates the database (opaque ids for the old rows).
        o.initDemo = false;
        test::TestServer after;
        QVERIFY2(after.start(o), qPrintable(after.errorString()));
        const auto t = after.login();
        QVERIFY(t.ok());
        QCOMPARE(purchasesOf(file, cents), 1);

        // The journal as the old client wrote it: numeric voucher id in the intent and its path.
        SystemClock clock;
        OperationJournal journal(clock);
        QVERIFY(journal.open(dir.filePath(QStringLiteral("journal.sqlite"))).ok());
        const ReceiptFile receipt {"image/png", test::HttpClient::samplePng()};
        auto intent = [&](const QByteArray& key) {
            const ApiCall call
                = ApiClient::purchaseCall(structure, displayId, Money::fromCents(cents), {}, receipt, key);
            JournalEntry e;
            e.idempotencyKey = QString::fromLatin1(key);
            e.operatorId = QStringLiteral("op");
            e.kind = JournalEntry::Kind::Purchase;
            e.structureId = structure;
            e.voucherId = displayId;
            e.amount = Money::fromCents(cents);
            e.method = call.method;
            e.path = call.path;
            e.contentType = call.contentType;
            e.body = call.body;
            return e;
        };
        QVERIFY(call_path_is_numeric(intent(committedKey).path, displayId));
        QVERIFY(journal.record(intent(committedKey)).ok());
        QVERIFY(journal.markUnknown(QString::fromLatin1(committedKey)).ok());
        const QByteArray neverSent = ApiClient::newIdempotencyKey();
        QVERIFY(journal.record(intent(neverSent)).ok());

        QNetworkAccessManager nam;
        ApiClient api(&nam, after.baseUrl());
        FixedToken tokens(t.accessToken);
        api.setTokenProvider(&tokens);
        OperationRunner runner(&api, &journal, clock);
        runner.setOperatorId(QStringLiteral("op"));
        QSignalSpy finished(&runner, &OperationRunner::reconcileFinished);
        runner.reconcile();
        QVERIFY(finished.wait(30000));

        const auto committed = journal.entry(QString::fromLatin1(committedKey));
        QVERIFY(committed);
        QCOMPARE(committed->state, JournalEntry::State::Confirmed);
        QVERIFY2(QRegularExpression(QStringLiteral("^[A-Za-z0-9_-]{22}$")).match(committed->movementId).hasMatch(),
                 qPrintable(committed->movementId));
        const auto lost = journal.entry(QString::fromLatin1(neverSent));
        QVERIFY(lost);
        QCOMPARE(lost->state, JournalEntry::State::Failed);
        // Debited once, before the upgrade; neither replay created anything.
        QCOMPARE(purchasesOf(file, cents), 1);
    }

private:
    static bool call_path_is_numeric(const QString& path, const QString& id)
    {
        return path.contains(QStringLiteral("/vouchers/") + id + QStringLiteral("/purchases"));
    }
};

QTEST_GUILESS_MAIN(TestUpgradeReconcile)
#include "tst_upgrade_reconcile.moc"
