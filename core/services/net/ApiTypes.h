#pragma once

#include "core/domain/Money.h"
#include "core/domain/Voucher.h"

#include <QByteArray>
#include <QDate>
#include <QDateTime>
#include <QList>
#include <QString>
#include <QStringList>
#include <QUrl>
#include <optional>

namespace sinfonia {

// Typed, validated payloads of docs/api/openapi.yaml. ApiDecode builds them only when every
// required field is present and valid: a caller never sees a half-filled object.

struct ServerInfo
{
    QString version;
    bool sandbox = false;
    QString clientId;
    QUrl authorizationEndpoint;
    QUrl tokenEndpoint;
    QUrl revocationEndpoint;
    QDateTime serverTime;
};

enum class OperatorRole
{
    Titolare,
    Dipendente
};

struct OperatorStructure
{
    QString id;
    QString name;
    QString address;
    OperatorRole role = OperatorRole::Dipendente;
    QStringList services;
};

struct OperatorProfile
{
    QString id;
    QString codiceFiscale;
    QString givenName;
    QString familyName;
    QString displayName;
    QList<OperatorStructure> structures;
};

struct Employee
{
    QString id; // equal to the codice fiscale; used in paths
    QString codiceFiscale;
    QString givenName;
    QString familyName;
    OperatorRole role = OperatorRole::Dipendente;
    bool enabled = true;
    QStringList services;
};

struct VoucherInfo
{
    Voucher voucher; // initial and used amounts; availableAmount() is checked against the server's
    QString givenName;
    QString familyName;
    QString maskedPhone;
};

// What the clerk looks a beneficiary up by: a codice fiscale or a Tessera Sanitaria number, already
// normalised and validated (typed, scanned or read by the webcam).
struct BeneficiaryQuery
{
    enum class Kind
    {
        CodiceFiscale,
        CardNumber
    };
    Kind kind = Kind::CodiceFiscale;
    QString value;

    static BeneficiaryQuery byCodiceFiscale(QString cf) { return {Kind::CodiceFiscale, std::move(cf)}; }
    static BeneficiaryQuery byCardNumber(QString card) { return {Kind::CardNumber, std::move(card)}; }
};

struct Beneficiary
{
    QString codiceFiscale;
    QString givenName;
    QString familyName;
    QString cardNumber;
    QString maskedPhone;
    QList<VoucherInfo> vouchers;
};

struct MovementActions
{
    bool viewReceipt = false;
    bool authorize = false;
    bool cancel = false;
    Money cancellable;
    bool voidPending = false; // "Annulla acquisto in attesa" (actions.void; absent from older servers)
};

struct ApiMovement
{
    Movement movement;
    QString voucherNumber; // the "codice identificativo" of the movement list
    QString codiceFiscale; // may be empty
    MovementActions actions;
    QString operatorName; // "Mario R." (display name, never a CF); may be empty
};

struct OtpChallenge
{
    QString challengeId;
    QDateTime expiresAt;
    QDateTime resendAvailableAt;
    int attemptsLeft = 0;
    int resendsLeft = 0;
    QString maskedPhone;
    bool smsSent = true; // false: the gateway did not take the SMS ("Invia nuovamente" at once)
};

struct MovementWithChallenge
{
    ApiMovement movement;
    OtpChallenge otp;
};

struct VerifyResult
{
    ApiMovement movement;
    VoucherInfo voucher;
};

struct MovementPage
{
    QList<ApiMovement> items;
    QString nextCursor; // empty on the last page
};

// One row of the structure's audit trail ("Registro attività", titolare only).
struct AuditEntry
{
    QString id;
    QDateTime at; // UTC
    QString operatorCf;
    QString operatorName;
    QString action; // LOOKUP, VOUCHER_READ, PURCHASE, CANCELLATION, OTP_VERIFY, VOID, RECEIPT_DOWNLOAD
    QString voucherDisplayId;
    QString voucherNumber;
    QString outcome; // "ok" or the code of the refusal
};

struct AuditPage
{
    QList<AuditEntry> items;
    QString nextCursor; // empty on the last page
};

struct SandboxIdentity
{
    QString id;
    QString displayName;
    QString codiceFiscale;
    OperatorRole role = OperatorRole::Dipendente;
    QList<QPair<QString, QString>> structures; // (id, name)
};

struct TokenResponse
{
    QByteArray accessToken;
    QByteArray refreshToken;
    int expiresIn = 0; // seconds
};

struct ReceiptFile
{
    QByteArray contentType;
    QByteArray bytes;
};

// What the movements page request asks for (dates in Europe/Rome, inclusive).
struct MovementFilter
{
    QDate from;
    QDate to;
    QString codiceFiscale; // empty: every beneficiary
    std::optional<int> limit; // unset: the server's default page size
};

} // namespace sinfonia
