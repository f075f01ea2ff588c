#include "core/services/net/TransportPolicy.h"

#include <QCoreApplication>
#include <QHostAddress>

namespace sinfonia::TransportPolicy {

bool isLoopbackHost(const QString& host)
{
    if (host.compare(QLatin1String("localhost"), Qt::CaseInsensitive) == 0)
        return true;
    QHostAddress address;
    return address.setAddress(host) && address.isLoopback();
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
