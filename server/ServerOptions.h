#pragma once

#include "core/domain/Result.h"
#include "server/http/GatewaySmsSender.h"
#include "server/ledger/Database.h"
#include "server/ledger/LedgerTypes.h"
#include "server/ledger/SmsSeal.h"
#include "server/oidc/OidcConfig.h"

#include <QString>
#include <QStringList>
#include <optional>

class QCoreApplication;

namespace sinfonia::server {

// What the command line asks of sinfonia-server, checked (docs/deployment.md lists the options).
struct ServerOptions
{
    QString host;
    int port = 0;
    QString listenText; // as given, for messages
    int threads = 16;
    QString tlsCert;
    QString tlsKey;
    bool sandbox = false;
    bool initDemo = false;
    std::optional<int> bulkSeed;
    std::optional<oidc::OidcConfig> oidc;
    QString adminHost; // adminText empty: no operations listener
    int adminPort = 0;
    QString adminText;
    int headTimeoutSecs = 10;
    int maxConnectionsPerAddress = 256;
    QStringList trustedProxies; // canonical text form
    int grantLifetimeHours = 12;
    ledger::LedgerOptions ledger;
    QString database;
    ledger::Database::Options databaseOptions;
    bool migrateOnly = false;
    QStringList importArgs; // "import KIND FILE", or empty
    bool dryRun = false;
    QString publicUrl; // empty: the bound address
    std::optional<http::GatewaySmsSender::Options> smsGateway;
    std::optional<ledger::SmsSeal> smsSeal; // with smsGateway

    // Parses the application's arguments (--help and --version print and exit); the error's message
    // names the option and what it wants.
    static Result<ServerOptions> parse(const QCoreApplication& app);
};

} // namespace sinfonia::server
