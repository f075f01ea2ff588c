#pragma once

#include "core/domain/Result.h"
#include "server/http/Authenticator.h"
#include "server/ledger/LedgerTypes.h"

#include <QByteArray>
#include <QDateTime>
#include <QHash>
#include <mutex>
#include <string>

namespace sinfonia {
class Clock;
namespace ledger {
class AuthStore;
}
} // namespace sinfonia

namespace sinfonia::auth {

// Turns the Authorization header into the calling operator. Errors carry code
// "auth.unauthorized" (no or malformed header) or "auth.invalid_token" (unknown, expired, revoked),
// both answered 401 with a WWW-Authenticate challenge by the HTTP layer.
//
// A validated token is remembered for a short time (keyed by its SHA-256, never the raw value) so
// a burst of lookups does not query the token table every time. Expiry is still checked against the
// clock on every call, and the token endpoints call forget() so a revocation or rotation made
// through this process takes effect at once; another process sees it within cacheSecs.
class BearerAuth final : public http::Authenticator
{
public:
    BearerAuth(ledger::AuthStore& store, const Clock& clock);

    Result<ledger::OperatorContext> authenticate(const std::string& authorizationHeader) override;
    std::string challenge(const QString& errorCode) const override;
    void forget();

    static constexpr qint64 cacheMs = 2000;

private:
    struct Entry
    {
        QString operatorCf;
        QDateTime expiresAt;
        qint64 cachedAtMs = 0;
    };
    ledger::AuthStore& m_store;
    const Clock& m_clock;
    std::mutex m_mutex;
    QHash<QByteArray, Entry> m_cache;
};

} // namespace sinfonia::auth
