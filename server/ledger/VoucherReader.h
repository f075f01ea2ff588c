#pragma once

#include "core/domain/Clock.h"
#include "core/domain/Result.h"
#include "server/ledger/LedgerTypes.h"

namespace sinfonia::ledger {

class AccessControl;
class Database;
class PendingVoids;

// Read side of the counter screens: beneficiary search, voucher with this merchant's transactions,
// receipt download and the structure's movement list with keyset pagination (newest first).
class VoucherReader
{
public:
    VoucherReader(Database& db, const Clock& clock, const AccessControl& access, PendingVoids& voids);

    Result<BeneficiaryView> findBeneficiary(const OperatorContext& ctx, const QString& structureId,
                                            const QString& cfOrCard) const;
    Result<VoucherDetail> voucher(const OperatorContext& ctx, const QString& structureId,
                                  const QString& voucherId) const;
    Result<Receipt> receipt(const OperatorContext& ctx, const QString& structureId, const QString& movementId) const;
    Result<MovementPage> movements(const OperatorContext& ctx, const MovementQuery& q) const;

    // 20 digits, "80380" prefix, Luhn check digit.
    static bool isCardNumber(const QString& s);

private:
    Database& m_db;
    const Clock& m_clock;
    const AccessControl& m_access;
    PendingVoids& m_voids;
};

} // namespace sinfonia::ledger
