#include "server/http/MovementRoutes.h"

#include "core/domain/ErrorCodes.h"
#include "server/http/JsonViews.h"
#include "server/http/Problem.h"
#include "server/http/RouteUtil.h"
#include "server/http/Router.h"
#include "server/http/ServerContext.h"
#include "server/ledger/LedgerService.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>

namespace sinfonia::http {

namespace {
using ledger::OperatorContext;

bool parseDate(const httplib::Request& req, const char* name, QDate fallback, QDate& out, httplib::Response& res)
{
    if (!req.has_param(name)) {
        out = fallback;
        return true;
    }
    out = QDate::fromString(queryArg(req, name), Qt::ISODate);
    if (out.isValid())
        return true;
    Problem::send(
        res, 400, QString(codes::requestInvalidQuery),
        QStringLiteral("Data non valida nel parametro %1: usa il formato AAAA-MM-GG.").arg(QString::fromLatin1(name)));
    return false;
}

void listMovements(ServerContext& ctx, const httplib::Request& req, httplib::Response& res, const OperatorContext& op)
{
    ledger::MovementQuery q;
    q.structureId = pathArg(req, 1);
    const QDate today = ctx.ledger.clock().todayInRome();
    if (!parseDate(req, "from", today, q.from, res) || !parseDate(req, "to", today, q.to, res))
        return;
    q.codiceFiscale = queryArg(req, "codiceFiscale").trimmed();
    q.cursor = queryArg(req, "cursor");
    if (req.has_param("limit")) {
        bool ok = false;
        q.limit = queryArg(req, "limit").toInt(&ok);
        if (!ok)
            return Problem::send(res, 400, QString(codes::movementsLimitInvalid),
                                 QStringLiteral("Il numero di movimenti per pagina deve essere tra 1 e 5000."));
    }
    auto page = ctx.ledger.movements(op, q);
    if (!page)
        return Problem::sendError(res, page.error());
    // Written as text, not through QJsonObject: a page of 5,000 rows is the cache sync's hot path.
    // cpp-httplib (built with CPPHTTPLIB_ZLIB_SUPPORT/BROTLI in Debian) compresses it when the client
    // accepts gzip or br, as Qt's network access does by default.
    QByteArray body;
    body.reserve(64 + page->items.size() * 420);
    body += "{\"items\":[";
    for (qsizetype i = 0; i < page->items.size(); ++i) {
        if (i)
            body += ',';
        JsonViews::appendMovement(body, page->items.at(i));
    }
    body += "],\"nextCursor\":";
    body += page->nextCursor.isEmpty()
        ? QByteArray("null")
        : QJsonDocument(QJsonArray {page->nextCursor}).toJson(QJsonDocument::Compact).mid(1).chopped(1);
    body += '}';
    res.status = 200;
    res.set_content(body.constData(), size_t(body.size()), "application/json");
}
// GET .../audit: the structure's audit trail for the titolare (same window and pages as movements).
void listAudit(ServerContext& ctx, const httplib::Request& req, httplib::Response& res, const OperatorContext& op)
{
    ledger::AuditQuery q;
    q.structureId = pathArg(req, 1);
    const QDate today = ctx.ledger.clock().todayInRome();
    if (!parseDate(req, "from", today, q.from, res) || !parseDate(req, "to", today, q.to, res))
        return;
    q.cursor = queryArg(req, "cursor");
    if (req.has_param("limit")) {
        bool ok = false;
        q.limit = queryArg(req, "limit").toInt(&ok);
        if (!ok)
            return Problem::send(res, 400, QString(codes::movementsLimitInvalid),
                                 QStringLiteral("Il numero di righe per pagina deve essere tra 1 e 500."));
    }
    auto page = ctx.ledger.audit(op, q);
    if (!page)
        return Problem::sendError(res, page.error());
    QJsonArray items;
    for (const auto& e : page->items)
        items.append(JsonViews::auditEntry(e));
    sendJson(res, 200,
             QJsonObject {{QStringLiteral("items"), items},
                          {QStringLiteral("nextCursor"),
                           page->nextCursor.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(page->nextCursor)}});
}
} // namespace

void MovementRoutes::install(Router& router, ServerContext& ctx)
{
    router.query(std::string(structurePart) + "/audit", QStringLiteral("/api/v1/structures/{sid}/audit"),
                 [&ctx](const httplib::Request& req, httplib::Response& res, const OperatorContext& op) {
                     listAudit(ctx, req, res, op);
                 });
    router.query(std::string(structurePart) + "/movements", QStringLiteral("/api/v1/structures/{sid}/movements"),
                 [&ctx](const httplib::Request& req, httplib::Response& res, const OperatorContext& op) {
                     listMovements(ctx, req, res, op);
                 });
    router.query(std::string(structurePart) + "/movements/" + idPart + "/receipt",
                 QStringLiteral("/api/v1/structures/{sid}/movements/{mid}/receipt"),
                 [&ctx](const httplib::Request& req, httplib::Response& res, const OperatorContext& op) {
                     auto r = ctx.ledger.receipt(op, pathArg(req, 1), pathArg(req, 2));
                     if (!r)
                         return Problem::sendError(res, r.error());
                     res.status = 200;
                     res.set_content(r->data.toStdString(), r->contentType.toStdString());
                     res.set_header("Cache-Control", "private, no-store");
                     // Never rendered as a page, whatever a browser would guess from the bytes.
                     res.set_header("X-Content-Type-Options", "nosniff");
                     const char* ext = r->contentType == QLatin1String("application/pdf") ? "pdf"
                         : r->contentType == QLatin1String("image/png")                   ? "png"
                                                                                          : "jpg";
                     QString id = pathArg(req, 2);
                     id.remove(QRegularExpression(QStringLiteral("[^A-Za-z0-9_-]")));
                     res.set_header("Content-Disposition",
                                    QStringLiteral("attachment; filename=\"scontrino-%1.%2\"")
                                        .arg(id.left(64), QLatin1String(ext))
                                        .toStdString());
                 });
}

} // namespace sinfonia::http
