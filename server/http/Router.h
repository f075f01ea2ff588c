#pragma once

#include "server/ledger/IdempotencyStore.h"
#include "server/ledger/LedgerTypes.h"

#include <QByteArray>
#include <QString>
#include <functional>
#include <string>

namespace httplib {
class Server;
struct Request;
struct Response;
} // namespace httplib

namespace sinfonia::http {

struct ServerContext;

// Registers routes on the cpp-httplib server with the cross-cutting rules applied once:
// route label for metrics and logs, exception safety, Bearer authentication, and for commands
// (state changes under /api/v1) the Idempotency-Key protocol of the IETF httpapi draft.
class Router
{
public:
    using Handler = std::function<void(const httplib::Request&, httplib::Response&)>;
    using AuthedHandler
        = std::function<void(const httplib::Request&, httplib::Response&, const ledger::OperatorContext&)>;
    // What identifies "the same request" for the Idempotency-Key (default: SHA-256 of the raw body).
    using Fingerprint = std::function<QByteArray(const httplib::Request&)>;
    enum class Method
    {
        Get,
        Post,
        Put,
        Delete
    };

    Router(httplib::Server& server, ServerContext& ctx);

    // No authentication (info, health, OAuth, sandbox).
    void open(Method method, const std::string& pattern, const QString& label, Handler handler);
    // Authenticated reads.
    void query(const std::string& pattern, const QString& label, AuthedHandler handler);
    // Authenticated state changes with Idempotency-Key.
    // oneCommit: the handler's ledger operation hands its write transaction to the request
    // (ledger::CommitScope) and the idempotent answer is stored in it: one commit per request
    // instead of claim + operation + answer. Only for operations whose every effect is in that
    // transaction (a parallel duplicate rolls back when its answer cannot be stored).
    void command(Method method, const std::string& pattern, const QString& label, AuthedHandler handler,
                 Fingerprint fingerprint = {}, bool oneCommit = false);

private:
    void add(Method method, const std::string& pattern, Handler handler);
    bool authenticate(const httplib::Request& req, httplib::Response& res, ledger::OperatorContext& out) const;
    void runIdempotent(const httplib::Request& req, httplib::Response& res, const ledger::OperatorContext& op,
                       const QString& method, const AuthedHandler& handler, const Fingerprint& fingerprint,
                       bool oneCommit);
    void runOneCommit(const httplib::Request& req, httplib::Response& res, const ledger::OperatorContext& op,
                      const AuthedHandler& handler, const ledger::IdempotencyStore::Request& key);
    void crashHook(const httplib::Response& res) const;

    httplib::Server& m_server;
    ServerContext& m_ctx;
};

} // namespace sinfonia::http
