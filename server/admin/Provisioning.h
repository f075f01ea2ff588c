#pragma once

#include "core/domain/Clock.h"
#include "core/domain/Result.h"

#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringList>
#include <optional>

namespace sinfonia::ledger {
class Database;
}

namespace sinfonia::admin {

// Provisioning of a real service from CSV files (sinfonia-server ... import KIND FILE): the
// structures, their titolari and employees with their services, and the beneficiaries with their
// vouchers. Never reachable through HTTP: only the command line of the server calls it.
//
// Every line is validated (codice fiscale with its check character, Tessera Sanitaria number,
// dates, amounts in cents, duplicates inside the file and against the database); the whole file is
// applied in one transaction, and only when no line is rejected: one bad line and nothing changes.
// Importing the same file twice changes nothing the second time (lines equal to the database count
// as unchanged). Formats (header line required, columns in any order; docs/deployment.md):
//   structures     id;nome;indirizzo
//   operators      codice_fiscale;cognome;nome;struttura;ruolo;abilitato;servizi
//                  ruolo titolare|dipendente, abilitato si|no, servizi separated by '|'
//   beneficiaries  codice_fiscale;cognome;nome;telefono;tessera_sanitaria;voucher;data_attivazione;
//                  data_scadenza;importo_centesimi   (one line per voucher; dates YYYY-MM-DD)
class Provisioning
{
public:
    enum class Kind
    {
        Structures,
        Operators,
        Beneficiaries
    };
    struct Rejected
    {
        int line = 0;
        QString reason; // Italian
    };
    struct Report
    {
        Kind kind = Kind::Structures;
        int lines = 0;
        int added = 0;
        int changed = 0;
        int unchanged = 0;
        QList<Rejected> rejected;
        std::optional<Error> failure; // the file could not be read or the database failed
        bool applied = false; // committed (false on rejected lines, failure or dry run)
        bool ok() const { return rejected.isEmpty() && !failure; }
        int changes() const { return added + changed; }
    };

    Provisioning(ledger::Database& db, const Clock& clock);

    // "structures"/"strutture", "operators"/"operatori", "beneficiaries"/"beneficiari".
    static std::optional<Kind> kindFromName(const QString& name);
    static QStringList columns(Kind kind);
    static QString kindName(Kind kind);

    Report importCsv(Kind kind, const QByteArray& content, bool dryRun = false);
    // The report as the command prints it (Italian), one rejected line per line of text.
    static QString format(const Report& report);

private:
    ledger::Database& m_db;
    const Clock& m_clock;
};

} // namespace sinfonia::admin
