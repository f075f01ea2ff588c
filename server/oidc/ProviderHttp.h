#pragma once

#include "core/domain/Result.h"

#include <QByteArray>
#include <QList>
#include <QPair>
#include <QString>

namespace sinfonia::oidc {

// Outbound HTTP(S) to the OpenID Provider with cpp-httplib's client (OpenSSL, certificates
// verified against the system store or a CA file). Only https URLs, or http on loopback (tests).
// Errors: "oidc.unreachable" (connection, TLS or timeout), "oidc.url" (a URL that is not allowed).
class ProviderHttp
{
public:
    struct Response
    {
        int status = 0;
        QByteArray body;
        QByteArray contentType;
    };
    using Form = QList<QPair<QString, QString>>;
    using Headers = QList<QPair<QByteArray, QByteArray>>;

    explicit ProviderHttp(QString caFile = {});

    Result<Response> get(const QString& url, const Headers& headers = {}) const;
    Result<Response> postForm(const QString& url, const Form& form, const Headers& headers = {}) const;

private:
    Result<Response> send(const QString& method, const QString& url, const QByteArray& body,
                          const Headers& headers) const;
    QString m_caFile;
};

} // namespace sinfonia::oidc
