#include "server/ledger/SqlUtil.h"

#include "core/domain/ErrorCodes.h"

#include <QScopeGuard>
#include <QSqlField>
#include <QSqlRecord>

namespace sinfonia::ledger {

Q_LOGGING_CATEGORY(lcLedger, "sinfonia.ledger")

namespace sql {

namespace {
// A plain pointer (trivially destructible) so thread exit order never matters; the holder that
// owns the cache clears it when it goes away.
thread_local StatementCache* t_cache = nullptr;

StatementCache* cacheFor(const QSqlDatabase& db)
{
    StatementCache* c = t_cache;
    return c && c->connectionName == db.connectionName() ? c : nullptr;
}

// QSqlQuery copies share one result (explicitly shared); the copy handed out steps the cached
// statement, which is what the caller expects. Qt 6 deprecates the copy in favour of moves.
QSqlQuery sharedCopy(const QSqlQuery& q)
{
    QT_WARNING_PUSH
    QT_WARNING_DISABLE_DEPRECATED
    return QSqlQuery(q);
    QT_WARNING_POP
}
} // namespace

StatementCache::~StatementCache()
{
    if (t_cache == this)
        t_cache = nullptr;
}

void setThreadStatementCache(StatementCache* cache)
{
    t_cache = cache;
}

StatementCache* threadStatementCache()
{
    return t_cache;
}

void finishCached(const QSqlDatabase& db)
{
    if (StatementCache* c = cacheFor(db)) {
        for (QSqlQuery& q : c->queries) {
            if (q.isActive())
                q.finish();
        }
    }
}

namespace {
bool isWrite(const QString& text)
{
    return text.startsWith(QLatin1String("INSERT"), Qt::CaseInsensitive)
        || text.startsWith(QLatin1String("UPDATE"), Qt::CaseInsensitive)
        || text.startsWith(QLatin1String("DELETE"), Qt::CaseInsensitive);
}
} // namespace

Result<QSqlQuery> exec(QSqlDatabase& db, const QString& text, const QVariantList& binds)
{
    WriteGate* gate = nullptr;
    if (StatementCache* c = cacheFor(db); c && c->writeGate && isWrite(text)) {
        gate = c->writeGate;
        gate->enter();
    }
    const auto leave = qScopeGuard([gate] {
        if (gate)
            gate->leave();
    });
    if (StatementCache* cache = binds.isEmpty() ? nullptr : cacheFor(db)) {
        auto it = cache->queries.find(text);
        if (it == cache->queries.end()) {
            if (cache->queries.size() >= 256) // dynamic SQL would grow it without bound
                cache->queries.clear();
            QSqlQuery q(db);
            q.setForwardOnly(true);
            if (!q.prepare(text))
                return toError(q.lastError(), QStringLiteral("prepare"));
            it = cache->queries.insert(text, std::move(q));
        }
        QSqlQuery& q = it.value();
        if (q.isActive())
            q.finish();
        for (int i = 0; i < binds.size(); ++i)
            q.bindValue(i, binds.at(i));
        if (!q.exec()) {
            const Error e = toError(q.lastError(), QStringLiteral("exec"));
            cache->queries.erase(it); // prepared again next time, in case the statement went stale
            return e;
        }
        return sharedCopy(q);
    }
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

Result<QList<Row>> all(QSqlDatabase& db, const QString& text, const QVariantList& binds)
{
    auto q = exec(db, text, binds);
    if (!q)
        return q.error();
    QSqlQuery& query = q.value();
    QList<Row> rows;
    std::shared_ptr<const Row::Columns> columns;
    while (query.next()) {
        if (!columns)
            columns = Row::Columns::of(query);
        rows << Row::current(query, columns);
    }
    if (query.lastError().isValid())
        return toError(query.lastError(), QStringLiteral("next"));
    query.finish();
    return rows;
}

std::shared_ptr<const Row::Columns> Row::Columns::of(const QSqlQuery& q)
{
    auto c = std::make_shared<Columns>();
    const QSqlRecord record = q.record();
    c->names.reserve(record.count());
    for (int i = 0, n = record.count(); i < n; ++i)
        c->names.append(record.fieldName(i).toLower().toUtf8());
    return c;
}

Row Row::current(const QSqlQuery& q)
{
    return current(q, Columns::of(q));
}

Row Row::current(const QSqlQuery& q, const std::shared_ptr<const Columns>& columns)
{
    Row row;
    row.m_valid = q.isValid();
    row.m_columns = columns;
    if (row.m_valid) {
        const qsizetype n = columns->names.size();
        row.m_values.reserve(n);
        for (int i = 0; i < n; ++i)
            row.m_values.append(q.value(i));
    }
    return row;
}

QVariant Row::value(const char* column) const
{
    if (m_columns) {
        const QList<QByteArray>& names = m_columns->names;
        const qsizetype n = names.size();
        const qsizetype len = qsizetype(qstrlen(column));
        for (qsizetype k = 0; k < n; ++k) {
            const qsizetype i = (m_hint + k) % n;
            const QByteArray& name = names.at(i);
            if (name.size() == len && qstrnicmp(name.constData(), column, len) == 0) {
                m_hint = i + 1;
                return i < m_values.size() ? m_values.at(i) : QVariant();
            }
        }
    }
    if (m_valid) {
        qCCritical(lcLedger) << "column not in the statement's result:" << column;
        Q_ASSERT_X(false, "sql::Row::value", column);
    }
    return {};
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
        return makeError(codes::dbBusy,
                         QStringLiteral("Il servizio è momentaneamente occupato: riprova tra qualche secondo."),
                         detail);
    return makeError(codes::dbError, QStringLiteral("Errore interno del servizio: riprova più tardi."), detail);
}

qint64 parseId(const QString& id)
{
    bool ok = false;
    const qint64 v = id.toLongLong(&ok);
    return ok && v > 0 ? v : -1;
}

QString encodeCursor(qint64 ms, qint64 id)
{
    const QByteArray raw = QByteArray::number(ms) + ':' + QByteArray::number(id);
    return QString::fromLatin1(raw.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals));
}

bool decodeCursor(const QString& cursor, qint64* ms, qint64* id)
{
    const auto decoded = QByteArray::fromBase64Encoding(
        cursor.toLatin1(), QByteArray::Base64UrlEncoding | QByteArray::AbortOnBase64DecodingErrors);
    if (!decoded)
        return false;
    const QList<QByteArray> parts = decoded.decoded.split(':');
    if (parts.size() != 2)
        return false;
    bool ok1 = false;
    bool ok2 = false;
    *ms = parts[0].toLongLong(&ok1);
    *id = parts[1].toLongLong(&ok2);
    return ok1 && ok2;
}

} // namespace sql
} // namespace sinfonia::ledger
