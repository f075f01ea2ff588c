#include "server/http/Router.h"

#include "core/domain/ErrorCodes.h"
#include "server/http/Authenticator.h"
#include "server/http/Logging.h"
#include "server/http/Metrics.h"
#include "server/http/Problem.h"
#include "server/http/ServerContext.h"
#include "server/ledger/Database.h"
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
                     Fingerprint fingerprint, bool oneCommit)
{
    const QString name = methodName(method);
    add(method, pattern,
        [this, label, name, handler = std::move(handler), fingerprint = std::move(fingerprint),
         oneCommit](const httplib::Request& req, httplib::Response& res) {
            guarded(label, req, res, [&] {
                ledger::OperatorContext op;
                if (authenticate(req, res, op))
                    runIdempotent(req, res, op, name, handler, fingerprint, oneCommit);
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
                           const QString& method, const AuthedHandler& handler, const Fingerprint& fingerprint,
                           bool oneCommit)
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

    auto claim = oneCommit ? m_ctx.idempotency.lookup(key) : m_ctx.idempotency.claim(key);
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
    if (oneCommit)
        return runOneCommit(req, res, op, handler, key);

    try {
        handler(req, res, op);
    } catch (...) {
        (void)m_ctx.idempotency.release(key); // nothing was answered: let the client retry
        throw;
    }

    crashHook(res);

    Result<void> stored = res.status >= 500
        ? m_ctx.idempotency.release(key)
        : m_ctx.idempotency.complete(key, res.status, QByteArray::fromStdString(res.get_header_value("Content-Type")),
                                     QByteArray::fromStdString(res.body));
    if (!stored)
        qCWarning(lcHttp) << "idempotency record not stored:" << stored.error().code << stored.error().detail;
}

void Router::crashHook(const httplib::Response& res) const
{
    if (m_ctx.sandbox && !m_ctx.crashAfterCommitRoute.isEmpty() && res.status < 300
        && RequestScope::current().route.contains(m_ctx.crashAfterCommitRoute)) {
        qCWarning(lcHttp) << "sandbox crash hook: killing the process after the commit of"
                          << RequestScope::current().route;
        ::kill(::getpid(), SIGKILL);
    }
}

namespace {
// The answer another request with the same key stored (or is about to): read inside a write
// transaction, whose commit returns once what it read is durable (SQLite group commit).
void answerStored(ledger::Database& db, ledger::IdempotencyStore& store, const ledger::IdempotencyStore::Request& key,
                  httplib::Response& res)
{
    using Outcome = ledger::IdempotencyStore::Outcome;
    Result<ledger::IdempotencyStore::Claim> again = makeError(QString(codes::dbError), QString());
    {
        ledger::WriteTransaction tx(db);
        if (tx.ok()) {
            again = store.lookupIn(tx.db(), key);
            if (auto committed = tx.commit(); !committed)
                again = committed.error();
        } else {
            again = *tx.beginError();
        }
    }
    res.headers.clear();
    if (again && again->outcome == Outcome::Replay) {
        res.status = again->status;
        res.set_content(again->body.toStdString(), again->contentType.toStdString());
        res.set_header("Idempotency-Replayed", "true");
        return;
    }
    if (again && again->outcome == Outcome::Mismatch) {
        Problem::send(res, 422, QString(codes::idempotencyKeyReused),
                      QStringLiteral("La chiave Idempotency-Key è già stata usata per una richiesta diversa."));
        return;
    }
    Problem::send(res, 409, QString(codes::idempotencyInProgress),
                  QStringLiteral("Operazione già in corso con la stessa chiave: attendi l'esito."));
    res.set_header("Retry-After", "1");
}
} // namespace

void Router::runOneCommit(const httplib::Request& req, httplib::Response& res, const ledger::OperatorContext& op,
                          const AuthedHandler& handler, const ledger::IdempotencyStore::Request& key)
{
    Result<bool> stored = true;
    {
        ledger::CommitScope scope(m_ctx.db); // rolls back what it still holds (an exception, a refusal)
        handler(req, res, op);
        if (res.status >= 500) {
            // Nothing stored: a retry runs again (and finds an effect that committed by its key).
            if (auto committed = scope.commit(); !committed)
                qCWarning(lcHttp) << "commit after a 5xx failed:" << committed.error().code;
            return;
        }
        const QByteArray contentType = QByteArray::fromStdString(res.get_header_value("Content-Type"));
        const QByteArray body = QByteArray::fromStdString(res.body);
        if (scope.holds()) {
            // The effect and its answer in one transaction.
            stored = m_ctx.idempotency.storeIn(scope.db(), key, res.status, contentType, body);
            if (stored && *stored) {
                if (auto committed = scope.commit(); !committed)
                    stored = committed.error();
            } else {
                scope.rollback();
            }
        } else {
            // A refusal (or an operation that committed by itself): the answer alone.
            ledger::WriteTransaction tx(m_ctx.db);
            if (!tx.ok()) {
                stored = *tx.beginError();
            } else {
                stored = m_ctx.idempotency.storeIn(tx.db(), key, res.status, contentType, body);
                if (stored && *stored) {
                    if (auto committed = tx.commit(); !committed)
                        stored = committed.error();
                }
            }
        }
    }
    if (!stored) {
        // Nothing committed (or nothing known to have): the client retries with the same key.
        qCWarning(lcHttp) << "one-commit request not stored:" << stored.error().code << stored.error().detail;
        res.headers.clear();
        Problem::sendError(res, stored.error());
        return;
    }
    if (!*stored)
        return answerStored(m_ctx.db, m_ctx.idempotency, key, res);
    crashHook(res);
}

} // namespace sinfonia::http
