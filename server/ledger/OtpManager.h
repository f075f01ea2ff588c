#pragma once

#include "core/domain/Clock.h"
#include "core/domain/Result.h"
#include "server/ledger/LedgerTypes.h"
#include "server/ledger/SmsSender.h"

#include <QSqlDatabase>

namespace sinfonia::ledger {

class AuditLog;
class Database;
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
    };

    OtpManager(Database& db, const Clock& clock, SmsSender& sms, AuditLog& audit, LedgerOptions options);

    // Inside the caller's write transaction: voids the movement's active challenge, creates a new
    // one. The SMS must be delivered with deliver() after the commit.
    Result<Issued> issue(QSqlDatabase& db, const MovementView& m, const QString& phone);
    void deliver(const Issued& issued);
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
    AuditLog& m_audit;
    LedgerOptions m_options;
};

} // namespace sinfonia::ledger
