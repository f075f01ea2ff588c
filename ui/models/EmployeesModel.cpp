#include "ui/models/EmployeesModel.h"

namespace sinfonia {

void EmployeesModel::setEmployees(const QList<Employee>& employees)
{
    beginResetModel();
    m_items = employees;
    endResetModel();
}

void EmployeesModel::upsert(const Employee& employee)
{
    for (int row = 0; row < m_items.size(); ++row) {
        if (m_items.at(row).id == employee.id) {
            m_items[row] = employee;
            emit dataChanged(index(row, 0), index(row, ColumnCount - 1));
            return;
        }
    }
    const int row = int(m_items.size());
    beginInsertRows({}, row, row);
    m_items.append(employee);
    endInsertRows();
}

int EmployeesModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : int(m_items.size());
}

int EmployeesModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant EmployeesModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    if (role != Qt::DisplayRole && role != Qt::AccessibleTextRole)
        return {};
    const Employee& e = m_items.at(index.row());
    switch (Column(index.column())) {
    case Cf:
        return e.codiceFiscale;
    case GivenName:
        return e.givenName;
    case FamilyName:
        return e.familyName;
    case Role:
        return e.role == OperatorRole::Titolare ? tr("Titolare") : tr("Dipendente");
    case Services:
        return e.services.isEmpty() ? tr("nessuno") : e.services.join(QStringLiteral(", "));
    case State:
        return e.enabled ? tr("Abilitato") : tr("Disabilitato");
    case ColumnCount:
        break;
    }
    return {};
}

QVariant EmployeesModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (Column(section)) {
    case Cf:
        return tr("Codice fiscale");
    case GivenName:
        return tr("Nome");
    case FamilyName:
        return tr("Cognome");
    case Role:
        return tr("Ruolo");
    case Services:
        return tr("Servizi");
    case State:
        return tr("Stato");
    case ColumnCount:
        break;
    }
    return {};
}

} // namespace sinfonia
