#include "ui/movements/MovementsTableModel.h"

#include "core/domain/Clock.h"
#include "core/export/MovementExport.h"

#include <algorithm>
#include <numeric>

namespace sinfonia {

void MovementsTableModel::setRows(QList<CachedMovement> rows)
{
    beginResetModel();
    m_rows = std::move(rows);
    m_order.resize(m_rows.size());
    std::iota(m_order.begin(), m_order.end(), 0);
    applySort();
    endResetModel();
}

void MovementsTableModel::clear()
{
    setRows({});
}

Money MovementsTableModel::total() const
{
    Money sum;
    for (const CachedMovement& m : m_rows)
        sum += Money::fromCents(m.type == MovementType::Acquisto ? m.amountCents : -m.amountCents);
    return sum;
}

QString MovementsTableModel::codeOf(const CachedMovement& m)
{
    return m.code.isEmpty() ? m.id : m.code;
}

QList<ExportRow> MovementsTableModel::exportRows() const
{
    QList<ExportRow> out;
    out.reserve(m_order.size());
    for (int i : m_order) {
        const CachedMovement& m = m_rows.at(i);
        out.append({m.createdAt, codeOf(m), m.amountCents, m.type, m.state, m.voidReason, m.stateName});
    }
    return out;
}

int MovementsTableModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : int(m_order.size());
}

int MovementsTableModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant MovementsTableModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const CachedMovement& m = movementAt(index.row());
    if (role == Qt::DisplayRole || role == Qt::AccessibleTextRole) {
        switch (index.column()) {
        case DateTime:
            return MovementExport::dateTimeText(m.createdAt);
        case Code:
            return codeOf(m);
        case Amount:
            return Money::fromCents(m.amountCents).toString();
        case Type:
            return displayName(m.type);
        case State:
            return displayState(m.state, m.voidReason, m.stateName);
        }
    } else if (role == SortRole) {
        switch (index.column()) {
        case DateTime:
            return m.createdAt.toMSecsSinceEpoch();
        case Code:
            return codeOf(m);
        case Amount:
            return m.amountCents;
        case Type:
            return toWire(m.type);
        case State:
            return m.state == MovementState::Sconosciuto ? m.stateName : toWire(m.state);
        }
    } else if (role == MovementIdRole) {
        return m.id;
    } else if (role == Qt::TextAlignmentRole && index.column() == Amount) {
        return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
    }
    return {};
}

QVariant MovementsTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || section < 0 || section >= ColumnCount)
        return QAbstractTableModel::headerData(section, orientation, role);
    if (role == Qt::DisplayRole)
        return MovementExport::headers().at(section);
    if (role == Qt::TextAlignmentRole && section == Amount)
        return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
    return {};
}

void MovementsTableModel::sort(int column, Qt::SortOrder order)
{
    if (column < 0 || column >= ColumnCount)
        return;
    Q_EMIT layoutAboutToBeChanged({}, QAbstractItemModel::VerticalSortHint);
    const QModelIndexList before = persistentIndexList();
    QList<int> oldIds;
    oldIds.reserve(before.size());
    for (const QModelIndex& i : before)
        oldIds.append(m_order.at(i.row()));
    m_sortColumn = column;
    m_sortOrder = order;
    applySort();
    if (!before.isEmpty()) {
        QList<int> rowOf(m_rows.size());
        for (int r = 0; r < m_order.size(); ++r)
            rowOf[m_order.at(r)] = r;
        QModelIndexList after;
        after.reserve(before.size());
        for (qsizetype k = 0; k < before.size(); ++k)
            after.append(index(rowOf.at(oldIds.at(k)), before.at(k).column()));
        changePersistentIndexList(before, after);
    }
    Q_EMIT layoutChanged({}, QAbstractItemModel::VerticalSortHint);
}

void MovementsTableModel::applySort()
{
    if (m_sortColumn < 0)
        return; // the cache's order: newest first
    const auto& rows = m_rows;
    auto less = [&rows, this](int a, int b) {
        const CachedMovement& x = rows.at(a);
        const CachedMovement& y = rows.at(b);
        switch (m_sortColumn) {
        case DateTime:
            return x.createdAt < y.createdAt;
        case Code:
            return codeOf(x) < codeOf(y);
        case Amount:
            return x.amountCents < y.amountCents;
        case Type:
            return int(x.type) < int(y.type);
        default:
            return int(x.state) < int(y.state);
        }
    };
    if (m_sortOrder == Qt::AscendingOrder)
        std::stable_sort(m_order.begin(), m_order.end(), less);
    else
        std::stable_sort(m_order.begin(), m_order.end(), [&less](int a, int b) { return less(b, a); });
}

} // namespace sinfonia
