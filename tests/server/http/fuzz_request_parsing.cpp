// Fuzz target for the request parsing of the HTTP layer (reliability.md T13): JSON bodies and
// their typed fields, OTP codes, loopback redirect URIs and sandbox clock values.
//
// Built with clang and SINFONIA_LIBFUZZER it is a libFuzzer target (-fsanitize=fuzzer,address,
// undefined). Otherwise (the default gcc build, run by ctest) a replay driver feeds it a seed
// corpus plus 20,000 deterministic mutations; the seed is printed so a failure can be replayed.

#include "server/auth/LoopbackRedirect.h"
#include "server/http/RequestParsing.h"

#include <QDateTime>
#include <QJsonDocument>
#include <QRandomGenerator>
#include <cstdint>
#include <cstdio>
#include <string>
#include <vector>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    using namespace sinfonia::http;
    const std::string body(reinterpret_cast<const char*>(data), size);
    auto object = RequestParsing::jsonObject(body);
    if (object) {
        auto cents = RequestParsing::requiredCents(*object, QStringLiteral("amountCents"));
        if (cents && (*cents > 100'000'000 || *cents < -100'000'000))
            __builtin_trap(); // the parser promised to refuse these
        (void)RequestParsing::requiredString(*object, QStringLiteral("code"), 16);
        (void)RequestParsing::optionalString(*object, QStringLiteral("commercialDocument"), 64);
        (void)QJsonDocument(*object).toJson(QJsonDocument::Compact);
    }
    const QString text = RequestParsing::fromStd(body);
    if (sinfonia::auth::isAllowedLoopbackRedirect(text) && !text.startsWith(QLatin1String("http://")))
        __builtin_trap();
    (void)QDateTime::fromString(text, Qt::ISODateWithMs);
    return 0;
}

#ifndef SINFONIA_LIBFUZZER
int main()
{
    const std::vector<std::string> seeds {
        R"({"amountCents":1234})",
        R"({"amountCents":12.345})",
        R"({"amountCents":-1e308,"code":"123456"})",
        R"({"amountCents":9007199254740993})",
        R"({"amountCents":"12","commercialDocument":null})",
        R"({"code":["1",2,{"a":[]}],"amountCents":1e400})",
        R"([{"amountCents":1}])",
        "{\"amountCents\":1,\"code\":\"\xc3\x28\"}",
        "http://127.0.0.1:5000/cb",
        "http://[::1]:1/x?y=z#f",
        "http://user@127.0.0.1:80/",
        "https://127.0.0.1:443/",
        "2026-11-26T10:15:00Z",
        "2026-13-45T99:99:99+25:00",
        std::string("\0\0\0{", 4),
    };
    const quint32 seed = 20261126;
    std::printf("fuzz replay seed %u\n", seed);
    QRandomGenerator rng(seed);
    long runs = 0;
    for (const auto& s : seeds) {
        LLVMFuzzerTestOneInput(reinterpret_cast<const uint8_t*>(s.data()), s.size());
        ++runs;
    }
    for (int i = 0; i < 20000; ++i) {
        std::string s = seeds[rng.bounded(quint32(seeds.size()))];
        const int edits = 1 + int(rng.bounded(8));
        for (int e = 0; e < edits; ++e) {
            const quint32 op = rng.bounded(4);
            const size_t at = s.empty() ? 0 : rng.bounded(quint32(s.size()));
            if (op == 0 && !s.empty())
                s[at] = char(rng.bounded(256));
            else if (op == 1)
                s.insert(at, 1, char(rng.bounded(256)));
            else if (op == 2 && !s.empty())
                s.erase(at, 1);
            else
                s.insert(at, seeds[rng.bounded(quint32(seeds.size()))]);
        }
        LLVMFuzzerTestOneInput(reinterpret_cast<const uint8_t*>(s.data()), s.size());
        ++runs;
    }
    std::printf("%ld inputs, no crash\n", runs);
    return 0;
}
#endif
