// T12 "rebuilt from the server" with the real server (reliability.md): movement cache files damaged
// in the ways of tst_cache_corruption (truncated, random bytes, a torn or garbled WAL, a wrong
// header, a zeroed page, garbage) are opened through MovementCache as at start-up, then a full sync
// through ApiClient from a real sandbox sinfonia-server (--init-demo, plus movements made here)
// must leave exactly the server's movements of the period: the same ids, states and amounts as
// the server's own movement list. Every file must open without a crash; a damaged one is set aside
// (".corrupt-*") or, when SQLite legitimately recovers it, passes integrity_check.
// SINFONIA_T12_SERVER_CORRUPTIONS sets the count (14 here), SINFONIA_TEST_SEED the seed (printed).
#include "CampaignSupport.h"
#include "core/domain/VoucherRules.h"
#include "core/services/cache/CfHasher.h"
#include "core/services/cache/MovementCache.h"
#include "core/services/cache/MovementCacheStore.h"
#include "tests/services/ServerTestBase.h"
#include "tests/support/HttpClient.h"

#include <QDir>
#include <QFile>
#include <QGuiApplication>
#include <QMap>
#include <QRandomGenerator>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace sinfonia;
using namespace sinfonia::test;

namespace {

// "id state amount" of every movement, keyed by id: what the list shows and the summary adds up.
using Rows = QMap<QString, QString>;
} // namespace

class TestCacheRebuildServer : public ServerTestBase
{
    Q_OBJECT
private Q_SLOTS:
    void corruptedCachesAreRebuiltFromTheServer();

private:
    Rows serverRows(QDate from, QDate to);
    bool rebuild(MovementCache& cache, QDate from, QDate to, Rows* rows, QString* why);
};

Rows TestCacheRebuildServer::serverRows(QDate from, QDate to)
{
    Rows rows;
    QString cursor;
    do {
        auto page = wait<MovementPage>([&](auto done) {
            m_api->movements(QStringLiteral("FAR001"), MovementFilter {from, to, {}, 200}, cursor, this, done);
        });
        if (!page.ok())
            return {};
        for (const ApiMovement& m : page->items)
            rows.insert(m.movement.id,
                        QStringLiteral("%1 %2").arg(toWire(m.movement.state)).arg(m.movement.amount.cents()));
        cursor = page->nextCursor;
    } while (!cursor.isEmpty());
    return rows;
}

bool TestCacheRebuildServer::rebuild(MovementCache& cache, QDate from, QDate to, Rows* rows, QString* why)
{
    QSignalSpy finished(&cache, &MovementCache::syncFinished);
    QSignalSpy failed(&cache, &MovementCache::syncFailed);
    cache.sync(m_api, QStringLiteral("FAR001"), from, to, true);
    if (!QTest::qWaitFor([&] { return !finished.isEmpty() || !failed.isEmpty(); }, 60000)) {
        *why = QStringLiteral("sync never finished");
        return false;
    }
    if (!failed.isEmpty()) {
        *why = QStringLiteral("sync failed: ") + failed.first().at(1).value<Error>().detail;
        return false;
    }
    std::optional<Result<MovementRows>> result;
    cache.query(QStringLiteral("FAR001"), from, to, QString(), this,
                [&](Result<MovementRows> r) { result = std::move(r); });
    if (!QTest::qWaitFor([&] { return result.has_value(); }, 60000) || !result->ok()) {
        *why = QStringLiteral("query failed");
        return false;
    }
    rows->clear();
    for (const CachedMovement& m : result->value().rows)
        rows->insert(m.id, QStringLiteral("%1 %2").arg(toWire(m.state)).arg(m.amountCents));
    return true;
}

void TestCacheRebuildServer::corruptedCachesAreRebuiltFromTheServer()
{
    const quint32 seed = campaignSeed();
    bool ok = false;
    int cases = qEnvironmentVariableIntValue("SINFONIA_T12_SERVER_CORRUPTIONS", &ok);
    if (!ok || cases <= 0)
        cases = 14;
    qInfo("T12 rebuild from the real server: %d files, seed %u (SINFONIA_TEST_SEED=%u replays it)", cases, seed, seed);
    QRandomGenerator rng(seed);
    QVERIFY(login());

    // Movements of today besides the demo data (pending purchases of a few cents), so the cache
    // file has pages enough for every kind of damage.
    QString cf;
    const auto voucher = activeVoucher(&cf);
    QVERIFY(voucher.has_value());
    const ReceiptFile receipt {"image/png", HttpClient::samplePng()};
    for (int i = 0; i < 60; ++i) {
        auto made = wait<MovementWithChallenge>([&](auto done) {
            m_api->createPurchase(QStringLiteral("FAR001"), voucher->voucher.id, Money::fromCents(1 + i % 20), {},
                                  receipt, this, done);
        });
        QVERIFY2(made.ok(), qPrintable(made.ok() ? QString() : made.error().message));
    }
    const auto period = VoucherRules::lastThreeMonths(m_clock);
    const Rows truth = serverRows(period.from, period.to);
    QVERIFY2(truth.size() >= 10, "the server lists almost no movements");

    // The clean cache, synced from the server and closed (checkpointed), and a crash image with a WAL.
    QTemporaryDir dir;
    const QByteArray key = CfHasher::generateKey();
    const QString templatePath = dir.filePath(QStringLiteral("template.sqlite"));
    {
        MovementCache cache(m_clock);
        QSignalSpy opened(&cache, &MovementCache::opened);
        cache.open(templatePath, key);
        QVERIFY(opened.wait(30000));
        QVERIFY(opened.first().at(0).toBool());
        Rows rows;
        QString why;
        QVERIFY2(rebuild(cache, period.from, period.to, &rows, &why), qPrintable(why));
        QCOMPARE(rows, truth);
    }
    const QByteArray clean = readFile(templatePath);
    QVERIFY(clean.size() >= 8192);
    QByteArray walMain;
    QByteArray wal;
    {
        MovementCacheStore store;
        QVERIFY(store.open(templatePath).ok());
        QList<CachedMovement> more;
        for (int i = 0; i < 200; ++i) {
            CachedMovement m;
            m.id = QStringLiteral("stale-%1").arg(i); // rows the server does not have: the rebuild drops them
            m.structureId = QStringLiteral("FAR001");
            m.createdAt = m_clock.now().addSecs(-qint64(i) * 300);
            m.code = QStringLiteral("VOW%1").arg(i);
            m.amountCents = 1 + i;
            more << m;
            if (more.size() == 50) {
                QVERIFY(store.insert(more).ok());
                more.clear();
            }
        }
        walMain = readFile(templatePath);
        wal = readFile(templatePath + QStringLiteral("-wal"));
        QVERIFY(wal.size() > 4096);
        store.close();
    }

    const CacheFileSamples samples {clean, walMain, wal};
    int setAside = 0;
    int recovered = 0;
    for (int c = 0; c < cases; ++c) {
        const int kind = c % damageKinds;
        QDir caseDir(dir.filePath(QStringLiteral("case-%1").arg(c)));
        QVERIFY(caseDir.mkpath(QStringLiteral(".")));
        const QString path = caseDir.filePath(QStringLiteral("movements.sqlite"));
        const DamagedFile damaged = damage(kind, samples, rng);
        const QByteArray& main = damaged.main;
        const QByteArray& walBytes = damaged.wal;
        QVERIFY(writeFile(path, main));
        if (!walBytes.isEmpty())
            QVERIFY(writeFile(path + QStringLiteral("-wal"), walBytes));
        const QString what
            = QStringLiteral("case %1 (%2), seed %3").arg(c).arg(QLatin1String(damageName(kind))).arg(seed);

        MovementCache cache(m_clock);
        QSignalSpy opened(&cache, &MovementCache::opened);
        cache.open(path, key);
        QVERIFY2(opened.wait(30000), qPrintable(what));
        QVERIFY2(opened.first().at(0).toBool(), qPrintable(what + QStringLiteral(": did not open")));
        const bool rebuilt = opened.first().at(1).toBool();
        const QStringList aside = caseDir.entryList({QStringLiteral("movements.sqlite.corrupt-*")}, QDir::Files);
        if (rebuilt) {
            ++setAside;
            QVERIFY2(!aside.isEmpty(), qPrintable(what + QStringLiteral(": rebuilt but nothing set aside")));
        } else {
            ++recovered;
            const QString check = integrityCheck(path, true);
            QVERIFY2(check == QLatin1String("ok"),
                     qPrintable(what + QStringLiteral(": damage not detected, integrity_check: ") + check.left(300)));
        }
        Rows rows;
        QString why;
        QVERIFY2(rebuild(cache, period.from, period.to, &rows, &why), qPrintable(what + QStringLiteral(": ") + why));
        QVERIFY2(rows == truth,
                 qPrintable(what
                            + QStringLiteral(": %1 rows after the rebuild, the server lists %2")
                                  .arg(rows.size())
                                  .arg(truth.size())));
    }
    qInfo("T12 rebuild from the real server: %d files, %d detected and set aside, %d recovered by SQLite and "
          "checked, all rebuilt to the server's %lld movements (ids, states, amounts); seed %u",
          cases, setAside, recovered, static_cast<long long>(truth.size()), seed);
}

int main(int argc, char** argv)
{
    QGuiApplication app(argc, argv); // QDesktopServices lives in Gui
    TestCacheRebuildServer t;
    QTEST_SET_MAIN_SOURCE_PATH
    return QTest::qExec(&t, argc, argv);
}
#include "tst_cache_rebuild_server.moc"
