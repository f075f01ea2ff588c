#include "server/http/InfoRoutes.h"

#include "core/domain/Clock.h"
#include "server/http/JsonViews.h"
#include "server/http/Problem.h"
#include "server/http/Router.h"
#include "server/http/ServerContext.h"

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
}

} // namespace sinfonia::http
