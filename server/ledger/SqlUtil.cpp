#include "server/ledger/SqlUtil.h"

#include <QSqlRecord>

namespace sinfonia::ledger {

Q_LOGGING_CATEGORY(lcLedger, "sinfonia.ledger")

namespace sql {

Result<QSqlQuery> exec(QSqlDatabase& db, const QString& text, const QVariantList& binds)
{
    QSqlQuery q(db);
    q.setForwardOnly(true);
    if (binds.isEmpty()) {
        // PostgreSQL cannot PREPARE DDL; statements without parameters run directly.
        if (!q.exec(text))
            return toError(q.lastError(), QStringLiteral("exec"));
        return q;
    }
    if (!q.prepare(text))
        return toError(q.lastError(), QStringLiteral("prepare"));
    for (const QVariant& v : binds)
        q.addBindValue(v);
    if (!q.exec())
        return toError(q.lastError(), QStringLiteral("exec"));
    return q;
}

Result<Row> first(QSqlDatabase& db, const QString& text, const QVariantList& binds)
{
    auto q = exec(db, text, binds);
    if (!q)
        return q.error();
    QSqlQuery& query = q.value();
    Row row;
    if (query.next())
        row = Row::current(query);
    if (query.lastError().isValid())
        return toError(query.lastError(), QStringLiteral("next"));
    query.finish();
    return row;
}

Row Row::current(const QSqlQuery& q)
{
    Row row;
    row.m_valid = q.isValid();
    const int n = q.record().count();
    for (int i = 0; i < n; ++i)
        row.m_values << q.value(i);
    return row;
}

bool isBusy(const QSqlError& e)
{
    const QString native = e.nativeErrorCode();
    const QString text = e.text();
    // SQLite 5/6 = BUSY/LOCKED; PostgreSQL 40001 serialization, 40P01 deadlock, 55P03 lock timeout.
    return native == QLatin1String("5") || native == QLatin1String("6") || native == QLatin1String("40001")
        || native == QLatin1String("40P01") || native == QLatin1String("55P03")
        || text.contains(QLatin1String("database is locked"), Qt::CaseInsensitive);
}

bool isUniqueViolation(const QSqlError& e)
{
    const QString native = e.nativeErrorCode();
    return native == QLatin1String("23505") || native == QLatin1String("2067") || native == QLatin1String("1555")
        || e.text().contains(QLatin1String("UNIQUE constraint"), Qt::CaseInsensitive)
        || e.text().contains(QLatin1String("duplicate key"), Qt::CaseInsensitive);
}

Error toError(const QSqlError& e, const QString& what)
{
    const QString detail = what + QStringLiteral(": ") + e.nativeErrorCode() + QLatin1Char(' ') + e.databaseText()
        + QLatin1Char(' ') + e.driverText();
    if (isBusy(e))
        return makeError(QStringLiteral("db.busy"),
                         QStringLiteral("Il servizio è momentaneamente occupato: riprova tra qualche secondo."),
                         detail);
    return makeError(QStringLiteral("db.error"), QStringLiteral("Errore interno del servizio: riprova più tardi."),
                     detail);
}

qint64 parseId(const QString& id)
{
    bool ok = false;
    const qint64 v = id.toLongLong(&ok);
    return ok && v > 0 ? v : -1;
}

} // namespace sql
} // namespace sinfonia::ledger
