#pragma once

#include "core/domain/Voucher.h"

#include <QByteArray>
#include <QDate>
#include <QDateTime>
#include <QList>
#include <QString>
#include <optional>

namespace sinfonia::ledger {

// Plain values exchanged between the ledger and the HTTP layer. Amounts are integer cents,
// timestamps are UTC QDateTime, dates are calendar dates in Europe/Rome.

// Limits of the OTP challenges and of the receipt upload, given to LedgerService and passed on to
// the parts that enforce them (OtpManager, MovementWriter).
// The audit trail and the lookup throttle (issue 10). `cfKey` is the HMAC key of the beneficiary
// CF hashes (from --audit-key-file); empty makes LedgerService refuse to start the trail.
struct AuditOptions
{
    QByteArray cfKey;
    // Beneficiary lookups per operator: at most `lookupBurst` within burst / perMinute minutes
    // (30 and 10: 30 in any 3 minutes, so 30 at once and then 10 a minute). 0 in either: no limit.
    int lookupBurst = 30;
    int lookupPerMinute = 10;
    int retentionMonths = 24; // rows older are purged; PostgreSQL refuses deleting younger ones
    int batchIntervalMs = 200; // reads are appended by a writer thread at most this late
};

struct LedgerOptions
{
    int otpValiditySecs = 300;
    int otpMaxFailures = 5;
    int otpResendCooldownSecs = 30;
    int otpMaxResends = 3;
    qint64 maxReceiptBytes = 5 * 1024 * 1024;
    // A purchase still IN_ATTESA this long after it was made expires: ANNULLATO (SCADENZA), its
    // reservation released, its OTP void. Applied in the writing and reading transactions that
    // meet it and by a periodic sweep, so a jump of the (sandbox) clock releases it at once.
    qint64 pendingPurchaseExpirySecs = 72 * 3600;
    AuditOptions audit;
};

// The only service of the programme an operator can be enabled for.
inline const QString voucherService = QStringLiteral("voucher-secondogeniti");

enum class Role
{
    Titolare,
    Dipendente
};
QString toWire(Role r); // "titolare" | "dipendente"

// Who is calling: the codice fiscale bound to the access token.
struct OperatorContext
{
    QString operatorCf;
};

struct StructureInfo
{
    QString id; // e.g. "FAR001"
    QString name; // e.g. "Farmacia Avellino"
    QString address;
    Role role = Role::Dipendente; // the caller's role there
    QStringList services; // services the caller is enabled for there
};

struct OperatorProfile
{
    QString codiceFiscale;
    QString nome;
    QString cognome;
    QList<StructureInfo> structures; // enabled user + enabled voucher service only
};

struct Employee
{
    QString codiceFiscale;
    QString nome;
    QString cognome;
    Role role = Role::Dipendente;
    bool enabled = true;
    QStringList services;
};

struct NewEmployee
{
    QString codiceFiscale;
    QString nome;
    QString cognome;
};

// A voucher as the counter sees it. `state` is VoucherRules::effectiveState() on today in Rome:
// SOSPESO as stored, SCADUTO when stored so or after the expiry date, ESAURITO when stored so or
// nothing is available, else ATTIVO.
struct VoucherView
{
    QString id; // opaque public id (PublicId)
    qint64 rowId = 0; // internal key, never an API key
    QString displayId; // "ID voucher N" of the voucher page: the row id as text
    QString number; // "VOB000001002024"
    QString codiceFiscale;
    QString cardNumber;
    VoucherState state = VoucherState::Attivo;
    QDate activationDate;
    QDate expiryDate;
    qint64 initialCents = 0;
    qint64 usedCents = 0;
    qint64 availableCents = 0;
    QString maskedPhone; // "*****333"
};

struct BeneficiaryView
{
    QString codiceFiscale;
    QString nome;
    QString cognome;
    QString cardNumber;
    QString maskedPhone;
    QList<VoucherView> vouchers;
};

struct MovementView
{
    QString id; // opaque public id
    qint64 rowId = 0;
    QString voucherId; // the voucher's public id
    qint64 voucherRowId = 0;
    QString voucherDisplayId;
    QString voucherNumber;
    QString codiceFiscale; // beneficiary
    QString structureId;
    QString merchantName;
    QDateTime createdAt; // UTC
    MovementType type = MovementType::Acquisto;
    MovementState state = MovementState::InAttesa;
    VoidReason voidReason = VoidReason::Nessuno; // ANNULLATO: voided by the structure or expired
    QDateTime voidedAt; // UTC, ANNULLATO only
    qint64 amountCents = 0;
    QString purchaseId; // cancellations: the purchase they revoke (public id)
    qint64 purchaseRowId = 0;
    QString commercialDocument;
    bool hasReceipt = false;
    QString operatorName; // who registered it, as "Mario R." (empty if unknown)
    // Purchases only, computed with the injected clock:
    bool cancellable = false; // confirmed, same Rome day, something left to cancel
    qint64 cancellableCents = 0; // purchase - sum of confirmed or pending cancellations
    bool authorizable = false; // pending: a new OTP can be requested
    bool voidable = false; // pending purchase: the structure can void it
};

struct VoucherDetail
{
    VoucherView voucher;
    QList<MovementView> transactions; // this structure's movements on the voucher, newest first
};

struct PurchaseRequest
{
    QString structureId;
    QString voucherId;
    qint64 amountCents = 0;
    QByteArray receipt; // JPEG, PNG or PDF, checked by content, 1 byte .. 5 MB
    QString receiptContentType; // optional; if given it must match the content
    QString commercialDocument; // optional, at most 64 characters
    // Idempotency-Key of the request (optional): stored on the movement in the same transaction;
    // a second purchase with the same key returns the first one instead of debiting again.
    QString idempotencyKey;
};

struct CancellationRequest
{
    QString structureId;
    QString purchaseId;
    qint64 amountCents = 0;
    QString idempotencyKey; // as in PurchaseRequest
};

// "Annulla acquisto in attesa": the structure voids its own pending purchase.
struct VoidRequest
{
    QString structureId;
    QString purchaseId;
};

// The purchase after a void, and the voucher with the reservation released.
struct VoidResult
{
    MovementView movement; // ANNULLATO (STRUTTURA)
    VoucherView voucher;
};

// State of the OTP challenge of a pending movement. Clients never hard-code the limits.
struct OtpChallengeView
{
    QString challengeId;
    MovementView movement;
    QDateTime expiresAt; // UTC
    QDateTime resendAvailableAt; // UTC; meaningless when resendsLeft == 0
    int attemptsLeft = 0;
    int resendsLeft = 0;
    QString maskedPhone;
    bool smsSent = true; // false: the gateway did not take the message ("sms.not_sent")
};

struct VerifyResult
{
    MovementView movement; // now CONFERMATO
    VoucherView voucher; // balances after the confirmation
};

struct Receipt
{
    QString contentType; // "image/jpeg" | "image/png" | "application/pdf"
    QByteArray data;
};

// Movements of a structure. Order: newest first (created_at desc, id desc).
struct MovementQuery
{
    QString structureId;
    QDate from; // Rome dates, inclusive; to <= from + 3 months
    QDate to;
    QString codiceFiscale; // optional filter
    QString cursor; // opaque, from the previous page's nextCursor
    int limit = 50; // 1..maxMovementPage
};

// Largest page of GET /movements. 5,000 (was 500) so that a cache sync of 100,000 rows costs 20
// round trips, not 200: the per-page cost (access check, query start, a client turn) bound the sync.
inline constexpr int maxMovementPage = 5000;

struct MovementPage
{
    QList<MovementView> items;
    QString nextCursor; // empty on the last page
};

// One row of the audit trail as the titolare reads it.
struct AuditEntry
{
    QString id; // position in the trail (for the keyset cursor)
    QDateTime at; // UTC
    QString operatorCf;
    QString operatorName;
    QString structureId;
    QString action; // "LOOKUP", "VOUCHER_READ", ... (AuditLog::actions)
    QString voucherId; // public id, may be empty
    QString voucherDisplayId;
    QString voucherNumber;
    QString movementId; // public id, may be empty
    QString cfHash; // HMAC-SHA256 of the beneficiary CF, hex; never the CF
    QString outcome; // "ok", "not_found", "rate_limited", an error code, ...
};

// The structure's audit, newest first. Same window and pagination as MovementQuery.
struct AuditQuery
{
    QString structureId;
    QDate from;
    QDate to;
    QString cursor;
    int limit = 100; // 1..500
};

struct AuditPage
{
    QList<AuditEntry> items;
    QString nextCursor;
};

// Sandbox login page and /sandbox/identities.
struct SandboxIdentity
{
    QString id; // e.g. "titolare-avellino"
    QString displayName;
    QString codiceFiscale;
    Role role = Role::Dipendente; // titolare if titolare of any structure
    QList<StructureInfo> structures;
};

} // namespace sinfonia::ledger
