<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="it_IT">
    <context>
        <name>CommandLine</name>
        <message>
            <source>SINFONIA Banco: Voucher secondogeniti al banco della farmacia.</source>
            <translation>SINFONIA Banco: Voucher secondogeniti al banco della farmacia.</translation>
        </message>
        <message>
            <source>Mostra questo aiuto.</source>
            <translation>Mostra questo aiuto.</translation>
        </message>
        <message>
            <source>Mostra la versione.</source>
            <translation>Mostra la versione.</translation>
        </message>
        <message>
            <source>Indirizzo del servizio centrale (es. https://host/).</source>
            <translation>Indirizzo del servizio centrale (es. https://host/).</translation>
        </message>
        <message>
            <source>Lingua dell'interfaccia: it o en.</source>
            <translation>Lingua dell'interfaccia: it o en.</translation>
        </message>
        <message>
            <source>Stampa la configurazione effettiva e la sua origine.</source>
            <translation>Stampa la configurazione effettiva e la sua origine.</translation>
        </message>
        <message>
            <source>Decodifica il codice a barre delle immagini indicate e termina.</source>
            <translation>Decodifica il codice a barre delle immagini indicate e termina.</translation>
        </message>
        <message>
            <source>Immagini da decodificare.</source>
            <translation>Immagini da decodificare.</translation>
        </message>
        <message>
            <source>Indirizzo del server non valido: %1
</source>
            <translation>Indirizzo del server non valido: %1
</translation>
        </message>
        <message>
            <source>Indica almeno un'immagine da decodificare.
</source>
            <translation>Indica almeno un'immagine da decodificare.
</translation>
        </message>
    </context>
    <context>
        <name>MovementExport</name>
        <message>
            <source>Pagina %1 di %2</source>
            <translation>Pagina %1 di %2</translation>
        </message>
        <message>
            <source>PROVA – nessun voucher reale</source>
            <translation>PROVA – nessun voucher reale</translation>
        </message>
    </context>
    <context>
        <name>sinfonia::ActivityLogFlow</name>
        <message>
            <source>Nessuna attività nel periodo.</source>
            <translation>Nessuna attività nel periodo.</translation>
        </message>
        <message>
            <source>Attività mostrate: %1.</source>
            <translation>Attività mostrate: %1.</translation>
        </message>
        <message>
            <source>Registro esportato in %1.</source>
            <translation>Registro esportato in %1.</translation>
        </message>
    </context>
    <context>
        <name>sinfonia::ActivityLogPage</name>
        <message>
            <source>Registro attività</source>
            <translation>Registro attività</translation>
        </message>
        <message>
            <source>Dal giorno</source>
            <translation>Dal giorno</translation>
        </message>
        <message>
            <source>Al giorno</source>
            <translation>Al giorno</translation>
        </message>
        <message>
            <source>&amp;Dal</source>
            <translation>&amp;Dal</translation>
        </message>
        <message>
            <source>&amp;Al</source>
            <translation>&amp;Al</translation>
        </message>
        <message>
            <source>CERCA</source>
            <translation>CERCA</translation>
        </message>
        <message>
            <source>Cerca nel registro attività</source>
            <translation>Cerca nel registro attività</translation>
        </message>
        <message>
            <source>ESPORTA CSV</source>
            <translation>ESPORTA CSV</translation>
        </message>
        <message>
            <source>Esporta in CSV le righe mostrate</source>
            <translation>Esporta in CSV le righe mostrate</translation>
        </message>
        <message>
            <source>Esporta CSV (Ctrl+E)</source>
            <translation>Esporta CSV (Ctrl+E)</translation>
        </message>
        <message>
            <source>Attività della struttura</source>
            <translation>Attività della struttura</translation>
        </message>
        <message>
            <source>CARICA ALTRE RIGHE</source>
            <translation>CARICA ALTRE RIGHE</translation>
        </message>
        <message>
            <source>Carica le righe successive</source>
            <translation>Carica le righe successive</translation>
        </message>
        <message>
            <source>Registro attività - %1</source>
            <translation>Registro attività - %1</translation>
        </message>
        <message>
            <source>Esporta registro attività</source>
            <translation>Esporta registro attività</translation>
        </message>
        <message>
            <source>File CSV (*.csv)</source>
            <translation>File CSV (*.csv)</translation>
        </message>
    </context>
    <context>
        <name>sinfonia::AddEmployeeDialog</name>
        <message>
            <source>Aggiungi dipendente</source>
            <translation>Aggiungi dipendente</translation>
        </message>
        <message>
            <source>Codice fiscale del dipendente (obbligatorio)</source>
            <translation>Codice fiscale del dipendente (obbligatorio)</translation>
        </message>
        <message>
            <source>Nome (obbligatorio)</source>
            <translation>Nome (obbligatorio)</translation>
        </message>
        <message>
            <source>Cognome (obbligatorio)</source>
            <translation>Cognome (obbligatorio)</translation>
        </message>
        <message>
            <source>Codice Fiscale *</source>
            <translation>Codice Fiscale *</translation>
        </message>
        <message>
            <source>Nome *</source>
            <translation>Nome *</translation>
        </message>
        <message>
            <source>Cognome *</source>
            <translation>Cognome *</translation>
        </message>
        <message>
            <source>Aggiungi</source>
            <translation>Aggiungi</translation>
        </message>
        <message>
            <source>Annulla</source>
            <translation>Annulla</translation>
        </message>
        <message>
            <source>Codice fiscale, nome e cognome sono obbligatori.</source>
            <translation>Codice fiscale, nome e cognome sono obbligatori.</translation>
        </message>
    </context>
    <context>
        <name>sinfonia::ApiClient</name>
        <message>
            <source>Risposta del server non valida: riprova; se si ripete, contatta l'assistenza.</source>
            <translation>Risposta del server non valida: riprova; se si ripete, contatta l'assistenza.</translation>
        </message>
        <message>
            <source>Operazione già in corso: attendi qualche secondo.</source>
            <translation>Operazione già in corso: attendi qualche secondo.</translation>
        </message>
        <message>
            <source>Operazione già inviata con dati diversi: ricomincia l'operazione.</source>
            <translation>Operazione già inviata con dati diversi: ricomincia l'operazione.</translation>
        </message>
        <message>
            <source>Importo superiore al residuo del voucher.</source>
            <translation>Importo superiore al residuo del voucher.</translation>
        </message>
        <message>
            <source>Voucher non trovato.</source>
            <translation>Voucher non trovato.</translation>
        </message>
        <message>
            <source>Nessun beneficiario trovato con questi dati.</source>
            <translation>Nessun beneficiario trovato con questi dati.</translation>
        </message>
        <message>
            <source>Codice OTP errato.</source>
            <translation>Codice OTP errato.</translation>
        </message>
        <message>
            <source>Codice OTP scaduto: invia un nuovo codice.</source>
            <translation>Codice OTP scaduto: invia un nuovo codice.</translation>
        </message>
        <message>
            <source>Troppi tentativi errati: autorizza di nuovo il pagamento.</source>
            <translation>Troppi tentativi errati: autorizza di nuovo il pagamento.</translation>
        </message>
        <message>
            <source>Codice OTP già usato.</source>
            <translation>Codice OTP già usato.</translation>
        </message>
        <message>
            <source>Attendi prima di inviare un nuovo codice.</source>
            <translation>Attendi prima di inviare un nuovo codice.</translation>
        </message>
        <message>
            <source>Numero massimo di invii raggiunto.</source>
            <translation>Numero massimo di invii raggiunto.</translation>
        </message>
        <message>
            <source>La cancellazione è possibile solo nel giorno dell'acquisto.</source>
            <translation>La cancellazione è possibile solo nel giorno dell'acquisto.</translation>
        </message>
        <message>
            <source>Importo superiore a quello cancellabile.</source>
            <translation>Importo superiore a quello cancellabile.</translation>
        </message>
        <message>
            <source>Scontrino troppo grande (massimo 5 MB).</source>
            <translation>Scontrino troppo grande (massimo 5 MB).</translation>
        </message>
        <message>
            <source>Scontrino in formato non valido: usa JPEG, PNG o PDF.</source>
            <translation>Scontrino in formato non valido: usa JPEG, PNG o PDF.</translation>
        </message>
        <message>
            <source>Dipendente già presente.</source>
            <translation>Dipendente già presente.</translation>
        </message>
        <message>
            <source>Operazione riservata al titolare.</source>
            <translation>Operazione riservata al titolare.</translation>
        </message>
        <message>
            <source>Operazione interrotta.</source>
            <translation>Operazione interrotta.</translation>
        </message>
        <message>
            <source>Indirizzo del server non valido: controlla le impostazioni.</source>
            <translation>Indirizzo del server non valido: controlla le impostazioni.</translation>
        </message>
        <message>
            <source>Connessione non protetta rifiutata: l'indirizzo del server deve iniziare con https://. Chiedi all'assistenza di correggerlo.</source>
            <translation>Connessione non protetta rifiutata: l'indirizzo del server deve iniziare con https://. Chiedi all'assistenza di correggerlo.</translation>
        </message>
        <message>
            <source>Richiesta non valida: controlla i dati inseriti.</source>
            <translation>Richiesta non valida: controlla i dati inseriti.</translation>
        </message>
        <message>
            <source>Richiesta non valida: riprova; se si ripete, contatta l'assistenza.</source>
            <translation>Richiesta non valida: riprova; se si ripete, contatta l'assistenza.</translation>
        </message>
        <message>
            <source>Un dato inviato non è valido: controlla i campi e riprova.</source>
            <translation>Un dato inviato non è valido: controlla i campi e riprova.</translation>
        </message>
        <message>
            <source>Manca un dato obbligatorio: completa i campi e riprova.</source>
            <translation>Manca un dato obbligatorio: completa i campi e riprova.</translation>
        </message>
        <message>
            <source>Ricerca non valida: controlla i filtri e riprova.</source>
            <translation>Ricerca non valida: controlla i filtri e riprova.</translation>
        </message>
        <message>
            <source>Inserisci un codice fiscale di 16 caratteri o il numero della tessera sanitaria (20 cifre).</source>
            <translation>Inserisci un codice fiscale di 16 caratteri o il numero della tessera sanitaria (20 cifre).</translation>
        </message>
        <message>
            <source>Inserisci un importo maggiore di zero.</source>
            <translation>Inserisci un importo maggiore di zero.</translation>
        </message>
        <message>
            <source>Numero del documento commerciale non valido (massimo 64 caratteri).</source>
            <translation>Numero del documento commerciale non valido (massimo 64 caratteri).</translation>
        </message>
        <message>
            <source>Inserisci un importo da annullare maggiore di zero.</source>
            <translation>Inserisci un importo da annullare maggiore di zero.</translation>
        </message>
        <message>
            <source>Periodo non valido: la data di inizio deve precedere quella di fine.</source>
            <translation>Periodo non valido: la data di inizio deve precedere quella di fine.</translation>
        </message>
        <message>
            <source>Il periodo può essere al massimo di 3 mesi.</source>
            <translation>Il periodo può essere al massimo di 3 mesi.</translation>
        </message>
        <message>
            <source>L'elenco è cambiato nel frattempo: ripeti la ricerca.</source>
            <translation>L'elenco è cambiato nel frattempo: ripeti la ricerca.</translation>
        </message>
        <message>
            <source>Richiesta dell'elenco non valida: ripeti la ricerca.</source>
            <translation>Richiesta dell'elenco non valida: ripeti la ricerca.</translation>
        </message>
        <message>
            <source>Allega lo scontrino prima di inviare.</source>
            <translation>Allega lo scontrino prima di inviare.</translation>
        </message>
        <message>
            <source>Lo scontrino allegato è vuoto: allegalo di nuovo.</source>
            <translation>Lo scontrino allegato è vuoto: allegalo di nuovo.</translation>
        </message>
        <message>
            <source>Codice fiscale, nome e cognome sono obbligatori.</source>
            <translation>Codice fiscale, nome e cognome sono obbligatori.</translation>
        </message>
        <message>
            <source>Servizio sconosciuto: aggiorna la pagina e riprova.</source>
            <translation>Servizio sconosciuto: aggiorna la pagina e riprova.</translation>
        </message>
        <message>
            <source>Il codice OTP è di 6 cifre.</source>
            <translation>Il codice OTP è di 6 cifre.</translation>
        </message>
        <message>
            <source>Richiesta non accettata dal server: aggiorna l'applicazione o contatta l'assistenza.</source>
            <translation>Richiesta non accettata dal server: aggiorna l'applicazione o contatta l'assistenza.</translation>
        </message>
        <message>
            <source>Sessione scaduta: accedi di nuovo.</source>
            <translation>Sessione scaduta: accedi di nuovo.</translation>
        </message>
        <message>
            <source>Non puoi modificare la tua stessa utenza.</source>
            <translation>Non puoi modificare la tua stessa utenza.</translation>
        </message>
        <message>
            <source>Servizio non trovato: controlla l'indirizzo del server nelle impostazioni.</source>
            <translation>Servizio non trovato: controlla l'indirizzo del server nelle impostazioni.</translation>
        </message>
        <message>
            <source>Struttura non trovata o non abilitata per il tuo utente.</source>
            <translation>Struttura non trovata o non abilitata per il tuo utente.</translation>
        </message>
        <message>
            <source>Operatore non riconosciuto: accedi di nuovo.</source>
            <translation>Operatore non riconosciuto: accedi di nuovo.</translation>
        </message>
        <message>
            <source>Movimento non trovato: aggiorna la pagina.</source>
            <translation>Movimento non trovato: aggiorna la pagina.</translation>
        </message>
        <message>
            <source>Nessuno scontrino allegato a questo movimento.</source>
            <translation>Nessuno scontrino allegato a questo movimento.</translation>
        </message>
        <message>
            <source>Nessun codice OTP attivo: richiedi un nuovo invio.</source>
            <translation>Nessun codice OTP attivo: richiedi un nuovo invio.</translation>
        </message>
        <message>
            <source>Dipendente non trovato in questa struttura.</source>
            <translation>Dipendente non trovato in questa struttura.</translation>
        </message>
        <message>
            <source>Dati troppo grandi per l'invio.</source>
            <translation>Dati troppo grandi per l'invio.</translation>
        </message>
        <message>
            <source>Il voucher non è attivo: non si possono registrare acquisti.</source>
            <translation>Il voucher non è attivo: non si possono registrare acquisti.</translation>
        </message>
        <message>
            <source>Il voucher è scaduto: non si possono registrare acquisti.</source>
            <translation>Il voucher è scaduto: non si possono registrare acquisti.</translation>
        </message>
        <message>
            <source>Il voucher è sospeso: non si possono registrare acquisti.</source>
            <translation>Il voucher è sospeso: non si possono registrare acquisti.</translation>
        </message>
        <message>
            <source>Il voucher è esaurito: non c'è più importo disponibile.</source>
            <translation>Il voucher è esaurito: non c'è più importo disponibile.</translation>
        </message>
        <message>
            <source>Il voucher non è ancora attivo: controlla la data di attivazione.</source>
            <translation>Il voucher non è ancora attivo: controlla la data di attivazione.</translation>
        </message>
        <message>
            <source>Si possono annullare solo acquisti confermati.</source>
            <translation>Si possono annullare solo acquisti confermati.</translation>
        </message>
        <message>
            <source>Si possono annullare solo acquisti.</source>
            <translation>Si possono annullare solo acquisti.</translation>
        </message>
        <message>
            <source>Errore del server: riprova tra poco.</source>
            <translation>Errore del server: riprova tra poco.</translation>
        </message>
        <message>
            <source>Servizio momentaneamente occupato: riprova tra qualche secondo.</source>
            <translation>Servizio momentaneamente occupato: riprova tra qualche secondo.</translation>
        </message>
        <message>
            <source>Operazione non consentita per il tuo utente.</source>
            <translation>Operazione non consentita per il tuo utente.</translation>
        </message>
        <message>
            <source>Elemento non trovato.</source>
            <translation>Elemento non trovato.</translation>
        </message>
        <message>
            <source>Operazione in conflitto con lo stato attuale: aggiorna e riprova.</source>
            <translation>Operazione in conflitto con lo stato attuale: aggiorna e riprova.</translation>
        </message>
        <message>
            <source>File troppo grande.</source>
            <translation>File troppo grande.</translation>
        </message>
        <message>
            <source>Operazione rifiutata dal server.</source>
            <translation>Operazione rifiutata dal server.</translation>
        </message>
        <message>
            <source>Troppe richieste: attendi qualche secondo.</source>
            <translation>Troppe richieste: attendi qualche secondo.</translation>
        </message>
        <message>
            <source>Servizio momentaneamente non disponibile: riprova tra poco.</source>
            <translation>Servizio momentaneamente non disponibile: riprova tra poco.</translation>
        </message>
        <message>
            <source>Risposta inattesa del server (HTTP %1).</source>
            <translation>Risposta inattesa del server (HTTP %1).</translation>
        </message>
        <message>
            <source>Codice fiscale non valido: controlla i caratteri inseriti.</source>
            <translation>Codice fiscale non valido: controlla i caratteri inseriti.</translation>
        </message>
        <message>
            <source>Importo non valido: scrivi l'importo in euro, es. 12,50.</source>
            <translation>Importo non valido: scrivi l'importo in euro, es. 12,50.</translation>
        </message>
        <message>
            <source>Il server non risponde: controlla la connessione e riprova.</source>
            <translation>Il server non risponde: controlla la connessione e riprova.</translation>
        </message>
        <message>
            <source>il certificato del server è scaduto</source>
            <translation>il certificato del server è scaduto</translation>
        </message>
        <message>
            <source>il certificato non appartiene a questo server</source>
            <translation>il certificato non appartiene a questo server</translation>
        </message>
        <message>
            <source>il certificato del server non è attendibile</source>
            <translation>il certificato del server non è attendibile</translation>
        </message>
        <message>
            <source>Connessione non sicura rifiutata: %1. Nessun dato è stato inviato; contatta l'assistenza.</source>
            <translation>Connessione non sicura rifiutata: %1. Nessun dato è stato inviato; contatta l'assistenza.</translation>
        </message>
        <message>
            <source>Server non raggiungibile: controlla la connessione di rete e riprova.</source>
            <translation>Server non raggiungibile: controlla la connessione di rete e riprova.</translation>
        </message>
        <message>
            <source>Errore di comunicazione con il server: riprova.</source>
            <translation>Errore di comunicazione con il server: riprova.</translation>
        </message>
        <message>
            <source>Accesso scaduto o non più valido: accedi di nuovo.</source>
            <translation>Accesso scaduto o non più valido: accedi di nuovo.</translation>
        </message>
        <message>
            <source>Il servizio di accesso ha rifiutato la richiesta: riprova o contatta l'assistenza.</source>
            <translation>Il servizio di accesso ha rifiutato la richiesta: riprova o contatta l'assistenza.</translation>
        </message>
        <message>
            <source>Non puoi disabilitare un altro titolare della struttura.</source>
            <translation>Non puoi disabilitare un altro titolare della struttura.</translation>
        </message>
        <message>
            <source>Invio non accettato dal servizio: riprova; se si ripete, contatta l'assistenza.</source>
            <translation>Invio non accettato dal servizio: riprova; se si ripete, contatta l'assistenza.</translation>
        </message>
        <message>
            <source>Il PDF dello scontrino contiene script o allegati: allega una foto dello scontrino.</source>
            <translation>Il PDF dello scontrino contiene script o allegati: allega una foto dello scontrino.</translation>
        </message>
        <message>
            <source>Il servizio non ha ricevuto la richiesta in tempo: riprova.</source>
            <translation>Il servizio non ha ricevuto la richiesta in tempo: riprova.</translation>
        </message>
        <message>
            <source>Troppe connessioni aperte da questo computer verso il servizio: riprova tra qualche secondo.</source>
            <translation>Troppe connessioni aperte da questo computer verso il servizio: riprova tra qualche secondo.</translation>
        </message>
        <message>
            <source>Il movimento non è più in attesa: è già confermato o annullato.</source>
            <translation>Il movimento non è più in attesa: è già confermato o annullato.</translation>
        </message>
        <message>
            <source>L'acquisto è stato annullato o è scaduto: il codice OTP non vale più.</source>
            <translation>L'acquisto è stato annullato o è scaduto: il codice OTP non vale più.</translation>
        </message>
        <message>
            <source>Si possono annullare solo acquisti in attesa di conferma.</source>
            <translation>Si possono annullare solo acquisti in attesa di conferma.</translation>
        </message>
        <message>
            <source>SMS con il codice non inviato: premi "Invia nuovamente".</source>
            <translation>SMS con il codice non inviato: premi "Invia nuovamente".</translation>
        </message>
        <message>
            <source>Troppe ricerche: riprova tra qualche minuto.</source>
            <translation>Troppe ricerche: riprova tra qualche minuto.</translation>
        </message>
        <message>
            <source>Solo il titolare può consultare il registro attività.</source>
            <translation>Solo il titolare può consultare il registro attività.</translation>
        </message>
    </context>
    <context>
        <name>sinfonia::AppSettings</name>
        <message>
            <source>Impostazione gestita dall'amministratore di sistema: non modificabile.</source>
            <translation>Impostazione gestita dall'amministratore di sistema: non modificabile.</translation>
        </message>
        <message>
            <source>Impostazioni utente non disponibili.</source>
            <translation>Impostazioni utente non disponibili.</translation>
        </message>
    </context>
    <context>
        <name>sinfonia::AppWiring</name>
        <message>
            <source>Configura lettore…</source>
            <translation>Configura lettore…</translation>
        </message>
    </context>
    <context>
        <name>sinfonia::AuditModel</name>
        <message>
            <source>Ricerca beneficiario</source>
            <translation>Ricerca beneficiario</translation>
        </message>
        <message>
            <source>Consultazione voucher</source>
            <translation>Consultazione voucher</translation>
        </message>
        <message>
            <source>Acquisto</source>
            <translation>Acquisto</translation>
        </message>
        <message>
            <source>Cancellazione</source>
            <translation>Cancellazione</translation>
        </message>
        <message>
            <source>Verifica OTP</source>
            <translation>Verifica OTP</translation>
        </message>
        <message>
            <source>Annullamento acquisto in attesa</source>
            <translation>Annullamento acquisto in attesa</translation>
        </message>
        <message>
            <source>Download scontrino</source>
            <translation>Download scontrino</translation>
        </message>
        <message>
            <source>Eseguita</source>
            <translation>Eseguita</translation>
        </message>
        <message>
            <source>Rifiutata: troppe ricerche</source>
            <translation>Rifiutata: troppe ricerche</translation>
        </message>
        <message>
            <source>Non trovato</source>
            <translation>Non trovato</translation>
        </message>
        <message>
            <source>Codice OTP errato</source>
            <translation>Codice OTP errato</translation>
        </message>
        <message>
            <source>Rifiutata (%1)</source>
            <translation>Rifiutata (%1)</translation>
        </message>
        <message>
            <source>%1 (N° %2)</source>
            <translation>%1 (N° %2)</translation>
        </message>
        <message>
            <source>Data e ora</source>
            <translation>Data e ora</translation>
        </message>
        <message>
            <source>Operatore</source>
            <translation>Operatore</translation>
        </message>
        <message>
            <source>Azione</source>
            <translation>Azione</translation>
        </message>
        <message>
            <source>Voucher</source>
            <translation>Voucher</translation>
        </message>
        <message>
            <source>Esito</source>
            <translation>Esito</translation>
        </message>
    </context>
    <context>
        <name>sinfonia::CameraFrameSource</name>
        <message>
            <source>La webcam scelta nelle impostazioni non è collegata: scegline un'altra</source>
            <translation>La webcam scelta nelle impostazioni non è collegata: scegline un'altra</translation>
        </message>
        <message>
            <source>La webcam non si apre: forse è usata da un altro programma. Chiudilo e riprova</source>
            <translation>La webcam non si apre: forse è usata da un altro programma. Chiudilo e riprova</translation>
        </message>
        <message>
            <source>La webcam non risponde: forse è usata da un altro programma o è stata scollegata</source>
            <translation>La webcam non risponde: forse è usata da un altro programma o è stata scollegata</translation>
        </message>
        <message>
            <source>Nessuna webcam trovata: collegala e riprova</source>
            <translation>Nessuna webcam trovata: collegala e riprova</translation>
        </message>
    </context>
    <context>
        <name>sinfonia::CancellationPage</name>
        <message>
            <source>Cancellazione movimento</source>
            <translation>Cancellazione movimento</translation>
        </message>
        <message>
            <source>Dati cancellazione</source>
            <translation>Dati cancellazione</translation>
        </message>
        <message>
            <source>Data di cancellazione</source>
            <translation>Data di cancellazione</translation>
        </message>
        <message>
            <source>Importo dell'acquisto</source>
            <translation>Importo dell'acquisto</translation>
        </message>
        <message>
            <source>Importo da revocare in euro</source>
            <translation>Importo da revocare in euro</translation>
        </message>
        <message>
            <source>Importo da revocare €</source>
            <translation>Importo da revocare €</translation>
        </message>
        <message>
            <source>N.B. Un acquisto si può cancellare solo nello stesso giorno (entro le 23:59).</source>
            <translation>N.B. Un acquisto si può cancellare solo nello stesso giorno (entro le 23:59).</translation>
        </message>
        <message>
            <source>Salva la cancellazione e invia OTP</source>
            <translation>Salva la cancellazione e invia OTP</translation>
        </message>
        <message>
            <source>Valore Importo consentito: %1</source>
            <translation>Valore Importo consentito: %1</translation>
        </message>
        <message>
            <source>Invio della cancellazione in corso...</source>
            <translation>Invio della cancellazione in corso...</translation>
        </message>
        <message>
            <source>&amp;SALVA E INVIA OTP</source>
            <translation>&amp;SALVA E INVIA OTP</translation>
        </message>
        <message>
            <source>Salva e invia OTP (Invio o Alt+S)</source>
            <translation>Salva e invia OTP (Invio o Alt+S)</translation>
        </message>
    </context>
    <context>
        <name>sinfonia::CodiceFiscale</name>
        <message>
            <source>Mese di nascita non valido (9º carattere): usa una lettera tra A B C D E H L M P R S T</source>
            <translation>Mese di nascita non valido (9º carattere): usa una lettera tra A B C D E H L M P R S T</translation>
        </message>
        <message>
            <source>Giorno di nascita non valido (10º e 11º carattere): da 01 a 31, per le donne da 41 a 71</source>
            <translation>Giorno di nascita non valido (10º e 11º carattere): da 01 a 31, per le donne da 41 a 71</translation>
        </message>
        <message>
            <source>Codice fiscale numerico troppo corto: %1 cifre su 11</source>
            <translation>Codice fiscale numerico troppo corto: %1 cifre su 11</translation>
        </message>
        <message>
            <source>Codice fiscale troppo corto: %1 caratteri su 16</source>
            <translation>Codice fiscale troppo corto: %1 caratteri su 16</translation>
        </message>
        <message>
            <source>Codice fiscale troppo lungo: %1 caratteri su 16</source>
            <translation>Codice fiscale troppo lungo: %1 caratteri su 16</translation>
        </message>
        <message>
            <source>Codice fiscale numerico non valido: controlla l'11ª cifra</source>
            <translation>Codice fiscale numerico non valido: controlla l'11ª cifra</translation>
        </message>
        <message>
            <source>Inserisci il codice fiscale</source>
            <translation>Inserisci il codice fiscale</translation>
        </message>
        <message>
            <source>Data di nascita inesistente (%1/%2): controlla i caratteri dal 7º all'11º</source>
            <translation>Data di nascita inesistente (%1/%2): controlla i caratteri dal 7º all'11º</translation>
        </message>
        <message>
            <source>Codice fiscale non valido: controlla il 16º carattere</source>
            <translation>Codice fiscale non valido: controlla il 16º carattere</translation>
        </message>
        <message>
            <source>Il codice fiscale numerico ha 11 cifre: ne hai scritte %1</source>
            <translation>Il codice fiscale numerico ha 11 cifre: ne hai scritte %1</translation>
        </message>
        <message>
            <source>Codice fiscale non valido: in %1ª posizione va una cifra</source>
            <translation>Codice fiscale non valido: in %1ª posizione va una cifra</translation>
        </message>
        <message>
            <source>Codice fiscale non valido: in %1ª posizione va una lettera</source>
            <translation>Codice fiscale non valido: in %1ª posizione va una lettera</translation>
        </message>
    </context>
    <context>
        <name>sinfonia::CounterFlow</name>
        <message>
            <source>Accesso annullato. Premi di nuovo "Accedi" per riprovare.</source>
            <translation>Accesso annullato. Premi di nuovo "Accedi" per riprovare.</translation>
        </message>
        <message>
            <source>Completa l'accesso SPID nel browser, poi torna qui.</source>
            <translation>Completa l'accesso SPID nel browser, poi torna qui.</translation>
        </message>
        <message>
            <source>Accesso in corso...</source>
            <translation>Accesso in corso...</translation>
        </message>
        <message>
            <source>Sessione scaduta: accedi di nuovo. L'acquisto in corso è stato conservato.</source>
            <translation>Sessione scaduta: accedi di nuovo. L'acquisto in corso è stato conservato.</translation>
        </message>
        <message>
            <source>Imposta PIN di sblocco…</source>
            <translation>Imposta PIN di sblocco…</translation>
        </message>
        <message>
            <source>Sblocca la postazione con un PIN finché l'accesso SPID è valido</source>
            <translation>Sblocca la postazione con un PIN finché l'accesso SPID è valido</translation>
        </message>
        <message>
            <source>Postazione bloccata</source>
            <translation>Postazione bloccata</translation>
        </message>
        <message>
            <source>Postazione sbloccata</source>
            <translation>Postazione sbloccata</translation>
        </message>
        <message>
            <source>Accesso SPID scaduto: sblocca con SPID.</source>
            <translation>Accesso SPID scaduto: sblocca con SPID.</translation>
        </message>
    </context>
    <context>
        <name>sinfonia::DaySummaryPage</name>
        <message>
            <source>Riepilogo di fine giornata</source>
            <translation>Riepilogo di fine giornata</translation>
        </message>
        <message>
            <source>PROVA: il riepilogo stampato ed esportato è marcato come dati di prova</source>
            <translation>PROVA: il riepilogo stampato ed esportato è marcato come dati di prova</translation>
        </message>
        <message>
            <source>Aggiorna riepilogo</source>
            <translation>Aggiorna riepilogo</translation>
        </message>
        <message>
            <source>Scarica dal server i movimenti di oggi (F5)</source>
            <translation>Scarica dal server i movimenti di oggi (F5)</translation>
        </message>
        <message>
            <source>Stampa riepilogo</source>
            <translation>Stampa riepilogo</translation>
        </message>
        <message>
            <source>Anteprima di stampa del riepilogo (Ctrl+P)</source>
            <translation>Anteprima di stampa del riepilogo (Ctrl+P)</translation>
        </message>
        <message>
            <source>Esporta PDF</source>
            <translation>Esporta PDF</translation>
        </message>
        <message>
            <source>Esporta il riepilogo in PDF</source>
            <translation>Esporta il riepilogo in PDF</translation>
        </message>
        <message>
            <source>Esito dell'aggiornamento</source>
            <translation>Esito dell'aggiornamento</translation>
        </message>
        <message>
            <source>Aggiornamento dei dati</source>
            <translation>Aggiornamento dei dati</translation>
        </message>
        <message>
            <source>Acquisti confermati</source>
            <translation>Acquisti confermati</translation>
        </message>
        <message>
            <source>Cancellazioni confermate</source>
            <translation>Cancellazioni confermate</translation>
        </message>
        <message>
            <source>Netto della giornata</source>
            <translation>Netto della giornata</translation>
        </message>
        <message>
            <source>In attesa di autorizzazione</source>
            <translation>In attesa di autorizzazione</translation>
        </message>
        <message>
            <source>Movimenti della giornata</source>
            <translation>Movimenti della giornata</translation>
        </message>
        <message>
            <source>Movimenti in attesa</source>
            <translation>Movimenti in attesa</translation>
        </message>
        <message>
            <source>Acquisti ancora cancellabili oggi</source>
            <translation>Acquisti ancora cancellabili oggi</translation>
        </message>
        <message>
            <source>Totali per operatore</source>
            <translation>Totali per operatore</translation>
        </message>
        <message>
            <source>Autorizza pagamento</source>
            <translation>Autorizza pagamento</translation>
        </message>
        <message>
            <source>Autorizza pagamento del movimento selezionato</source>
            <translation>Autorizza pagamento del movimento selezionato</translation>
        </message>
        <message>
            <source>Chiede al beneficiario il codice OTP del movimento selezionato</source>
            <translation>Chiede al beneficiario il codice OTP del movimento selezionato</translation>
        </message>
        <message>
            <source>Dettaglio del riepilogo</source>
            <translation>Dettaglio del riepilogo</translation>
        </message>
        <message>
            <source>Movimenti</source>
            <translation>Movimenti</translation>
        </message>
        <message>
            <source>In attesa</source>
            <translation>In attesa</translation>
        </message>
        <message>
            <source>Ancora cancellabili</source>
            <translation>Ancora cancellabili</translation>
        </message>
        <message>
            <source>Per operatore</source>
            <translation>Per operatore</translation>
        </message>
        <message>
            <source>Riepilogo di fine giornata – %1</source>
            <translation>Riepilogo di fine giornata – %1</translation>
        </message>
        <message>
            <source>Seleziona prima la struttura.</source>
            <translation>Seleziona prima la struttura.</translation>
        </message>
        <message>
            <source>Aggiornamento dei movimenti di oggi dal server…</source>
            <translation>Aggiornamento dei movimenti di oggi dal server…</translation>
        </message>
        <message>
            <source>Dati aggiornati al %1</source>
            <translation>Dati aggiornati al %1</translation>
        </message>
        <message>
            <source>Dati mai scaricati su questo computer</source>
            <translation>Dati mai scaricati su questo computer</translation>
        </message>
        <message>
            <source>Nessun movimento oggi.</source>
            <translation>Nessun movimento oggi.</translation>
        </message>
        <message>
            <source>Movimenti di oggi: %1</source>
            <translation>Movimenti di oggi: %1</translation>
        </message>
        <message>
            <source>Server non raggiungibile: è mostrato il riepilogo salvato su questo computer. %1</source>
            <translation>Server non raggiungibile: è mostrato il riepilogo salvato su questo computer. %1</translation>
        </message>
        <message>
            <source>%1 (numero: %2)</source>
            <translation>%1 (numero: %2)</translation>
        </message>
        <message>
            <source>In attesa (%1)</source>
            <translation>In attesa (%1)</translation>
        </message>
        <message>
            <source>Ancora cancellabili (%1)</source>
            <translation>Ancora cancellabili (%1)</translation>
        </message>
        <message>
            <source>Aggiornamento in corso…</source>
            <translation>Aggiornamento in corso…</translation>
        </message>
        <message>
            <source>Riepilogo salvato in %1.</source>
            <translation>Riepilogo salvato in %1.</translation>
        </message>
        <message>
            <source>Riepilogo non salvato.</source>
            <translation>Riepilogo non salvato.</translation>
        </message>
        <message>
            <source>Documento PDF (*.pdf)</source>
            <translation>Documento PDF (*.pdf)</translation>
        </message>
        <message>
            <source>Stampa riepilogo di fine giornata</source>
            <translation>Stampa riepilogo di fine giornata</translation>
        </message>
        <message>
            <source>Riepilogo inviato alla stampante.</source>
            <translation>Riepilogo inviato alla stampante.</translation>
        </message>
        <message>
            <source>Stampa del riepilogo non riuscita: controlla la stampante.</source>
            <translation>Stampa del riepilogo non riuscita: controlla la stampante.</translation>
        </message>
        <message>
            <source>Annulla acquisto in attesa</source>
            <translation>Annulla acquisto in attesa</translation>
        </message>
        <message>
            <source>Annulla l'acquisto in attesa selezionato</source>
            <translation>Annulla l'acquisto in attesa selezionato</translation>
        </message>
        <message>
            <source>Annulla l'acquisto selezionato, in attesa di conferma: l'importo torna disponibile</source>
            <translation>Annulla l'acquisto selezionato, in attesa di conferma: l'importo torna disponibile</translation>
        </message>
    </context>
    <context>
        <name>sinfonia::DaySummaryReport</name>
        <message>
            <source>Nessuno.</source>
            <translation>Nessuno.</translation>
        </message>
        <message>
            <source>PROVA — nessun voucher reale</source>
            <translation>PROVA — nessun voucher reale</translation>
        </message>
        <message>
            <source>Riepilogo di fine giornata</source>
            <translation>Riepilogo di fine giornata</translation>
        </message>
        <message>
            <source>Giornata del %1</source>
            <translation>Giornata del %1</translation>
        </message>
        <message>
            <source>Dati aggiornati al %1</source>
            <translation>Dati aggiornati al %1</translation>
        </message>
        <message>
            <source>Dati mai scaricati su questo computer</source>
            <translation>Dati mai scaricati su questo computer</translation>
        </message>
        <message>
            <source>Acquisti confermati (%1)</source>
            <translation>Acquisti confermati (%1)</translation>
        </message>
        <message>
            <source>Cancellazioni confermate (%1)</source>
            <translation>Cancellazioni confermate (%1)</translation>
        </message>
        <message>
            <source>Netto</source>
            <translation>Netto</translation>
        </message>
        <message>
            <source>In attesa di autorizzazione (%1)</source>
            <translation>In attesa di autorizzazione (%1)</translation>
        </message>
        <message>
            <source>Movimenti della giornata</source>
            <translation>Movimenti della giornata</translation>
        </message>
        <message>
            <source>In attesa di autorizzazione</source>
            <translation>In attesa di autorizzazione</translation>
        </message>
        <message>
            <source>Ancora cancellabili oggi</source>
            <translation>Ancora cancellabili oggi</translation>
        </message>
        <message>
            <source>Per operatore</source>
            <translation>Per operatore</translation>
        </message>
    </context>
    <context>
        <name>sinfonia::DecodeImageCli</name>
        <message>
            <source>immagine illeggibile</source>
            <translation>immagine illeggibile</translation>
        </message>
        <message>
            <source>nessun codice trovato</source>
            <translation>nessun codice trovato</translation>
        </message>
        <message>
            <source>codice fiscale</source>
            <translation>codice fiscale</translation>
        </message>
        <message>
            <source>codice prodotto</source>
            <translation>codice prodotto</translation>
        </message>
        <message>
            <source>codice non riconosciuto</source>
            <translation>codice non riconosciuto</translation>
        </message>
        <message>
            <source>letti</source>
            <translation>letti</translation>
        </message>
    </context>
    <context>
        <name>sinfonia::EmployeesModel</name>
        <message>
            <source>Titolare</source>
            <translation>Titolare</translation>
        </message>
        <message>
            <source>Dipendente</source>
            <translation>Dipendente</translation>
        </message>
        <message>
            <source>nessuno</source>
            <translation>nessuno</translation>
        </message>
        <message>
            <source>Abilitato</source>
            <translation>Abilitato</translation>
        </message>
        <message>
            <source>Disabilitato</source>
            <translation>Disabilitato</translation>
        </message>
        <message>
            <source>Codice fiscale</source>
            <translation>Codice fiscale</translation>
        </message>
        <message>
            <source>Nome</source>
            <translation>Nome</translation>
        </message>
        <message>
            <source>Cognome</source>
            <translation>Cognome</translation>
        </message>
        <message>
            <source>Ruolo</source>
            <translation>Ruolo</translation>
        </message>
        <message>
            <source>Servizi</source>
            <translation>Servizi</translation>
        </message>
        <message>
            <source>Stato</source>
            <translation>Stato</translation>
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
            <translation>SINFONIA Servizi Territoriali: torna alla Homepage</translation>
        </message>
        <message>
            <source>Logo SINFONIA Servizi Territoriali, torna alla Homepage</source>
            <translation>Logo SINFONIA Servizi Territoriali, torna alla Homepage</translation>
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
            <translation>&lt;a href="https://sinfonia-serviziterritoriali.soresa.it/privacy"&gt;Privacy Policy&lt;/a&gt; | &lt;a href="https://sinfonia-serviziterritoriali.soresa.it/supporto"&gt;Supporto Tecnico&lt;/a&gt;</translation>
        </message>
        <message>
            <source>Privacy Policy | Supporto Tecnico</source>
            <translation>Privacy Policy | Supporto Tecnico</translation>
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
            <translation>Gestione struttura</translation>
        </message>
        <message>
            <source>Adesione ai servizi e gestione delle abilitazioni.</source>
            <translation>Adesione ai servizi e gestione delle abilitazioni.</translation>
        </message>
        <message>
            <source>Voucher secondogeniti</source>
            <translation>Voucher secondogeniti</translation>
        </message>
        <message>
            <source>Gestione in favore delle famiglie, per nascite di figli successivi al primo.</source>
            <translation>Gestione in favore delle famiglie, per nascite di figli successivi al primo.</translation>
        </message>
        <message>
            <source>Ricerca beneficiario (F2)</source>
            <translation>Ricerca beneficiario (F2)</translation>
        </message>
    </context>
    <context>
        <name>sinfonia::KeyboardLayouts</name>
        <message>
            <source>Inglese Stati Uniti (US)</source>
            <translation>Inglese Stati Uniti (US)</translation>
        </message>
        <message>
            <source>Inglese Regno Unito (UK)</source>
            <translation>Inglese Regno Unito (UK)</translation>
        </message>
        <message>
            <source>Italiano (IT)</source>
            <translation>Italiano (IT)</translation>
        </message>
        <message>
            <source>Tedesco (DE, QWERTZ)</source>
            <translation>Tedesco (DE, QWERTZ)</translation>
        </message>
        <message>
            <source>Francese (FR, AZERTY)</source>
            <translation>Francese (FR, AZERTY)</translation>
        </message>
    </context>
    <context>
        <name>sinfonia::LockPage</name>
        <message>
            <source>Postazione bloccata</source>
            <translation>Postazione bloccata</translation>
        </message>
        <message>
            <source>Sblocca</source>
            <translation>Sblocca</translation>
        </message>
        <message>
            <source>Sblocca la postazione</source>
            <translation>Sblocca la postazione</translation>
        </message>
        <message>
            <source>Sblocca: chiede di nuovo l'accesso dello stesso operatore (Invio)</source>
            <translation>Sblocca: chiede di nuovo l'accesso dello stesso operatore (Invio)</translation>
        </message>
        <message>
            <source>Cambia operatore</source>
            <translation>Cambia operatore</translation>
        </message>
        <message>
            <source>Bloccata da %1. I dati dei beneficiari sono nascosti.</source>
            <translation>Bloccata da %1. I dati dei beneficiari sono nascosti.</translation>
        </message>
        <message>
            <source>PIN di sblocco</source>
            <translation>PIN di sblocco</translation>
        </message>
        <message>
            <source>Sblocca con PIN</source>
            <translation>Sblocca con PIN</translation>
        </message>
        <message>
            <source>Sblocca con SPID</source>
            <translation>Sblocca con SPID</translation>
        </message>
    </context>
    <context>
        <name>sinfonia::LoginFlow</name>
        <message>
            <source>Tempo per l'accesso scaduto: premi di nuovo "Accedi" per riprovare.</source>
            <translation>Tempo per l'accesso scaduto: premi di nuovo "Accedi" per riprovare.</translation>
        </message>
        <message>
            <source>Accesso annullato.</source>
            <translation>Accesso annullato.</translation>
        </message>
        <message>
            <source>Accesso di prova non disponibile su questo server.</source>
            <translation>Accesso di prova non disponibile su questo server.</translation>
        </message>
        <message>
            <source>Impossibile aprire il browser per l'accesso: verifica che ne sia installato uno.</source>
            <translation>Impossibile aprire il browser per l'accesso: verifica che ne sia installato uno.</translation>
        </message>
        <message>
            <source>Accesso di prova non riuscito: riprova.</source>
            <translation>Accesso di prova non riuscito: riprova.</translation>
        </message>
        <message>
            <source>Risposta di accesso non valida: riprova ad accedere.</source>
            <translation>Risposta di accesso non valida: riprova ad accedere.</translation>
        </message>
        <message>
            <source>Accesso non riuscito: riprova.</source>
            <translation>Accesso non riuscito: riprova.</translation>
        </message>
        <message>
            <source>Impossibile avviare l'accesso su questo computer: riprova.</source>
            <translation>Impossibile avviare l'accesso su questo computer: riprova.</translation>
        </message>
        <message>
            <source>&lt;!doctype html&gt;&lt;html lang="it"&gt;&lt;head&gt;&lt;meta charset="utf-8"&gt;&lt;title&gt;SINFONIA Banco&lt;/title&gt;&lt;/head&gt;&lt;body&gt;&lt;h1&gt;Accesso ricevuto&lt;/h1&gt;&lt;p&gt;Puoi chiudere questa pagina e tornare a SINFONIA Banco.&lt;/p&gt;&lt;/body&gt;&lt;/html&gt;</source>
            <translation>&lt;!doctype html&gt;&lt;html lang="it"&gt;&lt;head&gt;&lt;meta charset="utf-8"&gt;&lt;title&gt;SINFONIA Banco&lt;/title&gt;&lt;/head&gt;&lt;body&gt;&lt;h1&gt;Accesso ricevuto&lt;/h1&gt;&lt;p&gt;Puoi chiudere questa pagina e tornare a SINFONIA Banco.&lt;/p&gt;&lt;/body&gt;&lt;/html&gt;</translation>
        </message>
        <message>
            <source>Il tuo codice fiscale non è abilitato a SINFONIA Banco, oppure la tua utenza è disabilitata. Rivolgiti al titolare della struttura o all'assistenza.</source>
            <translation>Il tuo codice fiscale non è abilitato a SINFONIA Banco, oppure la tua utenza è disabilitata. Rivolgiti al titolare della struttura o all'assistenza.</translation>
        </message>
        <message>
            <source>Il servizio di identità non ha confermato la tua identità (livello SPID 2 e codice fiscale). Riprova; se si ripete, rivolgiti all'assistenza.</source>
            <translation>Il servizio di identità non ha confermato la tua identità (livello SPID 2 e codice fiscale). Riprova; se si ripete, rivolgiti all'assistenza.</translation>
        </message>
        <message>
            <source>Il servizio di identità non risponde: riprova tra qualche minuto.</source>
            <translation>Il servizio di identità non risponde: riprova tra qualche minuto.</translation>
        </message>
        <message>
            <source>Accesso annullato o non consentito dal servizio di identità: riprova.</source>
            <translation>Accesso annullato o non consentito dal servizio di identità: riprova.</translation>
        </message>
        <message>
            <source>&lt;!doctype html&gt;&lt;html lang="it"&gt;&lt;head&gt;&lt;meta charset="utf-8"&gt;&lt;title&gt;SINFONIA Banco&lt;/title&gt;&lt;/head&gt;&lt;body&gt;&lt;h1&gt;Accesso non riuscito&lt;/h1&gt;&lt;p&gt;SINFONIA Banco mostra il motivo. Puoi chiudere questa pagina.&lt;/p&gt;&lt;/body&gt;&lt;/html&gt;</source>
            <translation>&lt;!doctype html&gt;&lt;html lang="it"&gt;&lt;head&gt;&lt;meta charset="utf-8"&gt;&lt;title&gt;SINFONIA Banco&lt;/title&gt;&lt;/head&gt;&lt;body&gt;&lt;h1&gt;Accesso non riuscito&lt;/h1&gt;&lt;p&gt;SINFONIA Banco mostra il motivo. Puoi chiudere questa pagina.&lt;/p&gt;&lt;/body&gt;&lt;/html&gt;</translation>
        </message>
    </context>
    <context>
        <name>sinfonia::LoginPage</name>
        <message>
            <source>Accesso Riservato</source>
            <translation>Accesso Riservato</translation>
        </message>
        <message>
            <source>SINFONIA Servizi Territoriali è la piattaforma che consente l'erogazione di servizi territoriali per gli assistiti della Regione Campania.</source>
            <translation>SINFONIA Servizi Territoriali è la piattaforma che consente l'erogazione di servizi territoriali per gli assistiti della Regione Campania.</translation>
        </message>
        <message>
            <source>Accedi all'area riservata (SPID)</source>
            <translation>Accedi all'area riservata (SPID)</translation>
        </message>
        <message>
            <source>Accedi all'area riservata con SPID</source>
            <translation>Accedi all'area riservata con SPID</translation>
        </message>
        <message>
            <source>Apre il browser per l'autenticazione SPID</source>
            <translation>Apre il browser per l'autenticazione SPID</translation>
        </message>
        <message>
            <source>Accesso di prova (ambiente di prova)</source>
            <translation>Accesso di prova (ambiente di prova)</translation>
        </message>
        <message>
            <source>Scegli un'identità di prova e premi Invio.</source>
            <translation>Scegli un'identità di prova e premi Invio.</translation>
        </message>
        <message>
            <source>Identità di prova</source>
            <translation>Identità di prova</translation>
        </message>
        <message>
            <source>Entra con l'identità di prova</source>
            <translation>Entra con l'identità di prova</translation>
        </message>
        <message>
            <source>Entra con l'identità di prova selezionata</source>
            <translation>Entra con l'identità di prova selezionata</translation>
        </message>
        <message>
            <source>Stato dell'accesso</source>
            <translation>Stato dell'accesso</translation>
        </message>
        <message>
            <source>Annulla</source>
            <translation>Annulla</translation>
        </message>
        <message>
            <source>Annulla l'accesso in corso</source>
            <translation>Annulla l'accesso in corso</translation>
        </message>
        <message>
            <source>Unione Europea | POR CAMPANIA FESR 2014-2020 | SORESA Servizi Regionali per la Sanità S.p.A. | SINFONIA</source>
            <translation>Unione Europea | POR CAMPANIA FESR 2014-2020 | SORESA Servizi Regionali per la Sanità S.p.A. | SINFONIA</translation>
        </message>
        <message>
            <source>titolare</source>
            <translation>titolare</translation>
        </message>
        <message>
            <source>dipendente</source>
            <translation>dipendente</translation>
        </message>
        <message>
            <source>nessuna struttura</source>
            <translation>nessuna struttura</translation>
        </message>
    </context>
    <context>
        <name>sinfonia::MainWindow</name>
        <message>
            <source>SINFONIA Banco - Voucher secondogeniti</source>
            <translation>SINFONIA Banco - Voucher secondogeniti</translation>
        </message>
        <message>
            <source>&amp;Operazioni</source>
            <translation>&amp;Operazioni</translation>
        </message>
        <message>
            <source>Cerca beneficiario</source>
            <translation>Cerca beneficiario</translation>
        </message>
        <message>
            <source>Nuovo acquisto</source>
            <translation>Nuovo acquisto</translation>
        </message>
        <message>
            <source>Aggiorna</source>
            <translation>Aggiorna</translation>
        </message>
        <message>
            <source>Indietro</source>
            <translation>Indietro</translation>
        </message>
        <message>
            <source>Blocca</source>
            <translation>Blocca</translation>
        </message>
        <message>
            <source>Cambia operatore</source>
            <translation>Cambia operatore</translation>
        </message>
        <message>
            <source>Home</source>
            <translation>Home</translation>
        </message>
        <message>
            <source>AMBIENTE DI PROVA — nessun voucher reale</source>
            <translation>AMBIENTE DI PROVA — nessun voucher reale</translation>
        </message>
        <message>
            <source>Ambiente di prova: nessun voucher reale</source>
            <translation>Ambiente di prova: nessun voucher reale</translation>
        </message>
        <message>
            <source>PROVA</source>
            <translation>PROVA</translation>
        </message>
        <message>
            <source>Stato della postazione</source>
            <translation>Stato della postazione</translation>
        </message>
    </context>
    <context>
        <name>sinfonia::Money</name>
        <message>
            <source>Importo troppo alto: controlla le cifre inserite</source>
            <translation>Importo troppo alto: controlla le cifre inserite</translation>
        </message>
        <message>
            <source>Importo non valido: scrivi solo cifre e la virgola, es. 12,50</source>
            <translation>Importo non valido: scrivi solo cifre e la virgola, es. 12,50</translation>
        </message>
        <message>
            <source>Inserisci l'importo, es. 12,50</source>
            <translation>Inserisci l'importo, es. 12,50</translation>
        </message>
        <message>
            <source>L'importo non può essere negativo</source>
            <translation>L'importo non può essere negativo</translation>
        </message>
        <message>
            <source>Al massimo 2 decimali: scrivi i centesimi, es. 12,50</source>
            <translation>Al massimo 2 decimali: scrivi i centesimi, es. 12,50</translation>
        </message>
    </context>
    <context>
        <name>sinfonia::MotherSlip</name>
        <message>
            <source>Rotolo 80 mm</source>
            <translation>Rotolo 80 mm</translation>
        </message>
        <message>
            <source>Rotolo 58 mm</source>
            <translation>Rotolo 58 mm</translation>
        </message>
        <message>
            <source>Cancellazione confermata</source>
            <translation>Cancellazione confermata</translation>
        </message>
        <message>
            <source>Acquisto confermato</source>
            <translation>Acquisto confermato</translation>
        </message>
        <message>
            <source>PROVA — nessun voucher reale</source>
            <translation>PROVA — nessun voucher reale</translation>
        </message>
        <message>
            <source>Voucher secondogeniti</source>
            <translation>Voucher secondogeniti</translation>
        </message>
        <message>
            <source>Regione Campania</source>
            <translation>Regione Campania</translation>
        </message>
        <message>
            <source>PROMEMORIA PER IL BENEFICIARIO</source>
            <translation>PROMEMORIA PER IL BENEFICIARIO</translation>
        </message>
        <message>
            <source>Struttura</source>
            <translation>Struttura</translation>
        </message>
        <message>
            <source>Data e ora</source>
            <translation>Data e ora</translation>
        </message>
        <message>
            <source>Operazione</source>
            <translation>Operazione</translation>
        </message>
        <message>
            <source>Importo restituito</source>
            <translation>Importo restituito</translation>
        </message>
        <message>
            <source>Importo</source>
            <translation>Importo</translation>
        </message>
        <message>
            <source>Saldo residuo</source>
            <translation>Saldo residuo</translation>
        </message>
        <message>
            <source>N. voucher</source>
            <translation>N. voucher</translation>
        </message>
        <message>
            <source>N. documento commerciale</source>
            <translation>N. documento commerciale</translation>
        </message>
        <message>
            <source>non indicato</source>
            <translation>non indicato</translation>
        </message>
        <message>
            <source>Conserva questo promemoria. Non è un documento fiscale.</source>
            <translation>Conserva questo promemoria. Non è un documento fiscale.</translation>
        </message>
        <message>
            <source>PROVA</source>
            <translation>PROVA</translation>
        </message>
        <message>
            <source>Promemoria voucher</source>
            <translation>Promemoria voucher</translation>
        </message>
    </context>
    <context>
        <name>sinfonia::MovementCache</name>
        <message>
            <source>Servizio non disponibile.</source>
            <translation>Servizio non disponibile.</translation>
        </message>
        <message>
            <source>Aggiornamento dei movimenti già in corso.</source>
            <translation>Aggiornamento dei movimenti già in corso.</translation>
        </message>
        <message>
            <source>Archivio locale dei movimenti non disponibile.</source>
            <translation>Archivio locale dei movimenti non disponibile.</translation>
        </message>
        <message>
            <source>Archivio locale dei movimenti danneggiato.</source>
            <translation>Archivio locale dei movimenti danneggiato.</translation>
        </message>
    </context>
    <context>
        <name>sinfonia::MovementExport</name>
        <message>
            <source>Data e ora</source>
            <translation>Data e ora</translation>
        </message>
        <message>
            <source>Codice identificativo</source>
            <translation>Codice identificativo</translation>
        </message>
        <message>
            <source>Importo</source>
            <translation>Importo</translation>
        </message>
        <message>
            <source>Tipo operazione</source>
            <translation>Tipo operazione</translation>
        </message>
        <message>
            <source>Stato</source>
            <translation>Stato</translation>
        </message>
        <message>
            <source>Elenco movimenti – %1 – dal %2 al %3</source>
            <translation>Elenco movimenti – %1 – dal %2 al %3</translation>
        </message>
        <message>
            <source>Esportazione annullata.</source>
            <translation>Esportazione annullata.</translation>
        </message>
        <message>
            <source>Impossibile salvare il file %1. Controlla la cartella scelta e lo spazio libero.</source>
            <translation>Impossibile salvare il file %1. Controlla la cartella scelta e lo spazio libero.</translation>
        </message>
        <message>
            <source>Formato di esportazione non supportato.</source>
            <translation>Formato di esportazione non supportato.</translation>
        </message>
        <message>
            <source>Ambiente</source>
            <translation>Ambiente</translation>
        </message>
        <message>
            <source>PROVA</source>
            <translation>PROVA</translation>
        </message>
        <message>
            <source>Troppi movimenti per un file Excel (al massimo %1 righe). Scegli un periodo più breve oppure il formato CSV.</source>
            <translation>Troppi movimenti per un file Excel (al massimo %1 righe). Scegli un periodo più breve oppure il formato CSV.</translation>
        </message>
    </context>
    <context>
        <name>sinfonia::MovementsExportBar</name>
        <message>
            <source>Esporta movimenti</source>
            <translation>Esporta movimenti</translation>
        </message>
        <message>
            <source>Esporta l'elenco mostrato (Ctrl+E)</source>
            <translation>Esporta l'elenco mostrato (Ctrl+E)</translation>
        </message>
        <message>
            <source>Formato di esportazione</source>
            <translation>Formato di esportazione</translation>
        </message>
        <message>
            <source>CSV per Excel (.csv)…</source>
            <translation>CSV per Excel (.csv)…</translation>
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
            <translation>Avanzamento dell'esportazione</translation>
        </message>
        <message>
            <source>Annulla</source>
            <translation>Annulla</translation>
        </message>
        <message>
            <source>Annulla l'esportazione</source>
            <translation>Annulla l'esportazione</translation>
        </message>
        <message>
            <source>Esito dell'esportazione</source>
            <translation>Esito dell'esportazione</translation>
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
            <translation>Nessun movimento da esportare: esegui prima una ricerca.</translation>
        </message>
        <message>
            <source>Esportazione in corso…</source>
            <translation>Esportazione in corso…</translation>
        </message>
        <message>
            <source>Movimenti esportati: %1, nel file %2.</source>
            <translation>Movimenti esportati: %1, nel file %2.</translation>
        </message>
        <message>
            <source>PROVA: i file esportati sono marcati come dati di prova</source>
            <translation>PROVA: i file esportati sono marcati come dati di prova</translation>
        </message>
    </context>
    <context>
        <name>sinfonia::MovementsFlow</name>
        <message>
            <source>Elenco movimenti</source>
            <translation>Elenco movimenti</translation>
        </message>
        <message>
            <source>Elenco movimenti della struttura (Ctrl+M)</source>
            <translation>Elenco movimenti della struttura (Ctrl+M)</translation>
        </message>
    </context>
    <context>
        <name>sinfonia::MovementsPage</name>
        <message>
            <source>Elenco movimenti</source>
            <translation>Elenco movimenti</translation>
        </message>
        <message>
            <source>Data dal</source>
            <translation>Data dal</translation>
        </message>
        <message>
            <source>Data al</source>
            <translation>Data al</translation>
        </message>
        <message>
            <source>Facoltativo</source>
            <translation>Facoltativo</translation>
        </message>
        <message>
            <source>Codice fiscale del beneficiario (facoltativo)</source>
            <translation>Codice fiscale del beneficiario (facoltativo)</translation>
        </message>
        <message>
            <source>Caratteri inseriti</source>
            <translation>Caratteri inseriti</translation>
        </message>
        <message>
            <source>Cerca movimenti</source>
            <translation>Cerca movimenti</translation>
        </message>
        <message>
            <source>Cerca i movimenti del periodo (F5)</source>
            <translation>Cerca i movimenti del periodo (F5)</translation>
        </message>
        <message>
            <source>Codice fiscale</source>
            <translation>Codice fiscale</translation>
        </message>
        <message>
            <source>Esito della ricerca</source>
            <translation>Esito della ricerca</translation>
        </message>
        <message>
            <source>Aggiornamento dei dati</source>
            <translation>Aggiornamento dei dati</translation>
        </message>
        <message>
            <source>Esporta movimenti</source>
            <translation>Esporta movimenti</translation>
        </message>
        <message>
            <source>Elenco movimenti – %1</source>
            <translation>Elenco movimenti – %1</translation>
        </message>
        <message>
            <source>Seleziona prima la struttura.</source>
            <translation>Seleziona prima la struttura.</translation>
        </message>
        <message>
            <source>Aggiornamento dei movimenti dal server…</source>
            <translation>Aggiornamento dei movimenti dal server…</translation>
        </message>
        <message>
            <source>Dati aggiornati al %1</source>
            <translation>Dati aggiornati al %1</translation>
        </message>
        <message>
            <source>Dati mai scaricati su questo computer</source>
            <translation>Dati mai scaricati su questo computer</translation>
        </message>
        <message>
            <source>Nessun movimento nel periodo scelto.</source>
            <translation>Nessun movimento nel periodo scelto.</translation>
        </message>
        <message>
            <source>Movimenti trovati: %1</source>
            <translation>Movimenti trovati: %1</translation>
        </message>
        <message>
            <source>Server non raggiungibile: sono mostrati i movimenti salvati su questo computer. %1</source>
            <translation>Server non raggiungibile: sono mostrati i movimenti salvati su questo computer. %1</translation>
        </message>
        <message>
            <source>Ricerca in corso…</source>
            <translation>Ricerca in corso…</translation>
        </message>
    </context>
    <context>
        <name>sinfonia::OperationJournal</name>
        <message>
            <source>Il registro delle operazioni è danneggiato: contatta l'assistenza prima di ripetere acquisti.</source>
            <translation>Il registro delle operazioni è danneggiato: contatta l'assistenza prima di ripetere acquisti.</translation>
        </message>
        <message>
            <source>Registro delle operazioni non disponibile.</source>
            <translation>Registro delle operazioni non disponibile.</translation>
        </message>
        <message>
            <source>Operazione non trovata nel registro.</source>
            <translation>Operazione non trovata nel registro.</translation>
        </message>
        <message>
            <source>Impossibile salvare il registro delle operazioni: controlla lo spazio su disco.</source>
            <translation>Impossibile salvare il registro delle operazioni: controlla lo spazio su disco.</translation>
        </message>
        <message>
            <source>Acquisto di %1</source>
            <translation>Acquisto di %1</translation>
        </message>
        <message>
            <source>Cancellazione di %1</source>
            <translation>Cancellazione di %1</translation>
        </message>
        <message>
            <source>%1 registrato</source>
            <translation>%1 registrato</translation>
        </message>
        <message>
            <source>%1 non registrato</source>
            <translation>%1 non registrato</translation>
        </message>
        <message>
            <source>%1 in verifica con il server</source>
            <translation>%1 in verifica con il server</translation>
        </message>
        <message>
            <source>Operazione già conclusa nel registro.</source>
            <translation>Operazione già conclusa nel registro.</translation>
        </message>
    </context>
    <context>
        <name>sinfonia::OperationRunner</name>
        <message>
            <source>Esito non verificabile automaticamente: controlla l'elenco movimenti.</source>
            <translation>Esito non verificabile automaticamente: controlla l'elenco movimenti.</translation>
        </message>
        <message>
            <source>Il pagamento non risulta confermato: inserisci di nuovo il codice o premi "Invia nuovamente".</source>
            <translation>Il pagamento non risulta confermato: inserisci di nuovo il codice o premi "Invia nuovamente".</translation>
        </message>
        <message>
            <source>Esito della conferma non verificato: controlla l'elenco movimenti prima di ripetere.</source>
            <translation>Esito della conferma non verificato: controlla l'elenco movimenti prima di ripetere.</translation>
        </message>
    </context>
    <context>
        <name>sinfonia::OperatorTotalsModel</name>
        <message>
            <source>Operatore</source>
            <translation>Operatore</translation>
        </message>
        <message>
            <source>Acquisti</source>
            <translation>Acquisti</translation>
        </message>
        <message>
            <source>Importo acquisti</source>
            <translation>Importo acquisti</translation>
        </message>
        <message>
            <source>Cancellazioni</source>
            <translation>Cancellazioni</translation>
        </message>
        <message>
            <source>Importo cancellazioni</source>
            <translation>Importo cancellazioni</translation>
        </message>
        <message>
            <source>Netto</source>
            <translation>Netto</translation>
        </message>
        <message>
            <source>In attesa</source>
            <translation>In attesa</translation>
        </message>
        <message>
            <source>Operatore non indicato</source>
            <translation>Operatore non indicato</translation>
        </message>
    </context>
    <context>
        <name>sinfonia::OtpDialog</name>
        <message>
            <source>Verifica codice OTP</source>
            <translation>Verifica codice OTP</translation>
        </message>
        <message>
            <source>Codice OTP di 6 cifre</source>
            <translation>Codice OTP di 6 cifre</translation>
        </message>
        <message>
            <source>Non hai ricevuto il codice?</source>
            <translation>Non hai ricevuto il codice?</translation>
        </message>
        <message>
            <source>Invia nuovamente</source>
            <translation>Invia nuovamente</translation>
        </message>
        <message>
            <source>Invia nuovamente il codice OTP</source>
            <translation>Invia nuovamente il codice OTP</translation>
        </message>
        <message>
            <source>VERIFICA CODICE</source>
            <translation>VERIFICA CODICE</translation>
        </message>
        <message>
            <source>Verifica codice</source>
            <translation>Verifica codice</translation>
        </message>
        <message>
            <source>Verifica codice (Invio)</source>
            <translation>Verifica codice (Invio)</translation>
        </message>
        <message>
            <source>Chiudi</source>
            <translation>Chiudi</translation>
        </message>
        <message>
            <source>Chiudi: l'acquisto resta in attesa e si può autorizzare dopo</source>
            <translation>Chiudi: l'acquisto resta in attesa e si può autorizzare dopo</translation>
        </message>
        <message>
            <source>Chiudi (Esc): l'operazione resta IN ATTESA</source>
            <translation>Chiudi (Esc): l'operazione resta IN ATTESA</translation>
        </message>
        <message>
            <source>Inserisci il codice inviato al numero %1</source>
            <translation>Inserisci il codice inviato al numero %1</translation>
        </message>
        <message>
            <source>Tentativi rimasti: %1</source>
            <translation>Tentativi rimasti: %1</translation>
        </message>
        <message>
            <source>Il codice scade tra %1:%2</source>
            <translation>Il codice scade tra %1:%2</translation>
        </message>
        <message>
            <source>Il codice è scaduto: premi "Invia nuovamente".</source>
            <translation>Il codice è scaduto: premi "Invia nuovamente".</translation>
        </message>
        <message>
            <source>Invia nuovamente (esauriti)</source>
            <translation>Invia nuovamente (esauriti)</translation>
        </message>
        <message>
            <source>Invia nuovamente (%1 s)</source>
            <translation>Invia nuovamente (%1 s)</translation>
        </message>
        <message>
            <source>Il codice OTP è di 6 cifre.</source>
            <translation>Il codice OTP è di 6 cifre.</translation>
        </message>
    </context>
    <context>
        <name>sinfonia::PinDialog</name>
        <message>
            <source>Imposta PIN di sblocco</source>
            <translation>Imposta PIN di sblocco</translation>
        </message>
        <message>
            <source>Con il PIN sblocchi la postazione dopo il blocco per inattività, finché il tuo accesso SPID è valido. Da 4 a 8 cifre; dopo 5 PIN errati serve di nuovo SPID.</source>
            <translation>Con il PIN sblocchi la postazione dopo il blocco per inattività, finché il tuo accesso SPID è valido. Da 4 a 8 cifre; dopo 5 PIN errati serve di nuovo SPID.</translation>
        </message>
        <message>
            <source>Nuovo PIN</source>
            <translation>Nuovo PIN</translation>
        </message>
        <message>
            <source>Ripeti il PIN</source>
            <translation>Ripeti il PIN</translation>
        </message>
        <message>
            <source>Esito</source>
            <translation>Esito</translation>
        </message>
        <message>
            <source>Salva PIN</source>
            <translation>Salva PIN</translation>
        </message>
        <message>
            <source>Annulla</source>
            <translation>Annulla</translation>
        </message>
        <message>
            <source>Il PIN deve avere da 4 a 8 cifre.</source>
            <translation>Il PIN deve avere da 4 a 8 cifre.</translation>
        </message>
        <message>
            <source>I due PIN non coincidono.</source>
            <translation>I due PIN non coincidono.</translation>
        </message>
    </context>
    <context>
        <name>sinfonia::PurchasePage</name>
        <message>
            <source>Inserimento acquisto</source>
            <translation>Inserimento acquisto</translation>
        </message>
        <message>
            <source>Dati acquisto</source>
            <translation>Dati acquisto</translation>
        </message>
        <message>
            <source>Data acquisto</source>
            <translation>Data acquisto</translation>
        </message>
        <message>
            <source>Importo residuo sul voucher</source>
            <translation>Importo residuo sul voucher</translation>
        </message>
        <message>
            <source>Importo speso in euro</source>
            <translation>Importo speso in euro</translation>
        </message>
        <message>
            <source>es. 12,50</source>
            <translation>es. 12,50</translation>
        </message>
        <message>
            <source>Importo speso €</source>
            <translation>Importo speso €</translation>
        </message>
        <message>
            <source>Numero del documento commerciale (facoltativo)</source>
            <translation>Numero del documento commerciale (facoltativo)</translation>
        </message>
        <message>
            <source>facoltativo, es. 0042-0815</source>
            <translation>facoltativo, es. 0042-0815</translation>
        </message>
        <message>
            <source>N. documento commerciale</source>
            <translation>N. documento commerciale</translation>
        </message>
        <message>
            <source>Allegato dello scontrino (JPEG, PNG o PDF)</source>
            <translation>Allegato dello scontrino (JPEG, PNG o PDF)</translation>
        </message>
        <message>
            <source>Anteprima dello scontrino: trascina qui il file</source>
            <translation>Anteprima dello scontrino: trascina qui il file</translation>
        </message>
        <message>
            <source>Allega scontrino...</source>
            <translation>Allega scontrino...</translation>
        </message>
        <message>
            <source>Allega lo scontrino da file</source>
            <translation>Allega lo scontrino da file</translation>
        </message>
        <message>
            <source>Scegli il file dello scontrino (Ctrl+O)</source>
            <translation>Scegli il file dello scontrino (Ctrl+O)</translation>
        </message>
        <message>
            <source>Incolla</source>
            <translation>Incolla</translation>
        </message>
        <message>
            <source>Incolla lo scontrino dagli appunti</source>
            <translation>Incolla lo scontrino dagli appunti</translation>
        </message>
        <message>
            <source>Incolla immagine o file dagli appunti (Ctrl+Maiusc+V)</source>
            <translation>Incolla immagine o file dagli appunti (Ctrl+Maiusc+V)</translation>
        </message>
        <message>
            <source>Foto con webcam</source>
            <translation>Foto con webcam</translation>
        </message>
        <message>
            <source>Fotografa lo scontrino con la webcam</source>
            <translation>Fotografa lo scontrino con la webcam</translation>
        </message>
        <message>
            <source>Il voucher non copre farmaci, dispositivi medici e prodotti detraibili.</source>
            <translation>Il voucher non copre farmaci, dispositivi medici e prodotti detraibili.</translation>
        </message>
        <message>
            <source>Salva e invia OTP</source>
            <translation>Salva e invia OTP</translation>
        </message>
        <message>
            <source>Ripreso l'acquisto non ancora inviato.</source>
            <translation>Ripreso l'acquisto non ancora inviato.</translation>
        </message>
        <message>
            <source>Trascina qui lo scontrino, incollalo (Ctrl+V) o usa "Allega scontrino"</source>
            <translation>Trascina qui lo scontrino, incollalo (Ctrl+V) o usa "Allega scontrino"</translation>
        </message>
        <message>
            <source>Allega scontrino</source>
            <translation>Allega scontrino</translation>
        </message>
        <message>
            <source>Scontrini (*.jpg *.jpeg *.png *.pdf);;Tutti i file (*)</source>
            <translation>Scontrini (*.jpg *.jpeg *.png *.pdf);;Tutti i file (*)</translation>
        </message>
        <message>
            <source>Preparazione dello scontrino...</source>
            <translation>Preparazione dello scontrino...</translation>
        </message>
        <message>
            <source>Negli appunti non c'è un'immagine o un file da allegare.</source>
            <translation>Negli appunti non c'è un'immagine o un file da allegare.</translation>
        </message>
        <message>
            <source>PDF allegato: %1</source>
            <translation>PDF allegato: %1</translation>
        </message>
        <message>
            <source>Invio dell'acquisto in corso...</source>
            <translation>Invio dell'acquisto in corso...</translation>
        </message>
        <message>
            <source>Inserisci l'importo speso.</source>
            <translation>Inserisci l'importo speso.</translation>
        </message>
        <message>
            <source>Allega lo scontrino prima di inviare l'OTP.</source>
            <translation>Allega lo scontrino prima di inviare l'OTP.</translation>
        </message>
        <message>
            <source>&amp;SALVA E INVIA OTP</source>
            <translation>&amp;SALVA E INVIA OTP</translation>
        </message>
        <message>
            <source>Salva l'acquisto e invia il codice OTP al beneficiario (Alt+S)</source>
            <translation>Salva l'acquisto e invia il codice OTP al beneficiario (Alt+S)</translation>
        </message>
    </context>
    <context>
        <name>sinfonia::QuickUnlock</name>
        <message>
            <source>Lo sblocco con PIN è disattivato dall'amministratore di sistema.</source>
            <translation>Lo sblocco con PIN è disattivato dall'amministratore di sistema.</translation>
        </message>
        <message>
            <source>Il PIN deve avere da 4 a 8 cifre.</source>
            <translation>Il PIN deve avere da 4 a 8 cifre.</translation>
        </message>
        <message>
            <source>Nessun PIN per questo operatore: accedi con SPID.</source>
            <translation>Nessun PIN per questo operatore: accedi con SPID.</translation>
        </message>
        <message>
            <source>PIN errato per %1 volte: accedi di nuovo con SPID.</source>
            <translation>PIN errato per %1 volte: accedi di nuovo con SPID.</translation>
        </message>
        <message>
            <source>PIN errato: restano %1 tentativi.</source>
            <translation>PIN errato: restano %1 tentativi.</translation>
        </message>
    </context>
    <context>
        <name>sinfonia::ReceiptProcessor</name>
        <message>
            <source>Il file è troppo grande: l'allegato può essere al massimo di 5 MB.</source>
            <translation>Il file è troppo grande: l'allegato può essere al massimo di 5 MB.</translation>
        </message>
        <message>
            <source>Impossibile leggere l'immagine: scatta di nuovo la foto o allega un altro file.</source>
            <translation>Impossibile leggere l'immagine: scatta di nuovo la foto o allega un altro file.</translation>
        </message>
        <message>
            <source>Impossibile preparare l'immagine dello scontrino.</source>
            <translation>Impossibile preparare l'immagine dello scontrino.</translation>
        </message>
        <message>
            <source>Il file dello scontrino è vuoto: allega un altro file.</source>
            <translation>Il file dello scontrino è vuoto: allega un altro file.</translation>
        </message>
        <message>
            <source>Il file è troppo grande (%1): allega una foto o un PDF dello scontrino.</source>
            <translation>Il file è troppo grande (%1): allega una foto o un PDF dello scontrino.</translation>
        </message>
        <message>
            <source>Il PDF è troppo grande (%1, massimo 5 MB): allega una foto dello scontrino.</source>
            <translation>Il PDF è troppo grande (%1, massimo 5 MB): allega una foto dello scontrino.</translation>
        </message>
        <message>
            <source>Impossibile leggere l'immagine: il file è danneggiato o incompleto.</source>
            <translation>Impossibile leggere l'immagine: il file è danneggiato o incompleto.</translation>
        </message>
        <message>
            <source>Formato non supportato: allega una foto (JPEG o PNG) o un PDF dello scontrino.</source>
            <translation>Formato non supportato: allega una foto (JPEG o PNG) o un PDF dello scontrino.</translation>
        </message>
        <message>
            <source>Impossibile aprire il file %1.</source>
            <translation>Impossibile aprire il file %1.</translation>
        </message>
    </context>
    <context>
        <name>sinfonia::ReceiptViewer</name>
        <message>
            <source>Visualizza scontrino</source>
            <translation>Visualizza scontrino</translation>
        </message>
        <message>
            <source>Immagine dello scontrino</source>
            <translation>Immagine dello scontrino</translation>
        </message>
        <message>
            <source>Riduci (Ctrl+-)</source>
            <translation>Riduci (Ctrl+-)</translation>
        </message>
        <message>
            <source>Riduci</source>
            <translation>Riduci</translation>
        </message>
        <message>
            <source>100% (Ctrl+0)</source>
            <translation>100% (Ctrl+0)</translation>
        </message>
        <message>
            <source>Dimensione reale</source>
            <translation>Dimensione reale</translation>
        </message>
        <message>
            <source>Ingrandisci (Ctrl++)</source>
            <translation>Ingrandisci (Ctrl++)</translation>
        </message>
        <message>
            <source>Ingrandisci</source>
            <translation>Ingrandisci</translation>
        </message>
        <message>
            <source>Data e ora</source>
            <translation>Data e ora</translation>
        </message>
        <message>
            <source>Esercente</source>
            <translation>Esercente</translation>
        </message>
        <message>
            <source>Importo</source>
            <translation>Importo</translation>
        </message>
        <message>
            <source>Tipo operazione</source>
            <translation>Tipo operazione</translation>
        </message>
        <message>
            <source>Stato</source>
            <translation>Stato</translation>
        </message>
        <message>
            <source>N. documento commerciale</source>
            <translation>N. documento commerciale</translation>
        </message>
        <message>
            <source>non indicato</source>
            <translation>non indicato</translation>
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
            <translation>Apri con il visualizzatore di sistema</translation>
        </message>
        <message>
            <source>Apri lo scontrino con il visualizzatore di sistema</source>
            <translation>Apri lo scontrino con il visualizzatore di sistema</translation>
        </message>
        <message>
            <source>Chiudi</source>
            <translation>Chiudi</translation>
        </message>
        <message>
            <source>Impossibile mostrare l'immagine dello scontrino.</source>
            <translation>Impossibile mostrare l'immagine dello scontrino.</translation>
        </message>
        <message>
            <source>Scontrino in PDF</source>
            <translation>Scontrino in PDF</translation>
        </message>
        <message>
            <source>Pagina precedente (PgSu)</source>
            <translation>Pagina precedente (PgSu)</translation>
        </message>
        <message>
            <source>Pagina precedente</source>
            <translation>Pagina precedente</translation>
        </message>
        <message>
            <source>Pagina successiva (PgGiù)</source>
            <translation>Pagina successiva (PgGiù)</translation>
        </message>
        <message>
            <source>Pagina successiva</source>
            <translation>Pagina successiva</translation>
        </message>
        <message>
            <source>Impossibile mostrare il PDF dello scontrino (%1).
Premi "Apri con il visualizzatore di sistema".</source>
            <translation>Impossibile mostrare il PDF dello scontrino (%1).
Premi "Apri con il visualizzatore di sistema".</translation>
        </message>
        <message>
            <source>Pagina %1 di %2</source>
            <translation>Pagina %1 di %2</translation>
        </message>
    </context>
    <context>
        <name>sinfonia::ScanCameraDialog</name>
        <message>
            <source>Leggi la tessera sanitaria</source>
            <translation>Leggi la tessera sanitaria</translation>
        </message>
        <message>
            <source>Foto dello scontrino</source>
            <translation>Foto dello scontrino</translation>
        </message>
        <message>
            <source>Webcam</source>
            <translation>Webcam</translation>
        </message>
        <message>
            <source>Scatta</source>
            <translation>Scatta</translation>
        </message>
        <message>
            <source>Inquadra il codice a barre sul retro della tessera dentro il riquadro, tenendola dritta</source>
            <translation>Inquadra il codice a barre sul retro della tessera dentro il riquadro, tenendola dritta</translation>
        </message>
        <message>
            <source>Inquadra tutto lo scontrino e premi «Scatta»</source>
            <translation>Inquadra tutto lo scontrino e premi «Scatta»</translation>
        </message>
        <message>
            <source>Foto non riuscita: riprova</source>
            <translation>Foto non riuscita: riprova</translation>
        </message>
        <message>
            <source>Tessera letta: %1</source>
            <translation>Tessera letta: %1</translation>
        </message>
        <message>
            <source>Nessuna immagine dalla webcam: riprova tra un attimo</source>
            <translation>Nessuna immagine dalla webcam: riprova tra un attimo</translation>
        </message>
        <message>
            <source>Foto acquisita</source>
            <translation>Foto acquisita</translation>
        </message>
        <message>
            <source>In alternativa usa il lettore di codici o scrivi il codice fiscale.</source>
            <translation>In alternativa usa il lettore di codici o scrivi il codice fiscale.</translation>
        </message>
    </context>
    <context>
        <name>sinfonia::ScanFlow</name>
        <message>
            <source>Acquisto in corso</source>
            <translation>Acquisto in corso</translation>
        </message>
        <message>
            <source>È stata letta un'altra tessera mentre un acquisto non è ancora stato inviato.
Lasciare l'acquisto e cercare la nuova beneficiaria?</source>
            <translation>È stata letta un'altra tessera mentre un acquisto non è ancora stato inviato.
Lasciare l'acquisto e cercare la nuova beneficiaria?</translation>
        </message>
    </context>
    <context>
        <name>sinfonia::ScanText</name>
        <message>
            <source>Questo è un codice prodotto, non la tessera sanitaria</source>
            <translation>Questo è un codice prodotto, non la tessera sanitaria</translation>
        </message>
        <message>
            <source>Codice fiscale letto male: ripeti la scansione o scrivilo a mano</source>
            <translation>Codice fiscale letto male: ripeti la scansione o scrivilo a mano</translation>
        </message>
        <message>
            <source>Lettura non riuscita: ripeti la scansione o scrivi il codice fiscale</source>
            <translation>Lettura non riuscita: ripeti la scansione o scrivi il codice fiscale</translation>
        </message>
    </context>
    <context>
        <name>sinfonia::ScannerCalibration</name>
        <message>
            <source>Codice non riconosciuto: il lettore ha scritto «%1». Controlla che legga il Code 39 e ripeti la lettura del codice di prova.</source>
            <translation>Codice non riconosciuto: il lettore ha scritto «%1». Controlla che legga il Code 39 e ripeti la lettura del codice di prova.</translation>
        </message>
        <message>
            <source>Il lettore è impostato sulla tastiera %1, questo computer usa %2: cifre e lettere arrivano come altri simboli. Imposta il lettore sulla tastiera %2 (codice di configurazione nel manuale del lettore, voce «Keyboard language»).</source>
            <translation>Il lettore è impostato sulla tastiera %1, questo computer usa %2: cifre e lettere arrivano come altri simboli. Imposta il lettore sulla tastiera %2 (codice di configurazione nel manuale del lettore, voce «Keyboard language»).</translation>
        </message>
        <message>
            <source>Le lettere arrivano con le maiuscole invertite: disattiva il Blocco Maiuscole (o l'opzione «Caps Lock» del lettore).</source>
            <translation>Le lettere arrivano con le maiuscole invertite: disattiva il Blocco Maiuscole (o l'opzione «Caps Lock» del lettore).</translation>
        </message>
        <message>
            <source>Il lettore non invia Invio dopo il codice: la lettura finisce dopo una breve pausa. Se possibile imposta il suffisso «Enter» (CR) sul lettore.</source>
            <translation>Il lettore non invia Invio dopo il codice: la lettura finisce dopo una breve pausa. Se possibile imposta il suffisso «Enter» (CR) sul lettore.</translation>
        </message>
        <message>
            <source>Il lettore scrive lentamente (%1 ms tra due tasti, come una persona): aumenta la velocità di trasmissione del lettore («Keyboard speed» / «Inter-character delay» al minimo).</source>
            <translation>Il lettore scrive lentamente (%1 ms tra due tasti, come una persona): aumenta la velocità di trasmissione del lettore («Keyboard speed» / «Inter-character delay» al minimo).</translation>
        </message>
    </context>
    <context>
        <name>sinfonia::ScannerSetupDialog</name>
        <message>
            <source>nessuno</source>
            <translation>nessuno</translation>
        </message>
        <message>
            <source>Configura lettore</source>
            <translation>Configura lettore</translation>
        </message>
        <message>
            <source>Leggi con il lettore il codice di prova qui sotto, oppure il codice a barre di una Tessera Sanitaria. Non usare la tastiera durante la lettura.</source>
            <translation>Leggi con il lettore il codice di prova qui sotto, oppure il codice a barre di una Tessera Sanitaria. Non usare la tastiera durante la lettura.</translation>
        </message>
        <message>
            <source>Codice di prova %1</source>
            <translation>Codice di prova %1</translation>
        </message>
        <message>
            <source>Stampa codice di prova</source>
            <translation>Stampa codice di prova</translation>
        </message>
        <message>
            <source>Lettura del lettore</source>
            <translation>Lettura del lettore</translation>
        </message>
        <message>
            <source>Qui compare ciò che il lettore scrive</source>
            <translation>Qui compare ciò che il lettore scrive</translation>
        </message>
        <message>
            <source>Tastiera di questo computer</source>
            <translation>Tastiera di questo computer</translation>
        </message>
        <message>
            <source>Lettura</source>
            <translation>Lettura</translation>
        </message>
        <message>
            <source>Tastiera del computer</source>
            <translation>Tastiera del computer</translation>
        </message>
        <message>
            <source>Fine lettura</source>
            <translation>Fine lettura</translation>
        </message>
        <message>
            <source>Prefisso</source>
            <translation>Prefisso</translation>
        </message>
        <message>
            <source>Suffisso</source>
            <translation>Suffisso</translation>
        </message>
        <message>
            <source>Tempi tra i tasti</source>
            <translation>Tempi tra i tasti</translation>
        </message>
        <message>
            <source>Soglia proposta</source>
            <translation>Soglia proposta</translation>
        </message>
        <message>
            <source>Indicazioni</source>
            <translation>Indicazioni</translation>
        </message>
        <message>
            <source>Esito</source>
            <translation>Esito</translation>
        </message>
        <message>
            <source>Per l'amministratore di sistema (file delle impostazioni di sistema):</source>
            <translation>Per l'amministratore di sistema (file delle impostazioni di sistema):</translation>
        </message>
        <message>
            <source>Righe per l'amministratore di sistema</source>
            <translation>Righe per l'amministratore di sistema</translation>
        </message>
        <message>
            <source>Nuova lettura</source>
            <translation>Nuova lettura</translation>
        </message>
        <message>
            <source>Salva impostazioni</source>
            <translation>Salva impostazioni</translation>
        </message>
        <message>
            <source>Chiudi</source>
            <translation>Chiudi</translation>
        </message>
        <message>
            <source>Pronto: leggi il codice con il lettore.</source>
            <translation>Pronto: leggi il codice con il lettore.</translation>
        </message>
        <message>
            <source>Invio</source>
            <translation>Invio</translation>
        </message>
        <message>
            <source>Tab</source>
            <translation>Tab</translation>
        </message>
        <message>
            <source>nessuna (pausa)</source>
            <translation>nessuna (pausa)</translation>
        </message>
        <message>
            <source>%1 tasti, %2 ms di solito, al massimo %3 ms</source>
            <translation>%1 tasti, %2 ms di solito, al massimo %3 ms</translation>
        </message>
        <message>
            <source>%1 ms (ora %2 ms)</source>
            <translation>%1 ms (ora %2 ms)</translation>
        </message>
        <message>
            <source>nessuna: il lettore è troppo lento</source>
            <translation>nessuna: il lettore è troppo lento</translation>
        </message>
        <message>
            <source>Il lettore è configurato correttamente.</source>
            <translation>Il lettore è configurato correttamente.</translation>
        </message>
        <message>
            <source>Codice letto: %1</source>
            <translation>Codice letto: %1</translation>
        </message>
        <message>
            <source>Codice non riconosciuto.</source>
            <translation>Codice non riconosciuto.</translation>
        </message>
        <message>
            <source>Leggi prima il codice di prova.</source>
            <translation>Leggi prima il codice di prova.</translation>
        </message>
        <message>
            <source>Impostato dall'amministratore di sistema: %1. Copia le righe qui sotto e mandale all'assistenza informatica.</source>
            <translation>Impostato dall'amministratore di sistema: %1. Copia le righe qui sotto e mandale all'assistenza informatica.</translation>
        </message>
        <message>
            <source>Impostazioni del lettore salvate.</source>
            <translation>Impostazioni del lettore salvate.</translation>
        </message>
        <message>
            <source>SINFONIA Banco — codice di prova del lettore</source>
            <translation>SINFONIA Banco — codice di prova del lettore</translation>
        </message>
    </context>
    <context>
        <name>sinfonia::SearchPage</name>
        <message>
            <source>Voucher secondogeniti</source>
            <translation>Voucher secondogeniti</translation>
        </message>
        <message>
            <source>Ricerca beneficiario</source>
            <translation>Ricerca beneficiario</translation>
        </message>
        <message>
            <source>Scansiona la tessera sanitaria del beneficiario oppure fai la ricerca tramite Codice Fiscale</source>
            <translation>Scansiona la tessera sanitaria del beneficiario oppure fai la ricerca tramite Codice Fiscale</translation>
        </message>
        <message>
            <source>Codice fiscale del beneficiario</source>
            <translation>Codice fiscale del beneficiario</translation>
        </message>
        <message>
            <source>es. RSSMRA85T50A562S</source>
            <translation>es. RSSMRA85T50A562S</translation>
        </message>
        <message>
            <source>Caratteri inseriti</source>
            <translation>Caratteri inseriti</translation>
        </message>
        <message>
            <source>Codice fiscale del beneficiario:</source>
            <translation>Codice fiscale del beneficiario:</translation>
        </message>
        <message>
            <source>Numero della tessera sanitaria</source>
            <translation>Numero della tessera sanitaria</translation>
        </message>
        <message>
            <source>20 cifre, inizia con 80380</source>
            <translation>20 cifre, inizia con 80380</translation>
        </message>
        <message>
            <source>oppure N. tessera sanitaria:</source>
            <translation>oppure N. tessera sanitaria:</translation>
        </message>
        <message>
            <source>CERCA BENEFICIARIO</source>
            <translation>CERCA BENEFICIARIO</translation>
        </message>
        <message>
            <source>Cerca beneficiario</source>
            <translation>Cerca beneficiario</translation>
        </message>
        <message>
            <source>Cerca beneficiario (Invio)</source>
            <translation>Cerca beneficiario (Invio)</translation>
        </message>
        <message>
            <source>Esito della ricerca</source>
            <translation>Esito della ricerca</translation>
        </message>
        <message>
            <source>Il numero della tessera sanitaria inizia con 80380</source>
            <translation>Il numero della tessera sanitaria inizia con 80380</translation>
        </message>
        <message>
            <source>Inserisci il codice fiscale o il numero della tessera sanitaria.</source>
            <translation>Inserisci il codice fiscale o il numero della tessera sanitaria.</translation>
        </message>
        <message>
            <source>Ricerca in corso...</source>
            <translation>Ricerca in corso...</translation>
        </message>
        <message>
            <source>Scansiona con la webcam</source>
            <translation>Scansiona con la webcam</translation>
        </message>
        <message>
            <source>Scansiona la tessera sanitaria con la webcam</source>
            <translation>Scansiona la tessera sanitaria con la webcam</translation>
        </message>
        <message>
            <source>Inquadra il codice a barre della tessera sanitaria (Ctrl+W)</source>
            <translation>Inquadra il codice a barre della tessera sanitaria (Ctrl+W)</translation>
        </message>
    </context>
    <context>
        <name>sinfonia::SerialScanner</name>
        <message>
            <source>Lettore seriale %1 non collegato</source>
            <translation>Lettore seriale %1 non collegato</translation>
        </message>
        <message>
            <source>Impossibile aprire il lettore seriale %1: %2</source>
            <translation>Impossibile aprire il lettore seriale %1: %2</translation>
        </message>
        <message>
            <source>Lettore seriale %1 scollegato</source>
            <translation>Lettore seriale %1 scollegato</translation>
        </message>
    </context>
    <context>
        <name>sinfonia::ServiceStack</name>
        <message>
            <source>Registro delle operazioni non disponibile.</source>
            <translation>Registro delle operazioni non disponibile.</translation>
        </message>
    </context>
    <context>
        <name>sinfonia::SlipPrinter</name>
        <message>
            <source>Promemoria stampato.</source>
            <translation>Promemoria stampato.</translation>
        </message>
        <message>
            <source>Stampa del promemoria non riuscita.</source>
            <translation>Stampa del promemoria non riuscita.</translation>
        </message>
        <message>
            <source>Promemoria inviato alla stampante.</source>
            <translation>Promemoria inviato alla stampante.</translation>
        </message>
        <message>
            <source>Stampa del promemoria non riuscita: controlla la stampante.</source>
            <translation>Stampa del promemoria non riuscita: controlla la stampante.</translation>
        </message>
        <message>
            <source>Stampa promemoria - %1</source>
            <translation>Stampa promemoria - %1</translation>
        </message>
        <message>
            <source>Promemoria per il beneficiario</source>
            <translation>Promemoria per il beneficiario</translation>
        </message>
        <message>
            <source>Carta: %1</source>
            <translation>Carta: %1</translation>
        </message>
        <message>
            <source>Stampa automatica dopo la conferma</source>
            <translation>Stampa automatica dopo la conferma</translation>
        </message>
        <message>
            <source>Impostato dall'amministratore di sistema</source>
            <translation>Impostato dall'amministratore di sistema</translation>
        </message>
    </context>
    <context>
        <name>sinfonia::StaffFlow</name>
        <message>
            <source>Dipendente %1 %2 aggiunto.</source>
            <translation>Dipendente %1 %2 aggiunto.</translation>
        </message>
        <message>
            <source>Servizi aggiornati.</source>
            <translation>Servizi aggiornati.</translation>
        </message>
        <message>
            <source>Utenza riabilitata.</source>
            <translation>Utenza riabilitata.</translation>
        </message>
        <message>
            <source>Utenza disabilitata.</source>
            <translation>Utenza disabilitata.</translation>
        </message>
    </context>
    <context>
        <name>sinfonia::StaffPage</name>
        <message>
            <source>Gestione delle abilitazioni</source>
            <translation>Gestione delle abilitazioni</translation>
        </message>
        <message>
            <source>AGGIUNGI DIPENDENTE</source>
            <translation>AGGIUNGI DIPENDENTE</translation>
        </message>
        <message>
            <source>Aggiungi dipendente</source>
            <translation>Aggiungi dipendente</translation>
        </message>
        <message>
            <source>Aggiungi dipendente (Ctrl+N)</source>
            <translation>Aggiungi dipendente (Ctrl+N)</translation>
        </message>
        <message>
            <source>☰ Menù rapido</source>
            <translation>☰ Menù rapido</translation>
        </message>
        <message>
            <source>Menù rapido del dipendente selezionato</source>
            <translation>Menù rapido del dipendente selezionato</translation>
        </message>
        <message>
            <source>Menù rapido (Invio sulla riga)</source>
            <translation>Menù rapido (Invio sulla riga)</translation>
        </message>
        <message>
            <source>Dipendenti della struttura</source>
            <translation>Dipendenti della struttura</translation>
        </message>
        <message>
            <source>Gestione delle abilitazioni - %1</source>
            <translation>Gestione delle abilitazioni - %1</translation>
        </message>
        <message>
            <source>Associa servizio Voucher secondogeniti</source>
            <translation>Associa servizio Voucher secondogeniti</translation>
        </message>
        <message>
            <source>Rimuovi servizio Voucher secondogeniti</source>
            <translation>Rimuovi servizio Voucher secondogeniti</translation>
        </message>
        <message>
            <source>Disabilita utenza</source>
            <translation>Disabilita utenza</translation>
        </message>
        <message>
            <source>Riabilita utenza</source>
            <translation>Riabilita utenza</translation>
        </message>
        <message>
            <source>REGISTRO ATTIVITÀ</source>
            <translation>REGISTRO ATTIVITÀ</translation>
        </message>
        <message>
            <source>Registro attività della struttura</source>
            <translation>Registro attività della struttura</translation>
        </message>
        <message>
            <source>Registro attività (Ctrl+L)</source>
            <translation>Registro attività (Ctrl+L)</translation>
        </message>
    </context>
    <context>
        <name>sinfonia::StructurePage</name>
        <message>
            <source>Seleziona struttura</source>
            <translation>Seleziona struttura</translation>
        </message>
        <message>
            <source>Scegli la struttura presso la quale stai operando (frecce e Invio).</source>
            <translation>Scegli la struttura presso la quale stai operando (frecce e Invio).</translation>
        </message>
        <message>
            <source>Strutture abilitate</source>
            <translation>Strutture abilitate</translation>
        </message>
        <message>
            <source>Seleziona</source>
            <translation>Seleziona</translation>
        </message>
        <message>
            <source>Seleziona la struttura evidenziata</source>
            <translation>Seleziona la struttura evidenziata</translation>
        </message>
        <message>
            <source>Seleziona (Invio)</source>
            <translation>Seleziona (Invio)</translation>
        </message>
        <message>
            <source>titolare</source>
            <translation>titolare</translation>
        </message>
        <message>
            <source>dipendente</source>
            <translation>dipendente</translation>
        </message>
        <message>
            <source>Nessuna struttura abilitata per questo operatore: rivolgiti al titolare della struttura.</source>
            <translation>Nessuna struttura abilitata per questo operatore: rivolgiti al titolare della struttura.</translation>
        </message>
    </context>
    <context>
        <name>sinfonia::SummaryFlow</name>
        <message>
            <source>Riepilogo di fine giornata</source>
            <translation>Riepilogo di fine giornata</translation>
        </message>
        <message>
            <source>Riepilogo dei movimenti di oggi della struttura (Ctrl+R)</source>
            <translation>Riepilogo dei movimenti di oggi della struttura (Ctrl+R)</translation>
        </message>
    </context>
    <context>
        <name>sinfonia::SummaryMovementsModel</name>
        <message>
            <source>Ora</source>
            <translation>Ora</translation>
        </message>
        <message>
            <source>Tipo operazione</source>
            <translation>Tipo operazione</translation>
        </message>
        <message>
            <source>Stato</source>
            <translation>Stato</translation>
        </message>
        <message>
            <source>Importo</source>
            <translation>Importo</translation>
        </message>
        <message>
            <source>N. voucher</source>
            <translation>N. voucher</translation>
        </message>
        <message>
            <source>N. documento commerciale</source>
            <translation>N. documento commerciale</translation>
        </message>
        <message>
            <source>Operatore</source>
            <translation>Operatore</translation>
        </message>
        <message>
            <source>Ancora cancellabile</source>
            <translation>Ancora cancellabile</translation>
        </message>
        <message>
            <source>non indicato</source>
            <translation>non indicato</translation>
        </message>
    </context>
    <context>
        <name>sinfonia::SyntheticFrameSource</name>
        <message>
            <source>Nessuna immagine da mostrare</source>
            <translation>Nessuna immagine da mostrare</translation>
        </message>
    </context>
    <context>
        <name>sinfonia::TesseraSanitaria</name>
        <message>
            <source>Inserisci il numero della tessera sanitaria (20 cifre)</source>
            <translation>Inserisci il numero della tessera sanitaria (20 cifre)</translation>
        </message>
        <message>
            <source>Il numero della tessera sanitaria ha solo cifre</source>
            <translation>Il numero della tessera sanitaria ha solo cifre</translation>
        </message>
        <message>
            <source>Numero della tessera sanitaria di %1 cifre su 20</source>
            <translation>Numero della tessera sanitaria di %1 cifre su 20</translation>
        </message>
        <message>
            <source>Il numero della tessera sanitaria inizia con 80380: controlla le prime cifre</source>
            <translation>Il numero della tessera sanitaria inizia con 80380: controlla le prime cifre</translation>
        </message>
        <message>
            <source>Numero della tessera sanitaria non valido: ricontrolla le cifre</source>
            <translation>Numero della tessera sanitaria non valido: ricontrolla le cifre</translation>
        </message>
    </context>
    <context>
        <name>sinfonia::TokenStore</name>
        <message>
            <source>Nessuna credenziale salvata.</source>
            <translation>Nessuna credenziale salvata.</translation>
        </message>
        <message>
            <source>Portachiavi di sistema non disponibile: l'accesso non viene ricordato e nulla è salvato sul disco. Dovrai accedere di nuovo al prossimo avvio.</source>
            <translation>Portachiavi di sistema non disponibile: l'accesso non viene ricordato e nulla è salvato sul disco. Dovrai accedere di nuovo al prossimo avvio.</translation>
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
            <translation>Torna alla Homepage (Alt+H)</translation>
        </message>
        <message>
            <source>Cambia la struttura selezionata (Ctrl+K)</source>
            <translation>Cambia la struttura selezionata (Ctrl+K)</translation>
        </message>
        <message>
            <source>Struttura selezionata</source>
            <translation>Struttura selezionata</translation>
        </message>
        <message>
            <source>Operatore</source>
            <translation>Operatore</translation>
        </message>
        <message>
            <source>Operatore collegato: blocca o cambia operatore</source>
            <translation>Operatore collegato: blocca o cambia operatore</translation>
        </message>
        <message>
            <source>Struttura selezionata: %1</source>
            <translation>Struttura selezionata: %1</translation>
        </message>
    </context>
    <context>
        <name>sinfonia::TransactionsModel</name>
        <message>
            <source>Scontrino</source>
            <translation>Scontrino</translation>
        </message>
        <message>
            <source>Autorizza</source>
            <translation>Autorizza</translation>
        </message>
        <message>
            <source>Cancella (annullabile fino alle 23:59)</source>
            <translation>Cancella (annullabile fino alle 23:59)</translation>
        </message>
        <message>
            <source>Data e ora</source>
            <translation>Data e ora</translation>
        </message>
        <message>
            <source>Esercente</source>
            <translation>Esercente</translation>
        </message>
        <message>
            <source>Importo</source>
            <translation>Importo</translation>
        </message>
        <message>
            <source>Tipo operazione</source>
            <translation>Tipo operazione</translation>
        </message>
        <message>
            <source>Stato</source>
            <translation>Stato</translation>
        </message>
        <message>
            <source>Azioni</source>
            <translation>Azioni</translation>
        </message>
        <message>
            <source>Annulla acquisto in attesa</source>
            <translation>Annulla acquisto in attesa</translation>
        </message>
    </context>
    <context>
        <name>sinfonia::VideoFileFrameSource</name>
        <message>
            <source>File video non trovato: %1</source>
            <translation>File video non trovato: %1</translation>
        </message>
        <message>
            <source>Il file video non si può leggere</source>
            <translation>Il file video non si può leggere</translation>
        </message>
    </context>
    <context>
        <name>sinfonia::Voucher</name>
        <message>
            <source>ATTIVO</source>
            <translation>ATTIVO</translation>
        </message>
        <message>
            <source>SCADUTO</source>
            <translation>SCADUTO</translation>
        </message>
        <message>
            <source>ESAURITO</source>
            <translation>ESAURITO</translation>
        </message>
        <message>
            <source>SOSPESO</source>
            <translation>SOSPESO</translation>
        </message>
        <message>
            <source>Acquisto</source>
            <translation>Acquisto</translation>
        </message>
        <message>
            <source>Cancellazione</source>
            <translation>Cancellazione</translation>
        </message>
        <message>
            <source>IN ATTESA</source>
            <translation>IN ATTESA</translation>
        </message>
        <message>
            <source>CONFERMATO</source>
            <translation>CONFERMATO</translation>
        </message>
        <message>
            <source>ANNULLATO</source>
            <translation>ANNULLATO</translation>
        </message>
        <message>
            <source>SCONOSCIUTO</source>
            <translation>SCONOSCIUTO</translation>
        </message>
        <message>
            <source>ANNULLATO (dalla struttura)</source>
            <translation>ANNULLATO (dalla struttura)</translation>
        </message>
        <message>
            <source>ANNULLATO (scaduto)</source>
            <translation>ANNULLATO (scaduto)</translation>
        </message>
    </context>
    <context>
        <name>sinfonia::VoucherFlow</name>
        <message>
            <source>Il beneficiario non ha voucher.</source>
            <translation>Il beneficiario non ha voucher.</translation>
        </message>
        <message>
            <source>Voucher N° %1 - %2</source>
            <translation>Voucher N° %1 - %2</translation>
        </message>
        <message>
            <source>Acquisto di %1 registrato IN ATTESA. Il beneficiario riceve il codice via SMS.</source>
            <translation>Acquisto di %1 registrato IN ATTESA. Il beneficiario riceve il codice via SMS.</translation>
        </message>
        <message>
            <source>Cancellazione di %1 registrata IN ATTESA. Il beneficiario riceve il codice via SMS.</source>
            <translation>Cancellazione di %1 registrata IN ATTESA. Il beneficiario riceve il codice via SMS.</translation>
        </message>
        <message>
            <source>Autorizza il pagamento di %1.</source>
            <translation>Autorizza il pagamento di %1.</translation>
        </message>
        <message>
            <source>Cancellazione confermata: %1 restituiti al voucher.</source>
            <translation>Cancellazione confermata: %1 restituiti al voucher.</translation>
        </message>
        <message>
            <source>Acquisto di %1 confermato.</source>
            <translation>Acquisto di %1 confermato.</translation>
        </message>
        <message>
            <source>Operazione IN ATTESA: puoi autorizzarla più tardi dal menu Azioni.</source>
            <translation>Operazione IN ATTESA: puoi autorizzarla più tardi dal menu Azioni.</translation>
        </message>
        <message>
            <source>Bozza dell'acquisto non salvata: %1</source>
            <translation>Bozza dell'acquisto non salvata: %1</translation>
        </message>
        <message>
            <source>Il movimento non è più in attesa di autorizzazione.</source>
            <translation>Il movimento non è più in attesa di autorizzazione.</translation>
        </message>
        <message>
            <source>Movimento non trovato sul voucher.</source>
            <translation>Movimento non trovato sul voucher.</translation>
        </message>
        <message>
            <source>Troppe ricerche: riprova tra %1 secondi</source>
            <translation>Troppe ricerche: riprova tra %1 secondi</translation>
        </message>
        <message>
            <source>Annulla acquisto in attesa</source>
            <translation>Annulla acquisto in attesa</translation>
        </message>
        <message>
            <source>Annullare l'acquisto di %1 in attesa di conferma?

L'importo torna disponibile sul voucher e il codice OTP inviato alla beneficiaria non varrà più.</source>
            <translation>Annullare l'acquisto di %1 in attesa di conferma?

L'importo torna disponibile sul voucher e il codice OTP inviato alla beneficiaria non varrà più.</translation>
        </message>
        <message>
            <source>&amp;Annulla acquisto</source>
            <translation>&amp;Annulla acquisto</translation>
        </message>
        <message>
            <source>&amp;Non annullare</source>
            <translation>&amp;Non annullare</translation>
        </message>
        <message>
            <source>Acquisto di %1 annullato: l'importo è di nuovo disponibile.</source>
            <translation>Acquisto di %1 annullato: l'importo è di nuovo disponibile.</translation>
        </message>
    </context>
    <context>
        <name>sinfonia::VoucherPage</name>
        <message>
            <source>Voucher del beneficiario</source>
            <translation>Voucher del beneficiario</translation>
        </message>
        <message>
            <source>Importo disponibile</source>
            <translation>Importo disponibile</translation>
        </message>
        <message>
            <source>USA PER ACQUISTO</source>
            <translation>USA PER ACQUISTO</translation>
        </message>
        <message>
            <source>Usa per acquisto</source>
            <translation>Usa per acquisto</translation>
        </message>
        <message>
            <source>Registra un acquisto con questo voucher (F3)</source>
            <translation>Registra un acquisto con questo voucher (F3)</translation>
        </message>
        <message>
            <source>Transazioni per esercente</source>
            <translation>Transazioni per esercente</translation>
        </message>
        <message>
            <source>☰ Azioni</source>
            <translation>☰ Azioni</translation>
        </message>
        <message>
            <source>Azioni sul movimento selezionato</source>
            <translation>Azioni sul movimento selezionato</translation>
        </message>
        <message>
            <source>Azioni sul movimento selezionato (Invio sulla riga)</source>
            <translation>Azioni sul movimento selezionato (Invio sulla riga)</translation>
        </message>
        <message>
            <source>ID voucher %1   N° %2</source>
            <translation>ID voucher %1   N° %2</translation>
        </message>
        <message>
            <source>Stato del voucher: %1</source>
            <translation>Stato del voucher: %1</translation>
        </message>
        <message>
            <source>Importo disponibile %1</source>
            <translation>Importo disponibile %1</translation>
        </message>
        <message>
            <source>Intestatario: %1 - Codice fiscale: %2</source>
            <translation>Intestatario: %1 - Codice fiscale: %2</translation>
        </message>
        <message>
            <source>Tessera sanitaria intestatario: %1</source>
            <translation>Tessera sanitaria intestatario: %1</translation>
        </message>
        <message>
            <source>non registrata</source>
            <translation>non registrata</translation>
        </message>
        <message>
            <source>Data attivazione: %1    Data scadenza: %2</source>
            <translation>Data attivazione: %1    Data scadenza: %2</translation>
        </message>
        <message>
            <source>Importo iniziale: %1    Importo utilizzato: %2</source>
            <translation>Importo iniziale: %1    Importo utilizzato: %2</translation>
        </message>
        <message>
            <source>Visualizza scontrino</source>
            <translation>Visualizza scontrino</translation>
        </message>
        <message>
            <source>Autorizza pagamento</source>
            <translation>Autorizza pagamento</translation>
        </message>
        <message>
            <source>Cancella movimento (annullabile fino alle 23:59)</source>
            <translation>Cancella movimento (annullabile fino alle 23:59)</translation>
        </message>
        <message>
            <source>Nessuna azione disponibile</source>
            <translation>Nessuna azione disponibile</translation>
        </message>
        <message>
            <source>Stampa promemoria</source>
            <translation>Stampa promemoria</translation>
        </message>
        <message>
            <source>Stampa il promemoria per il beneficiario</source>
            <translation>Stampa il promemoria per il beneficiario</translation>
        </message>
        <message>
            <source>Stampa per il beneficiario operazione, importo e saldo residuo (Ctrl+P)</source>
            <translation>Stampa per il beneficiario operazione, importo e saldo residuo (Ctrl+P)</translation>
        </message>
        <message>
            <source>Annulla acquisto in attesa</source>
            <translation>Annulla acquisto in attesa</translation>
        </message>
    </context>
    <context>
        <name>sinfonia::VoucherRules</name>
        <message>
            <source>Inserisci un importo maggiore di zero</source>
            <translation>Inserisci un importo maggiore di zero</translation>
        </message>
        <message>
            <source>Voucher scaduto: non si possono registrare acquisti</source>
            <translation>Voucher scaduto: non si possono registrare acquisti</translation>
        </message>
        <message>
            <source>Voucher esaurito: non c'è più importo disponibile</source>
            <translation>Voucher esaurito: non c'è più importo disponibile</translation>
        </message>
        <message>
            <source>Voucher sospeso: non si possono registrare acquisti</source>
            <translation>Voucher sospeso: non si possono registrare acquisti</translation>
        </message>
        <message>
            <source>Voucher scaduto il %1</source>
            <translation>Voucher scaduto il %1</translation>
        </message>
        <message>
            <source>Importo superiore al residuo (%1)</source>
            <translation>Importo superiore al residuo (%1)</translation>
        </message>
        <message>
            <source>Si possono annullare solo acquisti</source>
            <translation>Si possono annullare solo acquisti</translation>
        </message>
        <message>
            <source>Acquisto non ancora confermato: autorizzalo con l'OTP prima di annullarlo</source>
            <translation>Acquisto non ancora confermato: autorizzalo con l'OTP prima di annullarlo</translation>
        </message>
        <message>
            <source>Si può annullare solo nel giorno dell'acquisto (%1)</source>
            <translation>Si può annullare solo nel giorno dell'acquisto (%1)</translation>
        </message>
        <message>
            <source>Inserisci un importo da annullare maggiore di zero</source>
            <translation>Inserisci un importo da annullare maggiore di zero</translation>
        </message>
        <message>
            <source>Importo superiore a quello consentito (%1)</source>
            <translation>Importo superiore a quello consentito (%1)</translation>
        </message>
        <message>
            <source>annullabile fino alle 23:59</source>
            <translation>annullabile fino alle 23:59</translation>
        </message>
        <message>
            <source>Indica le date di inizio e fine</source>
            <translation>Indica le date di inizio e fine</translation>
        </message>
        <message>
            <source>La data di inizio è successiva alla data di fine</source>
            <translation>La data di inizio è successiva alla data di fine</translation>
        </message>
        <message>
            <source>Il periodo può essere al massimo di 3 mesi: scegli una data di fine entro il %1</source>
            <translation>Il periodo può essere al massimo di 3 mesi: scegli una data di fine entro il %1</translation>
        </message>
        <message>
            <source>Voucher attivo dal %1</source>
            <translation>Voucher attivo dal %1</translation>
        </message>
    </context>
</TS>
