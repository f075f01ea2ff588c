#pragma once

#include "core/domain/ErrorCodes.h"
#include "core/services/net/AccessTokenProvider.h"

#include <QString>

namespace sinfonia::test {

// A bearer token that never changes (a sandbox login's access token, or a marker a test looks for
// on disk); a refresh always fails, as an expired session would. For suites shorter than a token.
class FixedToken final : public AccessTokenProvider
{
public:
    explicit FixedToken(QByteArray token)
        : m_token(std::move(token))
    {
    }
    QByteArray accessToken() const override { return m_token; }
    void refreshAccessToken(QObject*, std::function<void(Result<void>)> done) override
    {
        done(
            makeError(QString(codes::authSessionExpired), QStringLiteral("Sessione scaduta"), QStringLiteral("fixed")));
    }

private:
    QByteArray m_token;
};

} // namespace sinfonia::test
