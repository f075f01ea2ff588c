#include "ui/models/AuditModel.h"

#include "core/domain/Clock.h"

namespace sinfonia {

void AuditModel::clear()
{
    beginResetModel();
    m_items.clear();
    endResetModel();
}

void AuditModel::append(const QList<AuditEntry>& entries)
{
    if (entries.isEmpty())
        return;
    beginInsertRows({}, int(m_items.size()), int(m_items.size() + entries.size() - 1));
    m_items.append(entries);
    endInsertRows();
}

QString AuditModel::actionText(const QString& action)
{
    if (action == QLatin1String("LOOKUP"))
        return tr("Ricerca beneficiario");
    if (action == QLatin1String("VOUCHER_READ"))
        return tr("Consultazione voucher");
    if (action == QLatin1String("PURCHASE"))
        return tr("Acquisto");
    if (action == QLatin1String("CANCELLATION"))
        return tr("Cancellazione");
    if (action == QLatin1String("OTP_VERIFY"))
        return tr("Verifica OTP");
    if (action == QLatin1String("VOID"))
        return tr("Annullamento acquisto in attesa");
    if (action == QLatin1String("RECEIPT_DOWNLOAD"))
        return tr("Download scontrino");
    return action; // a newer server's action: shown as it is
}

QString AuditModel::outcomeText(const QString& outcome)
{
    if (outcome == QLatin1String("ok"))
        return tr("Eseguita");
    if (outcome == QLatin1String("rate_limited"))
        return tr("Rifiutata: troppe ricerche");
    if (outcome == QLatin1String("beneficiary.not_found") || outcome == QLatin1String("voucher.not_found")
        || outcome == QLatin1String("movement.not_found"))
        return tr("Non trovato");
    if (outcome == QLatin1String("otp.invalid"))
        return tr("Codice OTP errato");
    return tr("Rifiutata (%1)").arg(outcome);
}

QString AuditModel::cellText(const AuditEntry& e, int column) const
{
    switch (column) {
    case Time:
        return e.at.toTimeZone(Clock::rome()).toString(QStringLiteral("dd/MM/yyyy HH:mm:ss"));
    case Operator:
        return e.operatorName.isEmpty() ? e.operatorCf : e.operatorName;
    case Action:
        return actionText(e.action);
    case Voucher:
        if (e.voucherDisplayId.isEmpty())
            return {};
        return e.voucherNumber.isEmpty() ? e.voucherDisplayId
                                         : tr("%1 (N° %2)").arg(e.voucherDisplayId, e.voucherNumber);
    case Outcome:
        return outcomeText(e.outcome);
    default:
        return {};
    }
}

QStringList AuditModel::headers() const
{
    QStringList out;
    for (int c = 0; c < ColumnCount; ++c)
        out << headerData(c, Qt::Horizontal).toString();
    return out;
}

QList<QStringList> AuditModel::rowsAsText() const
{
    QList<QStringList> out;
    out.reserve(m_items.size());
    for (const AuditEntry& e : m_items) {
        QStringList row;
        for (int c = 0; c < ColumnCount; ++c)
            row << cellText(e, c);
        out << row;
    }
    return out;
}

int AuditModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : int(m_items.size());
}

int AuditModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant AuditModel::data(const QModelIndex& index, int role) const
{
    if (!index.isValid() || index.row() >= m_items.size())
        return {};
    const AuditEntry& e = m_items.at(index.row());
    if (role == Qt::DisplayRole || role == Qt::AccessibleTextRole)
        return cellText(e, index.column());
    if (role == Qt::ToolTipRole && index.column() == Operator)
        return e.operatorCf;
    return {};
}

QVariant AuditModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case Time:
        return tr("Data e ora");
    case Operator:
        return tr("Operatore");
    case Action:
        return tr("Azione");
    case Voucher:
        return tr("Voucher");
    case Outcome:
        return tr("Esito");
    default:
        return {};
    }
}

} // namespace sinfonia
