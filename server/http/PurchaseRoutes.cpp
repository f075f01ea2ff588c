#include "server/http/PurchaseRoutes.h"

#include "core/domain/ErrorCodes.h"
#include "server/http/JsonViews.h"
#include "server/http/Problem.h"
#include "server/http/RequestParsing.h"
#include "server/http/RouteUtil.h"
#include "server/http/Router.h"
#include "server/http/ServerContext.h"
#include "server/ledger/IdempotencyStore.h"
#include "server/ledger/LedgerService.h"

#include <QCryptographicHash>
#include <QJsonDocument>

namespace sinfonia::http {

namespace {
using ledger::OperatorContext;

QByteArray bytes(const std::string& s)
{
    return QByteArray::fromRawData(s.data(), qsizetype(s.size()));
}

QString receiptType(const std::string& declared)
{
    // The content decides; a declared type is passed on only when it is one we accept, so a client
    // that labels the part application/octet-stream is not refused for it.
    const QString t = QString::fromStdString(declared).section(QLatin1Char(';'), 0, 0).trimmed().toLower();
    if (t == QLatin1String("image/jpeg") || t == QLatin1String("image/png") || t == QLatin1String("application/pdf"))
        return t;
    return {};
}

void createPurchase(ServerContext& ctx, const httplib::Request& req, httplib::Response& res, const OperatorContext& op)
{
    if (!req.is_multipart_form_data())
        return Problem::send(res, 400, QString(codes::requestMissingField),
                             QStringLiteral("La richiesta deve essere multipart/form-data con le parti \"purchase\" e "
                                            "\"receipt\"."));
    if (!req.has_file("purchase"))
        return Problem::send(res, 400, QString(codes::requestMissingField),
                             QStringLiteral("Campo obbligatorio mancante: purchase."));
    auto body = RequestParsing::jsonObject(req.get_file_value("purchase").content);
    if (!body)
        return Problem::sendError(res, body.error(), {}, 400);
    auto amount = RequestParsing::requiredCents(*body, QStringLiteral("amountCents"));
    if (!amount)
        return Problem::sendError(res, amount.error(), {}, 400);
    auto document = RequestParsing::optionalString(*body, QStringLiteral("commercialDocument"), 4096);
    if (!document)
        return Problem::sendError(res, document.error(), {}, 400);
    if (!req.has_file("receipt"))
        return Problem::send(res, 400, QString(codes::receiptMissing),
                             QStringLiteral("Allega lo scontrino (JPEG, PNG o PDF, al massimo 5 MB)."));
    const auto receipt = req.get_file_value("receipt");

    ledger::PurchaseRequest r;
    r.structureId = pathArg(req, 1);
    r.voucherId = pathArg(req, 2);
    r.amountCents = *amount;
    r.receipt = QByteArray::fromStdString(receipt.content);
    r.receiptContentType = receiptType(receipt.content_type);
    r.commercialDocument = document->trimmed();
    r.idempotencyKey = QString::fromStdString(req.get_header_value("Idempotency-Key"));
    auto c = ctx.ledger.createPurchase(op, r);
    if (!c)
        return Problem::sendError(res, c.error());
    sendJson(res, 201, JsonViews::challenge(*c));
}

void createCancellation(ServerContext& ctx, const httplib::Request& req, httplib::Response& res,
                        const OperatorContext& op)
{
    auto body = RequestParsing::jsonObject(req.body);
    if (!body)
        return Problem::sendError(res, body.error(), {}, 400);
    auto amount = RequestParsing::requiredCents(*body, QStringLiteral("amountCents"));
    if (!amount)
        return Problem::sendError(res, amount.error(), {}, 400);
    ledger::CancellationRequest r;
    r.structureId = pathArg(req, 1);
    r.purchaseId = pathArg(req, 2);
    r.amountCents = *amount;
    r.idempotencyKey = QString::fromStdString(req.get_header_value("Idempotency-Key"));
    auto c = ctx.ledger.createCancellation(op, r);
    if (!c)
        return Problem::sendError(res, c.error());
    sendJson(res, 201, JsonViews::challenge(*c));
}
void voidPurchase(ServerContext& ctx, const httplib::Request& req, httplib::Response& res, const OperatorContext& op)
{
    ledger::VoidRequest r;
    r.structureId = pathArg(req, 1);
    r.purchaseId = pathArg(req, 2);
    auto v = ctx.ledger.voidPurchase(op, r);
    if (!v)
        return Problem::sendError(res, v.error());
    sendJson(res, 200, JsonViews::voidResult(*v));
}
} // namespace

QByteArray PurchaseRoutes::purchaseFingerprint(const httplib::Request& req)
{
    if (!req.is_multipart_form_data())
        return ledger::IdempotencyStore::hashBody(bytes(req.body));
    QCryptographicHash h(QCryptographicHash::Sha256);
    h.addData("purchase:");
    if (req.has_file("purchase")) {
        // Canonical form of the JSON part, so whitespace or key order do not matter.
        auto body = RequestParsing::jsonObject(req.get_file_value("purchase").content);
        h.addData(body ? QJsonDocument(*body).toJson(QJsonDocument::Compact)
                       : bytes(req.get_file_value("purchase").content));
    }
    h.addData("\nreceipt:");
    if (req.has_file("receipt"))
        h.addData(QCryptographicHash::hash(bytes(req.get_file_value("receipt").content), QCryptographicHash::Sha256));
    return h.result(); // raw SHA-256 like IdempotencyStore::hashBody
}

void PurchaseRoutes::install(Router& router, ServerContext& ctx)
{
    using M = Router::Method;
    router.command(
        M::Post, std::string(structurePart) + "/vouchers/" + idPart + "/purchases",
        QStringLiteral("/api/v1/structures/{sid}/vouchers/{vid}/purchases"),
        [&ctx](const httplib::Request& req, httplib::Response& res, const OperatorContext& op) {
            createPurchase(ctx, req, res, op);
        },
        &PurchaseRoutes::purchaseFingerprint, true);
    router.command(
        M::Post, std::string(structurePart) + "/movements/" + idPart + "/cancellations",
        QStringLiteral("/api/v1/structures/{sid}/movements/{mid}/cancellations"),
        [&ctx](const httplib::Request& req, httplib::Response& res, const OperatorContext& op) {
            createCancellation(ctx, req, res, op);
        },
        {}, true);
    // "Annulla acquisto in attesa" (no body; idempotent with Idempotency-Key like every command).
    router.command(
        M::Post, std::string(structurePart) + "/movements/" + idPart + "/void",
        QStringLiteral("/api/v1/structures/{sid}/movements/{mid}/void"),
        [&ctx](const httplib::Request& req, httplib::Response& res, const OperatorContext& op) {
            voidPurchase(ctx, req, res, op);
        },
        {}, true);
}

} // namespace sinfonia::http
