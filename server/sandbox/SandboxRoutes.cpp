#include "server/sandbox/SandboxRoutes.h"

#include "core/domain/ErrorCodes.h"
#include "server/http/JsonViews.h"
#include "server/http/Problem.h"
#include "server/http/RequestParsing.h"
#include "server/http/RouteUtil.h"
#include "server/http/Router.h"
#include "server/http/ServerContext.h"
#include "server/ledger/LedgerService.h"
#include "server/ledger/SmsSender.h"
#include "server/sandbox/SwitchableClock.h"

#include <QJsonArray>
#include <QLoggingCategory>

Q_LOGGING_CATEGORY(lcSandbox, "sinfonia.server.sandbox")

namespace sinfonia::sandbox {

namespace {
namespace Problem = http::Problem;
using http::queryArg;
using http::sendJson;

QJsonObject clockJson(const SwitchableClock& clock)
{
    return QJsonObject {{QStringLiteral("now"), http::JsonViews::timestamp(clock.now())},
                        {QStringLiteral("manual"), clock.isManual()}};
}

QJsonValue nullable(const QString& s)
{
    return s.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(s);
}

void sendOutbox(ledger::OutboxSmsSender& outbox, const httplib::Request& req, httplib::Response& res)
{
    int limit = 50;
    if (req.has_param("limit")) {
        bool ok = false;
        limit = queryArg(req, "limit").toInt(&ok);
        if (!ok || limit < 1 || limit > 1000)
            return Problem::send(res, 400, QString(codes::requestInvalidQuery),
                                 QStringLiteral("limit deve essere tra 1 e 1000."));
    }
    const QString movementId = queryArg(req, "movementId");
    // The outbox filters by phone and voucher; the movement filter is applied here on a wider page.
    auto entries
        = outbox.latest(queryArg(req, "phone"), queryArg(req, "voucherId"), movementId.isEmpty() ? limit : 1000);
    if (!entries)
        return Problem::sendError(res, entries.error());
    QJsonArray out;
    for (const auto& e : *entries) {
        if (!movementId.isEmpty() && e.message.movementId != movementId)
            continue;
        if (out.size() >= limit)
            break;
        out.append(QJsonObject {
            {QStringLiteral("id"), e.id},
            {QStringLiteral("phone"), e.message.phone},
            {QStringLiteral("text"), e.message.text},
            {QStringLiteral("otp"), nullable(e.message.otp)},
            {QStringLiteral("movementId"), nullable(e.message.movementId)},
            {QStringLiteral("voucherId"), nullable(e.message.voucherId)},
            {QStringLiteral("createdAt"), http::JsonViews::timestamp(e.createdAt)},
        });
    }
    sendJson(res, 200, out);
}
} // namespace

void SandboxRoutes::install(http::Router& router, http::ServerContext& ctx, SwitchableClock& clock,
                            ledger::OutboxSmsSender* outbox)
{
    using M = http::Router::Method;
    router.open(M::Get, "/sandbox/identities", QStringLiteral("/sandbox/identities"),
                [&ctx](const httplib::Request&, httplib::Response& res) {
                    auto ids = ctx.ledger.sandboxIdentities();
                    if (!ids)
                        return Problem::sendError(res, ids.error());
                    QJsonArray out;
                    for (const auto& i : *ids)
                        out.append(http::JsonViews::identity(i));
                    sendJson(res, 200, out);
                });
    if (outbox) {
        router.open(M::Get, "/sandbox/outbox", QStringLiteral("/sandbox/outbox"),
                    [outbox](const httplib::Request& req, httplib::Response& res) { sendOutbox(*outbox, req, res); });
    }
    router.open(M::Put, "/sandbox/clock", QStringLiteral("/sandbox/clock"),
                [&clock, &ctx](const httplib::Request& req, httplib::Response& res) {
                    auto body = http::RequestParsing::jsonObject(req.body);
                    if (!body)
                        return Problem::sendError(res, body.error(), {}, 400);
                    auto now = http::RequestParsing::requiredString(*body, QStringLiteral("now"), 64);
                    if (!now)
                        return Problem::sendError(res, now.error(), {}, 400);
                    const QDateTime t = QDateTime::fromString(*now, Qt::ISODateWithMs);
                    if (!t.isValid() || t.timeSpec() == Qt::LocalTime)
                        return Problem::send(res, 400, QString(codes::requestInvalidField),
                                             QStringLiteral("Campo now non valido: serve un istante RFC 3339 con fuso "
                                                            "(es. 2026-11-26T10:15:00Z)."));
                    clock.set(t);
                    qCInfo(lcSandbox) << "sandbox clock set to" << http::JsonViews::timestamp(t);
                    // A jump past the expiry releases stale reservations at once.
                    (void)ctx.ledger.expirePendingPurchases();
                    sendJson(res, 200, clockJson(clock));
                });
    router.open(M::Delete, "/sandbox/clock", QStringLiteral("/sandbox/clock"),
                [&clock](const httplib::Request&, httplib::Response& res) {
                    clock.reset();
                    qCInfo(lcSandbox) << "sandbox clock back to the system clock";
                    sendJson(res, 200, clockJson(clock));
                });
}

} // namespace sinfonia::sandbox
