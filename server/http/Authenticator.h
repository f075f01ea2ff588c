#pragma once

#include "core/domain/Result.h"
#include "server/ledger/LedgerTypes.h"

#include <QString>
#include <string>

namespace sinfonia::http {

// How the Router learns who is calling. The HTTP layer sees only this; auth::BearerAuth is the
// implementation main.cpp passes in, so http/ never includes auth/.
class Authenticator
{
public:
    virtual ~Authenticator() = default;
    // The operator of the Authorization header. Errors "auth.unauthorized" and "auth.invalid_token"
    // are answered 401 with challenge(code) as WWW-Authenticate; any other error as it maps.
    virtual Result<ledger::OperatorContext> authenticate(const std::string& authorizationHeader) = 0;
    virtual std::string challenge(const QString& errorCode) const = 0;
};

} // namespace sinfonia::http
