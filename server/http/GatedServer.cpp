#include "server/http/GatedServer.h"

#include "server/http/Logging.h"

#include <algorithm>
#include <arpa/inet.h>
#include <cctype>
#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>
#include <vector>

namespace sinfonia::http {

namespace {

using Clock = std::chrono::steady_clock;

thread_local bool t_closeAfterRequest = false;

// How long a worker waits for the next request of a keep-alive connection before handing it back.
constexpr int kLingerMs = 20;

std::string peerAddress(int fd, int* port = nullptr)
{
    sockaddr_storage addr {};
    socklen_t len = sizeof addr;
    if (::getpeername(fd, reinterpret_cast<sockaddr*>(&addr), &len) != 0)
        return {};
    char host[INET6_ADDRSTRLEN] = {};
    if (addr.ss_family == AF_INET) {
        const auto* a = reinterpret_cast<const sockaddr_in*>(&addr);
        ::inet_ntop(AF_INET, &a->sin_addr, host, sizeof host);
        if (port)
            *port = ntohs(a->sin_port);
    } else if (addr.ss_family == AF_INET6) {
        const auto* a = reinterpret_cast<const sockaddr_in6*>(&addr);
        ::inet_ntop(AF_INET6, &a->sin6_addr, host, sizeof host);
        if (port)
            *port = ntohs(a->sin6_port);
    }
    return host;
}

// The client address a trusted proxy forwarded in `head`: the rightmost X-Forwarded-For entry
// that is not itself a trusted proxy (each proxy appends the address it saw). Empty without one.
template<typename Trusted>
std::string forwardedClient(const std::string& head, Trusted isTrusted)
{
    static const char name[] = "x-forwarded-for:";
    std::vector<std::string> hops;
    size_t lineStart = head.find("\r\n");
    while (lineStart != std::string::npos) {
        lineStart += 2;
        const size_t lineEnd = head.find("\r\n", lineStart);
        if (lineEnd == std::string::npos || lineEnd == lineStart)
            break;
        const std::string line = head.substr(lineStart, lineEnd - lineStart);
        bool match = line.size() >= sizeof name - 1;
        for (size_t i = 0; match && i < sizeof name - 1; ++i)
            match = char(std::tolower(static_cast<unsigned char>(line[i]))) == name[i];
        if (match) {
            // Several header lines are one list, in order.
            size_t pos = sizeof name - 1;
            while (pos <= line.size()) {
                const size_t comma = std::min(line.find(',', pos), line.size());
                std::string hop = line.substr(pos, comma - pos);
                const size_t b = hop.find_first_not_of(" \t");
                const size_t e = hop.find_last_not_of(" \t");
                hops.push_back(b == std::string::npos ? std::string() : hop.substr(b, e - b + 1));
                pos = comma + 1;
            }
        }
        lineStart = lineEnd;
    }
    for (auto it = hops.rbegin(); it != hops.rend(); ++it) {
        if (it->empty())
            return {};
        in6_addr probe {};
        const bool valid
            = ::inet_pton(AF_INET, it->c_str(), &probe) == 1 || ::inet_pton(AF_INET6, it->c_str(), &probe) == 1;
        if (!valid)
            return {}; // not an address: nothing after it can be believed
        if (!isTrusted(*it))
            return *it;
    }
    return {};
}

int msUntil(Clock::time_point t)
{
    const auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(t - Clock::now()).count();
    return ms < 0 ? 0 : int(ms);
}

bool sendAll(int fd, const char* data, size_t size, int timeoutMs)
{
    const auto deadline = Clock::now() + std::chrono::milliseconds(timeoutMs);
    while (size > 0) {
        const ssize_t n = ::send(fd, data, size, MSG_NOSIGNAL);
        if (n > 0) {
            data += n;
            size -= size_t(n);
            continue;
        }
        if (n < 0 && errno != EAGAIN && errno != EWOULDBLOCK && errno != EINTR)
            return false;
        pollfd p {fd, POLLOUT, 0};
        if (::poll(&p, 1, msUntil(deadline)) <= 0)
            return false;
    }
    return true;
}

// The Stream cpp-httplib reads a request from and writes its answer to: a read-ahead buffer
// (seeded with the head the gate already read) and a deadline for the head, besides the
// per-read timeout, so that a head trickled in on a keep-alive connection cannot hold the worker.
class GuardStream final : public httplib::Stream
{
public:
    GuardStream(int fd, std::string buffered, int readTimeoutSecs, int writeTimeoutSecs)
        : m_fd(fd)
        , m_buffer(std::move(buffered))
        , m_readTimeoutMs(readTimeoutSecs * 1000)
        , m_writeTimeoutMs(writeTimeoutSecs * 1000)
    {
    }

    void beginHead(Clock::time_point deadline)
    {
        m_inHead = true;
        m_headDeadline = deadline;
    }
    void endHead() { m_inHead = false; }
    bool hasBuffered() const { return m_offset < m_buffer.size(); }
    bool hasBufferedHead() const { return m_buffer.find("\r\n\r\n", m_offset) != std::string::npos; }
    // Waits up to `ms` for more bytes and appends what is there; false when none came or the
    // peer closed.
    bool fillFor(int ms)
    {
        pollfd p {m_fd, POLLIN, 0};
        if (::poll(&p, 1, ms) <= 0)
            return false;
        char chunk[4096];
        const ssize_t n = ::recv(m_fd, chunk, sizeof chunk, MSG_DONTWAIT);
        if (n <= 0)
            return false;
        m_buffer.erase(0, m_offset);
        m_offset = 0;
        m_buffer.append(chunk, size_t(n));
        return true;
    }
    std::string takeBuffered()
    {
        std::string rest = m_buffer.substr(std::min(m_offset, m_buffer.size()));
        m_buffer.clear();
        m_offset = 0;
        return rest;
    }
    bool headTimedOut() const { return m_headTimedOut; }

    bool is_readable() const override { return hasBuffered() || waitReadable(); }
    bool is_writable() const override
    {
        pollfd p {m_fd, POLLOUT, 0};
        return ::poll(&p, 1, m_writeTimeoutMs) > 0 && (p.revents & (POLLERR | POLLHUP)) == 0;
    }
    ssize_t read(char* ptr, size_t size) override
    {
        if (!hasBuffered()) {
            m_buffer.clear();
            m_offset = 0;
            for (;;) {
                if (!waitReadable())
                    return -1;
                char chunk[4096];
                const ssize_t n = ::recv(m_fd, chunk, sizeof chunk, 0);
                if (n > 0) {
                    m_buffer.assign(chunk, size_t(n));
                    break;
                }
                if (n == 0)
                    return 0;
                if (errno != EAGAIN && errno != EWOULDBLOCK && errno != EINTR)
                    return -1;
            }
        }
        const size_t n = std::min(size, m_buffer.size() - m_offset);
        std::memcpy(ptr, m_buffer.data() + m_offset, n);
        m_offset += n;
        return ssize_t(n);
    }
    ssize_t write(const char* ptr, size_t size) override
    {
        return sendAll(m_fd, ptr, size, m_writeTimeoutMs) ? ssize_t(size) : -1;
    }
    void get_remote_ip_and_port(std::string& ip, int& port) const override { ip = peerAddress(m_fd, &port); }
    void get_local_ip_and_port(std::string& ip, int& port) const override
    {
        sockaddr_storage addr {};
        socklen_t len = sizeof addr;
        ip.clear();
        port = 0;
        if (::getsockname(m_fd, reinterpret_cast<sockaddr*>(&addr), &len) != 0 || addr.ss_family != AF_INET)
            return;
        const auto* a = reinterpret_cast<const sockaddr_in*>(&addr);
        char host[INET_ADDRSTRLEN] = {};
        ::inet_ntop(AF_INET, &a->sin_addr, host, sizeof host);
        ip = host;
        port = ntohs(a->sin_port);
    }
    socket_t socket() const override { return m_fd; }

private:
    bool waitReadable() const
    {
        int timeout = m_readTimeoutMs;
        if (m_inHead) {
            timeout = std::min(timeout, msUntil(m_headDeadline));
            if (timeout == 0) {
                m_headTimedOut = true;
                return false;
            }
        }
        pollfd p {m_fd, POLLIN, 0};
        const int r = ::poll(&p, 1, timeout);
        if (r == 0 && m_inHead)
            m_headTimedOut = true;
        return r > 0;
    }

    int m_fd;
    std::string m_buffer;
    size_t m_offset = 0;
    int m_readTimeoutMs;
    int m_writeTimeoutMs;
    bool m_inHead = false;
    Clock::time_point m_headDeadline;
    mutable bool m_headTimedOut = false;
};

std::string problemResponse(int status, const char* reason, const char* code, const char* detail)
{
    std::string body = std::string(R"({"type":"about:blank","title":")") + reason + R"(","status":)"
        + std::to_string(status) + R"(,"code":")" + code + R"(","detail":")" + detail + R"("})";
    return "HTTP/1.1 " + std::to_string(status) + " " + reason
        + "\r\nContent-Type: application/problem+json\r\nConnection: close\r\nContent-Length: "
        + std::to_string(body.size()) + "\r\n\r\n" + body;
}

} // namespace

void GatedServer::closeAfterThisRequest()
{
    t_closeAfterRequest = true;
}

GatedServer::GatedServer() = default;

GatedServer::~GatedServer()
{
    stopGate();
    for (int& fd : m_wake) {
        if (fd >= 0)
            ::close(fd);
        fd = -1;
    }
}

void GatedServer::stopGate()
{
    m_stopRequested = true;
    m_running = false;
    if (m_wake[1] >= 0) {
        const char c = 's';
        (void)!::write(m_wake[1], &c, 1);
    }
}

void GatedServer::refuse(int fd, int status, const char* code, const char* detail)
{
    const char* reason = status == 503 ? "Service Unavailable" : status == 408 ? "Request Timeout" : "Bad Request";
    const std::string answer = problemResponse(status, reason, code, detail);
    (void)sendAll(fd, answer.data(), answer.size(), 1000);
    ::shutdown(fd, SHUT_RDWR);
}

void GatedServer::release(int fd, const std::string& address)
{
    ::close(fd);
    --m_open;
    std::lock_guard lock(m_mutex);
    auto it = m_perAddress.find(address);
    if (it != m_perAddress.end() && --it->second <= 0)
        m_perAddress.erase(it);
}

void GatedServer::accept(int listenSocket)
{
    for (;;) {
        const int fd = ::accept4(listenSocket, nullptr, nullptr, SOCK_NONBLOCK | SOCK_CLOEXEC);
        if (fd < 0)
            return; // EAGAIN: nothing more now (other errors: try again on the next poll)
        const int one = 1;
        ::setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
        const std::string address = peerAddress(fd);
        // A trusted proxy's connections are counted per forwarded client once their head is read.
        const bool proxy = isTrustedProxy(address);
        bool over = false;
        {
            std::lock_guard lock(m_mutex);
            int& count = m_perAddress[address];
            over = !proxy && m_limits.maxPerAddress > 0 && count >= m_limits.maxPerAddress;
            if (!over) {
                ++count;
                Pending p;
                p.address = address;
                p.peer = address;
                p.deadline = Clock::now() + std::chrono::seconds(m_limits.idleTimeoutSecs);
                m_pending[fd] = std::move(p);
            } else if (count == 0) {
                m_perAddress.erase(address);
            }
        }
        if (over) {
            refuse(fd, 503, "server.too_many_connections",
                   "Troppe connessioni aperte da questo indirizzo: chiudi quelle inutili e riprova tra qualche "
                   "secondo.");
            ::close(fd);
            continue;
        }
        ++m_open;
    }
}

bool GatedServer::isTrustedProxy(const std::string& address) const
{
    return std::find(m_limits.trustedProxies.begin(), m_limits.trustedProxies.end(), address)
        != m_limits.trustedProxies.end();
}

bool GatedServer::countForwarded(int fd, Pending& pending)
{
    if (!isTrustedProxy(pending.peer))
        return true;
    std::string client = forwardedClient(pending.buffered, [this](const std::string& a) { return isTrustedProxy(a); });
    if (client.empty())
        client = pending.peer; // the proxy's own request (or no usable header)
    if (client == pending.address)
        return true;
    bool over = false;
    {
        std::lock_guard lock(m_mutex);
        int& count = m_perAddress[client];
        over = client != pending.peer && m_limits.maxPerAddress > 0 && count >= m_limits.maxPerAddress;
        if (over) {
            if (count == 0)
                m_perAddress.erase(client);
        } else {
            ++count;
            auto old = m_perAddress.find(pending.address);
            if (old != m_perAddress.end() && --old->second <= 0)
                m_perAddress.erase(old);
            pending.address = client;
        }
    }
    if (over) {
        refuse(fd, 503, "server.too_many_connections",
               "Troppe connessioni aperte da questo indirizzo: chiudi quelle inutili e riprova tra qualche "
               "secondo.");
        release(fd, pending.address);
        return false;
    }
    return true;
}

void GatedServer::dispatch(int fd, Pending pending)
{
    m_pool->enqueue([this, fd, p = std::move(pending)]() mutable { serveConnection(fd, std::move(p)); });
}

void GatedServer::giveBack(int fd, Pending pending, std::string buffered)
{
    pending.started = !buffered.empty();
    pending.buffered = std::move(buffered);
    pending.deadline
        = Clock::now() + std::chrono::seconds(pending.started ? m_limits.headTimeoutSecs : m_limits.idleTimeoutSecs);
    {
        std::lock_guard lock(m_mutex);
        m_returned[fd] = std::move(pending);
    }
    const char c = 'r';
    (void)!::write(m_wake[1], &c, 1);
}

void GatedServer::serveConnection(int fd, Pending pending)
{
    GuardStream stream(fd, std::move(pending.buffered), m_limits.readTimeoutSecs, m_limits.writeTimeoutSecs);
    pending.buffered.clear();
    for (;;) {
        stream.beginHead(Clock::now() + std::chrono::seconds(m_limits.headTimeoutSecs));
        t_closeAfterRequest = false;
        const bool last = pending.served + 1 >= m_limits.keepAliveMaxCount || !m_running;
        bool connectionClosed = false;
        const bool ok
            = process_request(stream, last, connectionClosed, [&stream](httplib::Request&) { stream.endHead(); });
        ++pending.served;
        if (!ok || connectionClosed || last || t_closeAfterRequest || !m_running) {
            if (stream.headTimedOut())
                qCDebug(lcHttp) << "request head not complete in time; connection closed";
            ::shutdown(fd, SHUT_RDWR);
            release(fd, pending.address);
            return;
        }
        // A whole next head already here (pipelining): serve it now. Anything less goes back to
        // the gate with the bytes read so far, so a trickled head never holds this worker.
        // A client on keep-alive usually sends its next request within a round trip: wait a
        // moment for it here rather than pay a hand-over to the gate and back for each request.
        // Bounded: without a whole head in that moment the connection goes back to the gate.
        if (!stream.hasBufferedHead() && !(stream.fillFor(kLingerMs) && stream.hasBufferedHead()))
            break;
    }
    giveBack(fd, std::move(pending), stream.takeBuffered());
}

bool GatedServer::serveGated(int listenSocket)
{
    if (listenSocket < 0 || ::pipe2(m_wake, O_NONBLOCK | O_CLOEXEC) != 0)
        return false;
    ::fcntl(listenSocket, F_SETFL, ::fcntl(listenSocket, F_GETFL) | O_NONBLOCK);
    m_pool = std::make_unique<httplib::ThreadPool>(m_limits.threads);
    m_running = true;
    // A stopGate() that came first wins (its wake byte may have found no pipe yet).
    if (m_stopRequested)
        m_running = false;
    std::vector<pollfd> fds;
    std::vector<char> chunk(8192);
    while (m_running) {
        fds.clear();
        fds.push_back({listenSocket, POLLIN, 0});
        fds.push_back({m_wake[0], POLLIN, 0});
        Clock::time_point next = Clock::now() + std::chrono::seconds(1);
        {
            std::lock_guard lock(m_mutex);
            m_pending.merge(m_returned);
            m_returned.clear();
            for (const auto& [fd, p] : m_pending) {
                fds.push_back({fd, POLLIN, 0});
                next = std::min(next, p.deadline);
            }
        }
        const int ready = ::poll(fds.data(), fds.size(), msUntil(next));
        if (!m_running)
            break;
        if (ready < 0 && errno != EINTR)
            break;
        if (fds[1].revents & POLLIN) {
            char drain[64];
            while (::read(m_wake[0], drain, sizeof drain) > 0) { }
        }
        if (fds[0].revents & POLLIN)
            accept(listenSocket);
        const auto now = Clock::now();
        for (size_t i = 2; i < fds.size(); ++i) {
            const int fd = fds[i].fd;
            Pending p;
            {
                std::lock_guard lock(m_mutex);
                auto it = m_pending.find(fd);
                if (it == m_pending.end())
                    continue;
                p = std::move(it->second);
                m_pending.erase(it);
            }
            bool closed = false;
            if (fds[i].revents & (POLLIN | POLLHUP | POLLERR)) {
                const ssize_t n = ::recv(fd, chunk.data(), chunk.size(), 0);
                if (n > 0) {
                    if (!p.started) {
                        p.started = true;
                        p.deadline = now + std::chrono::seconds(m_limits.headTimeoutSecs);
                    }
                    p.buffered.append(chunk.data(), size_t(n));
                } else if (n == 0 || (errno != EAGAIN && errno != EWOULDBLOCK && errno != EINTR)) {
                    closed = true;
                }
            }
            if (closed) {
                release(fd, p.address);
                continue;
            }
            if (p.buffered.find("\r\n\r\n") != std::string::npos) {
                if (countForwarded(fd, p))
                    dispatch(fd, std::move(p));
                continue;
            }
            if (p.buffered.size() > m_limits.maxHeadBytes) {
                refuse(fd, 400, "request.invalid", "Intestazioni della richiesta troppo lunghe.");
                release(fd, p.address);
                continue;
            }
            if (now >= p.deadline) {
                if (p.started)
                    refuse(fd, 408, "request.timeout", "La richiesta non è arrivata completa in tempo: riprova.");
                release(fd, p.address);
                continue;
            }
            std::lock_guard lock(m_mutex);
            m_pending[fd] = std::move(p);
        }
    }
    m_running = false;
    m_pool->shutdown();
    std::lock_guard lock(m_mutex);
    m_pending.merge(m_returned);
    for (auto& [fd, p] : m_pending) {
        ::close(fd);
        --m_open;
    }
    m_pending.clear();
    m_perAddress.clear();
    return true;
}

} // namespace sinfonia::http
