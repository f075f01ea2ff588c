// sinfonia-server: the reference implementation of docs/api/openapi.yaml. Builds every service once
// (database, ledger, auth, idempotency, clock) and serves them over cpp-httplib until SIGINT/SIGTERM.

#include "server/auth/BearerAuth.h"
#include "server/auth/OAuthRoutes.h"
#include "server/http/AdminServer.h"
#include "server/http/HttpServer.h"
#include "server/http/Metrics.h"
#include "server/http/ServerContext.h"
#include "server/ledger/AuthStore.h"
#include "server/ledger/Database.h"
#include "server/ledger/DemoData.h"
#include "server/ledger/IdempotencyStore.h"
#include "server/ledger/LedgerService.h"
#include "server/ledger/SmsSender.h"
#include "server/sandbox/SandboxRoutes.h"
#include "server/sandbox/SwitchableClock.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QFile>
#include <QRandomGenerator>
#include <QTextStream>
#include <atomic>
#include <chrono>
#include <condition_variable>
#include <csignal>
#include <cstdio>
#include <mutex>
#include <pthread.h>
#include <thread>

using namespace sinfonia;

namespace {

int fail(const QString& message)
{
    QTextStream(stderr) << "sinfonia-server: " << message << Qt::endl;
    return 1;
}

bool splitListen(const QString& listen, QString& host, int& port)
{
    const int colon = listen.lastIndexOf(QLatin1Char(':'));
    if (colon <= 0)
        return false;
    host = listen.left(colon);
    if (host.startsWith(QLatin1Char('[')) && host.endsWith(QLatin1Char(']')))
        host = host.mid(1, host.size() - 2);
    bool ok = false;
    port = listen.mid(colon + 1).toInt(&ok);
    return ok && port >= 0 && port <= 65535 && !host.isEmpty();
}

} // namespace

int main(int argc, char* argv[])
{
    // Block the stop signals in every thread; one thread waits for them and stops the server.
    sigset_t stopSignals;
    sigemptyset(&stopSignals);
    sigaddset(&stopSignals, SIGINT);
    sigaddset(&stopSignals, SIGTERM);
    pthread_sigmask(SIG_BLOCK, &stopSignals, nullptr);
    std::signal(SIGPIPE, SIG_IGN);

    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("sinfonia-server"));
    QCoreApplication::setApplicationVersion(QStringLiteral(SINFONIA_VERSION));

    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("SINFONIA Banco central service (reference implementation)."));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption listenOpt(QStringLiteral("listen"), QStringLiteral("Address to listen on (port 0 = any)."),
                                       QStringLiteral("host:port"), QStringLiteral("127.0.0.1:8080"));
    const QCommandLineOption dbOpt(QStringLiteral("db"),
                                   QStringLiteral("SQLite file, postgresql:// URL or libpq keyword string."),
                                   QStringLiteral("location"), QStringLiteral("sinfonia.sqlite"));
    const QCommandLineOption sandboxOpt(QStringLiteral("sandbox"),
                                        QStringLiteral("Sandbox mode: test identities, SMS outbox, settable clock."));
    const QCommandLineOption migrateOnlyOpt(
        QStringLiteral("migrate-only"),
        QStringLiteral("Bring the database schema to the latest version, then exit (install, upgrade)."));
    const QCommandLineOption demoOpt(QStringLiteral("init-demo"),
                                     QStringLiteral("Seed the demo data if the database is empty."));
    const QCommandLineOption bulkOpt(QStringLiteral("bulk-seed"),
                                     QStringLiteral("Seed the benchmark structure BENCH01 with N vouchers."),
                                     QStringLiteral("N"));
    const QCommandLineOption certOpt(QStringLiteral("tls-cert"), QStringLiteral("PEM certificate (enables HTTPS)."),
                                     QStringLiteral("file"));
    const QCommandLineOption keyOpt(QStringLiteral("tls-key"), QStringLiteral("PEM private key."),
                                    QStringLiteral("file"));
    const QCommandLineOption threadsOpt(QStringLiteral("threads"), QStringLiteral("Worker threads."),
                                        QStringLiteral("N"), QStringLiteral("16"));
    const QCommandLineOption publicOpt(QStringLiteral("public-url"),
                                       QStringLiteral("Absolute base URL clients use (default: the bound address)."),
                                       QStringLiteral("url"));
    const QCommandLineOption syncOpt(
        QStringLiteral("sqlite-synchronous"),
        QStringLiteral("SQLite commit durability: full (default; survives power loss) or normal (WAL: survives a "
                       "process crash, the last commits may be lost on power loss; fewer fsyncs)."),
        QStringLiteral("full|normal"), QStringLiteral("full"));
    const QCommandLineOption adminOpt(
        QStringLiteral("admin-listen"),
        QStringLiteral("Address of the operations listener (/readyz, /metrics, /healthz; plain HTTP). Without it "
                       "/readyz and /metrics are not served at all."),
        QStringLiteral("host:port"));
    const QCommandLineOption grantOpt(QStringLiteral("grant-lifetime-hours"),
                                      QStringLiteral("Absolute lifetime of a login: refreshes never extend it."),
                                      QStringLiteral("hours"), QStringLiteral("12"));
    const QCommandLineOption headOpt(
        QStringLiteral("head-timeout"),
        QStringLiteral("Seconds a client has to send a whole request head, from its first byte (plain HTTP)."),
        QStringLiteral("seconds"), QStringLiteral("10"));
    const QCommandLineOption perAddressOpt(
        QStringLiteral("max-connections-per-address"),
        QStringLiteral("Open connections allowed per client address; one more gets 503 at once (plain HTTP; 0 = no "
                       "cap)."),
        QStringLiteral("N"), QStringLiteral("256"));
    // Issue 10: audit trail and lookup throttle.
    const QCommandLineOption auditKeyOpt(
        QStringLiteral("audit-key-file"),
        QStringLiteral("File with the secret key (at least 32 bytes) of the keyed hashes of beneficiary codici fiscali "
                       "in the audit trail. Required without --sandbox; the sandbox makes a random one per start."),
        QStringLiteral("path"));
    const QCommandLineOption burstOpt(QStringLiteral("lookup-burst"),
                                      QStringLiteral("Beneficiary lookups an operator may make at once (0 = no limit, "
                                                     "for benchmarks)."),
                                      QStringLiteral("N"), QStringLiteral("30"));
    const QCommandLineOption rateOpt(QStringLiteral("lookup-per-minute"),
                                     QStringLiteral("Sustained beneficiary lookups per operator and minute (0 = no "
                                                    "limit)."),
                                     QStringLiteral("N"), QStringLiteral("10"));
    const QCommandLineOption retentionOpt(QStringLiteral("audit-retention-months"),
                                          QStringLiteral("Months the audit trail is kept; older rows are purged at "
                                                         "start and daily."),
                                          QStringLiteral("months"), QStringLiteral("24"));
    parser.addOptions({listenOpt, dbOpt, migrateOnlyOpt, sandboxOpt, demoOpt, bulkOpt, certOpt, keyOpt, threadsOpt,
                       publicOpt, syncOpt, adminOpt, grantOpt, headOpt, perAddressOpt, auditKeyOpt, burstOpt, rateOpt,
                       retentionOpt});
    parser.process(app);

    QString host;
    int port = 0;
    if (!splitListen(parser.value(listenOpt), host, port))
        return fail(QStringLiteral("--listen wants host:port, e.g. 127.0.0.1:0"));
    bool threadsOk = false;
    const int threads = parser.value(threadsOpt).toInt(&threadsOk);
    if (!threadsOk || threads < 1 || threads > 512)
        return fail(QStringLiteral("--threads wants a number between 1 and 512"));
    if (parser.isSet(certOpt) != parser.isSet(keyOpt))
        return fail(QStringLiteral("--tls-cert and --tls-key go together"));
    const bool sandboxMode = parser.isSet(sandboxOpt);
    if (parser.isSet(demoOpt) && !sandboxMode)
        return fail(QStringLiteral("--init-demo works only with --sandbox: demo data and test identities never go "
                                   "into a production database"));
    if (parser.isSet(bulkOpt) && !sandboxMode)
        return fail(QStringLiteral("--bulk-seed works only with --sandbox (it adds a test identity)"));
    QString adminHost;
    int adminPort = 0;
    if (parser.isSet(adminOpt) && !splitListen(parser.value(adminOpt), adminHost, adminPort))
        return fail(QStringLiteral("--admin-listen wants host:port, e.g. 127.0.0.1:9090"));
    bool headOk = false;
    const int headTimeout = parser.value(headOpt).toInt(&headOk);
    if (!headOk || headTimeout < 1 || headTimeout > 300)
        return fail(QStringLiteral("--head-timeout wants a number of seconds between 1 and 300"));
    bool capOk = false;
    const int perAddress = parser.value(perAddressOpt).toInt(&capOk);
    if (!capOk || perAddress < 0 || perAddress > 100000)
        return fail(QStringLiteral("--max-connections-per-address wants a number from 0 (no cap) to 100000"));
    bool grantOk = false;
    const int grantHours = parser.value(grantOpt).toInt(&grantOk);
    if (!grantOk || grantHours < 1 || grantHours > 24 * 31)
        return fail(QStringLiteral("--grant-lifetime-hours wants a number of hours between 1 and 744"));

    ledger::LedgerOptions ledgerOptions;
    {
        bool ok1 = false;
        bool ok2 = false;
        bool ok3 = false;
        ledgerOptions.audit.lookupBurst = parser.value(burstOpt).toInt(&ok1);
        ledgerOptions.audit.lookupPerMinute = parser.value(rateOpt).toInt(&ok2);
        ledgerOptions.audit.retentionMonths = parser.value(retentionOpt).toInt(&ok3);
        if (!ok1 || ledgerOptions.audit.lookupBurst < 0 || ledgerOptions.audit.lookupBurst > 100000)
            return fail(QStringLiteral("--lookup-burst wants a number from 0 (no limit) to 100000"));
        if (!ok2 || ledgerOptions.audit.lookupPerMinute < 0 || ledgerOptions.audit.lookupPerMinute > 100000)
            return fail(QStringLiteral("--lookup-per-minute wants a number from 0 (no limit) to 100000"));
        if (!ok3 || ledgerOptions.audit.retentionMonths < 1 || ledgerOptions.audit.retentionMonths > 1200)
            return fail(QStringLiteral("--audit-retention-months wants a number of months between 1 and 1200"));
        if (parser.isSet(auditKeyOpt)) {
            QFile keyFile(parser.value(auditKeyOpt));
            if (!keyFile.open(QIODevice::ReadOnly))
                return fail(QStringLiteral("cannot read --audit-key-file ") + parser.value(auditKeyOpt));
            ledgerOptions.audit.cfKey = keyFile.readAll().trimmed();
            if (ledgerOptions.audit.cfKey.size() < 32)
                return fail(QStringLiteral("--audit-key-file must hold at least 32 bytes of secret"));
        } else if (sandboxMode) {
            // The sandbox's hashes only need to be stable within one run.
            ledgerOptions.audit.cfKey.resize(32);
            QRandomGenerator::system()->fillRange(reinterpret_cast<quint32*>(ledgerOptions.audit.cfKey.data()), 8);
        } else if (!parser.isSet(migrateOnlyOpt)) {
            // --migrate-only serves nothing and hashes nothing.
            return fail(QStringLiteral("--audit-key-file is required without --sandbox (see docs/deployment.md)"));
        }
    }

    const QString sync = parser.value(syncOpt);
    if (sync != QLatin1String("full") && sync != QLatin1String("normal"))
        return fail(QStringLiteral("--sqlite-synchronous wants full or normal"));
    ledger::Database::Options dbOptions;
    dbOptions.durableCommits = sync == QLatin1String("full");

    sandbox::SwitchableClock clock;
    auto opened = ledger::Database::open(parser.value(dbOpt), dbOptions);
    if (!opened)
        return fail(QStringLiteral("cannot open the database: ") + opened.error().detail);
    std::unique_ptr<ledger::Database> db = std::move(opened).value();
    if (auto m = db->migrate(); !m)
        return fail(QStringLiteral("migration failed: ") + m.error().detail);
    if (auto m = db->claimMode(sandboxMode ? QStringLiteral("sandbox") : QStringLiteral("production")); !m)
        return fail(QStringLiteral("database refused: ") + m.error().detail);
    if (parser.isSet(migrateOnlyOpt)) {
        QTextStream(stderr) << "sinfonia-server: database " << db->displayLocation() << " migrated" << Qt::endl;
        return 0;
    }

    ledger::DemoData demo(*db, clock);
    if (parser.isSet(demoOpt)) {
        if (auto s = demo.seed(); !s)
            return fail(QStringLiteral("demo seed failed: ") + s.error().detail);
    }
    if (parser.isSet(bulkOpt)) {
        const int n = parser.value(bulkOpt).toInt();
        if (auto s = demo.seedBulk(n, n * 10); !s)
            return fail(QStringLiteral("bulk seed failed: ") + s.error().detail);
    }

    // Without a real SMS gateway every message goes to the outbox table; only the sandbox shows it.
    ledger::OutboxSmsSender sms(*db, clock);
    ledger::LedgerService ledgerService(*db, clock, sms, ledgerOptions);
    if (auto purged = ledgerService.purgeAudit(); !purged)
        QTextStream(stderr) << "sinfonia-server: audit purge failed: " << purged.error().detail << Qt::endl;
    ledger::AuthStore::Options authOptions;
    authOptions.codeTtlSecs = 60;
    authOptions.accessTtlSecs = 15 * 60;
    authOptions.refreshTtlSecs = 12 * 3600;
    authOptions.grantLifetimeSecs = grantHours * 3600;
    ledger::AuthStore authStore(*db, clock, authOptions);
    ledger::IdempotencyStore idempotency(*db, clock);
    (void)idempotency.purgeExpired();
    http::Metrics metrics;
    auth::BearerAuth bearer(authStore, clock);

    http::ServerContext ctx {.db = *db,
                             .ledger = ledgerService,
                             .auth = authStore,
                             .idempotency = idempotency,
                             .clock = clock,
                             .metrics = metrics,
                             .authenticator = bearer,
                             .sandbox = sandboxMode,
                             .publicUrl = QString(),
                             .version = QStringLiteral(SINFONIA_VERSION),
                             .crashAfterCommitRoute = QString()};

    if (sandboxMode)
        ctx.crashAfterCommitRoute = qEnvironmentVariable("SINFONIA_SANDBOX_CRASH_AFTER_COMMIT");

    http::HttpServer::Options options;
    options.threads = threads;
    options.headTimeoutSecs = headTimeout;
    options.maxConnectionsPerAddress = perAddress;
    options.tlsCert = parser.value(certOpt);
    options.tlsKey = parser.value(keyOpt);
    http::HttpServer server(ctx, options);
    if (!server.isValid())
        return fail(QStringLiteral("cannot load the TLS certificate or key"));
    // The layers above http/ add their routes here, so http/ includes neither auth/ nor sandbox/.
    auth::OAuthRoutes::install(server.router(), ctx, bearer);
    if (sandboxMode)
        sandbox::SandboxRoutes::install(server.router(), ctx, clock, &sms);
    const int bound = server.bind(host, port);
    if (bound <= 0)
        return fail(QStringLiteral("cannot listen on ") + parser.value(listenOpt));

    std::unique_ptr<http::AdminServer> admin;
    if (parser.isSet(adminOpt)) {
        admin = std::make_unique<http::AdminServer>(ctx);
        const int adminBound = admin->bind(adminHost, adminPort);
        if (adminBound <= 0)
            return fail(QStringLiteral("cannot listen on ") + parser.value(adminOpt));
        const QString adminHostPart
            = adminHost.contains(QLatin1Char(':')) ? QLatin1Char('[') + adminHost + QLatin1Char(']') : adminHost;
        std::printf("admin listening on http://%s:%d\n", adminHostPart.toUtf8().constData(), adminBound);
    }

    const QString scheme = server.isTls() ? QStringLiteral("https") : QStringLiteral("http");
    const QString hostPart = host.contains(QLatin1Char(':')) ? QLatin1Char('[') + host + QLatin1Char(']') : host;
    const QString bindUrl = scheme + QStringLiteral("://") + hostPart + QLatin1Char(':') + QString::number(bound);
    ctx.publicUrl = parser.isSet(publicOpt) ? parser.value(publicOpt) : bindUrl;
    while (ctx.publicUrl.endsWith(QLatin1Char('/')))
        ctx.publicUrl.chop(1);

    std::thread adminThread;
    if (admin)
        adminThread = std::thread([&admin] { admin->serve(); });
    // The stopper is joined before anything it touches is destroyed: when serve() ends for another
    // reason, the stopper is woken with a signal of its own (a detached stopper could still be in
    // stop() while main() destroys the servers).
    std::atomic_bool stopRequested = false;
    std::thread stopper([&server, &admin, &stopRequested, stopSignals] {
        int sig = 0;
        sigwait(&stopSignals, &sig);
        if (stopRequested.exchange(true))
            return; // woken by main() after serve() ended
        if (admin)
            admin->stop();
        server.stop();
    });

    // Idempotency keys are kept 48 hours; purge older ones every hour (any process may do it).
    std::mutex purgeMutex;
    std::condition_variable purgeWake;
    bool stopping = false;
    std::thread purger([&] {
        std::unique_lock lock(purgeMutex);
        int hours = 0;
        while (!purgeWake.wait_for(lock, std::chrono::hours(1), [&] { return stopping; })) {
            (void)idempotency.purgeExpired();
            // The audit trail past its retention, once a day.
            if (++hours % 24 == 0) {
                if (auto purged = ledgerService.purgeAudit(); !purged)
                    QTextStream(stderr) << "sinfonia-server: audit purge failed: " << purged.error().detail << Qt::endl;
            }
        }
    });

    std::printf("listening on %s\n", bindUrl.toUtf8().constData());
    std::fflush(stdout);
    QTextStream(stderr) << "sinfonia-server " << ctx.version << (ctx.sandbox ? " (sandbox)" : "") << " on " << bindUrl
                        << ", database " << db->displayLocation() << Qt::endl;
    const bool ok = server.serve();
    {
        std::lock_guard lock(purgeMutex);
        stopping = true;
    }
    purgeWake.notify_all();
    purger.join();
    if (!stopRequested.exchange(true))
        pthread_kill(stopper.native_handle(), SIGTERM);
    stopper.join();
    if (admin) {
        admin->stop();
        adminThread.join();
    }
    return ok ? 0 : 1;
}
