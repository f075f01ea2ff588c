// The command line of sinfonia-server: every option, its default and its check. A wrong value is
// refused here with a message naming the option, before anything is opened.
#include "server/ServerOptions.h"

#include "server/oidc/Jose.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QFile>
#include <QJsonObject>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <arpa/inet.h>

namespace sinfonia::server {

namespace {

Error invalid(const QString& message)
{
    return makeError(QStringLiteral("server.options"), message);
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

Result<ServerOptions> ServerOptions::parse(const QCoreApplication& app)
{
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
    ServerOptions o;
    const QStringList positional = parser.positionalArguments();
    if (!positional.isEmpty() && positional.first() != QLatin1String("import"))
        return invalid(QStringLiteral("unknown command \"%1\" (the only command is import)").arg(positional.first()));
    const bool importMode = !positional.isEmpty();
    if (importMode && (parser.isSet(sandboxOpt) || parser.isSet(demoOpt) || parser.isSet(bulkOpt)))
        return invalid(
            QStringLiteral("import fills a production database: not with --sandbox, --init-demo or --bulk-seed"));

    QString host;
    int port = 0;
    if (!splitListen(parser.value(listenOpt), host, port))
        return invalid(QStringLiteral("--listen wants host:port, e.g. 127.0.0.1:0"));
    bool threadsOk = false;
    const int threads = parser.value(threadsOpt).toInt(&threadsOk);
    if (!threadsOk || threads < 1 || threads > 512)
        return invalid(QStringLiteral("--threads wants a number between 1 and 512"));
    if (parser.isSet(certOpt) != parser.isSet(keyOpt))
        return invalid(QStringLiteral("--tls-cert and --tls-key go together"));
    const bool sandboxMode = parser.isSet(sandboxOpt);
    if (parser.isSet(demoOpt) && !sandboxMode)
        return invalid(QStringLiteral("--init-demo works only with --sandbox: demo data and test identities never go "
                                      "into a production database"));
    if (parser.isSet(bulkOpt) && !sandboxMode)
        return invalid(QStringLiteral("--bulk-seed works only with --sandbox (it adds a test identity)"));
    std::optional<oidc::OidcConfig> oidcConfig;
    if (parser.isSet(oidcIssuerOpt)) {
        if (sandboxMode)
            return invalid(QStringLiteral("--oidc-issuer and --sandbox exclude each other: the sandbox keeps its "
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
            return invalid(QStringLiteral("cannot read --oidc-client-secret-file ") + parser.value(oidcSecretOpt));
        if (parser.isSet(oidcKeyOpt) && !readFile(parser.value(oidcKeyOpt), c.privateJwk))
            return invalid(QStringLiteral("cannot read --oidc-private-key ") + parser.value(oidcKeyOpt));
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
            return invalid(v.error().message);
        if (c.usesPrivateKeyJwt() && !oidc::signJwt(c.privateJwk, QJsonObject {}).ok())
            return invalid(QStringLiteral("--oidc-private-key must be a private JWK (RSA or EC P-256)"));
        oidcConfig = c;
    } else if (parser.isSet(oidcClientOpt) || parser.isSet(oidcSecretOpt) || parser.isSet(oidcKeyOpt)) {
        return invalid(QStringLiteral("the --oidc-* options need --oidc-issuer"));
    }
    QString adminHost;
    int adminPort = 0;
    if (parser.isSet(adminOpt) && !splitListen(parser.value(adminOpt), adminHost, adminPort))
        return invalid(QStringLiteral("--admin-listen wants host:port, e.g. 127.0.0.1:9090"));
    bool headOk = false;
    const int headTimeout = parser.value(headOpt).toInt(&headOk);
    if (!headOk || headTimeout < 1 || headTimeout > 300)
        return invalid(QStringLiteral("--head-timeout wants a number of seconds between 1 and 300"));
    bool capOk = false;
    const int perAddress = parser.value(perAddressOpt).toInt(&capOk);
    if (!capOk || perAddress < 0 || perAddress > 100000)
        return invalid(QStringLiteral("--max-connections-per-address wants a number from 0 (no cap) to 100000"));
    QStringList trustedProxies;
    for (const QString& proxy : parser.values(trustedProxyOpt)) {
        // The canonical text form, as the gate prints a peer's address.
        const QByteArray text = proxy.trimmed().toLatin1();
        unsigned char raw[16] = {};
        char canonical[INET6_ADDRSTRLEN] = {};
        const int family = text.contains(':') ? AF_INET6 : AF_INET;
        if (::inet_pton(family, text.constData(), raw) != 1 || !::inet_ntop(family, raw, canonical, sizeof canonical))
            return invalid(QStringLiteral("--trusted-proxy wants an IP address, e.g. 127.0.0.1"));
        trustedProxies << QString::fromLatin1(canonical);
    }
    bool grantOk = false;
    const int grantHours = parser.value(grantOpt).toInt(&grantOk);
    if (!grantOk || grantHours < 1 || grantHours > 24 * 31)
        return invalid(QStringLiteral("--grant-lifetime-hours wants a number of hours between 1 and 744"));

    bool expiryOk = false;
    const double expiryHours = parser.value(expiryOpt).toDouble(&expiryOk);
    if (!expiryOk || expiryHours < 0.01 || expiryHours > 24 * 366)
        return invalid(QStringLiteral("--pending-purchase-expiry-hours wants a number of hours between 0.01 and 8784"));
    ledger::LedgerOptions ledgerOptions;
    {
        bool ok1 = false;
        bool ok2 = false;
        bool ok3 = false;
        ledgerOptions.audit.lookupBurst = parser.value(burstOpt).toInt(&ok1);
        ledgerOptions.audit.lookupPerMinute = parser.value(rateOpt).toInt(&ok2);
        ledgerOptions.audit.retentionMonths = parser.value(retentionOpt).toInt(&ok3);
        if (!ok1 || ledgerOptions.audit.lookupBurst < 0 || ledgerOptions.audit.lookupBurst > 100000)
            return invalid(QStringLiteral("--lookup-burst wants a number from 0 (no limit) to 100000"));
        if (!ok2 || ledgerOptions.audit.lookupPerMinute < 0 || ledgerOptions.audit.lookupPerMinute > 100000)
            return invalid(QStringLiteral("--lookup-per-minute wants a number from 0 (no limit) to 100000"));
        if (!ok3 || ledgerOptions.audit.retentionMonths < 1 || ledgerOptions.audit.retentionMonths > 1200)
            return invalid(QStringLiteral("--audit-retention-months wants a number of months between 1 and 1200"));
        if (parser.isSet(auditKeyOpt)) {
            QFile keyFile(parser.value(auditKeyOpt));
            if (!keyFile.open(QIODevice::ReadOnly))
                return invalid(QStringLiteral("cannot read --audit-key-file ") + parser.value(auditKeyOpt));
            ledgerOptions.audit.cfKey = keyFile.readAll().trimmed();
            if (ledgerOptions.audit.cfKey.size() < 32)
                return invalid(QStringLiteral("--audit-key-file must hold at least 32 bytes of secret"));
        } else if (sandboxMode) {
            // The sandbox's hashes only need to be stable within one run.
            ledgerOptions.audit.cfKey.resize(32);
            QRandomGenerator::system()->fillRange(reinterpret_cast<quint32*>(ledgerOptions.audit.cfKey.data()), 8);
        } else if (!parser.isSet(migrateOnlyOpt) && !importMode) {
            // --migrate-only and import serve nothing and hash nothing.
            return invalid(QStringLiteral("--audit-key-file is required without --sandbox (see docs/deployment.md)"));
        }
    }

    const QString sync = parser.value(syncOpt);
    if (sync != QLatin1String("full") && sync != QLatin1String("normal"))
        return invalid(QStringLiteral("--sqlite-synchronous wants full or normal"));
    ledger::Database::Options dbOptions;
    dbOptions.durableCommits = sync == QLatin1String("full");
    if (parser.isSet(smsUrlOpt)) {
        http::GatewaySmsSender::Options g;
        g.url = parser.value(smsUrlOpt);
        g.credentialsFile = parser.value(smsCredOpt);
        if (parser.isSet(smsTemplateOpt)) {
            QFile t(parser.value(smsTemplateOpt));
            if (!t.open(QIODevice::ReadOnly))
                return invalid(QStringLiteral("cannot read --sms-gateway-template: ") + t.errorString());
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
            return invalid(QStringLiteral("--sms-gateway-timeout-ms 100..60000, --sms-gateway-retries 0..10, "
                                          "--sms-gateway-backoff-ms 0..60000"));
        if (!parser.isSet(smsKeyOpt))
            return invalid(QStringLiteral("--sms-gateway-url needs --sms-key-file (the key that seals pending OTP "
                                          "messages)"));
        auto seal = ledger::SmsSeal::fromKeyFile(parser.value(smsKeyOpt));
        if (!seal)
            return invalid(seal.error().detail);
        o.smsSeal = *seal;
        o.smsGateway = g;
    }

    o.host = host;
    o.port = port;
    o.listenText = parser.value(listenOpt);
    o.threads = threads;
    o.tlsCert = parser.value(certOpt);
    o.tlsKey = parser.value(keyOpt);
    o.sandbox = sandboxMode;
    o.initDemo = parser.isSet(demoOpt);
    if (parser.isSet(bulkOpt))
        o.bulkSeed = parser.value(bulkOpt).toInt();
    o.oidc = oidcConfig;
    if (parser.isSet(adminOpt)) {
        o.adminHost = adminHost;
        o.adminPort = adminPort;
        o.adminText = parser.value(adminOpt);
    }
    o.headTimeoutSecs = headTimeout;
    o.maxConnectionsPerAddress = perAddress;
    o.trustedProxies = trustedProxies;
    o.grantLifetimeHours = grantHours;
    ledgerOptions.pendingPurchaseExpirySecs = qint64(expiryHours * 3600);
    o.ledger = ledgerOptions;
    o.database = parser.value(dbOpt);
    o.databaseOptions = dbOptions;
    o.migrateOnly = parser.isSet(migrateOnlyOpt);
    o.importArgs = importMode ? positional : QStringList();
    o.dryRun = parser.isSet(dryRunOpt);
    if (parser.isSet(publicOpt))
        o.publicUrl = parser.value(publicOpt);
    return o;
}

} // namespace sinfonia::server
