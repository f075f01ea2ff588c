// sinfonia-server: the reference implementation of docs/api/openapi.yaml. Builds every service once
// (database, ledger, auth, idempotency, clock) and serves them over cpp-httplib until SIGINT/SIGTERM.

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
#include "server/oidc/Jose.h"
#include "server/oidc/OidcClient.h"
#include "server/oidc/OidcLogin.h"
#include "server/sandbox/SandboxRoutes.h"
#include "server/sandbox/SwitchableClock.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QFile>
#include <QJsonObject>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <QTextStream>
#include <arpa/inet.h>
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
    // Issue 10 items 4 and 6: expiry of pending purchases.
    const QCommandLineOption expiryOpt(
        QStringLiteral("pending-purchase-expiry-hours"),
        QStringLiteral("Hours after which a purchase still IN_ATTESA expires (ANNULLATO) and its reservation is "
                       "released."),
        QStringLiteral("hours"), QStringLiteral("72"));
    // SMS gateway (outside the sandbox the only way an OTP leaves the server).
    const QCommandLineOption smsUrlOpt(QStringLiteral("sms-gateway-url"),
                                       QStringLiteral("HTTP(S) URL the OTP messages are POSTed to (JSON)."),
                                       QStringLiteral("url"));
    const QCommandLineOption smsCredOpt(
        QStringLiteral("sms-gateway-credentials"),
        QStringLiteral("File with the gateway credentials: \"user:password\" (Basic) or \"token=...\" (Bearer)."),
        QStringLiteral("file"));
    const QCommandLineOption smsTemplateOpt(
        QStringLiteral("sms-gateway-template"),
        QStringLiteral("File with the JSON body template; {{phone}} and {{text}} are replaced (JSON-escaped)."),
        QStringLiteral("file"));
    const QCommandLineOption smsTimeoutOpt(QStringLiteral("sms-gateway-timeout-ms"),
                                           QStringLiteral("Connect and read timeout of one gateway attempt."),
                                           QStringLiteral("ms"), QStringLiteral("5000"));
    const QCommandLineOption smsRetriesOpt(QStringLiteral("sms-gateway-retries"),
                                           QStringLiteral("Retries after a failed attempt (network, 429, 5xx)."),
                                           QStringLiteral("N"), QStringLiteral("2"));
    const QCommandLineOption smsBackoffOpt(QStringLiteral("sms-gateway-backoff-ms"),
                                           QStringLiteral("Wait before the first retry; doubles at each retry."),
                                           QStringLiteral("ms"), QStringLiteral("500"));
    const QCommandLineOption smsKeyOpt(
        QStringLiteral("sms-key-file"),
        QStringLiteral("File with the 32-byte AES-256-GCM key that seals OTP messages waiting for the gateway "
                       "(required with --sms-gateway-url)."),
        QStringLiteral("file"));
    parser.addOptions(
        {expiryOpt, smsUrlOpt, smsCredOpt, smsTemplateOpt, smsTimeoutOpt, smsRetriesOpt, smsBackoffOpt, smsKeyOpt});
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
    parser.addOptions({auditKeyOpt, burstOpt, rateOpt, retentionOpt});
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

    bool expiryOk = false;
    const double expiryHours = parser.value(expiryOpt).toDouble(&expiryOk);
    if (!expiryOk || expiryHours < 0.01 || expiryHours > 24 * 366)
        return fail(QStringLiteral("--pending-purchase-expiry-hours wants a number of hours between 0.01 and 8784"));
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
        } else if (!parser.isSet(migrateOnlyOpt) && !importMode) {
            // --migrate-only and import serve nothing and hash nothing.
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

    // Where OTP messages go: the SMS gateway when one is configured (messages wait sealed in
    // sms_pending until it took them); else in the sandbox the outbox table GET /sandbox/outbox
    // shows; else nowhere (every send answers sms.not_sent: no code is ever kept in clear).
    std::unique_ptr<ledger::SmsSender> sms;
    ledger::OutboxSmsSender* outbox = nullptr;
    std::optional<ledger::SmsSeal> smsSeal;
    int pendingSmsMinAgeSecs = 60;
    if (parser.isSet(smsUrlOpt)) {
        http::GatewaySmsSender::Options g;
        g.url = parser.value(smsUrlOpt);
        g.credentialsFile = parser.value(smsCredOpt);
        if (parser.isSet(smsTemplateOpt)) {
            QFile t(parser.value(smsTemplateOpt));
            if (!t.open(QIODevice::ReadOnly))
                return fail(QStringLiteral("cannot read --sms-gateway-template: ") + t.errorString());
            g.bodyTemplate = QString::fromUtf8(t.read(64 * 1024)).trimmed();
        }
        bool ok1 = false;
        bool ok2 = false;
        bool ok3 = false;
        g.timeoutMs = parser.value(smsTimeoutOpt).toInt(&ok1);
        g.retries = parser.value(smsRetriesOpt).toInt(&ok2);
        g.backoffMs = parser.value(smsBackoffOpt).toInt(&ok3);
        if (!ok1 || !ok2 || !ok3 || g.timeoutMs < 100 || g.timeoutMs > 60000 || g.retries < 0 || g.retries > 10
            || g.backoffMs < 0 || g.backoffMs > 60000)
            return fail(QStringLiteral("--sms-gateway-timeout-ms 100..60000, --sms-gateway-retries 0..10, "
                                       "--sms-gateway-backoff-ms 0..60000"));
        if (!parser.isSet(smsKeyOpt))
            return fail(QStringLiteral("--sms-gateway-url needs --sms-key-file (the key that seals pending OTP "
                                       "messages)"));
        auto seal = ledger::SmsSeal::fromKeyFile(parser.value(smsKeyOpt));
        if (!seal)
            return fail(seal.error().detail);
        smsSeal = *seal;
        auto gateway = http::GatewaySmsSender::create(g);
        if (!gateway)
            return fail(gateway.error().detail);
        pendingSmsMinAgeSecs = (*gateway)->worstCaseMs() / 1000 + 5;
        sms = std::move(gateway).value();
    } else if (sandboxMode) {
        auto o = std::make_unique<ledger::OutboxSmsSender>(*db, clock);
        outbox = o.get();
        sms = std::move(o);
    } else {
        QTextStream(stderr) << "sinfonia-server: warning: no --sms-gateway-url: OTP messages cannot be sent"
                            << Qt::endl;
        sms = std::make_unique<http::NoSmsSender>();
    }
    ledgerOptions.pendingPurchaseExpirySecs = qint64(expiryHours * 3600);
    ledger::LedgerService ledgerService(*db, clock, *sms, ledgerOptions);
    if (smsSeal)
        ledgerService.setSmsSeal(&*smsSeal);
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
        sandbox::SandboxRoutes::install(server.router(), ctx, clock, outbox);
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
