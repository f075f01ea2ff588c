#pragma once

#include "core/domain/Result.h"

namespace sinfonia::ledger {

// Stable error codes of the ledger (the HTTP layer puts them in problem+json "code"). The codes are
// the constants of core/domain/ErrorCodes.h (codes::), shared with the client, which also gives
// the HTTP status each one maps to:
//   404 structure.not_found, operator.not_found, voucher.not_found, beneficiary.not_found,
//       movement.not_found, receipt.not_found, otp.not_found, employee.not_found
//   403 employee.forbidden (dipendente doing staff management), employee.self (titolare on themselves)
//   400 beneficiary.query_invalid, purchase.amount_invalid, cancel.amount_invalid,
//       movements.range_invalid, movements.range_too_long, movements.cursor_invalid,
//       movements.limit_invalid, receipt.empty, receipt.type_invalid, employee.invalid,
//       employee.service_unknown, purchase.document_invalid, otp.format (not 6 digits),
//       idempotency.key_invalid, cf.* (from CodiceFiscale::validate)
//   413 receipt.too_large
//   409 employee.exists, movement.not_pending, otp.used
//   422 voucher.suspended, voucher.expired, voucher.exhausted, voucher.not_yet_active,
//       voucher.insufficient_funds (VoucherRules::checkPurchase), cancel.not_same_day,
//       cancel.amount_exceeds, cancel.not_confirmed, cancel.not_purchase, otp.invalid,
//       otp.expired, otp.locked
//   429 otp.resend_cooldown, otp.resend_limit
//   503 db.busy ; 500 db.error (detail holds the SQL error, never personal data)
// and 400 for AuthStore's oauth.* codes; anything unknown is 500.
int httpStatusFor(const QString& code);

namespace errors {
// The Error for `code` (a codes:: constant) with its Italian message; `detail` goes to logs only.
Error make(const QString& code, const QString& detail = {});
} // namespace errors

} // namespace sinfonia::ledger
