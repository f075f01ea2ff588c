#pragma once

#include "core/services/net/ApiTypes.h"

#include <QAbstractTableModel>
#include <QStringList>

namespace sinfonia {

// "Registro attività": the structure's audit rows, newest first. Columns: Data e ora (Rome),
// Operatore, Azione, Voucher, Esito. No codice fiscale of a beneficiary is ever shown (the server
// has only its keyed hash).
class AuditModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column
    {
        Time,
        Operator,
        Action,
        Voucher,
        Outcome,
        ColumnCount
    };

    using QAbstractTableModel::QAbstractTableModel;

    void clear();
    void append(const QList<AuditEntry>& entries);
    const AuditEntry& entry(int row) const { return m_items.at(row); }

    // The Italian label of an action ("Ricerca beneficiario", ...) and of an outcome.
    static QString actionText(const QString& action);
    static QString outcomeText(const QString& outcome);
    // What the CSV export writes: the same columns as shown.
    QStringList headers() const;
    QList<QStringList> rowsAsText() const;

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    QString cellText(const AuditEntry& e, int column) const;
    QList<AuditEntry> m_items;
};

} // namespace sinfonia
