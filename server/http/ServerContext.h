#pragma once

#include <QString>

namespace sinfonia {
namespace ledger {
class Database;
class LedgerService;
class AuthStore;
class IdempotencyStore;
class OutboxSmsSender;
} // namespace ledger
namespace sandbox {
class SwitchableClock;
}
namespace auth {
class BearerAuth;
}

namespace http {

class Metrics;

// What the routes need, built once by main.cpp and passed by reference (no singletons).
struct ServerContext
{
    ledger::Database& db;
    ledger::LedgerService& ledger;
    ledger::AuthStore& auth;
    ledger::IdempotencyStore& idempotency;
    sandbox::SwitchableClock& clock;
    Metrics& metrics;
    auth::BearerAuth& bearer;
    ledger::OutboxSmsSender* outbox = nullptr; // sandbox only
    bool sandbox = false;
    QString publicUrl; // absolute base URL, e.g. "http://127.0.0.1:8080"
    QString version;
    // Test hook, sandbox only (SINFONIA_SANDBOX_CRASH_AFTER_COMMIT=<part of a route label>): the
    // process kills itself with SIGKILL after such a command committed and before its answer is
    // stored or sent, to prove a retry with the same Idempotency-Key has exactly one effect.
    QString crashAfterCommitRoute;
};

} // namespace http
} // namespace sinfonia
