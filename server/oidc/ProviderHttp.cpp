#include "server/oidc/ProviderHttp.h"

#include "server/oidc/OidcConfig.h"

#include <QUrl>
#include <QUrlQuery>
#include <httplib.h>

namespace sinfonia::oidc {

namespace {
constexpr size_t maxBody = 1024 * 1024;
}

ProviderHttp::ProviderHttp(QString caFile)
    : m_caFile(std::move(caFile))
{
}

Result<ProviderHttp::Response> ProviderHttp::get(const QString& url, const Headers& headers) const
{
    return send(QStringLiteral("GET"), url, {}, headers);
}

Result<ProviderHttp::Response> ProviderHttp::postForm(const QString& url, const Form& form,
                                                      const Headers& headers) const
{
    QByteArray body;
    for (const auto& [k, v] : form) {
        if (!body.isEmpty())
            body += '&';
        body += QUrl::toPercentEncoding(k) + '=' + QUrl::toPercentEncoding(v);
    }
    return send(QStringLiteral("POST"), url, body, headers);
}

Result<ProviderHttp::Response> ProviderHttp::send(const QString& method, const QString& url, const QByteArray& body,
                                                  const Headers& headers) const
{
    const QUrl u(url);
    if (!isAllowedProviderUrl(url))
        return makeError(QStringLiteral("oidc.url"),
                         QStringLiteral("Servizio di identità configurato male: contatta l'assistenza."),
                         QStringLiteral("provider URL not allowed (https only, http on loopback): ") + u.host());
    const bool tls = u.scheme() == QLatin1String("https");
    const int port = u.port(tls ? 443 : 80);
    QString host = u.host();
    if (host.contains(QLatin1Char(':')))
        host = QLatin1Char('[') + host + QLatin1Char(']');
    const std::string base
        = QString(u.scheme() + QStringLiteral("://") + host + QLatin1Char(':') + QString::number(port)).toStdString();
    httplib::Client client(base);
    client.set_connection_timeout(5, 0);
    client.set_read_timeout(15, 0);
    client.set_write_timeout(15, 0);
    client.set_follow_location(false);
    if (tls) {
        client.enable_server_certificate_verification(true);
        if (!m_caFile.isEmpty())
            client.set_ca_cert_path(m_caFile.toStdString());
    }
    QString target = u.path(QUrl::FullyEncoded);
    if (target.isEmpty())
        target = QStringLiteral("/");
    if (u.hasQuery())
        target += QLatin1Char('?') + u.query(QUrl::FullyEncoded);
    httplib::Headers h;
    h.emplace("Accept", "application/json");
    for (const auto& [k, v] : headers)
        h.emplace(k.toStdString(), v.toStdString());
    httplib::Result r = method == QLatin1String("POST")
        ? client.Post(target.toStdString(), h, body.toStdString(), "application/x-www-form-urlencoded")
        : client.Get(target.toStdString(), h);
    if (!r)
        return makeError(
            QStringLiteral("oidc.unreachable"),
            QStringLiteral("Il servizio di identità non risponde: riprova tra qualche minuto."),
            QStringLiteral("%1 %2: %3").arg(method, u.host(), QString::fromStdString(httplib::to_string(r.error()))));
    Response out;
    out.status = r->status;
    if (r->body.size() > maxBody)
        return makeError(QStringLiteral("oidc.unreachable"),
                         QStringLiteral("Risposta del servizio di identità non valida: accesso non riuscito."),
                         QStringLiteral("answer too large"));
    out.body = QByteArray::fromStdString(r->body);
    out.contentType = QByteArray::fromStdString(r->get_header_value("Content-Type"));
    return out;
}

} // namespace sinfonia::oidc
