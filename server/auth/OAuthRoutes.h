#pragma once

namespace sinfonia::http {
class Router;
struct ServerContext;
} // namespace sinfonia::http

namespace sinfonia::auth {

class BearerAuth;

// OAuth 2.0 for the public native client "sinfonia-pos": authorization code + PKCE (S256 only,
// RFC 7636) with a loopback redirect (RFC 8252), token endpoint with refresh rotation, revocation
// (RFC 7009). In sandbox mode the authorization endpoint is the simulated SPID page; without the
// sandbox no identity provider is wired in this reference server.
class OAuthRoutes
{
public:
    // `bearer` forgets its cached tokens after every token or revocation call.
    static void install(http::Router& router, http::ServerContext& ctx, BearerAuth& bearer);
};

} // namespace sinfonia::auth
