#pragma once

#include "core/services/net/ApiTypes.h"

#include <QAbstractTableModel>

namespace sinfonia {

// Employees of the structure ("Gestione delle abilitazioni"): CF, Nome, Cognome, Ruolo, Servizi, Stato.
class EmployeesModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column
    {
        Cf,
        GivenName,
        FamilyName,
        Role,
        Services,
        State,
        ColumnCount
    };

    using QAbstractTableModel::QAbstractTableModel;

    void setEmployees(const QList<Employee>& employees);
    void upsert(const Employee& employee);
    const Employee& employee(int row) const { return m_items.at(row); }

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    QList<Employee> m_items;
};

} // namespace sinfonia
