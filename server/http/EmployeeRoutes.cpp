#include "server/http/EmployeeRoutes.h"

#include "server/http/JsonViews.h"
#include "server/http/Problem.h"
#include "server/http/RequestParsing.h"
#include "server/http/RouteUtil.h"
#include "server/http/Router.h"
#include "server/http/ServerContext.h"
#include "server/ledger/LedgerService.h"

#include <QJsonArray>

namespace sinfonia::http {

namespace {
using ledger::OperatorContext;

void answer(httplib::Response& res, const Result<ledger::Employee>& r, int status = 200)
{
    if (!r)
        return Problem::sendError(res, r.error());
    sendJson(res, status, JsonViews::employee(*r));
}
} // namespace

void EmployeeRoutes::install(Router& router, ServerContext& ctx)
{
    using M = Router::Method;
    const std::string employees = std::string(structurePart) + "/employees";
    const std::string employee = employees + "/" + idPart;
    const QString label = QStringLiteral("/api/v1/structures/{sid}/employees");

    router.query("/api/v1/me", QStringLiteral("/api/v1/me"),
                 [&ctx](const httplib::Request&, httplib::Response& res, const OperatorContext& op) {
                     auto p = ctx.ledger.profile(op);
                     if (!p)
                         return Problem::sendError(res, p.error());
                     sendJson(res, 200, JsonViews::operatorProfile(*p));
                 });

    router.query(employees, label,
                 [&ctx](const httplib::Request& req, httplib::Response& res, const OperatorContext& op) {
                     auto list = ctx.ledger.employees(op, pathArg(req, 1));
                     if (!list)
                         return Problem::sendError(res, list.error());
                     QJsonArray items;
                     for (const auto& e : *list)
                         items.append(JsonViews::employee(e));
                     sendJson(res, 200, QJsonObject {{QStringLiteral("items"), items}});
                 });

    router.command(
        M::Post, employees, label,
        [&ctx](const httplib::Request& req, httplib::Response& res, const OperatorContext& op) {
            auto body = RequestParsing::jsonObject(req.body);
            if (!body)
                return Problem::sendError(res, body.error(), {}, 400);
            auto cf = RequestParsing::requiredString(*body, QStringLiteral("codiceFiscale"), 32);
            auto nome = RequestParsing::requiredString(*body, QStringLiteral("givenName"), 100);
            auto cognome = RequestParsing::requiredString(*body, QStringLiteral("familyName"), 100);
            for (const Result<QString>* r : {&cf, &nome, &cognome}) {
                if (!*r)
                    return Problem::sendError(res, r->error(), {}, 400);
            }
            answer(res, ctx.ledger.addEmployee(op, pathArg(req, 1), ledger::NewEmployee {*cf, *nome, *cognome}), 201);
        });

    router.command(M::Put, employee + "/services/" + idPart, label + QStringLiteral("/{eid}/services/{service}"),
                   [&ctx](const httplib::Request& req, httplib::Response& res, const OperatorContext& op) {
                       answer(res, ctx.ledger.associateService(op, pathArg(req, 1), pathArg(req, 2), pathArg(req, 3)));
                   });
    router.command(M::Delete, employee + "/services/" + idPart, label + QStringLiteral("/{eid}/services/{service}"),
                   [&ctx](const httplib::Request& req, httplib::Response& res, const OperatorContext& op) {
                       answer(res, ctx.ledger.removeService(op, pathArg(req, 1), pathArg(req, 2), pathArg(req, 3)));
                   });
    router.command(M::Post, employee + "/disable", label + QStringLiteral("/{eid}/disable"),
                   [&ctx](const httplib::Request& req, httplib::Response& res, const OperatorContext& op) {
                       answer(res, ctx.ledger.setEmployeeEnabled(op, pathArg(req, 1), pathArg(req, 2), false));
                   });
    router.command(M::Post, employee + "/enable", label + QStringLiteral("/{eid}/enable"),
                   [&ctx](const httplib::Request& req, httplib::Response& res, const OperatorContext& op) {
                       answer(res, ctx.ledger.setEmployeeEnabled(op, pathArg(req, 1), pathArg(req, 2), true));
                   });
}

} // namespace sinfonia::http
