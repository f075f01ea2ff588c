#pragma once

#include "core/services/net/ApiTypes.h"

#include <QAbstractTableModel>

namespace sinfonia {

// "Transazioni per esercente": the movements of one voucher, newest first. Columns as in the seed:
// Data e ora, Esercente, Importo (purchases negative), Tipo operazione, Stato, Azioni.
class TransactionsModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column
    {
        DateTime,
        Merchant,
        Amount,
        Type,
        State,
        Actions,
        ColumnCount
    };
    enum Role
    {
        MovementIdRole = Qt::UserRole + 1,
        StateWireRole
    };

    using QAbstractTableModel::QAbstractTableModel;

    void setMovements(const QList<ApiMovement>& movements);
    // Replaces one movement (after an authorization or a cancellation) or adds it on top.
    void upsert(const ApiMovement& movement);
    void clear();
    const ApiMovement& movement(int row) const { return m_items.at(row); }

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    // "Visualizza scontrino · Cancella (annullabile fino alle 23:59)": what the action menu offers.
    static QString actionsText(const MovementActions& actions);

private:
    QList<ApiMovement> m_items;
};

} // namespace sinfonia
