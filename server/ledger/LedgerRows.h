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
QDate romeDate(qint64 utcMs);

QString voucherColumns(); // from vouchers v JOIN beneficiaries b
VoucherView voucherFrom(const sql::Row& q, QDate today);
Result<VoucherView> voucherById(QSqlDatabase& db, qint64 id, QDate today);

// The operator as the movement list shows her: given name and the initial of the family name
// ("Mario R."), never the codice fiscale.
QString operatorDisplayName(const QString& nome, const QString& cognome);
QString movementColumns(); // from movements m JOIN vouchers v JOIN structures s
MovementView movementFrom(const sql::Row& q, QDate today);
// "movement.not_found" unless the movement exists and belongs to structureId.
Result<MovementView> movementById(QSqlDatabase& db, qint64 id, const QString& structureId, QDate today);

// The internal row of an API id (PublicId): "voucher.not_found" / "movement.not_found" (also for
// another structure's movement) when malformed or unknown. Numeric ids are never accepted here.
Result<qint64> voucherRowId(QSqlDatabase& db, const QString& publicId);
Result<qint64> movementRowId(QSqlDatabase& db, const QString& publicId, const QString& structureId);

// Locks the voucher row for the rest of the transaction (PostgreSQL FOR UPDATE; on SQLite the
// whole write transaction already holds the lock). Returns the voucher as stored (state, dates,
// balances: what VoucherRules judges) and the beneficiary's phone.
struct LockedVoucher
{
    qint64 id = 0;
    Voucher voucher;
    QString phone;
    QString cf; // the beneficiary's (for the audit's keyed hash)
};
Result<LockedVoucher> lockVoucher(QSqlDatabase& db, qint64 voucherId, bool postgres);

} // namespace rows
} // namespace sinfonia::ledger
