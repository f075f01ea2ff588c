#include "core/services/journal/OperationRunner.h"

#include "core/domain/Clock.h"
#include "core/domain/ErrorCodes.h"
#include "core/services/net/ApiClient.h"
#include "core/services/net/ApiDecode.h"
#include "core/services/net/ApiErrors.h"

#include <QCryptographicHash>
#include <QLoggingCategory>

Q_LOGGING_CATEGORY(lcRunner, "sinfonia.services.operations")

namespace sinfonia {

OperationRunner::OperationRunner(ApiClient* api, OperationJournal* journal, const Clock& clock, QObject* parent)
    : QObject(parent)
    , m_api(api)
    , m_journal(journal)
    , m_clock(clock)
{
}

void OperationRunner::purchase(const QString& structureId, const QString& voucherId, Money amount,
                               const QString& commercialDocument, const ReceiptFile& receipt, QObject* context,
                               Callback done)
{
    const QByteArray key = ApiClient::newIdempotencyKey();
    const ApiCall call = ApiClient::purchaseCall(structureId, voucherId, amount, commercialDocument, receipt, key);
    JournalEntry e;
    e.idempotencyKey = QString::fromLatin1(key);
    e.operatorId = m_operatorId;
    e.kind = JournalEntry::Kind::Purchase;
    e.structureId = structureId;
    e.voucherId = voucherId;
    e.amount = amount;
    e.receiptSha256 = QCryptographicHash::hash(receipt.bytes, QCryptographicHash::Sha256).toHex();
    e.method = call.method;
    e.path = call.path;
    e.contentType = call.contentType;
    e.body = call.body;
    run(e, context, std::move(done));
}

void OperationRunner::cancellation(const QString& structureId, const QString& voucherId, const QString& purchaseId,
                                   Money amount, QObject* context, Callback done)
{
    const QByteArray key = ApiClient::newIdempotencyKey();
    const ApiCall call = ApiClient::cancellationCall(structureId, purchaseId, amount, key);
    JournalEntry e;
    e.idempotencyKey = QString::fromLatin1(key);
    e.operatorId = m_operatorId;
    e.kind = JournalEntry::Kind::Cancellation;
    e.structureId = structureId;
    e.voucherId = voucherId;
    e.purchaseId = purchaseId;
    e.amount = amount;
    e.method = call.method;
    e.path = call.path;
    e.contentType = call.contentType;
    e.body = call.body;
    run(e, context, std::move(done));
}

bool OperationRunner::isLegacyId(const QString& id)
{
    bool numeric = false;
    return !id.isEmpty() && id.toLongLong(&numeric) > 0 && numeric;
}

Result<MovementWithChallenge> OperationRunner::check(const JournalEntry& e, const QByteArray& body) const
{
    auto decoded = ApiDecode::movementWithChallenge(body);
    if (!decoded)
        return decoded.error();
    const Movement& m = decoded->movement.movement;
    const bool purchase = e.kind == JournalEntry::Kind::Purchase;
    // An intent journaled before the opaque ids names its voucher by the old numeric id, which is
    // the voucher's display number now.
    const bool sameVoucher = m.voucherId == e.voucherId
        || (!m.voucherDisplayId.isEmpty() && m.voucherDisplayId == e.voucherId && isLegacyId(e.voucherId));
    const bool matches = m.structureId == e.structureId && m.amount == e.amount
        && m.type == (purchase ? MovementType::Acquisto : MovementType::Cancellazione)
        && (purchase ? sameVoucher : m.purchaseId == e.purchaseId);
    if (!matches)
        return ApiDecode::decodeError(QStringLiteral("answer does not match the intent"));
    // A movement is the answer to one intent: an id another intent was confirmed with is a stale
    // answer (its OTP verify would read that other, maybe confirmed, movement).
    if (const auto other = m_journal->keyOfMovement(m.id); other && *other != e.idempotencyKey)
        return ApiDecode::decodeError(QStringLiteral("answer names the movement of another intent"));
    return decoded;
}

void OperationRunner::run(const JournalEntry& entry, QObject* context, Callback done)
{
    const QString key = entry.idempotencyKey;
    if (!entry.createdAt.isValid() || entry.state == JournalEntry::State::Pending) {
        // New intents are written first; a failed write means nothing is sent.
        if (!m_journal->entry(key)) {
            Result<void> saved = m_journal->record(entry);
            if (!saved) {
                if (done)
                    done(saved.error());
                return;
            }
        }
    }
    (void)m_journal->markSent(key);
    ApiCall call;
    call.method = entry.method;
    call.path = entry.path;
    call.contentType = entry.contentType;
    call.body = entry.body;
    call.idempotencyKey = key.toLatin1();
    // A receipt upload on a slow counter line may take a while; a cancellation uses the client's timeout.
    if (entry.kind == JournalEntry::Kind::Purchase)
        call.timeoutMs = 60000;
    QPointer<QObject> ctx(context);
    ApiRequest* req = m_api->send(std::move(call), this, [this, entry, ctx, done](const Result<ApiResponse>& r) {
        const QString k = entry.idempotencyKey;
        if (r.ok()) {
            auto checked = check(entry, r.value().body);
            if (checked) {
                JournalEntry final = entry;
                final.state = JournalEntry::State::Confirmed;
                (void)m_journal->markConfirmed(k, checked->movement.movement.id, final.outcomeText());
                Q_EMIT resolved(k, true, final.outcomeText());
                if (ctx && done)
                    done(checked);
                return;
            }
            qCWarning(lcRunner) << "answer for" << k << "rejected:" << checked.error().detail;
            (void)m_journal->markUnknown(k, checked.error().detail);
            if (ctx && done)
                done(checked.error());
            return;
        }
        if (ApiErrors::isDefinitive(r.error())) {
            JournalEntry final = entry;
            final.state = JournalEntry::State::Failed;
            (void)m_journal->markFailed(k, r.error().message);
            Q_EMIT resolved(k, false, final.outcomeText());
        } else {
            (void)m_journal->markUnknown(k, r.error().code);
        }
        if (ctx && done)
            done(r.error());
    });
    Q_EMIT requestStarted(key, req);
}

void OperationRunner::verifyOtp(const QString& structureId, const Movement& pending, const QString& code,
                                QObject* context, std::function<void(Result<VerifyResult>)> done)
{
    QPointer<QObject> ctx(context);
    m_api->verifyOtp(
        structureId, pending.id, code, this, [this, structureId, pending, ctx, done](Result<VerifyResult> r) {
            if (!ctx)
                return;
            Error reason;
            if (r.ok()) {
                const auto matches = ApiDecode::checkConfirms(r.value(), pending);
                if (matches.ok()) {
                    if (done)
                        done(std::move(r));
                    return;
                }
                reason = matches.error();
            } else {
                reason = r.error();
                // "otp.used": the movement's code was used, maybe by this very verify
                // on a server process that died before its answer.
                if (reason.code != codes::otpUsed && ApiErrors::isDefinitive(reason)) {
                    if (done)
                        done(std::move(r));
                    return;
                }
            }
            qCInfo(lcRunner) << "verify of" << pending.id << "answered" << reason.code << ": reading the movement";
            readVerifyOutcome(structureId, pending, reason, ctx, done);
        });
}

void OperationRunner::readVerifyOutcome(const QString& structureId, const Movement& pending, const Error& answer,
                                        const QPointer<QObject>& ctx,
                                        const std::function<void(Result<VerifyResult>)>& done)
{
    const auto finish = [ctx, done](Result<VerifyResult> r) {
        if (ctx && done)
            done(std::move(r));
    };
    const auto unknown = [answer] {
        Error e = makeError(QString(codes::verifyUnknown), verifyUnknownMessage(), answer.code);
        return e;
    };
    m_api->transactions(structureId, pending.voucherId, this,
                        [this, structureId, pending, finish, unknown](Result<QList<ApiMovement>> list) {
                            if (!list.ok()) {
                                finish(unknown());
                                return;
                            }
                            const ApiMovement* found = nullptr;
                            for (const ApiMovement& m : list.value()) {
                                if (m.movement.id == pending.id)
                                    found = &m;
                            }
                            if (!found) {
                                finish(unknown());
                                return;
                            }
                            const ApiMovement movement = *found;
                            if (movement.movement.state == MovementState::InAttesa) {
                                finish(makeError(QString(codes::verifyPending), verifyPendingMessage()));
                                return;
                            }
                            if (movement.movement.state == MovementState::Annullato) {
                                finish(makeError(QString(codes::otpPurchaseVoided),
                                                 ApiErrors::clientText(QString(codes::otpPurchaseVoided))));
                                return;
                            }
                            m_api->voucher(structureId, pending.voucherId, this,
                                           [pending, movement, finish, unknown](Result<VoucherInfo> voucher) {
                                               if (!voucher.ok()) {
                                                   finish(unknown());
                                                   return;
                                               }
                                               VerifyResult read {movement, voucher.value()};
                                               // The same rule as for the verify's own answer: this movement,
                                               // this amount, CONFERMATO.
                                               if (!ApiDecode::checkConfirms(read, pending).ok()
                                                   || read.voucher.voucher.id != pending.voucherId) {
                                                   finish(unknown());
                                                   return;
                                               }
                                               qCInfo(lcRunner)
                                                   << "movement" << pending.id << "read CONFERMATO after the verify";
                                               finish(std::move(read));
                                           });
                        });
}

QString OperationRunner::verifyPendingMessage()
{
    return tr("Il pagamento non risulta confermato: inserisci di nuovo il codice o premi \"Invia nuovamente\".");
}

QString OperationRunner::verifyUnknownMessage()
{
    return tr("Esito della conferma non verificato: controlla l'elenco movimenti prima di ripetere.");
}

QString OperationRunner::staleMessage()
{
    return tr("Esito non verificabile automaticamente: controlla l'elenco movimenti.");
}

void OperationRunner::reconcile()
{
    QList<JournalEntry> open;
    const QDateTime replayLimit = m_clock.now().addSecs(-maxReplayAgeSecs);
    for (const JournalEntry& e : m_journal->unresolved()) {
        if (e.operatorId != m_operatorId)
            continue;
        // The server keeps keys for 48 hours: an older replay could be a new purchase. Left to the
        // clerk, who checks the movement list.
        if (e.createdAt.isValid() && e.createdAt < replayLimit) {
            if (e.state != JournalEntry::State::Unknown || e.message != staleMessage())
                (void)m_journal->markUnknown(e.idempotencyKey, staleMessage());
            continue;
        }
        open.append(e);
    }
    if (open.isEmpty() || m_reconciling > 0) {
        if (m_reconciling == 0)
            Q_EMIT reconcileFinished(0, 0);
        return;
    }
    m_reconciling = int(open.size());
    m_resolvedInRound = 0;
    m_unknownInRound = 0;
    for (const JournalEntry& e : open) {
        if (e.body.isEmpty() && e.method.isEmpty()) {
            (void)m_journal->markFailed(e.idempotencyKey, QStringLiteral("no request to replay"));
            --m_reconciling;
            continue;
        }
        qCInfo(lcRunner) << "replaying intent" << e.idempotencyKey;
        run(e, this, [this](Result<MovementWithChallenge> r) {
            if (r.ok() || ApiErrors::isDefinitive(r.error()))
                ++m_resolvedInRound;
            else
                ++m_unknownInRound;
            if (--m_reconciling == 0)
                Q_EMIT reconcileFinished(m_resolvedInRound, m_unknownInRound);
        });
    }
    if (m_reconciling == 0)
        Q_EMIT reconcileFinished(m_resolvedInRound, m_unknownInRound);
}

} // namespace sinfonia
