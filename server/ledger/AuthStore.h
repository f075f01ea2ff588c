#pragma once

#include "core/domain/Clock.h"
#include "core/domain/Result.h"

#include <QDateTime>
#include <QSqlDatabase>
#include <QString>

namespace sinfonia::ledger {

class Database;

// OAuth 2.0 authorization codes (with their PKCE S256 challenge) and opaque access/refresh tokens.
// Only SHA-256 hashes of codes and tokens are stored; raw values are returned once and never logged.
// Codes are single use; refresh rotates the refresh token (the old one stops working) but never
// extends the grant past Options::grantLifetimeSecs from the login (no token outlives it); revoking
// either token of a grant revokes the whole grant. Known clients live in the oauth_clients table
// (migration seeds "sinfonia-pos").
//
// Error codes (the HTTP layer maps them to RFC 6749 names, status 400):
//   "oauth.invalid_client"  unknown client_id          -> invalid_client
//   "oauth.invalid_grant"   bad/expired/used code, redirect mismatch, wrong PKCE verifier,
//                           bad/expired/revoked refresh token -> invalid_grant
//   "oauth.invalid_request" missing parameter, challenge not 43 base64url chars -> invalid_request
//   "auth.invalid_token"    validateAccessToken: unknown, expired or revoked (HTTP 401)
class AuthStore
{
public:
    struct Options
    {
        int codeTtlSecs = 120;
        int accessTtlSecs = 3600;
        int refreshTtlSecs = 30 * 24 * 3600;
        // Absolute lifetime of a grant from the login: refreshes rotate tokens inside it, never past it.
        int grantLifetimeSecs = 12 * 3600;
    };
    struct CodeRequest
    {
        QString clientId;
        QString redirectUri;
        QString operatorCf;
        QString codeChallenge; // base64url(SHA-256(verifier)), method S256 only
        QString scope;
    };
    struct TokenPair
    {
        QString accessToken;
        QString refreshToken;
        QString tokenType = QStringLiteral("Bearer");
        int expiresIn = 0; // seconds
        QString scope;
    };
    struct TokenInfo
    {
        QString operatorCf;
        QString clientId;
        QString scope;
        QDateTime expiresAt;
    };

    AuthStore(Database& db, const Clock& clock);
    AuthStore(Database& db, const Clock& clock, Options options);

    Result<bool> isKnownClient(const QString& clientId);
    // `idToken`: after an OpenID Connect login, the provider's ID token, kept with the grant (for
    // RP-initiated logout) until it is revoked.
    Result<QString> createAuthorizationCode(const CodeRequest& r, const QString& idToken = {});
    Result<TokenPair> exchangeCode(const QString& code, const QString& clientId, const QString& redirectUri,
                                   const QString& codeVerifier);
    Result<TokenPair> refresh(const QString& refreshToken, const QString& clientId);
    // RFC 7009: unknown tokens are not an error. `idToken`, when given, receives the provider's ID
    // token of the revoked grant (empty for a sandbox login), which the grant forgets.
    Result<void> revoke(const QString& token, const QString& clientId, QString* idToken = nullptr);
    Result<TokenInfo> validateAccessToken(const QString& accessToken);
    // Deletes codes and tokens that expired more than a day ago. Returns how many rows went.
    Result<int> purgeExpired();

    static QString pkceChallengeFor(const QString& verifier); // base64url(SHA-256) without '='
    static QString hashSecret(const QString& secret); // hex SHA-256

private:
    Result<TokenPair> issueTokens(QSqlDatabase& conn, const QString& grantId, qint64 grantCreatedMs,
                                  const QString& scope);

    Database& m_db;
    const Clock& m_clock;
    Options m_options;
};

} // namespace sinfonia::ledger
