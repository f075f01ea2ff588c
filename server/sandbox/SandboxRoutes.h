#pragma once

namespace sinfonia::http {
class Router;
struct ServerContext;
} // namespace sinfonia::http

namespace sinfonia::sandbox {

// Test-only endpoints, installed only with --sandbox: the identities of the simulated SPID page,
// the SMS outbox (with the OTP of each message) and the settable clock.
class SandboxRoutes
{
public:
    static void install(http::Router& router, http::ServerContext& ctx);
};

} // namespace sinfonia::sandbox
