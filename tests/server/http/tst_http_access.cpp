// Beneficiary data only through a lookup, the lookup throttle and the audit trail (issue 10, items
// 1-3) over real HTTP: ids are opaque and enumerating them finds nothing; a voucher answers to a
// structure that looked it up that Rome day or has a movement on it; lookups per operator are
// limited across server processes sharing one database; every action leaves an audit row that the
// titolare reads page by page and that PostgreSQL refuses to change.

#include "HttpFixture.h"
#include "server/ledger/Database.h"

#include <QRegularExpression>
#include <QSqlError>
#include <QSqlQuery>
#include <QSqlRecord>
#include <QTimeZone>
#include <memory>

using namespace sinfonia;
using namespace sinfonia::test;

namespace {

const QString far = QStringLiteral("FAR001");

// The server's database, opened the way the server opens it.
class DbPeek
{
public:
    explicit DbPeek(const QString& location)
    {
        auto db = ledger::Database::open(location);
        if (db)
            m_db = std::move(db).value();
    }
    bool ok() const { return m_db != nullptr; }
    bool isPostgres() const { return m_db && m_db->isPostgres(); }
    QList<QStringList> rows(const QString& sql)
    {
        QList<QStringList> out;
        QSqlDatabase c = m_db->connection();
        QSqlQuery q(c);
        if (!q.exec(sql)) {
            m_lastError = q.lastError().text();
            return out;
        }
        while (q.next()) {
            QStringList row;
            for (int i = 0; i < q.record().count(); ++i)
                row << q.value(i).toString();
            out << row;
        }
        return out;
    }
    bool exec(const QString& sql)
    {
        QSqlDatabase c = m_db->connection();
        QSqlQuery q(c);
        const bool ok = q.exec(sql);
        m_lastError = ok ? QString() : q.lastError().text();
        return ok;
    }
    QString lastError() const { return m_lastError; }

private:
    std::unique_ptr<ledger::Database> m_db;
    QString m_lastError;
};

QString voucherPath(const QString& id, const QString& structure = far)
{
    return QStringLiteral("/api/v1/structures/%1/vouchers/%2").arg(structure, id);
}

QJsonObject problemWithoutInstance(const HttpResponse& r)
{
    QJsonObject o = r.json();
    o.remove(QStringLiteral("instance"));
    return o;
}

} // namespace

class TestHttpAccess : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        SINFONIA_START_SERVER(m_server);
        const auto t = m_server.login();
        QVERIFY2(t.ok(), qPrintable(t.error));
        m_token = t.accessToken;
    }
    void cleanup() { QVERIFY(m_server.resetClock()); }

    void idsAreOpaqueAndEnumerationFindsNothing()
    {
        HttpClient api = m_server.client(m_token);
        const HttpResponse missing = api.get(voucherPath(QStringLiteral("AAAAAAAAAAAAAAAAAAAAAA")));
        QCOMPARE(missing.status, 404);
        QCOMPARE(missing.code(), QStringLiteral("voucher.not_found"));
        const QJsonObject missingBody = problemWithoutInstance(missing);
        // The old sequential ids, and the vouchers' real ids without a lookup: all the same 404.
        int answered = 0;
        for (int id = 1; id <= 40; ++id) {
            const QString plain = voucherPath(QString::number(id));
            for (const QString& path : {plain, QString(plain + QStringLiteral("/transactions"))}) {
                const HttpResponse r = api.get(path);
                if (r.status != 404 || problemWithoutInstance(r) != missingBody)
                    ++answered;
            }
        }
        QCOMPARE(answered, 0);
        DbPeek db(m_server.databaseLocation());
        QVERIFY(db.ok());
        const auto real
            = db.rows(QStringLiteral("SELECT v.public_id FROM vouchers v WHERE NOT EXISTS (SELECT 1 FROM"
                                     " movements m WHERE m.voucher_id = v.id AND m.structure_id = 'FAR001')"));
        QVERIFY(real.size() >= 5);
        for (const QStringList& row : real) {
            QVERIFY(QRegularExpression(QStringLiteral("^[A-Za-z0-9_-]{22}$")).match(row[0]).hasMatch());
            const HttpResponse r = api.get(voucherPath(row[0]));
            QCOMPARE(r.status, 404);
            QCOMPARE(problemWithoutInstance(r), missingBody);
            const HttpResponse buy = api.postPurchase(far, row[0], 100, HttpClient::samplePng());
            QCOMPARE(buy.status, 404);
            QCOMPARE(buy.code(), QStringLiteral("voucher.not_found"));
        }
        // Movement ids are opaque too: numbers address no receipt and no OTP.
        for (int id = 1; id <= 10; ++id) {
            QCOMPARE(api.get(QStringLiteral("/api/v1/structures/FAR001/movements/%1/receipt").arg(id)).status, 404);
            QCOMPARE(
                api.postJson(verifyPath(far, QString::number(id)), {{QStringLiteral("code"), QStringLiteral("123456")}})
                    .status,
                404);
        }
    }

    void lookupOpensTheVoucherForThatDayOnly()
    {
        HttpClient api = m_server.client(m_token);
        DbPeek db(m_server.databaseLocation());
        QVERIFY(db.ok());
        // A beneficiary FAR001 never served.
        const auto fresh = db.rows(QStringLiteral(
            "SELECT v.public_id, v.beneficiary_cf, v.id FROM vouchers v WHERE v.state = 'ATTIVO' AND NOT EXISTS"
            " (SELECT 1 FROM movements m WHERE m.voucher_id = v.id AND m.structure_id = 'FAR001') ORDER BY v.id"));
        QVERIFY(fresh.size() >= 2);
        const QString vid = fresh[0][0];
        QCOMPARE(api.get(voucherPath(vid)).status, 404);
        const QJsonObject found = findBeneficiary(api, far, fresh[0][1]);
        QVERIFY(!found.value(QStringLiteral("vouchers")).toArray().isEmpty());
        const HttpResponse after = api.get(voucherPath(vid));
        QCOMPARE(after.status, 200);
        QCOMPARE(after.json().value(QStringLiteral("id")).toString(), vid);
        QCOMPARE(after.json().value(QStringLiteral("displayId")).toString(), fresh[0][2]);
        // Another structure did not look it up.
        const auto napoli = m_server.login(QStringLiteral("titolare-napoli"));
        QVERIFY(napoli.ok());
        QCOMPARE(m_server.client(napoli.accessToken).get(voucherPath(vid, QStringLiteral("PAR001"))).status, 404);

        // A second one is looked up and bought on.
        const QString bought = fresh[1][0];
        QVERIFY(!findBeneficiary(api, far, fresh[1][1]).isEmpty());
        const QJsonObject purchase = confirmedPurchase(m_server, api, bought, 150);
        QVERIFY(!purchase.isEmpty());

        // The next Rome day: the lookup has lapsed, the movement has not.
        const QDateTime next = QDateTime(SystemClock().todayInRome().addDays(1), QTime(10, 0), Clock::rome());
        QVERIFY(m_server.setClock(next.toUTC()));
        const auto again = m_server.login(); // yesterday's access token has expired
        QVERIFY(again.ok());
        api.setBearerToken(again.accessToken);
        QCOMPARE(api.get(voucherPath(vid)).status, 404);
        QCOMPARE(api.get(voucherPath(vid) + QStringLiteral("/transactions")).status, 404);
        QCOMPARE(api.get(voucherPath(bought)).status, 200);
        QCOMPARE(api.get(voucherPath(bought) + QStringLiteral("/transactions")).status, 200);
        // Looked up again that day: open again.
        QVERIFY(!findBeneficiary(api, far, fresh[0][1]).isEmpty());
        QCOMPARE(api.get(voucherPath(vid)).status, 200);
    }

    void throttleHoldsAcrossTwoProcesses()
    {
        TestServer::Options o;
        if (usePostgres())
            o.database = QStringLiteral("postgres");
        o.extraArgs = {QStringLiteral("--lookup-burst"), QStringLiteral("3"), QStringLiteral("--lookup-per-minute"),
                       QStringLiteral("1")};
        TestServer first;
        QVERIFY2(first.start(o), qPrintable(first.errorString()));
        TestServer::Options same = o;
        same.database = first.databaseLocation();
        same.initDemo = false;
        TestServer second;
        QVERIFY2(second.start(same), qPrintable(second.errorString()));
        const auto t = first.login(QStringLiteral("dipendente-avellino"));
        QVERIFY2(t.ok(), qPrintable(t.error));
        // One login, both processes: tokens live in the shared database.
        HttpClient a = first.client(t.accessToken);
        HttpClient b = second.client(t.accessToken);
        const QString cf = ledger::DemoData::activeBeneficiaryCf();
        const QString path = QStringLiteral("/api/v1/structures/FAR001/beneficiaries?codiceFiscale=") + cf;
        QCOMPARE(a.get(path).status, 200);
        QCOMPARE(b.get(path).status, 200);
        QCOMPARE(a.get(path).status, 200);
        const HttpResponse refused = b.get(path);
        QCOMPARE(refused.status, 429);
        QCOMPARE(refused.code(), QStringLiteral("lookup.rate_limited"));
        QVERIFY(refused.header("content-type").startsWith("application/problem+json"));
        bool ok = false;
        const int after = refused.header("retry-after").toInt(&ok);
        QVERIFY(ok);
        QVERIFY2(after >= 170 && after <= 180, refused.header("retry-after").constData()); // 3 in 180 s
        const QString detail = refused.json().value(QStringLiteral("detail")).toString();
        QCOMPARE(detail, QStringLiteral("Troppe ricerche: riprova tra %1 secondi.").arg(after));
        QCOMPARE(a.get(path).status, 429);
        // Another operator is not affected.
        const auto titolare = second.login();
        QCOMPARE(second.client(titolare.accessToken).get(path).status, 200);
        // Three minutes later (the sandbox clock of the database is per process: move both).
        const QDateTime later = QDateTime::currentDateTimeUtc().addSecs(after + 1);
        QVERIFY(first.setClock(later));
        QVERIFY(second.setClock(later));
        QCOMPARE(b.get(path).status, 200);
    }

    void everyActionLeavesAnAuditRow()
    {
        HttpClient api = m_server.client(m_token);
        const QJsonObject v = activeVoucher(api);
        const QString vid = v.value(QStringLiteral("id")).toString();
        QVERIFY(!vid.isEmpty());
        QCOMPARE(findBeneficiary(api, far, QStringLiteral("RSSMRA85M41F839X")).value(QStringLiteral("code")).toString(),
                 QStringLiteral("cf.check_char"));
        QCOMPARE(api.get(voucherPath(vid)).status, 200);
        const HttpResponse created = api.postPurchase(far, vid, 210, HttpClient::samplePng());
        QCOMPARE(created.status, 201);
        const QString mid
            = created.json().value(QStringLiteral("movement")).toObject().value(QStringLiteral("id")).toString();
        const QString otp = m_server.latestOtpForMovement(mid);
        QString wrong = otp == QLatin1String("111111") ? QStringLiteral("222222") : QStringLiteral("111111");
        QCOMPARE(api.postJson(verifyPath(far, mid), {{QStringLiteral("code"), wrong}}).code(),
                 QStringLiteral("otp.invalid"));
        QCOMPARE(api.postJson(verifyPath(far, mid), {{QStringLiteral("code"), otp}}).status, 200);
        QCOMPARE(api.get(QStringLiteral("/api/v1/structures/FAR001/movements/%1/receipt").arg(mid)).status, 200);
        const HttpResponse cancel
            = api.postJson(QStringLiteral("/api/v1/structures/FAR001/movements/%1/cancellations").arg(mid),
                           {{QStringLiteral("amountCents"), 100}});
        QCOMPARE(cancel.status, 201);

        const QString today = SystemClock().todayInRome().toString(Qt::ISODate);
        const HttpResponse audit
            = api.get(QStringLiteral("/api/v1/structures/FAR001/audit?from=%1&to=%1&limit=500").arg(today));
        QCOMPARE(audit.status, 200);
        QMultiMap<QString, QString> seen; // action -> outcome
        QString hashOfMother;
        for (const auto& item : audit.json().value(QStringLiteral("items")).toArray()) {
            const QJsonObject e = item.toObject();
            seen.insert(e.value(QStringLiteral("action")).toString(), e.value(QStringLiteral("outcome")).toString());
            QCOMPARE(e.value(QStringLiteral("structureId")).toString(), far);
            QVERIFY(!e.value(QStringLiteral("operatorCf")).toString().isEmpty());
            if (e.value(QStringLiteral("movementId")).toString() == mid)
                hashOfMother = e.value(QStringLiteral("cfHash")).toString();
        }
        QVERIFY(seen.contains(QStringLiteral("LOOKUP"), QStringLiteral("ok")));
        QVERIFY(seen.contains(QStringLiteral("LOOKUP"), QStringLiteral("cf.check_char")));
        QVERIFY(seen.contains(QStringLiteral("VOUCHER_READ"), QStringLiteral("ok")));
        QVERIFY(seen.contains(QStringLiteral("PURCHASE"), QStringLiteral("ok")));
        QVERIFY(seen.contains(QStringLiteral("OTP_VERIFY"), QStringLiteral("otp.invalid")));
        QVERIFY(seen.contains(QStringLiteral("OTP_VERIFY"), QStringLiteral("ok")));
        QVERIFY(seen.contains(QStringLiteral("RECEIPT_DOWNLOAD"), QStringLiteral("ok")));
        QVERIFY(seen.contains(QStringLiteral("CANCELLATION"), QStringLiteral("ok")));
        // A keyed hash, never the codice fiscale itself, anywhere in the table.
        QCOMPARE(hashOfMother.size(), 64);
        DbPeek db(m_server.databaseLocation());
        QVERIFY(db.ok());
        const auto leaked = db.rows(QStringLiteral("SELECT COUNT(*) FROM audit_log a JOIN beneficiaries b ON"
                                                   " a.cf_hash = b.cf OR a.outcome = b.cf OR a.operator_cf = b.cf"));
        QCOMPARE(leaked.value(0).value(0), QStringLiteral("0"));
    }

    void auditIsAppendOnlyOnPostgres()
    {
        DbPeek db(m_server.databaseLocation());
        QVERIFY(db.ok());
        if (!db.isPostgres())
            QSKIP("the append-only trigger is PostgreSQL's");
        QVERIFY(!findBeneficiary(m_server.client(m_token), far, ledger::DemoData::activeBeneficiaryCf()).isEmpty());
        QCOMPARE(db.rows(QStringLiteral("SELECT COUNT(*) FROM audit_log")).value(0).value(0).toInt() > 0, true);
        QVERIFY(!db.exec(QStringLiteral("UPDATE audit_log SET outcome = 'x'")));
        QVERIFY2(db.lastError().contains(QStringLiteral("append-only")), qPrintable(db.lastError()));
        QVERIFY(!db.exec(QStringLiteral("DELETE FROM audit_log")));
        QVERIFY2(db.lastError().contains(QStringLiteral("retention")), qPrintable(db.lastError()));
        QVERIFY(!db.exec(QStringLiteral("TRUNCATE audit_log")));
        // A row older than the retention may go (what the server's purge does).
        QVERIFY(db.exec(QStringLiteral("INSERT INTO audit_log (at_ms, operator_cf, structure_id, action, outcome)"
                                       " VALUES (1000, 'X', 'FAR001', 'LOOKUP', 'ok')")));
        QVERIFY2(db.exec(QStringLiteral("DELETE FROM audit_log WHERE at_ms = 1000")), qPrintable(db.lastError()));
    }

    void auditRouteWindowPagesAndTitolareOnly()
    {
        HttpClient api = m_server.client(m_token);
        const QDate today = SystemClock().todayInRome();
        for (int i = 0; i < 3; ++i)
            QVERIFY(!findBeneficiary(api, far, ledger::DemoData::activeBeneficiaryCf()).isEmpty());
        const QString base
            = QStringLiteral("/api/v1/structures/FAR001/audit?from=%1&to=%1").arg(today.toString(Qt::ISODate));
        const HttpResponse all = api.get(base + QStringLiteral("&limit=500"));
        QCOMPARE(all.status, 200);
        const int total = int(all.json().value(QStringLiteral("items")).toArray().size());
        QVERIFY(total >= 3);
        QStringList paged;
        QString cursor;
        int pages = 0;
        do {
            const HttpResponse page = api.get(base + QStringLiteral("&limit=2")
                                              + (cursor.isEmpty() ? QString() : QStringLiteral("&cursor=") + cursor));
            QCOMPARE(page.status, 200);
            const QJsonArray items = page.json().value(QStringLiteral("items")).toArray();
            QVERIFY(items.size() <= 2);
            for (const auto& it : items)
                paged << it.toObject().value(QStringLiteral("id")).toString();
            cursor = page.json().value(QStringLiteral("nextCursor")).toString();
            ++pages;
        } while (!cursor.isEmpty() && pages < 1000);
        QCOMPARE(paged.size(), total);
        QCOMPARE(QSet<QString>(paged.begin(), paged.end()).size(), total); // no row twice
        QVERIFY(pages >= 2);

        const HttpResponse tooLong
            = api.get(QStringLiteral("/api/v1/structures/FAR001/audit?from=%1&to=%2")
                          .arg(today.addMonths(-4).toString(Qt::ISODate), today.toString(Qt::ISODate)));
        QCOMPARE(tooLong.status, 400);
        QCOMPARE(tooLong.code(), QStringLiteral("movements.range_too_long"));
        QCOMPARE(api.get(base + QStringLiteral("&cursor=!!")).code(), QStringLiteral("movements.cursor_invalid"));

        const auto dip = m_server.login(QStringLiteral("dipendente-avellino"));
        QVERIFY(dip.ok());
        const HttpResponse forbidden = m_server.client(dip.accessToken).get(base);
        QCOMPARE(forbidden.status, 403);
        QCOMPARE(forbidden.code(), QStringLiteral("audit.forbidden"));
        QVERIFY(!forbidden.json().value(QStringLiteral("detail")).toString().isEmpty());
        // Another structure's audit: like a missing structure.
        QCOMPARE(api.get(QStringLiteral("/api/v1/structures/PAR001/audit")).status, 404);
    }

private:
    TestServer m_server;
    QString m_token;
};

QTEST_GUILESS_MAIN(TestHttpAccess)
#include "tst_http_access.moc"
