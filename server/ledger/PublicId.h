#pragma once

#include "core/domain/Result.h"

#include <QSqlDatabase>
#include <QString>

namespace sinfonia::ledger::PublicId {

// The ids of vouchers and movements in the API: 128 bits of the system CSPRNG, URL-safe base64
// without padding (22 characters). They are no lookup key: knowing one tells nothing about another.
// The numeric row id stays the internal key (and the voucher's display number "ID voucher N").
QString generate();
// 22 characters of the URL-safe base64 alphabet.
bool isWellFormed(const QString& id);
// Gives every voucher and movement without a public_id one (migration 4, demo and bulk seeds).
Result<void> fillMissing(QSqlDatabase& db);

} // namespace sinfonia::ledger::PublicId
