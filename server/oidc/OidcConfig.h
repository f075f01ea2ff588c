#pragma once

#include "core/domain/Result.h"

#include <QByteArray>
#include <QString>
#include <QStringList>

namespace sinfonia::oidc {

// The OpenID Provider of a real service, as IT configures it (sinfonia-server --oidc-* options,
// docs/deployment.md). Production: the regional identity gateway in front of SPID and CIE.
struct OidcConfig
{
    QString issuer; // e.g. https://id.regione.campania.it; discovery at <issuer>/.well-known/openid-configuration
    QString clientId;
    QByteArray clientSecret; // client_secret_basic, or
    QByteArray privateJwk; // private_key_jwt: the service's private key (JWK, RSA or EC P-256)
    QStringList scopes {QStringLiteral("openid"), QStringLiteral("profile")};
    QString cfClaim = QStringLiteral("https://attributes.eid.gov.it/fiscal_number");
    QString cfPrefix = QStringLiteral("TINIT-"); // stripped from the claim's value
    QStringList acrValues; // accepted acr values, also sent as acr_values; empty = no acr check
    QString caFile; // CA bundle for the provider's TLS (default: the system's)
    int clockSkewSecs = 120;
    int loginTtlSecs = 600; // time to finish the login at the provider
    int maxIdTokenAgeSecs = 600; // iat older than this is refused

    bool usesPrivateKeyJwt() const { return !privateJwk.isEmpty(); }
    // Issuer https (plain http only on a loopback host, for tests), client id, one way of client
    // authentication, "openid" among the scopes.
    Result<void> validate() const;
};

// True for http(s) URLs whose host is 127.0.0.1, ::1 or localhost.
bool isLoopbackUrl(const QString& url);
// https, or http on loopback.
bool isAllowedProviderUrl(const QString& url);

} // namespace sinfonia::oidc
