#pragma once

namespace sinfonia::http {

class Router;
struct ServerContext;

// Beneficiary search (CF or card number), one voucher and its transactions at the structure.
class VoucherRoutes
{
public:
    static void install(Router& router, ServerContext& ctx);
};

} // namespace sinfonia::http
