// sinfonia-server: the reference implementation of docs/api/openapi.yaml. Builds every service once
// (database, ledger, auth, idempotency, clock) and serves them over cpp-httplib until SIGINT/SIGTERM.

#include "server/admin/Provisioning.h"
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
#include "server/oidc/Jose.h"
#include "server/oidc/OidcClient.h"
#include "server/oidc/OidcLogin.h"
#include "server/sandbox/SandboxRoutes.h"
#include "server/sandbox/SwitchableClock.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QFile>
#include <QJsonObject>
#include <QRegularExpression>
#include <QTextStream>
#include <arpa/inet.h>
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
    const QCommandLineOption trustedProxyOpt(
        QStringLiteral("trusted-proxy"),
        QStringLiteral("Address of a reverse proxy (e.g. nginx) whose X-Forwarded-For names the client for the "
                       "per-address connection cap; repeat for several. From any other peer the header is ignored."),
        QStringLiteral("address"));
    parser.addOptions({listenOpt, dbOpt, migrateOnlyOpt, sandboxOpt, demoOpt, bulkOpt, certOpt, keyOpt, threadsOpt,
                       publicOpt, syncOpt, adminOpt, grantOpt, headOpt, perAddressOpt, trustedProxyOpt});
    // OpenID Connect relying party (a real service: operators log in through IT's provider).
    const QCommandLineOption oidcIssuerOpt(
        QStringLiteral("oidc-issuer"),
        QStringLiteral("OpenID Provider (issuer URL, https) operators log in through; without it and without "
                       "--sandbox nobody can log in."),
        QStringLiteral("url"));
    const QCommandLineOption oidcClientOpt(QStringLiteral("oidc-client-id"),
                                           QStringLiteral("Client id of this service at the provider."),
                                           QStringLiteral("id"));
    const QCommandLineOption oidcSecretOpt(
        QStringLiteral("oidc-client-secret-file"),
        QStringLiteral("File with the client secret (client_secret_basic); or use --oidc-private-key."),
        QStringLiteral("file"));
    const QCommandLineOption oidcKeyOpt(
        QStringLiteral("oidc-private-key"),
        QStringLiteral("Private JWK file (RSA or EC P-256) for private_key_jwt client authentication."),
        QStringLiteral("file"));
    const QCommandLineOption oidcScopesOpt(QStringLiteral("oidc-scopes"),
                                           QStringLiteral("Scopes asked for, comma separated."), QStringLiteral("list"),
                                           QStringLiteral("openid,profile"));
    const QCommandLineOption oidcClaimOpt(
        QStringLiteral("oidc-cf-claim"), QStringLiteral("Claim with the operator's codice fiscale."),
        QStringLiteral("name"), QStringLiteral("https://attributes.eid.gov.it/fiscal_number"));
    const QCommandLineOption oidcPrefixOpt(QStringLiteral("oidc-cf-prefix"),
                                           QStringLiteral("Prefix stripped from the claim's value."),
                                           QStringLiteral("text"), QStringLiteral("TINIT-"));
    const QCommandLineOption oidcAcrOpt(
        QStringLiteral("oidc-acr"),
        QStringLiteral("Accepted acr values, comma separated, also sent as acr_values (e.g. "
                       "https://www.spid.gov.it/SpidL2,https://www.spid.gov.it/SpidL3). Empty: no acr check."),
        QStringLiteral("list"));
    const QCommandLineOption oidcCaOpt(QStringLiteral("oidc-ca-file"),
                                       QStringLiteral("CA bundle for the provider's TLS (default: the system's)."),
                                       QStringLiteral("file"));
    parser.addOptions({oidcIssuerOpt, oidcClientOpt, oidcSecretOpt, oidcKeyOpt, oidcScopesOpt, oidcClaimOpt,
                       oidcPrefixOpt, oidcAcrOpt, oidcCaOpt});
    const QCommandLineOption dryRunOpt(QStringLiteral("dry-run"),
                                       QStringLiteral("With import: validate and report, change nothing."));
    parser.addOption(dryRunOpt);
    parser.addPositionalArgument(
        QStringLiteral("import"),
        QStringLiteral("import structures|operators|beneficiaries FILE.csv: provisioning from a CSV file (one "
                       "transaction, nothing changes if a line is rejected; see docs/deployment.md), then exit."),
        QStringLiteral("[import KIND FILE]"));
    parser.process(app);
    const QStringList positional = parser.positionalArguments();
    if (!positional.isEmpty() && positional.first() != QLatin1String("import"))
        return fail(QStringLiteral("unknown command \"%1\" (the only command is import)").arg(positional.first()));
    const bool importMode = !positional.isEmpty();
    if (importMode && (parser.isSet(sandboxOpt) || parser.isSet(demoOpt) || parser.isSet(bulkOpt)))
        return fail(
            QStringLiteral("import fills a production database: not with --sandbox, --init-demo or --bulk-seed"));

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
    std::optional<oidc::OidcConfig> oidcConfig;
    if (parser.isSet(oidcIssuerOpt)) {
        if (sandboxMode)
            return fail(QStringLiteral("--oidc-issuer and --sandbox exclude each other: the sandbox keeps its "
                                       "simulated SPID page"));
        oidc::OidcConfig c;
        c.issuer = parser.value(oidcIssuerOpt);
        c.clientId = parser.value(oidcClientOpt);
        auto readFile = [](const QString& path, QByteArray& out) {
            QFile f(path);
            if (!f.open(QIODevice::ReadOnly))
                return false;
            out = f.readAll().trimmed();
            return true;
        };
        if (parser.isSet(oidcSecretOpt) && !readFile(parser.value(oidcSecretOpt), c.clientSecret))
            return fail(QStringLiteral("cannot read --oidc-client-secret-file ") + parser.value(oidcSecretOpt));
        if (parser.isSet(oidcKeyOpt) && !readFile(parser.value(oidcKeyOpt), c.privateJwk))
            return fail(QStringLiteral("cannot read --oidc-private-key ") + parser.value(oidcKeyOpt));
        const auto list = [](const QString& v) {
            QStringList out;
            for (const QString& part : v.split(QRegularExpression(QStringLiteral("[,\\s]+")), Qt::SkipEmptyParts))
                out << part;
            return out;
        };
        c.scopes = list(parser.value(oidcScopesOpt));
        c.cfClaim = parser.value(oidcClaimOpt);
        c.cfPrefix = parser.value(oidcPrefixOpt);
        c.acrValues = list(parser.value(oidcAcrOpt));
        c.caFile = parser.value(oidcCaOpt);
        if (auto v = c.validate(); !v)
            return fail(v.error().message);
        if (c.usesPrivateKeyJwt() && !oidc::signJwt(c.privateJwk, QJsonObject {}).ok())
            return fail(QStringLiteral("--oidc-private-key must be a private JWK (RSA or EC P-256)"));
        oidcConfig = c;
    } else if (parser.isSet(oidcClientOpt) || parser.isSet(oidcSecretOpt) || parser.isSet(oidcKeyOpt)) {
        return fail(QStringLiteral("the --oidc-* options need --oidc-issuer"));
    }
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
    QStringList trustedProxies;
    for (const QString& proxy : parser.values(trustedProxyOpt)) {
        // The canonical text form, as the gate prints a peer's address.
        const QByteArray text = proxy.trimmed().toLatin1();
        unsigned char raw[16] = {};
        char canonical[INET6_ADDRSTRLEN] = {};
        const int family = text.contains(':') ? AF_INET6 : AF_INET;
        if (::inet_pton(family, text.constData(), raw) != 1 || !::inet_ntop(family, raw, canonical, sizeof canonical))
            return fail(QStringLiteral("--trusted-proxy wants an IP address, e.g. 127.0.0.1"));
        trustedProxies << QString::fromLatin1(canonical);
    }
    bool grantOk = false;
    const int grantHours = parser.value(grantOpt).toInt(&grantOk);
    if (!grantOk || grantHours < 1 || grantHours > 24 * 31)
        return fail(QStringLiteral("--grant-lifetime-hours wants a number of hours between 1 and 744"));

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
    if (importMode)
        return runImport(*db, clock, positional, parser.isSet(dryRunOpt));
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
    ledger::LedgerService ledgerService(*db, clock, sms);
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
    options.trustedProxies = trustedProxies;
    options.tlsCert = parser.value(certOpt);
    options.tlsKey = parser.value(keyOpt);
    http::HttpServer server(ctx, options);
    if (!server.isValid())
        return fail(QStringLiteral("cannot load the TLS certificate or key"));
    // The layers above http/ add their routes here, so http/ includes neither auth/ nor sandbox/.
    std::unique_ptr<oidc::OidcClient> oidcClient;
    std::unique_ptr<oidc::OidcLogin> oidcLogin;
    if (oidcConfig) {
        oidcClient = std::make_unique<oidc::OidcClient>(*oidcConfig, clock);
        oidcLogin = std::make_unique<oidc::OidcLogin>(ctx, *oidcClient);
        oidcLogin->install(server.router());
    }
    auth::OAuthRoutes::install(server.router(), ctx, bearer, oidcLogin.get());
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
    std::mutex purgeMutex;
    std::condition_variable purgeWake;
    bool stopping = false;
    std::thread purger([&] {
        std::unique_lock lock(purgeMutex);
        while (!purgeWake.wait_for(lock, std::chrono::hours(1), [&] { return stopping; }))
            (void)idempotency.purgeExpired();
    });

    std::printf("listening on %s\n", bindUrl.toUtf8().constData());
    std::fflush(stdout);
    if (oidcLogin)
        QTextStream(stderr) << "sinfonia-server: operators log in through " << oidcConfig->issuer << " (redirect URI "
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
