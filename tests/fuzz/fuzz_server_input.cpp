// Fuzz target: the server's handling of what cpp-httplib parsed (the parsers themselves are Debian's
// cpp-httplib). The input is up to six sections separated by a line "====": a query string, an OAuth
// form body (application/x-www-form-urlencoded), the "purchase" JSON part of a multipart purchase
// and its declared content type, the "receipt" part and its declared content type. Invariants: an
// amount that parses is an integer within ±Money::maxCents; strings respect their length limit; a
// redirect URI is allowed only when it is http on 127.0.0.1 or [::1] with a port, no user info and
// no fragment; a PKCE challenge is 43 base64url characters; the purchase fingerprint is a SHA-256,
// the same for the same request and for the same JSON written with other whitespace, and changes
// with the receipt; a sniffed receipt type is JPEG, PNG or PDF only when the bytes say so.
#include "FuzzCheck.h"
#include "core/domain/Money.h"
#include "server/auth/LoopbackRedirect.h"
#include "server/http/PurchaseRoutes.h"
#include "server/http/RequestParsing.h"
#include "server/ledger/AuthStore.h"
#include "server/ledger/MovementWriter.h"

#include <QJsonDocument>
#include <QUrl>
#include <cstdint>
#include <httplib.h>
#include <string>
#include <vector>

using namespace sinfonia;
using namespace sinfonia::http;

namespace {
std::vector<std::string> sections(const std::string& in)
{
    std::vector<std::string> out;
    size_t from = 0;
    for (;;) {
        const size_t at = in.find("\n====\n", from);
        if (at == std::string::npos) {
            out.push_back(in.substr(from));
            return out;
        }
        out.push_back(in.substr(from, at - from));
        from = at + 6;
    }
}

void checkParams(const httplib::Params& params)
{
    httplib::Request req;
    req.params = params;
    for (const auto& [name, value] : params) {
        const QString v = RequestParsing::fromStd(value);
        FUZZ_CHECK(name.find(char(0)) != std::string::npos || req.has_param(name.c_str()));
        if (name == "redirect_uri" && auth::isAllowedLoopbackRedirect(v)) {
            const QUrl url(v, QUrl::StrictMode);
            FUZZ_CHECK(url.scheme() == QLatin1String("http"));
            FUZZ_CHECK(url.host() == QLatin1String("127.0.0.1") || url.host() == QLatin1String("::1"));
            FUZZ_CHECK(url.port() > 0 && url.userInfo().isEmpty() && !url.hasFragment());
        }
        if (name == "code_verifier" || name == "code_challenge") {
            const QString challenge = ledger::AuthStore::pkceChallengeFor(v);
            FUZZ_CHECK(challenge.size() == 43);
            for (QChar c : challenge)
                FUZZ_CHECK((c.isLetterOrNumber() && c.unicode() < 128) || c == u'-' || c == u'_');
        }
        if (name == "token" || name == "refresh_token" || name == "code")
            FUZZ_CHECK(ledger::AuthStore::hashSecret(v).size() == 64);
    }
}

void checkJson(const std::string& body)
{
    auto object = RequestParsing::jsonObject(body);
    if (!object)
        return;
    if (auto cents = RequestParsing::requiredCents(*object, QStringLiteral("amountCents")))
        FUZZ_CHECK(*cents >= -Money::maxCents && *cents <= Money::maxCents);
    if (auto doc = RequestParsing::optionalString(*object, QStringLiteral("commercialDocument"), 4096))
        FUZZ_CHECK(doc->size() <= 4096);
    if (auto code = RequestParsing::requiredString(*object, QStringLiteral("code"), 16))
        FUZZ_CHECK(!code->isEmpty() && code->size() <= 16);
}

httplib::Request purchaseRequest(const std::string& json, const std::string& jsonType, const std::string& receipt,
                                 const std::string& receiptType, bool withReceipt)
{
    httplib::Request req;
    req.method = "POST";
    req.path = "/api/v1/structures/FAR001/vouchers/100/purchases";
    req.headers.emplace("Content-Type", "multipart/form-data; boundary=sinfonia");
    req.files.emplace("purchase", httplib::MultipartFormData {"purchase", json, "", jsonType});
    if (withReceipt)
        req.files.emplace("receipt", httplib::MultipartFormData {"receipt", receipt, "scontrino", receiptType});
    return req;
}
} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    const std::vector<std::string> s = sections(std::string(reinterpret_cast<const char*>(data), size));
    auto part = [&](size_t i) { return i < s.size() ? s[i] : std::string(); };

    httplib::Params query;
    httplib::detail::parse_query_text(part(0), query);
    checkParams(query);
    httplib::Params form;
    httplib::detail::parse_query_text(part(1), form);
    checkParams(form);
    checkJson(part(1));
    checkJson(part(2));

    const std::string receipt = part(4);
    const bool withReceipt = s.size() > 4;
    const httplib::Request req = purchaseRequest(part(2), part(3), receipt, part(5), withReceipt);
    FUZZ_CHECK(req.is_multipart_form_data());
    const QByteArray fingerprint = PurchaseRoutes::purchaseFingerprint(req);
    FUZZ_CHECK(fingerprint.size() == 32);
    FUZZ_CHECK(PurchaseRoutes::purchaseFingerprint(req) == fingerprint);
    if (auto object = RequestParsing::jsonObject(part(2))) {
        const QByteArray indented = QJsonDocument(*object).toJson(QJsonDocument::Indented);
        const auto same = purchaseRequest(indented.toStdString(), part(3), receipt, part(5), withReceipt);
        FUZZ_CHECK(PurchaseRoutes::purchaseFingerprint(same) == fingerprint);
    }
    const auto other = purchaseRequest(part(2), part(3), receipt + "x", part(5), true);
    FUZZ_CHECK(PurchaseRoutes::purchaseFingerprint(other) != fingerprint);

    const QByteArray bytes = QByteArray::fromStdString(receipt);
    const QString type = ledger::MovementWriter::detectReceiptType(bytes);
    if (type == QLatin1String("image/jpeg"))
        FUZZ_CHECK(bytes.startsWith("\xFF\xD8\xFF"));
    else if (type == QLatin1String("image/png"))
        FUZZ_CHECK(bytes.startsWith("\x89PNG\r\n\x1A\n"));
    else if (type == QLatin1String("application/pdf"))
        FUZZ_CHECK(bytes.startsWith("%PDF-"));
    else
        FUZZ_CHECK(type.isEmpty());
    return 0;
}
