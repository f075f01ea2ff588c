#pragma once

#include "core/domain/Result.h"
#include "core/services/net/AccessTokenProvider.h"
#include "core/services/net/ApiTypes.h"

#include <QDateTime>
#include <QList>
#include <QObject>
#include <QPointer>
#include <functional>

namespace sinfonia {

class ApiClient;
class Clock;
class TokenStore;

// The logged-in session: access token in memory only, refresh token in memory and in the OS keychain
// (TokenStore). Implements AccessTokenProvider for ApiClient: one refresh at a time, the waiting calls
// resume when it ends. With no keychain the session still works but is not remembered, and
// keychainUnavailable() tells the UI; nothing is ever written to disk instead.
class Session : public QObject, public AccessTokenProvider
{
    Q_OBJECT
public:
    enum class KeychainState
    {
        Unknown,
        Available,
        Unavailable
    };

    static constexpr char refreshTokenKey[] = "refresh-token";

    // The access token expiry is computed on `clock`.
    Session(ApiClient* api, TokenStore* store, const Clock& clock, QObject* parent = nullptr);
    ~Session() override;

    // Endpoints and client id from GET /api/v1/info (LoginFlow sets them).
    void setServerInfo(const ServerInfo& info) { m_info = info; }
    const ServerInfo& serverInfo() const { return m_info; }

    bool isLoggedIn() const { return !m_accessToken.isEmpty(); }
    QDateTime accessTokenExpiry() const { return m_expiresAt; }
    KeychainState keychainState() const { return m_keychain; }

    QByteArray accessToken() const override { return m_accessToken; }
    void refreshAccessToken(QObject* context, std::function<void(Result<void>)> done) override;

    // Installs the tokens of a code exchange and saves the refresh token in the keychain.
    void setTokens(const TokenResponse& tokens);
    // Silent login with the refresh token saved by a previous run ("keychain.not_found" when none).
    void restore(QObject* context, std::function<void(Result<void>)> done);
    // Revokes the refresh token at the server, forgets every token and deletes it from the keychain.
    // Always ends logged out locally, even when the server cannot be reached.
    void logout(QObject* context, std::function<void(Result<void>)> done);

Q_SIGNALS:
    void loggedIn();
    void loggedOut();
    // The refresh failed (token revoked or expired): the UI shows the login again, drafts are kept.
    void expired();
    void keychainUnavailable(const sinfonia::Error& error);

private:
    void requestToken(const QByteArray& refreshToken);
    void finishRefresh(const Result<void>& result);
    void persistRefreshToken();
    void clearTokens();

    ApiClient* m_api;
    TokenStore* m_store;
    const Clock& m_clock;
    ServerInfo m_info;
    QByteArray m_accessToken;
    QByteArray m_refreshToken;
    QDateTime m_expiresAt;
    KeychainState m_keychain = KeychainState::Unknown;
    bool m_refreshing = false;
    QList<QPair<QPointer<QObject>, std::function<void(Result<void>)>>> m_waiting;
};

} // namespace sinfonia
