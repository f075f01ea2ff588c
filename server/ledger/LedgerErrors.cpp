#include "server/ledger/LedgerErrors.h"

#include <QHash>

namespace sinfonia::ledger {

namespace {

struct Entry
{
    int status;
    const char* message;
};

const QHash<QString, Entry>& table()
{
    static const QHash<QString, Entry> t = {
        {QStringLiteral("structure.not_found"), {404, "Struttura non trovata o non abilitata per il tuo utente."}},
        {QStringLiteral("operator.not_found"), {404, "Operatore non riconosciuto."}},
        {QStringLiteral("voucher.not_found"), {404, "Voucher non trovato."}},
        {QStringLiteral("beneficiary.not_found"), {404, "Nessun voucher trovato per questo beneficiario."}},
        {QStringLiteral("movement.not_found"), {404, "Movimento non trovato."}},
        {QStringLiteral("receipt.not_found"), {404, "Nessuno scontrino allegato a questo movimento."}},
        {QStringLiteral("otp.not_found"),
         {404, "Nessun codice OTP attivo per questo movimento: richiedine uno nuovo."}},
        {QStringLiteral("employee.not_found"), {404, "Dipendente non trovato in questa struttura."}},
        {QStringLiteral("employee.forbidden"), {403, "Operazione riservata al titolare della struttura."}},
        {QStringLiteral("employee.self"), {403, "Non puoi modificare il tuo stesso utente."}},
        {QStringLiteral("employee.invalid"), {400, "Codice fiscale, nome e cognome sono obbligatori."}},
        {QStringLiteral("employee.exists"), {409, "Il dipendente è già associato a questa struttura."}},
        {QStringLiteral("employee.service_unknown"), {400, "Servizio sconosciuto."}},
        {QStringLiteral("beneficiary.query_invalid"),
         {400, "Inserisci un codice fiscale di 16 caratteri o il numero della tessera sanitaria (20 cifre)."}},
        {QStringLiteral("purchase.amount_invalid"), {400, "L'importo deve essere maggiore di zero."}},
        {QStringLiteral("purchase.document_invalid"),
         {400, "Numero del documento commerciale non valido (massimo 64 caratteri)."}},
        {QStringLiteral("receipt.empty"), {400, "Allega lo scontrino: il file è vuoto o mancante."}},
        {QStringLiteral("receipt.type_invalid"),
         {400, "Lo scontrino deve essere un'immagine JPEG o PNG oppure un PDF."}},
        {QStringLiteral("receipt.too_large"), {413, "Lo scontrino supera i 5 MB: riduci la dimensione e riprova."}},
        {QStringLiteral("voucher.not_active"), {422, "Il voucher non è attivo: non si possono registrare acquisti."}},
        {QStringLiteral("voucher.expired"), {422, "Il voucher è scaduto."}},
        {QStringLiteral("voucher.insufficient_funds"),
         {422, "Importo superiore alla disponibilità residua del voucher."}},
        {QStringLiteral("cancel.not_same_day"), {422, "La cancellazione è possibile solo nel giorno dell'acquisto."}},
        {QStringLiteral("cancel.amount_invalid"), {400, "L'importo da annullare deve essere maggiore di zero."}},
        {QStringLiteral("cancel.amount_exceeds"),
         {422, "Importo superiore al massimo annullabile per questo acquisto."}},
        {QStringLiteral("cancel.not_confirmed"), {422, "Si possono annullare solo acquisti confermati."}},
        {QStringLiteral("cancel.not_purchase"), {422, "Si possono annullare solo acquisti."}},
        {QStringLiteral("movement.not_pending"), {409, "Il movimento è già confermato."}},
        {QStringLiteral("otp.format"), {400, "Il codice OTP è composto da 6 cifre."}},
        {QStringLiteral("otp.invalid"), {422, "Codice OTP errato."}},
        {QStringLiteral("otp.expired"), {422, "Codice OTP scaduto: richiedi un nuovo invio."}},
        {QStringLiteral("otp.locked"),
         {422, "Troppi tentativi errati: il codice è stato annullato. Richiedi una nuova autorizzazione."}},
        {QStringLiteral("otp.used"), {409, "Codice OTP già utilizzato."}},
        {QStringLiteral("otp.resend_cooldown"), {429, "Attendi qualche secondo prima di richiedere un nuovo invio."}},
        {QStringLiteral("otp.resend_limit"), {429, "Hai raggiunto il numero massimo di invii del codice."}},
        {QStringLiteral("movements.range_invalid"),
         {400, "Periodo non valido: la data iniziale deve precedere la finale."}},
        {QStringLiteral("movements.range_too_long"), {400, "Il periodo di ricerca può essere al massimo di 3 mesi."}},
        {QStringLiteral("movements.cursor_invalid"), {400, "Pagina non valida: ripeti la ricerca."}},
        {QStringLiteral("movements.limit_invalid"), {400, "Numero di risultati per pagina non valido (da 1 a 500)."}},
        {QStringLiteral("idempotency.key_invalid"), {400, "Chiave di idempotenza non valida."}},
        {QStringLiteral("idempotency.key_reused"),
         {422, "La chiave Idempotency-Key è già stata usata per una richiesta diversa."}},
        {QStringLiteral("db.busy"), {503, "Il servizio è momentaneamente occupato: riprova tra qualche secondo."}},
        {QStringLiteral("db.error"), {500, "Errore interno del servizio: riprova più tardi."}},
    };
    return t;
}

} // namespace

int httpStatusFor(const QString& code)
{
    const auto it = table().constFind(code);
    if (it != table().cend())
        return it->status;
    if (code.startsWith(QLatin1String("cf.")) || code.startsWith(QLatin1String("money.")))
        return 400;
    if (code == QLatin1String("auth.invalid_token"))
        return 401;
    if (code.startsWith(QLatin1String("oauth.")))
        return 400;
    return 500;
}

namespace errors {

Error make(const QString& code, const QString& detail)
{
    const auto it = table().constFind(code);
    const QString message
        = it != table().cend() ? QString::fromUtf8(it->message) : QStringLiteral("Operazione non riuscita.");
    return makeError(code, message, detail);
}

} // namespace errors
} // namespace sinfonia::ledger
