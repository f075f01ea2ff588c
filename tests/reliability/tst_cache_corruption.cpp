// T12 corruption campaign (reliability.md): movement cache files damaged in seeded random ways
// (truncated, random bytes, a torn or garbled WAL, a wrong header, a zeroed page, garbage) are
// opened through MovementCache as at start-up. Every file must open; a damaged one must be detected
// and set aside (".corrupt-*" next to it) or, when SQLite legitimately recovers it (a torn WAL tail
// is discarded by design), pass integrity_check; then a full sync from the server source rebuilds
// exactly the server's rows. No case may crash. SINFONIA_T12_CORRUPTIONS sets the count (42 here,
// 200 in scripts/reliability.sh); SINFONIA_TEST_SEED the seed (printed, so a failure replays).
#include "CampaignSupport.h"
#include "core/domain/Clock.h"
#include "core/services/cache/CfHasher.h"
#include "core/services/cache/MovementCache.h"
#include "core/services/cache/MovementCacheStore.h"

#include <QDir>
#include <QFile>
#include <QRandomGenerator>
#include <QSignalSpy>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>
#include <QTimeZone>

using namespace sinfonia;
using namespace sinfonia::test;

namespace {
constexpr int serverRows = 1200;
} // namespace

class TestCacheCorruption : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void corruptedFilesAreSetAsideAndRebuilt();

private:
    // The "server": a fixed set of movements served page by page through the cache's fetcher seam.
    MovementCache::PageFetcher server() const;
    bool syncAll(MovementCache& cache, QString* why);

    // A fixed instant on a DST change day in Rome: the campaign does not depend on today's date.
    ManualClock m_clock {QDateTime(QDate(2026, 3, 29), QTime(0, 30), Qt::UTC)};
    QTemporaryDir m_dir;
    QList<ApiMovement> m_rows;
    QDate m_from;
    QDate m_to;
    QByteArray m_key;
    QByteArray m_clean; // a synced cache file, checkpointed
    QByteArray m_walMain; // a crash image: main file + WAL with the last transactions
    QByteArray m_wal;
};

MovementCache::PageFetcher TestCacheCorruption::server() const
{
    return [this](const MovementFilter& filter, const QString& cursor, QObject* context,
                  std::function<void(Result<MovementPage>)> done) {
        const QDateTime from = MovementCache::startOfDayRome(filter.from);
        const QDateTime to = MovementCache::startOfDayRome(filter.to.addDays(1));
        QList<ApiMovement> inPeriod;
        for (const ApiMovement& m : m_rows) {
            if (m.movement.createdAt >= from && m.movement.createdAt < to)
                inPeriod << m;
        }
        const qsizetype offset = cursor.toLongLong();
        MovementPage page;
        const int limit = filter.limit.value_or(500);
        page.items = inPeriod.mid(offset, limit);
        if (offset + limit < inPeriod.size())
            page.nextCursor = QString::number(offset + limit);
        QMetaObject::invokeMethod(
            context, [done, page] { done(page); }, Qt::QueuedConnection);
    };
}

bool TestCacheCorruption::syncAll(MovementCache& cache, QString* why)
{
    QSignalSpy finished(&cache, &MovementCache::syncFinished);
    QSignalSpy failed(&cache, &MovementCache::syncFailed);
    cache.sync(server(), QStringLiteral("FAR001"), m_from, m_to, true);
    if (!QTest::qWaitFor([&] { return !finished.isEmpty() || !failed.isEmpty(); }, 60000)) {
        *why = QStringLiteral("sync never finished");
        return false;
    }
    if (!failed.isEmpty()) {
        *why = QStringLiteral("sync failed: ") + failed.first().at(1).value<Error>().detail;
        return false;
    }
    std::optional<Result<MovementRows>> rows;
    cache.query(QStringLiteral("FAR001"), m_from, m_to, QString(), this,
                [&](Result<MovementRows> r) { rows = std::move(r); });
    if (!QTest::qWaitFor([&] { return rows.has_value(); }, 60000) || !rows->ok()) {
        *why = QStringLiteral("query failed");
        return false;
    }
    if (rows->value().rows.size() != serverRows) {
        *why = QStringLiteral("%1 rows after the rebuild, the server has %2")
                   .arg(rows->value().rows.size())
                   .arg(serverRows);
        return false;
    }
    return true;
}

void TestCacheCorruption::initTestCase()
{
    QVERIFY(m_dir.isValid());
    const QDateTime now = m_clock.now();
    m_to = m_clock.todayInRome();
    m_from = m_to.addDays(-10);
    for (int i = 0; i < serverRows; ++i) {
        ApiMovement a;
        a.movement.id = QStringLiteral("m%1").arg(i);
        a.movement.voucherId = QString::number(100 + i % 40);
        a.movement.structureId = QStringLiteral("FAR001");
        a.movement.createdAt = now.addSecs(-qint64(i) * 600);
        a.movement.type = i % 7 ? MovementType::Acquisto : MovementType::Cancellazione;
        a.movement.state = i % 3 ? MovementState::Confermato : MovementState::InAttesa;
        a.movement.amount = Money::fromCents(100 + i);
        a.movement.purchaseId = i % 7 ? QString() : QStringLiteral("m%1").arg(i + 1);
        a.voucherNumber = QStringLiteral("VOB%1").arg(i, 12, 10, QLatin1Char('0'));
        a.codiceFiscale = QStringLiteral("RSSMRA85T10A562S");
        m_rows << a;
    }
    m_key = CfHasher::generateKey();
    const QString path = m_dir.filePath(QStringLiteral("template.sqlite"));
    {
        MovementCache cache(m_clock);
        QSignalSpy opened(&cache, &MovementCache::opened);
        cache.open(path, m_key);
        QVERIFY(opened.wait(30000));
        QVERIFY(opened.first().at(0).toBool());
        QString why;
        QVERIFY2(syncAll(cache, &why), qPrintable(why));
    }
    QVERIFY(!QFile::exists(path + QStringLiteral("-wal")) || readFile(path + QStringLiteral("-wal")).isEmpty());
    m_clean = readFile(path);
    QVERIFY(m_clean.size() > 8192);

    // A crash image with a WAL: more rows committed, files copied while the connection is open.
    MovementCacheStore store;
    QVERIFY(store.open(path).ok());
    QList<CachedMovement> more;
    for (int i = 0; i < 400; ++i) {
        CachedMovement m;
        m.id = QStringLiteral("w%1").arg(i);
        m.structureId = QStringLiteral("FAR001");
        m.createdAt = now.addSecs(-qint64(i) * 300);
        m.code = QStringLiteral("VOW%1").arg(i);
        m.amountCents = 1 + i;
        more << m;
        if (more.size() == 50) {
            QVERIFY(store.insert(more).ok());
            more.clear();
        }
    }
    m_walMain = readFile(path);
    m_wal = readFile(path + QStringLiteral("-wal"));
    QVERIFY(m_wal.size() > 4096);
    store.close();
}

void TestCacheCorruption::corruptedFilesAreSetAsideAndRebuilt()
{
    const quint32 seed = campaignSeed();
    bool ok = false;
    int cases = qEnvironmentVariableIntValue("SINFONIA_T12_CORRUPTIONS", &ok);
    if (!ok || cases <= 0)
        cases = 42;
    qInfo("T12 corruption campaign: %d files, seed %u (SINFONIA_TEST_SEED=%u replays it)", cases, seed, seed);
    QRandomGenerator rng(seed);
    const CacheFileSamples samples {m_clean, m_walMain, m_wal};
    int setAside = 0;
    int recovered = 0;
    for (int c = 0; c < cases; ++c) {
        const int kind = c % damageKinds;
        QDir caseDir(m_dir.filePath(QStringLiteral("case-%1").arg(c)));
        QVERIFY(caseDir.mkpath(QStringLiteral(".")));
        const QString path = caseDir.filePath(QStringLiteral("movements.sqlite"));
        const DamagedFile damaged = damage(kind, samples, rng);
        const QByteArray& main = damaged.main;
        const QByteArray& wal = damaged.wal;
        QVERIFY(writeFile(path, main));
        if (!wal.isEmpty())
            QVERIFY(writeFile(path + QStringLiteral("-wal"), wal));
        const QString what
            = QStringLiteral("case %1 (%2), seed %3").arg(c).arg(QLatin1String(damageName(kind))).arg(seed);

        MovementCache cache(m_clock);
        QSignalSpy opened(&cache, &MovementCache::opened);
        cache.open(path, m_key);
        QVERIFY2(opened.wait(30000), qPrintable(what));
        QVERIFY2(opened.first().at(0).toBool(), qPrintable(what + QStringLiteral(": did not open")));
        const bool rebuilt = opened.first().at(1).toBool();
        const QStringList aside = caseDir.entryList({QStringLiteral("movements.sqlite.corrupt-*")}, QDir::Files);
        if (rebuilt) {
            ++setAside;
            QVERIFY2(!aside.isEmpty(), qPrintable(what + QStringLiteral(": rebuilt but nothing set aside")));
        } else {
            ++recovered;
            QVERIFY2(aside.isEmpty(), qPrintable(what));
            const QString check = integrityCheck(path, true);
            QVERIFY2(check == QLatin1String("ok"),
                     qPrintable(what + QStringLiteral(": damage not detected, integrity_check: ") + check.left(300)));
        }
        QString why;
        QVERIFY2(syncAll(cache, &why), qPrintable(what + QStringLiteral(": ") + why));
    }
    qInfo("T12 corruption campaign: %d files, %d detected and set aside, %d recovered by SQLite and checked, "
          "all rebuilt; seed %u",
          cases, setAside, recovered, seed);
}

QTEST_GUILESS_MAIN(TestCacheCorruption)
#include "tst_cache_corruption.moc"
