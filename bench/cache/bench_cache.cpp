// Movement cache sync benchmark: N movements from a real sinfonia-server (seeded with --bulk-seed)
// or from in-memory JSON pages, synced through MovementCache (page decode + worker-thread batch
// inserts), against `sqlite3 .import` of the same rows as CSV into the same schema.
//
//   bench_cache [--rows N] [--source auto|server|json] [--server-bin PATH] [--json OUT] [--quick]
#include "core/domain/Clock.h"
#include "core/domain/VoucherRules.h"
#include "core/services/auth/LoginFlow.h"
#include "core/services/auth/Session.h"
#include "core/services/auth/TokenStore.h"
#include "core/services/cache/CfHasher.h"
#include "core/services/cache/MovementCache.h"
#include "core/services/net/ApiClient.h"
#include "core/services/net/ApiDecode.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTextStream>
#include <QTimer>
#include <cstdio>
#include <functional>
#include <optional>
#include <sys/resource.h>

using namespace sinfonia;

namespace {

// Sleeps in the event loop until done() or the timeout: processEvents(flags, maxtime) returns at
// once when nothing is pending, and a loop around it kept a core busy (counted as client CPU and
// taken from the server and the cache thread on a 2-core machine).
bool waitFor(const std::function<bool()>& done, int ms)
{
    QElapsedTimer t;
    t.start();
    QTimer tick; // wakes the loop to look at done() and the clock
    tick.start(10);
    while (!done() && t.elapsed() < ms)
        QCoreApplication::processEvents(QEventLoop::AllEvents | QEventLoop::WaitForMoreEvents);
    return done();
}

// In-memory server pages: the same JSON shape as GET .../movements, decoded on every fetch.
QList<QByteArray> makeJsonPages(const Clock& clock, int rows, int pageSize)
{
    QList<QByteArray> pages;
    const QDateTime now = clock.now();
    // Like the server's bulk data: integer ids newest first, 10,000 beneficiaries.
    QStringList cfs;
    for (int i = 0; i < 10000; ++i)
        cfs << QStringLiteral("B%1MRA80A41F839X").arg(i, 4, 10, QLatin1Char('0')).left(16);
    for (int start = 0; start < rows; start += pageSize) {
        QJsonArray items;
        for (int i = start; i < qMin(rows, start + pageSize); ++i) {
            items.append(QJsonObject {{QStringLiteral("id"), QString::number(rows - i)},
                                      {QStringLiteral("voucherId"), QString::number(100 + i % 10000)},
                                      {QStringLiteral("voucherNumber"),
                                       QStringLiteral("VOB%1").arg(100 + i % 10000, 12, 10, QLatin1Char('0'))},
                                      {QStringLiteral("codiceFiscale"), cfs.at((i * 7919) % cfs.size())},
                                      {QStringLiteral("structureId"), QStringLiteral("BENCH01")},
                                      {QStringLiteral("merchantName"), QStringLiteral("Farmacia Benchmark")},
                                      {QStringLiteral("createdAt"), now.addSecs(-60LL * i).toString(Qt::ISODate)},
                                      {QStringLiteral("type"), QStringLiteral("ACQUISTO")},
                                      {QStringLiteral("state"), QStringLiteral("CONFERMATO")},
                                      {QStringLiteral("amountCents"), 100 + i % 5000},
                                      {QStringLiteral("purchaseId"), QJsonValue::Null},
                                      {QStringLiteral("hasReceipt"), true},
                                      {QStringLiteral("actions"),
                                       QJsonObject {{QStringLiteral("viewReceipt"), true},
                                                    {QStringLiteral("authorize"), false},
                                                    {QStringLiteral("cancel"), false},
                                                    {QStringLiteral("cancellableCents"), 0}}}});
        }
        const bool last = start + pageSize >= rows;
        pages.append(QJsonDocument(QJsonObject {{QStringLiteral("items"), items},
                                                {QStringLiteral("nextCursor"),
                                                 last ? QJsonValue(QJsonValue::Null)
                                                      : QJsonValue(QString::number(pages.size() + 1))}})
                         .toJson(QJsonDocument::Compact));
    }
    return pages;
}

// CPU seconds (user + system) of a process from /proc (Linux); 0 when unreadable. With the machine
// shared, CPU per row is the figure that does not drift with the load; wall time does.
double processCpuSeconds(qint64 pid)
{
    QFile f(QStringLiteral("/proc/%1/stat").arg(pid));
    if (!f.open(QIODevice::ReadOnly))
        return 0;
    const QByteArray line = f.readAll();
    const QList<QByteArray> fields = line.mid(line.lastIndexOf(')') + 2).split(' ');
    // After the name: state(0) ... utime is field 14 of stat, index 11 here; stime 12.
    if (fields.size() < 13)
        return 0;
    return double(fields.at(11).toLongLong() + fields.at(12).toLongLong()) / 100.0;
}

double selfCpuSeconds()
{
    rusage u {};
    getrusage(RUSAGE_SELF, &u);
    return double(u.ru_utime.tv_sec + u.ru_stime.tv_sec) + double(u.ru_utime.tv_usec + u.ru_stime.tv_usec) / 1e6;
}

struct ServerProcess
{
    QProcess process;
    QUrl baseUrl;
    bool start(const QString& bin, const QString& dbPath, int bulkVouchers)
    {
        process.setProcessChannelMode(QProcess::SeparateChannels);
        process.start(bin,
                      {QStringLiteral("--listen"), QStringLiteral("127.0.0.1:0"), QStringLiteral("--db"), dbPath,
                       QStringLiteral("--sandbox"), QStringLiteral("--init-demo"), QStringLiteral("--bulk-seed"),
                       QString::number(bulkVouchers)});
        if (!process.waitForStarted(10000))
            return false;
        QByteArray out;
        QElapsedTimer t;
        t.start();
        while (!out.contains('\n') && t.elapsed() < 300000) {
            process.waitForReadyRead(1000);
            out += process.readAllStandardOutput();
            if (process.state() != QProcess::Running)
                return false;
        }
        const QByteArray line = out.left(out.indexOf('\n')).trimmed();
        if (!line.startsWith("listening on "))
            return false;
        baseUrl = QUrl(QString::fromLatin1(line.mid(13)));
        return baseUrl.isValid();
    }
    ~ServerProcess()
    {
        if (process.state() == QProcess::Running) {
            process.terminate();
            if (!process.waitForFinished(5000))
                process.kill();
            process.waitForFinished(2000);
        }
    }
};

double rate(qint64 rows, qint64 ns)
{
    return ns > 0 ? double(rows) * 1e9 / double(ns) : 0.0;
}

} // namespace

int main(int argc, char** argv)
{
    QCoreApplication app(argc, argv);
    QCommandLineParser p;
    p.addOptions(
        {{QStringLiteral("rows"), QStringLiteral("Movements to sync."), QStringLiteral("N"), QStringLiteral("100000")},
         {QStringLiteral("source"), QStringLiteral("auto, server or json."), QStringLiteral("s"),
          QStringLiteral("auto")},
         {QStringLiteral("server-bin"), QStringLiteral("sinfonia-server binary."), QStringLiteral("path")},
         {QStringLiteral("json"), QStringLiteral("Write results here."), QStringLiteral("file")},
         {QStringLiteral("quick"), QStringLiteral("10,000 rows.")}});
    p.addHelpOption();
    p.process(app);
    int rows = p.isSet(QStringLiteral("quick")) ? 10000 : p.value(QStringLiteral("rows")).toInt();
    QString source = p.value(QStringLiteral("source"));
    const QString serverBin = p.value(QStringLiteral("server-bin"));
    if (source == QLatin1String("auto"))
        source = !serverBin.isEmpty() && QFile::exists(serverBin) ? QStringLiteral("server") : QStringLiteral("json");
    QTemporaryDir dir;
    QTextStream err(stderr);

    // Source of pages.
    QNetworkAccessManager nam;
    MemoryTokenStore tokens;
    std::unique_ptr<ServerProcess> server;
    std::unique_ptr<ApiClient> api;
    std::unique_ptr<Session> session;
    QList<QByteArray> jsonPages;
    const SystemClock clock;
    const QDate today = clock.todayInRome();
    // The API serves at most 3 months per query: the sync covers 6 months in two periods.
    QList<QPair<QDate, QDate>> periods;
    if (source == QLatin1String("server")) {
        server = std::make_unique<ServerProcess>();
        // --bulk-seed N seeds N vouchers and 10 N movements over the last 6 months.
        if (!server->start(serverBin, dir.filePath(QStringLiteral("server.sqlite")), qMax(1, rows / 10))) {
            err << "bench_cache: cannot start " << serverBin << "\n";
            return 1;
        }
        api = std::make_unique<ApiClient>(&nam, server->baseUrl);
        api->setTimeoutMs(120000);
        session = std::make_unique<Session>(api.get(), &tokens, clock);
        api->setTokenProvider(session.get());
        LoginFlow flow(api.get(), session.get());
        bool ok = false;
        bool failed = false;
        QObject::connect(&flow, &LoginFlow::succeeded, &app, [&] { ok = true; });
        QObject::connect(&flow, &LoginFlow::failed, &app, [&](const Error& e) {
            err << "bench_cache: login failed: " << e.detail << "\n";
            failed = true;
        });
        flow.startSandbox(QStringLiteral("titolare-bench"));
        if (!waitFor([&] { return ok || failed; }, 60000) || !ok)
            return 1;
        const QDate from = VoucherRules::earliestSearchFrom(today);
        const QDate olderTo = from.addDays(-1);
        periods = {{VoucherRules::earliestSearchFrom(olderTo), olderTo}, {from, today}};
    } else {
        jsonPages = makeJsonPages(clock, rows, 500);
        periods = {{VoucherRules::earliestSearchFrom(today), today}};
    }

    int servedPage = 0;
    QList<ApiMovement> allRows; // kept for the insert-only and sqlite3 comparisons
    QList<QByteArray> bodies; // the server's pages as received, decoded after the timed sync
    MovementCache::PageFetcher fetcher;
    MovementCache::BodyFetcher bodyFetcher;
    if (api) {
        // What the app does (MovementCache::sync(ApiClient*)): bytes in the GUI thread, decoded in
        // the cache thread.
        bodyFetcher = [&](const MovementFilter& f, const QString& cursor, QObject* ctx,
                          std::function<void(Result<QByteArray>)> done) {
            auto* started = new QElapsedTimer;
            started->start();
            api->movementsBody(QStringLiteral("BENCH01"), f, cursor, ctx, [&, done, started](Result<QByteArray> r) {
                if (qEnvironmentVariableIsSet("BENCH_TRACE"))
                    err << "page " << started->elapsed() << " ms\n";
                delete started;
                if (r)
                    bodies += r.value();
                done(std::move(r));
            });
        };
    } else {
        fetcher
            = [&](const MovementFilter&, const QString&, QObject* ctx, std::function<void(Result<MovementPage>)> done) {
                  const QByteArray body = jsonPages.value(servedPage++);
                  QMetaObject::invokeMethod(
                      ctx,
                      [&, body, done] {
                          auto r = ApiDecode::movementPage(body);
                          if (r)
                              allRows += r->items;
                          done(std::move(r));
                      },
                      Qt::QueuedConnection);
              };
    }

    // 1. Sync through MovementCache (what the app does).
    const QByteArray key = CfHasher::generateKey();
    MovementCache cache(clock);
    bool opened = false;
    QObject::connect(&cache, &MovementCache::opened, &app, [&](bool ok, bool, const QString&) { opened = ok; });
    cache.open(dir.filePath(QStringLiteral("movements.sqlite")), key, 12);
    if (!waitFor([&] { return opened; }, 10000))
        return 1;
    int syncedRows = 0;
    bool syncDone = false;
    bool syncFailed = false;
    QObject::connect(&cache, &MovementCache::syncFinished, &app, [&](const QString&, int n, const QDateTime&) {
        syncedRows += n;
        syncDone = true;
    });
    QObject::connect(&cache, &MovementCache::syncFailed, &app, [&](const QString&, const Error& e) {
        err << "bench_cache: sync failed: " << e.detail << "\n";
        syncFailed = true;
    });
    int pages = 0;
    QObject::connect(&cache, &MovementCache::syncProgress, &app, [&](const QString&, int) { ++pages; });
    const qint64 serverPid = server ? server->process.processId() : 0;
    const double serverCpu0 = serverPid ? processCpuSeconds(serverPid) : 0;
    const double clientCpu0 = selfCpuSeconds();
    QElapsedTimer t;
    t.start();
    for (const auto& period : periods) {
        syncDone = false;
        servedPage = 0;
        if (bodyFetcher)
            cache.syncBodies(bodyFetcher, QStringLiteral("BENCH01"), period.first, period.second, true);
        else
            cache.sync(fetcher, QStringLiteral("BENCH01"), period.first, period.second, true);
        if (!waitFor([&] { return syncDone || syncFailed; }, 600000) || syncFailed)
            return 1;
    }
    const qint64 syncNs = t.nsecsElapsed();
    const double serverCpu = serverPid ? processCpuSeconds(serverPid) - serverCpu0 : 0;
    const double clientCpu = selfCpuSeconds() - clientCpu0;
    for (const QByteArray& body : std::as_const(bodies)) {
        auto page = ApiDecode::movementPage(body);
        if (!page)
            return 1;
        allRows += page->items;
    }
    bodies.clear();

    // 2. Insert only: the same rows into a fresh store (hashing + batch transactions of 500).
    MovementCacheStore store;
    if (!store.open(dir.filePath(QStringLiteral("insert-only.sqlite"))).ok())
        return 1;
    CfHasher hasher(key);
    QList<QList<CachedMovement>> batches;
    t.restart();
    if (!store.beginBulk().ok())
        return 1;
    for (int start = 0; start < allRows.size(); start += 500) {
        QList<CachedMovement> batch;
        for (const ApiMovement& a : allRows.mid(start, 500))
            batch.append(MovementCache::toCached(a, hasher));
        if (!store.insert(batch, 1).ok())
            return 1;
        batches.append(batch);
    }
    if (!store.commitBulk().ok())
        return 1;
    const qint64 insertNs = t.nsecsElapsed();
    store.close();

    // 3. sqlite3 .import of the same rows (CSV) into the same schema.
    double importRate = 0;
    const QString sqlite3 = QStandardPaths::findExecutable(QStringLiteral("sqlite3"));
    if (!sqlite3.isEmpty()) {
        const QString csvPath = dir.filePath(QStringLiteral("rows.csv"));
        QFile csv(csvPath);
        if (!csv.open(QIODevice::WriteOnly))
            return 1;
        for (const auto& batch : batches)
            for (const CachedMovement& m : batch)
                csv.write(m.id.toUtf8() + ',' + m.structureId.toUtf8() + ','
                          + QByteArray::number(m.createdAt.toMSecsSinceEpoch()) + ',' + m.code.toUtf8() + ','
                          + m.voucherId.toUtf8() + ",0,1," + QByteArray::number(m.amountCents) + ',' + m.cfHash + ','
                          + m.purchaseId.toUtf8() + ",1," + m.operatorName.toUtf8() + ','
                          + m.commercialDocument.toUtf8() + ',' + QByteArray::number(m.cancellableCents) + "\n");
        csv.close();
        const QString target = dir.filePath(QStringLiteral("import.sqlite"));
        {
            MovementCacheStore empty;
            if (!empty.open(target).ok())
                return 1;
        }
        QProcess proc;
        t.restart();
        proc.start(
            sqlite3,
            {target, QStringLiteral(".mode csv"), QStringLiteral(".import ") + csvPath + QStringLiteral(" movements")});
        proc.waitForFinished(600000);
        const qint64 importNs = t.nsecsElapsed();
        if (proc.exitCode() != 0) {
            err << "bench_cache: sqlite3 failed: " << proc.readAllStandardError() << "\n";
            return 1;
        }
        importRate = rate(allRows.size(), importNs);
    }

    const double syncRate = rate(syncedRows, syncNs);
    const double insertRate = rate(allRows.size(), insertNs);
    QJsonObject result {{QStringLiteral("benchmark"), QStringLiteral("cache")},
                        {QStringLiteral("source"), source},
                        {QStringLiteral("rows"), syncedRows},
                        {QStringLiteral("sync_seconds"), double(syncNs) / 1e9},
                        {QStringLiteral("sync_rows_per_s"), qRound(syncRate)},
                        {QStringLiteral("insert_rows_per_s"), qRound(insertRate)},
                        {QStringLiteral("sqlite3_import_rows_per_s"), qRound(importRate)},
                        {QStringLiteral("sync_vs_sqlite3_import"), importRate > 0 ? syncRate / importRate : 0.0},
                        {QStringLiteral("insert_vs_sqlite3_import"), importRate > 0 ? insertRate / importRate : 0.0},
                        {QStringLiteral("target_rows_per_s"), 100000},
                        {QStringLiteral("pages"), pages},
                        {QStringLiteral("server_cpu_us_per_row"), syncedRows ? serverCpu * 1e6 / syncedRows : 0.0},
                        {QStringLiteral("client_cpu_us_per_row"), syncedRows ? clientCpu * 1e6 / syncedRows : 0.0},
                        {QStringLiteral("sync_rows_per_cpu_s"),
                         serverCpu + clientCpu > 0 ? syncedRows / (serverCpu + clientCpu) : 0.0}};
    std::printf("%-34s %12s\n", "cache sync benchmark", qPrintable(source));
    std::printf("%-34s %12d\n", "rows synced", syncedRows);
    std::printf("%-34s %12.0f\n", "sync end-to-end rows/s", syncRate);
    std::printf("%-34s %12d\n", "pages", pages);
    std::printf("%-34s %12.1f\n", "server CPU us/row (sync)", syncedRows ? serverCpu * 1e6 / syncedRows : 0.0);
    std::printf("%-34s %12.1f\n", "client CPU us/row (sync)", syncedRows ? clientCpu * 1e6 / syncedRows : 0.0);
    std::printf("%-34s %12.0f\n", "cache insert only rows/s", insertRate);
    std::printf("%-34s %12.0f\n", "sqlite3 .import rows/s", importRate);
    std::printf("%-34s %12.2f\n", "ratio sync / .import", importRate > 0 ? syncRate / importRate : 0.0);
    std::printf("%-34s %12.2f\n", "ratio insert / .import", importRate > 0 ? insertRate / importRate : 0.0);
    if (p.isSet(QStringLiteral("json"))) {
        QFile out(p.value(QStringLiteral("json")));
        if (!out.open(QIODevice::WriteOnly))
            return 1;
        out.write(QJsonDocument(result).toJson());
    }
    return syncedRows == allRows.size() && syncedRows > 0 ? 0 : 1;
}
