#pragma once

#include "core/domain/Result.h"
#include "core/services/net/ApiTypes.h"

#include <QByteArray>
#include <QList>

namespace sinfonia::ApiDecode {

// Strict decoders of API bodies. Any missing required field, wrong JSON type, negative or overflowing
// amount (outside 0..Money::maxCents), unknown enum value, inconsistent balance or body above
// `maxJsonBytes` gives Error code "api.decode" (Italian message; `detail` names the field, never the
// value). Optional fields may be absent or null, never of another type.
inline constexpr qsizetype maxJsonBytes = 8 * 1024 * 1024;

Result<ServerInfo> info(const QByteArray& body);
Result<OperatorProfile> operatorProfile(const QByteArray& body);
Result<QList<Employee>> employeeList(const QByteArray& body);
Result<Employee> employee(const QByteArray& body);
Result<Beneficiary> beneficiary(const QByteArray& body);
Result<VoucherInfo> voucher(const QByteArray& body);
Result<QList<ApiMovement>> movementList(const QByteArray& body);
Result<MovementPage> movementPage(const QByteArray& body);
Result<AuditPage> auditPage(const QByteArray& body);
Result<MovementWithChallenge> movementWithChallenge(const QByteArray& body);
Result<VerifyResult> verifyResult(const QByteArray& body);
Result<QList<SandboxIdentity>> sandboxIdentities(const QByteArray& body);
Result<TokenResponse> tokenResponse(const QByteArray& body);

Error decodeError(const QString& detail);

// Whether an OTP verify answer confirms the movement the counter asked to confirm: the same id,
// structure, voucher, type and amount as `pending` (the movement of the purchase or cancellation
// answer), and state CONFERMATO. Anything else is "api.decode": the clerk is told to check the
// movement list, never shown "confermato".
Result<void> checkConfirms(const VerifyResult& answer, const Movement& pending);

} // namespace sinfonia::ApiDecode
