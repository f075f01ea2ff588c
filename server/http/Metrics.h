#pragma once

#include <QByteArray>
#include <QString>
#include <array>
#include <chrono>
#include <map>
#include <mutex>
#include <tuple>

namespace sinfonia::http {

// Prometheus-text metrics of the HTTP layer: request counts by route/method/status and a latency
// histogram by route. The route is the pattern label ("/api/v1/structures/{sid}/vouchers/{vid}"),
// never the raw path, so no personal data (a CF in a path or query) ends up in /metrics.
class Metrics
{
public:
    void record(const QString& route, const QString& method, int status, double seconds);
    QByteArray exposition() const;

    static constexpr std::array<double, 12> buckets {0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025,
                                                     0.05,   0.1,   0.25,   0.5,   1.0,  2.5};

private:
    struct Histogram
    {
        std::array<quint64, buckets.size()> counts {};
        quint64 count = 0;
        double sum = 0;
    };
    mutable std::mutex m_mutex;
    std::map<std::tuple<QString, QString, int>, quint64> m_requests;
    std::map<QString, Histogram> m_latency;
};

// Per-request bookkeeping on the connection thread: the pre-routing hook starts it, the route
// wrapper names the route, the logger hook reads both after the response is written.
struct RequestScope
{
    std::chrono::steady_clock::time_point start;
    QString route;

    static RequestScope& current();
};

} // namespace sinfonia::http
