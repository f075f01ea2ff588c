#pragma once

namespace sinfonia::http {

class Router;
struct ServerContext;

// GET /api/v1/info, /healthz, /readyz and /metrics: no authentication.
class InfoRoutes
{
public:
    static void install(Router& router, ServerContext& ctx);
};

} // namespace sinfonia::http
