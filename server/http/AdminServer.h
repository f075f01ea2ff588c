#pragma once

#include <QString>
#include <memory>

namespace httplib {
class Server;
}

namespace sinfonia::http {

struct ServerContext;

// The operations listener of sinfonia-server (--admin-listen): GET /readyz (database reachable),
// /metrics (Prometheus text) and /healthz, on an address of its own, plain HTTP, two workers. The
// API listener serves only /healthz of these: readiness and metrics tell an outsider how busy and
// how healthy the service is, so they stay on a port that only the monitoring reaches.
class AdminServer
{
public:
    explicit AdminServer(ServerContext& ctx);
    ~AdminServer();
    AdminServer(const AdminServer&) = delete;
    AdminServer& operator=(const AdminServer&) = delete;

    // Binds host:port (port 0 = ephemeral); returns the bound port or -1.
    int bind(const QString& host, int port);
    bool serve();
    void stop();

private:
    std::unique_ptr<httplib::Server> m_server;
};

} // namespace sinfonia::http
