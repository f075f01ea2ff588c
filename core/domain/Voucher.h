#pragma once

#include "core/domain/Money.h"

#include <QDate>
#include <QDateTime>
#include <QString>
#include <optional>

namespace sinfonia {

enum class VoucherState
{
    Attivo,
    Scaduto,
    Esaurito,
    Sospeso
};
enum class MovementType
{
    Acquisto,
    Cancellazione
};
enum class MovementState
{
    InAttesa,
    Confermato
};

// Wire names used by the API and the database ("ATTIVO", "IN_ATTESA", "ACQUISTO", ...) and the
// Italian labels the screens show ("ATTIVO", "IN ATTESA", "Acquisto"). Parsing an unknown name
// gives std::nullopt: callers turn that into a decoding error, never a default.
QString toWire(VoucherState s);
QString toWire(MovementType t);
QString toWire(MovementState s);
std::optional<VoucherState> voucherStateFromWire(const QString& s);
std::optional<MovementType> movementTypeFromWire(const QString& s);
std::optional<MovementState> movementStateFromWire(const QString& s);
QString displayName(VoucherState s);
QString displayName(MovementType t);
QString displayName(MovementState s);

// One voucher of one beneficiary (the mother), as the counter sees it.
struct Voucher
{
    QString id; // server id: opaque (e.g. "q3Xn0V6cX1mJ9r8Kp2ZbAw"), an API key only
    QString displayId; // "ID voucher N" of the voucher page; empty from an older server (then id)
    QString number; // printed number, e.g. "VOB000001002024"
    QString codiceFiscale;
    QString cardNumber; // Tessera Sanitaria number, may be empty
    VoucherState state = VoucherState::Attivo;
    QDate activationDate;
    QDate expiryDate;
    Money initialAmount;
    Money usedAmount;

    Money availableAmount() const { return initialAmount - usedAmount; }
};

// One ledger movement: a purchase (debit) or a cancellation (credit of a purchase).
struct Movement
{
    QString id;
    QString voucherId;
    QString voucherDisplayId; // the voucher's display number; empty from an older server
    QString structureId;
    QString merchantName;
    QDateTime createdAt; // UTC
    MovementType type = MovementType::Acquisto;
    MovementState state = MovementState::InAttesa;
    Money amount; // always > 0; the type says the direction
    QString purchaseId; // for a cancellation: the purchase it revokes
    QString commercialDocument; // optional number of the till's documento commerciale
    bool hasReceipt = false;
};

} // namespace sinfonia
