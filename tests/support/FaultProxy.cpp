#include "tests/support/FaultProxy.h"

#include <algorithm>
#include <arpa/inet.h>
#include <cctype>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

namespace sinfonia::test {

namespace {

bool sendAll(int fd, const std::string& data)
{
    size_t done = 0;
    while (done < data.size()) {
        const ssize_t n = ::send(fd, data.data() + done, data.size() - done, MSG_NOSIGNAL);
        if (n <= 0)
            return false;
        done += size_t(n);
    }
    return true;
}

// Reads one request: headers up to the blank line, then Content-Length bytes.
bool readRequest(int fd, std::string& out)
{
    char buf[65536];
    size_t headerEnd = std::string::npos;
    size_t total = std::string::npos;
    while (total == std::string::npos || out.size() < total) {
        pollfd p {fd, POLLIN, 0};
        if (::poll(&p, 1, 30000) <= 0)
            return false;
        const ssize_t n = ::recv(fd, buf, sizeof buf, 0);
        if (n <= 0)
            return false;
        out.append(buf, size_t(n));
        if (headerEnd == std::string::npos && (headerEnd = out.find("\r\n\r\n")) != std::string::npos) {
            std::string head = out.substr(0, headerEnd);
            std::transform(head.begin(), head.end(), head.begin(),
                           [](unsigned char c) { return char(std::tolower(c)); });
            size_t length = 0;
            const size_t at = head.find("\r\ncontent-length:");
            if (at != std::string::npos)
                length = std::stoul(head.substr(at + 17));
            total = headerEnd + 4 + length;
        }
    }
    return true;
}

// The request as the server gets it: "Connection: close" (replacing any Connection header), so
// the server closes after its answer and forward() knows the answer is complete.
std::string withConnectionClose(const std::string& request)
{
    const size_t headerEnd = request.find("\r\n\r\n");
    const size_t lineEnd = request.find("\r\n");
    if (headerEnd == std::string::npos || lineEnd == std::string::npos)
        return request;
    std::string out = request.substr(0, lineEnd);
    size_t at = lineEnd;
    while (at < headerEnd) {
        const size_t next = request.find("\r\n", at + 2);
        const std::string line = request.substr(at, next - at); // "\r\nName: value"
        const size_t colon = line.find(':');
        std::string name = colon == std::string::npos ? std::string() : line.substr(2, colon - 2);
        std::transform(name.begin(), name.end(), name.begin(), [](unsigned char c) { return char(std::tolower(c)); });
        if (name != "connection")
            out += line;
        at = next;
    }
    return out + "\r\nConnection: close" + request.substr(headerEnd);
}

} // namespace

FaultProxy::FaultProxy(std::uint16_t serverPort, std::uint32_t seed, int faultPercent)
    : m_serverPort(serverPort)
    , m_rng(seed)
    , m_faultPercent(faultPercent)
{
}

FaultProxy::~FaultProxy()
{
    stop();
}

bool FaultProxy::start()
{
    m_listen = ::socket(AF_INET, SOCK_STREAM, 0);
    if (m_listen < 0)
        return false;
    sockaddr_in addr {};
    addr.sin_family = AF_INET;
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    addr.sin_port = 0;
    if (::bind(m_listen, reinterpret_cast<sockaddr*>(&addr), sizeof addr) != 0 || ::listen(m_listen, 64) != 0)
        return false;
    socklen_t len = sizeof addr;
    ::getsockname(m_listen, reinterpret_cast<sockaddr*>(&addr), &len);
    m_port = ntohs(addr.sin_port);
    m_thread = std::thread([this] { run(); });
    return true;
}

void FaultProxy::stop()
{
    m_stop = true;
    if (m_thread.joinable())
        m_thread.join();
    if (m_listen >= 0)
        ::close(m_listen);
    m_listen = -1;
}

void FaultProxy::setForcedFault(std::optional<Fault> fault)
{
    std::lock_guard lock(m_faultMutex);
    m_forced = fault;
}

void FaultProxy::setPathFault(const std::string& pathPart, Fault fault)
{
    std::lock_guard lock(m_faultMutex);
    for (auto& [part, f] : m_pathFaults) {
        if (part == pathPart) {
            f = fault;
            return;
        }
    }
    m_pathFaults.emplace_back(pathPart, fault);
}

void FaultProxy::clearPathFaults()
{
    std::lock_guard lock(m_faultMutex);
    m_pathFaults.clear();
}

FaultProxy::Fault FaultProxy::nextFault(const std::string& requestLine)
{
    std::lock_guard lock(m_faultMutex);
    for (const auto& [part, f] : m_pathFaults) {
        if (requestLine.find(part) != std::string::npos)
            return f;
    }
    if (m_forced)
        return *m_forced;
    if (int(m_rng() % 100) >= m_faultPercent)
        return Fault::None;
    switch (m_rng() % 3) {
    case 0:
        return Fault::DropRequest;
    case 1:
        return Fault::DropResponse;
    default:
        return Fault::Duplicate;
    }
}

void FaultProxy::run()
{
    while (!m_stop) {
        pollfd p {m_listen, POLLIN, 0};
        if (::poll(&p, 1, 100) <= 0)
            continue;
        const int client = ::accept(m_listen, nullptr, nullptr);
        if (client < 0)
            continue;
        handle(client); // the test client is sequential: one connection at a time is enough
        ::close(client);
    }
}

std::string FaultProxy::forward(const std::string& request) const
{
    const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
    if (fd < 0)
        return {};
    sockaddr_in addr {};
    addr.sin_family = AF_INET;
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    addr.sin_port = htons(m_serverPort);
    std::string response;
    if (::connect(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr) == 0
        && sendAll(fd, withConnectionClose(request))) {
        // The request says "Connection: close": the server closes after its answer.
        char buf[65536];
        for (;;) {
            pollfd p {fd, POLLIN, 0};
            if (::poll(&p, 1, 60000) <= 0)
                break;
            const ssize_t n = ::recv(fd, buf, sizeof buf, 0);
            if (n <= 0)
                break;
            response.append(buf, size_t(n));
        }
    }
    ::close(fd);
    return response;
}

void FaultProxy::handle(int client)
{
    std::string request;
    if (!readRequest(client, request))
        return;
    switch (nextFault(request.substr(0, request.find("\r\n")))) {
    case Fault::DropRequest:
        ++droppedRequests;
        return;
    case Fault::DropResponse:
        (void)forward(request); // the server runs and commits; the client never hears of it
        ++droppedResponses;
        return;
    case Fault::Duplicate: {
        (void)forward(request);
        ++duplicated;
        sendAll(client, forward(request));
        return;
    }
    case Fault::None:
        ++passed;
        sendAll(client, forward(request));
        return;
    }
}

} // namespace sinfonia::test
