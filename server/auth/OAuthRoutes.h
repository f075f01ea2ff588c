#pragma once

namespace sinfonia::http {
class Router;
struct ServerContext;
} // namespace sinfonia::http

namespace sinfonia::oidc {
class OidcLogin;
}

namespace sinfonia::auth {

class BearerAuth;

// OAuth 2.0 for the public native client "sinfonia-pos": authorization code + PKCE (S256 only,
// RFC 7636) with a loopback redirect (RFC 8252), token endpoint with refresh rotation, revocation
// (RFC 7009). In sandbox mode the authorization endpoint is the simulated SPID page; without the
// sandbox it sends the browser on to the OpenID Provider configured by IT (`oidc`, server/oidc),
// or refuses with "SPID non configurato" when there is none. Revoking a grant of an OpenID
// Connect login answers {"end_session_url": ...} when the provider offers RP-initiated logout.
class OAuthRoutes
{
public:
    // `bearer` forgets its cached tokens after every token or revocation call.
    static void install(http::Router& router, http::ServerContext& ctx, BearerAuth& bearer,
                        oidc::OidcLogin* oidc = nullptr);
};

} // namespace sinfonia::auth
