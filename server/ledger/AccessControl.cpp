#include "server/ledger/AccessControl.h"

#include "core/domain/ErrorCodes.h"
#include "server/ledger/LedgerErrors.h"
#include "server/ledger/SqlUtil.h"

namespace sinfonia::ledger {

QString toWire(Role r)
{
    return r == Role::Titolare ? QStringLiteral("titolare") : QStringLiteral("dipendente");
}

Result<QList<StructureInfo>> AccessControl::structuresOf(QSqlDatabase& db, const QString& operatorCf) const
{
    auto q = sql::all(db,
                      QStringLiteral("SELECT s.id, s.name, s.address, os.role FROM operator_structures os"
                                     " JOIN structures s ON s.id = os.structure_id"
                                     " JOIN operator_services sv ON sv.cf = os.cf AND sv.structure_id = os.structure_id"
                                     " WHERE os.cf = ? AND os.enabled = 1 AND sv.service = ? ORDER BY s.name, s.id"),
                      {operatorCf, voucherService});
    if (!q)
        return q.error();
    QList<StructureInfo> out;
    for (const sql::Row& row : *q) {
        StructureInfo s;
        s.id = row.value("id").toString();
        s.name = row.value("name").toString();
        s.address = row.value("address").toString();
        s.role = row.value("role").toString() == QLatin1String("titolare") ? Role::Titolare : Role::Dipendente;
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
        return errors::make(codes::operatorNotFound);
    OperatorProfile p;
    p.codiceFiscale = q->value("cf").toString();
    p.nome = q->value("nome").toString();
    p.cognome = q->value("cognome").toString();
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
    return errors::make(codes::structureNotFound);
}

Result<StructureInfo> AccessControl::titolareStructure(QSqlDatabase& db, const QString& operatorCf,
                                                       const QString& structureId) const
{
    auto s = enabledStructure(db, operatorCf, structureId);
    if (!s)
        return s;
    if (s->role != Role::Titolare)
        return errors::make(codes::employeeForbidden);
    return s;
}

Result<QList<SandboxIdentity>> AccessControl::identities(QSqlDatabase& db) const
{
    auto q = sql::all(db,
                      QStringLiteral("SELECT login_id, nome, cognome, cf FROM operators"
                                     " WHERE login_id IS NOT NULL ORDER BY login_id"));
    if (!q)
        return q.error();
    QList<SandboxIdentity> out;
    for (const sql::Row& row : *q) {
        SandboxIdentity id;
        id.id = row.value("login_id").toString();
        id.displayName = row.value("nome").toString() + QLatin1Char(' ') + row.value("cognome").toString();
        id.codiceFiscale = row.value("cf").toString();
        out << id;
    }
    for (SandboxIdentity& id : out) {
        auto structures = structuresOf(db, id.codiceFiscale);
        if (!structures)
            return structures.error();
        id.structures = structures.value();
        auto roles = sql::first(db,
                                QStringLiteral("SELECT COUNT(*) AS titolare_of FROM operator_structures"
                                               " WHERE cf = ? AND role = 'titolare'"),
                                {id.codiceFiscale});
        if (!roles)
            return roles.error();
        id.role = roles->value("titolare_of").toLongLong() > 0 ? Role::Titolare : Role::Dipendente;
    }
    return out;
}

} // namespace sinfonia::ledger
