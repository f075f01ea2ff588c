#pragma once

#include "core/domain/Result.h"

#include <QUrl>

namespace sinfonia::TransportPolicy {

// True for 127.0.0.1 and ::1 only: traffic that never leaves the machine (never the name "localhost").
bool isLoopbackHost(const QString& host);
// Every non-loopback URL must be https. Refused before any byte is sent ("net.insecure_url").
// There is deliberately no switch to relax this, nor any way to ignore certificate errors.
Result<void> check(const QUrl& url);

} // namespace sinfonia::TransportPolicy
