#include "server/http/AdminServer.h"

#include "core/domain/ErrorCodes.h"
#include "server/http/Metrics.h"
#include "server/http/Problem.h"
#include "server/http/ServerContext.h"
#include "server/ledger/Database.h"

#include <QSqlQuery>
#include <httplib.h>

namespace sinfonia::http {

AdminServer::AdminServer(ServerContext& ctx)
    : m_server(std::make_unique<httplib::Server>())
{
    m_server->new_task_queue = [] { return new httplib::ThreadPool(2); };
    m_server->set_read_timeout(5, 0);
    m_server->set_write_timeout(5, 0);
    m_server->set_payload_max_length(0);
    m_server->Get("/healthz", [](const httplib::Request&, httplib::Response& res) {
        res.set_content(R"({"status":"ok"})", "application/json");
    });
    m_server->Get("/readyz", [&ctx](const httplib::Request&, httplib::Response& res) {
        QSqlDatabase conn = ctx.db.connection();
        QSqlQuery q(conn);
        if (conn.isOpen() && q.exec(QStringLiteral("SELECT 1")) && q.next()) {
            res.set_content(R"({"status":"ready"})", "application/json");
            return;
        }
        Problem::send(res, 503, QString(codes::serverUnavailable), QStringLiteral("Il database non è raggiungibile."));
    });
    m_server->Get("/metrics", [&ctx](const httplib::Request&, httplib::Response& res) {
        QString text = QString::fromUtf8(ctx.metrics.exposition());
        if (ctx.db.groupCommit()) {
            // SQLite group commit: COMMITs (each one fsync) against the write transactions they held.
            const auto g = ctx.db.groupStats();
            text += QStringLiteral("# TYPE sinfonia_sqlite_commits_total counter\nsinfonia_sqlite_commits_total %1\n"
                                   "# TYPE sinfonia_sqlite_write_transactions_total counter\n"
                                   "sinfonia_sqlite_write_transactions_total %2\n"
                                   "# TYPE sinfonia_sqlite_autocommit_writes_total counter\n"
                                   "sinfonia_sqlite_autocommit_writes_total %3\n")
                        .arg(g.batches)
                        .arg(g.members)
                        .arg(g.autocommits);
        }
        res.set_content(text.toStdString(), "text/plain; version=0.0.4");
    });
    m_server->set_error_handler(
        httplib::Server::HandlerWithResponse([](const httplib::Request&, httplib::Response& res) {
            if (!res.body.empty())
                return httplib::Server::HandlerResponse::Unhandled;
            Problem::send(res, res.status == 404 ? 404 : 400,
                          res.status == 404 ? QString(codes::requestNotFound) : QString(codes::requestInvalid),
                          res.status == 404 ? QStringLiteral("Risorsa inesistente.")
                                            : QStringLiteral("Richiesta non valida."));
            return httplib::Server::HandlerResponse::Handled;
        }));
}

AdminServer::~AdminServer() = default;

int AdminServer::bind(const QString& host, int port)
{
    const std::string h = host.toStdString();
    return port == 0 ? m_server->bind_to_any_port(h) : (m_server->bind_to_port(h, port) ? port : -1);
}

bool AdminServer::serve()
{
    if (m_stopRequested)
        return true;
    return m_server->listen_after_bind();
}

void AdminServer::stop()
{
    m_stopRequested = true;
    if (m_server->is_running() && !m_stopIssued.exchange(true))
        m_server->stop();
}

} // namespace sinfonia::http
