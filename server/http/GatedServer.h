#pragma once

#include <atomic>
#include <chrono>
#include <httplib.h>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

namespace sinfonia::http {

// The accept side of the plain-HTTP listener, in front of cpp-httplib's request handling.
//
// cpp-httplib 0.11.4 gives every accepted connection a worker at once, and the worker waits there
// for the request head with a per-read timeout only: forty connections that each send a header
// line every few seconds held all 16 workers and /healthz stopped answering. Here one thread
// (poll) holds every connection until its request head is complete, so a slow or idle
// connection costs a file descriptor, never a worker:
//   - a connection whose head is not complete within `headTimeoutSecs` of its first byte (or that
//     sends nothing within `idleTimeoutSecs`) is closed;
//   - at most `maxPerAddress` open connections per client address (0 = no cap); one more is
//     answered 503 problem+json `server.too_many_connections` and closed at once. Behind a
//     reverse proxy listed in `trustedProxies` the client address is the rightmost address of
//     X-Forwarded-For that is not itself a trusted proxy, read from each head the gate completes
//     (a connection from a trusted proxy is not capped at accept: it carries many clients). From
//     any other peer X-Forwarded-For is ignored, so a client cannot pick its own address;
//   - only a connection with a complete head goes to a worker, which serves that request (and any
//     bytes already pipelined behind it) and hands the idle connection back.
// Between requests of a keep-alive connection the connection is back here (with any bytes of the
// next head); a worker keeps it only when a whole next head is already buffered (pipelining).
// TLS listeners keep cpp-httplib's own loop (a TLS deployment should sit behind a proxy that
// buffers request heads).
class GatedServer : public httplib::Server
{
public:
    struct Limits
    {
        int headTimeoutSecs = 10;
        int idleTimeoutSecs = 5; // keep-alive wait for the next request
        int maxPerAddress = 256;
        size_t maxHeadBytes = 16 * 1024;
        size_t keepAliveMaxCount = 1000;
        int readTimeoutSecs = 15;
        int writeTimeoutSecs = 15;
        size_t threads = 16;
        std::vector<std::string> trustedProxies; // peer addresses whose X-Forwarded-For is believed
    };

    GatedServer();
    ~GatedServer() override;
    void setLimits(const Limits& limits) { m_limits = limits; }

    // Runs the gate on an already bound and listening socket until stopGate().
    bool serveGated(int listenSocket);
    void stopGate();

    // Called by a handler (pre-routing) on a worker: close the connection after this answer, e.g.
    // when the body of the request was refused unread.
    static void closeAfterThisRequest();

    // Connections open now (tests and logs).
    int openConnections() const { return m_open.load(); }

private:
    struct Pending
    {
        std::string address; // the client address the connection counts for
        std::string peer; // the socket's peer (a trusted proxy or the client itself)
        std::chrono::steady_clock::time_point deadline;
        bool started = false; // some bytes of a head arrived
        size_t served = 0; // requests served on this connection
        std::string buffered; // bytes read by the gate, not yet by cpp-httplib
    };

    void accept(int listenSocket);
    void refuse(int fd, int status, const char* code, const char* detail);
    bool isTrustedProxy(const std::string& address) const;
    // For a head from a trusted proxy: counts the connection for the forwarded client address
    // instead; false when that address is over its cap (the connection was refused and released).
    bool countForwarded(int fd, Pending& pending);
    void release(int fd, const std::string& address);
    void dispatch(int fd, Pending pending);
    void serveConnection(int fd, Pending pending);
    void giveBack(int fd, Pending pending, std::string buffered);

    Limits m_limits;
    std::unique_ptr<httplib::ThreadPool> m_pool;
    std::atomic<bool> m_running {false};
    std::atomic<bool> m_stopRequested {false}; // sticky: a stop before serveGated() is not lost
    std::atomic<int> m_open {0};
    int m_wake[2] = {-1, -1}; // self-pipe: wakes poll() for stop and for connections given back

    std::mutex m_mutex; // guards the maps below
    std::map<int, Pending> m_pending; // fd -> waiting for a complete head
    std::map<int, Pending> m_returned; // given back by workers, joined to m_pending by the gate
    std::map<std::string, int> m_perAddress;
};

} // namespace sinfonia::http
