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
// An HTTP error status: the problem+json `code` becomes Error::code and its `detail` the message
// (a per-code or per-status Italian text when absent); Error::detail is "http=<status> code=<code>"
// plus "attemptsLeft=<n>" / "resendAvailableAt=<t>" when the problem carries them.
Error fromHttp(int status, const QByteArray& body);
Error sessionExpired();
Error oauth(const QByteArray& body, int status);

// True when the server definitely answered and refused: the operation did NOT happen. False for
// transport failures, timeouts, 5xx, 409 idempotency.in_progress, decoding errors: outcome unknown.
bool isDefinitive(const Error& error);
std::optional<int> httpStatus(const Error& error);
std::optional<int> attemptsLeft(const Error& error);

} // namespace sinfonia::ApiErrors
