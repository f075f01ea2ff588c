#include "server/ledger/LedgerRows.h"

#include "core/domain/Clock.h"
#include "core/domain/ErrorCodes.h"
#include "core/domain/VoucherRules.h"
#include "server/ledger/LedgerErrors.h"
#include "server/ledger/PublicId.h"
#include "server/ledger/SqlUtil.h"

namespace sinfonia::ledger::rows {

QString maskPhone(const QString& phone)
{
    return QStringLiteral("*****") + phone.right(3);
}

namespace {
QDate isoDate(const QVariant& v)
{
    return QDate::fromString(v.toString(), Qt::ISODate);
}

// The voucher columns every voucher row shares, as stored. An unknown state cannot pass the CHECK
// constraint; should one appear it reads as SOSPESO, which refuses every purchase.
Voucher storedVoucher(const sql::Row& q)
{
    Voucher v;
    v.id = QString::number(q.value("id").toLongLong());
    v.state = voucherStateFromWire(q.value("state").toString()).value_or(VoucherState::Sospeso);
    v.activationDate = isoDate(q.value("activation_date"));
    v.expiryDate = isoDate(q.value("expiry_date"));
    v.initialAmount = Money::fromCents(q.value("initial_cents").toLongLong());
    v.usedAmount = Money::fromCents(q.value("used_cents").toLongLong());
    return v;
}
} // namespace

QDate romeDate(qint64 utcMs)
{
    return VoucherRules::romeDate(sql::fromMs(utcMs));
}

namespace {
// Whether an instant falls on `day` in Rome: the day's bounds are computed once per thread and day,
// not a time-zone conversion per row (a page of the movement list asks it for every purchase).
bool onRomeDay(qint64 utcMs, QDate day)
{
    thread_local QDate cached;
    thread_local qint64 startMs = 0;
    thread_local qint64 endMs = 0;
    if (day != cached) {
        startMs = QDateTime(day, QTime(0, 0), Clock::rome()).toMSecsSinceEpoch();
        endMs = QDateTime(day.addDays(1), QTime(0, 0), Clock::rome()).toMSecsSinceEpoch();
        cached = day;
    }
    return utcMs >= startMs && utcMs < endMs;
}
} // namespace

QString voucherColumns()
{
    return QStringLiteral(
        "SELECT v.id, v.public_id, v.number, v.beneficiary_cf, b.card_number, v.state, v.activation_date,"
        " v.expiry_date, v.initial_cents, v.used_cents, b.phone"
        " FROM vouchers v JOIN beneficiaries b ON b.cf = v.beneficiary_cf");
}

VoucherView voucherFrom(const sql::Row& q, QDate today)
{
    const Voucher stored = storedVoucher(q);
    VoucherView v;
    v.rowId = q.value("id").toLongLong();
    v.id = q.value("public_id").toString();
    v.displayId = stored.id;
    v.number = q.value("number").toString();
    v.codiceFiscale = q.value("beneficiary_cf").toString();
    v.cardNumber = q.value("card_number").toString();
    v.activationDate = stored.activationDate;
    v.expiryDate = stored.expiryDate;
    v.initialCents = stored.initialAmount.cents();
    v.usedCents = stored.usedAmount.cents();
    v.availableCents = stored.availableAmount().cents();
    v.state = VoucherRules::effectiveState(stored, today);
    v.maskedPhone = maskPhone(q.value("phone").toString());
    return v;
}

Result<VoucherView> voucherById(QSqlDatabase& db, qint64 id, QDate today)
{
    auto q = sql::first(db, voucherColumns() + QStringLiteral(" WHERE v.id = ?"), {sql::big(id)});
    if (!q)
        return q.error();
    if (!q->isValid())
        return errors::make(codes::voucherNotFound);
    return voucherFrom(*q, today);
}

QString operatorDisplayName(const QString& nome, const QString& cognome)
{
    const QString given = nome.simplified();
    const QString family = cognome.simplified();
    if (family.isEmpty())
        return given;
    const QString initial = family.left(1).toUpper() + QLatin1Char('.');
    return given.isEmpty() ? initial : given + QLatin1Char(' ') + initial;
}

QString movementColumns()
{
    return QStringLiteral(
        "SELECT m.id, m.public_id, m.voucher_id, v.public_id AS voucher_public_id, p.public_id AS purchase_public_id,"
        " v.number, v.beneficiary_cf, m.structure_id, s.name, m.created_at_ms, m.type,"
        " m.state, m.amount_cents, m.purchase_id, m.commercial_document, m.cancelled_cents, m.void_reason,"
        " m.voided_at_ms,"
        " (SELECT COUNT(*) FROM receipts r WHERE r.movement_id = m.id) AS receipts,"
        " o.nome AS operator_nome, o.cognome AS operator_cognome"
        " FROM movements m JOIN vouchers v ON v.id = m.voucher_id JOIN structures s ON s.id = m.structure_id"
        " LEFT JOIN movements p ON p.id = m.purchase_id LEFT JOIN operators o ON o.cf = m.operator_cf");
}

MovementView movementFrom(const sql::Row& q, QDate today)
{
    MovementView m;
    m.rowId = q.value("id").toLongLong();
    m.id = q.value("public_id").toString();
    m.voucherRowId = q.value("voucher_id").toLongLong();
    m.voucherId = q.value("voucher_public_id").toString();
    m.voucherDisplayId = QString::number(m.voucherRowId);
    m.voucherNumber = q.value("number").toString();
    m.codiceFiscale = q.value("beneficiary_cf").toString();
    m.structureId = q.value("structure_id").toString();
    m.merchantName = q.value("name").toString();
    const qint64 createdMs = q.value("created_at_ms").toLongLong();
    m.createdAt = sql::fromMs(createdMs);
    m.type = movementTypeFromWire(q.value("type").toString()).value_or(MovementType::Acquisto);
    m.state = movementStateFromWire(q.value("state").toString()).value_or(MovementState::InAttesa);
    m.voidReason = voidReasonFromWire(q.value("void_reason").toString()).value_or(VoidReason::Struttura);
    if (!q.isNull("voided_at_ms"))
        m.voidedAt = sql::fromMs(q.value("voided_at_ms").toLongLong());
    m.amountCents = q.value("amount_cents").toLongLong();
    if (!q.isNull("purchase_id")) {
        m.purchaseRowId = q.value("purchase_id").toLongLong();
        m.purchaseId = q.value("purchase_public_id").toString();
    }
    m.commercialDocument = q.value("commercial_document").toString();
    m.hasReceipt = q.value("receipts").toLongLong() > 0;
    m.operatorName = operatorDisplayName(q.value("operator_nome").toString(), q.value("operator_cognome").toString());
    if (m.type == MovementType::Acquisto) {
        m.cancellableCents = m.amountCents - q.value("cancelled_cents").toLongLong();
        m.cancellable = m.state == MovementState::Confermato && m.cancellableCents > 0 && onRomeDay(createdMs, today);
        if (!m.cancellable)
            m.cancellableCents = 0;
    }
    m.authorizable = m.state == MovementState::InAttesa;
    m.voidable = m.authorizable && m.type == MovementType::Acquisto;
    return m;
}

Result<MovementView> movementById(QSqlDatabase& db, qint64 id, const QString& structureId, QDate today)
{
    auto q = sql::first(db, movementColumns() + QStringLiteral(" WHERE m.id = ? AND m.structure_id = ?"),
                        {sql::big(id), structureId});
    if (!q)
        return q.error();
    if (!q->isValid())
        return errors::make(codes::movementNotFound);
    return movementFrom(*q, today);
}

Result<qint64> voucherRowId(QSqlDatabase& db, const QString& publicId)
{
    if (!PublicId::isWellFormed(publicId))
        return errors::make(codes::voucherNotFound);
    auto q = sql::first(db, QStringLiteral("SELECT id FROM vouchers WHERE public_id = ?"), {publicId});
    if (!q)
        return q.error();
    if (!q->isValid())
        return errors::make(codes::voucherNotFound);
    return q->value("id").toLongLong();
}

Result<qint64> movementRowId(QSqlDatabase& db, const QString& publicId, const QString& structureId)
{
    if (!PublicId::isWellFormed(publicId))
        return errors::make(codes::movementNotFound);
    auto q = sql::first(db, QStringLiteral("SELECT id FROM movements WHERE public_id = ? AND structure_id = ?"),
                        {publicId, structureId});
    if (!q)
        return q.error();
    if (!q->isValid())
        return errors::make(codes::movementNotFound);
    return q->value("id").toLongLong();
}

Result<LockedVoucher> lockVoucher(QSqlDatabase& db, qint64 voucherId, bool postgres)
{
    const QString lock = postgres ? QStringLiteral(" FOR UPDATE OF v") : QString();
    auto q = sql::first(db,
                        QStringLiteral("SELECT v.id, v.state, v.activation_date, v.expiry_date, v.initial_cents,"
                                       " v.used_cents, b.phone, b.cf FROM vouchers v"
                                       " JOIN beneficiaries b ON b.cf = v.beneficiary_cf WHERE v.id = ?")
                            + lock,
                        {sql::big(voucherId)});
    if (!q)
        return q.error();
    if (!q->isValid())
        return errors::make(codes::voucherNotFound);
    return LockedVoucher {q->value("id").toLongLong(), storedVoucher(*q), q->value("phone").toString(),
                          q->value("cf").toString()};
}

} // namespace sinfonia::ledger::rows
