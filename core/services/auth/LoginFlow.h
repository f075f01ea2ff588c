#pragma once

#include "core/domain/Result.h"
#include "core/services/net/ApiTypes.h"

#include <QByteArray>
#include <QList>
#include <QObject>
#include <QPointer>
#include <QUrl>

class QTimer;

namespace sinfonia {

class ApiClient;
class LoopbackReceiver;
class Session;

// OAuth 2.0 authorization code + PKCE (S256) for a native app (RFC 8252): discovers the endpoints
// (GET /api/v1/info), listens on 127.0.0.1, opens the system browser through
// QDesktopServices::openUrl (tests intercept it with QDesktopServices::setUrlHandler), checks
// `state`, exchanges the code and hands the tokens to Session. Done by hand with
// QNetworkAccessManager because QtNetworkAuth 6.4 lacks PKCE and swallows token errors.
// Every path ends in succeeded() or failed(): cancel, timeout, a denied login, a wrong state, a
// refused code. In sandbox mode it also lists the test identities and can log in as one of them.
class LoginFlow : public QObject
{
    Q_OBJECT
public:
    enum class State
    {
        Idle,
        Discovering,
        WaitingForBrowser,
        Exchanging,
        LoggedIn,
        Failed
    };
    Q_ENUM(State)

    LoginFlow(ApiClient* api, Session* session, QObject* parent = nullptr);
    ~LoginFlow() override;

    // Identity gateway configured by IT: when set, the OAuth endpoints are <gateway>/oauth/authorize,
    // /oauth/token and /oauth/revoke instead of those announced by the server.
    void setIdentityGateway(const QUrl& gateway) { m_gateway = gateway; }
    void setTimeoutMs(int ms) { m_timeoutMs = ms; }

    // GET /api/v1/info (and /sandbox/identities when sandbox): emits discovered() and, in sandbox,
    // sandboxIdentitiesReady(); or failed().
    void discover();
    // Login in the system browser. `sandboxIdentity` (sandbox only) preselects a test identity.
    void start(const QString& sandboxIdentity = {});
    // Sandbox only: the flow follows the authorize URL with &identity=<id> itself, no browser.
    void startSandbox(const QString& identityId);
    // Stops waiting; emits failed("auth.cancelled").
    void cancel();

    State state() const { return m_state; }
    const ServerInfo& serverInfo() const { return m_info; }
    bool isSandbox() const { return m_hasInfo && m_info.sandbox; }
    QList<SandboxIdentity> sandboxIdentities() const { return m_identities; }
    QUrl authorizeUrl() const { return m_authorizeUrl; }

    static QByteArray newCodeVerifier();
    static QByteArray codeChallenge(const QByteArray& verifier);

Q_SIGNALS:
    void stateChanged(sinfonia::LoginFlow::State state);
    void discovered(bool sandbox);
    void sandboxIdentitiesReady();
    void succeeded();
    void failed(const sinfonia::Error& error);

private:
    enum class Mode
    {
        Browser,
        SandboxDirect
    };
    void begin(Mode mode, const QString& identity);
    void openAuthorization(Mode mode, const QString& identity);
    void onRedirect(const QUrl& url);
    // The message of a login the identity service or the server refused (error, error_description).
    static Error refusal(const QString& error, const QString& reason);
    void exchange(const QString& code);
    void fail(Error error);
    void setState(State s);
    void applyGateway();
    bool acceptInfo(const Result<ServerInfo>& r);
    void reset();

    ApiClient* m_api;
    Session* m_session;
    LoopbackReceiver* m_receiver;
    QTimer* m_timeout;
    QUrl m_gateway;
    int m_timeoutMs = 5 * 60 * 1000;
    State m_state = State::Idle;
    ServerInfo m_info;
    bool m_hasInfo = false;
    QList<SandboxIdentity> m_identities;
    QByteArray m_verifier;
    QByteArray m_oauthState;
    QUrl m_redirectUri;
    QUrl m_authorizeUrl;
    quint64 m_generation = 0;
};

} // namespace sinfonia
