#include "server/auth/BearerAuth.h"

#include "server/ledger/AuthStore.h"

namespace sinfonia::auth {

BearerAuth::BearerAuth(ledger::AuthStore& store)
    : m_store(store)
{
}

Result<ledger::OperatorContext> BearerAuth::authenticate(const std::string& header) const
{
    const QString value = QString::fromUtf8(header.data(), qsizetype(header.size())).trimmed();
    if (value.isEmpty() || !value.startsWith(QLatin1String("Bearer "), Qt::CaseInsensitive))
        return makeError(QStringLiteral("auth.unauthorized"),
                         QStringLiteral("Accesso richiesto: effettua di nuovo l'accesso."));
    const QString token = value.mid(7).trimmed();
    if (token.isEmpty() || token.size() > 512)
        return makeError(QStringLiteral("auth.invalid_token"),
                         QStringLiteral("Sessione non valida: effettua di nuovo l'accesso."));
    auto info = m_store.validateAccessToken(token);
    if (!info) {
        if (info.error().code == QLatin1String("auth.invalid_token"))
            return makeError(QStringLiteral("auth.invalid_token"),
                             QStringLiteral("Sessione scaduta o non valida: effettua di nuovo l'accesso."));
        return info.error();
    }
    return ledger::OperatorContext {info->operatorCf};
}

std::string BearerAuth::challenge(const QString& errorCode)
{
    if (errorCode == QLatin1String("auth.invalid_token"))
        return "Bearer realm=\"sinfonia\", error=\"invalid_token\", error_description=\"The access token is invalid or "
               "expired\"";
    return "Bearer realm=\"sinfonia\"";
}

} // namespace sinfonia::auth
