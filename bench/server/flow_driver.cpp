// Purchase + OTP verify flows against a running sinfonia-server (sandbox): N concurrent counters,
// each on its own keep-alive connection and its own voucher, loop "POST purchase (multipart) →
// GET the OTP from the sandbox outbox → POST verify" for a fixed time. Prints one JSON object:
// {"flows":..,"seconds":..,"flowsPerSecond":..,"p50Ms":..,"p99Ms":..,"errors":..}.
//
// Usage: bench_server_flow <host> <port> <token> <voucher-ids-file> <counters> <seconds>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <fstream>
#include <httplib.h>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

namespace {

std::string field(const std::string& json, const std::string& name)
{
    // Enough JSON for this driver: the first "name":"value" or "name":value.
    const std::string key = "\"" + name + "\":";
    const size_t at = json.find(key);
    if (at == std::string::npos)
        return {};
    size_t start = at + key.size();
    if (json[start] == '"') {
        ++start;
        return json.substr(start, json.find('"', start) - start);
    }
    return json.substr(start, json.find_first_of(",}", start) - start);
}

// A real 1x1 PNG: the server decodes and re-encodes receipt images.
const std::string png("\x89\x50\x4e\x47\x0d\x0a\x1a\x0a\x00\x00\x00\x0d\x49\x48\x44\x52\x00\x00\x00\x01\x00\x00\x00\x01"
                      "\x08\x06\x00\x00\x00\x1f\x15\xc4\x89\x00\x00\x00\x0d\x49\x44\x41\x54\x78\xda\x63\xfc\xcf\xc0\x50"
                      "\x0f\x00\x04\x85\x01\x80\x84\xa9\x8c\x21\x00\x00\x00\x00\x49\x45\x4e\x44\xae\x42\x60\x82",
                      70);

} // namespace

int main(int argc, char** argv)
{
    if (argc != 7) {
        std::fprintf(stderr, "usage: %s host port token voucher-ids-file counters seconds\n", argv[0]);
        return 2;
    }
    const std::string host = argv[1];
    const int port = std::stoi(argv[2]);
    const std::string token = argv[3];
    std::vector<std::string> vouchers;
    std::ifstream in(argv[4]);
    for (std::string line; std::getline(in, line);) {
        if (!line.empty())
            vouchers.push_back(line);
    }
    const int counters = std::stoi(argv[5]);
    const int seconds = std::stoi(argv[6]);
    if (vouchers.size() < size_t(counters)) {
        std::fprintf(stderr, "need at least %d voucher ids\n", counters);
        return 2;
    }

    std::atomic<long> flows {0};
    std::atomic<long> errors {0};
    std::mutex latencyMutex;
    std::vector<double> latencies;
    const auto start = std::chrono::steady_clock::now();
    const auto end = start + std::chrono::seconds(seconds);
    std::vector<std::thread> threads;
    for (int c = 0; c < counters; ++c) {
        threads.emplace_back([&, c] {
            httplib::Client cli(host, port);
            cli.set_keep_alive(true);
            cli.set_tcp_nodelay(true);
            cli.set_read_timeout(30, 0);
            const httplib::Headers auth {{"Authorization", "Bearer " + token}};
            const std::string purchasePath
                = "/api/v1/structures/BENCH01/vouchers/" + vouchers[size_t(c)] + "/purchases";
            std::vector<double> mine;
            long n = 0;
            while (std::chrono::steady_clock::now() < end) {
                const auto t0 = std::chrono::steady_clock::now();
                const std::string key = "bench-" + std::to_string(c) + "-" + std::to_string(n++) + "-"
                    + std::to_string(std::chrono::steady_clock::now().time_since_epoch().count());
                httplib::Headers h = auth;
                h.emplace("Idempotency-Key", key);
                httplib::MultipartFormDataItems items {{"purchase", R"({"amountCents":1})", "", "application/json"},
                                                       {"receipt", png, "scontrino.png", "image/png"}};
                auto created = cli.Post(purchasePath, h, items);
                if (!created || created->status != 201) {
                    ++errors;
                    continue;
                }
                const std::string movementId = field(created->body, "id");
                auto sms = cli.Get("/sandbox/outbox?limit=1&movementId=" + movementId);
                const std::string otp = sms ? field(sms->body, "otp") : std::string();
                httplib::Headers hv = auth;
                hv.emplace("Idempotency-Key", key + "-v");
                auto verified = cli.Post("/api/v1/structures/BENCH01/movements/" + movementId + "/otp/verify", hv,
                                         "{\"code\":\"" + otp + "\"}", "application/json");
                if (!verified || verified->status != 200) {
                    ++errors;
                    continue;
                }
                ++flows;
                mine.push_back(
                    std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count());
            }
            std::lock_guard lock(latencyMutex);
            latencies.insert(latencies.end(), mine.begin(), mine.end());
        });
    }
    for (auto& t : threads)
        t.join();
    const double elapsed = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    std::sort(latencies.begin(), latencies.end());
    auto pct = [&](double p) {
        return latencies.empty() ? 0.0
                                 : latencies[std::min(latencies.size() - 1, size_t(p * double(latencies.size())))];
    };
    std::printf("{\"counters\":%d,\"flows\":%ld,\"seconds\":%.2f,\"flowsPerSecond\":%.1f,\"p50Ms\":%.2f,\"p99Ms\":%.2f,"
                "\"errors\":%ld}\n",
                counters, flows.load(), elapsed, double(flows.load()) / elapsed, pct(0.50), pct(0.99), errors.load());
    return 0;
}
