#pragma once

#include <QString>
#include <QStringList>
#include <atomic>
#include <memory>

namespace httplib {
class Server;
}

namespace sinfonia::http {

struct ServerContext;
class Router;

// The cpp-httplib server of sinfonia-server: thread pool, body limit (413 problem+json), read and
// write timeouts, keep-alive limits, request-head deadline and per-address connection cap
// (GatedServer, plain HTTP), TLS when a certificate is given, every route of the API, and
// per-request metrics and logs (route label, status, time; never paths, tokens or personal data).
// It installs the API routes of http/; the layers above it (auth/, sandbox/) add theirs through
// router() before serve(), so http/ never calls into them.
class GatedServer;

class HttpServer
{
public:
    struct Options
    {
        int threads = 16;
        size_t maxBodyBytes = 8 * 1024 * 1024;
        int readTimeoutSecs = 15;
        int writeTimeoutSecs = 15;
        int keepAliveMaxCount = 1000;
        int keepAliveTimeoutSecs = 5;
        // Plain HTTP only (GatedServer): the whole request head must arrive within this many
        // seconds of its first byte, and at most this many connections per client address are
        // open at once (0 = no cap).
        int headTimeoutSecs = 10;
        int maxConnectionsPerAddress = 256;
        // Reverse proxies whose X-Forwarded-For names the client for that cap (see GatedServer).
        QStringList trustedProxies;
        QString tlsCert; // both set: HTTPS
        QString tlsKey;
    };

    HttpServer(ServerContext& ctx, Options options);
    ~HttpServer();
    HttpServer(const HttpServer&) = delete;
    HttpServer& operator=(const HttpServer&) = delete;

    bool isValid() const; // false when the TLS certificate or key could not be loaded
    bool isTls() const { return m_tls; }
    // Binds host:port (port 0 = ephemeral); returns the bound port or -1.
    int bind(const QString& host, int port);
    // Serves until stop(); returns false on failure.
    bool serve();
    void stop();
    // Where main.cpp installs the OAuth and sandbox routes (before serve()).
    Router& router() { return *m_router; }

private:
    void installHooks();
    void installRoutes();

    ServerContext& m_ctx;
    Options m_options;
    bool m_tls = false;
    int m_listenSocket = -1;
    static constexpr int listenBacklog = 1024;
    std::unique_ptr<httplib::Server> m_server;
    GatedServer* m_gated = nullptr; // m_server, when it is the plain-HTTP GatedServer
    // stop() may come before serve() and may be repeated (see main.cpp): it is sticky, and
    // cpp-httplib's own stop() (TLS) is called once, only while it listens.
    std::atomic<bool> m_stopRequested {false};
    std::atomic<bool> m_stopIssued {false};
    std::unique_ptr<Router> m_router; // owns the state the route handlers capture
};

} // namespace sinfonia::http
