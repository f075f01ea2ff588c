#pragma once

#include "core/domain/Result.h"
#include "server/ledger/LedgerTypes.h"

#include <QSqlDatabase>

namespace sinfonia::ledger {

// Who may do what: the structures an operator is enabled for (enabled user and enabled voucher
// service) and the titolare check of staff management. A structure that exists but is forbidden
// answers "structure.not_found", so ids of other merchants leak nothing.
class AccessControl
{
public:
    Result<OperatorProfile> profile(QSqlDatabase& db, const QString& operatorCf) const;
    // The structure if the operator is enabled there for the voucher service.
    Result<StructureInfo> enabledStructure(QSqlDatabase& db, const QString& operatorCf,
                                           const QString& structureId) const;
    // enabledStructure + role titolare ("employee.forbidden" otherwise).
    Result<StructureInfo> titolareStructure(QSqlDatabase& db, const QString& operatorCf,
                                            const QString& structureId) const;
    Result<QList<SandboxIdentity>> identities(QSqlDatabase& db) const;

private:
    Result<QList<StructureInfo>> structuresOf(QSqlDatabase& db, const QString& operatorCf) const;
};

} // namespace sinfonia::ledger
