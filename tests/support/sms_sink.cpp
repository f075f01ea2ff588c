// sms_sink: a stand-in SMS gateway for tests, a real HTTP server on loopback (cpp-httplib).
//   sms_sink [--port N] [--out FILE] [--status CODE]
// Listens on 127.0.0.1:N (0 = any free port), prints "listening on <port>" once ready, and for
// every POST appends one JSON line {"path","authorization","body"} to FILE and answers CODE
// (default 200). Stops on SIGTERM/SIGINT.

#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <httplib.h>
#include <mutex>
#include <string>

namespace {
httplib::Server* g_server = nullptr;

void stop(int)
{
    if (g_server)
        g_server->stop();
}

std::string jsonString(const std::string& s)
{
    std::string out = "\"";
    for (unsigned char c : s) {
        if (c == '"' || c == '\\') {
            out += '\\';
            out += char(c);
        } else if (c < 0x20) {
            char buf[8];
            std::snprintf(buf, sizeof buf, "\\u%04x", c);
            out += buf;
        } else {
            out += char(c);
        }
    }
    return out + "\"";
}
} // namespace

int main(int argc, char** argv)
{
    int port = 0;
    int status = 200;
    std::string outPath;
    for (int i = 1; i + 1 < argc; i += 2) {
        const std::string a = argv[i];
        if (a == "--port")
            port = std::atoi(argv[i + 1]);
        else if (a == "--out")
            outPath = argv[i + 1];
        else if (a == "--status")
            status = std::atoi(argv[i + 1]);
    }
    httplib::Server server;
    g_server = &server;
    std::signal(SIGTERM, stop);
    std::signal(SIGINT, stop);
    std::mutex mutex;
    server.Post(".*", [&](const httplib::Request& req, httplib::Response& res) {
        {
            std::lock_guard lock(mutex);
            if (!outPath.empty()) {
                std::ofstream out(outPath, std::ios::app);
                out << "{\"path\":" << jsonString(req.path)
                    << ",\"authorization\":" << jsonString(req.get_header_value("Authorization"))
                    << ",\"body\":" << jsonString(req.body) << "}\n";
            }
        }
        res.status = status;
        res.set_content(status < 300 ? "{\"accepted\":true}" : "{\"accepted\":false}", "application/json");
    });
    const int bound
        = port == 0 ? server.bind_to_any_port("127.0.0.1") : (server.bind_to_port("127.0.0.1", port) ? port : -1);
    if (bound <= 0) {
        std::fprintf(stderr, "sms_sink: cannot listen on port %d\n", port);
        return 1;
    }
    std::printf("listening on %d\n", bound);
    std::fflush(stdout);
    server.listen_after_bind();
    return 0;
}
