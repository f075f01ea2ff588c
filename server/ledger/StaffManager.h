#pragma once

#include "core/domain/Clock.h"
#include "core/domain/Result.h"
#include "server/ledger/LedgerTypes.h"

#include <QSqlDatabase>
#include <functional>

namespace sinfonia::ledger {

class AccessControl;
class Database;

// "Gestione struttura": the titolare lists the people of a structure, adds employees, associates
// and removes the voucher service, disables and re-enables users.
class StaffManager
{
public:
    StaffManager(Database& db, const Clock& clock, const AccessControl& access);

    Result<QList<Employee>> employees(const OperatorContext& ctx, const QString& structureId) const;
    Result<Employee> add(const OperatorContext& ctx, const QString& structureId, const NewEmployee& e);
    Result<Employee> setService(const OperatorContext& ctx, const QString& structureId, const QString& employeeCf,
                                const QString& service, bool enabled);
    Result<Employee> setEnabled(const OperatorContext& ctx, const QString& structureId, const QString& employeeCf,
                                bool enabled);

private:
    using EmployeeChange = std::function<Result<void>(QSqlDatabase& db, const Employee& current)>;

    Result<Employee> employee(QSqlDatabase& db, const QString& structureId, const QString& cf) const;
    // Applies change to an employee of a structure the operator is titolare of, in one write
    // transaction, and returns the employee as stored afterwards.
    Result<Employee> update(const OperatorContext& ctx, const QString& structureId, const QString& cf,
                            const EmployeeChange& change);

    Database& m_db;
    const Clock& m_clock;
    const AccessControl& m_access;
};

} // namespace sinfonia::ledger
