#include "core/domain/Voucher.h"

#include <QCoreApplication>

namespace sinfonia {

QString toWire(VoucherState s)
{
    switch (s) {
    case VoucherState::Attivo:
        return QStringLiteral("ATTIVO");
    case VoucherState::Scaduto:
        return QStringLiteral("SCADUTO");
    case VoucherState::Esaurito:
        return QStringLiteral("ESAURITO");
    case VoucherState::Sospeso:
        return QStringLiteral("SOSPESO");
    }
    return {};
}

QString toWire(MovementType t)
{
    switch (t) {
    case MovementType::Acquisto:
        return QStringLiteral("ACQUISTO");
    case MovementType::Cancellazione:
        return QStringLiteral("CANCELLAZIONE");
    }
    return {};
}

QString toWire(MovementState s)
{
    switch (s) {
    case MovementState::InAttesa:
        return QStringLiteral("IN_ATTESA");
    case MovementState::Confermato:
        return QStringLiteral("CONFERMATO");
    case MovementState::Annullato:
        return QStringLiteral("ANNULLATO");
    case MovementState::Sconosciuto:
        break;
    }
    return {};
}

QString toWire(VoidReason r)
{
    switch (r) {
    case VoidReason::Nessuno:
        break;
    case VoidReason::Struttura:
        return QStringLiteral("STRUTTURA");
    case VoidReason::Scadenza:
        return QStringLiteral("SCADENZA");
    }
    return {};
}

// Wire names are exact: the API and the database write them, so a different spelling is a bug
// to report, not something to guess.
std::optional<VoucherState> voucherStateFromWire(const QString& s)
{
    for (auto v : {VoucherState::Attivo, VoucherState::Scaduto, VoucherState::Esaurito, VoucherState::Sospeso}) {
        if (s == toWire(v))
            return v;
    }
    return std::nullopt;
}

std::optional<MovementType> movementTypeFromWire(const QString& s)
{
    for (auto v : {MovementType::Acquisto, MovementType::Cancellazione}) {
        if (s == toWire(v))
            return v;
    }
    return std::nullopt;
}

std::optional<MovementState> movementStateFromWire(const QString& s)
{
    for (auto v : {MovementState::InAttesa, MovementState::Confermato, MovementState::Annullato}) {
        if (s == toWire(v))
            return v;
    }
    return std::nullopt;
}

std::optional<VoidReason> voidReasonFromWire(const QString& s)
{
    for (auto v : {VoidReason::Nessuno, VoidReason::Struttura, VoidReason::Scadenza}) {
        if (s == toWire(v))
            return v;
    }
    return std::nullopt;
}

QString displayName(VoucherState s)
{
    switch (s) {
    case VoucherState::Attivo:
        return QCoreApplication::translate("sinfonia::Voucher", "ATTIVO");
    case VoucherState::Scaduto:
        return QCoreApplication::translate("sinfonia::Voucher", "SCADUTO");
    case VoucherState::Esaurito:
        return QCoreApplication::translate("sinfonia::Voucher", "ESAURITO");
    case VoucherState::Sospeso:
        return QCoreApplication::translate("sinfonia::Voucher", "SOSPESO");
    }
    return {};
}

QString displayName(MovementType t)
{
    switch (t) {
    case MovementType::Acquisto:
        return QCoreApplication::translate("sinfonia::Voucher", "Acquisto");
    case MovementType::Cancellazione:
        return QCoreApplication::translate("sinfonia::Voucher", "Cancellazione");
    }
    return {};
}

QString displayName(MovementState s)
{
    switch (s) {
    case MovementState::InAttesa:
        return QCoreApplication::translate("sinfonia::Voucher", "IN ATTESA");
    case MovementState::Confermato:
        return QCoreApplication::translate("sinfonia::Voucher", "CONFERMATO");
    case MovementState::Annullato:
        return QCoreApplication::translate("sinfonia::Voucher", "ANNULLATO");
    case MovementState::Sconosciuto:
        return QCoreApplication::translate("sinfonia::Voucher", "SCONOSCIUTO");
    }
    return {};
}

QString displayState(MovementState s, VoidReason reason, const QString& rawName)
{
    if (s == MovementState::Sconosciuto)
        return rawName.isEmpty() ? displayName(s) : rawName;
    if (s != MovementState::Annullato)
        return displayName(s);
    switch (reason) {
    case VoidReason::Struttura:
        return QCoreApplication::translate("sinfonia::Voucher", "ANNULLATO (dalla struttura)");
    case VoidReason::Scadenza:
        return QCoreApplication::translate("sinfonia::Voucher", "ANNULLATO (scaduto)");
    case VoidReason::Nessuno:
        break;
    }
    return displayName(s);
}

} // namespace sinfonia
