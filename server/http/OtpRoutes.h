#pragma once

namespace sinfonia::http {

class Router;
struct ServerContext;

// OTP of a pending movement: state, authorize (new challenge), resend, verify.
class OtpRoutes
{
public:
    static void install(Router& router, ServerContext& ctx);
};

} // namespace sinfonia::http
