#pragma once

// The one fault-injecting loopback TCP proxy of the tests, in front of a TestServer. Each request
// is forwarded on a connection of its own (the proxy makes it "Connection: close", so keep-alive
// clients such as QNetworkAccessManager work too) and gets a fault: drawn from a seed
// (faultPercent of the requests, the three faults evenly: reliability run T1), or the one forced by
// setForcedFault() (e.g. every answer dropped after the server committed). A dropped request or
// response leaves the client with a closed connection and no answer, as after a network cut.
// Runs on a thread of its own, so it needs no event loop and works with blocking clients as well.

#include <atomic>
#include <cstdint>
#include <mutex>
#include <optional>
#include <random>
#include <string>
#include <thread>
#include <utility>
#include <vector>

namespace sinfonia::test {

class FaultProxy
{
public:
    enum class Fault
    {
        None,
        DropRequest,
        DropResponse,
        Duplicate
    };

    // `faultPercent` of the requests get one of the three faults (evenly); 0: every request passes.
    explicit FaultProxy(std::uint16_t serverPort, std::uint32_t seed = 0, int faultPercent = 0);
    ~FaultProxy();
    FaultProxy(const FaultProxy&) = delete;
    FaultProxy& operator=(const FaultProxy&) = delete;

    bool start(); // binds 127.0.0.1 on an ephemeral port
    void stop();
    std::uint16_t port() const { return m_port; }
    // Every following request gets `fault` (Fault::None: passes); std::nullopt: the seeded draw again.
    void setForcedFault(std::optional<Fault> fault);
    // Requests whose request line ("POST /api/v1/.../otp/verify HTTP/1.1") contains `pathPart` get
    // `fault` (before any forced or seeded one); Fault::None passes them. clearPathFaults() ends it.
    void setPathFault(const std::string& pathPart, Fault fault);
    void clearPathFaults();

    std::atomic<int> droppedRequests {0};
    std::atomic<int> droppedResponses {0};
    std::atomic<int> duplicated {0};
    std::atomic<int> passed {0};

private:
    void run();
    void handle(int client);
    Fault nextFault(const std::string& requestLine);
    std::string forward(const std::string& request) const;

    std::uint16_t m_serverPort;
    std::mutex m_faultMutex; // the test thread may force a fault while the proxy thread draws one
    std::mt19937 m_rng;
    int m_faultPercent;
    std::optional<Fault> m_forced;
    std::vector<std::pair<std::string, Fault>> m_pathFaults;
    int m_listen = -1;
    std::uint16_t m_port = 0;
    std::atomic<bool> m_stop {false};
    std::thread m_thread;
};

} // namespace sinfonia::test
