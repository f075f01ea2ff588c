#pragma once

#include "core/domain/Clock.h"
#include "core/domain/Result.h"

#include <QString>

namespace sinfonia::ledger {

class Database;

// Deterministic demo data for the sandbox (--init-demo) and for tests. Seeding a database that
// already has structures does nothing. Dates are relative to the clock's "today" in Rome.
//
// Structures: FAR001 "Farmacia Avellino", FAR002 "Farmacia Salerno Centro", PAR001 "Parafarmacia
// Napoli". Identities (sandbox login ids):
//   "titolare-avellino"   titolare of FAR001, also enabled (titolare) on FAR002
//   "dipendente-avellino" dipendente of FAR001
//   "dipendente-multi"    dipendente enabled on FAR001 and PAR001
//   "dipendente-disabilitato" dipendente of FAR001, disabled
//   "titolare-napoli"     titolare of PAR001
// Beneficiaries (valid CFs, female, valid 80380 card numbers, phones ending 333, 444, ...):
// vouchers ATTIVO with months of movements (some of today), SCADUTO, ESAURITO, SOSPESO.
// The exact values are returned by the constants below and by LedgerService::sandboxIdentities().
class DemoData
{
public:
    DemoData(Database& db, const Clock& clock);

    // Returns false (and does nothing) when the database already has data.
    Result<bool> seed();
    // Benchmark data: one structure "BENCH01" (titolare "titolare-bench") with `vouchers` vouchers
    // and `movements` confirmed purchases spread over the last 6 months.
    Result<void> seedBulk(int vouchers = 10000, int movements = 100000);

    // Well-known demo values (documented in docs/sandbox.md by the server helper).
    static QString titolareCf(); // titolare of FAR001 and FAR002
    static QString activeBeneficiaryCf(); // ATTIVO voucher with movements, phone ending 333
    static QString activeCardNumber(); // her Tessera Sanitaria number
    static QString activePhone(); // her phone number (outbox key)
    static QString dipendenteCf(); // "dipendente-avellino", FAR001 only
    static QString multiStructureCf(); // "dipendente-multi", FAR001 and PAR001
    static QString disabledCf(); // "dipendente-disabilitato", disabled on FAR001
    static QString titolareNapoliCf(); // "titolare-napoli", PAR001

private:
    Database& m_db;
    const Clock& m_clock;
};

} // namespace sinfonia::ledger
