#pragma once

#include <QByteArray>

namespace httplib {
struct Request;
}

namespace sinfonia::http {

class Router;
struct ServerContext;

// POST purchases (multipart: "purchase" JSON part + "receipt" file part) and cancellations.
// Both create a movement IN_ATTESA and send its OTP.
class PurchaseRoutes
{
public:
    static void install(Router& router, ServerContext& ctx);
    // Idempotency fingerprint of a purchase: its content, not the multipart boundary.
    static QByteArray purchaseFingerprint(const httplib::Request& req);
};

} // namespace sinfonia::http
