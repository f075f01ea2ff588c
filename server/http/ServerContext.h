#pragma once

#include <QString>

namespace sinfonia {
class Clock;
namespace ledger {
class Database;
class LedgerService;
class AuthStore;
class IdempotencyStore;
} // namespace ledger

namespace http {

class Authenticator;
class Metrics;

// What the routes need, built once by main.cpp and passed by reference (no singletons). Only
// ledger and http types: the auth and sandbox routes (layered above http/) get what is theirs alone
// as arguments of their install().
struct ServerContext
{
    ledger::Database& db;
    ledger::LedgerService& ledger;
    ledger::AuthStore& auth;
    ledger::IdempotencyStore& idempotency;
    const Clock& clock;
    Metrics& metrics;
    Authenticator& authenticator;
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
