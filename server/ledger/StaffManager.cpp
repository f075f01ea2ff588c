#include "server/ledger/StaffManager.h"

#include "core/domain/CodiceFiscale.h"
#include "core/domain/ErrorCodes.h"
#include "server/ledger/AccessControl.h"
#include "server/ledger/Database.h"
#include "server/ledger/LedgerErrors.h"
#include "server/ledger/SqlUtil.h"

namespace sinfonia::ledger {

namespace {

Employee employeeFrom(const sql::Row& q)
{
    Employee e;
    e.codiceFiscale = q.value("cf").toString();
    e.nome = q.value("nome").toString();
    e.cognome = q.value("cognome").toString();
    e.role = q.value("role").toString() == QLatin1String("titolare") ? Role::Titolare : Role::Dipendente;
    e.enabled = q.value("enabled").toInt() == 1;
    return e;
}

const QString employeeSelect
    = QStringLiteral("SELECT o.cf, o.nome, o.cognome, os.role, os.enabled FROM operator_structures os"
                     " JOIN operators o ON o.cf = os.cf WHERE os.structure_id = ?");

Result<QStringList> servicesOf(QSqlDatabase& db, const QString& structureId, const QString& cf)
{
    auto q = sql::all(db,
                      QStringLiteral("SELECT service FROM operator_services WHERE structure_id = ? AND cf = ?"
                                     " ORDER BY service"),
                      {structureId, cf});
    if (!q)
        return q.error();
    QStringList out;
    for (const sql::Row& row : *q)
        out << row.value("service").toString();
    return out;
}

} // namespace

StaffManager::StaffManager(Database& db, const Clock& clock, const AccessControl& access)
    : m_db(db)
    , m_clock(clock)
    , m_access(access)
{
}

Result<Employee> StaffManager::employee(QSqlDatabase& db, const QString& structureId, const QString& cf) const
{
    auto q = sql::first(db, employeeSelect + QStringLiteral(" AND os.cf = ?"), {structureId, cf});
    if (!q)
        return q.error();
    if (!q->isValid())
        return errors::make(codes::employeeNotFound);
    Employee e = employeeFrom(*q);
    auto services = servicesOf(db, structureId, cf);
    if (!services)
        return services.error();
    e.services = services.value();
    return e;
}

Result<QList<Employee>> StaffManager::employees(const OperatorContext& ctx, const QString& structureId) const
{
    QSqlDatabase db = m_db.connection();
    auto s = m_access.titolareStructure(db, ctx.operatorCf, structureId);
    if (!s)
        return s.error();
    auto q = sql::exec(db, employeeSelect + QStringLiteral(" ORDER BY os.role DESC, o.cognome, o.nome, o.cf"),
                       {structureId});
    if (!q)
        return q.error();
    QList<Employee> out;
    while (q.value().next())
        out << employeeFrom(sql::Row::current(q.value()));
    for (Employee& e : out) {
        auto services = servicesOf(db, structureId, e.codiceFiscale);
        if (!services)
            return services.error();
        e.services = services.value();
    }
    return out;
}

Result<Employee> StaffManager::add(const OperatorContext& ctx, const QString& structureId, const NewEmployee& e)
{
    const QString nome = e.nome.simplified();
    const QString cognome = e.cognome.simplified();
    if (e.codiceFiscale.trimmed().isEmpty() || nome.isEmpty() || cognome.isEmpty() || nome.size() > 100
        || cognome.size() > 100)
        return errors::make(codes::employeeInvalid);
    auto cf = CodiceFiscale::validate(e.codiceFiscale, m_clock.todayInRome());
    if (!cf)
        return cf.error();
    WriteTransaction tx(m_db);
    if (!tx.ok())
        return *tx.beginError();
    QSqlDatabase& db = tx.db();
    auto s = m_access.titolareStructure(db, ctx.operatorCf, structureId);
    if (!s)
        return s.error();
    const QString code = cf->code;
    auto existing = sql::first(
        db, QStringLiteral("SELECT 1 FROM operator_structures WHERE cf = ? AND structure_id = ?"), {code, structureId});
    if (!existing)
        return existing.error();
    if (existing->isValid())
        return errors::make(codes::employeeExists);
    auto op = sql::first(db, QStringLiteral("SELECT 1 FROM operators WHERE cf = ?"), {code});
    if (!op)
        return op.error();
    if (!op->isValid()) {
        auto ins = sql::exec(db, QStringLiteral("INSERT INTO operators (cf, nome, cognome) VALUES (?, ?, ?)"),
                             {code, nome, cognome});
        if (!ins)
            return ins.error();
    }
    auto link = sql::exec(db,
                          QStringLiteral("INSERT INTO operator_structures (cf, structure_id, role, enabled)"
                                         " VALUES (?, ?, 'dipendente', 1)"),
                          {code, structureId});
    if (!link)
        return link.error();
    return tx.commitWith(employee(db, structureId, code));
}

Result<Employee> StaffManager::update(const OperatorContext& ctx, const QString& structureId, const QString& cf,
                                      const EmployeeChange& change)
{
    WriteTransaction tx(m_db);
    if (!tx.ok())
        return *tx.beginError();
    QSqlDatabase& db = tx.db();
    auto s = m_access.titolareStructure(db, ctx.operatorCf, structureId);
    if (!s)
        return s.error();
    auto current = employee(db, structureId, cf);
    if (!current)
        return current;
    auto changed = change(db, *current);
    if (!changed)
        return changed.error();
    return tx.commitWith(employee(db, structureId, cf));
}

Result<Employee> StaffManager::setService(const OperatorContext& ctx, const QString& structureId,
                                          const QString& employeeCf, const QString& service, bool enabled)
{
    if (service != voucherService)
        return errors::make(codes::employeeServiceUnknown);
    const QString cf = CodiceFiscale::normalize(employeeCf);
    return update(ctx, structureId, cf, [&](QSqlDatabase& db, const Employee& current) -> Result<void> {
        if (cf == ctx.operatorCf && !enabled)
            return errors::make(codes::employeeSelf);
        if (current.services.contains(service) == enabled)
            return {};
        auto r = enabled ? sql::exec(db,
                                     QStringLiteral("INSERT INTO operator_services (cf, structure_id, service)"
                                                    " VALUES (?, ?, ?)"),
                                     {cf, structureId, service})
                         : sql::exec(db,
                                     QStringLiteral("DELETE FROM operator_services WHERE cf = ? AND structure_id = ?"
                                                    " AND service = ?"),
                                     {cf, structureId, service});
        if (!r)
            return r.error();
        return {};
    });
}

Result<Employee> StaffManager::setEnabled(const OperatorContext& ctx, const QString& structureId,
                                          const QString& employeeCf, bool enabled)
{
    const QString cf = CodiceFiscale::normalize(employeeCf);
    return update(ctx, structureId, cf, [&](QSqlDatabase& db, const Employee& current) -> Result<void> {
        if (cf == ctx.operatorCf)
            return errors::make(codes::employeeSelf);
        // A titolare may lock out employees, never a co-owner of the structure.
        if (!enabled && current.role == Role::Titolare)
            return errors::make(codes::employeeTitolare);
        auto r = sql::exec(
            db, QStringLiteral("UPDATE operator_structures SET enabled = ? WHERE cf = ? AND structure_id = ?"),
            {enabled ? 1 : 0, cf, structureId});
        if (!r)
            return r.error();
        return {};
    });
}

} // namespace sinfonia::ledger
