#pragma once

#include "core/domain/Result.h"

#include <QByteArray>
#include <QList>
#include <QNetworkReply>
#include <QSslError>
#include <optional>

namespace sinfonia::ApiErrors {

// Network failures in Italian: "net.timeout", "net.unreachable", "net.tls" (certificate refused;
// nothing was sent), "net.error".
Error network(QNetworkReply::NetworkError error, const QString& errorString, const QList<QSslError>& sslErrors);
Error timeout();
// An HTTP error status: the problem+json `code` becomes Error::code; Error::http carries the
// status, `attemptsLeft`, `resendAvailableAt` and the Retry-After header (`retryAfter`, seconds or
// an HTTP date, as sent). Error::detail is "http=<status> code=<code>", for logs only.
Error fromHttp(int status, const QByteArray& body, const QByteArray& retryAfter = {});
Error sessionExpired();
// The client's translated text for an API code (every code of codes::apiCodes(), the cf.* and
// money.* families); empty for a code this client does not know.
QString clientText(const QString& code);
Error oauth(const QByteArray& body, int status);

// True when the server definitely answered and refused: the operation did NOT happen. False for
// transport failures, timeouts, 5xx, 409 idempotency.in_progress, decoding errors: outcome unknown.
bool isDefinitive(const Error& error);
// Error::http's fields, for callers that only want one of them.
std::optional<int> httpStatus(const Error& error);
std::optional<int> attemptsLeft(const Error& error);

} // namespace sinfonia::ApiErrors
