#include "server/auth/BearerAuth.h"

#include "core/domain/Clock.h"
#include "core/domain/ErrorCodes.h"
#include "server/ledger/AuthStore.h"

#include <QCryptographicHash>
#include <QDeadlineTimer>

namespace sinfonia::auth {

namespace {
constexpr qsizetype maxCacheEntries = 10000;

qint64 monotonicMs()
{
    return QDeadlineTimer::current().deadline();
}

Error invalidToken()
{
    return makeError(QString(codes::authInvalidToken),
                     QStringLiteral("Sessione scaduta o non valida: effettua di nuovo l'accesso."));
}
} // namespace

BearerAuth::BearerAuth(ledger::AuthStore& store, const Clock& clock)
    : m_store(store)
    , m_clock(clock)
{
}

Result<ledger::OperatorContext> BearerAuth::authenticate(const std::string& header)
{
    const QString value = QString::fromUtf8(header.data(), qsizetype(header.size())).trimmed();
    if (value.isEmpty() || !value.startsWith(QLatin1String("Bearer "), Qt::CaseInsensitive))
        return makeError(QString(codes::authUnauthorized),
                         QStringLiteral("Accesso richiesto: effettua di nuovo l'accesso."));
    const QString token = value.mid(7).trimmed();
    if (token.isEmpty() || token.size() > 512)
        return invalidToken();

    const QByteArray key = QCryptographicHash::hash(token.toUtf8(), QCryptographicHash::Sha256);
    const QDateTime now = m_clock.now();
    const qint64 nowMs = monotonicMs();
    {
        std::lock_guard lock(m_mutex);
        const auto it = m_cache.constFind(key);
        if (it != m_cache.constEnd() && nowMs - it->cachedAtMs < cacheMs && now < it->expiresAt)
            return ledger::OperatorContext {it->operatorCf};
    }
    auto info = m_store.validateAccessToken(token);
    if (!info) {
        if (info.error().code == QLatin1String("auth.invalid_token"))
            return invalidToken();
        return info.error();
    }
    {
        std::lock_guard lock(m_mutex);
        if (m_cache.size() >= maxCacheEntries)
            m_cache.clear();
        m_cache.insert(key, Entry {info->operatorCf, info->expiresAt, nowMs});
    }
    return ledger::OperatorContext {info->operatorCf};
}

void BearerAuth::forget()
{
    std::lock_guard lock(m_mutex);
    m_cache.clear();
}

std::string BearerAuth::challenge(const QString& errorCode) const
{
    if (errorCode == QLatin1String("auth.invalid_token"))
        return "Bearer realm=\"sinfonia\", error=\"invalid_token\", error_description=\"The access token is invalid or "
               "expired\"";
    return "Bearer realm=\"sinfonia\"";
}

} // namespace sinfonia::auth
