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
    for (auto v : {MovementState::InAttesa, MovementState::Confermato}) {
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
    }
    return {};
}

} // namespace sinfonia
