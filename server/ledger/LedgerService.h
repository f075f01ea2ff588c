#pragma once

#include "core/domain/Clock.h"
#include "core/domain/Result.h"
#include "server/ledger/LedgerTypes.h"

#include <memory>

namespace sinfonia::ledger {

class Database;
class SmsSender;
class SmsSeal;
class AccessControl;
class AuditLog;
class StaffManager;
class VoucherReader;
class MovementWriter;
class OtpManager;
class PendingVoids;

// The business layer of sinfonia-server: every screen operation of design README §2 with every
// ledger rule enforced inside one database transaction. Stateless apart from the database, so any
// number of server processes can share one. Thread-safe: each thread uses its own connection.
//
// Every call takes the caller's OperatorContext. A structure the operator is not enabled for (user
// disabled, service not enabled, or unknown) answers "structure.not_found", exactly like a missing
// one; another structure's movement answers "movement.not_found". Error codes are listed in
// LedgerErrors.h together with the HTTP status they map to; messages are Italian.
class LedgerService
{
public:
    using Options = LedgerOptions;

    LedgerService(Database& db, const Clock& clock, SmsSender& sms);
    LedgerService(Database& db, const Clock& clock, SmsSender& sms, Options options);
    ~LedgerService();
    LedgerService(const LedgerService&) = delete;
    LedgerService& operator=(const LedgerService&) = delete;

    // Operator profile and structures (enabled user + enabled voucher service). "operator.not_found"
    // when the CF is unknown.
    Result<OperatorProfile> profile(const OperatorContext& ctx) const;
    Result<StructureInfo> structure(const OperatorContext& ctx, const QString& structureId) const;

    // Staff management, titolare only ("employee.forbidden" for a dipendente).
    Result<QList<Employee>> employees(const OperatorContext& ctx, const QString& structureId) const;
    Result<Employee> addEmployee(const OperatorContext& ctx, const QString& structureId, const NewEmployee& e);
    Result<Employee> associateService(const OperatorContext& ctx, const QString& structureId, const QString& employeeCf,
                                      const QString& service);
    Result<Employee> removeService(const OperatorContext& ctx, const QString& structureId, const QString& employeeCf,
                                   const QString& service);
    Result<Employee> setEmployeeEnabled(const OperatorContext& ctx, const QString& structureId,
                                        const QString& employeeCf, bool enabled);

    // Beneficiary by codice fiscale (16 chars, validated) or Tessera Sanitaria number (20 digits,
    // 80380..., Luhn). "beneficiary.query_invalid" or "beneficiary.not_found".
    Result<BeneficiaryView> findBeneficiary(const OperatorContext& ctx, const QString& structureId,
                                            const QString& cfOrCard) const;
    Result<VoucherDetail> voucher(const OperatorContext& ctx, const QString& structureId,
                                  const QString& voucherId) const;
    Result<Receipt> receipt(const OperatorContext& ctx, const QString& structureId, const QString& movementId) const;
    Result<MovementPage> movements(const OperatorContext& ctx, const MovementQuery& q) const;

    // Purchase IN_ATTESA reserving its amount + an OTP sent by SMS.
    Result<OtpChallengeView> createPurchase(const OperatorContext& ctx, const PurchaseRequest& r);
    // Cancellation IN_ATTESA of a confirmed purchase of today (Rome) + an OTP sent by SMS.
    Result<OtpChallengeView> createCancellation(const OperatorContext& ctx, const CancellationRequest& r);

    // "Annulla acquisto in attesa" of a pending purchase of the structure: ANNULLATO (STRUTTURA),
    // reservation released, OTP void. "void.not_purchase", "movement.not_pending".
    Result<VoidResult> voidPurchase(const OperatorContext& ctx, const VoidRequest& r);
    // Expires every purchase pending longer than LedgerOptions::pendingPurchaseExpirySecs
    // (the server's periodic sweep, and the sandbox after a clock change). Returns how many.
    Result<int> expirePendingPurchases();

    // OTP of a pending movement (purchase or cancellation).
    // authorize: voids any previous challenge and sends a new one (respects the resend cooldown).
    Result<OtpChallengeView> authorize(const OperatorContext& ctx, const QString& structureId,
                                       const QString& movementId);
    // resend: new code on the same challenge; failures are kept. Cooldown and cap apply.
    Result<OtpChallengeView> resendOtp(const OperatorContext& ctx, const QString& structureId,
                                       const QString& movementId);
    // Current challenge state (e.g. attemptsLeft after "otp.invalid").
    Result<OtpChallengeView> otpStatus(const OperatorContext& ctx, const QString& structureId,
                                       const QString& movementId) const;
    // verify: the movement becomes CONFERMATO atomically. Errors: "otp.invalid" (message tells
    // the attempts left), "otp.expired", "otp.locked" (5 failures), "otp.used", "otp.not_found",
    // "cancel.not_same_day" for a cancellation confirmed after midnight.
    Result<VerifyResult> verifyOtp(const OperatorContext& ctx, const QString& structureId, const QString& movementId,
                                   const QString& code);

    // A real SMS gateway: OTP messages wait in sms_pending sealed with `seal` (see OtpManager).
    void setSmsSeal(const SmsSeal* seal);
    // Sends the sealed messages a crash left behind (older than minAgeSecs); drops expired ones.
    Result<int> deliverPendingSms(int minAgeSecs);
    // The structure's audit trail (titolare only: "audit.forbidden"), newest first, the window and
    // pagination of movements(). Queued reads are written first.
    Result<AuditPage> audit(const OperatorContext& ctx, const AuditQuery& q) const;
    // Deletes trail rows older than the retention (server start and daily); the rows deleted.
    Result<int> purgeAudit();
    // Writes the batched reads now (tests, shutdown).
    Result<void> flushAudit();

    // Sandbox login page.
    Result<QList<SandboxIdentity>> sandboxIdentities() const;

    const Clock& clock() const { return m_clock; }

private:
    Database& m_db;
    const Clock& m_clock;
    std::unique_ptr<AccessControl> m_access;
    std::unique_ptr<AuditLog> m_audit;
    std::unique_ptr<StaffManager> m_staff;
    std::unique_ptr<PendingVoids> m_voids;
    std::unique_ptr<VoucherReader> m_reader;
    std::unique_ptr<OtpManager> m_otp;
    std::unique_ptr<MovementWriter> m_writer;
};

} // namespace sinfonia::ledger
