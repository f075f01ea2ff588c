#pragma once

#include "server/ledger/LedgerTypes.h"

#include <QJsonObject>

namespace sinfonia::http {

// The JSON shapes of docs/api/openapi.yaml, built from the ledger's plain values. Keeping every
// field name here makes the contract easy to check against the code.
namespace JsonViews {

QString timestamp(const QDateTime& utc); // RFC 3339 UTC, "2026-11-26T10:15:00Z"
QString date(const QDate& d); // "2026-11-26"

QJsonObject structure(const ledger::StructureInfo& s);
QJsonObject operatorProfile(const ledger::OperatorProfile& p);
QJsonObject employee(const ledger::Employee& e);
QJsonObject voucher(const ledger::VoucherView& v);
QJsonObject beneficiary(const ledger::BeneficiaryView& b);
QJsonObject movement(const ledger::MovementView& m);
// The same object as movement(m), written straight as compact JSON text onto `out` (no QJsonObject:
// the list of up to 5,000 movements is the sync's hot path). Keys in the order of movement().
void appendMovement(QByteArray& out, const ledger::MovementView& m);
QJsonObject challenge(const ledger::OtpChallengeView& c); // {movement, otp}
QJsonObject verifyResult(const ledger::VerifyResult& r); // {movement, voucher}
QJsonObject voidResult(const ledger::VoidResult& r); // {movement, voucher}
QJsonObject auditEntry(const ledger::AuditEntry& e);
QJsonObject identity(const ledger::SandboxIdentity& i);

} // namespace JsonViews
} // namespace sinfonia::http
