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
    </context>
    <context>
        <name>sinfonia</name>
        <message>
            <source>Impossibile salvare il registro delle operazioni: controlla lo spazio su disco.</source>
            <translation>Impossibile salvare il registro delle operazioni: controlla lo spazio su disco.</translation>
        </message>
        <message>
            <source>Archivio locale dei movimenti non disponibile.</source>
            <translation>Archivio locale dei movimenti non disponibile.</translation>
        </message>
    </context>
    <context>
        <name>sinfonia::ApiClient</name>
        <message>
            <source>Risposta del server non valida: riprova; se si ripete, contatta l'assistenza.</source>
            <translation>Risposta del server non valida: riprova; se si ripete, contatta l'assistenza.</translation>
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
        <name>sinfonia::CameraFrameSource</name>
        <message>
            <source>Nessuna webcam trovata: collegala e riprova, oppure usa il lettore di codici</source>
            <translation>Nessuna webcam trovata: collegala e riprova, oppure usa il lettore di codici</translation>
        </message>
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
    </context>
    <context>
        <name>sinfonia::CodiceFiscale</name>
        <message>
            <source>Mese di nascita non valido (9º carattere): usa una lettera tra A B C D E H L M P R S T</source>
            <translation>Mese di nascita non valido (9º carattere): usa una lettera tra A B C D E H L M P R S T</translation>
        </message>
        <message>
            <source>Codice fiscale non valido: al %1º carattere va una cifra</source>
            <translation>Codice fiscale non valido: al %1º carattere va una cifra</translation>
        </message>
        <message>
            <source>Codice fiscale non valido: al %1º carattere va una lettera</source>
            <translation>Codice fiscale non valido: al %1º carattere va una lettera</translation>
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
        <name>sinfonia::JournalEntry</name>
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
        <name>sinfonia::MovementCacheStore</name>
        <message>
            <source>Archivio locale dei movimenti danneggiato.</source>
            <translation>Archivio locale dei movimenti danneggiato.</translation>
        </message>
        <message>
            <source>Archivio locale dei movimenti non disponibile.</source>
            <translation>Archivio locale dei movimenti non disponibile.</translation>
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
    </context>
    <context>
        <name>sinfonia::ScanSource</name>
        <message>
            <source>Questo è un codice prodotto, non la tessera sanitaria</source>
            <translation>Questo è un codice prodotto, non la tessera sanitaria</translation>
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
        <name>sinfonia::SyntheticFrameSource</name>
        <message>
            <source>Nessuna immagine da mostrare</source>
            <translation>Nessuna immagine da mostrare</translation>
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
    </context>
</TS>
