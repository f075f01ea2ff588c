#pragma once

#include "core/domain/Result.h"
#include "server/ledger/LedgerTypes.h"

#include <string>

namespace sinfonia::ledger {
class AuthStore;
}

namespace sinfonia::auth {

// Turns the Authorization header into the calling operator. Errors carry code
// "auth.unauthorized" (no or malformed header) or "auth.invalid_token" (unknown, expired, revoked),
// both answered 401 with a WWW-Authenticate challenge by the HTTP layer.
class BearerAuth
{
public:
    explicit BearerAuth(ledger::AuthStore& store);

    Result<ledger::OperatorContext> authenticate(const std::string& authorizationHeader) const;
    static std::string challenge(const QString& errorCode);

private:
    ledger::AuthStore& m_store;
};

} // namespace sinfonia::auth
