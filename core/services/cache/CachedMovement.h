#pragma once

#include "core/domain/Voucher.h"

#include <QByteArray>
#include <QDateTime>
#include <QString>

namespace sinfonia {

// One movement as the local cache keeps it: only what the movement list shows and filters on. No
// names, no product text; the beneficiary's codice fiscale only as a keyed hash (CfHasher).
struct CachedMovement
{
    QString id;
    QString structureId;
    QDateTime createdAt; // UTC
    QString code; // identification code shown in the list (voucher number)
    QString voucherId;
    MovementType type = MovementType::Acquisto;
    MovementState state = MovementState::InAttesa;
    VoidReason voidReason = VoidReason::Nessuno; // ANNULLATO only
    QString stateName; // the wire name of a state this build does not know (Sconosciuto)
    qint64 amountCents = 0;
    QByteArray cfHash; // CfHasher::hash of the codice fiscale (16 hex digits), empty if unknown
    QString purchaseId;
};

} // namespace sinfonia
