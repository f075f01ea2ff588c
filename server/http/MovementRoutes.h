#pragma once

namespace sinfonia::http {

class Router;
struct ServerContext;

// The movement list of a structure (period ≤ 3 months, CF filter, cursor pages) and receipts.
class MovementRoutes
{
public:
    static void install(Router& router, ServerContext& ctx);
};

} // namespace sinfonia::http
