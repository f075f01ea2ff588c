#pragma once

#include "core/export/ExportTypes.h"
#include "core/services/cache/CachedMovement.h"

#include <QAbstractTableModel>
#include <QList>

namespace sinfonia {

// "Elenco movimenti": the rows of a period from the movement cache. Columns as in the seed: Data e
// ora, Codice identificativo, Importo, Tipo operazione, Stato. Sortable by every column (amount by
// cents, date by instant) through an index permutation, so 100,000 rows sort in milliseconds and
// the rows themselves are never copied; data() does no allocation beyond the cell text. Rows are
// the lean MovementListRow (about 100 bytes each, loaded by the cache thread in one pass), so a
// list of 100,000 costs about 10 MB and its sort and totals never go back to the file.
class MovementsTableModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column
    {
        DateTime,
        Code,
        Amount,
        Type,
        State,
        ColumnCount
    };
    enum Role
    {
        SortRole = Qt::UserRole + 1, // the raw key: msecs, code, cents, wire names
        MovementIdRole
    };

    using QAbstractTableModel::QAbstractTableModel;

    // Rows newest first (as the cache gives them); the current sort is applied again.
    void setRows(QList<MovementListRow> rows);
    void setRows(const QList<CachedMovement>& rows);
    // More rows of the same list (read after the first ones): added, then the current sort is
    // applied to all of them, selection and current row kept.
    void appendRows(const QList<MovementListRow>& rows);
    void clear();
    const MovementListRow& movementAt(int row) const { return m_rows.at(m_order.at(row)); }
    Money total() const;

    // The rows in the order shown, for the exporters (codice identificativo = voucher number, or
    // the movement id when the number is unknown). Never the CF hash.
    QList<ExportRow> exportRows() const;

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    void sort(int column, Qt::SortOrder order = Qt::AscendingOrder) override;

private:
    void applySort();
    static QString codeOf(const MovementListRow& m);

    QList<MovementListRow> m_rows;
    QList<int> m_order; // view row -> index in m_rows
    int m_sortColumn = -1;
    Qt::SortOrder m_sortOrder = Qt::DescendingOrder;
};

} // namespace sinfonia
