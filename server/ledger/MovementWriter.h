#pragma once

#include "core/domain/Clock.h"
#include "core/domain/Result.h"
#include "server/ledger/AuditLog.h"
#include "server/ledger/LedgerTypes.h"
#include "server/ledger/ReceiptCheck.h"

#include <QSqlDatabase>
#include <optional>

namespace sinfonia::ledger {

class Database;
class OtpManager;
class PendingVoids;
class WriteTransaction;

// Creates purchases and cancellations IN_ATTESA with their OTP challenge. All rules of design
// README §2 are checked in one write transaction that starts by locking the voucher row, so two
// counters can never spend the same euro; CHECK constraints back them up.
class MovementWriter
{
public:
    MovementWriter(Database& db, const Clock& clock, OtpManager& otp, PendingVoids& voids, AuditLog& audit,
                   LedgerOptions options);

    Result<OtpChallengeView> purchase(const OperatorContext& ctx, const StructureInfo& structure,
                                      const PurchaseRequest& r);
    Result<OtpChallengeView> cancellation(const OperatorContext& ctx, const StructureInfo& structure,
                                          const CancellationRequest& r);
    // "Annulla acquisto in attesa": the structure that made a pending purchase voids it. Refused
    // with "void.not_purchase" for a cancellation, "movement.not_pending" when it is no longer
    // pending (confirmed, or already voided or expired: of a void racing a confirmation or another
    // void exactly one wins).
    Result<VoidResult> voidPurchase(const OperatorContext& ctx, const StructureInfo& structure, const VoidRequest& r);

    // "image/jpeg", "image/png", "application/pdf" from the magic bytes; empty if none.
    static QString detectReceiptType(const QByteArray& data);

private:
    AuditLog::Record auditRecord(const OperatorContext& ctx, const QString& structureId, const QString& action,
                                 qint64 nowMs) const;
    Error refused(AuditLog::Record record, const Error& e);
    // The voucher row of a purchase: its public id, or a legacy numeric id replayed with the
    // Idempotency-Key of the purchase it already created.
    Result<qint64> purchaseTarget(QSqlDatabase& db, const OperatorContext& ctx, const PurchaseRequest& r);
    // The purchase row of a cancellation, likewise (a legacy id only with the key that used it).
    Result<qint64> cancellationTarget(QSqlDatabase& db, const OperatorContext& ctx, const QString& structureId,
                                      const CancellationRequest& r);
    // The receipt as it will be stored (ReceiptCheck: images re-encoded, PDFs checked).
    Result<ReceiptCheck::Clean> checkReceipt(const PurchaseRequest& r) const;
    // Inside the write transaction: the movement this operator already created with `key`
    // (answered again, nothing written), nothing, or "idempotency.key_reused" when the key created
    // a different movement. `targetId` is the voucher of a purchase / the purchase of a cancellation.
    Result<std::optional<OtpChallengeView>> replayByKey(QSqlDatabase& db, const OperatorContext& ctx,
                                                        const QString& key, MovementType type,
                                                        const QString& structureId, qint64 amountCents,
                                                        qint64 targetId);
    // The common tail of a purchase and a cancellation: reads the new pending movement back,
    // issues its OTP, commits, and sends the SMS only once committed.
    Result<OtpChallengeView> issueOtpAndCommit(WriteTransaction& tx, qint64 movementId, const QString& structureId,
                                               QDate today, const QString& phone);

    Database& m_db;
    const Clock& m_clock;
    OtpManager& m_otp;
    PendingVoids& m_voids;
    AuditLog& m_audit;
    LedgerOptions m_options;
};

} // namespace sinfonia::ledger
