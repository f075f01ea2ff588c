#include "server/oidc/OidcConfig.h"

#include <QUrl>

namespace sinfonia::oidc {

bool isLoopbackUrl(const QString& url)
{
    const QUrl u(url);
    const QString host = u.host();
    return u.isValid() && (u.scheme() == QLatin1String("http") || u.scheme() == QLatin1String("https"))
        && (host == QLatin1String("127.0.0.1") || host == QLatin1String("::1") || host == QLatin1String("localhost"));
}

bool isAllowedProviderUrl(const QString& url)
{
    const QUrl u(url);
    if (!u.isValid() || u.host().isEmpty())
        return false;
    return u.scheme() == QLatin1String("https") || (u.scheme() == QLatin1String("http") && isLoopbackUrl(url));
}

Result<void> OidcConfig::validate() const
{
    auto bad = [](const QString& what) { return makeError(QStringLiteral("oidc.config"), what); };
    if (!isAllowedProviderUrl(issuer))
        return bad(
            QStringLiteral("--oidc-issuer wants an https:// URL (plain http only for a loopback test provider)"));
    if (clientId.isEmpty())
        return bad(QStringLiteral("--oidc-client-id is required"));
    if (clientSecret.isEmpty() == privateJwk.isEmpty())
        return bad(QStringLiteral("give exactly one of --oidc-client-secret-file and --oidc-private-key"));
    if (!scopes.contains(QStringLiteral("openid")))
        return bad(QStringLiteral("--oidc-scopes must include openid"));
    if (cfClaim.isEmpty())
        return bad(QStringLiteral("--oidc-cf-claim must not be empty"));
    return {};
}

} // namespace sinfonia::oidc
