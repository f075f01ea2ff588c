#include "core/services/net/ApiErrors.h"

#include <QCoreApplication>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>

namespace sinfonia::ApiErrors {

namespace {

QString tr(const char* text)
{
    return QCoreApplication::translate("sinfonia::ApiClient", text);
}

struct CodeText
{
    const char* code;
    const char* text;
};

// Used only when the server sent no `detail`: the server's own Italian text is preferred.
const CodeText codeTexts[] = {
    {"idempotency.in_progress",
     QT_TRANSLATE_NOOP("sinfonia::ApiClient", "Operazione già in corso: attendi qualche secondo.")},
    {"idempotency.key_reused",
     QT_TRANSLATE_NOOP("sinfonia::ApiClient", "Operazione già inviata con dati diversi: ricomincia l'operazione.")},
    {"voucher.insufficient_funds",
     QT_TRANSLATE_NOOP("sinfonia::ApiClient", "Importo superiore al residuo del voucher.")},
    {"voucher.not_active", QT_TRANSLATE_NOOP("sinfonia::ApiClient", "Il voucher non è attivo.")},
    {"voucher.expired", QT_TRANSLATE_NOOP("sinfonia::ApiClient", "Il voucher è scaduto.")},
    {"voucher.not_found", QT_TRANSLATE_NOOP("sinfonia::ApiClient", "Voucher non trovato.")},
    {"beneficiary.not_found", QT_TRANSLATE_NOOP("sinfonia::ApiClient", "Nessun beneficiario trovato con questi dati.")},
    {"otp.invalid", QT_TRANSLATE_NOOP("sinfonia::ApiClient", "Codice OTP errato.")},
    {"otp.expired", QT_TRANSLATE_NOOP("sinfonia::ApiClient", "Codice OTP scaduto: invia un nuovo codice.")},
    {"otp.locked",
     QT_TRANSLATE_NOOP("sinfonia::ApiClient", "Troppi tentativi errati: autorizza di nuovo il pagamento.")},
    {"otp.used", QT_TRANSLATE_NOOP("sinfonia::ApiClient", "Codice OTP già usato.")},
    {"otp.resend_cooldown", QT_TRANSLATE_NOOP("sinfonia::ApiClient", "Attendi prima di inviare un nuovo codice.")},
    {"otp.resend_limit", QT_TRANSLATE_NOOP("sinfonia::ApiClient", "Numero massimo di invii raggiunto.")},
    {"cancel.not_same_day",
     QT_TRANSLATE_NOOP("sinfonia::ApiClient", "La cancellazione è possibile solo nel giorno dell'acquisto.")},
    {"cancel.amount_exceeds", QT_TRANSLATE_NOOP("sinfonia::ApiClient", "Importo superiore a quello cancellabile.")},
    {"movement.not_pending", QT_TRANSLATE_NOOP("sinfonia::ApiClient", "Il movimento è già confermato.")},
    {"receipt.too_large", QT_TRANSLATE_NOOP("sinfonia::ApiClient", "Scontrino troppo grande (massimo 5 MB).")},
    {"receipt.type_invalid",
     QT_TRANSLATE_NOOP("sinfonia::ApiClient", "Scontrino in formato non valido: usa JPEG, PNG o PDF.")},
    {"employee.exists", QT_TRANSLATE_NOOP("sinfonia::ApiClient", "Dipendente già presente.")},
    {"employee.forbidden", QT_TRANSLATE_NOOP("sinfonia::ApiClient", "Operazione riservata al titolare.")},
};

QString statusText(int status)
{
    switch (status) {
    case 400:
        return tr("Richiesta non valida: controlla i dati inseriti.");
    case 401:
        return tr("Sessione scaduta: accedi di nuovo.");
    case 403:
        return tr("Operazione non consentita per il tuo utente.");
    case 404:
        return tr("Elemento non trovato.");
    case 409:
        return tr("Operazione in conflitto con lo stato attuale: aggiorna e riprova.");
    case 413:
        return tr("File troppo grande.");
    case 422:
        return tr("Operazione rifiutata dal server.");
    case 429:
        return tr("Troppe richieste: attendi qualche secondo.");
    case 503:
        return tr("Servizio momentaneamente non disponibile: riprova tra poco.");
    default:
        break;
    }
    if (status >= 500)
        return tr("Errore del server: riprova tra poco.");
    return tr("Risposta inattesa del server (HTTP %1).").arg(status);
}

} // namespace

Error timeout()
{
    return makeError(QStringLiteral("net.timeout"), tr("Il server non risponde: controlla la connessione e riprova."),
                     QStringLiteral("timeout"));
}

Error network(QNetworkReply::NetworkError error, const QString& errorString, const QList<QSslError>& sslErrors)
{
    if (error == QNetworkReply::SslHandshakeFailedError || !sslErrors.isEmpty()) {
        QStringList reasons;
        bool expired = false;
        bool wrongHost = false;
        for (const QSslError& e : sslErrors) {
            reasons << e.errorString();
            expired = expired || e.error() == QSslError::CertificateExpired
                || e.error() == QSslError::CertificateNotYetValid;
            wrongHost = wrongHost || e.error() == QSslError::HostNameMismatch;
        }
        QString why = expired ? tr("il certificato del server è scaduto")
            : wrongHost       ? tr("il certificato non appartiene a questo server")
                              : tr("il certificato del server non è attendibile");
        return makeError(QStringLiteral("net.tls"),
                         tr("Connessione non sicura rifiutata: %1. Nessun dato è stato inviato; "
                            "contatta l'assistenza.")
                             .arg(why),
                         reasons.join(QStringLiteral("; ")) + QStringLiteral(" / ") + errorString);
    }
    switch (error) {
    case QNetworkReply::TimeoutError:
        return timeout();
    case QNetworkReply::ConnectionRefusedError:
    case QNetworkReply::HostNotFoundError:
    case QNetworkReply::RemoteHostClosedError:
    case QNetworkReply::TemporaryNetworkFailureError:
    case QNetworkReply::NetworkSessionFailedError:
    case QNetworkReply::UnknownNetworkError:
    case QNetworkReply::ProxyConnectionRefusedError:
    case QNetworkReply::ProxyNotFoundError:
        return makeError(QStringLiteral("net.unreachable"),
                         tr("Server non raggiungibile: controlla la connessione di rete e riprova."),
                         QStringLiteral("network error %1: %2").arg(int(error)).arg(errorString));
    default:
        break;
    }
    return makeError(QStringLiteral("net.error"), tr("Errore di comunicazione con il server: riprova."),
                     QStringLiteral("network error %1: %2").arg(int(error)).arg(errorString));
}

Error fromHttp(int status, const QByteArray& body)
{
    QString code;
    QString message;
    QString extra;
    if (body.size() < 64 * 1024) {
        const QJsonDocument doc = QJsonDocument::fromJson(body);
        if (doc.isObject()) {
            const QJsonObject o = doc.object();
            code = o.value(QLatin1String("code")).toString();
            message = o.value(QLatin1String("detail")).toString().trimmed();
            const QJsonValue attempts = o.value(QLatin1String("attemptsLeft"));
            if (attempts.isDouble())
                extra += QStringLiteral(" attemptsLeft=%1").arg(attempts.toInt());
            const QJsonValue resend = o.value(QLatin1String("resendAvailableAt"));
            if (resend.isString())
                extra += QStringLiteral(" resendAvailableAt=") + resend.toString();
        }
    }
    // Only a sane machine code is trusted as Error::code; a hostile body cannot inject arbitrary text.
    static const QRegularExpression codePattern(QStringLiteral("^[a-z_]+(\\.[a-z_]+)+$"));
    if (!codePattern.match(code).hasMatch())
        code = status == 401 ? QStringLiteral("auth.unauthorized") : QStringLiteral("http.%1").arg(status);
    if (message.isEmpty() || message.size() > 500) {
        message.clear();
        for (const CodeText& c : codeTexts)
            if (code == QLatin1String(c.code))
                message = tr(c.text);
        if (message.isEmpty())
            message = statusText(status);
    }
    return makeError(code, message, QStringLiteral("http=%1 code=%2").arg(status).arg(code) + extra);
}

Error sessionExpired()
{
    return makeError(QStringLiteral("auth.session_expired"), tr("Sessione scaduta: accedi di nuovo."),
                     QStringLiteral("refresh failed"));
}

Error oauth(const QByteArray& body, int status)
{
    const QJsonObject o = QJsonDocument::fromJson(body.left(64 * 1024)).object();
    const QString error = o.value(QLatin1String("error")).toString();
    if (error == QLatin1String("invalid_grant"))
        return makeError(QStringLiteral("auth.invalid_grant"), tr("Accesso scaduto o non più valido: accedi di nuovo."),
                         QStringLiteral("http=%1 oauth=invalid_grant").arg(status));
    return makeError(QStringLiteral("auth.token_error"),
                     tr("Il servizio di accesso ha rifiutato la richiesta: riprova o contatta l'assistenza."),
                     QStringLiteral("http=%1 oauth=%2").arg(status).arg(error.left(64)));
}

std::optional<int> httpStatus(const Error& error)
{
    static const QRegularExpression re(QStringLiteral("(?:^|\\s)http=(\\d+)"));
    const auto m = re.match(error.detail);
    if (!m.hasMatch())
        return std::nullopt;
    return m.captured(1).toInt();
}

bool isDefinitive(const Error& error)
{
    const auto status = httpStatus(error);
    if (!status || *status >= 500 || *status == 401 || *status == 429)
        return false;
    return error.code != QLatin1String("idempotency.in_progress");
}

std::optional<int> attemptsLeft(const Error& error)
{
    static const QRegularExpression re(QStringLiteral("attemptsLeft=(\\d+)"));
    const auto m = re.match(error.detail);
    if (!m.hasMatch())
        return std::nullopt;
    return m.captured(1).toInt();
}

} // namespace sinfonia::ApiErrors
