#include "ui/models/TransactionsModel.h"

#include "core/domain/Clock.h"

#include <QBrush>
#include <QColor>

namespace sinfonia {

void TransactionsModel::setMovements(const QList<ApiMovement>& movements)
{
    beginResetModel();
    m_items = movements;
    std::stable_sort(m_items.begin(), m_items.end(), [](const ApiMovement& a, const ApiMovement& b) {
        return a.movement.createdAt > b.movement.createdAt;
    });
    endResetModel();
}

void TransactionsModel::upsert(const ApiMovement& movement)
{
    for (int row = 0; row < m_items.size(); ++row) {
        if (m_items.at(row).movement.id == movement.movement.id) {
            m_items[row] = movement;
            emit dataChanged(index(row, 0), index(row, ColumnCount - 1));
            return;
        }
    }
    beginInsertRows({}, 0, 0);
    m_items.prepend(movement);
    endInsertRows();
}

void TransactionsModel::clear()
{
    beginResetModel();
    m_items.clear();
    endResetModel();
}

int TransactionsModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : int(m_items.size());
}

int TransactionsModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QString TransactionsModel::actionsText(const MovementActions& actions)
{
    QStringList parts;
    if (actions.viewReceipt)
        parts.append(tr("Scontrino"));
    if (actions.authorize)
        parts.append(tr("Autorizza"));
    if (actions.cancel)
        parts.append(tr("Cancella (annullabile fino alle 23:59)"));
    if (actions.voidPending)
        parts.append(tr("Annulla acquisto in attesa"));
    return parts.isEmpty() ? QStringLiteral("-") : QStringLiteral("☰ ") + parts.join(QStringLiteral(" · "));
}

QVariant TransactionsModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const ApiMovement& item = m_items.at(index.row());
    const Movement& m = item.movement;
    if (role == MovementIdRole)
        return m.id;
    if (role == StateWireRole)
        return m.state == MovementState::Sconosciuto ? m.stateName : toWire(m.state);
    if (role == Qt::TextAlignmentRole && index.column() == Amount)
        return QVariant(Qt::AlignRight | Qt::AlignVCenter);
    if (role == Qt::ForegroundRole && index.column() == State && m.state == MovementState::InAttesa)
        return QBrush(QColor(0x8a, 0x5a, 0x00));
    if (role != Qt::DisplayRole && role != Qt::AccessibleTextRole && role != Qt::ToolTipRole)
        return {};
    switch (Column(index.column())) {
    case DateTime:
        return m.createdAt.toTimeZone(Clock::rome()).toString(QStringLiteral("dd/MM/yyyy - HH:mm:ss"));
    case Merchant:
        return m.merchantName;
    case Amount:
        return (m.type == MovementType::Acquisto ? -m.amount : m.amount).toString();
    case Type:
        return displayName(m.type);
    case State:
        return displayState(m.state, m.voidReason, m.stateName);
    case Actions:
        return actionsText(item.actions);
    case ColumnCount:
        break;
    }
    return {};
}

QVariant TransactionsModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (Column(section)) {
    case DateTime:
        return tr("Data e ora");
    case Merchant:
        return tr("Esercente");
    case Amount:
        return tr("Importo");
    case Type:
        return tr("Tipo operazione");
    case State:
        return tr("Stato");
    case Actions:
        return tr("Azioni");
    case ColumnCount:
        break;
    }
    return {};
}

} // namespace sinfonia
