<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_GB">
<context>
    <name>CommandLine</name>
    <message>
        <source>SINFONIA Banco: Voucher secondogeniti al banco della farmacia.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mostra questo aiuto.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mostra la versione.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Indirizzo del servizio centrale (es. https://host/).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lingua dell&apos;interfaccia: it o en.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stampa la configurazione effettiva e la sua origine.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Decodifica il codice a barre delle immagini indicate e termina.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Immagini da decodificare.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Indirizzo del server non valido: %1
</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>sinfonia</name>
    <message>
        <source>Impossibile salvare il registro delle operazioni: controlla lo spazio su disco.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Archivio locale dei movimenti non disponibile.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>sinfonia::ApiClient</name>
    <message>
        <source>Risposta del server non valida: riprova; se si ripete, contatta l&apos;assistenza.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>sinfonia::AppSettings</name>
    <message>
        <source>Impostazione gestita dall&apos;amministratore di sistema: non modificabile.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Impostazioni utente non disponibili.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>sinfonia::CameraFrameSource</name>
    <message>
        <source>Nessuna webcam trovata: collegala e riprova, oppure usa il lettore di codici</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>La webcam scelta nelle impostazioni non è collegata: scegline un&apos;altra</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>La webcam non si apre: forse è usata da un altro programma. Chiudilo e riprova</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>La webcam non risponde: forse è usata da un altro programma o è stata scollegata</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>sinfonia::CodiceFiscale</name>
    <message>
        <source>Mese di nascita non valido (9º carattere): usa una lettera tra A B C D E H L M P R S T</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Codice fiscale non valido: al %1º carattere va una cifra</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Codice fiscale non valido: al %1º carattere va una lettera</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Giorno di nascita non valido (10º e 11º carattere): da 01 a 31, per le donne da 41 a 71</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Codice fiscale numerico troppo corto: %1 cifre su 11</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Codice fiscale troppo corto: %1 caratteri su 16</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Codice fiscale troppo lungo: %1 caratteri su 16</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Codice fiscale numerico non valido: controlla l&apos;11ª cifra</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Inserisci il codice fiscale</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Data di nascita inesistente (%1/%2): controlla i caratteri dal 7º all&apos;11º</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Codice fiscale non valido: controlla il 16º carattere</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Il codice fiscale numerico ha 11 cifre: ne hai scritte %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>sinfonia::Footer</name>
    <message>
        <source>SINFONIA</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SINFONIA Servizi Territoriali: torna alla Homepage</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Logo SINFONIA Servizi Territoriali, torna alla Homepage</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SINFONIA Servizi Territoriali © 2024 - &lt;a href=&quot;https://www.regione.campania.it/&quot;&gt;Regione Campania&lt;/a&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SINFONIA Servizi Territoriali © 2024 - Regione Campania</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;a href=&quot;https://sinfonia-serviziterritoriali.soresa.it/privacy&quot;&gt;Privacy Policy&lt;/a&gt; | &lt;a href=&quot;https://sinfonia-serviziterritoriali.soresa.it/supporto&quot;&gt;Supporto Tecnico&lt;/a&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Privacy Policy | Supporto Tecnico</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>sinfonia::HomePage</name>
    <message>
        <source>Home</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Gestione struttura</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Adesione ai servizi e gestione delle abilitazioni.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Voucher secondogeniti</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Gestione in favore delle famiglie, per nascite di figli successivi al primo.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ricerca beneficiario (F2)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>sinfonia::JournalEntry</name>
    <message>
        <source>Acquisto di %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancellazione di %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 registrato</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 non registrato</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 in verifica con il server</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>sinfonia::MainWindow</name>
    <message>
        <source>SINFONIA Banco - Voucher secondogeniti</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Operazioni</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cerca beneficiario</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nuovo acquisto</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Aggiorna</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Indietro</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Blocca</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cambia operatore</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Home</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>sinfonia::Money</name>
    <message>
        <source>Importo troppo alto: controlla le cifre inserite</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Importo non valido: scrivi solo cifre e la virgola, es. 12,50</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Inserisci l&apos;importo, es. 12,50</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>L&apos;importo non può essere negativo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Al massimo 2 decimali: scrivi i centesimi, es. 12,50</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>sinfonia::MovementCacheStore</name>
    <message>
        <source>Archivio locale dei movimenti danneggiato.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Archivio locale dei movimenti non disponibile.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>sinfonia::OperationJournal</name>
    <message>
        <source>Il registro delle operazioni è danneggiato: contatta l&apos;assistenza prima di ripetere acquisti.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Registro delle operazioni non disponibile.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Operazione non trovata nel registro.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>sinfonia::ScanSource</name>
    <message>
        <source>Questo è un codice prodotto, non la tessera sanitaria</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>sinfonia::SerialScanner</name>
    <message>
        <source>Lettore seriale %1 non collegato</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Impossibile aprire il lettore seriale %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lettore seriale %1 scollegato</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>sinfonia::SyntheticFrameSource</name>
    <message>
        <source>Nessuna immagine da mostrare</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>sinfonia::TokenStore</name>
    <message>
        <source>Nessuna credenziale salvata.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Portachiavi di sistema non disponibile: l&apos;accesso non viene ricordato e nulla è salvato sul disco. Dovrai accedere di nuovo al prossimo avvio.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>sinfonia::TopBar</name>
    <message>
        <source>Regione Campania</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SINFONIA Servizi Territoriali</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Home</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Torna alla Homepage (Alt+H)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cambia la struttura selezionata (Ctrl+K)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Struttura selezionata</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Operatore</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Operatore collegato: blocca o cambia operatore</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Struttura selezionata: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>sinfonia::VideoFileFrameSource</name>
    <message>
        <source>File video non trovato: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Il file video non si può leggere</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>sinfonia::Voucher</name>
    <message>
        <source>ATTIVO</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SCADUTO</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ESAURITO</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SOSPESO</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Acquisto</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancellazione</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>IN ATTESA</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CONFERMATO</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
