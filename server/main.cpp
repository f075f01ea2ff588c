// sinfonia-server: the reference implementation of docs/api/openapi.yaml. Builds every service once
// (database, ledger, auth, idempotency, clock) and serves them over cpp-httplib until SIGINT/SIGTERM.

#include "server/ServerOptions.h"
#include "server/admin/Provisioning.h"
#include "server/auth/BearerAuth.h"
#include "server/auth/OAuthRoutes.h"
#include "server/http/AdminServer.h"
#include "server/http/GatewaySmsSender.h"
#include "server/http/HttpServer.h"
#include "server/http/Metrics.h"
#include "server/http/ServerContext.h"
#include "server/ledger/AuthStore.h"
#include "server/ledger/Database.h"
#include "server/ledger/DemoData.h"
#include "server/ledger/IdempotencyStore.h"
#include "server/ledger/LedgerService.h"
#include "server/ledger/SmsSeal.h"
#include "server/ledger/SmsSender.h"
#include "server/oidc/OidcClient.h"
#include "server/oidc/OidcLogin.h"
#include "server/sandbox/SandboxRoutes.h"
#include "server/sandbox/SwitchableClock.h"

#include <QCoreApplication>
#include <QFile>
#include <QTextStream>
#include <atomic>
#include <chrono>
#include <condition_variable>
#include <csignal>
#include <cstdio>
#include <mutex>
#include <optional>
#include <pthread.h>
#include <thread>

using namespace sinfonia;

namespace {

int fail(const QString& message)
{
    QTextStream(stderr) << "sinfonia-server: " << message << Qt::endl;
    return 1;
}

// `sinfonia-server --db LOCATION import KIND FILE.csv [--dry-run]`: provisioning from the command
// line only. The database is a production one (a sandbox database is refused by claimMode).
int runImport(ledger::Database& db, const Clock& clock, const QStringList& args, bool dryRun)
{
    if (args.size() != 3)
        return fail(QStringLiteral("usage: sinfonia-server --db LOCATION import structures|operators|beneficiaries "
                                   "FILE.csv [--dry-run]"));
    const auto kind = admin::Provisioning::kindFromName(args.at(1));
    if (!kind)
        return fail(
            QStringLiteral("import: unknown kind \"%1\": structures, operators or beneficiaries").arg(args.at(1)));
    QFile file(args.at(2));
    if (!file.open(QIODevice::ReadOnly))
        return fail(QStringLiteral("import: cannot read %1: %2").arg(args.at(2), file.errorString()));
    admin::Provisioning provisioning(db, clock);
    const auto report = provisioning.importCsv(*kind, file.readAll(), dryRun);
    QTextStream(stdout) << admin::Provisioning::format(report);
    return report.ok() ? 0 : 1;
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

    auto parsed = server::ServerOptions::parse(app);
    if (!parsed)
        return fail(parsed.error().message);
    const server::ServerOptions& o = *parsed;

    sandbox::SwitchableClock clock;
    auto opened = ledger::Database::open(o.database, o.databaseOptions);
    if (!opened)
        return fail(QStringLiteral("cannot open the database: ") + opened.error().detail);
    std::unique_ptr<ledger::Database> db = std::move(opened).value();
    if (auto m = db->migrate(); !m)
        return fail(QStringLiteral("migration failed: ") + m.error().detail);
    if (auto m = db->claimMode(o.sandbox ? QStringLiteral("sandbox") : QStringLiteral("production")); !m)
        return fail(QStringLiteral("database refused: ") + m.error().detail);
    if (!o.importArgs.isEmpty())
        return runImport(*db, clock, o.importArgs, o.dryRun);
    if (o.migrateOnly) {
        QTextStream(stderr) << "sinfonia-server: database " << db->displayLocation() << " migrated" << Qt::endl;
        return 0;
    }

    ledger::DemoData demo(*db, clock);
    if (o.initDemo) {
        if (auto s = demo.seed(); !s)
            return fail(QStringLiteral("demo seed failed: ") + s.error().detail);
    }
    if (o.bulkSeed) {
        const int n = *o.bulkSeed;
        if (auto s = demo.seedBulk(n, n * 10); !s)
            return fail(QStringLiteral("bulk seed failed: ") + s.error().detail);
    }

    // Where OTP messages go: the SMS gateway when one is configured (messages wait sealed in
    // sms_pending until it took them); else in the sandbox the outbox table GET /sandbox/outbox
    // shows; else nowhere (every send answers sms.not_sent: no code is ever kept in clear).
    std::unique_ptr<ledger::SmsSender> sms;
    ledger::OutboxSmsSender* outbox = nullptr;
    std::optional<ledger::SmsSeal> smsSeal;
    int pendingSmsMinAgeSecs = 60;
    if (o.smsGateway) {
        smsSeal = o.smsSeal;
        auto gateway = http::GatewaySmsSender::create(*o.smsGateway);
        if (!gateway)
            return fail(gateway.error().detail);
        pendingSmsMinAgeSecs = (*gateway)->worstCaseMs() / 1000 + 5;
        sms = std::move(gateway).value();
    } else if (o.sandbox) {
        auto sandboxOutbox = std::make_unique<ledger::OutboxSmsSender>(*db, clock);
        outbox = sandboxOutbox.get();
        sms = std::move(sandboxOutbox);
    } else {
        QTextStream(stderr) << "sinfonia-server: warning: no --sms-gateway-url: OTP messages cannot be sent"
                            << Qt::endl;
        sms = std::make_unique<http::NoSmsSender>();
    }
    ledger::LedgerService ledgerService(*db, clock, *sms, o.ledger);
    if (smsSeal)
        ledgerService.setSmsSeal(&*smsSeal);
    if (auto purged = ledgerService.purgeAudit(); !purged)
        QTextStream(stderr) << "sinfonia-server: audit purge failed: " << purged.error().detail << Qt::endl;
    ledger::AuthStore::Options authOptions;
    authOptions.codeTtlSecs = 60;
    authOptions.accessTtlSecs = 15 * 60;
    authOptions.refreshTtlSecs = 12 * 3600;
    authOptions.grantLifetimeSecs = o.grantLifetimeHours * 3600;
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
                             .sandbox = o.sandbox,
                             .publicUrl = QString(),
                             .version = QStringLiteral(SINFONIA_VERSION),
                             .crashAfterCommitRoute = QString()};

    if (o.sandbox)
        ctx.crashAfterCommitRoute = qEnvironmentVariable("SINFONIA_SANDBOX_CRASH_AFTER_COMMIT");

    http::HttpServer::Options options;
    options.threads = o.threads;
    options.headTimeoutSecs = o.headTimeoutSecs;
    options.maxConnectionsPerAddress = o.maxConnectionsPerAddress;
    options.trustedProxies = o.trustedProxies;
    options.tlsCert = o.tlsCert;
    options.tlsKey = o.tlsKey;
    http::HttpServer server(ctx, options);
    if (!server.isValid())
        return fail(QStringLiteral("cannot load the TLS certificate or key"));
    // The layers above http/ add their routes here, so http/ includes neither auth/ nor sandbox/.
    std::unique_ptr<oidc::OidcClient> oidcClient;
    std::unique_ptr<oidc::OidcLogin> oidcLogin;
    if (o.oidc) {
        oidcClient = std::make_unique<oidc::OidcClient>(*o.oidc, clock);
        oidcLogin = std::make_unique<oidc::OidcLogin>(ctx, *oidcClient);
        oidcLogin->install(server.router());
    }
    auth::OAuthRoutes::install(server.router(), ctx, bearer, oidcLogin.get());
    if (o.sandbox)
        sandbox::SandboxRoutes::install(server.router(), ctx, clock, outbox);
    const int bound = server.bind(o.host, o.port);
    if (bound <= 0)
        return fail(QStringLiteral("cannot listen on ") + o.listenText);

    std::unique_ptr<http::AdminServer> admin;
    if (!o.adminText.isEmpty()) {
        admin = std::make_unique<http::AdminServer>(ctx);
        const int adminBound = admin->bind(o.adminHost, o.adminPort);
        if (adminBound <= 0)
            return fail(QStringLiteral("cannot listen on ") + o.adminText);
        const QString adminHostPart
            = o.adminHost.contains(QLatin1Char(':')) ? QLatin1Char('[') + o.adminHost + QLatin1Char(']') : o.adminHost;
        std::printf("admin listening on http://%s:%d\n", adminHostPart.toUtf8().constData(), adminBound);
    }

    const QString scheme = server.isTls() ? QStringLiteral("https") : QStringLiteral("http");
    const QString hostPart = o.host.contains(QLatin1Char(':')) ? QLatin1Char('[') + o.host + QLatin1Char(']') : o.host;
    const QString bindUrl = scheme + QStringLiteral("://") + hostPart + QLatin1Char(':') + QString::number(bound);
    ctx.publicUrl = o.publicUrl.isEmpty() ? bindUrl : o.publicUrl;
    while (ctx.publicUrl.endsWith(QLatin1Char('/')))
        ctx.publicUrl.chop(1);

    std::thread adminThread;
    std::atomic_bool adminServed = false;
    if (admin)
        adminThread = std::thread([&admin, &adminServed] {
            admin->serve();
            adminServed = true;
        });
    // The stopper is joined before anything it touches is destroyed: when serve() ends for another
    // reason, the stopper is woken with a signal of its own (a detached stopper could still be in
    // stop() while main() destroys the servers).
    // A signal that came during the start (it waited, blocked, since the first line of main) is
    // taken here before serve() may have begun: stop() is sticky (serve() then returns at once),
    // and the stopper repeats it until serve() has ended, so no stop is ever lost in between.
    std::atomic_bool stopRequested = false;
    std::atomic_bool served = false;
    std::thread stopper([&server, &admin, &stopRequested, &served, stopSignals] {
        int sig = 0;
        sigwait(&stopSignals, &sig);
        if (stopRequested.exchange(true))
            return; // woken by main() after serve() ended
        while (!served) {
            if (admin)
                admin->stop();
            server.stop();
            std::this_thread::sleep_for(std::chrono::milliseconds(50));
        }
    });

    // Idempotency keys are kept 48 hours; purge older ones every hour (any process may do it).
    // Pending purchases past their expiry are annulled every minute (reads and writes that meet
    // one annul it too).
    std::mutex purgeMutex;
    std::condition_variable purgeWake;
    bool stopping = false;
    // Sealed OTP messages a crash left behind go out (once older than one send can take).
    (void)ledgerService.expirePendingPurchases();
    std::thread purger([&] {
        std::unique_lock lock(purgeMutex);
        int minutes = 0;
        lock.unlock();
        (void)ledgerService.deliverPendingSms(pendingSmsMinAgeSecs);
        lock.lock();
        while (!purgeWake.wait_for(lock, std::chrono::minutes(1), [&] { return stopping; })) {
            lock.unlock();
            (void)ledgerService.expirePendingPurchases();
            (void)ledgerService.deliverPendingSms(pendingSmsMinAgeSecs);
            if (++minutes % 60 == 0)
                (void)idempotency.purgeExpired();
            // The audit trail past its retention, once a day.
            if (minutes % (24 * 60) == 0) {
                if (auto purged = ledgerService.purgeAudit(); !purged)
                    QTextStream(stderr) << "sinfonia-server: audit purge failed: " << purged.error().detail << Qt::endl;
            }
            lock.lock();
        }
    });

    std::printf("listening on %s\n", bindUrl.toUtf8().constData());
    std::fflush(stdout);
    if (oidcLogin)
        QTextStream(stderr) << "sinfonia-server: operators log in through " << o.oidc->issuer << " (redirect URI "
                            << oidcLogin->callbackUrl() << ")" << Qt::endl;
    QTextStream(stderr) << "sinfonia-server " << ctx.version << (ctx.sandbox ? " (sandbox)" : "") << " on " << bindUrl
                        << ", database " << db->displayLocation() << Qt::endl;
    const bool ok = server.serve();
    served = true;
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
        // Until it has ended: the admin thread may only now be starting to listen.
        while (!adminServed) {
            admin->stop();
            std::this_thread::sleep_for(std::chrono::milliseconds(20));
        }
        adminThread.join();
    }
    return ok ? 0 : 1;
}
