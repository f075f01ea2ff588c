#include "server/http/Problem.h"

#include "core/domain/ErrorCodes.h"
#include "server/ledger/LedgerErrors.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <httplib.h>

namespace sinfonia::http {

namespace {
constexpr const char* problemType = "application/problem+json";
constexpr const char* jsonType = "application/json";
} // namespace

QString Problem::titleFor(int status)
{
    switch (status) {
    case 400:
        return QStringLiteral("Bad Request");
    case 401:
        return QStringLiteral("Unauthorized");
    case 403:
        return QStringLiteral("Forbidden");
    case 404:
        return QStringLiteral("Not Found");
    case 405:
        return QStringLiteral("Method Not Allowed");
    case 409:
        return QStringLiteral("Conflict");
    case 413:
        return QStringLiteral("Content Too Large");
    case 415:
        return QStringLiteral("Unsupported Media Type");
    case 422:
        return QStringLiteral("Unprocessable Content");
    case 429:
        return QStringLiteral("Too Many Requests");
    case 503:
        return QStringLiteral("Service Unavailable");
    default:
        return status >= 500 ? QStringLiteral("Internal Server Error") : QStringLiteral("Error");
    }
}

QJsonObject Problem::body(int status, const QString& code, const QString& detail, const QString& instance)
{
    QJsonObject o {
        {QStringLiteral("type"), QString(QStringLiteral("https://sinfonia.example/problems/") + code)},
        {QStringLiteral("title"), titleFor(status)},
        {QStringLiteral("status"), status},
        {QStringLiteral("detail"), detail},
        {QStringLiteral("code"), code},
    };
    if (!instance.isEmpty())
        o.insert(QStringLiteral("instance"), instance);
    return o;
}

void Problem::send(httplib::Response& res, int status, const QString& code, const QString& detail,
                   const QJsonObject& extra)
{
    QJsonObject o = body(status, code, detail);
    for (auto it = extra.begin(); it != extra.end(); ++it)
        o.insert(it.key(), it.value());
    res.status = status;
    res.set_content(QJsonDocument(o).toJson(QJsonDocument::Compact).toStdString(), problemType);
}

void Problem::sendError(httplib::Response& res, const Error& error, const QJsonObject& extra, int status)
{
    const int s = status > 0 ? status : ledger::httpStatusFor(error.code);
    QString detail = error.message;
    if (detail.isEmpty())
        detail = s >= 500 ? QStringLiteral("Errore interno del servizio: riprova tra qualche istante.")
                          : QStringLiteral("Richiesta non valida.");
    send(res, s, error.code.isEmpty() ? QString(codes::serverInternal) : error.code, detail, extra);
}

void sendJson(httplib::Response& res, int status, const QJsonObject& body)
{
    res.status = status;
    res.set_content(QJsonDocument(body).toJson(QJsonDocument::Compact).toStdString(), jsonType);
}

void sendJson(httplib::Response& res, int status, const QJsonArray& body)
{
    res.status = status;
    res.set_content(QJsonDocument(body).toJson(QJsonDocument::Compact).toStdString(), jsonType);
}

} // namespace sinfonia::http
