#pragma once

namespace sinfonia::http {

class Router;
struct ServerContext;

// GET /api/v1/info and /healthz: no authentication (/readyz and /metrics are on AdminServer).
class InfoRoutes
{
public:
    static void install(Router& router, ServerContext& ctx);
};

} // namespace sinfonia::http
