#pragma once

#include "core/domain/Clock.h"
#include "core/domain/Result.h"
#include "server/oidc/OidcConfig.h"
#include "server/oidc/ProviderHttp.h"

#include <QDateTime>
#include <QJsonObject>
#include <QString>
#include <memory>
#include <mutex>

namespace sinfonia::oidc {

class JwkSet;

// The relying party's side of the provider: discovery (cached; fetched again after a failure or
// after an hour), the JWKS (fetched again when an ID token names a kid it does not have: key
// rotation), the token request (client_secret_basic or private_key_jwt), ID token validation
// (signature, iss, aud/azp, exp, iat, nonce, acr) and userinfo. Thread safe.
//
// Errors carry an Italian message for the refusal page: "oidc.unreachable", "oidc.discovery",
// "oidc.token" (the provider refused the code: replayed, expired), "oidc.id_token" (validation
// failed; the detail says which check), "oidc.userinfo", "oidc.cf" (no or malformed codice fiscale).
class OidcClient
{
public:
    struct Endpoints
    {
        QString issuer;
        QString authorization;
        QString token;
        QString userinfo;
        QString jwks;
        QString endSession; // empty when the provider offers no RP-initiated logout
    };
    struct Tokens
    {
        QString idToken;
        QString accessToken;
    };

    OidcClient(OidcConfig config, const Clock& clock);
    ~OidcClient();

    const OidcConfig& config() const { return m_config; }
    Result<Endpoints> endpoints();
    Result<Tokens> exchangeCode(const QString& code, const QString& codeVerifier, const QString& redirectUri);
    // The verified claims of the ID token.
    Result<QJsonObject> validateIdToken(const QString& idToken, const QString& expectedNonce);
    // The codice fiscale (normalised, prefix stripped) from the claims, else from userinfo.
    Result<QString> codiceFiscale(const QJsonObject& idClaims, const QString& accessToken);

private:
    Result<std::shared_ptr<JwkSet>> keys(const QString& kid);
    Result<QJsonObject> userinfo(const QString& accessToken, const QString& sub);
    Result<QString> clientAssertion(const QString& audience);

    OidcConfig m_config;
    const Clock& m_clock;
    ProviderHttp m_http;
    std::mutex m_mutex;
    std::optional<Endpoints> m_endpoints;
    QDateTime m_endpointsAt;
    std::shared_ptr<JwkSet> m_keys;
    QDateTime m_keysAt;
    QString m_lastRefetchKid;
};

} // namespace sinfonia::oidc
