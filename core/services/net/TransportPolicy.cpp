#include "core/services/net/TransportPolicy.h"

#include <QCoreApplication>
#include <QHostAddress>

namespace sinfonia::TransportPolicy {

bool isLoopbackHost(const QString& host)
{
    // Addresses only: the name "localhost" may resolve elsewhere (hosts file, DNS search domain),
    // and plain http must never leave the machine. The rest of 127.0.0.0/8 is not ours either.
    QHostAddress address;
    return address.setAddress(host)
        && (address == QHostAddress(QHostAddress::LocalHost) || address == QHostAddress(QHostAddress::LocalHostIPv6));
}

Result<void> check(const QUrl& url)
{
    const QString scheme = url.scheme().toLower();
    if (!url.isValid() || url.host().isEmpty() || (scheme != QLatin1String("https") && scheme != QLatin1String("http")))
        return makeError(QStringLiteral("net.invalid_url"),
                         QCoreApplication::translate("sinfonia::ApiClient",
                                                     "Indirizzo del server non valido: controlla le impostazioni."),
                         QStringLiteral("invalid url"));
    if (scheme == QLatin1String("http") && !isLoopbackHost(url.host()))
        return makeError(QStringLiteral("net.insecure_url"),
                         QCoreApplication::translate("sinfonia::ApiClient",
                                                     "Connessione non protetta rifiutata: l'indirizzo del server deve "
                                                     "iniziare con https://. Chiedi all'assistenza di correggerlo."),
                         QStringLiteral("plain http to ") + url.host());
    return {};
}

} // namespace sinfonia::TransportPolicy
