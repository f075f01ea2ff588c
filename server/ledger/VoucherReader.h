#pragma once

#include "core/domain/Clock.h"
#include "core/domain/Result.h"
#include "server/ledger/AuditLog.h"
#include "server/ledger/LedgerTypes.h"

#include <QSqlDatabase>

namespace sinfonia::ledger {

class AccessControl;
class Database;
class PendingVoids;

// Read side of the counter screens: beneficiary search, voucher with this merchant's transactions,
// receipt download and the structure's movement list with keyset pagination (newest first).
// A voucher answers only to a structure that reached it by a lookup that Rome day or has a movement
// on it (AuditLog::mayRead); anything else is "voucher.not_found" like a missing one. Lookups, voucher
// reads and receipt downloads are audited; lookups are throttled per operator (AuditLog).
class VoucherReader
{
public:
    VoucherReader(Database& db, const Clock& clock, const AccessControl& access, PendingVoids& voids, AuditLog& audit);

    Result<BeneficiaryView> findBeneficiary(const OperatorContext& ctx, const QString& structureId,
                                            const QString& cfOrCard) const;
    Result<VoucherDetail> voucher(const OperatorContext& ctx, const QString& structureId,
                                  const QString& voucherId) const;
    Result<Receipt> receipt(const OperatorContext& ctx, const QString& structureId, const QString& movementId) const;
    Result<MovementPage> movements(const OperatorContext& ctx, const MovementQuery& q) const;

    // 20 digits, "80380" prefix, Luhn check digit.
    static bool isCardNumber(const QString& s);

private:
    // The SELECTs of a lookup on `db` (inside the throttle's transaction or not); fills the audit
    // record's outcome, CF hash, voucher and grants.
    Result<BeneficiaryView> lookup(QSqlDatabase& db, const QString& cfOrCard, QDate today,
                                   AuditLog::Record* record) const;

    Database& m_db;
    const Clock& m_clock;
    const AccessControl& m_access;
    PendingVoids& m_voids;
    AuditLog& m_audit;
};

} // namespace sinfonia::ledger
