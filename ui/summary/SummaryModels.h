#pragma once

#include "core/services/cache/DaySummary.h"

#include <QAbstractTableModel>
#include <QList>

namespace sinfonia {

// One list of the end-of-day summary (the day's movements, those still pending, those still
// cancellable): Ora, Tipo, Stato, Importo, N. voucher, N. documento commerciale, Operatore, Ancora
// cancellabile. Never a codice fiscale (the cache does not even hold one).
class SummaryMovementsModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column
    {
        Time,
        Type,
        State,
        Amount,
        Voucher,
        Document,
        Operator,
        Cancellable,
        ColumnCount
    };
    enum Role
    {
        MovementIdRole = Qt::UserRole + 1
    };

    using QAbstractTableModel::QAbstractTableModel;

    void setRows(QList<CachedMovement> rows);
    const QList<CachedMovement>& rows() const { return m_rows; }
    const CachedMovement& movementAt(int row) const { return m_rows.at(row); }

    // The texts of a cell (shared with the printout).
    static QString headerText(int column);
    static QString cellText(const CachedMovement& m, int column);

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    QList<CachedMovement> m_rows;
};

// "Per operatore": Operatore, Acquisti, Importo acquisti, Cancellazioni, Importo cancellazioni,
// Netto, In attesa.
class OperatorTotalsModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column
    {
        Name,
        Purchases,
        PurchasedAmount,
        Cancellations,
        CancelledAmount,
        Net,
        Pending,
        ColumnCount
    };

    using QAbstractTableModel::QAbstractTableModel;

    void setRows(QList<DaySummary::OperatorTotals> rows);

    static QString headerText(int column);
    static QString cellText(const DaySummary::OperatorTotals& t, int column);

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    QList<DaySummary::OperatorTotals> m_rows;
};

} // namespace sinfonia
