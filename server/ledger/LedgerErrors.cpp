#include "server/ledger/LedgerErrors.h"

#include "core/domain/ErrorCodes.h"

#include <QHash>

namespace sinfonia::ledger {

namespace {

// The Italian message of every code the ledger answers with; the HTTP status is the one
// codes::httpStatusOf() gives (core/domain/ErrorCodes.h, shared with the client).
const QHash<QString, const char*>& table()
{
    static const QHash<QString, const char*> t = {
        {codes::structureNotFound, "Struttura non trovata o non abilitata per il tuo utente."},
        {codes::operatorNotFound, "Operatore non riconosciuto."},
        {codes::voucherNotFound, "Voucher non trovato."},
        {codes::beneficiaryNotFound, "Nessun voucher trovato per questo beneficiario."},
        {codes::movementNotFound, "Movimento non trovato."},
        {codes::receiptNotFound, "Nessuno scontrino allegato a questo movimento."},
        {codes::otpNotFound, "Nessun codice OTP attivo per questo movimento: richiedine uno nuovo."},
        {codes::employeeNotFound, "Dipendente non trovato in questa struttura."},
        {codes::employeeForbidden, "Operazione riservata al titolare della struttura."},
        {codes::employeeSelf, "Non puoi modificare il tuo stesso utente."},
        {codes::employeeTitolare, "Non puoi disabilitare un altro titolare della struttura."},
        {codes::requestTimeout, "La richiesta non è arrivata completa in tempo: riprova."},
        {codes::serverTooManyConnections,
         "Troppe connessioni aperte da questo indirizzo: chiudi quelle inutili e riprova tra qualche secondo."},
        {codes::requestLengthRequired,
         "Richiesta senza lunghezza dichiarata: invia il contenuto con l'intestazione Content-Length."},
        {codes::employeeInvalid, "Codice fiscale, nome e cognome sono obbligatori."},
        {codes::employeeExists, "Il dipendente è già associato a questa struttura."},
        {codes::employeeServiceUnknown, "Servizio sconosciuto."},
        {codes::beneficiaryQueryInvalid,
         "Inserisci un codice fiscale di 16 caratteri o il numero della tessera sanitaria (20 cifre)."},
        {codes::purchaseAmountInvalid, "L'importo deve essere maggiore di zero."},
        {codes::purchaseDocumentInvalid, "Numero del documento commerciale non valido (massimo 64 caratteri)."},
        {codes::receiptEmpty, "Allega lo scontrino: il file è vuoto o mancante."},
        {codes::receiptTypeInvalid, "Lo scontrino deve essere un'immagine JPEG o PNG oppure un PDF leggibile."},
        {codes::receiptUnsafe,
         "Il PDF dello scontrino contiene script, azioni o file allegati: allega una foto o un PDF semplice."},
        {codes::receiptTooLarge, "Lo scontrino supera i 5 MB: riduci la dimensione e riprova."},
        {codes::voucherSuspended, "Il voucher è sospeso: non si possono registrare acquisti."},
        {codes::voucherExhausted, "Il voucher è esaurito: non c'è più importo disponibile."},
        {codes::voucherNotYetActive, "Il voucher non è ancora attivo: si può usare dalla data di attivazione."},
        {codes::voucherExpired, "Il voucher è scaduto."},
        {codes::voucherInsufficientFunds, "Importo superiore alla disponibilità residua del voucher."},
        {codes::cancelNotSameDay, "La cancellazione è possibile solo nel giorno dell'acquisto."},
        {codes::cancelAmountInvalid, "L'importo da annullare deve essere maggiore di zero."},
        {codes::cancelAmountExceeds, "Importo superiore al massimo annullabile per questo acquisto."},
        {codes::cancelNotConfirmed, "Si possono annullare solo acquisti confermati."},
        {codes::cancelNotPurchase, "Si possono annullare solo acquisti."},
        {codes::movementNotPending, "Il movimento non è più in attesa: è già confermato o annullato."},
        {codes::otpFormat, "Il codice OTP è composto da 6 cifre."},
        {codes::otpInvalid, "Codice OTP errato."},
        {codes::otpExpired, "Codice OTP scaduto: richiedi un nuovo invio."},
        {codes::otpLocked, "Troppi tentativi errati: il codice è stato annullato. Richiedi una nuova autorizzazione."},
        {codes::otpUsed, "Codice OTP già utilizzato."},
        {codes::otpResendCooldown, "Attendi qualche secondo prima di richiedere un nuovo invio."},
        {codes::otpResendLimit, "Hai raggiunto il numero massimo di invii del codice."},
        {codes::movementsRangeInvalid, "Periodo non valido: la data iniziale deve precedere la finale."},
        {codes::movementsRangeTooLong, "Il periodo di ricerca può essere al massimo di 3 mesi."},
        {codes::movementsCursorInvalid, "Pagina non valida: ripeti la ricerca."},
        {codes::movementsLimitInvalid, "Numero di risultati per pagina non valido (da 1 a 5000)."},
        {codes::idempotencyKeyInvalid, "Chiave di idempotenza non valida."},
        {codes::idempotencyKeyReused, "La chiave Idempotency-Key è già stata usata per una richiesta diversa."},
        {codes::dbBusy, "Il servizio è momentaneamente occupato: riprova tra qualche secondo."},
        {codes::dbError, "Errore interno del servizio: riprova più tardi."},
        {codes::otpPurchaseVoided,
         "L'acquisto non è più in attesa: è stato annullato o è scaduto, e il codice OTP non vale più."},
        {codes::voidNotPurchase, "Si possono annullare solo acquisti in attesa di conferma."},
        {codes::smsNotSent,
         "Il messaggio con il codice OTP non è stato inviato: usa \"Invia nuovamente\" tra qualche istante."},
        {codes::lookupRateLimited, "Troppe ricerche: riprova tra qualche minuto."},
        {codes::auditForbidden, "Solo il titolare può consultare il registro attività della struttura."},
    };
    return t;
}

} // namespace

int httpStatusFor(const QString& code)
{
    if (const auto status = codes::httpStatusOf(code))
        return *status;
    // AuthStore's own codes, which the OAuth routes turn into RFC 6749 errors.
    if (code.startsWith(QLatin1String("oauth.")))
        return 400;
    return 500;
}

namespace errors {

Error make(const QString& code, const QString& detail)
{
    const auto it = table().constFind(code);
    const QString message = it != table().cend() ? QString::fromUtf8(*it) : QStringLiteral("Operazione non riuscita.");
    return makeError(code, message, detail);
}

} // namespace errors
} // namespace sinfonia::ledger
