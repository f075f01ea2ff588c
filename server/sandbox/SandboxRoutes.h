#pragma once

namespace sinfonia::http {
class Router;
struct ServerContext;
} // namespace sinfonia::http

namespace sinfonia::ledger {
class OutboxSmsSender;
}

namespace sinfonia::sandbox {

class SwitchableClock;

// Test-only endpoints, installed only with --sandbox: the identities of the simulated SPID page,
// the SMS outbox (with the OTP of each message) and the settable clock.
class SandboxRoutes
{
public:
    // `outbox` may be null: then /sandbox/outbox is not served.
    static void install(http::Router& router, http::ServerContext& ctx, SwitchableClock& clock,
                        ledger::OutboxSmsSender* outbox);
};

} // namespace sinfonia::sandbox
