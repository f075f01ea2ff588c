<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_GB">
    <context>
        <name>CommandLine</name>
        <message>
            <source>SINFONIA Banco: Voucher secondogeniti al banco della farmacia.</source>
            <translation>SINFONIA Banco: the second-child voucher at the pharmacy counter.</translation>
        </message>
        <message>
            <source>Mostra questo aiuto.</source>
            <translation>Shows this help.</translation>
        </message>
        <message>
            <source>Mostra la versione.</source>
            <translation>Shows the version.</translation>
        </message>
        <message>
            <source>Indirizzo del servizio centrale (es. https://host/).</source>
            <translation>Address of the central service (e.g. https://host/).</translation>
        </message>
        <message>
            <source>Lingua dell'interfaccia: it o en.</source>
            <translation>Interface language: it or en.</translation>
        </message>
        <message>
            <source>Stampa la configurazione effettiva e la sua origine.</source>
            <translation>Prints the effective configuration and where it comes from.</translation>
        </message>
        <message>
            <source>Decodifica il codice a barre delle immagini indicate e termina.</source>
            <translation>Decodes the barcode of the given images and exits.</translation>
        </message>
        <message>
            <source>Immagini da decodificare.</source>
            <translation>Images to decode.</translation>
        </message>
        <message>
            <source>Indirizzo del server non valido: %1
</source>
            <translation>Invalid server address: %1
</translation>
        </message>
        <message>
            <source>Indica almeno un'immagine da decodificare.
</source>
            <translation>Give at least one image to decode.
</translation>
        </message>
    </context>
    <context>
        <name>MovementExport</name>
        <message>
            <source>Pagina %1 di %2</source>
            <translation>Page %1 of %2</translation>
        </message>
        <message>
            <source>PROVA – nessun voucher reale</source>
            <translation>TRAINING – no real voucher</translation>
        </message>
    </context>
    <context>
        <name>sinfonia::ActivityLogFlow</name>
        <message>
            <source>Nessuna attività nel periodo.</source>
            <translation>No activity in the period.</translation>
        </message>
        <message>
            <source>Attività mostrate: %1.</source>
            <translation>Activities shown: %1.</translation>
        </message>
        <message>
            <source>Registro esportato in %1.</source>
            <translation>Activity log exported to %1.</translation>
        </message>
    </context>
    <context>
        <name>sinfonia::ActivityLogPage</name>
        <message>
            <source>Registro attività</source>
            <translation>Activity log</translation>
        </message>
        <message>
            <source>Dal giorno</source>
            <translation>From day</translation>
        </message>
        <message>
            <source>Al giorno</source>
            <translation>To day</translation>
        </message>
        <message>
            <source>&amp;Dal</source>
            <translation>&amp;From</translation>
        </message>
        <message>
            <source>&amp;Al</source>
            <translation>&amp;To</translation>
        </message>
        <message>
            <source>CERCA</source>
            <translation>SEARCH</translation>
        </message>
        <message>
            <source>Cerca nel registro attività</source>
            <translation>Search the activity log</translation>
        </message>
        <message>
            <source>ESPORTA CSV</source>
            <translation>EXPORT CSV</translation>
        </message>
        <message>
            <source>Esporta in CSV le righe mostrate</source>
            <translation>Export the rows shown as CSV</translation>
        </message>
        <message>
            <source>Esporta CSV (Ctrl+E)</source>
            <translation>Export CSV (Ctrl+E)</translation>
        </message>
        <message>
            <source>Attività della struttura</source>
            <translation>Activity of the structure</translation>
        </message>
        <message>
            <source>CARICA ALTRE RIGHE</source>
            <translation>LOAD MORE ROWS</translation>
        </message>
        <message>
            <source>Carica le righe successive</source>
            <translation>Load the next rows</translation>
        </message>
        <message>
            <source>Registro attività - %1</source>
            <translation>Activity log - %1</translation>
        </message>
        <message>
            <source>Esporta registro attività</source>
            <translation>Export activity log</translation>
        </message>
        <message>
            <source>File CSV (*.csv)</source>
            <translation>CSV files (*.csv)</translation>
        </message>
    </context>
    <context>
        <name>sinfonia::AddEmployeeDialog</name>
        <message>
            <source>Aggiungi dipendente</source>
            <translation>Add employee</translation>
        </message>
        <message>
            <source>Codice fiscale del dipendente (obbligatorio)</source>
            <translation>Employee's tax code (required)</translation>
        </message>
        <message>
            <source>Nome (obbligatorio)</source>
            <translation>First name (required)</translation>
        </message>
        <message>
            <source>Cognome (obbligatorio)</source>
            <translation>Last name (required)</translation>
        </message>
        <message>
            <source>Codice Fiscale *</source>
            <translation>Tax code *</translation>
        </message>
        <message>
            <source>Nome *</source>
            <translation>First name *</translation>
        </message>
        <message>
            <source>Cognome *</source>
            <translation>Last name *</translation>
        </message>
        <message>
            <source>Aggiungi</source>
            <translation>Add</translation>
        </message>
        <message>
            <source>Annulla</source>
            <translation>Cancel</translation>
        </message>
        <message>
            <source>Codice fiscale, nome e cognome sono obbligatori.</source>
            <translation>Tax code, first name and last name are required.</translation>
        </message>
    </context>
    <context>
        <name>sinfonia::ApiClient</name>
        <message>
            <source>Risposta del server non valida: riprova; se si ripete, contatta l'assistenza.</source>
            <translation>Invalid server answer: try again; if it happens again, contact support.</translation>
        </message>
        <message>
            <source>Operazione già in corso: attendi qualche secondo.</source>
            <translation>Operation already in progress: wait a few seconds.</translation>
        </message>
        <message>
            <source>Operazione già inviata con dati diversi: ricomincia l'operazione.</source>
            <translation>Operation already sent with different data: start the operation again.</translation>
        </message>
        <message>
            <source>Importo superiore al residuo del voucher.</source>
            <translation>Amount above the voucher's remaining amount.</translation>
        </message>
        <message>
            <source>Voucher non trovato.</source>
            <translation>Voucher not found.</translation>
        </message>
        <message>
            <source>Nessun beneficiario trovato con questi dati.</source>
            <translation>No beneficiary found with these data.</translation>
        </message>
        <message>
            <source>Codice OTP errato.</source>
            <translation>Wrong OTP code.</translation>
        </message>
        <message>
            <source>Codice OTP scaduto: invia un nuovo codice.</source>
            <translation>OTP code expired: send a new code.</translation>
        </message>
        <message>
            <source>Troppi tentativi errati: autorizza di nuovo il pagamento.</source>
            <translation>Too many wrong attempts: authorize the payment again.</translation>
        </message>
        <message>
            <source>Codice OTP già usato.</source>
            <translation>OTP code already used.</translation>
        </message>
        <message>
            <source>Attendi prima di inviare un nuovo codice.</source>
            <translation>Wait before sending a new code.</translation>
        </message>
        <message>
            <source>Numero massimo di invii raggiunto.</source>
            <translation>Maximum number of sends reached.</translation>
        </message>
        <message>
            <source>La cancellazione è possibile solo nel giorno dell'acquisto.</source>
            <translation>Cancellation is possible only on the day of the purchase.</translation>
        </message>
        <message>
            <source>Importo superiore a quello cancellabile.</source>
            <translation>Amount above the cancellable one.</translation>
        </message>
        <message>
            <source>Scontrino troppo grande (massimo 5 MB).</source>
            <translation>Receipt too large (at most 5 MB).</translation>
        </message>
        <message>
            <source>Scontrino in formato non valido: usa JPEG, PNG o PDF.</source>
            <translation>Receipt in an invalid format: use JPEG, PNG or PDF.</translation>
        </message>
        <message>
            <source>Dipendente già presente.</source>
            <translation>Employee already present.</translation>
        </message>
        <message>
            <source>Operazione riservata al titolare.</source>
            <translation>Operation reserved to the owner.</translation>
        </message>
        <message>
            <source>Operazione interrotta.</source>
            <translation>Operation interrupted.</translation>
        </message>
        <message>
            <source>Indirizzo del server non valido: controlla le impostazioni.</source>
            <translation>Invalid server address: check the settings.</translation>
        </message>
        <message>
            <source>Connessione non protetta rifiutata: l'indirizzo del server deve iniziare con https://. Chiedi all'assistenza di correggerlo.</source>
            <translation>Unprotected connection refused: the server address must start with https://. Ask support to correct it.</translation>
        </message>
        <message>
            <source>Richiesta non valida: controlla i dati inseriti.</source>
            <translation>Invalid request: check the data entered.</translation>
        </message>
        <message>
            <source>Richiesta non valida: riprova; se si ripete, contatta l'assistenza.</source>
            <translation>Invalid request: try again; if it happens again, contact support.</translation>
        </message>
        <message>
            <source>Un dato inviato non è valido: controlla i campi e riprova.</source>
            <translation>Some data sent is not valid: check the fields and try again.</translation>
        </message>
        <message>
            <source>Manca un dato obbligatorio: completa i campi e riprova.</source>
            <translation>A required field is missing: fill in the fields and try again.</translation>
        </message>
        <message>
            <source>Ricerca non valida: controlla i filtri e riprova.</source>
            <translation>Invalid search: check the filters and try again.</translation>
        </message>
        <message>
            <source>Inserisci un codice fiscale di 16 caratteri o il numero della tessera sanitaria (20 cifre).</source>
            <translation>Enter a 16-character codice fiscale or the health card number (20 digits).</translation>
        </message>
        <message>
            <source>Inserisci un importo maggiore di zero.</source>
            <translation>Enter an amount greater than zero.</translation>
        </message>
        <message>
            <source>Numero del documento commerciale non valido (massimo 64 caratteri).</source>
            <translation>Invalid receipt document number (at most 64 characters).</translation>
        </message>
        <message>
            <source>Inserisci un importo da annullare maggiore di zero.</source>
            <translation>Enter an amount to cancel greater than zero.</translation>
        </message>
        <message>
            <source>Periodo non valido: la data di inizio deve precedere quella di fine.</source>
            <translation>Invalid period: the start date must come before the end date.</translation>
        </message>
        <message>
            <source>Il periodo può essere al massimo di 3 mesi.</source>
            <translation>The period can be at most 3 months.</translation>
        </message>
        <message>
            <source>L'elenco è cambiato nel frattempo: ripeti la ricerca.</source>
            <translation>The list changed in the meantime: search again.</translation>
        </message>
        <message>
            <source>Richiesta dell'elenco non valida: ripeti la ricerca.</source>
            <translation>Invalid list request: search again.</translation>
        </message>
        <message>
            <source>Allega lo scontrino prima di inviare.</source>
            <translation>Attach the receipt before sending.</translation>
        </message>
        <message>
            <source>Lo scontrino allegato è vuoto: allegalo di nuovo.</source>
            <translation>The attached receipt is empty: attach it again.</translation>
        </message>
        <message>
            <source>Codice fiscale, nome e cognome sono obbligatori.</source>
            <translation>Tax code, first name and last name are required.</translation>
        </message>
        <message>
            <source>Servizio sconosciuto: aggiorna la pagina e riprova.</source>
            <translation>Unknown service: refresh the page and try again.</translation>
        </message>
        <message>
            <source>Il codice OTP è di 6 cifre.</source>
            <translation>The OTP code has 6 digits.</translation>
        </message>
        <message>
            <source>Richiesta non accettata dal server: aggiorna l'applicazione o contatta l'assistenza.</source>
            <translation>Request not accepted by the server: update the application or contact support.</translation>
        </message>
        <message>
            <source>Sessione scaduta: accedi di nuovo.</source>
            <translation>Session expired: sign in again.</translation>
        </message>
        <message>
            <source>Non puoi modificare la tua stessa utenza.</source>
            <translation>You cannot change your own user.</translation>
        </message>
        <message>
            <source>Servizio non trovato: controlla l'indirizzo del server nelle impostazioni.</source>
            <translation>Service not found: check the server address in the settings.</translation>
        </message>
        <message>
            <source>Struttura non trovata o non abilitata per il tuo utente.</source>
            <translation>Structure not found or not enabled for your user.</translation>
        </message>
        <message>
            <source>Operatore non riconosciuto: accedi di nuovo.</source>
            <translation>Operator not recognised: log in again.</translation>
        </message>
        <message>
            <source>Movimento non trovato: aggiorna la pagina.</source>
            <translation>Movement not found: refresh the page.</translation>
        </message>
        <message>
            <source>Nessuno scontrino allegato a questo movimento.</source>
            <translation>No receipt attached to this movement.</translation>
        </message>
        <message>
            <source>Nessun codice OTP attivo: richiedi un nuovo invio.</source>
            <translation>No active OTP code: request a new one.</translation>
        </message>
        <message>
            <source>Dipendente non trovato in questa struttura.</source>
            <translation>Employee not found in this structure.</translation>
        </message>
        <message>
            <source>Dati troppo grandi per l'invio.</source>
            <translation>The data is too large to send.</translation>
        </message>
        <message>
            <source>Il voucher non è attivo: non si possono registrare acquisti.</source>
            <translation>The voucher is not active: purchases cannot be recorded.</translation>
        </message>
        <message>
            <source>Il voucher è scaduto: non si possono registrare acquisti.</source>
            <translation>The voucher has expired: purchases cannot be recorded.</translation>
        </message>
        <message>
            <source>Il voucher è sospeso: non si possono registrare acquisti.</source>
            <translation>The voucher is suspended: purchases cannot be recorded.</translation>
        </message>
        <message>
            <source>Il voucher è esaurito: non c'è più importo disponibile.</source>
            <translation>The voucher is used up: no amount is left.</translation>
        </message>
        <message>
            <source>Il voucher non è ancora attivo: controlla la data di attivazione.</source>
            <translation>The voucher is not active yet: check the activation date.</translation>
        </message>
        <message>
            <source>Si possono annullare solo acquisti confermati.</source>
            <translation>Only confirmed purchases can be cancelled.</translation>
        </message>
        <message>
            <source>Si possono annullare solo acquisti.</source>
            <translation>Only purchases can be cancelled.</translation>
        </message>
        <message>
            <source>Errore del server: riprova tra poco.</source>
            <translation>Server error: try again shortly.</translation>
        </message>
        <message>
            <source>Servizio momentaneamente occupato: riprova tra qualche secondo.</source>
            <translation>The service is busy right now: try again in a few seconds.</translation>
        </message>
        <message>
            <source>Operazione non consentita per il tuo utente.</source>
            <translation>Operation not allowed for your user.</translation>
        </message>
        <message>
            <source>Elemento non trovato.</source>
            <translation>Item not found.</translation>
        </message>
        <message>
            <source>Operazione in conflitto con lo stato attuale: aggiorna e riprova.</source>
            <translation>Operation conflicts with the current state: refresh and try again.</translation>
        </message>
        <message>
            <source>File troppo grande.</source>
            <translation>File too large.</translation>
        </message>
        <message>
            <source>Operazione rifiutata dal server.</source>
            <translation>Operation refused by the server.</translation>
        </message>
        <message>
            <source>Troppe richieste: attendi qualche secondo.</source>
            <translation>Too many requests: wait a few seconds.</translation>
        </message>
        <message>
            <source>Servizio momentaneamente non disponibile: riprova tra poco.</source>
            <translation>Service temporarily unavailable: try again shortly.</translation>
        </message>
        <message>
            <source>Risposta inattesa del server (HTTP %1).</source>
            <translation>Unexpected server answer (HTTP %1).</translation>
        </message>
        <message>
            <source>Codice fiscale non valido: controlla i caratteri inseriti.</source>
            <translation>Invalid codice fiscale: check the characters you entered.</translation>
        </message>
        <message>
            <source>Importo non valido: scrivi l'importo in euro, es. 12,50.</source>
            <translation>Invalid amount: write the amount in euro, e.g. 12,50.</translation>
        </message>
        <message>
            <source>Il server non risponde: controlla la connessione e riprova.</source>
            <translation>The server does not answer: check the connection and try again.</translation>
        </message>
        <message>
            <source>il certificato del server è scaduto</source>
            <translation>the server certificate has expired</translation>
        </message>
        <message>
            <source>il certificato non appartiene a questo server</source>
            <translation>the certificate does not belong to this server</translation>
        </message>
        <message>
            <source>il certificato del server non è attendibile</source>
            <translation>the server certificate is not trusted</translation>
        </message>
        <message>
            <source>Connessione non sicura rifiutata: %1. Nessun dato è stato inviato; contatta l'assistenza.</source>
            <translation>Insecure connection refused: %1. No data was sent; contact support.</translation>
        </message>
        <message>
            <source>Server non raggiungibile: controlla la connessione di rete e riprova.</source>
            <translation>Server unreachable: check the network connection and try again.</translation>
        </message>
        <message>
            <source>Errore di comunicazione con il server: riprova.</source>
            <translation>Error communicating with the server: try again.</translation>
        </message>
        <message>
            <source>Accesso scaduto o non più valido: accedi di nuovo.</source>
            <translation>Sign-in expired or no longer valid: sign in again.</translation>
        </message>
        <message>
            <source>Il servizio di accesso ha rifiutato la richiesta: riprova o contatta l'assistenza.</source>
            <translation>The sign-in service refused the request: try again or contact support.</translation>
        </message>
        <message>
            <source>Non puoi disabilitare un altro titolare della struttura.</source>
            <translation>You cannot disable another owner of the pharmacy.</translation>
        </message>
        <message>
            <source>Invio non accettato dal servizio: riprova; se si ripete, contatta l'assistenza.</source>
            <translation>Request not accepted by the service: try again; if it happens again, contact support.</translation>
        </message>
        <message>
            <source>Il PDF dello scontrino contiene script o allegati: allega una foto dello scontrino.</source>
            <translation>The receipt PDF contains scripts or attachments: attach a photo of the receipt.</translation>
        </message>
        <message>
            <source>Il servizio non ha ricevuto la richiesta in tempo: riprova.</source>
            <translation>The service did not receive the request in time: try again.</translation>
        </message>
        <message>
            <source>Troppe connessioni aperte da questo computer verso il servizio: riprova tra qualche secondo.</source>
            <translation>Too many connections from this computer to the service: try again in a few seconds.</translation>
        </message>
        <message>
            <source>Il movimento non è più in attesa: è già confermato o annullato.</source>
            <translation>The movement is no longer pending: it is already confirmed or voided.</translation>
        </message>
        <message>
            <source>L'acquisto è stato annullato o è scaduto: il codice OTP non vale più.</source>
            <translation>The purchase was voided or has expired: the OTP code no longer works.</translation>
        </message>
        <message>
            <source>Si possono annullare solo acquisti in attesa di conferma.</source>
            <translation>Only purchases awaiting confirmation can be voided.</translation>
        </message>
        <message>
            <source>SMS con il codice non inviato: premi "Invia nuovamente".</source>
            <translation>The SMS with the code was not sent: press "Send again".</translation>
        </message>
        <message>
            <source>Troppe ricerche: riprova tra qualche minuto.</source>
            <translation>Too many searches: try again in a few minutes.</translation>
        </message>
        <message>
            <source>Solo il titolare può consultare il registro attività.</source>
            <translation>Only the owner can view the activity log.</translation>
        </message>
    </context>
    <context>
        <name>sinfonia::AppSettings</name>
        <message>
            <source>Impostazione gestita dall'amministratore di sistema: non modificabile.</source>
            <translation>Setting managed by the system administrator: cannot be changed.</translation>
        </message>
        <message>
            <source>Impostazioni utente non disponibili.</source>
            <translation>User settings not available.</translation>
        </message>
    </context>
    <context>
        <name>sinfonia::AppWiring</name>
        <message>
            <source>Configura lettore…</source>
            <translation>Set up scanner…</translation>
        </message>
    </context>
    <context>
        <name>sinfonia::AuditModel</name>
        <message>
            <source>Ricerca beneficiario</source>
            <translation>Find beneficiary</translation>
        </message>
        <message>
            <source>Consultazione voucher</source>
            <translation>Voucher viewed</translation>
        </message>
        <message>
            <source>Acquisto</source>
            <translation>Purchase</translation>
        </message>
        <message>
            <source>Cancellazione</source>
            <translation>Cancellation</translation>
        </message>
        <message>
            <source>Verifica OTP</source>
            <translation>OTP check</translation>
        </message>
        <message>
            <source>Annullamento acquisto in attesa</source>
            <translation>Pending purchase voided</translation>
        </message>
        <message>
            <source>Download scontrino</source>
            <translation>Receipt downloaded</translation>
        </message>
        <message>
            <source>Eseguita</source>
            <translation>Done</translation>
        </message>
        <message>
            <source>Rifiutata: troppe ricerche</source>
            <translation>Refused: too many searches</translation>
        </message>
        <message>
            <source>Non trovato</source>
            <translation>Not found</translation>
        </message>
        <message>
            <source>Codice OTP errato</source>
            <translation>Wrong OTP code</translation>
        </message>
        <message>
            <source>Rifiutata (%1)</source>
            <translation>Refused (%1)</translation>
        </message>
        <message>
            <source>%1 (N° %2)</source>
            <translation>%1 (No. %2)</translation>
        </message>
        <message>
            <source>Data e ora</source>
            <translation>Date and time</translation>
        </message>
        <message>
            <source>Operatore</source>
            <translation>Operator</translation>
        </message>
        <message>
            <source>Azione</source>
            <translation>Action</translation>
        </message>
        <message>
            <source>Voucher</source>
            <translation>Voucher</translation>
        </message>
        <message>
            <source>Esito</source>
            <translation>Result</translation>
        </message>
    </context>
    <context>
        <name>sinfonia::CameraFrameSource</name>
        <message>
            <source>La webcam scelta nelle impostazioni non è collegata: scegline un'altra</source>
            <translation>The webcam chosen in the settings is not connected: choose another one</translation>
        </message>
        <message>
            <source>La webcam non si apre: forse è usata da un altro programma. Chiudilo e riprova</source>
            <translation>The webcam does not open: maybe another program uses it. Close it and try again</translation>
        </message>
        <message>
            <source>La webcam non risponde: forse è usata da un altro programma o è stata scollegata</source>
            <translation>The webcam does not respond: maybe another program uses it or it was unplugged</translation>
        </message>
        <message>
            <source>Nessuna webcam trovata: collegala e riprova</source>
            <translation>No webcam found: connect it and try again</translation>
        </message>
    </context>
    <context>
        <name>sinfonia::CancellationPage</name>
        <message>
            <source>Cancellazione movimento</source>
            <translation>Cancel movement</translation>
        </message>
        <message>
            <source>Dati cancellazione</source>
            <translation>Cancellation data</translation>
        </message>
        <message>
            <source>Data di cancellazione</source>
            <translation>Cancellation date</translation>
        </message>
        <message>
            <source>Importo dell'acquisto</source>
            <translation>Purchase amount</translation>
        </message>
        <message>
            <source>Importo da revocare in euro</source>
            <translation>Amount to revoke in euro</translation>
        </message>
        <message>
            <source>Importo da revocare €</source>
            <translation>Amount to revoke €</translation>
        </message>
        <message>
            <source>N.B. Un acquisto si può cancellare solo nello stesso giorno (entro le 23:59).</source>
            <translation>Note: a purchase can be cancelled only on the same day (until 23:59).</translation>
        </message>
        <message>
            <source>Salva la cancellazione e invia OTP</source>
            <translation>Save the cancellation and send OTP</translation>
        </message>
        <message>
            <source>Valore Importo consentito: %1</source>
            <translation>Allowed amount: %1</translation>
        </message>
        <message>
            <source>Invio della cancellazione in corso...</source>
            <translation>Sending the cancellation...</translation>
        </message>
        <message>
            <source>&amp;SALVA E INVIA OTP</source>
            <translation>&amp;SAVE AND SEND OTP</translation>
        </message>
        <message>
            <source>Salva e invia OTP (Invio o Alt+S)</source>
            <translation>Save and send OTP (Enter or Alt+S)</translation>
        </message>
    </context>
    <context>
        <name>sinfonia::CodiceFiscale</name>
        <message>
            <source>Mese di nascita non valido (9º carattere): usa una lettera tra A B C D E H L M P R S T</source>
            <translation>Invalid birth month (9th character): use one of A B C D E H L M P R S T</translation>
        </message>
        <message>
            <source>Giorno di nascita non valido (10º e 11º carattere): da 01 a 31, per le donne da 41 a 71</source>
            <translation>Invalid birth day (10th and 11th characters): 01 to 31, for women 41 to 71</translation>
        </message>
        <message>
            <source>Codice fiscale numerico troppo corto: %1 cifre su 11</source>
            <translation>Numeric tax code too short: %1 digits of 11</translation>
        </message>
        <message>
            <source>Codice fiscale troppo corto: %1 caratteri su 16</source>
            <translation>Tax code too short: %1 characters of 16</translation>
        </message>
        <message>
            <source>Codice fiscale troppo lungo: %1 caratteri su 16</source>
            <translation>Tax code too long: %1 characters of 16</translation>
        </message>
        <message>
            <source>Codice fiscale numerico non valido: controlla l'11ª cifra</source>
            <translation>Invalid numeric tax code: check the 11th digit</translation>
        </message>
        <message>
            <source>Inserisci il codice fiscale</source>
            <translation>Enter the tax code</translation>
        </message>
        <message>
            <source>Data di nascita inesistente (%1/%2): controlla i caratteri dal 7º all'11º</source>
            <translation>Birth date does not exist (%1/%2): check characters 7 to 11</translation>
        </message>
        <message>
            <source>Codice fiscale non valido: controlla il 16º carattere</source>
            <translation>Invalid tax code: check the 16th character</translation>
        </message>
        <message>
            <source>Il codice fiscale numerico ha 11 cifre: ne hai scritte %1</source>
            <translation>The numeric tax code has 11 digits: you typed %1</translation>
        </message>
        <message>
            <source>Codice fiscale non valido: in %1ª posizione va una cifra</source>
            <translation>Invalid tax code: position %1 must be a digit</translation>
        </message>
        <message>
            <source>Codice fiscale non valido: in %1ª posizione va una lettera</source>
            <translation>Invalid tax code: position %1 must be a letter</translation>
        </message>
    </context>
    <context>
        <name>sinfonia::CounterFlow</name>
        <message>
            <source>Accesso annullato. Premi di nuovo "Accedi" per riprovare.</source>
            <translation>Sign-in cancelled. Press "Sign in" again to retry.</translation>
        </message>
        <message>
            <source>Completa l'accesso SPID nel browser, poi torna qui.</source>
            <translation>Complete the SPID sign-in in the browser, then come back here.</translation>
        </message>
        <message>
            <source>Accesso in corso...</source>
            <translation>Signing in...</translation>
        </message>
        <message>
            <source>Sessione scaduta: accedi di nuovo. L'acquisto in corso è stato conservato.</source>
            <translation>Session expired: sign in again. The purchase in progress has been kept.</translation>
        </message>
        <message>
            <source>Imposta PIN di sblocco…</source>
            <translation>Set unlock PIN…</translation>
        </message>
        <message>
            <source>Sblocca la postazione con un PIN finché l'accesso SPID è valido</source>
            <translation>Unlock the workstation with a PIN while the SPID login is valid</translation>
        </message>
        <message>
            <source>Postazione bloccata</source>
            <translation>Workstation locked</translation>
        </message>
        <message>
            <source>Postazione sbloccata</source>
            <translation>Workstation unlocked</translation>
        </message>
        <message>
            <source>Accesso SPID scaduto: sblocca con SPID.</source>
            <translation>SPID login expired: unlock with SPID.</translation>
        </message>
    </context>
    <context>
        <name>sinfonia::DaySummaryPage</name>
        <message>
            <source>Riepilogo di fine giornata</source>
            <translation>End-of-day summary</translation>
        </message>
        <message>
            <source>PROVA: il riepilogo stampato ed esportato è marcato come dati di prova</source>
            <translation>TEST: the printed and exported summary is marked as test data</translation>
        </message>
        <message>
            <source>Aggiorna riepilogo</source>
            <translation>Refresh summary</translation>
        </message>
        <message>
            <source>Scarica dal server i movimenti di oggi (F5)</source>
            <translation>Download today's movements from the server (F5)</translation>
        </message>
        <message>
            <source>Stampa riepilogo</source>
            <translation>Print summary</translation>
        </message>
        <message>
            <source>Anteprima di stampa del riepilogo (Ctrl+P)</source>
            <translation>Print preview of the summary (Ctrl+P)</translation>
        </message>
        <message>
            <source>Esporta PDF</source>
            <translation>Export PDF</translation>
        </message>
        <message>
            <source>Esporta il riepilogo in PDF</source>
            <translation>Export the summary as PDF</translation>
        </message>
        <message>
            <source>Esito dell'aggiornamento</source>
            <translation>Refresh result</translation>
        </message>
        <message>
            <source>Aggiornamento dei dati</source>
            <translation>Data update</translation>
        </message>
        <message>
            <source>Acquisti confermati</source>
            <translation>Confirmed purchases</translation>
        </message>
        <message>
            <source>Cancellazioni confermate</source>
            <translation>Confirmed cancellations</translation>
        </message>
        <message>
            <source>Netto della giornata</source>
            <translation>Net for the day</translation>
        </message>
        <message>
            <source>In attesa di autorizzazione</source>
            <translation>Awaiting authorization</translation>
        </message>
        <message>
            <source>Movimenti della giornata</source>
            <translation>The day's movements</translation>
        </message>
        <message>
            <source>Movimenti in attesa</source>
            <translation>Pending movements</translation>
        </message>
        <message>
            <source>Acquisti ancora cancellabili oggi</source>
            <translation>Purchases still cancellable today</translation>
        </message>
        <message>
            <source>Totali per operatore</source>
            <translation>Totals per operator</translation>
        </message>
        <message>
            <source>Autorizza pagamento</source>
            <translation>Authorize payment</translation>
        </message>
        <message>
            <source>Autorizza pagamento del movimento selezionato</source>
            <translation>Authorize payment of the selected movement</translation>
        </message>
        <message>
            <source>Chiede al beneficiario il codice OTP del movimento selezionato</source>
            <translation>Asks the beneficiary for the OTP code of the selected movement</translation>
        </message>
        <message>
            <source>Dettaglio del riepilogo</source>
            <translation>Summary details</translation>
        </message>
        <message>
            <source>Movimenti</source>
            <translation>Movements</translation>
        </message>
        <message>
            <source>In attesa</source>
            <translation>Pending</translation>
        </message>
        <message>
            <source>Ancora cancellabili</source>
            <translation>Still cancellable</translation>
        </message>
        <message>
            <source>Per operatore</source>
            <translation>Per operator</translation>
        </message>
        <message>
            <source>Riepilogo di fine giornata – %1</source>
            <translation>End-of-day summary – %1</translation>
        </message>
        <message>
            <source>Seleziona prima la struttura.</source>
            <translation>Select the structure first.</translation>
        </message>
        <message>
            <source>Aggiornamento dei movimenti di oggi dal server…</source>
            <translation>Updating today's movements from the server…</translation>
        </message>
        <message>
            <source>Dati aggiornati al %1</source>
            <translation>Data updated on %1</translation>
        </message>
        <message>
            <source>Dati mai scaricati su questo computer</source>
            <translation>Data never downloaded on this computer</translation>
        </message>
        <message>
            <source>Nessun movimento oggi.</source>
            <translation>No movements today.</translation>
        </message>
        <message>
            <source>Movimenti di oggi: %1</source>
            <translation>Today's movements: %1</translation>
        </message>
        <message>
            <source>Server non raggiungibile: è mostrato il riepilogo salvato su questo computer. %1</source>
            <translation>Server unreachable: showing the summary saved on this computer. %1</translation>
        </message>
        <message>
            <source>%1 (numero: %2)</source>
            <translation>%1 (count: %2)</translation>
        </message>
        <message>
            <source>In attesa (%1)</source>
            <translation>Pending (%1)</translation>
        </message>
        <message>
            <source>Ancora cancellabili (%1)</source>
            <translation>Still cancellable (%1)</translation>
        </message>
        <message>
            <source>Aggiornamento in corso…</source>
            <translation>Refreshing…</translation>
        </message>
        <message>
            <source>Riepilogo salvato in %1.</source>
            <translation>Summary saved to %1.</translation>
        </message>
        <message>
            <source>Riepilogo non salvato.</source>
            <translation>Summary not saved.</translation>
        </message>
        <message>
            <source>Documento PDF (*.pdf)</source>
            <translation>PDF document (*.pdf)</translation>
        </message>
        <message>
            <source>Stampa riepilogo di fine giornata</source>
            <translation>Print end-of-day summary</translation>
        </message>
        <message>
            <source>Riepilogo inviato alla stampante.</source>
            <translation>Summary sent to the printer.</translation>
        </message>
        <message>
            <source>Stampa del riepilogo non riuscita: controlla la stampante.</source>
            <translation>Printing the summary failed: check the printer.</translation>
        </message>
        <message>
            <source>Annulla acquisto in attesa</source>
            <translation>Void pending purchase</translation>
        </message>
        <message>
            <source>Annulla l'acquisto in attesa selezionato</source>
            <translation>Void the selected pending purchase</translation>
        </message>
        <message>
            <source>Annulla l'acquisto selezionato, in attesa di conferma: l'importo torna disponibile</source>
            <translation>Voids the selected purchase awaiting confirmation: the amount becomes available again</translation>
        </message>
    </context>
    <context>
        <name>sinfonia::DaySummaryReport</name>
        <message>
            <source>Nessuno.</source>
            <translation>None.</translation>
        </message>
        <message>
            <source>PROVA — nessun voucher reale</source>
            <translation>TRAINING — no real voucher</translation>
        </message>
        <message>
            <source>Riepilogo di fine giornata</source>
            <translation>End-of-day summary</translation>
        </message>
        <message>
            <source>Giornata del %1</source>
            <translation>Day %1</translation>
        </message>
        <message>
            <source>Dati aggiornati al %1</source>
            <translation>Data updated on %1</translation>
        </message>
        <message>
            <source>Dati mai scaricati su questo computer</source>
            <translation>Data never downloaded on this computer</translation>
        </message>
        <message>
            <source>Acquisti confermati (%1)</source>
            <translation>Confirmed purchases (%1)</translation>
        </message>
        <message>
            <source>Cancellazioni confermate (%1)</source>
            <translation>Confirmed cancellations (%1)</translation>
        </message>
        <message>
            <source>Netto</source>
            <translation>Net</translation>
        </message>
        <message>
            <source>In attesa di autorizzazione (%1)</source>
            <translation>Awaiting authorization (%1)</translation>
        </message>
        <message>
            <source>Movimenti della giornata</source>
            <translation>The day's movements</translation>
        </message>
        <message>
            <source>In attesa di autorizzazione</source>
            <translation>Awaiting authorization</translation>
        </message>
        <message>
            <source>Ancora cancellabili oggi</source>
            <translation>Still cancellable today</translation>
        </message>
        <message>
            <source>Per operatore</source>
            <translation>Per operator</translation>
        </message>
    </context>
    <context>
        <name>sinfonia::DecodeImageCli</name>
        <message>
            <source>immagine illeggibile</source>
            <translation>unreadable image</translation>
        </message>
        <message>
            <source>nessun codice trovato</source>
            <translation>no code found</translation>
        </message>
        <message>
            <source>codice fiscale</source>
            <translation>tax code</translation>
        </message>
        <message>
            <source>codice prodotto</source>
            <translation>product code</translation>
        </message>
        <message>
            <source>codice non riconosciuto</source>
            <translation>code not recognised</translation>
        </message>
        <message>
            <source>letti</source>
            <translation>read</translation>
        </message>
    </context>
    <context>
        <name>sinfonia::EmployeesModel</name>
        <message>
            <source>Titolare</source>
            <translation>Owner</translation>
        </message>
        <message>
            <source>Dipendente</source>
            <translation>Employee</translation>
        </message>
        <message>
            <source>nessuno</source>
            <translation>none</translation>
        </message>
        <message>
            <source>Abilitato</source>
            <translation>Enabled</translation>
        </message>
        <message>
            <source>Disabilitato</source>
            <translation>Disabled</translation>
        </message>
        <message>
            <source>Codice fiscale</source>
            <translation>Tax code</translation>
        </message>
        <message>
            <source>Nome</source>
            <translation>First name</translation>
        </message>
        <message>
            <source>Cognome</source>
            <translation>Last name</translation>
        </message>
        <message>
            <source>Ruolo</source>
            <translation>Role</translation>
        </message>
        <message>
            <source>Servizi</source>
            <translation>Services</translation>
        </message>
        <message>
            <source>Stato</source>
            <translation>State</translation>
        </message>
    </context>
    <context>
        <name>sinfonia::Footer</name>
        <message>
            <source>SINFONIA</source>
            <translation>SINFONIA</translation>
        </message>
        <message>
            <source>SINFONIA Servizi Territoriali: torna alla Homepage</source>
            <translation>SINFONIA Servizi Territoriali: back to the homepage</translation>
        </message>
        <message>
            <source>Logo SINFONIA Servizi Territoriali, torna alla Homepage</source>
            <translation>SINFONIA Servizi Territoriali logo, back to the homepage</translation>
        </message>
        <message>
            <source>SINFONIA Servizi Territoriali © 2024 - &lt;a href="https://www.regione.campania.it/"&gt;Regione Campania&lt;/a&gt;</source>
            <translation>SINFONIA Servizi Territoriali © 2024 - &lt;a href="https://www.regione.campania.it/"&gt;Regione Campania&lt;/a&gt;</translation>
        </message>
        <message>
            <source>SINFONIA Servizi Territoriali © 2024 - Regione Campania</source>
            <translation>SINFONIA Servizi Territoriali © 2024 - Regione Campania</translation>
        </message>
        <message>
            <source>&lt;a href="https://sinfonia-serviziterritoriali.soresa.it/privacy"&gt;Privacy Policy&lt;/a&gt; | &lt;a href="https://sinfonia-serviziterritoriali.soresa.it/supporto"&gt;Supporto Tecnico&lt;/a&gt;</source>
            <translation>&lt;a href="https://sinfonia-serviziterritoriali.soresa.it/privacy"&gt;Privacy Policy&lt;/a&gt; | &lt;a href="https://sinfonia-serviziterritoriali.soresa.it/supporto"&gt;Technical support&lt;/a&gt;</translation>
        </message>
        <message>
            <source>Privacy Policy | Supporto Tecnico</source>
            <translation>Privacy Policy | Technical support</translation>
        </message>
    </context>
    <context>
        <name>sinfonia::HomePage</name>
        <message>
            <source>Home</source>
            <translation>Home</translation>
        </message>
        <message>
            <source>Gestione struttura</source>
            <translation>Structure management</translation>
        </message>
        <message>
            <source>Adesione ai servizi e gestione delle abilitazioni.</source>
            <translation>Service enrolment and permission management.</translation>
        </message>
        <message>
            <source>Voucher secondogeniti</source>
            <translation>Second-child voucher</translation>
        </message>
        <message>
            <source>Gestione in favore delle famiglie, per nascite di figli successivi al primo.</source>
            <translation>Support for families, for children born after the first.</translation>
        </message>
        <message>
            <source>Ricerca beneficiario (F2)</source>
            <translation>Find beneficiary (F2)</translation>
        </message>
    </context>
    <context>
        <name>sinfonia::KeyboardLayouts</name>
        <message>
            <source>Inglese Stati Uniti (US)</source>
            <translation>English, United States (US)</translation>
        </message>
        <message>
            <source>Inglese Regno Unito (UK)</source>
            <translation>English, United Kingdom (UK)</translation>
        </message>
        <message>
            <source>Italiano (IT)</source>
            <translation>Italian (IT)</translation>
        </message>
        <message>
            <source>Tedesco (DE, QWERTZ)</source>
            <translation>German (DE, QWERTZ)</translation>
        </message>
        <message>
            <source>Francese (FR, AZERTY)</source>
            <translation>French (FR, AZERTY)</translation>
        </message>
    </context>
    <context>
        <name>sinfonia::LockPage</name>
        <message>
            <source>Postazione bloccata</source>
            <translation>Workstation locked</translation>
        </message>
        <message>
            <source>Sblocca</source>
            <translation>Unlock</translation>
        </message>
        <message>
            <source>Sblocca la postazione</source>
            <translation>Unlock the workstation</translation>
        </message>
        <message>
            <source>Sblocca: chiede di nuovo l'accesso dello stesso operatore (Invio)</source>
            <translation>Unlock: asks the same operator to sign in again (Enter)</translation>
        </message>
        <message>
            <source>Cambia operatore</source>
            <translation>Switch operator</translation>
        </message>
        <message>
            <source>Bloccata da %1. I dati dei beneficiari sono nascosti.</source>
            <translation>Locked by %1. Beneficiary data is hidden.</translation>
        </message>
        <message>
            <source>PIN di sblocco</source>
            <translation>Unlock PIN</translation>
        </message>
        <message>
            <source>Sblocca con PIN</source>
            <translation>Unlock with PIN</translation>
        </message>
        <message>
            <source>Sblocca con SPID</source>
            <translation>Unlock with SPID</translation>
        </message>
    </context>
    <context>
        <name>sinfonia::LoginFlow</name>
        <message>
            <source>Tempo per l'accesso scaduto: premi di nuovo "Accedi" per riprovare.</source>
            <translation>Sign-in timed out: press "Sign in" again to retry.</translation>
        </message>
        <message>
            <source>Accesso annullato.</source>
            <translation>Sign-in cancelled.</translation>
        </message>
        <message>
            <source>Accesso di prova non disponibile su questo server.</source>
            <translation>Test sign-in is not available on this server.</translation>
        </message>
        <message>
            <source>Impossibile aprire il browser per l'accesso: verifica che ne sia installato uno.</source>
            <translation>Cannot open the browser to sign in: check that one is installed.</translation>
        </message>
        <message>
            <source>Accesso di prova non riuscito: riprova.</source>
            <translation>Test sign-in failed: try again.</translation>
        </message>
        <message>
            <source>Risposta di accesso non valida: riprova ad accedere.</source>
            <translation>Invalid sign-in answer: sign in again.</translation>
        </message>
        <message>
            <source>Accesso non riuscito: riprova.</source>
            <translation>Sign-in failed: try again.</translation>
        </message>
        <message>
            <source>Impossibile avviare l'accesso su questo computer: riprova.</source>
            <translation>Cannot start the sign-in on this computer: try again.</translation>
        </message>
        <message>
            <source>&lt;!doctype html&gt;&lt;html lang="it"&gt;&lt;head&gt;&lt;meta charset="utf-8"&gt;&lt;title&gt;SINFONIA Banco&lt;/title&gt;&lt;/head&gt;&lt;body&gt;&lt;h1&gt;Accesso ricevuto&lt;/h1&gt;&lt;p&gt;Puoi chiudere questa pagina e tornare a SINFONIA Banco.&lt;/p&gt;&lt;/body&gt;&lt;/html&gt;</source>
            <translation>&lt;!doctype html&gt;&lt;html lang="en"&gt;&lt;head&gt;&lt;meta charset="utf-8"&gt;&lt;title&gt;SINFONIA Banco&lt;/title&gt;&lt;/head&gt;&lt;body&gt;&lt;h1&gt;Sign-in received&lt;/h1&gt;&lt;p&gt;You can close this page and go back to SINFONIA Banco.&lt;/p&gt;&lt;/body&gt;&lt;/html&gt;</translation>
        </message>
        <message>
            <source>Il tuo codice fiscale non è abilitato a SINFONIA Banco, oppure la tua utenza è disabilitata. Rivolgiti al titolare della struttura o all'assistenza.</source>
            <translation>Your codice fiscale is not enabled for SINFONIA Banco, or your account is disabled. Ask the owner of the pharmacy or support.</translation>
        </message>
        <message>
            <source>Il servizio di identità non ha confermato la tua identità (livello SPID 2 e codice fiscale). Riprova; se si ripete, rivolgiti all'assistenza.</source>
            <translation>The identity service did not confirm your identity (SPID level 2 and codice fiscale). Try again; if it happens again, contact support.</translation>
        </message>
        <message>
            <source>Il servizio di identità non risponde: riprova tra qualche minuto.</source>
            <translation>The identity service does not answer: try again in a few minutes.</translation>
        </message>
        <message>
            <source>Accesso annullato o non consentito dal servizio di identità: riprova.</source>
            <translation>Sign-in cancelled or not allowed by the identity service: try again.</translation>
        </message>
        <message>
            <source>&lt;!doctype html&gt;&lt;html lang="it"&gt;&lt;head&gt;&lt;meta charset="utf-8"&gt;&lt;title&gt;SINFONIA Banco&lt;/title&gt;&lt;/head&gt;&lt;body&gt;&lt;h1&gt;Accesso non riuscito&lt;/h1&gt;&lt;p&gt;SINFONIA Banco mostra il motivo. Puoi chiudere questa pagina.&lt;/p&gt;&lt;/body&gt;&lt;/html&gt;</source>
            <translation>&lt;!doctype html&gt;&lt;html lang="en"&gt;&lt;head&gt;&lt;meta charset="utf-8"&gt;&lt;title&gt;SINFONIA Banco&lt;/title&gt;&lt;/head&gt;&lt;body&gt;&lt;h1&gt;Sign-in failed&lt;/h1&gt;&lt;p&gt;SINFONIA Banco shows the reason. You can close this page.&lt;/p&gt;&lt;/body&gt;&lt;/html&gt;</translation>
        </message>
    </context>
    <context>
        <name>sinfonia::LoginPage</name>
        <message>
            <source>Accesso Riservato</source>
            <translation>Reserved access</translation>
        </message>
        <message>
            <source>SINFONIA Servizi Territoriali è la piattaforma che consente l'erogazione di servizi territoriali per gli assistiti della Regione Campania.</source>
            <translation>SINFONIA Servizi Territoriali is the platform that delivers local services to the patients of Regione Campania.</translation>
        </message>
        <message>
            <source>Accedi all'area riservata (SPID)</source>
            <translation>Sign in to the reserved area (SPID)</translation>
        </message>
        <message>
            <source>Accedi all'area riservata con SPID</source>
            <translation>Sign in to the reserved area with SPID</translation>
        </message>
        <message>
            <source>Apre il browser per l'autenticazione SPID</source>
            <translation>Opens the browser for SPID authentication</translation>
        </message>
        <message>
            <source>Accesso di prova (ambiente di prova)</source>
            <translation>Test sign-in (test environment)</translation>
        </message>
        <message>
            <source>Scegli un'identità di prova e premi Invio.</source>
            <translation>Choose a test identity and press Enter.</translation>
        </message>
        <message>
            <source>Identità di prova</source>
            <translation>Test identities</translation>
        </message>
        <message>
            <source>Entra con l'identità di prova</source>
            <translation>Sign in with the test identity</translation>
        </message>
        <message>
            <source>Entra con l'identità di prova selezionata</source>
            <translation>Sign in with the selected test identity</translation>
        </message>
        <message>
            <source>Stato dell'accesso</source>
            <translation>Sign-in status</translation>
        </message>
        <message>
            <source>Annulla</source>
            <translation>Cancel</translation>
        </message>
        <message>
            <source>Annulla l'accesso in corso</source>
            <translation>Cancel the sign-in in progress</translation>
        </message>
        <message>
            <source>Unione Europea | POR CAMPANIA FESR 2014-2020 | SORESA Servizi Regionali per la Sanità S.p.A. | SINFONIA</source>
            <translation>European Union | POR CAMPANIA FESR 2014-2020 | SORESA Servizi Regionali per la Sanità S.p.A. | SINFONIA</translation>
        </message>
        <message>
            <source>titolare</source>
            <translation>owner</translation>
        </message>
        <message>
            <source>dipendente</source>
            <translation>employee</translation>
        </message>
        <message>
            <source>nessuna struttura</source>
            <translation>no structure</translation>
        </message>
    </context>
    <context>
        <name>sinfonia::MainWindow</name>
        <message>
            <source>SINFONIA Banco - Voucher secondogeniti</source>
            <translation>SINFONIA Banco - Second-child voucher</translation>
        </message>
        <message>
            <source>&amp;Operazioni</source>
            <translation>&amp;Operations</translation>
        </message>
        <message>
            <source>Cerca beneficiario</source>
            <translation>Find beneficiary</translation>
        </message>
        <message>
            <source>Nuovo acquisto</source>
            <translation>New purchase</translation>
        </message>
        <message>
            <source>Aggiorna</source>
            <translation>Refresh</translation>
        </message>
        <message>
            <source>Indietro</source>
            <translation>Back</translation>
        </message>
        <message>
            <source>Blocca</source>
            <translation>Lock</translation>
        </message>
        <message>
            <source>Cambia operatore</source>
            <translation>Switch operator</translation>
        </message>
        <message>
            <source>Home</source>
            <translation>Home</translation>
        </message>
        <message>
            <source>AMBIENTE DI PROVA — nessun voucher reale</source>
            <translation>TRAINING ENVIRONMENT — no real voucher</translation>
        </message>
        <message>
            <source>Ambiente di prova: nessun voucher reale</source>
            <translation>Training environment: no real voucher</translation>
        </message>
        <message>
            <source>PROVA</source>
            <translation>TRAINING</translation>
        </message>
        <message>
            <source>Stato della postazione</source>
            <translation>Workstation status</translation>
        </message>
    </context>
    <context>
        <name>sinfonia::Money</name>
        <message>
            <source>Importo troppo alto: controlla le cifre inserite</source>
            <translation>Amount too high: check the digits typed</translation>
        </message>
        <message>
            <source>Importo non valido: scrivi solo cifre e la virgola, es. 12,50</source>
            <translation>Invalid amount: type only digits and the comma, e.g. 12,50</translation>
        </message>
        <message>
            <source>Inserisci l'importo, es. 12,50</source>
            <translation>Enter the amount, e.g. 12,50</translation>
        </message>
        <message>
            <source>L'importo non può essere negativo</source>
            <translation>The amount cannot be negative</translation>
        </message>
        <message>
            <source>Al massimo 2 decimali: scrivi i centesimi, es. 12,50</source>
            <translation>At most 2 decimals: write the cents, e.g. 12,50</translation>
        </message>
    </context>
    <context>
        <name>sinfonia::MotherSlip</name>
        <message>
            <source>Rotolo 80 mm</source>
            <translation>80 mm roll</translation>
        </message>
        <message>
            <source>Rotolo 58 mm</source>
            <translation>58 mm roll</translation>
        </message>
        <message>
            <source>Cancellazione confermata</source>
            <translation>Cancellation confirmed</translation>
        </message>
        <message>
            <source>Acquisto confermato</source>
            <translation>Purchase confirmed</translation>
        </message>
        <message>
            <source>PROVA — nessun voucher reale</source>
            <translation>TRAINING — no real voucher</translation>
        </message>
        <message>
            <source>Voucher secondogeniti</source>
            <translation>Second-child voucher</translation>
        </message>
        <message>
            <source>Regione Campania</source>
            <translation>Regione Campania</translation>
        </message>
        <message>
            <source>PROMEMORIA PER IL BENEFICIARIO</source>
            <translation>REMINDER FOR THE BENEFICIARY</translation>
        </message>
        <message>
            <source>Struttura</source>
            <translation>Structure</translation>
        </message>
        <message>
            <source>Data e ora</source>
            <translation>Date and time</translation>
        </message>
        <message>
            <source>Operazione</source>
            <translation>Operation</translation>
        </message>
        <message>
            <source>Importo restituito</source>
            <translation>Amount returned</translation>
        </message>
        <message>
            <source>Importo</source>
            <translation>Amount</translation>
        </message>
        <message>
            <source>Saldo residuo</source>
            <translation>Remaining balance</translation>
        </message>
        <message>
            <source>N. voucher</source>
            <translation>Voucher no.</translation>
        </message>
        <message>
            <source>N. documento commerciale</source>
            <translation>Commercial document no.</translation>
        </message>
        <message>
            <source>non indicato</source>
            <translation>not given</translation>
        </message>
        <message>
            <source>Conserva questo promemoria. Non è un documento fiscale.</source>
            <translation>Keep this reminder. It is not a tax document.</translation>
        </message>
        <message>
            <source>PROVA</source>
            <translation>TRAINING</translation>
        </message>
        <message>
            <source>Promemoria voucher</source>
            <translation>Voucher reminder</translation>
        </message>
    </context>
    <context>
        <name>sinfonia::MovementCache</name>
        <message>
            <source>Servizio non disponibile.</source>
            <translation>Service not available.</translation>
        </message>
        <message>
            <source>Aggiornamento dei movimenti già in corso.</source>
            <translation>Movement update already in progress.</translation>
        </message>
        <message>
            <source>Archivio locale dei movimenti non disponibile.</source>
            <translation>Local movement archive not available.</translation>
        </message>
        <message>
            <source>Archivio locale dei movimenti danneggiato.</source>
            <translation>Local movement archive damaged.</translation>
        </message>
    </context>
    <context>
        <name>sinfonia::MovementExport</name>
        <message>
            <source>Data e ora</source>
            <translation>Date and time</translation>
        </message>
        <message>
            <source>Codice identificativo</source>
            <translation>Identification code</translation>
        </message>
        <message>
            <source>Importo</source>
            <translation>Amount</translation>
        </message>
        <message>
            <source>Tipo operazione</source>
            <translation>Operation type</translation>
        </message>
        <message>
            <source>Stato</source>
            <translation>State</translation>
        </message>
        <message>
            <source>Elenco movimenti – %1 – dal %2 al %3</source>
            <translation>Movement list – %1 – from %2 to %3</translation>
        </message>
        <message>
            <source>Esportazione annullata.</source>
            <translation>Export cancelled.</translation>
        </message>
        <message>
            <source>Impossibile salvare il file %1. Controlla la cartella scelta e lo spazio libero.</source>
            <translation>Cannot save the file %1. Check the chosen folder and the free space.</translation>
        </message>
        <message>
            <source>Formato di esportazione non supportato.</source>
            <translation>Export format not supported.</translation>
        </message>
        <message>
            <source>Ambiente</source>
            <translation>Environment</translation>
        </message>
        <message>
            <source>PROVA</source>
            <translation>TRAINING</translation>
        </message>
        <message>
            <source>Troppi movimenti per un file Excel (al massimo %1 righe). Scegli un periodo più breve oppure il formato CSV.</source>
            <translation>Too many movements for an Excel file (at most %1 rows). Choose a shorter period or the CSV format.</translation>
        </message>
    </context>
    <context>
        <name>sinfonia::MovementsExportBar</name>
        <message>
            <source>Esporta movimenti</source>
            <translation>Export movements</translation>
        </message>
        <message>
            <source>Esporta l'elenco mostrato (Ctrl+E)</source>
            <translation>Export the list shown (Ctrl+E)</translation>
        </message>
        <message>
            <source>Formato di esportazione</source>
            <translation>Export format</translation>
        </message>
        <message>
            <source>CSV per Excel (.csv)…</source>
            <translation>CSV for Excel (.csv)…</translation>
        </message>
        <message>
            <source>Excel (.xlsx)…</source>
            <translation>Excel (.xlsx)…</translation>
        </message>
        <message>
            <source>PDF (.pdf)…</source>
            <translation>PDF (.pdf)…</translation>
        </message>
        <message>
            <source>Avanzamento dell'esportazione</source>
            <translation>Export progress</translation>
        </message>
        <message>
            <source>Annulla</source>
            <translation>Cancel</translation>
        </message>
        <message>
            <source>Annulla l'esportazione</source>
            <translation>Cancel the export</translation>
        </message>
        <message>
            <source>Esito dell'esportazione</source>
            <translation>Export result</translation>
        </message>
        <message>
            <source>CSV (*.csv)</source>
            <translation>CSV (*.csv)</translation>
        </message>
        <message>
            <source>Excel (*.xlsx)</source>
            <translation>Excel (*.xlsx)</translation>
        </message>
        <message>
            <source>PDF (*.pdf)</source>
            <translation>PDF (*.pdf)</translation>
        </message>
        <message>
            <source>Nessun movimento da esportare: esegui prima una ricerca.</source>
            <translation>No movement to export: run a search first.</translation>
        </message>
        <message>
            <source>Esportazione in corso…</source>
            <translation>Exporting…</translation>
        </message>
        <message>
            <source>Movimenti esportati: %1, nel file %2.</source>
            <translation>Movements exported: %1, in the file %2.</translation>
        </message>
        <message>
            <source>PROVA: i file esportati sono marcati come dati di prova</source>
            <translation>TRAINING: exported files are marked as training data</translation>
        </message>
    </context>
    <context>
        <name>sinfonia::MovementsFlow</name>
        <message>
            <source>Elenco movimenti</source>
            <translation>Movement list</translation>
        </message>
        <message>
            <source>Elenco movimenti della struttura (Ctrl+M)</source>
            <translation>Movements of the structure (Ctrl+M)</translation>
        </message>
    </context>
    <context>
        <name>sinfonia::MovementsPage</name>
        <message>
            <source>Elenco movimenti</source>
            <translation>Movement list</translation>
        </message>
        <message>
            <source>Data dal</source>
            <translation>Date from</translation>
        </message>
        <message>
            <source>Data al</source>
            <translation>Date to</translation>
        </message>
        <message>
            <source>Facoltativo</source>
            <translation>Optional</translation>
        </message>
        <message>
            <source>Codice fiscale del beneficiario (facoltativo)</source>
            <translation>Beneficiary's tax code (optional)</translation>
        </message>
        <message>
            <source>Caratteri inseriti</source>
            <translation>Characters entered</translation>
        </message>
        <message>
            <source>Cerca movimenti</source>
            <translation>Search movements</translation>
        </message>
        <message>
            <source>Cerca i movimenti del periodo (F5)</source>
            <translation>Search the movements of the period (F5)</translation>
        </message>
        <message>
            <source>Codice fiscale</source>
            <translation>Tax code</translation>
        </message>
        <message>
            <source>Esito della ricerca</source>
            <translation>Search result</translation>
        </message>
        <message>
            <source>Aggiornamento dei dati</source>
            <translation>Data update</translation>
        </message>
        <message>
            <source>Esporta movimenti</source>
            <translation>Export movements</translation>
        </message>
        <message>
            <source>Elenco movimenti – %1</source>
            <translation>Movement list – %1</translation>
        </message>
        <message>
            <source>Seleziona prima la struttura.</source>
            <translation>Select the structure first.</translation>
        </message>
        <message>
            <source>Aggiornamento dei movimenti dal server…</source>
            <translation>Updating the movements from the server…</translation>
        </message>
        <message>
            <source>Dati aggiornati al %1</source>
            <translation>Data updated on %1</translation>
        </message>
        <message>
            <source>Dati mai scaricati su questo computer</source>
            <translation>Data never downloaded on this computer</translation>
        </message>
        <message>
            <source>Nessun movimento nel periodo scelto.</source>
            <translation>No movement in the chosen period.</translation>
        </message>
        <message>
            <source>Movimenti trovati: %1</source>
            <translation>Movements found: %1</translation>
        </message>
        <message>
            <source>Server non raggiungibile: sono mostrati i movimenti salvati su questo computer. %1</source>
            <translation>Server unreachable: showing the movements saved on this computer. %1</translation>
        </message>
        <message>
            <source>Ricerca in corso…</source>
            <translation>Searching…</translation>
        </message>
    </context>
    <context>
        <name>sinfonia::OperationJournal</name>
        <message>
            <source>Il registro delle operazioni è danneggiato: contatta l'assistenza prima di ripetere acquisti.</source>
            <translation>The operation journal is damaged: contact support before repeating purchases.</translation>
        </message>
        <message>
            <source>Registro delle operazioni non disponibile.</source>
            <translation>Operation journal not available.</translation>
        </message>
        <message>
            <source>Operazione non trovata nel registro.</source>
            <translation>Operation not found in the journal.</translation>
        </message>
        <message>
            <source>Impossibile salvare il registro delle operazioni: controlla lo spazio su disco.</source>
            <translation>Cannot save the operation journal: check the disk space.</translation>
        </message>
        <message>
            <source>Acquisto di %1</source>
            <translation>Purchase of %1</translation>
        </message>
        <message>
            <source>Cancellazione di %1</source>
            <translation>Cancellation of %1</translation>
        </message>
        <message>
            <source>%1 registrato</source>
            <translation>%1 recorded</translation>
        </message>
        <message>
            <source>%1 non registrato</source>
            <translation>%1 not recorded</translation>
        </message>
        <message>
            <source>%1 in verifica con il server</source>
            <translation>%1 being checked with the server</translation>
        </message>
        <message>
            <source>Operazione già conclusa nel registro.</source>
            <translation>Operation already settled in the journal.</translation>
        </message>
    </context>
    <context>
        <name>sinfonia::OperationRunner</name>
        <message>
            <source>Esito non verificabile automaticamente: controlla l'elenco movimenti.</source>
            <translation>Outcome cannot be checked automatically: check the movement list.</translation>
        </message>
        <message>
            <source>Il pagamento non risulta confermato: inserisci di nuovo il codice o premi "Invia nuovamente".</source>
            <translation>The payment is not confirmed: type the code again or press "Send again".</translation>
        </message>
        <message>
            <source>Esito della conferma non verificato: controlla l'elenco movimenti prima di ripetere.</source>
            <translation>The outcome of the confirmation could not be checked: check the movement list before trying again.</translation>
        </message>
    </context>
    <context>
        <name>sinfonia::OperatorTotalsModel</name>
        <message>
            <source>Operatore</source>
            <translation>Operator</translation>
        </message>
        <message>
            <source>Acquisti</source>
            <translation>Purchases</translation>
        </message>
        <message>
            <source>Importo acquisti</source>
            <translation>Purchases amount</translation>
        </message>
        <message>
            <source>Cancellazioni</source>
            <translation>Cancellations</translation>
        </message>
        <message>
            <source>Importo cancellazioni</source>
            <translation>Cancellations amount</translation>
        </message>
        <message>
            <source>Netto</source>
            <translation>Net</translation>
        </message>
        <message>
            <source>In attesa</source>
            <translation>Pending</translation>
        </message>
        <message>
            <source>Operatore non indicato</source>
            <translation>Operator not given</translation>
        </message>
    </context>
    <context>
        <name>sinfonia::OtpDialog</name>
        <message>
            <source>Verifica codice OTP</source>
            <translation>Verify OTP code</translation>
        </message>
        <message>
            <source>Codice OTP di 6 cifre</source>
            <translation>6-digit OTP code</translation>
        </message>
        <message>
            <source>Non hai ricevuto il codice?</source>
            <translation>Didn't receive the code?</translation>
        </message>
        <message>
            <source>Invia nuovamente</source>
            <translation>Send again</translation>
        </message>
        <message>
            <source>Invia nuovamente il codice OTP</source>
            <translation>Send the OTP code again</translation>
        </message>
        <message>
            <source>VERIFICA CODICE</source>
            <translation>VERIFY CODE</translation>
        </message>
        <message>
            <source>Verifica codice</source>
            <translation>Verify code</translation>
        </message>
        <message>
            <source>Verifica codice (Invio)</source>
            <translation>Verify code (Enter)</translation>
        </message>
        <message>
            <source>Chiudi</source>
            <translation>Close</translation>
        </message>
        <message>
            <source>Chiudi: l'acquisto resta in attesa e si può autorizzare dopo</source>
            <translation>Close: the purchase stays pending and can be authorized later</translation>
        </message>
        <message>
            <source>Chiudi (Esc): l'operazione resta IN ATTESA</source>
            <translation>Close (Esc): the operation stays PENDING</translation>
        </message>
        <message>
            <source>Inserisci il codice inviato al numero %1</source>
            <translation>Enter the code sent to %1</translation>
        </message>
        <message>
            <source>Tentativi rimasti: %1</source>
            <translation>Attempts left: %1</translation>
        </message>
        <message>
            <source>Il codice scade tra %1:%2</source>
            <translation>The code expires in %1:%2</translation>
        </message>
        <message>
            <source>Il codice è scaduto: premi "Invia nuovamente".</source>
            <translation>The code has expired: press "Send again".</translation>
        </message>
        <message>
            <source>Invia nuovamente (esauriti)</source>
            <translation>Send again (none left)</translation>
        </message>
        <message>
            <source>Invia nuovamente (%1 s)</source>
            <translation>Send again (%1 s)</translation>
        </message>
        <message>
            <source>Il codice OTP è di 6 cifre.</source>
            <translation>The OTP code has 6 digits.</translation>
        </message>
    </context>
    <context>
        <name>sinfonia::PinDialog</name>
        <message>
            <source>Imposta PIN di sblocco</source>
            <translation>Set unlock PIN</translation>
        </message>
        <message>
            <source>Con il PIN sblocchi la postazione dopo il blocco per inattività, finché il tuo accesso SPID è valido. Da 4 a 8 cifre; dopo 5 PIN errati serve di nuovo SPID.</source>
            <translation>With the PIN you unlock the workstation after the idle lock, while your SPID login is valid. 4 to 8 digits; after 5 wrong PINs SPID is needed again.</translation>
        </message>
        <message>
            <source>Nuovo PIN</source>
            <translation>New PIN</translation>
        </message>
        <message>
            <source>Ripeti il PIN</source>
            <translation>Repeat the PIN</translation>
        </message>
        <message>
            <source>Esito</source>
            <translation>Result</translation>
        </message>
        <message>
            <source>Salva PIN</source>
            <translation>Save PIN</translation>
        </message>
        <message>
            <source>Annulla</source>
            <translation>Cancel</translation>
        </message>
        <message>
            <source>Il PIN deve avere da 4 a 8 cifre.</source>
            <translation>The PIN must have 4 to 8 digits.</translation>
        </message>
        <message>
            <source>I due PIN non coincidono.</source>
            <translation>The two PINs do not match.</translation>
        </message>
    </context>
    <context>
        <name>sinfonia::PurchasePage</name>
        <message>
            <source>Inserimento acquisto</source>
            <translation>New purchase</translation>
        </message>
        <message>
            <source>Dati acquisto</source>
            <translation>Purchase data</translation>
        </message>
        <message>
            <source>Data acquisto</source>
            <translation>Purchase date</translation>
        </message>
        <message>
            <source>Importo residuo sul voucher</source>
            <translation>Remaining amount on the voucher</translation>
        </message>
        <message>
            <source>Importo speso in euro</source>
            <translation>Amount spent in euro</translation>
        </message>
        <message>
            <source>es. 12,50</source>
            <translation>e.g. 12,50</translation>
        </message>
        <message>
            <source>Importo speso €</source>
            <translation>Amount spent €</translation>
        </message>
        <message>
            <source>Numero del documento commerciale (facoltativo)</source>
            <translation>Commercial document number (optional)</translation>
        </message>
        <message>
            <source>facoltativo, es. 0042-0815</source>
            <translation>optional, e.g. 0042-0815</translation>
        </message>
        <message>
            <source>N. documento commerciale</source>
            <translation>Commercial document no.</translation>
        </message>
        <message>
            <source>Allegato dello scontrino (JPEG, PNG o PDF)</source>
            <translation>Receipt attachment (JPEG, PNG or PDF)</translation>
        </message>
        <message>
            <source>Anteprima dello scontrino: trascina qui il file</source>
            <translation>Receipt preview: drop the file here</translation>
        </message>
        <message>
            <source>Allega scontrino...</source>
            <translation>Attach receipt...</translation>
        </message>
        <message>
            <source>Allega lo scontrino da file</source>
            <translation>Attach the receipt from a file</translation>
        </message>
        <message>
            <source>Scegli il file dello scontrino (Ctrl+O)</source>
            <translation>Choose the receipt file (Ctrl+O)</translation>
        </message>
        <message>
            <source>Incolla</source>
            <translation>Paste</translation>
        </message>
        <message>
            <source>Incolla lo scontrino dagli appunti</source>
            <translation>Paste the receipt from the clipboard</translation>
        </message>
        <message>
            <source>Incolla immagine o file dagli appunti (Ctrl+Maiusc+V)</source>
            <translation>Paste an image or file from the clipboard (Ctrl+Shift+V)</translation>
        </message>
        <message>
            <source>Foto con webcam</source>
            <translation>Webcam photo</translation>
        </message>
        <message>
            <source>Fotografa lo scontrino con la webcam</source>
            <translation>Take a photo of the receipt with the webcam</translation>
        </message>
        <message>
            <source>Il voucher non copre farmaci, dispositivi medici e prodotti detraibili.</source>
            <translation>The voucher does not cover medicines, medical devices or tax-deductible items.</translation>
        </message>
        <message>
            <source>Salva e invia OTP</source>
            <translation>Save and send OTP</translation>
        </message>
        <message>
            <source>Ripreso l'acquisto non ancora inviato.</source>
            <translation>Resumed the purchase not yet sent.</translation>
        </message>
        <message>
            <source>Trascina qui lo scontrino, incollalo (Ctrl+V) o usa "Allega scontrino"</source>
            <translation>Drop the receipt here, paste it (Ctrl+V) or use "Attach receipt"</translation>
        </message>
        <message>
            <source>Allega scontrino</source>
            <translation>Attach receipt</translation>
        </message>
        <message>
            <source>Scontrini (*.jpg *.jpeg *.png *.pdf);;Tutti i file (*)</source>
            <translation>Receipts (*.jpg *.jpeg *.png *.pdf);;All files (*)</translation>
        </message>
        <message>
            <source>Preparazione dello scontrino...</source>
            <translation>Preparing the receipt...</translation>
        </message>
        <message>
            <source>Negli appunti non c'è un'immagine o un file da allegare.</source>
            <translation>The clipboard holds no image or file to attach.</translation>
        </message>
        <message>
            <source>PDF allegato: %1</source>
            <translation>PDF attached: %1</translation>
        </message>
        <message>
            <source>Invio dell'acquisto in corso...</source>
            <translation>Sending the purchase...</translation>
        </message>
        <message>
            <source>Inserisci l'importo speso.</source>
            <translation>Enter the amount spent.</translation>
        </message>
        <message>
            <source>Allega lo scontrino prima di inviare l'OTP.</source>
            <translation>Attach the receipt before sending the OTP.</translation>
        </message>
        <message>
            <source>&amp;SALVA E INVIA OTP</source>
            <translation>&amp;SAVE AND SEND OTP</translation>
        </message>
        <message>
            <source>Salva l'acquisto e invia il codice OTP al beneficiario (Alt+S)</source>
            <translation>Save the purchase and send the OTP code to the beneficiary (Alt+S)</translation>
        </message>
    </context>
    <context>
        <name>sinfonia::QuickUnlock</name>
        <message>
            <source>Lo sblocco con PIN è disattivato dall'amministratore di sistema.</source>
            <translation>PIN unlock is turned off by the system administrator.</translation>
        </message>
        <message>
            <source>Il PIN deve avere da 4 a 8 cifre.</source>
            <translation>The PIN must have 4 to 8 digits.</translation>
        </message>
        <message>
            <source>Nessun PIN per questo operatore: accedi con SPID.</source>
            <translation>No PIN for this operator: log in with SPID.</translation>
        </message>
        <message>
            <source>PIN errato per %1 volte: accedi di nuovo con SPID.</source>
            <translation>Wrong PIN %1 times: log in again with SPID.</translation>
        </message>
        <message>
            <source>PIN errato: restano %1 tentativi.</source>
            <translation>Wrong PIN: %1 attempts left.</translation>
        </message>
    </context>
    <context>
        <name>sinfonia::ReceiptProcessor</name>
        <message>
            <source>Il file è troppo grande: l'allegato può essere al massimo di 5 MB.</source>
            <translation>The file is too large: the attachment can be at most 5 MB.</translation>
        </message>
        <message>
            <source>Impossibile leggere l'immagine: scatta di nuovo la foto o allega un altro file.</source>
            <translation>Cannot read the image: take the photo again or attach another file.</translation>
        </message>
        <message>
            <source>Impossibile preparare l'immagine dello scontrino.</source>
            <translation>Cannot prepare the receipt image.</translation>
        </message>
        <message>
            <source>Il file dello scontrino è vuoto: allega un altro file.</source>
            <translation>The receipt file is empty: attach another file.</translation>
        </message>
        <message>
            <source>Il file è troppo grande (%1): allega una foto o un PDF dello scontrino.</source>
            <translation>The file is too large (%1): attach a photo or a PDF of the receipt.</translation>
        </message>
        <message>
            <source>Il PDF è troppo grande (%1, massimo 5 MB): allega una foto dello scontrino.</source>
            <translation>The PDF is too large (%1, at most 5 MB): attach a photo of the receipt.</translation>
        </message>
        <message>
            <source>Impossibile leggere l'immagine: il file è danneggiato o incompleto.</source>
            <translation>Cannot read the image: the file is damaged or incomplete.</translation>
        </message>
        <message>
            <source>Formato non supportato: allega una foto (JPEG o PNG) o un PDF dello scontrino.</source>
            <translation>Unsupported format: attach a photo (JPEG or PNG) or a PDF of the receipt.</translation>
        </message>
        <message>
            <source>Impossibile aprire il file %1.</source>
            <translation>Cannot open the file %1.</translation>
        </message>
    </context>
    <context>
        <name>sinfonia::ReceiptViewer</name>
        <message>
            <source>Visualizza scontrino</source>
            <translation>View receipt</translation>
        </message>
        <message>
            <source>Immagine dello scontrino</source>
            <translation>Receipt image</translation>
        </message>
        <message>
            <source>Riduci (Ctrl+-)</source>
            <translation>Zoom out (Ctrl+-)</translation>
        </message>
        <message>
            <source>Riduci</source>
            <translation>Zoom out</translation>
        </message>
        <message>
            <source>100% (Ctrl+0)</source>
            <translation>100% (Ctrl+0)</translation>
        </message>
        <message>
            <source>Dimensione reale</source>
            <translation>Actual size</translation>
        </message>
        <message>
            <source>Ingrandisci (Ctrl++)</source>
            <translation>Zoom in (Ctrl++)</translation>
        </message>
        <message>
            <source>Ingrandisci</source>
            <translation>Zoom in</translation>
        </message>
        <message>
            <source>Data e ora</source>
            <translation>Date and time</translation>
        </message>
        <message>
            <source>Esercente</source>
            <translation>Merchant</translation>
        </message>
        <message>
            <source>Importo</source>
            <translation>Amount</translation>
        </message>
        <message>
            <source>Tipo operazione</source>
            <translation>Operation type</translation>
        </message>
        <message>
            <source>Stato</source>
            <translation>State</translation>
        </message>
        <message>
            <source>N. documento commerciale</source>
            <translation>Commercial document no.</translation>
        </message>
        <message>
            <source>non indicato</source>
            <translation>not given</translation>
        </message>
        <message>
            <source>Voucher</source>
            <translation>Voucher</translation>
        </message>
        <message>
            <source>File</source>
            <translation>File</translation>
        </message>
        <message>
            <source>Apri con il visualizzatore di sistema</source>
            <translation>Open with the system viewer</translation>
        </message>
        <message>
            <source>Apri lo scontrino con il visualizzatore di sistema</source>
            <translation>Open the receipt with the system viewer</translation>
        </message>
        <message>
            <source>Chiudi</source>
            <translation>Close</translation>
        </message>
        <message>
            <source>Impossibile mostrare l'immagine dello scontrino.</source>
            <translation>Cannot show the receipt image.</translation>
        </message>
        <message>
            <source>Scontrino in PDF</source>
            <translation>PDF receipt</translation>
        </message>
        <message>
            <source>Pagina precedente (PgSu)</source>
            <translation>Previous page (PgUp)</translation>
        </message>
        <message>
            <source>Pagina precedente</source>
            <translation>Previous page</translation>
        </message>
        <message>
            <source>Pagina successiva (PgGiù)</source>
            <translation>Next page (PgDn)</translation>
        </message>
        <message>
            <source>Pagina successiva</source>
            <translation>Next page</translation>
        </message>
        <message>
            <source>Impossibile mostrare il PDF dello scontrino (%1).
Premi "Apri con il visualizzatore di sistema".</source>
            <translation>Cannot show the PDF receipt (%1).
Press "Open with the system viewer".</translation>
        </message>
        <message>
            <source>Pagina %1 di %2</source>
            <translation>Page %1 of %2</translation>
        </message>
    </context>
    <context>
        <name>sinfonia::ScanCameraDialog</name>
        <message>
            <source>Leggi la tessera sanitaria</source>
            <translation>Read the health card</translation>
        </message>
        <message>
            <source>Foto dello scontrino</source>
            <translation>Receipt photo</translation>
        </message>
        <message>
            <source>Webcam</source>
            <translation>Webcam</translation>
        </message>
        <message>
            <source>Scatta</source>
            <translation>Take</translation>
        </message>
        <message>
            <source>Inquadra il codice a barre sul retro della tessera dentro il riquadro, tenendola dritta</source>
            <translation>Frame the barcode on the back of the card inside the box, holding it straight</translation>
        </message>
        <message>
            <source>Inquadra tutto lo scontrino e premi «Scatta»</source>
            <translation>Frame the whole receipt and press «Take»</translation>
        </message>
        <message>
            <source>Foto non riuscita: riprova</source>
            <translation>Photo failed: try again</translation>
        </message>
        <message>
            <source>Tessera letta: %1</source>
            <translation>Card read: %1</translation>
        </message>
        <message>
            <source>Nessuna immagine dalla webcam: riprova tra un attimo</source>
            <translation>No image from the webcam: try again in a moment</translation>
        </message>
        <message>
            <source>Foto acquisita</source>
            <translation>Photo taken</translation>
        </message>
        <message>
            <source>In alternativa usa il lettore di codici o scrivi il codice fiscale.</source>
            <translation>Otherwise use the barcode reader or type the tax code.</translation>
        </message>
    </context>
    <context>
        <name>sinfonia::ScanFlow</name>
        <message>
            <source>Acquisto in corso</source>
            <translation>Purchase in progress</translation>
        </message>
        <message>
            <source>È stata letta un'altra tessera mentre un acquisto non è ancora stato inviato.
Lasciare l'acquisto e cercare la nuova beneficiaria?</source>
            <translation>Another card was scanned while a purchase has not been sent yet.
Leave the purchase and search for the new beneficiary?</translation>
        </message>
    </context>
    <context>
        <name>sinfonia::ScanText</name>
        <message>
            <source>Questo è un codice prodotto, non la tessera sanitaria</source>
            <translation>This is a product code, not the health card</translation>
        </message>
        <message>
            <source>Codice fiscale letto male: ripeti la scansione o scrivilo a mano</source>
            <translation>Tax code misread: scan again or type it</translation>
        </message>
        <message>
            <source>Lettura non riuscita: ripeti la scansione o scrivi il codice fiscale</source>
            <translation>Reading failed: scan again or type the tax code</translation>
        </message>
    </context>
    <context>
        <name>sinfonia::ScannerCalibration</name>
        <message>
            <source>Codice non riconosciuto: il lettore ha scritto «%1». Controlla che legga il Code 39 e ripeti la lettura del codice di prova.</source>
            <translation>Code not recognised: the scanner typed “%1”. Check that it reads Code 39 and scan the test code again.</translation>
        </message>
        <message>
            <source>Il lettore è impostato sulla tastiera %1, questo computer usa %2: cifre e lettere arrivano come altri simboli. Imposta il lettore sulla tastiera %2 (codice di configurazione nel manuale del lettore, voce «Keyboard language»).</source>
            <translation>The scanner is set to the %1 keyboard, this computer uses %2: digits and letters arrive as other symbols. Set the scanner to the %2 keyboard (configuration code in the scanner manual, “Keyboard language”).</translation>
        </message>
        <message>
            <source>Le lettere arrivano con le maiuscole invertite: disattiva il Blocco Maiuscole (o l'opzione «Caps Lock» del lettore).</source>
            <translation>Letters arrive with inverted case: turn off Caps Lock (or the scanner’s “Caps Lock” option).</translation>
        </message>
        <message>
            <source>Il lettore non invia Invio dopo il codice: la lettura finisce dopo una breve pausa. Se possibile imposta il suffisso «Enter» (CR) sul lettore.</source>
            <translation>The scanner sends no Enter after the code: the reading ends after a short pause. If possible set the “Enter” (CR) suffix on the scanner.</translation>
        </message>
        <message>
            <source>Il lettore scrive lentamente (%1 ms tra due tasti, come una persona): aumenta la velocità di trasmissione del lettore («Keyboard speed» / «Inter-character delay» al minimo).</source>
            <translation>The scanner types slowly (%1 ms between two keys, like a person): raise the scanner’s transmission speed (“Keyboard speed” / “Inter-character delay” to the minimum).</translation>
        </message>
    </context>
    <context>
        <name>sinfonia::ScannerSetupDialog</name>
        <message>
            <source>nessuno</source>
            <translation>none</translation>
        </message>
        <message>
            <source>Configura lettore</source>
            <translation>Set up scanner</translation>
        </message>
        <message>
            <source>Leggi con il lettore il codice di prova qui sotto, oppure il codice a barre di una Tessera Sanitaria. Non usare la tastiera durante la lettura.</source>
            <translation>Scan the test code below, or the barcode of a Tessera Sanitaria. Do not use the keyboard while scanning.</translation>
        </message>
        <message>
            <source>Codice di prova %1</source>
            <translation>Test code %1</translation>
        </message>
        <message>
            <source>Stampa codice di prova</source>
            <translation>Print test code</translation>
        </message>
        <message>
            <source>Lettura del lettore</source>
            <translation>Scanner reading</translation>
        </message>
        <message>
            <source>Qui compare ciò che il lettore scrive</source>
            <translation>What the scanner types appears here</translation>
        </message>
        <message>
            <source>Tastiera di questo computer</source>
            <translation>This computer's keyboard</translation>
        </message>
        <message>
            <source>Lettura</source>
            <translation>Reading</translation>
        </message>
        <message>
            <source>Tastiera del computer</source>
            <translation>Computer keyboard</translation>
        </message>
        <message>
            <source>Fine lettura</source>
            <translation>End of reading</translation>
        </message>
        <message>
            <source>Prefisso</source>
            <translation>Prefix</translation>
        </message>
        <message>
            <source>Suffisso</source>
            <translation>Suffix</translation>
        </message>
        <message>
            <source>Tempi tra i tasti</source>
            <translation>Time between keys</translation>
        </message>
        <message>
            <source>Soglia proposta</source>
            <translation>Proposed threshold</translation>
        </message>
        <message>
            <source>Indicazioni</source>
            <translation>Advice</translation>
        </message>
        <message>
            <source>Esito</source>
            <translation>Result</translation>
        </message>
        <message>
            <source>Per l'amministratore di sistema (file delle impostazioni di sistema):</source>
            <translation>For the system administrator (system settings file):</translation>
        </message>
        <message>
            <source>Righe per l'amministratore di sistema</source>
            <translation>Lines for the system administrator</translation>
        </message>
        <message>
            <source>Nuova lettura</source>
            <translation>New reading</translation>
        </message>
        <message>
            <source>Salva impostazioni</source>
            <translation>Save settings</translation>
        </message>
        <message>
            <source>Chiudi</source>
            <translation>Close</translation>
        </message>
        <message>
            <source>Pronto: leggi il codice con il lettore.</source>
            <translation>Ready: scan the code.</translation>
        </message>
        <message>
            <source>Invio</source>
            <translation>Enter</translation>
        </message>
        <message>
            <source>Tab</source>
            <translation>Tab</translation>
        </message>
        <message>
            <source>nessuna (pausa)</source>
            <translation>none (pause)</translation>
        </message>
        <message>
            <source>%1 tasti, %2 ms di solito, al massimo %3 ms</source>
            <translation>%1 keys, usually %2 ms, at most %3 ms</translation>
        </message>
        <message>
            <source>%1 ms (ora %2 ms)</source>
            <translation>%1 ms (now %2 ms)</translation>
        </message>
        <message>
            <source>nessuna: il lettore è troppo lento</source>
            <translation>none: the scanner is too slow</translation>
        </message>
        <message>
            <source>Il lettore è configurato correttamente.</source>
            <translation>The scanner is set up correctly.</translation>
        </message>
        <message>
            <source>Codice letto: %1</source>
            <translation>Code read: %1</translation>
        </message>
        <message>
            <source>Codice non riconosciuto.</source>
            <translation>Code not recognised.</translation>
        </message>
        <message>
            <source>Leggi prima il codice di prova.</source>
            <translation>Scan the test code first.</translation>
        </message>
        <message>
            <source>Impostato dall'amministratore di sistema: %1. Copia le righe qui sotto e mandale all'assistenza informatica.</source>
            <translation>Set by the system administrator: %1. Copy the lines below and send them to IT support.</translation>
        </message>
        <message>
            <source>Impostazioni del lettore salvate.</source>
            <translation>Scanner settings saved.</translation>
        </message>
        <message>
            <source>SINFONIA Banco — codice di prova del lettore</source>
            <translation>SINFONIA Banco — scanner test code</translation>
        </message>
    </context>
    <context>
        <name>sinfonia::SearchPage</name>
        <message>
            <source>Voucher secondogeniti</source>
            <translation>Second-child voucher</translation>
        </message>
        <message>
            <source>Ricerca beneficiario</source>
            <translation>Find beneficiary</translation>
        </message>
        <message>
            <source>Scansiona la tessera sanitaria del beneficiario oppure fai la ricerca tramite Codice Fiscale</source>
            <translation>Scan the beneficiary's health card or search by tax code</translation>
        </message>
        <message>
            <source>Codice fiscale del beneficiario</source>
            <translation>Beneficiary's tax code</translation>
        </message>
        <message>
            <source>es. RSSMRA85T50A562S</source>
            <translation>e.g. RSSMRA85T50A562S</translation>
        </message>
        <message>
            <source>Caratteri inseriti</source>
            <translation>Characters entered</translation>
        </message>
        <message>
            <source>Codice fiscale del beneficiario:</source>
            <translation>Beneficiary's tax code:</translation>
        </message>
        <message>
            <source>Numero della tessera sanitaria</source>
            <translation>Health card number</translation>
        </message>
        <message>
            <source>20 cifre, inizia con 80380</source>
            <translation>20 digits, starts with 80380</translation>
        </message>
        <message>
            <source>oppure N. tessera sanitaria:</source>
            <translation>or health card no.:</translation>
        </message>
        <message>
            <source>CERCA BENEFICIARIO</source>
            <translation>FIND BENEFICIARY</translation>
        </message>
        <message>
            <source>Cerca beneficiario</source>
            <translation>Find beneficiary</translation>
        </message>
        <message>
            <source>Cerca beneficiario (Invio)</source>
            <translation>Find beneficiary (Enter)</translation>
        </message>
        <message>
            <source>Esito della ricerca</source>
            <translation>Search result</translation>
        </message>
        <message>
            <source>Il numero della tessera sanitaria inizia con 80380</source>
            <translation>The health card number starts with 80380</translation>
        </message>
        <message>
            <source>Inserisci il codice fiscale o il numero della tessera sanitaria.</source>
            <translation>Enter the tax code or the health card number.</translation>
        </message>
        <message>
            <source>Ricerca in corso...</source>
            <translation>Searching...</translation>
        </message>
        <message>
            <source>Scansiona con la webcam</source>
            <translation>Scan with the webcam</translation>
        </message>
        <message>
            <source>Scansiona la tessera sanitaria con la webcam</source>
            <translation>Scan the health card with the webcam</translation>
        </message>
        <message>
            <source>Inquadra il codice a barre della tessera sanitaria (Ctrl+W)</source>
            <translation>Frame the barcode of the health card (Ctrl+W)</translation>
        </message>
    </context>
    <context>
        <name>sinfonia::SerialScanner</name>
        <message>
            <source>Lettore seriale %1 non collegato</source>
            <translation>Serial reader %1 not connected</translation>
        </message>
        <message>
            <source>Impossibile aprire il lettore seriale %1: %2</source>
            <translation>Cannot open the serial reader %1: %2</translation>
        </message>
        <message>
            <source>Lettore seriale %1 scollegato</source>
            <translation>Serial reader %1 disconnected</translation>
        </message>
    </context>
    <context>
        <name>sinfonia::ServiceStack</name>
        <message>
            <source>Registro delle operazioni non disponibile.</source>
            <translation>Operation journal not available.</translation>
        </message>
    </context>
    <context>
        <name>sinfonia::SlipPrinter</name>
        <message>
            <source>Promemoria stampato.</source>
            <translation>Reminder printed.</translation>
        </message>
        <message>
            <source>Stampa del promemoria non riuscita.</source>
            <translation>Printing the reminder failed.</translation>
        </message>
        <message>
            <source>Promemoria inviato alla stampante.</source>
            <translation>Reminder sent to the printer.</translation>
        </message>
        <message>
            <source>Stampa del promemoria non riuscita: controlla la stampante.</source>
            <translation>Printing the reminder failed: check the printer.</translation>
        </message>
        <message>
            <source>Stampa promemoria - %1</source>
            <translation>Print reminder - %1</translation>
        </message>
        <message>
            <source>Promemoria per il beneficiario</source>
            <translation>Reminder for the beneficiary</translation>
        </message>
        <message>
            <source>Carta: %1</source>
            <translation>Paper: %1</translation>
        </message>
        <message>
            <source>Stampa automatica dopo la conferma</source>
            <translation>Print automatically after confirmation</translation>
        </message>
        <message>
            <source>Impostato dall'amministratore di sistema</source>
            <translation>Set by the system administrator</translation>
        </message>
    </context>
    <context>
        <name>sinfonia::StaffFlow</name>
        <message>
            <source>Dipendente %1 %2 aggiunto.</source>
            <translation>Employee %1 %2 added.</translation>
        </message>
        <message>
            <source>Servizi aggiornati.</source>
            <translation>Services updated.</translation>
        </message>
        <message>
            <source>Utenza riabilitata.</source>
            <translation>User re-enabled.</translation>
        </message>
        <message>
            <source>Utenza disabilitata.</source>
            <translation>User disabled.</translation>
        </message>
    </context>
    <context>
        <name>sinfonia::StaffPage</name>
        <message>
            <source>Gestione delle abilitazioni</source>
            <translation>Permission management</translation>
        </message>
        <message>
            <source>AGGIUNGI DIPENDENTE</source>
            <translation>ADD EMPLOYEE</translation>
        </message>
        <message>
            <source>Aggiungi dipendente</source>
            <translation>Add employee</translation>
        </message>
        <message>
            <source>Aggiungi dipendente (Ctrl+N)</source>
            <translation>Add employee (Ctrl+N)</translation>
        </message>
        <message>
            <source>☰ Menù rapido</source>
            <translation>☰ Quick menu</translation>
        </message>
        <message>
            <source>Menù rapido del dipendente selezionato</source>
            <translation>Quick menu of the selected employee</translation>
        </message>
        <message>
            <source>Menù rapido (Invio sulla riga)</source>
            <translation>Quick menu (Enter on the row)</translation>
        </message>
        <message>
            <source>Dipendenti della struttura</source>
            <translation>Employees of the structure</translation>
        </message>
        <message>
            <source>Gestione delle abilitazioni - %1</source>
            <translation>Permission management - %1</translation>
        </message>
        <message>
            <source>Associa servizio Voucher secondogeniti</source>
            <translation>Assign the second-child voucher service</translation>
        </message>
        <message>
            <source>Rimuovi servizio Voucher secondogeniti</source>
            <translation>Remove the second-child voucher service</translation>
        </message>
        <message>
            <source>Disabilita utenza</source>
            <translation>Disable user</translation>
        </message>
        <message>
            <source>Riabilita utenza</source>
            <translation>Re-enable user</translation>
        </message>
        <message>
            <source>REGISTRO ATTIVITÀ</source>
            <translation>ACTIVITY LOG</translation>
        </message>
        <message>
            <source>Registro attività della struttura</source>
            <translation>Activity log of the structure</translation>
        </message>
        <message>
            <source>Registro attività (Ctrl+L)</source>
            <translation>Activity log (Ctrl+L)</translation>
        </message>
    </context>
    <context>
        <name>sinfonia::StructurePage</name>
        <message>
            <source>Seleziona struttura</source>
            <translation>Select structure</translation>
        </message>
        <message>
            <source>Scegli la struttura presso la quale stai operando (frecce e Invio).</source>
            <translation>Choose the structure you are working at (arrows and Enter).</translation>
        </message>
        <message>
            <source>Strutture abilitate</source>
            <translation>Enabled structures</translation>
        </message>
        <message>
            <source>Seleziona</source>
            <translation>Select</translation>
        </message>
        <message>
            <source>Seleziona la struttura evidenziata</source>
            <translation>Select the highlighted structure</translation>
        </message>
        <message>
            <source>Seleziona (Invio)</source>
            <translation>Select (Enter)</translation>
        </message>
        <message>
            <source>titolare</source>
            <translation>owner</translation>
        </message>
        <message>
            <source>dipendente</source>
            <translation>employee</translation>
        </message>
        <message>
            <source>Nessuna struttura abilitata per questo operatore: rivolgiti al titolare della struttura.</source>
            <translation>No structure enabled for this operator: ask the structure's owner.</translation>
        </message>
    </context>
    <context>
        <name>sinfonia::SummaryFlow</name>
        <message>
            <source>Riepilogo di fine giornata</source>
            <translation>End-of-day summary</translation>
        </message>
        <message>
            <source>Riepilogo dei movimenti di oggi della struttura (Ctrl+R)</source>
            <translation>Summary of the structure's movements today (Ctrl+R)</translation>
        </message>
    </context>
    <context>
        <name>sinfonia::SummaryMovementsModel</name>
        <message>
            <source>Ora</source>
            <translation>Time</translation>
        </message>
        <message>
            <source>Tipo operazione</source>
            <translation>Operation type</translation>
        </message>
        <message>
            <source>Stato</source>
            <translation>State</translation>
        </message>
        <message>
            <source>Importo</source>
            <translation>Amount</translation>
        </message>
        <message>
            <source>N. voucher</source>
            <translation>Voucher no.</translation>
        </message>
        <message>
            <source>N. documento commerciale</source>
            <translation>Commercial document no.</translation>
        </message>
        <message>
            <source>Operatore</source>
            <translation>Operator</translation>
        </message>
        <message>
            <source>Ancora cancellabile</source>
            <translation>Still cancellable</translation>
        </message>
        <message>
            <source>non indicato</source>
            <translation>not given</translation>
        </message>
    </context>
    <context>
        <name>sinfonia::SyntheticFrameSource</name>
        <message>
            <source>Nessuna immagine da mostrare</source>
            <translation>No image to show</translation>
        </message>
    </context>
    <context>
        <name>sinfonia::TesseraSanitaria</name>
        <message>
            <source>Inserisci il numero della tessera sanitaria (20 cifre)</source>
            <translation>Enter the health card number (20 digits)</translation>
        </message>
        <message>
            <source>Il numero della tessera sanitaria ha solo cifre</source>
            <translation>The health card number has digits only</translation>
        </message>
        <message>
            <source>Numero della tessera sanitaria di %1 cifre su 20</source>
            <translation>Health card number of %1 digits of 20</translation>
        </message>
        <message>
            <source>Il numero della tessera sanitaria inizia con 80380: controlla le prime cifre</source>
            <translation>The health card number starts with 80380: check the first digits</translation>
        </message>
        <message>
            <source>Numero della tessera sanitaria non valido: ricontrolla le cifre</source>
            <translation>Invalid health card number: check the digits</translation>
        </message>
    </context>
    <context>
        <name>sinfonia::TokenStore</name>
        <message>
            <source>Nessuna credenziale salvata.</source>
            <translation>No saved credentials.</translation>
        </message>
        <message>
            <source>Portachiavi di sistema non disponibile: l'accesso non viene ricordato e nulla è salvato sul disco. Dovrai accedere di nuovo al prossimo avvio.</source>
            <translation>System keychain not available: the sign-in is not remembered and nothing is saved on disk. You will have to sign in again at the next start.</translation>
        </message>
    </context>
    <context>
        <name>sinfonia::TopBar</name>
        <message>
            <source>Regione Campania</source>
            <translation>Regione Campania</translation>
        </message>
        <message>
            <source>SINFONIA Servizi Territoriali</source>
            <translation>SINFONIA Servizi Territoriali</translation>
        </message>
        <message>
            <source>Home</source>
            <translation>Home</translation>
        </message>
        <message>
            <source>Torna alla Homepage (Alt+H)</source>
            <translation>Back to the homepage (Alt+H)</translation>
        </message>
        <message>
            <source>Cambia la struttura selezionata (Ctrl+K)</source>
            <translation>Change the selected structure (Ctrl+K)</translation>
        </message>
        <message>
            <source>Struttura selezionata</source>
            <translation>Selected structure</translation>
        </message>
        <message>
            <source>Operatore</source>
            <translation>Operator</translation>
        </message>
        <message>
            <source>Operatore collegato: blocca o cambia operatore</source>
            <translation>Signed-in operator: lock or switch operator</translation>
        </message>
        <message>
            <source>Struttura selezionata: %1</source>
            <translation>Selected structure: %1</translation>
        </message>
    </context>
    <context>
        <name>sinfonia::TransactionsModel</name>
        <message>
            <source>Scontrino</source>
            <translation>Receipt</translation>
        </message>
        <message>
            <source>Autorizza</source>
            <translation>Authorize</translation>
        </message>
        <message>
            <source>Cancella (annullabile fino alle 23:59)</source>
            <translation>Cancel (possible until 23:59)</translation>
        </message>
        <message>
            <source>Data e ora</source>
            <translation>Date and time</translation>
        </message>
        <message>
            <source>Esercente</source>
            <translation>Merchant</translation>
        </message>
        <message>
            <source>Importo</source>
            <translation>Amount</translation>
        </message>
        <message>
            <source>Tipo operazione</source>
            <translation>Operation type</translation>
        </message>
        <message>
            <source>Stato</source>
            <translation>State</translation>
        </message>
        <message>
            <source>Azioni</source>
            <translation>Actions</translation>
        </message>
        <message>
            <source>Annulla acquisto in attesa</source>
            <translation>Void pending purchase</translation>
        </message>
    </context>
    <context>
        <name>sinfonia::VideoFileFrameSource</name>
        <message>
            <source>File video non trovato: %1</source>
            <translation>Video file not found: %1</translation>
        </message>
        <message>
            <source>Il file video non si può leggere</source>
            <translation>The video file cannot be read</translation>
        </message>
    </context>
    <context>
        <name>sinfonia::Voucher</name>
        <message>
            <source>ATTIVO</source>
            <translation>ACTIVE</translation>
        </message>
        <message>
            <source>SCADUTO</source>
            <translation>EXPIRED</translation>
        </message>
        <message>
            <source>ESAURITO</source>
            <translation>USED UP</translation>
        </message>
        <message>
            <source>SOSPESO</source>
            <translation>SUSPENDED</translation>
        </message>
        <message>
            <source>Acquisto</source>
            <translation>Purchase</translation>
        </message>
        <message>
            <source>Cancellazione</source>
            <translation>Cancellation</translation>
        </message>
        <message>
            <source>IN ATTESA</source>
            <translation>PENDING</translation>
        </message>
        <message>
            <source>CONFERMATO</source>
            <translation>CONFIRMED</translation>
        </message>
        <message>
            <source>ANNULLATO</source>
            <translation>VOIDED</translation>
        </message>
        <message>
            <source>SCONOSCIUTO</source>
            <translation>UNKNOWN</translation>
        </message>
        <message>
            <source>ANNULLATO (dalla struttura)</source>
            <translation>VOIDED (by the structure)</translation>
        </message>
        <message>
            <source>ANNULLATO (scaduto)</source>
            <translation>VOIDED (expired)</translation>
        </message>
    </context>
    <context>
        <name>sinfonia::VoucherFlow</name>
        <message>
            <source>Il beneficiario non ha voucher.</source>
            <translation>The beneficiary has no voucher.</translation>
        </message>
        <message>
            <source>Voucher N° %1 - %2</source>
            <translation>Voucher No. %1 - %2</translation>
        </message>
        <message>
            <source>Acquisto di %1 registrato IN ATTESA. Il beneficiario riceve il codice via SMS.</source>
            <translation>Purchase of %1 recorded as PENDING. The beneficiary receives the code by SMS.</translation>
        </message>
        <message>
            <source>Cancellazione di %1 registrata IN ATTESA. Il beneficiario riceve il codice via SMS.</source>
            <translation>Cancellation of %1 recorded as PENDING. The beneficiary receives the code by SMS.</translation>
        </message>
        <message>
            <source>Autorizza il pagamento di %1.</source>
            <translation>Authorize the payment of %1.</translation>
        </message>
        <message>
            <source>Cancellazione confermata: %1 restituiti al voucher.</source>
            <translation>Cancellation confirmed: %1 returned to the voucher.</translation>
        </message>
        <message>
            <source>Acquisto di %1 confermato.</source>
            <translation>Purchase of %1 confirmed.</translation>
        </message>
        <message>
            <source>Operazione IN ATTESA: puoi autorizzarla più tardi dal menu Azioni.</source>
            <translation>Operation PENDING: you can authorize it later from the Actions menu.</translation>
        </message>
        <message>
            <source>Bozza dell'acquisto non salvata: %1</source>
            <translation>Purchase draft not saved: %1</translation>
        </message>
        <message>
            <source>Il movimento non è più in attesa di autorizzazione.</source>
            <translation>The movement is no longer awaiting authorization.</translation>
        </message>
        <message>
            <source>Movimento non trovato sul voucher.</source>
            <translation>Movement not found on the voucher.</translation>
        </message>
        <message>
            <source>Troppe ricerche: riprova tra %1 secondi</source>
            <translation>Too many searches: try again in %1 seconds</translation>
        </message>
        <message>
            <source>Annulla acquisto in attesa</source>
            <translation>Void pending purchase</translation>
        </message>
        <message>
            <source>Annullare l'acquisto di %1 in attesa di conferma?

L'importo torna disponibile sul voucher e il codice OTP inviato alla beneficiaria non varrà più.</source>
            <translation>Void the purchase of %1 awaiting confirmation?

The amount becomes available on the voucher again and the OTP code sent to the beneficiary will no longer work.</translation>
        </message>
        <message>
            <source>&amp;Annulla acquisto</source>
            <translation>&amp;Void purchase</translation>
        </message>
        <message>
            <source>&amp;Non annullare</source>
            <translation>&amp;Keep it</translation>
        </message>
        <message>
            <source>Acquisto di %1 annullato: l'importo è di nuovo disponibile.</source>
            <translation>Purchase of %1 voided: the amount is available again.</translation>
        </message>
    </context>
    <context>
        <name>sinfonia::VoucherPage</name>
        <message>
            <source>Voucher del beneficiario</source>
            <translation>Beneficiary's vouchers</translation>
        </message>
        <message>
            <source>Importo disponibile</source>
            <translation>Available amount</translation>
        </message>
        <message>
            <source>USA PER ACQUISTO</source>
            <translation>USE FOR PURCHASE</translation>
        </message>
        <message>
            <source>Usa per acquisto</source>
            <translation>Use for purchase</translation>
        </message>
        <message>
            <source>Registra un acquisto con questo voucher (F3)</source>
            <translation>Record a purchase with this voucher (F3)</translation>
        </message>
        <message>
            <source>Transazioni per esercente</source>
            <translation>Transactions by merchant</translation>
        </message>
        <message>
            <source>☰ Azioni</source>
            <translation>☰ Actions</translation>
        </message>
        <message>
            <source>Azioni sul movimento selezionato</source>
            <translation>Actions on the selected movement</translation>
        </message>
        <message>
            <source>Azioni sul movimento selezionato (Invio sulla riga)</source>
            <translation>Actions on the selected movement (Enter on the row)</translation>
        </message>
        <message>
            <source>ID voucher %1   N° %2</source>
            <translation>Voucher ID %1   No. %2</translation>
        </message>
        <message>
            <source>Stato del voucher: %1</source>
            <translation>Voucher state: %1</translation>
        </message>
        <message>
            <source>Importo disponibile %1</source>
            <translation>Available amount %1</translation>
        </message>
        <message>
            <source>Intestatario: %1 - Codice fiscale: %2</source>
            <translation>Holder: %1 - Tax code: %2</translation>
        </message>
        <message>
            <source>Tessera sanitaria intestatario: %1</source>
            <translation>Holder's health card: %1</translation>
        </message>
        <message>
            <source>non registrata</source>
            <translation>not registered</translation>
        </message>
        <message>
            <source>Data attivazione: %1    Data scadenza: %2</source>
            <translation>Activation date: %1    Expiry date: %2</translation>
        </message>
        <message>
            <source>Importo iniziale: %1    Importo utilizzato: %2</source>
            <translation>Initial amount: %1    Used amount: %2</translation>
        </message>
        <message>
            <source>Visualizza scontrino</source>
            <translation>View receipt</translation>
        </message>
        <message>
            <source>Autorizza pagamento</source>
            <translation>Authorize payment</translation>
        </message>
        <message>
            <source>Cancella movimento (annullabile fino alle 23:59)</source>
            <translation>Cancel movement (possible until 23:59)</translation>
        </message>
        <message>
            <source>Nessuna azione disponibile</source>
            <translation>No action available</translation>
        </message>
        <message>
            <source>Stampa promemoria</source>
            <translation>Print reminder</translation>
        </message>
        <message>
            <source>Stampa il promemoria per il beneficiario</source>
            <translation>Print the reminder for the beneficiary</translation>
        </message>
        <message>
            <source>Stampa per il beneficiario operazione, importo e saldo residuo (Ctrl+P)</source>
            <translation>Print operation, amount and remaining balance for the beneficiary (Ctrl+P)</translation>
        </message>
        <message>
            <source>Annulla acquisto in attesa</source>
            <translation>Void pending purchase</translation>
        </message>
    </context>
    <context>
        <name>sinfonia::VoucherRules</name>
        <message>
            <source>Inserisci un importo maggiore di zero</source>
            <translation>Enter an amount greater than zero</translation>
        </message>
        <message>
            <source>Voucher scaduto: non si possono registrare acquisti</source>
            <translation>Voucher expired: purchases cannot be recorded</translation>
        </message>
        <message>
            <source>Voucher esaurito: non c'è più importo disponibile</source>
            <translation>Voucher used up: no amount left</translation>
        </message>
        <message>
            <source>Voucher sospeso: non si possono registrare acquisti</source>
            <translation>Voucher suspended: purchases cannot be recorded</translation>
        </message>
        <message>
            <source>Voucher scaduto il %1</source>
            <translation>Voucher expired on %1</translation>
        </message>
        <message>
            <source>Importo superiore al residuo (%1)</source>
            <translation>Amount above the remaining amount (%1)</translation>
        </message>
        <message>
            <source>Si possono annullare solo acquisti</source>
            <translation>Only purchases can be cancelled</translation>
        </message>
        <message>
            <source>Acquisto non ancora confermato: autorizzalo con l'OTP prima di annullarlo</source>
            <translation>Purchase not confirmed yet: authorize it with the OTP before cancelling it</translation>
        </message>
        <message>
            <source>Si può annullare solo nel giorno dell'acquisto (%1)</source>
            <translation>Can be cancelled only on the day of the purchase (%1)</translation>
        </message>
        <message>
            <source>Inserisci un importo da annullare maggiore di zero</source>
            <translation>Enter an amount to cancel greater than zero</translation>
        </message>
        <message>
            <source>Importo superiore a quello consentito (%1)</source>
            <translation>Amount above the allowed one (%1)</translation>
        </message>
        <message>
            <source>annullabile fino alle 23:59</source>
            <translation>can be cancelled until 23:59</translation>
        </message>
        <message>
            <source>Indica le date di inizio e fine</source>
            <translation>Give the start and end dates</translation>
        </message>
        <message>
            <source>La data di inizio è successiva alla data di fine</source>
            <translation>The start date is after the end date</translation>
        </message>
        <message>
            <source>Il periodo può essere al massimo di 3 mesi: scegli una data di fine entro il %1</source>
            <translation>The period can be at most 3 months: choose an end date by %1</translation>
        </message>
        <message>
            <source>Voucher attivo dal %1</source>
            <translation>Voucher active from %1</translation>
        </message>
    </context>
</TS>
