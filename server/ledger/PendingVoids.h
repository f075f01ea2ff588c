#pragma once

#include "core/domain/Clock.h"
#include "core/domain/Result.h"
#include "server/ledger/LedgerTypes.h"

#include <QSqlDatabase>

namespace sinfonia::ledger {

class Database;

// Nothing holds funds forever: a purchase IN_ATTESA becomes ANNULLATO when its structure voids it
// (VoidReason::Struttura) or when it is still pending LedgerOptions::pendingPurchaseExpirySecs
// after it was made (VoidReason::Scadenza). Either way, in one transaction that holds the
// voucher's row lock (taken first, as by every writer): the state changes only if the movement is
// still IN_ATTESA (the conditional UPDATE decides between a void, an expiry and an OTP
// confirmation racing), the reserved amount goes back to the voucher, the active OTP challenge is
// void and a sealed SMS still waiting for the gateway is deleted.
//
// Expiry is applied where a stale purchase is met: in the write transactions that lock its
// voucher (purchase, OTP, void), before the voucher and the movement list are read (a cheap
// indexed probe first, a write only when something is stale), and by sweep() (the server runs it
// every minute), so a jump of the sandbox clock releases the reservation at the next request.
class PendingVoids
{
public:
    PendingVoids(Database& db, const Clock& clock, LedgerOptions options);

    // Purchases created at or before this instant (UTC ms) and still pending are stale.
    qint64 cutoffMs() const;

    // Inside the caller's write transaction, which holds voucherId's lock. True when this call
    // moved the movement from IN_ATTESA to ANNULLATO (false: it was no longer pending).
    Result<bool> release(QSqlDatabase& db, qint64 movementId, qint64 voucherId, qint64 amountCents, VoidReason reason);
    // Inside the caller's write transaction holding voucherId's lock: expires the voucher's stale
    // pending purchases. Returns how many.
    Result<int> expireLocked(QSqlDatabase& db, qint64 voucherId);

    // Each in transactions of its own (one per voucher); nothing is written when nothing is stale.
    Result<int> expireVoucher(qint64 voucherId);
    Result<int> expireStructure(const QString& structureId);
    // Every stale pending purchase, at most `maxVouchers` vouchers per call.
    Result<int> sweep(int maxVouchers = 1000);

private:
    Result<int> expireVouchers(const QString& where, const QVariantList& binds, int maxVouchers);

    Database& m_db;
    const Clock& m_clock;
    LedgerOptions m_options;
};

} // namespace sinfonia::ledger
