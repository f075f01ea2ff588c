#pragma once

#include "core/domain/Money.h"
#include "core/domain/Result.h"
#include "core/services/journal/OperationJournal.h"
#include "core/services/net/ApiTypes.h"

#include <QObject>
#include <QPointer>
#include <functional>

namespace sinfonia {

class ApiClient;
class ApiRequest;
class Clock;

// Sends purchases and cancellations through the operation journal: the intent (with the exact
// request and its Idempotency-Key) is on disk before the request leaves; the answer is accepted
// only if it matches the intent (structure, voucher or purchase, type, amount), otherwise the
// outcome stays unknown. reconcile() replays every unresolved intent with the same key (the server
// answers with its stored response), so nothing is debited twice and nothing is lost.
class OperationRunner : public QObject
{
    Q_OBJECT
public:
    using Callback = std::function<void(Result<MovementWithChallenge>)>;

    // `clock` decides which intents are too old to replay.
    OperationRunner(ApiClient* api, OperationJournal* journal, const Clock& clock, QObject* parent = nullptr);

    // The logged-in operator (OperatorProfile::id): recorded with every intent; reconcile() replays
    // only this operator's intents. Set it after login, before any purchase.
    void setOperatorId(const QString& operatorId) { m_operatorId = operatorId; }
    QString operatorId() const { return m_operatorId; }

    // "Salva e invia OTP": creates the purchase IN_ATTESA. On a transport failure the error says the
    // outcome is being checked (code "journal.unknown") and reconcile() is scheduled by the caller.
    void purchase(const QString& structureId, const QString& voucherId, Money amount, const QString& commercialDocument,
                  const ReceiptFile& receipt, QObject* context, Callback done);
    void cancellation(const QString& structureId, const QString& voucherId, const QString& purchaseId, Money amount,
                      QObject* context, Callback done);

    // The OTP verify of `pending` (the movement the clerk's dialog is about). Succeeds only with a
    // VerifyResult for that very movement (id, voucher, type, amount) in state CONFERMATO. When the
    // answer is lost (timeout, reset, 5xx), does not match, or is 409 "otp.used" (a retry of a
    // verify the server had committed, e.g. on another server process), the movement and its voucher are read from the
    // server instead: CONFERMATO and matching is a confirmation; still IN ATTESA is the error "verify.pending" (the
    // clerk types the code again or asks for a new one); ANNULLATO is "otp.purchase_voided"; a read that fails is
    // "verify.unknown" (the movement list tells). Other refusals (wrong code, expired, locked) come back as the server
    // said them. The code itself is never written anywhere.
    void verifyOtp(const QString& structureId, const Movement& pending, const QString& code, QObject* context,
                   std::function<void(Result<VerifyResult>)> done);
    static QString verifyPendingMessage();
    static QString verifyUnknownMessage();

    // Intents older than this are not replayed (the server keeps idempotency keys 48 hours).
    static constexpr qint64 maxReplayAgeSecs = 24 * 3600;
    static QString staleMessage();

    // Replays every unresolved intent of the current operator (at start-up after login, after a
    // dropped answer, after re-login).
    void reconcile();
    bool isReconciling() const { return m_reconciling > 0; }
    // A numeric id: the API's voucher and movement ids before they became opaque (issue 10).
    static bool isLegacyId(const QString& id);

Q_SIGNALS:
    // The request of an intent is on the wire (tests abort it here to simulate a dropped answer).
    void requestStarted(const QString& idempotencyKey, sinfonia::ApiRequest* request);
    // An intent reached a final state; `text` is JournalEntry::outcomeText() for the clerk.
    void resolved(const QString& idempotencyKey, bool registered, const QString& text);
    void reconcileFinished(int resolvedCount, int unknownCount);

private:
    void run(const JournalEntry& entry, QObject* context, Callback done);
    Result<MovementWithChallenge> check(const JournalEntry& entry, const QByteArray& body) const;
    void readVerifyOutcome(const QString& structureId, const Movement& pending, const Error& answer,
                           const QPointer<QObject>& context, const std::function<void(Result<VerifyResult>)>& done);

    ApiClient* m_api;
    OperationJournal* m_journal;
    const Clock& m_clock;
    QString m_operatorId;
    int m_reconciling = 0;
    int m_resolvedInRound = 0;
    int m_unknownInRound = 0;
};

} // namespace sinfonia
