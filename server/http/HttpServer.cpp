#include "server/http/HttpServer.h"

#include "core/domain/ErrorCodes.h"
#include "server/http/EmployeeRoutes.h"
#include "server/http/GatedServer.h"
#include "server/http/InfoRoutes.h"
#include "server/http/Logging.h"
#include "server/http/Metrics.h"
#include "server/http/MovementRoutes.h"
#include "server/http/OtpRoutes.h"
#include "server/http/Problem.h"
#include "server/http/PurchaseRoutes.h"
#include "server/http/Router.h"
#include "server/http/ServerContext.h"
#include "server/http/VoucherRoutes.h"

#include <httplib.h>
#include <sys/socket.h>

Q_LOGGING_CATEGORY(lcHttp, "sinfonia.server.http", QtInfoMsg)

namespace sinfonia::http {

HttpServer::HttpServer(ServerContext& ctx, Options options)
    : m_ctx(ctx)
    , m_options(std::move(options))
{
    m_tls = !m_options.tlsCert.isEmpty() && !m_options.tlsKey.isEmpty();
    if (m_tls) {
        const QByteArray cert = m_options.tlsCert.toLocal8Bit();
        const QByteArray key = m_options.tlsKey.toLocal8Bit();
        m_server = std::make_unique<httplib::SSLServer>(cert.constData(), key.constData());
    } else {
        auto gated = std::make_unique<GatedServer>();
        m_gated = gated.get();
        GatedServer::Limits limits;
        limits.headTimeoutSecs = qMax(1, m_options.headTimeoutSecs);
        limits.idleTimeoutSecs = qMax(1, m_options.keepAliveTimeoutSecs);
        limits.maxPerAddress = qMax(0, m_options.maxConnectionsPerAddress);
        limits.keepAliveMaxCount = size_t(qMax(1, m_options.keepAliveMaxCount));
        limits.readTimeoutSecs = m_options.readTimeoutSecs;
        limits.writeTimeoutSecs = m_options.writeTimeoutSecs;
        limits.threads = size_t(qMax(1, m_options.threads));
        for (const QString& proxy : m_options.trustedProxies)
            limits.trustedProxies.push_back(proxy.toStdString());
        gated->setLimits(limits);
        m_server = std::move(gated);
    }
    const size_t threads = size_t(qMax(1, m_options.threads));
    m_server->new_task_queue = [threads] { return new httplib::ThreadPool(threads); };
    m_server->set_payload_max_length(m_options.maxBodyBytes);
    m_server->set_read_timeout(m_options.readTimeoutSecs, 0);
    m_server->set_write_timeout(m_options.writeTimeoutSecs, 0);
    m_server->set_keep_alive_max_count(size_t(m_options.keepAliveMaxCount));
    m_server->set_keep_alive_timeout(m_options.keepAliveTimeoutSecs);
    // Headers and body go out in separate writes: without TCP_NODELAY, Nagle plus delayed ACKs add
    // ~40 ms to every keep-alive answer.
    m_server->set_tcp_nodelay(true);
    // cpp-httplib 0.11 listens with a backlog of 5: a burst of counters connecting at once overflows
    // it and connections get reset. Remember the listening socket to raise the backlog after bind.
    m_server->set_socket_options([this](socket_t sock) {
        httplib::default_socket_options(sock);
        m_listenSocket = int(sock);
    });
    installHooks();
    installRoutes();
}

HttpServer::~HttpServer() = default;

bool HttpServer::isValid() const
{
    return m_server->is_valid();
}

void HttpServer::installHooks()
{
    m_server->set_pre_routing_handler([](const httplib::Request& req, httplib::Response& res) {
        RequestScope& scope = RequestScope::current();
        scope.start = std::chrono::steady_clock::now();
        scope.route = QStringLiteral("unmatched");
        if (req.method != "POST" && req.method != "PUT" && req.method != "PATCH" && req.method != "DELETE")
            return httplib::Server::HandlerResponse::Unhandled;
        // This runs after the head and before cpp-httplib reads the body. cpp-httplib 0.11 applies
        // the body limit to Content-Length only: a chunked (or otherwise framed) body would be read
        // whole first. Every client of the API sends Content-Length, so any other framing is 411.
        if (req.has_header("Transfer-Encoding")) {
            scope.route = QStringLiteral("length_required");
            Problem::send(res, 411, QString(codes::requestLengthRequired),
                          QStringLiteral("Richiesta senza lunghezza dichiarata: invia il contenuto con "
                                         "l'intestazione Content-Length."));
            res.set_header("Connection", "close");
            GatedServer::closeAfterThisRequest(); // the unread body must not be taken as a request
            return httplib::Server::HandlerResponse::Handled;
        }
        // RFC 9112 §6.3: without Content-Length and Transfer-Encoding a request has no body.
        // cpp-httplib 0.11 would instead read until the peer closes (a worker held for the whole
        // read timeout); say so explicitly. The Request object is not const, only this view of it.
        if (!req.has_header("Content-Length"))
            const_cast<httplib::Request&>(req).set_header("Content-Length", "0");
        return httplib::Server::HandlerResponse::Unhandled;
    });
    // Answers that no route wrote (unknown path, 413 from the body limit, 400 from the parser)
    // still get a problem+json body.
    m_server->set_error_handler(
        httplib::Server::HandlerWithResponse([](const httplib::Request&, httplib::Response& res) {
            if (!res.body.empty())
                return httplib::Server::HandlerResponse::Unhandled;
            switch (res.status) {
            case 404:
                Problem::send(res, 404, QString(codes::requestNotFound), QStringLiteral("Risorsa inesistente."));
                break;
            case 413:
                Problem::send(res, 413, QString(codes::requestTooLarge),
                              QStringLiteral("Richiesta troppo grande: lo scontrino può essere al massimo di 5 MB."));
                break;
            default:
                Problem::send(res, res.status,
                              res.status >= 500 ? QString(codes::serverInternal) : QString(codes::requestInvalid),
                              res.status >= 500
                                  ? QStringLiteral("Errore interno del servizio: riprova tra qualche istante.")
                                  : QStringLiteral("Richiesta non valida."));
            }
            return httplib::Server::HandlerResponse::Handled;
        }));
    m_server->set_exception_handler([](const httplib::Request&, httplib::Response& res, std::exception_ptr) {
        Problem::send(res, 500, QString(codes::serverInternal),
                      QStringLiteral("Errore interno del servizio: riprova tra qualche istante."));
    });
    m_server->set_logger([this](const httplib::Request& req, const httplib::Response& res) {
        RequestScope& scope = RequestScope::current();
        const double secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - scope.start).count();
        const QString method = QString::fromStdString(req.method);
        m_ctx.metrics.record(scope.route, method, res.status, secs);
        // Route label only: the raw path and query may hold a codice fiscale.
        if (res.status >= 500)
            qCWarning(lcHttp).noquote() << method << scope.route << res.status << qRound(secs * 1e6) << "us";
        else
            qCDebug(lcHttp).noquote() << method << scope.route << res.status << qRound(secs * 1e6) << "us";
    });
}

void HttpServer::installRoutes()
{
    m_router = std::make_unique<Router>(*m_server, m_ctx);
    Router& router = *m_router;
    InfoRoutes::install(router, m_ctx);
    EmployeeRoutes::install(router, m_ctx);
    VoucherRoutes::install(router, m_ctx);
    PurchaseRoutes::install(router, m_ctx);
    OtpRoutes::install(router, m_ctx);
    MovementRoutes::install(router, m_ctx);
}

int HttpServer::bind(const QString& host, int port)
{
    const std::string h = host.toStdString();
    const int bound = port == 0 ? m_server->bind_to_any_port(h) : (m_server->bind_to_port(h, port) ? port : -1);
    if (bound > 0 && m_listenSocket >= 0)
        ::listen(m_listenSocket, listenBacklog);
    return bound;
}

bool HttpServer::serve()
{
    if (m_stopRequested)
        return true;
    if (m_gated)
        return m_gated->serveGated(m_listenSocket);
    return m_server->listen_after_bind();
}

void HttpServer::stop()
{
    m_stopRequested = true;
    if (m_gated) {
        m_gated->stopGate();
        return;
    }
    if (m_server->is_running() && !m_stopIssued.exchange(true))
        m_server->stop();
}

} // namespace sinfonia::http
