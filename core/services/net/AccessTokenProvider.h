#pragma once

#include "core/domain/Result.h"

#include <QByteArray>
#include <QObject>
#include <functional>

namespace sinfonia {

// Gives ApiRequest the bearer token and renews it when the server says 401. Implemented by Session.
class AccessTokenProvider
{
public:
    virtual ~AccessTokenProvider() = default;
    // Empty when not logged in. Never logged.
    virtual QByteArray accessToken() const = 0;
    // One refresh at a time: concurrent callers wait for the same refresh and then retry once.
    virtual void refreshAccessToken(QObject* context, std::function<void(Result<void>)> done) = 0;
};

} // namespace sinfonia
