#include "server/http/Metrics.h"

namespace sinfonia::http {

void Metrics::record(const QString& route, const QString& method, int status, double seconds)
{
    std::lock_guard lock(m_mutex);
    ++m_requests[{route, method, status}];
    Histogram& h = m_latency[route];
    for (size_t i = 0; i < buckets.size(); ++i) {
        if (seconds <= buckets[i])
            ++h.counts[i];
    }
    ++h.count;
    h.sum += seconds;
}

QByteArray Metrics::exposition() const
{
    std::lock_guard lock(m_mutex);
    QByteArray out;
    out += "# HELP sinfonia_http_requests_total HTTP requests by route, method and status.\n"
           "# TYPE sinfonia_http_requests_total counter\n";
    for (const auto& [key, n] : m_requests) {
        const auto& [route, method, status] = key;
        out += "sinfonia_http_requests_total{route=\"" + route.toUtf8() + "\",method=\"" + method.toUtf8()
            + "\",status=\"" + QByteArray::number(status) + "\"} " + QByteArray::number(n) + '\n';
    }
    out += "# HELP sinfonia_http_request_duration_seconds Time to handle a request.\n"
           "# TYPE sinfonia_http_request_duration_seconds histogram\n";
    for (const auto& [route, h] : m_latency) {
        const QByteArray r = route.toUtf8();
        for (size_t i = 0; i < buckets.size(); ++i) {
            out += "sinfonia_http_request_duration_seconds_bucket{route=\"" + r + "\",le=\""
                + QByteArray::number(buckets[i], 'g', 6) + "\"} " + QByteArray::number(h.counts[i]) + '\n';
        }
        out += "sinfonia_http_request_duration_seconds_bucket{route=\"" + r + "\",le=\"+Inf\"} "
            + QByteArray::number(h.count) + '\n';
        out += "sinfonia_http_request_duration_seconds_sum{route=\"" + r + "\"} " + QByteArray::number(h.sum, 'g', 9)
            + '\n';
        out += "sinfonia_http_request_duration_seconds_count{route=\"" + r + "\"} " + QByteArray::number(h.count)
            + '\n';
    }
    return out;
}

RequestScope& RequestScope::current()
{
    thread_local RequestScope scope;
    return scope;
}

} // namespace sinfonia::http
