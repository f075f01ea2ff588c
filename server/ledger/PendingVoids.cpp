#include "server/ledger/PendingVoids.h"

#include "core/domain/ErrorCodes.h"
#include "server/ledger/Database.h"
#include "server/ledger/LedgerErrors.h"
#include "server/ledger/LedgerRows.h"
#include "server/ledger/SqlUtil.h"

namespace sinfonia::ledger {

namespace {
const char staleWhere[] = "state = 'IN_ATTESA' AND type = 'ACQUISTO' AND created_at_ms <= ?";
} // namespace

PendingVoids::PendingVoids(Database& db, const Clock& clock, LedgerOptions options)
    : m_db(db)
    , m_clock(clock)
    , m_options(options)
{
}

qint64 PendingVoids::cutoffMs() const
{
    return sql::nowMs(m_clock) - m_options.pendingPurchaseExpirySecs * 1000;
}

Result<bool> PendingVoids::release(QSqlDatabase& db, qint64 movementId, qint64 voucherId, qint64 amountCents,
                                   VoidReason reason)
{
    auto voided = sql::exec(db,
                            QStringLiteral("UPDATE movements SET state = 'ANNULLATO', void_reason = ?, voided_at_ms = ?"
                                           " WHERE id = ? AND voucher_id = ? AND state = 'IN_ATTESA'"
                                           " AND type = 'ACQUISTO'"),
                            {toWire(reason), sql::big(sql::nowMs(m_clock)), sql::big(movementId), sql::big(voucherId)});
    if (!voided)
        return voided.error();
    if (voided->numRowsAffected() != 1)
        return false;
    // The reservation the pending purchase made goes back to the voucher.
    auto refund = sql::exec(
        db, QStringLiteral("UPDATE vouchers SET used_cents = used_cents - ? WHERE id = ? AND used_cents >= ?"),
        {sql::big(amountCents), sql::big(voucherId), sql::big(amountCents)});
    if (!refund)
        return refund.error();
    if (refund->numRowsAffected() != 1)
        return errors::make(codes::dbError, QStringLiteral("release would make used negative"));
    auto otp = sql::exec(
        db, QStringLiteral("UPDATE otp_challenges SET state = 'VOID' WHERE movement_id = ? AND state = 'ACTIVE'"),
        {sql::big(movementId)});
    if (!otp)
        return otp.error();
    auto sms = sql::exec(db, QStringLiteral("DELETE FROM sms_pending WHERE movement_id = ?"), {sql::big(movementId)});
    if (!sms)
        return sms.error();
    // AUDIT(VOID): the single place where a void (reason STRUTTURA) or an expiry (SCADENZA) of a
    // pending purchase happens, inside its transaction: the audit trail appends its row here.
    qCInfo(lcLedger) << "pending purchase" << movementId << "annulled, reason" << toWire(reason);
    return true;
}

Result<int> PendingVoids::expireLocked(QSqlDatabase& db, qint64 voucherId)
{
    auto stale = sql::all(db,
                          QStringLiteral("SELECT id, amount_cents FROM movements WHERE voucher_id = ? AND ")
                              + QLatin1String(staleWhere),
                          {sql::big(voucherId), sql::big(cutoffMs())});
    if (!stale)
        return stale.error();
    int expired = 0;
    for (const sql::Row& row : *stale) {
        auto r = release(db, row.value("id").toLongLong(), voucherId, row.value("amount_cents").toLongLong(),
                         VoidReason::Scadenza);
        if (!r)
            return r.error();
        expired += *r ? 1 : 0;
    }
    return expired;
}

Result<int> PendingVoids::expireVoucher(qint64 voucherId)
{
    return expireVouchers(QStringLiteral("voucher_id = ?"), {sql::big(voucherId)}, 1);
}

Result<int> PendingVoids::expireStructure(const QString& structureId)
{
    return expireVouchers(QStringLiteral("structure_id = ?"), {structureId}, 1000);
}

Result<int> PendingVoids::sweep(int maxVouchers)
{
    return expireVouchers(QStringLiteral("1 = 1"), {}, maxVouchers);
}

Result<int> PendingVoids::expireVouchers(const QString& where, const QVariantList& binds, int maxVouchers)
{
    // The probe reads without locking (index movements_pending); only vouchers it finds are locked.
    QVariantList probeBinds = binds;
    probeBinds << sql::big(cutoffMs());
    QSqlDatabase conn = m_db.connection();
    auto vouchers
        = sql::all(conn,
                   QStringLiteral("SELECT DISTINCT voucher_id FROM movements WHERE ") + where + QStringLiteral(" AND ")
                       + QLatin1String(staleWhere) + QStringLiteral(" LIMIT ") + QString::number(qMax(1, maxVouchers)),
                   probeBinds);
    if (!vouchers)
        return vouchers.error();
    int expired = 0;
    for (const sql::Row& row : *vouchers) {
        const qint64 voucherId = row.value("voucher_id").toLongLong();
        WriteTransaction tx(m_db);
        if (!tx.ok())
            return *tx.beginError();
        auto lock = rows::lockVoucher(tx.db(), voucherId, m_db.isPostgres());
        if (!lock)
            return lock.error();
        auto n = expireLocked(tx.db(), voucherId);
        if (!n)
            return n.error();
        auto committed = tx.commit();
        if (!committed)
            return committed.error();
        expired += *n;
    }
    return expired;
}

} // namespace sinfonia::ledger
