#pragma once

#include <QString>

namespace sinfonia::auth {

// RFC 8252 §7.3: a native app receives the authorization code on a loopback redirect,
// http://127.0.0.1:<any port>/<path> or http://[::1]:<any port>/<path>. "localhost" is refused
// (§8.3: it may resolve elsewhere), as are https, user info, fragments and other hosts.
bool isAllowedLoopbackRedirect(const QString& redirectUri);

} // namespace sinfonia::auth
