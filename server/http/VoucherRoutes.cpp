#include "server/http/VoucherRoutes.h"

#include "core/domain/ErrorCodes.h"
#include "server/http/JsonViews.h"
#include "server/http/Problem.h"
#include "server/http/RouteUtil.h"
#include "server/http/Router.h"
#include "server/http/ServerContext.h"
#include "server/ledger/LedgerService.h"

#include <QJsonArray>

namespace sinfonia::http {

void VoucherRoutes::install(Router& router, ServerContext& ctx)
{
    using ledger::OperatorContext;
    const std::string voucher = std::string(structurePart) + "/vouchers/" + idPart;

    router.query(
        std::string(structurePart) + "/beneficiaries", QStringLiteral("/api/v1/structures/{sid}/beneficiaries"),
        [&ctx](const httplib::Request& req, httplib::Response& res, const OperatorContext& op) {
            const bool byCf = req.has_param("codiceFiscale");
            const bool byCard = req.has_param("cardNumber");
            if (byCf == byCard)
                return Problem::send(res, 400, QString(codes::requestInvalidQuery),
                                     QStringLiteral("Indica il codice fiscale oppure il numero della tessera "
                                                    "sanitaria."));
            const QString value = queryArg(req, byCf ? "codiceFiscale" : "cardNumber");
            auto b = ctx.ledger.findBeneficiary(op, pathArg(req, 1), value);
            if (!b && b.error().http && b.error().http->retryAfterSecs) {
                // lookup.rate_limited: when the next lookup of this operator is allowed.
                const int after = *b.error().http->retryAfterSecs;
                res.set_header("Retry-After", std::to_string(after));
                return Problem::sendError(res, b.error(), QJsonObject {{QStringLiteral("retryAfterSecs"), after}});
            }
            if (!b)
                return Problem::sendError(res, b.error());
            sendJson(res, 200, JsonViews::beneficiary(*b));
        });

    router.query(voucher, QStringLiteral("/api/v1/structures/{sid}/vouchers/{vid}"),
                 [&ctx](const httplib::Request& req, httplib::Response& res, const OperatorContext& op) {
                     auto d = ctx.ledger.voucher(op, pathArg(req, 1), pathArg(req, 2));
                     if (!d)
                         return Problem::sendError(res, d.error());
                     sendJson(res, 200, JsonViews::voucher(d->voucher));
                 });

    router.query(voucher + "/transactions", QStringLiteral("/api/v1/structures/{sid}/vouchers/{vid}/transactions"),
                 [&ctx](const httplib::Request& req, httplib::Response& res, const OperatorContext& op) {
                     auto d = ctx.ledger.voucher(op, pathArg(req, 1), pathArg(req, 2));
                     if (!d)
                         return Problem::sendError(res, d.error());
                     QJsonArray items;
                     for (const auto& m : d->transactions)
                         items.append(JsonViews::movement(m));
                     sendJson(res, 200, QJsonObject {{QStringLiteral("items"), items}});
                 });
}

} // namespace sinfonia::http
