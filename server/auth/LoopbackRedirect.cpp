#include "server/auth/LoopbackRedirect.h"

#include <QUrl>

namespace sinfonia::auth {

bool isAllowedLoopbackRedirect(const QString& redirectUri)
{
    if (redirectUri.size() > 2048)
        return false;
    const QUrl url(redirectUri, QUrl::StrictMode);
    if (!url.isValid() || url.scheme() != QLatin1String("http") || !url.userInfo().isEmpty() || url.hasFragment())
        return false;
    const QString host = url.host();
    if (host != QLatin1String("127.0.0.1") && host != QLatin1String("::1"))
        return false;
    const int port = url.port();
    return port > 0 && port <= 65535;
}

} // namespace sinfonia::auth
