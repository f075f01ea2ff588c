#pragma once

namespace sinfonia::http {

class Router;
struct ServerContext;

// GET /api/v1/me and the staff management of a structure (titolare only, enforced by the ledger).
class EmployeeRoutes
{
public:
    static void install(Router& router, ServerContext& ctx);
};

} // namespace sinfonia::http
