#pragma once

#include <QString>
#include <QUrl>

namespace httplib {
struct Request;
struct Response;
} // namespace httplib

namespace sinfonia::http {
class Router;
struct ServerContext;
} // namespace sinfonia::http

namespace sinfonia::oidc {

class OidcClient;

// The browser leg of an operator's login through the OpenID Provider, between sinfonia-pos and
// the provider. /oauth/authorize (auth/OAuthRoutes, after checking the client's request) calls
// begin(): a pending login (state, nonce, PKCE verifier of the provider leg, what the client
// asked) goes to the database and the browser to the provider. The provider sends the browser
// back to GET /oauth/callback: state looked up and consumed, code exchanged, ID token validated,
// the codice fiscale matched to an enabled operator; only then the browser goes on to the
// client's loopback redirect with a code of ours. Every failure is an Italian page and no code.
class OidcLogin
{
public:
    struct ClientRequest
    {
        QString clientId;
        QString redirectUri;
        QString state;
        QString codeChallenge;
        QString scope;
    };

    OidcLogin(http::ServerContext& ctx, OidcClient& client);

    void begin(const ClientRequest& r, httplib::Response& res);
    // GET /oauth/callback and GET /oauth/logged-out.
    void install(http::Router& router);
    // Where the browser ends the session at the provider (RP-initiated logout), or empty when the
    // provider offers none.
    QString endSessionUrl(const QString& idToken);

    QString callbackUrl() const;

private:
    void callback(const httplib::Request& req, httplib::Response& res);

    http::ServerContext& m_ctx;
    OidcClient& m_client;
};

// The Italian page of a refused or failed login (no code, no token); with back, the application's
// redirect carrying the error, linked and followed after a few seconds.
void sendRefusal(httplib::Response& res, int status, const QString& message, const QUrl& back = {});

} // namespace sinfonia::oidc
