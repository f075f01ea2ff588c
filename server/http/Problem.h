#pragma once

#include "core/domain/Result.h"

#include <QJsonObject>
#include <QString>

namespace httplib {
struct Response;
}

namespace sinfonia::http {

// Writes the bodies of the API: JSON and RFC 9457 problem+json errors whose "code" is the stable
// machine code of the ledger or of the HTTP layer and whose "detail" is the Italian message.
namespace Problem {

QString titleFor(int status);
QJsonObject body(int status, const QString& code, const QString& detail, const QString& instance = {});

void send(httplib::Response& res, int status, const QString& code, const QString& detail,
          const QJsonObject& extra = {});
// Status from ledger::httpStatusFor(error.code) unless `status` is given.
void sendError(httplib::Response& res, const Error& error, const QJsonObject& extra = {}, int status = 0);

} // namespace Problem

void sendJson(httplib::Response& res, int status, const QJsonObject& body);
void sendJson(httplib::Response& res, int status, const QJsonArray& body);

} // namespace sinfonia::http
