#include "ui/summary/SummaryModels.h"

#include "core/domain/Clock.h"
#include "core/domain/Money.h"

namespace sinfonia {

namespace {
QString money(qint64 cents)
{
    return Money::fromCents(cents).toString();
}

bool isAmountColumn(int column)
{
    return column == SummaryMovementsModel::Amount || column == SummaryMovementsModel::Cancellable;
}
} // namespace

void SummaryMovementsModel::setRows(QList<CachedMovement> rows)
{
    beginResetModel();
    m_rows = std::move(rows);
    endResetModel();
}

QString SummaryMovementsModel::headerText(int column)
{
    switch (column) {
    case Time:
        return tr("Ora");
    case Type:
        return tr("Tipo operazione");
    case State:
        return tr("Stato");
    case Amount:
        return tr("Importo");
    case Voucher:
        return tr("N. voucher");
    case Document:
        return tr("N. documento commerciale");
    case Operator:
        return tr("Operatore");
    case Cancellable:
        return tr("Ancora cancellabile");
    }
    return {};
}

QString SummaryMovementsModel::cellText(const CachedMovement& m, int column)
{
    switch (column) {
    case Time:
        return m.createdAt.toTimeZone(Clock::rome()).toString(QStringLiteral("HH:mm"));
    case Type:
        return displayName(m.type);
    case State:
        return displayName(m.state);
    case Amount:
        return money(m.amountCents);
    case Voucher:
        return m.code.isEmpty() ? m.id : m.code;
    case Document:
        return m.commercialDocument.isEmpty() ? tr("non indicato") : m.commercialDocument;
    case Operator:
        return m.operatorName.isEmpty() ? tr("non indicato") : m.operatorName;
    case Cancellable:
        return m.type == MovementType::Acquisto && m.state == MovementState::Confermato && m.cancellableCents > 0
            ? money(m.cancellableCents)
            : QStringLiteral("—");
    }
    return {};
}

int SummaryMovementsModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int SummaryMovementsModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant SummaryMovementsModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const CachedMovement& m = m_rows.at(index.row());
    if (role == Qt::DisplayRole || role == Qt::AccessibleTextRole)
        return cellText(m, index.column());
    if (role == MovementIdRole)
        return m.id;
    if (role == Qt::TextAlignmentRole && isAmountColumn(index.column()))
        return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
    return {};
}

QVariant SummaryMovementsModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || section < 0 || section >= ColumnCount)
        return QAbstractTableModel::headerData(section, orientation, role);
    if (role == Qt::DisplayRole)
        return headerText(section);
    return {};
}

void OperatorTotalsModel::setRows(QList<DaySummary::OperatorTotals> rows)
{
    beginResetModel();
    m_rows = std::move(rows);
    endResetModel();
}

QString OperatorTotalsModel::headerText(int column)
{
    switch (column) {
    case Name:
        return tr("Operatore");
    case Purchases:
        return tr("Acquisti");
    case PurchasedAmount:
        return tr("Importo acquisti");
    case Cancellations:
        return tr("Cancellazioni");
    case CancelledAmount:
        return tr("Importo cancellazioni");
    case Net:
        return tr("Netto");
    case Pending:
        return tr("In attesa");
    }
    return {};
}

QString OperatorTotalsModel::cellText(const DaySummary::OperatorTotals& t, int column)
{
    switch (column) {
    case Name:
        return t.operatorName.isEmpty() ? tr("Operatore non indicato") : t.operatorName;
    case Purchases:
        return QString::number(t.purchases);
    case PurchasedAmount:
        return money(t.purchasedCents);
    case Cancellations:
        return QString::number(t.cancellations);
    case CancelledAmount:
        return money(t.cancelledCents);
    case Net:
        return money(t.netCents());
    case Pending:
        return QString::number(t.pending);
    }
    return {};
}

int OperatorTotalsModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int OperatorTotalsModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant OperatorTotalsModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    if (role == Qt::DisplayRole || role == Qt::AccessibleTextRole)
        return cellText(m_rows.at(index.row()), index.column());
    if (role == Qt::TextAlignmentRole && index.column() != Name)
        return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
    return {};
}

QVariant OperatorTotalsModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || section < 0 || section >= ColumnCount)
        return QAbstractTableModel::headerData(section, orientation, role);
    if (role == Qt::DisplayRole)
        return headerText(section);
    return {};
}

} // namespace sinfonia
