#include "server/ledger/AccessControl.h"

#include "server/ledger/LedgerErrors.h"
#include "server/ledger/SqlUtil.h"

namespace sinfonia::ledger {

QString toWire(Role r)
{
    return r == Role::Titolare ? QStringLiteral("titolare") : QStringLiteral("dipendente");
}

Result<QList<StructureInfo>> AccessControl::structuresOf(QSqlDatabase& db, const QString& operatorCf) const
{
    auto q
        = sql::exec(db,
                    QStringLiteral("SELECT s.id, s.name, s.address, os.role FROM operator_structures os"
                                   " JOIN structures s ON s.id = os.structure_id"
                                   " JOIN operator_services sv ON sv.cf = os.cf AND sv.structure_id = os.structure_id"
                                   " WHERE os.cf = ? AND os.enabled = 1 AND sv.service = ? ORDER BY s.name, s.id"),
                    {operatorCf, voucherService});
    if (!q)
        return q.error();
    QList<StructureInfo> out;
    while (q.value().next()) {
        StructureInfo s;
        s.id = q->value(0).toString();
        s.name = q->value(1).toString();
        s.address = q->value(2).toString();
        s.role = q->value(3).toString() == QLatin1String("titolare") ? Role::Titolare : Role::Dipendente;
        s.services = {voucherService};
        out << s;
    }
    return out;
}

Result<OperatorProfile> AccessControl::profile(QSqlDatabase& db, const QString& operatorCf) const
{
    auto q = sql::first(db, QStringLiteral("SELECT cf, nome, cognome FROM operators WHERE cf = ?"), {operatorCf});
    if (!q)
        return q.error();
    if (!q->isValid())
        return errors::make(QStringLiteral("operator.not_found"));
    OperatorProfile p;
    p.codiceFiscale = q->value(0).toString();
    p.nome = q->value(1).toString();
    p.cognome = q->value(2).toString();
    auto structures = structuresOf(db, operatorCf);
    if (!structures)
        return structures.error();
    p.structures = structures.value();
    return p;
}

Result<StructureInfo> AccessControl::enabledStructure(QSqlDatabase& db, const QString& operatorCf,
                                                      const QString& structureId) const
{
    auto structures = structuresOf(db, operatorCf);
    if (!structures)
        return structures.error();
    for (const StructureInfo& s : structures.value()) {
        if (s.id == structureId)
            return s;
    }
    return errors::make(QStringLiteral("structure.not_found"));
}

Result<StructureInfo> AccessControl::titolareStructure(QSqlDatabase& db, const QString& operatorCf,
                                                       const QString& structureId) const
{
    auto s = enabledStructure(db, operatorCf, structureId);
    if (!s)
        return s;
    if (s->role != Role::Titolare)
        return errors::make(QStringLiteral("employee.forbidden"));
    return s;
}

Result<QList<SandboxIdentity>> AccessControl::identities(QSqlDatabase& db) const
{
    auto q = sql::exec(db,
                       QStringLiteral("SELECT login_id, nome, cognome, cf FROM operators"
                                      " WHERE login_id IS NOT NULL ORDER BY login_id"));
    if (!q)
        return q.error();
    QList<SandboxIdentity> out;
    while (q.value().next()) {
        SandboxIdentity id;
        id.id = q->value(0).toString();
        id.displayName = q->value(1).toString() + QLatin1Char(' ') + q->value(2).toString();
        id.codiceFiscale = q->value(3).toString();
        out << id;
    }
    for (SandboxIdentity& id : out) {
        auto structures = structuresOf(db, id.codiceFiscale);
        if (!structures)
            return structures.error();
        id.structures = structures.value();
        auto roles = sql::first(db,
                                QStringLiteral("SELECT COUNT(*) FROM operator_structures WHERE cf = ? AND role = "
                                               "'titolare'"),
                                {id.codiceFiscale});
        if (!roles)
            return roles.error();
        id.role = roles->value(0).toLongLong() > 0 ? Role::Titolare : Role::Dipendente;
    }
    return out;
}

} // namespace sinfonia::ledger
