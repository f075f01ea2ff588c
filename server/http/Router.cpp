#include "server/http/Router.h"

#include "core/domain/ErrorCodes.h"
#include "server/http/Authenticator.h"
#include "server/http/Logging.h"
#include "server/http/Metrics.h"
#include "server/http/Problem.h"
#include "server/http/ServerContext.h"
#include "server/ledger/IdempotencyStore.h"

#include <csignal>
#include <exception>
#include <httplib.h>
#include <unistd.h>

namespace sinfonia::http {

namespace {
QString methodName(Router::Method m)
{
    switch (m) {
    case Router::Method::Get:
        return QStringLiteral("GET");
    case Router::Method::Post:
        return QStringLiteral("POST");
    case Router::Method::Put:
        return QStringLiteral("PUT");
    case Router::Method::Delete:
        return QStringLiteral("DELETE");
    }
    return {};
}

// Runs a handler so that nothing escapes into cpp-httplib: an exception becomes a 500 problem.
void guarded(const QString& label, const httplib::Request& req, httplib::Response& res,
             const std::function<void()>& body)
{
    RequestScope::current().route = label;
    try {
        body();
    } catch (const std::exception& e) {
        qCWarning(lcHttp) << "handler of" << label << "threw:" << e.what();
        res.headers.clear();
        Problem::send(res, 500, QString(codes::serverInternal),
                      QStringLiteral("Errore interno del servizio: riprova tra qualche istante."));
    }
    Q_UNUSED(req);
}
} // namespace

Router::Router(httplib::Server& server, ServerContext& ctx)
    : m_server(server)
    , m_ctx(ctx)
{
}

void Router::add(Method method, const std::string& pattern, Handler handler)
{
    switch (method) {
    case Method::Get:
        m_server.Get(pattern, std::move(handler));
        break;
    case Method::Post:
        m_server.Post(pattern, std::move(handler));
        break;
    case Method::Put:
        m_server.Put(pattern, std::move(handler));
        break;
    case Method::Delete:
        m_server.Delete(pattern, std::move(handler));
        break;
    }
}

void Router::open(Method method, const std::string& pattern, const QString& label, Handler handler)
{
    add(method, pattern, [label, handler = std::move(handler)](const httplib::Request& req, httplib::Response& res) {
        guarded(label, req, res, [&] { handler(req, res); });
    });
}

void Router::query(const std::string& pattern, const QString& label, AuthedHandler handler)
{
    add(Method::Get, pattern,
        [this, label, handler = std::move(handler)](const httplib::Request& req, httplib::Response& res) {
            guarded(label, req, res, [&] {
                ledger::OperatorContext op;
                if (authenticate(req, res, op))
                    handler(req, res, op);
            });
        });
}

void Router::command(Method method, const std::string& pattern, const QString& label, AuthedHandler handler,
                     Fingerprint fingerprint)
{
    const QString name = methodName(method);
    add(method, pattern,
        [this, label, name, handler = std::move(handler),
         fingerprint = std::move(fingerprint)](const httplib::Request& req, httplib::Response& res) {
            guarded(label, req, res, [&] {
                ledger::OperatorContext op;
                if (authenticate(req, res, op))
                    runIdempotent(req, res, op, name, handler, fingerprint);
            });
        });
}

bool Router::authenticate(const httplib::Request& req, httplib::Response& res, ledger::OperatorContext& out) const
{
    auto op = m_ctx.authenticator.authenticate(req.get_header_value("Authorization"));
    if (op) {
        out = *op;
        return true;
    }
    const QString code = op.error().code;
    if (code == QLatin1String("auth.unauthorized") || code == QLatin1String("auth.invalid_token")) {
        Problem::send(res, 401, code, op.error().message);
        res.set_header("WWW-Authenticate", m_ctx.authenticator.challenge(code));
    } else {
        Problem::sendError(res, op.error());
    }
    return false;
}

void Router::runIdempotent(const httplib::Request& req, httplib::Response& res, const ledger::OperatorContext& op,
                           const QString& method, const AuthedHandler& handler, const Fingerprint& fingerprint)
{
    if (!req.has_header("Idempotency-Key")) {
        Problem::send(res, 400, QString(codes::idempotencyKeyMissing),
                      QStringLiteral("Manca l'intestazione Idempotency-Key, obbligatoria per ogni operazione."));
        return;
    }
    ledger::IdempotencyStore::Request key;
    key.key = QString::fromStdString(req.get_header_value("Idempotency-Key"));
    key.operatorId = op.operatorCf;
    key.method = method;
    key.path = QString::fromStdString(req.path);
    key.bodyHash = fingerprint
        ? fingerprint(req)
        : ledger::IdempotencyStore::hashBody(QByteArray::fromRawData(req.body.data(), qsizetype(req.body.size())));

    auto claim = m_ctx.idempotency.claim(key);
    if (!claim) {
        const int status = claim.error().code == QLatin1String("idempotency.key_invalid") ? 400 : 0;
        Problem::sendError(res, claim.error(), {}, status);
        return;
    }
    using Outcome = ledger::IdempotencyStore::Outcome;
    switch (claim->outcome) {
    case Outcome::InProgress:
        Problem::send(res, 409, QString(codes::idempotencyInProgress),
                      QStringLiteral("Operazione già in corso con la stessa chiave: attendi l'esito."));
        res.set_header("Retry-After", "1");
        return;
    case Outcome::Mismatch:
        Problem::send(res, 422, QString(codes::idempotencyKeyReused),
                      QStringLiteral("La chiave Idempotency-Key è già stata usata per una richiesta diversa."));
        return;
    case Outcome::Replay:
        res.status = claim->status;
        res.set_content(claim->body.toStdString(), claim->contentType.toStdString());
        res.set_header("Idempotency-Replayed", "true");
        return;
    case Outcome::Claimed:
        break;
    }

    try {
        handler(req, res, op);
    } catch (...) {
        (void)m_ctx.idempotency.release(key); // nothing was answered: let the client retry
        throw;
    }

    if (m_ctx.sandbox && !m_ctx.crashAfterCommitRoute.isEmpty() && res.status < 300
        && RequestScope::current().route.contains(m_ctx.crashAfterCommitRoute)) {
        qCWarning(lcHttp) << "sandbox crash hook: killing the process after the commit of"
                          << RequestScope::current().route;
        ::kill(::getpid(), SIGKILL);
    }

    Result<void> stored = res.status >= 500
        ? m_ctx.idempotency.release(key)
        : m_ctx.idempotency.complete(key, res.status, QByteArray::fromStdString(res.get_header_value("Content-Type")),
                                     QByteArray::fromStdString(res.body));
    if (!stored)
        qCWarning(lcHttp) << "idempotency record not stored:" << stored.error().code << stored.error().detail;
}

} // namespace sinfonia::http
