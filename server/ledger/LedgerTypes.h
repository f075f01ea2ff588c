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
struct LedgerOptions
{
    int otpValiditySecs = 300;
    int otpMaxFailures = 5;
    int otpResendCooldownSecs = 30;
    int otpMaxResends = 3;
    qint64 maxReceiptBytes = 5 * 1024 * 1024;
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
    QString id;
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
    QString id;
    QString voucherId;
    QString voucherNumber;
    QString codiceFiscale; // beneficiary
    QString structureId;
    QString merchantName;
    QDateTime createdAt; // UTC
    MovementType type = MovementType::Acquisto;
    MovementState state = MovementState::InAttesa;
    qint64 amountCents = 0;
    QString purchaseId; // cancellations: the purchase they revoke
    QString commercialDocument;
    bool hasReceipt = false;
    QString operatorName; // who registered it, as "Mario R." (empty if unknown)
    // Purchases only, computed with the injected clock:
    bool cancellable = false; // confirmed, same Rome day, something left to cancel
    qint64 cancellableCents = 0; // purchase - sum of confirmed or pending cancellations
    bool authorizable = false; // pending: a new OTP can be requested
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
    int limit = 50; // 1..500
};

struct MovementPage
{
    QList<MovementView> items;
    QString nextCursor; // empty on the last page
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
