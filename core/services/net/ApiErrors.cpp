#include "core/services/net/ApiErrors.h"

#include "core/domain/ErrorCodes.h"

#include <QCoreApplication>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>

namespace sinfonia::ApiErrors {

namespace {

// Texts of this file: lupdate files Texts::tr() strings under the context the macro names, and
// translate() looks them up under the same one.
struct Texts
{
    Q_DECLARE_TR_FUNCTIONS(sinfonia::ApiClient)
};

struct CodeText
{
    QLatin1String code;
    const char* text;
};

// The client's own text for every API code (codes::apiCodes()): the clerk reads it in the
// language of the counter. The server's Italian `detail` is shown only for a code not listed here.
const CodeText codeTexts[] = {
    {codes::requestInvalid,
     QT_TRANSLATE_NOOP("sinfonia::ApiClient", "Richiesta non valida: controlla i dati inseriti.")},
    {codes::requestInvalidJson,
     QT_TRANSLATE_NOOP("sinfonia::ApiClient", "Richiesta non valida: riprova; se si ripete, contatta l'assistenza.")},
    {codes::requestInvalidField,
     QT_TRANSLATE_NOOP("sinfonia::ApiClient", "Un dato inviato non è valido: controlla i campi e riprova.")},
    {codes::requestMissingField,
     QT_TRANSLATE_NOOP("sinfonia::ApiClient", "Manca un dato obbligatorio: completa i campi e riprova.")},
    {codes::requestInvalidQuery,
     QT_TRANSLATE_NOOP("sinfonia::ApiClient", "Ricerca non valida: controlla i filtri e riprova.")},
    {codes::beneficiaryQueryInvalid,
     QT_TRANSLATE_NOOP("sinfonia::ApiClient",
                       "Inserisci un codice fiscale di 16 caratteri o il numero della tessera sanitaria (20 cifre).")},
    {codes::purchaseAmountInvalid, QT_TRANSLATE_NOOP("sinfonia::ApiClient", "Inserisci un importo maggiore di zero.")},
    {codes::purchaseDocumentInvalid,
     QT_TRANSLATE_NOOP("sinfonia::ApiClient", "Numero del documento commerciale non valido (massimo 64 caratteri).")},
    {codes::cancelAmountInvalid,
     QT_TRANSLATE_NOOP("sinfonia::ApiClient", "Inserisci un importo da annullare maggiore di zero.")},
    {codes::movementsRangeInvalid,
     QT_TRANSLATE_NOOP("sinfonia::ApiClient", "Periodo non valido: la data di inizio deve precedere quella di fine.")},
    {codes::movementsRangeTooLong,
     QT_TRANSLATE_NOOP("sinfonia::ApiClient", "Il periodo può essere al massimo di 3 mesi.")},
    {codes::movementsCursorInvalid,
     QT_TRANSLATE_NOOP("sinfonia::ApiClient", "L'elenco è cambiato nel frattempo: ripeti la ricerca.")},
    {codes::movementsLimitInvalid,
     QT_TRANSLATE_NOOP("sinfonia::ApiClient", "Richiesta dell'elenco non valida: ripeti la ricerca.")},
    {codes::receiptMissing, QT_TRANSLATE_NOOP("sinfonia::ApiClient", "Allega lo scontrino prima di inviare.")},
    {codes::receiptEmpty,
     QT_TRANSLATE_NOOP("sinfonia::ApiClient", "Lo scontrino allegato è vuoto: allegalo di nuovo.")},
    {codes::receiptTypeInvalid,
     QT_TRANSLATE_NOOP("sinfonia::ApiClient", "Scontrino in formato non valido: usa JPEG, PNG o PDF.")},
    {codes::receiptUnsafe,
     QT_TRANSLATE_NOOP("sinfonia::ApiClient",
                       "Il PDF dello scontrino contiene script o allegati: allega una foto dello scontrino.")},
    {codes::employeeInvalid,
     QT_TRANSLATE_NOOP("sinfonia::ApiClient", "Codice fiscale, nome e cognome sono obbligatori.")},
    {codes::employeeServiceUnknown,
     QT_TRANSLATE_NOOP("sinfonia::ApiClient", "Servizio sconosciuto: aggiorna la pagina e riprova.")},
    {codes::otpFormat, QT_TRANSLATE_NOOP("sinfonia::ApiClient", "Il codice OTP è di 6 cifre.")},
    {codes::idempotencyKeyMissing,
     QT_TRANSLATE_NOOP("sinfonia::ApiClient",
                       "Richiesta non accettata dal server: aggiorna l'applicazione o contatta l'assistenza.")},
    {codes::idempotencyKeyInvalid,
     QT_TRANSLATE_NOOP("sinfonia::ApiClient",
                       "Richiesta non accettata dal server: aggiorna l'applicazione o contatta l'assistenza.")},
    {codes::authUnauthorized, QT_TRANSLATE_NOOP("sinfonia::ApiClient", "Sessione scaduta: accedi di nuovo.")},
    {codes::authInvalidToken, QT_TRANSLATE_NOOP("sinfonia::ApiClient", "Sessione scaduta: accedi di nuovo.")},
    {codes::employeeForbidden, QT_TRANSLATE_NOOP("sinfonia::ApiClient", "Operazione riservata al titolare.")},
    {codes::employeeSelf, QT_TRANSLATE_NOOP("sinfonia::ApiClient", "Non puoi modificare la tua stessa utenza.")},
    {codes::employeeTitolare,
     QT_TRANSLATE_NOOP("sinfonia::ApiClient", "Non puoi disabilitare un altro titolare della struttura.")},
    {codes::requestNotFound,
     QT_TRANSLATE_NOOP("sinfonia::ApiClient",
                       "Servizio non trovato: controlla l'indirizzo del server nelle impostazioni.")},
    {codes::structureNotFound,
     QT_TRANSLATE_NOOP("sinfonia::ApiClient", "Struttura non trovata o non abilitata per il tuo utente.")},
    {codes::operatorNotFound, QT_TRANSLATE_NOOP("sinfonia::ApiClient", "Operatore non riconosciuto: accedi di nuovo.")},
    {codes::voucherNotFound, QT_TRANSLATE_NOOP("sinfonia::ApiClient", "Voucher non trovato.")},
    {codes::beneficiaryNotFound,
     QT_TRANSLATE_NOOP("sinfonia::ApiClient", "Nessun beneficiario trovato con questi dati.")},
    {codes::movementNotFound, QT_TRANSLATE_NOOP("sinfonia::ApiClient", "Movimento non trovato: aggiorna la pagina.")},
    {codes::receiptNotFound,
     QT_TRANSLATE_NOOP("sinfonia::ApiClient", "Nessuno scontrino allegato a questo movimento.")},
    {codes::otpNotFound,
     QT_TRANSLATE_NOOP("sinfonia::ApiClient", "Nessun codice OTP attivo: richiedi un nuovo invio.")},
    {codes::employeeNotFound, QT_TRANSLATE_NOOP("sinfonia::ApiClient", "Dipendente non trovato in questa struttura.")},
    {codes::idempotencyInProgress,
     QT_TRANSLATE_NOOP("sinfonia::ApiClient", "Operazione già in corso: attendi qualche secondo.")},
    {codes::employeeExists, QT_TRANSLATE_NOOP("sinfonia::ApiClient", "Dipendente già presente.")},
    {codes::movementNotPending,
     QT_TRANSLATE_NOOP("sinfonia::ApiClient", "Il movimento non è più in attesa: è già confermato o annullato.")},
    {codes::otpUsed, QT_TRANSLATE_NOOP("sinfonia::ApiClient", "Codice OTP già usato.")},
    {codes::requestTooLarge, QT_TRANSLATE_NOOP("sinfonia::ApiClient", "Dati troppo grandi per l'invio.")},
    {codes::requestTimeout,
     QT_TRANSLATE_NOOP("sinfonia::ApiClient", "Il servizio non ha ricevuto la richiesta in tempo: riprova.")},
    {codes::serverTooManyConnections,
     QT_TRANSLATE_NOOP("sinfonia::ApiClient",
                       "Troppe connessioni aperte da questo computer verso il servizio: riprova tra qualche secondo.")},
    {codes::requestLengthRequired,
     QT_TRANSLATE_NOOP("sinfonia::ApiClient",
                       "Invio non accettato dal servizio: riprova; se si ripete, contatta "
                       "l'assistenza.")},
    {codes::receiptTooLarge, QT_TRANSLATE_NOOP("sinfonia::ApiClient", "Scontrino troppo grande (massimo 5 MB).")},
    {codes::idempotencyKeyReused,
     QT_TRANSLATE_NOOP("sinfonia::ApiClient", "Operazione già inviata con dati diversi: ricomincia l'operazione.")},
    {codes::voucherNotActive,
     QT_TRANSLATE_NOOP("sinfonia::ApiClient", "Il voucher non è attivo: non si possono registrare acquisti.")},
    {codes::voucherExpired,
     QT_TRANSLATE_NOOP("sinfonia::ApiClient", "Il voucher è scaduto: non si possono registrare acquisti.")},
    {codes::voucherSuspended,
     QT_TRANSLATE_NOOP("sinfonia::ApiClient", "Il voucher è sospeso: non si possono registrare acquisti.")},
    {codes::voucherExhausted,
     QT_TRANSLATE_NOOP("sinfonia::ApiClient", "Il voucher è esaurito: non c'è più importo disponibile.")},
    {codes::voucherNotYetActive,
     QT_TRANSLATE_NOOP("sinfonia::ApiClient", "Il voucher non è ancora attivo: controlla la data di attivazione.")},
    {codes::voucherInsufficientFunds,
     QT_TRANSLATE_NOOP("sinfonia::ApiClient", "Importo superiore al residuo del voucher.")},
    {codes::cancelNotSameDay,
     QT_TRANSLATE_NOOP("sinfonia::ApiClient", "La cancellazione è possibile solo nel giorno dell'acquisto.")},
    {codes::cancelAmountExceeds, QT_TRANSLATE_NOOP("sinfonia::ApiClient", "Importo superiore a quello cancellabile.")},
    {codes::cancelNotConfirmed,
     QT_TRANSLATE_NOOP("sinfonia::ApiClient", "Si possono annullare solo acquisti confermati.")},
    {codes::cancelNotPurchase, QT_TRANSLATE_NOOP("sinfonia::ApiClient", "Si possono annullare solo acquisti.")},
    {codes::otpInvalid, QT_TRANSLATE_NOOP("sinfonia::ApiClient", "Codice OTP errato.")},
    {codes::otpExpired, QT_TRANSLATE_NOOP("sinfonia::ApiClient", "Codice OTP scaduto: invia un nuovo codice.")},
    {codes::otpLocked,
     QT_TRANSLATE_NOOP("sinfonia::ApiClient", "Troppi tentativi errati: autorizza di nuovo il pagamento.")},
    {codes::otpResendCooldown, QT_TRANSLATE_NOOP("sinfonia::ApiClient", "Attendi prima di inviare un nuovo codice.")},
    {codes::otpResendLimit, QT_TRANSLATE_NOOP("sinfonia::ApiClient", "Numero massimo di invii raggiunto.")},
    {codes::serverInternal, QT_TRANSLATE_NOOP("sinfonia::ApiClient", "Errore del server: riprova tra poco.")},
    {codes::dbError, QT_TRANSLATE_NOOP("sinfonia::ApiClient", "Errore del server: riprova tra poco.")},
    {codes::dbBusy,
     QT_TRANSLATE_NOOP("sinfonia::ApiClient", "Servizio momentaneamente occupato: riprova tra qualche secondo.")},
    {codes::serverUnavailable,
     QT_TRANSLATE_NOOP("sinfonia::ApiClient", "Servizio momentaneamente occupato: riprova tra qualche secondo.")},
    {codes::otpPurchaseVoided,
     QT_TRANSLATE_NOOP("sinfonia::ApiClient", "L'acquisto è stato annullato o è scaduto: il codice OTP non vale più.")},
    {codes::voidNotPurchase,
     QT_TRANSLATE_NOOP("sinfonia::ApiClient", "Si possono annullare solo acquisti in attesa di conferma.")},
    {codes::smsNotSent,
     QT_TRANSLATE_NOOP("sinfonia::ApiClient", "SMS con il codice non inviato: premi \"Invia nuovamente\".")},
    {codes::lookupRateLimited,
     QT_TRANSLATE_NOOP("sinfonia::ApiClient", "Troppe ricerche: riprova tra qualche minuto.")},
    {codes::auditForbidden,
     QT_TRANSLATE_NOOP("sinfonia::ApiClient", "Solo il titolare può consultare il registro attività.")},
};

QString statusText(int status)
{
    switch (status) {
    case 400:
        return Texts::tr("Richiesta non valida: controlla i dati inseriti.");
    case 401:
        return Texts::tr("Sessione scaduta: accedi di nuovo.");
    case 403:
        return Texts::tr("Operazione non consentita per il tuo utente.");
    case 404:
        return Texts::tr("Elemento non trovato.");
    case 409:
        return Texts::tr("Operazione in conflitto con lo stato attuale: aggiorna e riprova.");
    case 413:
        return Texts::tr("File troppo grande.");
    case 422:
        return Texts::tr("Operazione rifiutata dal server.");
    case 429:
        return Texts::tr("Troppe richieste: attendi qualche secondo.");
    case 503:
        return Texts::tr("Servizio momentaneamente non disponibile: riprova tra poco.");
    default:
        break;
    }
    if (status >= 500)
        return Texts::tr("Errore del server: riprova tra poco.");
    return Texts::tr("Risposta inattesa del server (HTTP %1).").arg(status);
}

} // namespace

QString clientText(const QString& code)
{
    for (const CodeText& c : codeTexts) {
        if (code == c.code)
            return Texts::tr(c.text);
    }
    // The validation families of the domain: the field on screen already says which character.
    if (code.startsWith(QLatin1String("cf.")))
        return Texts::tr("Codice fiscale non valido: controlla i caratteri inseriti.");
    if (code.startsWith(QLatin1String("money.")))
        return Texts::tr("Importo non valido: scrivi l'importo in euro, es. 12,50.");
    return {};
}

Error timeout()
{
    return makeError(QStringLiteral("net.timeout"),
                     Texts::tr("Il server non risponde: controlla la connessione e riprova."),
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
        QString why = expired ? Texts::tr("il certificato del server è scaduto")
            : wrongHost       ? Texts::tr("il certificato non appartiene a questo server")
                              : Texts::tr("il certificato del server non è attendibile");
        return makeError(QStringLiteral("net.tls"),
                         Texts::tr("Connessione non sicura rifiutata: %1. Nessun dato è stato inviato; "
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
                         Texts::tr("Server non raggiungibile: controlla la connessione di rete e riprova."),
                         QStringLiteral("network error %1: %2").arg(int(error)).arg(errorString));
    default:
        break;
    }
    return makeError(QStringLiteral("net.error"), Texts::tr("Errore di comunicazione con il server: riprova."),
                     QStringLiteral("network error %1: %2").arg(int(error)).arg(errorString));
}

Error fromHttp(int status, const QByteArray& body, const QByteArray& retryAfter)
{
    QString code;
    QString message;
    HttpProblem problem;
    problem.status = status;
    if (body.size() < 64 * 1024) {
        const QJsonDocument doc = QJsonDocument::fromJson(body);
        if (doc.isObject()) {
            const QJsonObject o = doc.object();
            code = o.value(QLatin1String("code")).toString();
            message = o.value(QLatin1String("detail")).toString().trimmed();
            const QJsonValue attempts = o.value(QLatin1String("attemptsLeft"));
            if (attempts.isDouble() && attempts.toDouble() >= 0 && attempts.toDouble() <= 100)
                problem.attemptsLeft = attempts.toInt();
            const QJsonValue resend = o.value(QLatin1String("resendAvailableAt"));
            if (resend.isString())
                problem.resendAvailableAt = QDateTime::fromString(resend.toString(), Qt::ISODateWithMs).toUTC();
        }
    }
    // Retry-After: delay-seconds (what our server sends); an HTTP date is left unset.
    bool seconds = false;
    const int after = retryAfter.trimmed().toInt(&seconds);
    if (seconds && after >= 0 && after <= 24 * 3600)
        problem.retryAfterSecs = after;
    // Only a sane machine code is trusted as Error::code; a hostile body cannot inject arbitrary text.
    static const QRegularExpression codePattern(QStringLiteral("^[a-z_]+(\\.[a-z_]+)+$"));
    if (!codePattern.match(code).hasMatch())
        code = status == 401 ? QString(codes::authUnauthorized) : QStringLiteral("http.%1").arg(status);
    // Our own (translated) text for a known code; the server's Italian detail for a newer code.
    if (const QString known = clientText(code); !known.isEmpty())
        message = known;
    else if (message.size() > 500)
        message.clear();
    if (message.isEmpty())
        message = statusText(status);
    Error e = makeError(code, message, QStringLiteral("http=%1 code=%2").arg(status).arg(code));
    e.http = problem;
    return e;
}

Error sessionExpired()
{
    return makeError(QStringLiteral("auth.session_expired"), Texts::tr("Sessione scaduta: accedi di nuovo."),
                     QStringLiteral("refresh failed"));
}

Error oauth(const QByteArray& body, int status)
{
    const QJsonObject o = QJsonDocument::fromJson(body.left(64 * 1024)).object();
    const QString error = o.value(QLatin1String("error")).toString();
    if (error == QLatin1String("invalid_grant"))
        return makeError(QStringLiteral("auth.invalid_grant"),
                         Texts::tr("Accesso scaduto o non più valido: accedi di nuovo."),
                         QStringLiteral("http=%1 oauth=invalid_grant").arg(status));
    return makeError(QStringLiteral("auth.token_error"),
                     Texts::tr("Il servizio di accesso ha rifiutato la richiesta: riprova o contatta l'assistenza."),
                     QStringLiteral("http=%1 oauth=%2").arg(status).arg(error.left(64)));
}

std::optional<int> httpStatus(const Error& error)
{
    if (!error.http)
        return std::nullopt;
    return error.http->status;
}

bool isDefinitive(const Error& error)
{
    if (!error.http || error.http->status >= 500 || error.http->status == 401 || error.http->status == 429)
        return false;
    return error.code != codes::idempotencyInProgress;
}

std::optional<int> attemptsLeft(const Error& error)
{
    return error.http ? error.http->attemptsLeft : std::nullopt;
}

} // namespace sinfonia::ApiErrors
