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
    Confermato,
    Annullato, // a pending purchase voided by its structure or expired: it reserves nothing
    // Client only: a state this build does not know (a newer server). Shown by its wire name
    // (Movement::stateName); never written by the server, never counted as confirmed.
    Sconosciuto
};
// Why a purchase is ANNULLATO: voided by the structure that made it, or expired while pending.
enum class VoidReason
{
    Nessuno,
    Struttura,
    Scadenza
};

// Wire names used by the API and the database ("ATTIVO", "IN_ATTESA", "ACQUISTO", ...) and the
// Italian labels the screens show ("ATTIVO", "IN ATTESA", "Acquisto"). Parsing an unknown name
// gives std::nullopt: callers turn that into a decoding error, never a default.
QString toWire(VoucherState s);
QString toWire(MovementType t);
QString toWire(MovementState s);
QString toWire(VoidReason r); // "" | "STRUTTURA" | "SCADENZA"
std::optional<VoucherState> voucherStateFromWire(const QString& s);
std::optional<MovementType> movementTypeFromWire(const QString& s);
std::optional<MovementState> movementStateFromWire(const QString& s); // never Sconosciuto
std::optional<VoidReason> voidReasonFromWire(const QString& s); // "" -> Nessuno
QString displayName(VoucherState s);
QString displayName(MovementType t);
QString displayName(MovementState s);
// The state as the lists show it: "ANNULLATO (dalla struttura)", "ANNULLATO (scaduto)", and an
// unknown state by its wire name `rawName`, as received.
QString displayState(MovementState s, VoidReason reason, const QString& rawName = {});

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
    VoidReason voidReason = VoidReason::Nessuno; // ANNULLATO only
    QString stateName; // the wire name as received (set for Sconosciuto)
    Money amount; // always > 0; the type says the direction
    QString purchaseId; // for a cancellation: the purchase it revokes
    QString commercialDocument; // optional number of the till's documento commerciale
    bool hasReceipt = false;
};

} // namespace sinfonia
