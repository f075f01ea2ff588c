// Movement cache: batch insert and queries, CF only as a keyed hash, retention purge, corrupt
// file set aside and rebuilt, incremental sync through the worker thread (T11, T12 basics).
#include "core/domain/Clock.h"
#include "core/domain/ErrorCodes.h"
#include "core/services/cache/CfHasher.h"
#include "core/services/cache/MovementCache.h"
#include "core/services/cache/MovementCacheStore.h"

#include <QFile>
#include <QSignalSpy>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

using namespace sinfonia;

namespace {

const QString motherCf = QStringLiteral("RSSMRA85T50A562S");
const QString otherCf = QStringLiteral("BNCLRA90A41F839X");

ApiMovement apiMovement(int i, const QDateTime& at, const QString& cf)
{
    ApiMovement a;
    a.movement.id = QStringLiteral("m%1").arg(i);
    a.movement.voucherId = QStringLiteral("100");
    a.movement.structureId = QStringLiteral("FAR001");
    a.movement.merchantName = QStringLiteral("Farmacia Avellino");
    a.movement.createdAt = at;
    a.movement.type = MovementType::Acquisto;
    a.movement.state = MovementState::Confermato;
    a.movement.amount = Money::fromCents(100 + i);
    a.voucherNumber = QStringLiteral("VOB000001002024");
    a.codiceFiscale = cf;
    a.operatorName = QStringLiteral("Giuseppe E.");
    a.movement.commercialDocument = QStringLiteral("DC-%1").arg(70000 + i);
    a.actions.cancel = i % 2 == 0;
    a.actions.cancellable = Money::fromCents(a.actions.cancel ? 50 : 0);
    return a;
}

// One movement as sinfonia-server writes it in a page (JsonViews::appendMovement, the fields the
// client reads).
QByteArray movementJson(const ApiMovement& a)
{
    const Movement& m = a.movement;
    return "{\"id\":\"" + m.id.toUtf8() + "\",\"voucherId\":\"" + m.voucherId.toUtf8() + "\",\"voucherNumber\":\""
        + a.voucherNumber.toUtf8() + "\",\"structureId\":\"" + m.structureId.toUtf8() + "\",\"merchantName\":\""
        + m.merchantName.toUtf8() + "\",\"createdAt\":\"" + m.createdAt.toUTC().toString(Qt::ISODateWithMs).toUtf8()
        + "\",\"type\":\"" + toWire(m.type).toUtf8() + "\",\"state\":\"" + toWire(m.state).toUtf8()
        + "\",\"amountCents\":" + QByteArray::number(m.amount.cents()) + ",\"purchaseId\":null,\"hasReceipt\":true,"
        + "\"actions\":{\"viewReceipt\":true,\"authorize\":false,\"cancel\":" + (a.actions.cancel ? "true" : "false")
        + ",\"cancellableCents\":" + QByteArray::number(a.actions.cancellable.cents())
        + ",\"void\":false},\"codiceFiscale\":\"" + a.codiceFiscale.toUtf8() + "\",\"operatorName\":\""
        + a.operatorName.toUtf8() + "\"}";
}

QByteArray pageJson(const QList<ApiMovement>& items, const QString& next)
{
    QByteArray out = "{\"items\":[";
    for (qsizetype i = 0; i < items.size(); ++i)
        out += (i ? "," : "") + movementJson(items.at(i));
    out += "],\"nextCursor\":" + (next.isEmpty() ? QByteArray("null") : "\"" + next.toUtf8() + "\"") + "}";
    return out;
}

} // namespace

class TestCache : public QObject
{
    Q_OBJECT
    // Time of the suite: the wall clock, read in Rome like the product does.
    SystemClock m_clock;

private Q_SLOTS:
    void storeInsertQueryPurge();
    void portableInsertPathWritesTheSameRows();
    void corruptFileIsSetAside();
    void threadedSyncAndQuery();
    void noPersonalDataInFile();
    void oldSchemaIsRebuilt();
    void syncFallsBackToTheOldPageLimit();
    void newerSchemaIsRebuilt();
    void listRowsAreTheRowsOfTheList();
    void bodiesAreDecodedInTheCacheThread();
};

// A cache of the first schema (numeric server ids, before issue 10; no operator, documento
// commerciale or cancellable amount) is emptied on open and rebuilt by the next sync; a cache of
// the current schema keeps its rows across opens.
void TestCache::oldSchemaIsRebuilt()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("c.sqlite"));
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("old"));
        db.setDatabaseName(path);
        QVERIFY(db.open());
        QSqlQuery q(db);
        QVERIFY(q.exec(QStringLiteral(
            "CREATE TABLE movements (id TEXT PRIMARY KEY, structure_id TEXT NOT NULL, created_ms INTEGER NOT NULL,"
            " code TEXT, voucher_id TEXT, type INTEGER NOT NULL, state INTEGER NOT NULL, amount_cents INTEGER NOT NULL,"
            " cf_key INTEGER, purchase_id TEXT, sync_id INTEGER NOT NULL DEFAULT 0)")));
        QVERIFY(q.exec(QStringLiteral("INSERT INTO movements (id, structure_id, created_ms, voucher_id, type, state,"
                                      " amount_cents) VALUES ('42', 'FAR001', 1, '7', 0, 1, 100)")));
        db.close();
    }
    QSqlDatabase::removeDatabase(QStringLiteral("old"));
    MovementCacheStore store;
    QVERIFY(store.open(path).ok());
    QCOMPARE(store.count().value(), 0); // the numeric ids are gone
    CachedMovement m;
    m.id = QStringLiteral("q3Xn0V6cX1mJ9r8Kp2ZbAw");
    m.structureId = QStringLiteral("FAR001");
    m.createdAt = m_clock.now();
    m.amountCents = 100;
    QVERIFY(store.insert({m}).ok());
    store.close();
    MovementCacheStore again;
    QVERIFY(again.open(path).ok());
    QCOMPARE(again.count().value(), 1);
}

void TestCache::storeInsertQueryPurge()
{
    QTemporaryDir dir;
    MovementCacheStore store;
    QVERIFY(store.open(dir.filePath(QStringLiteral("c.sqlite"))).ok());
    CfHasher hasher(CfHasher::generateKey());
    const QDateTime now = m_clock.now();
    QList<CachedMovement> rows;
    for (int i = 0; i < 1000; ++i) {
        CachedMovement m;
        m.id = QStringLiteral("m%1").arg(i);
        m.structureId = QStringLiteral("FAR001");
        m.createdAt = now.addDays(-i / 4);
        m.amountCents = i + 1;
        m.cfHash = hasher.hash(i % 2 ? motherCf : otherCf);
        rows.append(m);
    }
    QCOMPARE(store.insert(rows).value(), 1000);
    MovementQuery q {QStringLiteral("FAR001"), now.addDays(-30), now.addSecs(1), {}, -1};
    auto all = store.rows(q);
    QVERIFY(all.ok());
    QCOMPARE(all->rows.size(), 31 * 4); // days 0..30
    QVERIFY(all->rows.first().createdAt >= all->rows.last().createdAt);
    q.cfHash = hasher.hash(motherCf);
    const auto mine = store.rows(q);
    QVERIFY(mine->rows.size() > 0);
    for (const auto& r : mine->rows)
        QCOMPARE(r.cfHash, hasher.hash(QStringLiteral("rssmra85t50a562s"))); // normalised
    QCOMPARE(store.purgeOlderThan(now.addDays(-200)).value(), 1000 - 201 * 4);
    QCOMPARE(store.count().value(), 201 * 4);
}

// Windows' path (Qt's SQLite plugin has its own SQLite): QSqlQuery inserts, in the same transaction,
// give exactly the rows of the C API path, upserts and NULL CF keys included; on Linux the fast path
// stays the one used.
void TestCache::portableInsertPathWritesTheSameRows()
{
    QTemporaryDir dir;
    MovementCacheStore fast;
    MovementCacheStore portable(MovementCacheStore::InsertPath::Portable);
    QVERIFY(fast.open(dir.filePath(QStringLiteral("fast.sqlite"))).ok());
    QVERIFY(portable.open(dir.filePath(QStringLiteral("portable.sqlite"))).ok());
    // Where the C API path is built (Linux: Debian's Qt uses the system SQLite) it is the one used.
    QCOMPARE(fast.usesDirectInsert(), MovementCacheStore::directInsertCompiled());
    QVERIFY(!portable.usesDirectInsert());

    CfHasher hasher(CfHasher::generateKey());
    const QDateTime now = QDateTime::currentDateTimeUtc();
    QList<CachedMovement> rows;
    for (int i = 0; i < 300; ++i) {
        CachedMovement m;
        m.id = QStringLiteral("m%1").arg(i);
        m.structureId = QStringLiteral("FAR001");
        m.createdAt = now.addSecs(-i * 600);
        m.code = QStringLiteral("ACQ-%1").arg(i);
        m.voucherId = QStringLiteral("V%1").arg(i % 7);
        m.type = i % 5 ? MovementType::Acquisto : MovementType::Cancellazione;
        m.state = i % 3 ? MovementState::Confermato : MovementState::InAttesa;
        m.amountCents = 100 + i;
        if (i % 4)
            m.cfHash = hasher.hash(i % 2 ? motherCf : otherCf); // every 4th row: no CF key (NULL)
        m.purchaseId = i % 5 ? QString() : QStringLiteral("m%1").arg(i + 1);
        rows.append(m);
    }
    for (MovementCacheStore* store : {&fast, &portable}) {
        QVERIFY(store->beginBulk().ok());
        QCOMPARE(store->insert(rows.mid(0, 200), 1).value(), 200);
        QCOMPARE(store->insert(rows.mid(200), 1).value(), 100);
        QVERIFY(store->commitBulk().ok());
        QList<CachedMovement> changed = rows.mid(0, 10);
        for (CachedMovement& m : changed)
            m.amountCents += 1000; // an upsert replaces the row, never duplicates it
        QCOMPARE(store->insert(changed, 2).value(), 10);
        QCOMPARE(store->count().value(), 300);
    }
    const MovementQuery all {QStringLiteral("FAR001"), now.addDays(-30), now.addSecs(1), {}, -1};
    const auto a = fast.rows(all);
    const auto b = portable.rows(all);
    QVERIFY(a.ok() && b.ok());
    QCOMPARE(a->rows.size(), 300);
    QCOMPARE(b->rows.size(), a->rows.size());
    for (qsizetype i = 0; i < a->rows.size(); ++i) {
        const CachedMovement& x = a->rows.at(i);
        const CachedMovement& y = b->rows.at(i);
        QCOMPARE(y.id, x.id);
        QCOMPARE(y.createdAt, x.createdAt);
        QCOMPARE(y.code, x.code);
        QCOMPARE(y.voucherId, x.voucherId);
        QCOMPARE(y.type, x.type);
        QCOMPARE(y.state, x.state);
        QCOMPARE(y.amountCents, x.amountCents);
        QCOMPARE(y.cfHash.isEmpty(), x.cfHash.isEmpty());
        QCOMPARE(y.purchaseId, x.purchaseId);
    }
    // Newest first: rows 0..9 were replaced by the upsert, row 10 was not.
    QCOMPARE(b->rows.at(9).amountCents, qint64(100 + 9 + 1000));
    QCOMPARE(b->rows.at(10).amountCents, qint64(100 + 10));
    MovementQuery mine = all;
    mine.cfHash = hasher.hash(motherCf);
    QCOMPARE(portable.rows(mine)->rows.size(), fast.rows(mine)->rows.size());
    QVERIFY(!fast.rows(mine)->rows.isEmpty());
}

void TestCache::corruptFileIsSetAside()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("c.sqlite"));
    {
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        QByteArray garbage(64 * 1024, '\0');
        for (int i = 0; i < garbage.size(); ++i)
            garbage[i] = char((i * 7919) & 0xff);
        f.write(garbage);
    }
    MovementCacheStore store;
    bool setAside = false;
    QVERIFY(store.open(path, &setAside).ok());
    QVERIFY(setAside);
    QCOMPARE(store.count().value(), 0);
    const QStringList aside = QDir(dir.path()).entryList({QStringLiteral("c.sqlite.corrupt-*")});
    QCOMPARE(aside.size(), 1);

    // A real database with a damaged page in the middle.
    store.close();
    QFile::remove(path);
    {
        MovementCacheStore s2;
        QVERIFY(s2.open(path).ok());
        QList<CachedMovement> rows;
        for (int i = 0; i < 5000; ++i) {
            CachedMovement m;
            m.id = QStringLiteral("row-%1").arg(i);
            m.structureId = QStringLiteral("FAR001");
            m.createdAt = m_clock.now();
            m.amountCents = i + 1;
            rows.append(m);
        }
        QVERIFY(s2.insert(rows).ok());
    }
    {
        QFile f(path);
        QVERIFY(f.open(QIODevice::ReadWrite));
        QVERIFY(f.size() > 40000);
        f.seek(4096 * 3);
        f.write(QByteArray(4096 * 3, '\x5a'));
    }
    MovementCacheStore s3;
    setAside = false;
    QVERIFY(s3.open(path, &setAside).ok());
    QVERIFY(setAside);
    QCOMPARE(s3.count().value(), 0);
}

void TestCache::threadedSyncAndQuery()
{
    QTemporaryDir dir;
    MovementCache cache(m_clock);
    QSignalSpy opened(&cache, &MovementCache::opened);
    cache.open(dir.filePath(QStringLiteral("c.sqlite")), CfHasher::generateKey(), 6);
    QVERIFY(opened.wait(5000));
    QVERIFY(opened.first().at(0).toBool());

    const QDate today = m_clock.todayInRome();
    const QDateTime base = MovementCache::startOfDayRome(today).addSecs(3600 * 12);
    QList<ApiMovement> server;
    for (int i = 0; i < 1234; ++i)
        server.append(apiMovement(i, base.addSecs(-600 * i), i % 3 ? motherCf : otherCf));
    int pagesServed = 0;
    QList<MovementFilter> filters;
    auto fetcher = [&](const MovementFilter& f, const QString& cursor, QObject* ctx,
                       std::function<void(Result<MovementPage>)> done) {
        filters.append(f);
        const int start = cursor.isEmpty() ? 0 : cursor.toInt();
        MovementPage p;
        const QDateTime from = MovementCache::startOfDayRome(f.from);
        const QDateTime to = MovementCache::startOfDayRome(f.to.addDays(1));
        QList<ApiMovement> inRange;
        for (const auto& m : server)
            if (m.movement.createdAt >= from && m.movement.createdAt < to)
                inRange.append(m);
        p.items = inRange.mid(start, f.limit.value_or(50));
        if (start + f.limit.value_or(50) < inRange.size())
            p.nextCursor = QString::number(start + f.limit.value_or(50));
        ++pagesServed;
        QMetaObject::invokeMethod(
            ctx, [done, p] { done(p); }, Qt::QueuedConnection);
    };
    QSignalSpy finished(&cache, &MovementCache::syncFinished);
    QSignalSpy failed(&cache, &MovementCache::syncFailed);
    cache.sync(fetcher, QStringLiteral("FAR001"), today.addDays(-30), today);
    QVERIFY(finished.wait(10000));
    QCOMPARE(failed.size(), 0);
    QCOMPARE(finished.first().at(1).toInt(), 1234);
    QCOMPARE(pagesServed, 3); // 31 days in 3 sub-periods, pages of up to 5,000 rows: one page each

    Result<MovementRows> got = makeError(QString(), QString());
    cache.query(QStringLiteral("FAR001"), today.addDays(-30), today, QString(), this,
                [&](Result<MovementRows> r) { got = std::move(r); });
    QTRY_VERIFY(got.ok());
    QCOMPARE(got->rows.size(), 1234);
    QVERIFY(got->lastSyncAt.isValid());
    got = makeError(QString(), QString());
    cache.query(QStringLiteral("FAR001"), today.addDays(-30), today, QStringLiteral("rssmra85t50a562s"), this,
                [&](Result<MovementRows> r) { got = std::move(r); });
    QTRY_VERIFY(got.ok());
    QCOMPARE(got->rows.size(), 1234 - 412);

    // Incremental: the second sync refetches only from yesterday; a movement gone from the server
    // in that window disappears, older rows stay.
    server.removeAt(0);
    filters.clear();
    cache.sync(fetcher, QStringLiteral("FAR001"), today.addDays(-30), today);
    QVERIFY(finished.wait(10000));
    QCOMPARE(filters.size(), 1); // two days: one chain, one page
    QCOMPARE(filters.first().from, today.addDays(-1));
    got = makeError(QString(), QString());
    cache.query(QStringLiteral("FAR001"), today.addDays(-30), today, QString(), this,
                [&](Result<MovementRows> r) { got = std::move(r); });
    QTRY_VERIFY(got.ok());
    QCOMPARE(got->rows.size(), 1233);
}

void TestCache::noPersonalDataInFile()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("c.sqlite"));
    {
        MovementCache cache(m_clock);
        QSignalSpy opened(&cache, &MovementCache::opened);
        cache.open(path, CfHasher::generateKey());
        QVERIFY(opened.wait(5000));
        QList<ApiMovement> items;
        for (int i = 0; i < 50; ++i)
            items.append(apiMovement(i, m_clock.now().addSecs(-i), motherCf));
        QSignalSpy finished(&cache, &MovementCache::syncFinished);
        cache.sync(
            [&](const MovementFilter&, const QString&, QObject* ctx, std::function<void(Result<MovementPage>)> done) {
                MovementPage p;
                p.items = items;
                QMetaObject::invokeMethod(
                    ctx, [done, p] { done(p); }, Qt::QueuedConnection);
            },
            QStringLiteral("FAR001"), m_clock.todayInRome().addDays(-1), m_clock.todayInRome());
        QVERIFY(finished.wait(5000));
    }
    QByteArray all;
    for (const QString& name : QDir(dir.path()).entryList(QDir::Files)) {
        QFile f(dir.filePath(name));
        QVERIFY(f.open(QIODevice::ReadOnly));
        all += f.readAll();
    }
    QVERIFY(!all.isEmpty());
    QVERIFY(!all.contains("RSSMRA85T50A562S"));
    QVERIFY(!all.contains("Farmacia Avellino"));
    QVERIFY(all.contains("VOB000001002024"));
    // The summary's columns: the operator's display name and the documento commerciale, never
    // the operator's family name in full.
    QVERIFY(all.contains("Giuseppe E."));
    QVERIFY(all.contains("DC-70007"));
    QVERIFY(!all.contains("Esposito"));
}

// A file written by a newer program (higher user_version) is rebuilt empty, not misread.
void TestCache::newerSchemaIsRebuilt()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("new.sqlite"));
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("newer"));
        db.setDatabaseName(path);
        QVERIFY(db.open());
        QSqlQuery q(db);
        QVERIFY(q.exec(QStringLiteral("CREATE TABLE movements (id TEXT PRIMARY KEY, other_layout BLOB)")));
        QVERIFY(q.exec(QStringLiteral("INSERT INTO movements VALUES ('x', NULL)")));
        QVERIFY(q.exec(QStringLiteral("PRAGMA user_version=%1").arg(MovementCacheStore::currentSchemaVersion() + 5)));
        db.close();
    }
    QSqlDatabase::removeDatabase(QStringLiteral("newer"));
    MovementCacheStore store;
    QVERIFY(store.open(path).ok());
    QCOMPARE(store.count().value(), 0);
    CachedMovement m;
    m.id = QStringLiteral("m1");
    m.structureId = QStringLiteral("FAR001");
    m.createdAt = m_clock.now();
    m.amountCents = 1;
    QCOMPARE(store.insert({m}).value(), 1);
}

QTEST_GUILESS_MAIN(TestCache)
void TestCache::syncFallsBackToTheOldPageLimit()
{
    // A server of before 2026-12 refuses pages of more than 500 rows: the sync goes on at 500.
    QTemporaryDir dir;
    MovementCache cache(m_clock);
    QSignalSpy opened(&cache, &MovementCache::opened);
    cache.open(dir.filePath(QStringLiteral("c.sqlite")), CfHasher::generateKey(), 6);
    QVERIFY(opened.wait(5000));
    const QDate today = m_clock.todayInRome();
    const QDateTime base = MovementCache::startOfDayRome(today).addSecs(3600 * 12);
    QList<ApiMovement> server;
    for (int i = 0; i < 1200; ++i)
        server.append(apiMovement(i, base.addSecs(-30 * i), motherCf));
    QList<int> limits;
    auto fetcher = [&](const MovementFilter& f, const QString& cursor, QObject* ctx,
                       std::function<void(Result<MovementPage>)> done) {
        const int limit = f.limit.value_or(50);
        limits.append(limit);
        if (limit > 500) {
            Error e = makeError(QString(codes::movementsLimitInvalid), QStringLiteral("da 1 a 500"));
            QMetaObject::invokeMethod(
                ctx, [done, e] { done(e); }, Qt::QueuedConnection);
            return;
        }
        const int start = cursor.isEmpty() ? 0 : cursor.toInt();
        MovementPage p;
        p.items = server.mid(start, limit);
        if (start + limit < server.size())
            p.nextCursor = QString::number(start + limit);
        QMetaObject::invokeMethod(
            ctx, [done, p] { done(p); }, Qt::QueuedConnection);
    };
    QSignalSpy finished(&cache, &MovementCache::syncFinished);
    QSignalSpy failed(&cache, &MovementCache::syncFailed);
    cache.sync(fetcher, QStringLiteral("FAR001"), today, today);
    QVERIFY(finished.wait(10000));
    QCOMPARE(failed.size(), 0);
    QCOMPARE(finished.first().at(1).toInt(), 1200);
    QCOMPARE(limits, (QList<int> {5000, 500, 500, 500}));
}

// The movement list reads lean rows (MovementListRow): the same rows, order and fields as the full
// query, on the C API path and on the portable one, with and without a CF filter.
void TestCache::listRowsAreTheRowsOfTheList()
{
    QTemporaryDir dir;
    MovementCacheStore fast;
    MovementCacheStore portable(MovementCacheStore::InsertPath::Portable);
    QVERIFY(fast.open(dir.filePath(QStringLiteral("fast.sqlite"))).ok());
    QVERIFY(portable.open(dir.filePath(QStringLiteral("portable.sqlite"))).ok());
    CfHasher hasher(CfHasher::generateKey());
    const QDateTime now = QDateTime::currentDateTimeUtc();
    QList<CachedMovement> rows;
    for (int i = 0; i < 500; ++i) {
        CachedMovement m;
        m.id = QStringLiteral("m%1").arg(i);
        m.structureId = QStringLiteral("FAR001");
        m.createdAt = now.addSecs(-(i / 2) * 600); // pairs at the same instant: the same tie-break
        m.code = i % 9 ? QStringLiteral("VOB%1").arg(i) : QString();
        m.type = i % 5 ? MovementType::Acquisto : MovementType::Cancellazione;
        m.state = i % 3 ? MovementState::Confermato : MovementState::Annullato;
        m.voidReason = m.state == MovementState::Annullato ? (i % 2 ? VoidReason::Scadenza : VoidReason::Struttura)
                                                           : VoidReason::Nessuno;
        if (i == 7) {
            m.state = MovementState::Sconosciuto;
            m.stateName = QStringLiteral("SOSPESO_IN_FUTURO");
        }
        m.amountCents = 100 + (i * 37) % 1000;
        m.cfHash = hasher.hash(i % 4 ? motherCf : otherCf);
        rows.append(m);
    }
    for (MovementCacheStore* store : {&fast, &portable}) {
        QCOMPARE(store->insert(rows, 1).value(), 500);
        for (const QByteArray& cf : {QByteArray(), hasher.hash(otherCf)}) {
            const MovementQuery q {QStringLiteral("FAR001"), now.addDays(-30), now.addSecs(1), cf, -1};
            const auto full = store->rows(q);
            const auto lean = store->listRows(q);
            QVERIFY(full.ok() && lean.ok());
            QCOMPARE(lean->rows.size(), cf.isEmpty() ? 500 : 125);
            QCOMPARE(lean->rows.size(), full->rows.size());
            for (qsizetype i = 0; i < lean->rows.size(); ++i) {
                const CachedMovement& x = full->rows.at(i);
                const MovementListRow& y = lean->rows.at(i);
                QCOMPARE(y.id, x.id);
                QCOMPARE(y.createdMs, x.createdAt.toMSecsSinceEpoch());
                QCOMPARE(y.code, x.code);
                QCOMPARE(y.type, x.type);
                QCOMPARE(y.state, x.state);
                QCOMPARE(y.voidReason, x.voidReason);
                QCOMPARE(y.stateName, x.stateName);
                QCOMPARE(y.amountCents, x.amountCents);
            }
        }
    }
    const MovementQuery other {QStringLiteral("FAR002"), now.addDays(-30), now.addSecs(1), {}, -1};
    QCOMPARE(fast.listRows(other)->rows.size(), 0);
}

// The app's sync (ApiClient::movementsBody): the GUI thread hands the page's bytes to the cache
// thread, which decodes them. Pages chain by their cursor, an old server's limit refusal falls back
// to 500, and a body that does not decode fails the sync with api.decode, keeping what arrived.
void TestCache::bodiesAreDecodedInTheCacheThread()
{
    QTemporaryDir dir;
    MovementCache cache(m_clock);
    QSignalSpy opened(&cache, &MovementCache::opened);
    cache.open(dir.filePath(QStringLiteral("c.sqlite")), CfHasher::generateKey(), 6);
    QVERIFY(opened.wait(5000));
    const QDate today = m_clock.todayInRome();
    const QDateTime base = MovementCache::startOfDayRome(today).addSecs(3600 * 12);
    QList<ApiMovement> server;
    for (int i = 0; i < 1300; ++i)
        server.append(apiMovement(i, base.addSecs(-20 * i).addMSecs(i % 1000), i % 3 ? motherCf : otherCf));
    QList<int> limits;
    bool garbage = false;
    QThread* guiThread = QThread::currentThread();
    auto fetcher = [&](const MovementFilter& f, const QString& cursor, QObject* ctx,
                       std::function<void(Result<QByteArray>)> done) {
        QCOMPARE(QThread::currentThread(), guiThread);
        const int limit = f.limit.value_or(50);
        limits.append(limit);
        Result<QByteArray> answer = QByteArray();
        const int start = cursor.isEmpty() ? 0 : cursor.toInt();
        if (limit > 500)
            answer = makeError(QString(codes::movementsLimitInvalid), QStringLiteral("da 1 a 500"));
        else if (garbage && start > 0)
            answer = QByteArray("{\"items\":[{\"id\":1}],\"nextCursor\":null}");
        else
            answer = pageJson(server.mid(start, limit),
                              start + limit < server.size() ? QString::number(start + limit) : QString());
        QMetaObject::invokeMethod(
            ctx, [done, answer] { done(answer); }, Qt::QueuedConnection);
    };
    QSignalSpy finished(&cache, &MovementCache::syncFinished);
    QSignalSpy failed(&cache, &MovementCache::syncFailed);
    cache.syncBodies(fetcher, QStringLiteral("FAR001"), today, today);
    QVERIFY(finished.wait(10000));
    QCOMPARE(failed.size(), 0);
    QCOMPARE(finished.first().at(1).toInt(), 1300);
    QCOMPARE(limits, (QList<int> {5000, 500, 500, 500}));
    Result<MovementRows> got = makeError(QString(), QString());
    cache.query(QStringLiteral("FAR001"), today, today, QString(), this,
                [&](Result<MovementRows> r) { got = std::move(r); });
    QTRY_VERIFY(got.ok());
    QCOMPARE(got->rows.size(), 1300);
    QCOMPARE(got->rows.first().id, QStringLiteral("m0"));
    QCOMPARE(got->rows.first().createdAt, server.first().movement.createdAt);
    QCOMPARE(got->rows.first().amountCents, qint64(100));
    QCOMPARE(got->rows.first().operatorName, QStringLiteral("Giuseppe E."));
    QCOMPARE(got->rows.first().cancellableCents, qint64(50));
    QCOMPARE(got->rows.last().id, QStringLiteral("m1299"));

    // The second page does not decode: the sync fails with api.decode.
    garbage = true;
    limits.clear();
    cache.syncBodies(fetcher, QStringLiteral("FAR001"), today, today, true);
    QVERIFY(failed.wait(10000));
    QCOMPARE(failed.first().at(1).value<Error>().code, QStringLiteral("api.decode"));
    got = makeError(QString(), QString());
    cache.query(QStringLiteral("FAR001"), today, today, QString(), this,
                [&](Result<MovementRows> r) { got = std::move(r); });
    QTRY_VERIFY(got.ok());
    QCOMPARE(got->rows.size(), 1300); // nothing deleted by a failed sync
}

#include "tst_cache.moc"
