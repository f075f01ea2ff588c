#include "ui/movements/MovementsTableModel.h"

#include "core/domain/Clock.h"
#include "core/export/MovementExport.h"

#include <algorithm>
#include <numeric>
#include <utility>
#include <vector>

namespace sinfonia {

void MovementsTableModel::setRows(const QList<CachedMovement>& rows)
{
    QList<MovementListRow> lean;
    lean.reserve(rows.size());
    for (const CachedMovement& m : rows)
        lean.append(MovementListRow::of(m));
    setRows(std::move(lean));
}

void MovementsTableModel::setRows(QList<MovementListRow> rows)
{
    beginResetModel();
    m_rows = std::move(rows);
    m_order.resize(m_rows.size());
    std::iota(m_order.begin(), m_order.end(), 0);
    applySort();
    endResetModel();
}

void MovementsTableModel::appendRows(const QList<MovementListRow>& rows)
{
    if (rows.isEmpty())
        return;
    const int first = int(m_rows.size());
    beginInsertRows({}, first, first + int(rows.size()) - 1);
    m_rows.append(rows);
    m_order.reserve(m_rows.size());
    for (int i = first; i < int(m_rows.size()); ++i)
        m_order.append(i);
    endInsertRows();
    if (m_sortColumn >= 0)
        sort(m_sortColumn, m_sortOrder);
}

void MovementsTableModel::clear()
{
    setRows(QList<MovementListRow>());
}

Money MovementsTableModel::total() const
{
    Money sum;
    for (const MovementListRow& m : m_rows)
        sum += Money::fromCents(m.type == MovementType::Acquisto ? m.amountCents : -m.amountCents);
    return sum;
}

QString MovementsTableModel::codeOf(const MovementListRow& m)
{
    return m.code.isEmpty() ? m.id : m.code;
}

QList<ExportRow> MovementsTableModel::exportRows() const
{
    QList<ExportRow> out;
    out.reserve(m_order.size());
    for (int i : m_order) {
        const MovementListRow& m = m_rows.at(i);
        out.append({QDateTime::fromMSecsSinceEpoch(m.createdMs, Qt::UTC), codeOf(m), m.amountCents, m.type, m.state,
                    m.voidReason, m.stateName});
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
    const MovementListRow& m = movementAt(index.row());
    if (role == Qt::DisplayRole || role == Qt::AccessibleTextRole) {
        switch (index.column()) {
        case DateTime:
            return MovementExport::dateTimeText(QDateTime::fromMSecsSinceEpoch(m.createdMs, Qt::UTC));
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
            return m.createdMs;
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
    const bool ascending = m_sortOrder == Qt::AscendingOrder;
    if (m_sortColumn == Code) {
        const auto& rows = m_rows;
        auto less = [&rows](int a, int b) { return codeOf(rows.at(a)) < codeOf(rows.at(b)); };
        if (ascending)
            std::stable_sort(m_order.begin(), m_order.end(), less);
        else
            std::stable_sort(m_order.begin(), m_order.end(), [&less](int a, int b) { return less(b, a); });
        return;
    }
    // Numeric columns: the keys side by side with the row numbers, sorted in one contiguous array
    // (100,000 rows in a few milliseconds, no row touched per comparison).
    std::vector<std::pair<qint64, int>> keyed;
    keyed.reserve(size_t(m_order.size()));
    for (int i : m_order) {
        const MovementListRow& m = m_rows.at(i);
        qint64 key = 0;
        switch (m_sortColumn) {
        case DateTime:
            key = m.createdMs;
            break;
        case Amount:
            key = m.amountCents;
            break;
        case Type:
            key = int(m.type);
            break;
        default:
            key = int(m.state);
            break;
        }
        keyed.emplace_back(key, i);
    }
    if (ascending)
        std::stable_sort(keyed.begin(), keyed.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
    else
        std::stable_sort(keyed.begin(), keyed.end(), [](const auto& a, const auto& b) { return b.first < a.first; });
    for (size_t k = 0; k < keyed.size(); ++k)
        m_order[qsizetype(k)] = keyed[k].second;
}

} // namespace sinfonia
