#pragma once

#include <QString>
#include <atomic>
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
    // stop() may come before serve() and may be repeated (see main.cpp): it is sticky, and
    // cpp-httplib's stop() is called once, only while it listens.
    std::atomic<bool> m_stopRequested {false};
    std::atomic<bool> m_stopIssued {false};
};

} // namespace sinfonia::http
