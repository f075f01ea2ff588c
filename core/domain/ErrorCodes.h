#pragma once

#include <QLatin1String>
#include <QStringView>
#include <optional>
#include <span>

// The stable error codes of the project, once. The API codes are what the server puts in the
// problem+json `code` (docs/api/openapi.yaml lists the same set) and what the client switches on;
// the client codes never go on the wire. Compare with `error.code == codes::voucherExpired` and build
// with `QString(codes::voucherExpired)`.
namespace sinfonia::codes {

// --- API codes (server → client) ---------------------------------------------------------------

// 400
inline constexpr QLatin1String requestInvalid {"request.invalid"};
inline constexpr QLatin1String requestInvalidJson {"request.invalid_json"};
inline constexpr QLatin1String requestInvalidField {"request.invalid_field"};
inline constexpr QLatin1String requestMissingField {"request.missing_field"};
inline constexpr QLatin1String requestInvalidQuery {"request.invalid_query"};
inline constexpr QLatin1String beneficiaryQueryInvalid {"beneficiary.query_invalid"};
inline constexpr QLatin1String purchaseAmountInvalid {"purchase.amount_invalid"};
inline constexpr QLatin1String purchaseDocumentInvalid {"purchase.document_invalid"};
inline constexpr QLatin1String cancelAmountInvalid {"cancel.amount_invalid"};
inline constexpr QLatin1String movementsRangeInvalid {"movements.range_invalid"};
inline constexpr QLatin1String movementsRangeTooLong {"movements.range_too_long"};
inline constexpr QLatin1String movementsCursorInvalid {"movements.cursor_invalid"};
inline constexpr QLatin1String movementsLimitInvalid {"movements.limit_invalid"};
inline constexpr QLatin1String receiptMissing {"receipt.missing"};
inline constexpr QLatin1String receiptEmpty {"receipt.empty"};
inline constexpr QLatin1String receiptTypeInvalid {"receipt.type_invalid"};
inline constexpr QLatin1String receiptUnsafe {"receipt.unsafe"};
inline constexpr QLatin1String employeeInvalid {"employee.invalid"};
inline constexpr QLatin1String employeeServiceUnknown {"employee.service_unknown"};
inline constexpr QLatin1String otpFormat {"otp.format"};
inline constexpr QLatin1String idempotencyKeyMissing {"idempotency.key_missing"};
inline constexpr QLatin1String idempotencyKeyInvalid {"idempotency.key_invalid"};
// 401
inline constexpr QLatin1String authUnauthorized {"auth.unauthorized"};
inline constexpr QLatin1String authInvalidToken {"auth.invalid_token"};
// 403
inline constexpr QLatin1String employeeForbidden {"employee.forbidden"};
inline constexpr QLatin1String employeeSelf {"employee.self"};
inline constexpr QLatin1String employeeTitolare {"employee.titolare"};
// 404
inline constexpr QLatin1String requestNotFound {"request.not_found"};
inline constexpr QLatin1String structureNotFound {"structure.not_found"};
inline constexpr QLatin1String operatorNotFound {"operator.not_found"};
inline constexpr QLatin1String voucherNotFound {"voucher.not_found"};
inline constexpr QLatin1String beneficiaryNotFound {"beneficiary.not_found"};
inline constexpr QLatin1String movementNotFound {"movement.not_found"};
inline constexpr QLatin1String receiptNotFound {"receipt.not_found"};
inline constexpr QLatin1String otpNotFound {"otp.not_found"};
inline constexpr QLatin1String employeeNotFound {"employee.not_found"};
// 409
inline constexpr QLatin1String idempotencyInProgress {"idempotency.in_progress"};
inline constexpr QLatin1String employeeExists {"employee.exists"};
inline constexpr QLatin1String movementNotPending {"movement.not_pending"};
inline constexpr QLatin1String otpUsed {"otp.used"};
// 408
inline constexpr QLatin1String requestTimeout {"request.timeout"};
// 411
inline constexpr QLatin1String requestLengthRequired {"request.length_required"};
// 413
inline constexpr QLatin1String requestTooLarge {"request.too_large"};
inline constexpr QLatin1String receiptTooLarge {"receipt.too_large"};
// 422
inline constexpr QLatin1String idempotencyKeyReused {"idempotency.key_reused"};
// Sent by servers before the per-state codes below; still understood.
inline constexpr QLatin1String voucherNotActive {"voucher.not_active"};
inline constexpr QLatin1String voucherExpired {"voucher.expired"};
inline constexpr QLatin1String voucherSuspended {"voucher.suspended"};
inline constexpr QLatin1String voucherExhausted {"voucher.exhausted"};
inline constexpr QLatin1String voucherNotYetActive {"voucher.not_yet_active"};
inline constexpr QLatin1String voucherInsufficientFunds {"voucher.insufficient_funds"};
inline constexpr QLatin1String cancelNotSameDay {"cancel.not_same_day"};
inline constexpr QLatin1String cancelAmountExceeds {"cancel.amount_exceeds"};
inline constexpr QLatin1String cancelNotConfirmed {"cancel.not_confirmed"};
inline constexpr QLatin1String cancelNotPurchase {"cancel.not_purchase"};
inline constexpr QLatin1String otpInvalid {"otp.invalid"};
inline constexpr QLatin1String otpExpired {"otp.expired"};
inline constexpr QLatin1String otpLocked {"otp.locked"};
// 429
inline constexpr QLatin1String otpResendCooldown {"otp.resend_cooldown"};
inline constexpr QLatin1String otpResendLimit {"otp.resend_limit"};
// 500 / 503
inline constexpr QLatin1String serverInternal {"server.internal"};
inline constexpr QLatin1String dbError {"db.error"};
inline constexpr QLatin1String dbBusy {"db.busy"};
inline constexpr QLatin1String serverUnavailable {"server.unavailable"};
inline constexpr QLatin1String serverTooManyConnections {"server.too_many_connections"};
// Void, expiry and SMS delivery (issue 10 items 4 and 6)
inline constexpr QLatin1String otpPurchaseVoided {"otp.purchase_voided"}; // 409
inline constexpr QLatin1String voidNotPurchase {"void.not_purchase"}; // 422
inline constexpr QLatin1String smsNotSent {"sms.not_sent"}; // 502
// Issue 10, access and audit: 429 lookup throttle, 403 audit of a structure for a dipendente.
inline constexpr QLatin1String lookupRateLimited {"lookup.rate_limited"};
inline constexpr QLatin1String auditForbidden {"audit.forbidden"};

struct ApiCode
{
    QLatin1String code;
    int httpStatus;
};

// Every API code above with the HTTP status it travels with, plus the families of the domain
// (`cf.*` from CodiceFiscale::validate, `money.*` from Money::parse: 400).
std::span<const ApiCode> apiCodes();
// The status of a known API code (the families included); nullopt for anything else.
std::optional<int> httpStatusOf(QStringView code);
bool isApiCode(QStringView code);

// --- Client codes (never on the wire) ----------------------------------------------------------

inline constexpr QLatin1String netTimeout {"net.timeout"};
inline constexpr QLatin1String netUnreachable {"net.unreachable"};
inline constexpr QLatin1String netTls {"net.tls"};
inline constexpr QLatin1String netError {"net.error"};
inline constexpr QLatin1String netAborted {"net.aborted"};
inline constexpr QLatin1String netInsecureUrl {"net.insecure_url"};
inline constexpr QLatin1String netInvalidUrl {"net.invalid_url"};
inline constexpr QLatin1String apiDecode {"api.decode"};
inline constexpr QLatin1String authSessionExpired {"auth.session_expired"};
inline constexpr QLatin1String authInvalidGrant {"auth.invalid_grant"};
inline constexpr QLatin1String authTokenError {"auth.token_error"};
inline constexpr QLatin1String journalClosed {"journal.closed"};
inline constexpr QLatin1String journalUnknown {"journal.unknown"};
// An OTP verify whose answer was lost or "otp.used": the movement read from the server is still
// IN ATTESA (verify.pending), or could not be read (verify.unknown). OperationRunner::verifyOtp.
inline constexpr QLatin1String verifyPending {"verify.pending"};
inline constexpr QLatin1String verifyUnknown {"verify.unknown"};

// --- Why the SPID login was refused: the error_description of the redirect back to the client --
// (RFC 6749 4.1.2.1). The server's page says it in words; the application turns the reason into
// its own message instead of waiting for a login that has ended.

inline constexpr QLatin1String oauthReasonNotEnabled {"operator_not_enabled"};
inline constexpr QLatin1String oauthReasonIdentityRefused {"identity_refused"};
inline constexpr QLatin1String oauthReasonProviderRefused {"provider_refused"};
inline constexpr QLatin1String oauthReasonProviderUnreachable {"provider_unreachable"};
inline constexpr QLatin1String oauthReasonServerError {"server_error"};

} // namespace sinfonia::codes
