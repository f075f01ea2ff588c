#include "server/http/InfoRoutes.h"

#include "core/domain/Clock.h"
#include "server/http/JsonViews.h"
#include "server/http/Metrics.h"
#include "server/http/Problem.h"
#include "server/http/Router.h"
#include "server/http/ServerContext.h"
#include "server/ledger/Database.h"

#include <QSqlQuery>
#include <httplib.h>

namespace sinfonia::http {

void InfoRoutes::install(Router& router, ServerContext& ctx)
{
    using M = Router::Method;
    router.open(
        M::Get, "/api/v1/info", QStringLiteral("/api/v1/info"),
        [&ctx](const httplib::Request&, httplib::Response& res) {
            const QString base = ctx.publicUrl;
            sendJson(res, 200,
                     QJsonObject {
                         {QStringLiteral("version"), ctx.version},
                         {QStringLiteral("sandbox"), ctx.sandbox},
                         {QStringLiteral("clientId"), QStringLiteral("sinfonia-pos")},
                         {QStringLiteral("authorizationEndpoint"), QString(base + QStringLiteral("/oauth/authorize"))},
                         {QStringLiteral("tokenEndpoint"), QString(base + QStringLiteral("/oauth/token"))},
                         {QStringLiteral("revocationEndpoint"), QString(base + QStringLiteral("/oauth/revoke"))},
                         {QStringLiteral("serverTime"), JsonViews::timestamp(ctx.clock.now())},
                     });
        });
    router.open(M::Get, "/healthz", QStringLiteral("/healthz"), [](const httplib::Request&, httplib::Response& res) {
        res.set_content(R"({"status":"ok"})", "application/json");
    });
    router.open(M::Get, "/readyz", QStringLiteral("/readyz"), [&ctx](const httplib::Request&, httplib::Response& res) {
        QSqlDatabase conn = ctx.db.connection();
        QSqlQuery q(conn);
        if (conn.isOpen() && q.exec(QStringLiteral("SELECT 1")) && q.next()) {
            res.set_content(R"({"status":"ready"})", "application/json");
            return;
        }
        Problem::send(res, 503, QStringLiteral("server.unavailable"),
                      QStringLiteral("Il database non è raggiungibile."));
    });
    router.open(M::Get, "/metrics", QStringLiteral("/metrics"),
                [&ctx](const httplib::Request&, httplib::Response& res) {
                    res.set_content(ctx.metrics.exposition().toStdString(), "text/plain; version=0.0.4");
                });
}

} // namespace sinfonia::http
