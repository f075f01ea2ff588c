#include "core/domain/ErrorCodes.h"

#include <array>

namespace sinfonia::codes {

namespace {

constexpr std::array table {
    ApiCode {requestInvalid, 400},
    ApiCode {requestInvalidJson, 400},
    ApiCode {requestInvalidField, 400},
    ApiCode {requestMissingField, 400},
    ApiCode {requestInvalidQuery, 400},
    ApiCode {beneficiaryQueryInvalid, 400},
    ApiCode {purchaseAmountInvalid, 400},
    ApiCode {purchaseDocumentInvalid, 400},
    ApiCode {cancelAmountInvalid, 400},
    ApiCode {movementsRangeInvalid, 400},
    ApiCode {movementsRangeTooLong, 400},
    ApiCode {movementsCursorInvalid, 400},
    ApiCode {movementsLimitInvalid, 400},
    ApiCode {receiptMissing, 400},
    ApiCode {receiptEmpty, 400},
    ApiCode {receiptTypeInvalid, 400},
    ApiCode {receiptUnsafe, 400},
    ApiCode {employeeInvalid, 400},
    ApiCode {employeeServiceUnknown, 400},
    ApiCode {otpFormat, 400},
    ApiCode {idempotencyKeyMissing, 400},
    ApiCode {idempotencyKeyInvalid, 400},
    ApiCode {authUnauthorized, 401},
    ApiCode {authInvalidToken, 401},
    ApiCode {employeeForbidden, 403},
    ApiCode {employeeSelf, 403},
    ApiCode {employeeTitolare, 403},
    ApiCode {requestNotFound, 404},
    ApiCode {structureNotFound, 404},
    ApiCode {operatorNotFound, 404},
    ApiCode {voucherNotFound, 404},
    ApiCode {beneficiaryNotFound, 404},
    ApiCode {movementNotFound, 404},
    ApiCode {receiptNotFound, 404},
    ApiCode {otpNotFound, 404},
    ApiCode {employeeNotFound, 404},
    ApiCode {idempotencyInProgress, 409},
    ApiCode {employeeExists, 409},
    ApiCode {movementNotPending, 409},
    ApiCode {otpUsed, 409},
    ApiCode {requestTimeout, 408},
    ApiCode {requestLengthRequired, 411},
    ApiCode {requestTooLarge, 413},
    ApiCode {receiptTooLarge, 413},
    ApiCode {idempotencyKeyReused, 422},
    ApiCode {voucherNotActive, 422},
    ApiCode {voucherExpired, 422},
    ApiCode {voucherSuspended, 422},
    ApiCode {voucherExhausted, 422},
    ApiCode {voucherNotYetActive, 422},
    ApiCode {voucherInsufficientFunds, 422},
    ApiCode {cancelNotSameDay, 422},
    ApiCode {cancelAmountExceeds, 422},
    ApiCode {cancelNotConfirmed, 422},
    ApiCode {cancelNotPurchase, 422},
    ApiCode {otpInvalid, 422},
    ApiCode {otpExpired, 422},
    ApiCode {otpLocked, 422},
    ApiCode {otpResendCooldown, 429},
    ApiCode {otpResendLimit, 429},
    ApiCode {serverInternal, 500},
    ApiCode {dbError, 500},
    ApiCode {dbBusy, 503},
    ApiCode {serverUnavailable, 503},
    ApiCode {serverTooManyConnections, 503},
    ApiCode {otpPurchaseVoided, 409},
    ApiCode {voidNotPurchase, 422},
    ApiCode {smsNotSent, 502},
    ApiCode {lookupRateLimited, 429},
    ApiCode {auditForbidden, 403},
};

} // namespace

std::span<const ApiCode> apiCodes()
{
    return table;
}

std::optional<int> httpStatusOf(QStringView code)
{
    for (const ApiCode& c : table) {
        if (code == c.code)
            return c.httpStatus;
    }
    // The validation families of the domain travel as 400 with their own sub-code.
    if (code.startsWith(QLatin1String("cf.")) || code.startsWith(QLatin1String("money.")))
        return 400;
    return std::nullopt;
}

bool isApiCode(QStringView code)
{
    return httpStatusOf(code).has_value();
}

} // namespace sinfonia::codes
