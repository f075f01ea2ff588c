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
#include <memory>
#include <zlib.h>

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

// How a movement page travels. cpp-httplib 0.11.4 compresses every JSON answer itself: brotli at
// its default quality (11) when the client accepts br, else gzip at zlib's default level (6), the
// case of Qt 6.4, which asks for "gzip, deflate". At 5,000 rows (about 2.5 MB) a page, level 6
// costs about 3.5 us of server CPU per row. The page is therefore sent through a sized content
// provider (which cpp-httplib leaves alone) and compressed here: not at all to a client on this
// machine (the bytes cost less to copy than to deflate and inflate), gzip level 1 (about half the
// CPU of level 6, 14 % of the bytes against 13 %) to anyone else who accepts gzip, plain otherwise.
bool acceptsGzip(const httplib::Request& req)
{
    const std::string accept = req.get_header_value("Accept-Encoding");
    for (const auto& token : QByteArray::fromStdString(accept).split(',')) {
        const QList<QByteArray> parts = token.trimmed().split(';');
        if (parts.first().trimmed().toLower() != "gzip")
            continue;
        // "gzip;q=0" refuses it.
        for (qsizetype i = 1; i < parts.size(); ++i) {
            const QByteArray p = parts.at(i).trimmed().toLower();
            if (p.startsWith("q=") && p.mid(2).toDouble() <= 0)
                return false;
        }
        return true;
    }
    return false;
}

// A client on this machine. A proxy on this machine (nginx, which says X-Forwarded-For) is not: its
// client is elsewhere and the page is compressed for it.
bool isLoopback(const httplib::Request& req)
{
    const bool local
        = req.remote_addr == "127.0.0.1" || req.remote_addr == "::1" || req.remote_addr == "::ffff:127.0.0.1";
    return local && !req.has_header("X-Forwarded-For") && !req.has_header("Forwarded");
}

// gzip (RFC 1952) of `in` at level 1; empty on failure (then sent plain).
QByteArray gzipFast(const QByteArray& in)
{
    z_stream z {};
    if (deflateInit2(&z, 1, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY) != Z_OK)
        return {};
    QByteArray out;
    out.resize(qsizetype(deflateBound(&z, uLong(in.size()))));
    z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(in.constData()));
    z.avail_in = uInt(in.size());
    z.next_out = reinterpret_cast<Bytef*>(out.data());
    z.avail_out = uInt(out.size());
    const int rc = deflate(&z, Z_FINISH);
    const uLong written = z.total_out;
    deflateEnd(&z);
    if (rc != Z_STREAM_END)
        return {};
    out.resize(qsizetype(written));
    return out;
}

void sendPage(const httplib::Request& req, httplib::Response& res, QByteArray body)
{
    res.status = 200;
    res.set_header("Vary", "Accept-Encoding");
    if (!isLoopback(req) && acceptsGzip(req)) {
        if (QByteArray gz = gzipFast(body); !gz.isEmpty()) {
            body = std::move(gz);
            res.set_header("Content-Encoding", "gzip");
        }
    }
    auto data = std::make_shared<QByteArray>(std::move(body));
    res.set_content_provider(size_t(data->size()), "application/json",
                             [data](size_t offset, size_t length, httplib::DataSink& sink) {
                                 return sink.write(data->constData() + offset, length);
                             });
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
    // Written as text, not through QJsonObject: a page of 5,000 rows is the cache sync's hot path;
    // compressed by sendPage.
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
    sendPage(req, res, std::move(body));
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
