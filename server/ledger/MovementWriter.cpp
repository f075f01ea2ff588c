#include "server/ledger/MovementWriter.h"

#include "core/domain/ErrorCodes.h"
#include "core/domain/Money.h"
#include "core/domain/VoucherRules.h"
#include "server/ledger/Database.h"
#include "server/ledger/LedgerErrors.h"
#include "server/ledger/LedgerRows.h"
#include "server/ledger/OtpManager.h"
#include "server/ledger/PendingVoids.h"
#include "server/ledger/PublicId.h"
#include "server/ledger/SqlUtil.h"

namespace sinfonia::ledger {

namespace {
QVariant nullableKey(const QString& key)
{
    return key.isEmpty() ? QVariant(QMetaType::fromType<QString>()) : QVariant(key);
}

// A refusal of VoucherRules as the server answers it: the code's Italian message of LedgerErrors
// (the rule's text is the client's), the rule's detail for the logs.
Error refusal(const Error& rule)
{
    return errors::make(rule.code, rule.detail);
}

// The purchase row a cancellation is checked against, and what its cancellations (pending or
// confirmed) already claim, in the shape VoucherRules::checkCancellation takes.
struct PurchaseToCancel
{
    Movement purchase;
    QList<Movement> claimed;
};

PurchaseToCancel purchaseFrom(const sql::Row& q, qint64 purchaseId)
{
    PurchaseToCancel p;
    p.purchase.id = QString::number(purchaseId);
    // An unknown type or state cannot pass the CHECK constraints; read as what refuses.
    p.purchase.type = movementTypeFromWire(q.value("type").toString()).value_or(MovementType::Cancellazione);
    p.purchase.state = movementStateFromWire(q.value("state").toString()).value_or(MovementState::InAttesa);
    p.purchase.amount = Money::fromCents(q.value("amount_cents").toLongLong());
    p.purchase.createdAt = sql::fromMs(q.value("created_at_ms").toLongLong());
    Movement claimed;
    claimed.type = MovementType::Cancellazione;
    claimed.purchaseId = p.purchase.id;
    claimed.amount = Money::fromCents(q.value("cancelled_cents").toLongLong());
    p.claimed << claimed;
    return p;
}
} // namespace

MovementWriter::MovementWriter(Database& db, const Clock& clock, OtpManager& otp, PendingVoids& voids, AuditLog& audit,
                               LedgerOptions options)
    : m_db(db)
    , m_clock(clock)
    , m_otp(otp)
    , m_voids(voids)
    , m_audit(audit)
    , m_options(options)
{
}

QString MovementWriter::detectReceiptType(const QByteArray& data)
{
    if (data.startsWith(QByteArrayLiteral("\xFF\xD8\xFF")))
        return QStringLiteral("image/jpeg");
    if (data.startsWith(QByteArrayLiteral("\x89PNG\r\n\x1A\n")))
        return QStringLiteral("image/png");
    if (data.startsWith(QByteArrayLiteral("%PDF-")))
        return QStringLiteral("application/pdf");
    return {};
}

Result<ReceiptCheck::Clean> MovementWriter::checkReceipt(const PurchaseRequest& r) const
{
    if (r.receipt.isEmpty())
        return errors::make(codes::receiptEmpty);
    if (r.receipt.size() > m_options.maxReceiptBytes)
        return errors::make(codes::receiptTooLarge);
    const QString type = detectReceiptType(r.receipt);
    if (type.isEmpty())
        return errors::make(codes::receiptTypeInvalid);
    QString declared = r.receiptContentType.section(QLatin1Char(';'), 0, 0).trimmed().toLower();
    if (declared == QLatin1String("image/jpg"))
        declared = QStringLiteral("image/jpeg");
    if (!declared.isEmpty() && declared != QLatin1String("application/octet-stream") && declared != type)
        return errors::make(codes::receiptTypeInvalid, QStringLiteral("declared type differs from content"));
    return ReceiptCheck::clean(r.receipt, type, m_options.maxReceiptBytes);
}

Result<std::optional<OtpChallengeView>> MovementWriter::replayByKey(QSqlDatabase& db, const OperatorContext& ctx,
                                                                    const QString& key, MovementType type,
                                                                    const QString& structureId, qint64 amountCents,
                                                                    qint64 targetId)
{
    if (key.isEmpty())
        return std::optional<OtpChallengeView>();
    auto q = sql::first(db,
                        QStringLiteral("SELECT id, type, structure_id, amount_cents, voucher_id, purchase_id"
                                       " FROM movements WHERE operator_cf = ? AND idem_key = ?"),
                        {ctx.operatorCf, key});
    if (!q)
        return q.error();
    if (!q->isValid())
        return std::optional<OtpChallengeView>();
    const qint64 target = q->value(type == MovementType::Acquisto ? "voucher_id" : "purchase_id").toLongLong();
    if (movementTypeFromWire(q->value("type").toString()) != type || q->value("structure_id").toString() != structureId
        || q->value("amount_cents").toLongLong() != amountCents || target != targetId)
        return errors::make(codes::idempotencyKeyReused, QStringLiteral("movement key of other request"));
    auto m = rows::movementById(db, q->value("id").toLongLong(), structureId, m_clock.todayInRome());
    if (!m)
        return m.error();
    auto view = m_otp.view(db, *m);
    if (!view)
        return view.error();
    qCInfo(lcLedger) << "idempotent retry: movement" << m->id << "already created, not created again";
    return std::optional<OtpChallengeView>(*view);
}

AuditLog::Record MovementWriter::auditRecord(const OperatorContext& ctx, const QString& structureId,
                                             const QString& action, qint64 nowMs) const
{
    AuditLog::Record r;
    r.atMs = nowMs;
    r.operatorCf = ctx.operatorCf;
    r.structureId = structureId;
    r.action = action;
    return r;
}

Error MovementWriter::refused(AuditLog::Record record, const Error& e)
{
    // A refusal writes nothing else: its row goes with the batched reads.
    record.outcome = e.code;
    if (e.code != codes::dbError && e.code != codes::dbBusy)
        m_audit.enqueue(std::move(record));
    return e;
}

Result<qint64> MovementWriter::cancellationTarget(QSqlDatabase& db, const OperatorContext& ctx,
                                                  const QString& structureId, const CancellationRequest& r)
{
    if (PublicId::isWellFormed(r.purchaseId))
        return rows::movementRowId(db, r.purchaseId, structureId);
    // As purchaseTarget: a numeric purchase id only to replay the cancellation this key created.
    bool numeric = false;
    const qint64 legacy = r.purchaseId.toLongLong(&numeric);
    if (!numeric || legacy <= 0 || r.idempotencyKey.isEmpty())
        return errors::make(codes::movementNotFound);
    auto q = sql::first(db,
                        QStringLiteral("SELECT purchase_id FROM movements WHERE operator_cf = ? AND idem_key = ?"
                                       " AND type = 'CANCELLAZIONE' AND structure_id = ?"),
                        {ctx.operatorCf, r.idempotencyKey, structureId});
    if (!q)
        return q.error();
    if (!q->isValid() || q->value("purchase_id").toLongLong() != legacy)
        return errors::make(codes::movementNotFound, QStringLiteral("legacy id without its movement"));
    return legacy;
}

Result<qint64> MovementWriter::purchaseTarget(QSqlDatabase& db, const OperatorContext& ctx, const PurchaseRequest& r)
{
    if (PublicId::isWellFormed(r.voucherId))
        return rows::voucherRowId(db, r.voucherId);
    // A numeric id is the shape of the API before the opaque ids (schema 4). It is accepted only to
    // replay a purchase this operator already created with that Idempotency-Key on that voucher (an
    // intent journaled by a client before the upgrade); anything else is a missing voucher.
    bool numeric = false;
    const qint64 legacy = r.voucherId.toLongLong(&numeric);
    if (!numeric || legacy <= 0 || r.idempotencyKey.isEmpty())
        return errors::make(codes::voucherNotFound);
    auto q = sql::first(db,
                        QStringLiteral("SELECT voucher_id FROM movements WHERE operator_cf = ? AND idem_key = ?"
                                       " AND type = 'ACQUISTO'"),
                        {ctx.operatorCf, r.idempotencyKey});
    if (!q)
        return q.error();
    if (!q->isValid() || q->value("voucher_id").toLongLong() != legacy)
        return errors::make(codes::voucherNotFound, QStringLiteral("legacy id without its movement"));
    return legacy;
}

Result<OtpChallengeView> MovementWriter::purchase(const OperatorContext& ctx, const StructureInfo& structure,
                                                  const PurchaseRequest& r)
{
    // Before any database work; VoucherRules::checkPurchase repeats it under the lock.
    if (r.amountCents <= 0 || r.amountCents > Money::maxCents)
        return errors::make(codes::purchaseAmountInvalid);
    const QString document = r.commercialDocument.trimmed();
    if (document.size() > 64)
        return errors::make(codes::purchaseDocumentInvalid);
    auto receiptFile = checkReceipt(r);
    if (!receiptFile)
        return receiptFile.error();
    const QDate today = m_clock.todayInRome();
    const qint64 now = sql::nowMs(m_clock);
    AuditLog::Record record = auditRecord(ctx, structure.id, AuditLog::actions::purchase, now);
    auto refuse = [&](const Error& e) { return refused(record, e); };

    WriteTransaction tx(m_db);
    if (!tx.ok())
        return *tx.beginError();
    QSqlDatabase& db = tx.db();
    auto resolved = purchaseTarget(db, ctx, r);
    if (!resolved)
        return refuse(resolved.error());
    const qint64 voucherId = *resolved;
    record.voucherRowId = voucherId;
    auto v = rows::lockVoucher(db, voucherId, m_db.isPostgres());
    if (!v)
        return refuse(v.error());
    // Stale pending purchases give their reservation back before the funds are judged.
    auto expired = m_voids.expireLocked(db, voucherId);
    if (!expired)
        return expired.error();
    if (*expired > 0) {
        v = rows::lockVoucher(db, voucherId, m_db.isPostgres());
        if (!v)
            return refuse(v.error());
    }
    // Before any rule: a retry of a purchase that already committed answers with that purchase.
    auto previous
        = replayByKey(db, ctx, r.idempotencyKey, MovementType::Acquisto, structure.id, r.amountCents, voucherId);
    if (!previous)
        return previous.error();
    if (*previous)
        return **previous;
    // Only a voucher the structure reached by a lookup today or has a movement on.
    auto reachable = m_audit.mayRead(db, structure.id, voucherId, today);
    if (!reachable)
        return reachable.error();
    if (!*reachable)
        return refuse(errors::make(codes::voucherNotFound, QStringLiteral("not reached by this structure")));
    // The rules the client shows too (state, dates, funds), on the row as locked.
    if (auto allowed = VoucherRules::checkPurchase(v->voucher, Money::fromCents(r.amountCents), today); !allowed)
        return refuse(refusal(allowed.error()));

    auto ins
        = sql::first(db,
                     QStringLiteral("INSERT INTO movements (public_id, voucher_id, structure_id, operator_cf,"
                                    " type, state, amount_cents, commercial_document, created_at_ms, idem_key)"
                                    " VALUES (?, ?, ?, ?, 'ACQUISTO', 'IN_ATTESA', ?, ?, ?, ?) RETURNING id"),
                     {PublicId::generate(), sql::big(voucherId), structure.id, ctx.operatorCf, sql::big(r.amountCents),
                      document.isEmpty() ? QVariant(QMetaType::fromType<QString>()) : QVariant(document), sql::big(now),
                      nullableKey(r.idempotencyKey)});
    if (!ins)
        return ins.error();
    const qint64 movementId = ins->value("id").toLongLong();
    auto receipt = sql::exec(
        db,
        QStringLiteral("INSERT INTO receipts (movement_id, content_type, data, size_bytes)"
                       " VALUES (?, ?, ?, ?)"),
        {sql::big(movementId), receiptFile->contentType, receiptFile->data, sql::big(receiptFile->data.size())});
    if (!receipt)
        return receipt.error();
    // The pending purchase reserves its amount now; the WHERE clause and the CHECK constraint
    // guard the balance even if a rule above were wrong.
    auto reserve = sql::exec(db,
                             QStringLiteral("UPDATE vouchers SET used_cents = used_cents + ?"
                                            " WHERE id = ? AND used_cents + ? <= initial_cents"),
                             {sql::big(r.amountCents), sql::big(voucherId), sql::big(r.amountCents)});
    if (!reserve)
        return reserve.error();
    if (reserve->numRowsAffected() != 1)
        return refuse(errors::make(codes::voucherInsufficientFunds));
    record.movementRowId = movementId;
    record.cfHash = m_audit.hashCf(v->cf);
    record.outcome = QStringLiteral("ok");
    if (auto a = m_audit.append(db, record); !a)
        return a.error();

    return issueOtpAndCommit(tx, movementId, structure.id, today, v->phone);
}

Result<OtpChallengeView> MovementWriter::cancellation(const OperatorContext& ctx, const StructureInfo& structure,
                                                      const CancellationRequest& r)
{
    if (r.amountCents <= 0 || r.amountCents > Money::maxCents)
        return errors::make(codes::cancelAmountInvalid);
    const QDate today = m_clock.todayInRome();
    AuditLog::Record record = auditRecord(ctx, structure.id, AuditLog::actions::cancellation, sql::nowMs(m_clock));
    auto refuse = [&](const Error& e) { return refused(record, e); };
    QSqlDatabase conn = m_db.connection();
    auto purchaseRow = cancellationTarget(conn, ctx, structure.id, r);
    if (!purchaseRow)
        return refuse(purchaseRow.error());
    const qint64 purchaseId = *purchaseRow;
    auto before = rows::movementById(conn, purchaseId, structure.id, today);
    if (!before)
        return refuse(before.error());
    const qint64 voucherId = before->voucherRowId;
    record.voucherRowId = voucherId;
    record.cfHash = m_audit.hashCf(before->codiceFiscale);

    WriteTransaction tx(m_db);
    if (!tx.ok())
        return *tx.beginError();
    QSqlDatabase& db = tx.db();
    auto v = rows::lockVoucher(db, voucherId, m_db.isPostgres());
    if (!v)
        return v.error();
    auto previous
        = replayByKey(db, ctx, r.idempotencyKey, MovementType::Cancellazione, structure.id, r.amountCents, purchaseId);
    if (!previous)
        return previous.error();
    if (*previous)
        return **previous;
    auto p = sql::first(db,
                        QStringLiteral("SELECT type, state, amount_cents, cancelled_cents, created_at_ms FROM movements"
                                       " WHERE id = ? AND structure_id = ?")
                            + m_db.forUpdate(),
                        {sql::big(purchaseId), structure.id});
    if (!p)
        return p.error();
    if (!p->isValid())
        return refuse(errors::make(codes::movementNotFound));
    const PurchaseToCancel target = purchaseFrom(*p, purchaseId);
    if (auto allowed
        = VoucherRules::checkCancellation(target.purchase, target.claimed, Money::fromCents(r.amountCents), m_clock);
        !allowed)
        return refuse(refusal(allowed.error()));

    auto ins
        = sql::first(db,
                     QStringLiteral("INSERT INTO movements (public_id, voucher_id, structure_id, operator_cf,"
                                    " type, state, amount_cents, purchase_id, created_at_ms, idem_key)"
                                    " VALUES (?, ?, ?, ?, 'CANCELLAZIONE', 'IN_ATTESA', ?, ?, ?, ?) RETURNING id"),
                     {PublicId::generate(), sql::big(voucherId), structure.id, ctx.operatorCf, sql::big(r.amountCents),
                      sql::big(purchaseId), sql::big(sql::nowMs(m_clock)), nullableKey(r.idempotencyKey)});
    if (!ins)
        return ins.error();
    const qint64 movementId = ins->value("id").toLongLong();
    // Pending and confirmed cancellations both count against the purchase.
    auto bound = sql::exec(db,
                           QStringLiteral("UPDATE movements SET cancelled_cents = cancelled_cents + ?"
                                          " WHERE id = ? AND cancelled_cents + ? <= amount_cents"),
                           {sql::big(r.amountCents), sql::big(purchaseId), sql::big(r.amountCents)});
    if (!bound)
        return bound.error();
    if (bound->numRowsAffected() != 1)
        return refuse(errors::make(codes::cancelAmountExceeds));
    record.movementRowId = movementId;
    record.outcome = QStringLiteral("ok");
    if (auto a = m_audit.append(db, record); !a)
        return a.error();

    return issueOtpAndCommit(tx, movementId, structure.id, today, v->phone);
}

Result<VoidResult> MovementWriter::voidPurchase(const OperatorContext& ctx, const StructureInfo& structure,
                                                const VoidRequest& r)
{
    const QDate today = m_clock.todayInRome();
    QSqlDatabase conn = m_db.connection();
    auto rowId = rows::movementRowId(conn, r.purchaseId, structure.id);
    if (!rowId)
        return rowId.error();
    const qint64 purchaseId = *rowId;
    auto before = rows::movementById(conn, purchaseId, structure.id, today);
    if (!before)
        return before.error();
    if (before->type != MovementType::Acquisto)
        return errors::make(codes::voidNotPurchase);
    const qint64 voucherId = before->voucherRowId;
    AuditLog::Record record = auditRecord(ctx, structure.id, AuditLog::actions::voidPurchase, sql::nowMs(m_clock));
    record.voucherRowId = voucherId;
    record.movementRowId = purchaseId;
    record.cfHash = m_audit.hashCf(before->codiceFiscale);

    WriteTransaction tx(m_db);
    if (!tx.ok())
        return *tx.beginError();
    QSqlDatabase& db = tx.db();
    auto v = rows::lockVoucher(db, voucherId, m_db.isPostgres());
    if (!v)
        return v.error();
    // An expired purchase is annulled by the expiry, not by this request: it is no longer pending.
    auto expired = m_voids.expireLocked(db, voucherId);
    if (!expired)
        return expired.error();
    auto m = rows::movementById(db, purchaseId, structure.id, today);
    if (!m)
        return m.error();
    bool released = false;
    if (m->state == MovementState::InAttesa) {
        auto done = m_voids.release(db, purchaseId, voucherId, m->amountCents, VoidReason::Struttura);
        if (!done)
            return done.error();
        released = *done;
    }
    if (!released) {
        if (*expired > 0) {
            if (auto committed = tx.commit(); !committed)
                return committed.error();
        }
        return refused(record, errors::make(codes::movementNotPending));
    }
    // The void and its audit row commit together.
    record.outcome = QStringLiteral("ok");
    if (auto a = m_audit.append(db, record); !a)
        return a.error();
    auto mv = rows::movementById(db, purchaseId, structure.id, today);
    if (!mv)
        return mv.error();
    auto vv = rows::voucherById(db, voucherId, today);
    if (!vv)
        return vv.error();
    auto committed = tx.commitOrHand();
    if (!committed)
        return committed.error();
    return VoidResult {*mv, *vv};
}

Result<OtpChallengeView> MovementWriter::issueOtpAndCommit(WriteTransaction& tx, qint64 movementId,
                                                           const QString& structureId, QDate today,
                                                           const QString& phone)
{
    QSqlDatabase& db = tx.db();
    auto m = rows::movementById(db, movementId, structureId, today);
    if (!m)
        return m.error();
    auto issued = m_otp.issue(db, *m, phone);
    if (!issued)
        return issued.error();
    if (m_otp.sendsInTransaction()) {
        // The sandbox outbox: the message commits with the movement, and with the request's
        // idempotent answer when the Router runs it in one commit.
        if (auto sent = m_otp.deliverInTransaction(*issued); !sent)
            return sent.error();
        auto view = m_otp.view(db, *m);
        if (!view)
            return view;
        if (auto committed = tx.commitOrHand(); !committed)
            return committed.error();
        return view;
    }
    auto view = tx.commitWith(m_otp.view(db, *m));
    // The movement is committed whatever the gateway does: the answer says the SMS did not go
    // (otp.smsSent false) and "Invia nuovamente" is open at once.
    if (!view)
        return view;
    OtpChallengeView out = *view;
    if (!m_otp.deliver(*issued)) {
        out.smsSent = false;
        out.resendAvailableAt = m_clock.now();
    }
    return out;
}

} // namespace sinfonia::ledger
