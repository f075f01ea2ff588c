#pragma once

#include "core/domain/Clock.h"
#include "core/domain/Result.h"
#include "server/ledger/LedgerTypes.h"
#include "server/ledger/SmsSender.h"

#include <QSqlDatabase>

namespace sinfonia::ledger {

class AuditLog;
class Database;
class PendingVoids;
class SmsSeal;
class WriteTransaction;

// OTP challenges of pending movements. A code is 6 digits from the system CSPRNG, stored only as
// SHA-256(salt, movement, amount, structure, code), so it is bound to all three. Limits come from
// LedgerOptions: validity, failures (the next attempt after the last allowed failure is
// refused as locked), resend cooldown and cap; a resend issues a new code but keeps the failures.
// Every check-and-update runs in one write transaction that first locks the voucher row, so
// parallel guesses are evaluated one at a time.
class OtpManager
{
public:
    struct Issued
    {
        qint64 challengeId = 0;
        SmsMessage sms;
        qint64 pendingId = 0; // its sealed sms_pending row (0 without a seal)
    };

    OtpManager(Database& db, const Clock& clock, SmsSender& sms, PendingVoids& voids, AuditLog& audit,
               LedgerOptions options);

    // With a seal (a real SMS gateway), every message is first written sealed to sms_pending in
    // the transaction that issues its code (a transactional outbox), sent after the commit and
    // deleted once the gateway accepted it; one left behind by a crash is sent by deliverPending().
    // Without one (the sandbox outbox) nothing is stored here.
    void setSeal(const SmsSeal* seal) { m_seal = seal; }

    // Inside the caller's write transaction: voids the movement's active challenge, creates a new
    // one. The SMS must be delivered with deliver() after the commit.
    Result<Issued> issue(QSqlDatabase& db, const MovementView& m, const QString& phone);
    // True when issue()'s message is sent inside the transaction (SmsSender::writesTo): call
    // deliverInTransaction() before the commit instead of deliver() after it.
    bool sendsInTransaction() const;
    Result<void> deliverInTransaction(const Issued& issued);
    // After the commit. False when the gateway did not take it: the challenge is then open to
    // "Invia nuovamente" at once (no cooldown) and the caller tells the clerk (sms.not_sent).
    bool deliver(const Issued& issued);
    // Sends the sealed messages a crash left behind (older than minAgeSecs, still valid) and
    // deletes expired ones. Returns how many were sent.
    Result<int> deliverPending(int minAgeSecs);
    // Latest challenge of the movement as the client sees it.
    Result<OtpChallengeView> view(QSqlDatabase& db, const MovementView& m);

    // Each in its own transaction; `structure` was already checked by the caller.
    Result<OtpChallengeView> authorize(const StructureInfo& structure, const QString& movementId);
    Result<OtpChallengeView> resend(const StructureInfo& structure, const QString& movementId);
    Result<OtpChallengeView> status(const StructureInfo& structure, const QString& movementId);
    // Audited: the outcome row commits with a wrong code's failure or with the confirmation.
    Result<VerifyResult> verify(const QString& operatorCf, const StructureInfo& structure, const QString& movementId,
                                const QString& code);

private:
    // Inside the transaction: replaces the movement's sealed pending message (0 without a seal).
    Result<qint64> stashPending(QSqlDatabase& db, qint64 movementId, const SmsMessage& sms, qint64 expiresAtMs);
    void dropPending(qint64 pendingId);
    QString hashCode(const QString& salt, const MovementView& m, const QString& code) const;
    SmsMessage smsFor(const MovementView& m, const QString& phone, const QString& code) const;
    // verify's two endings, inside its transaction: a wrong code counts a failure and commits it;
    // the right one confirms the movement (a cancellation refunds the voucher) and commits.
    Error failedAttempt(WriteTransaction& tx, qint64 challengeId, int failures);
    Result<VerifyResult> confirm(WriteTransaction& tx, const MovementView& m, qint64 challengeId, qint64 voucherId,
                                 QDate today);

    Database& m_db;
    const Clock& m_clock;
    SmsSender& m_sms;
    PendingVoids& m_voids;
    const SmsSeal* m_seal = nullptr;
    AuditLog& m_audit;
    LedgerOptions m_options;
};

} // namespace sinfonia::ledger
