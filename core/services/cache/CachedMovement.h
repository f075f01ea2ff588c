#pragma once

#include "core/domain/Voucher.h"

#include <QByteArray>
#include <QDateTime>
#include <QString>

namespace sinfonia {

// One movement as the local cache keeps it: only what the movement list and the end-of-day
// summary show and filter on. No beneficiary names, no product text; the beneficiary's codice
// fiscale only as a keyed hash (CfHasher); the operator only as her display name ("Mario R.").
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
    QString operatorName; // who registered it, "Mario R." (schema 2); empty if unknown
    QString commercialDocument; // number of the till's documento commerciale (schema 2)
    qint64 cancellableCents = 0; // purchases: what could still be cancelled at the last sync
};

// One row of the movement list as the list keeps it in memory (MovementCacheStore::listRows): only
// what the table shows, sorts and exports. About a sixth of a CachedMovement, so 100,000 rows load
// in one pass of the cache thread and sort and filter without going back to the file.
struct MovementListRow
{
    qint64 createdMs = 0; // UTC
    qint64 amountCents = 0;
    QString id;
    QString code; // voucher number; empty when unknown (the list shows the id)
    QString stateName; // Sconosciuto only: the wire name
    MovementType type = MovementType::Acquisto;
    MovementState state = MovementState::InAttesa;
    VoidReason voidReason = VoidReason::Nessuno;

    static MovementListRow of(const CachedMovement& m)
    {
        return {
            m.createdAt.toMSecsSinceEpoch(), m.amountCents, m.id, m.code, m.stateName, m.type, m.state, m.voidReason};
    }
};

} // namespace sinfonia
