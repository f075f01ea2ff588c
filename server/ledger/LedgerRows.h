#pragma once

#include "core/domain/Result.h"
#include "server/ledger/LedgerTypes.h"
#include "server/ledger/SqlUtil.h"

#include <QSqlDatabase>
#include <QSqlQuery>

namespace sinfonia::ledger {

// Reading ledger rows into views, shared by the readers and writers of the service. The effective
// voucher state and the movement flags (cancellable, ...) depend on "today" in Rome.
namespace rows {

QString maskPhone(const QString& phone); // "*****333"
VoucherState effectiveState(const QString& storedState, QDate expiry, QDate activation, qint64 available, QDate today);
QDate romeDate(qint64 utcMs);

QString voucherColumns(); // from vouchers v JOIN beneficiaries b
VoucherView voucherFrom(const sql::Row& q, QDate today);
Result<VoucherView> voucherById(QSqlDatabase& db, qint64 id, QDate today);

QString movementColumns(); // from movements m JOIN vouchers v JOIN structures s
MovementView movementFrom(const sql::Row& q, QDate today);
// "movement.not_found" unless the movement exists and belongs to structureId.
Result<MovementView> movementById(QSqlDatabase& db, qint64 id, const QString& structureId, QDate today);

// Locks the voucher row for the rest of the transaction (PostgreSQL FOR UPDATE; on SQLite the
// whole write transaction already holds the lock). Returns stored state and balances.
struct LockedVoucher
{
    qint64 id = 0;
    QString state;
    QDate activation;
    QDate expiry;
    qint64 initialCents = 0;
    qint64 usedCents = 0;
    QString phone;
};
Result<LockedVoucher> lockVoucher(QSqlDatabase& db, qint64 voucherId, bool postgres);

} // namespace rows
} // namespace sinfonia::ledger
