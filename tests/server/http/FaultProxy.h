#pragma once

// A loopback TCP proxy for reliability tests (T1): one HTTP/1.1 request per connection
// ("Connection: close"), and for each request a seeded fault: the request dropped before the
// server, the response dropped after the server answered (so after its COMMIT), or the request
// delivered twice. The client then sees a closed connection with no answer, as after a network cut.

#include <atomic>
#include <cstdint>
#include <mutex>
#include <random>
#include <string>
#include <thread>

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

    // `faultPercent` of the requests get one of the three faults (evenly).
    FaultProxy(std::uint16_t serverPort, std::uint32_t seed, int faultPercent);
    ~FaultProxy();
    FaultProxy(const FaultProxy&) = delete;
    FaultProxy& operator=(const FaultProxy&) = delete;

    bool start(); // binds 127.0.0.1 on an ephemeral port
    void stop();
    std::uint16_t port() const { return m_port; }

    std::atomic<int> droppedRequests {0};
    std::atomic<int> droppedResponses {0};
    std::atomic<int> duplicated {0};
    std::atomic<int> passed {0};

private:
    void run();
    void handle(int client);
    Fault nextFault();
    std::string forward(const std::string& request) const;

    std::uint16_t m_serverPort;
    std::mt19937 m_rng;
    int m_faultPercent;
    int m_listen = -1;
    std::uint16_t m_port = 0;
    std::atomic<bool> m_stop {false};
    std::thread m_thread;
};

} // namespace sinfonia::test
