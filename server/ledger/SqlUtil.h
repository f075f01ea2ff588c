#pragma once

#include "core/domain/Clock.h"
#include "core/domain/Result.h"

#include <QHash>
#include <QLoggingCategory>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QSqlRecord>
#include <QVariant>
#include <memory>
#include <mutex>

namespace sinfonia::ledger {

Q_DECLARE_LOGGING_CATEGORY(lcLedger)

// Small helpers over QSqlQuery so every statement is prepared, bound and checked the same way.
namespace sql {

// Prepares `text` ('?' placeholders, portable), binds `binds` in order and executes it.
// Errors: "db.busy" (locked/serialization) or "db.error"; detail = driver text, no values.
Result<QSqlQuery> exec(QSqlDatabase& db, const QString& text, const QVariantList& binds = {});
// One row of a result, copied out so the statement can be finished at once (SQLite refuses to
// COMMIT while a statement is still stepping). isValid() is false when there was no row.
// Columns are read by the name the SELECT gives them (the column's name or its AS alias), never by
// position, so a reordered SELECT cannot silently shift a value into the wrong field.
class Row
{
public:
    // The column names of one result, lower-cased once and shared by all its rows: a row is then
    // only its values (no QSqlRecord with its fields and names copied per row).
    struct Columns
    {
        QList<QByteArray> names;
        static std::shared_ptr<const Columns> of(const QSqlQuery& q);
    };

    bool isValid() const { return m_valid; }
    // Case-insensitive, like SQL. A column the statement does not select is a bug: it asserts in
    // debug builds (every test run) and reads as a null QVariant, logged, otherwise.
    QVariant value(const char* column) const;
    bool isNull(const char* column) const { return value(column).isNull(); }
    // The row the query is positioned on.
    static Row current(const QSqlQuery& q);
    // The same with the columns already read (every row of one result shares them).
    static Row current(const QSqlQuery& q, const std::shared_ptr<const Columns>& columns);

private:
    std::shared_ptr<const Columns> m_columns;
    QVariantList m_values;
    // Where the last lookup matched: readers ask for the columns mostly in SELECT order.
    mutable qsizetype m_hint = 0;
    bool m_valid = false;
};

// Entered around a write statement that runs outside a transaction (SQLite only).
class WriteGate
{
public:
    virtual ~WriteGate() = default;
    virtual void enter() = 0;
    virtual void leave() = 0;
};

// Prepared statements of one connection, reused by exec() for statements with parameters: parsing
// SQL (SQLite) or PREPARE round trips (PostgreSQL) on every request were a third of the server's
// CPU. Owned by the connection's holder in Database; only the owning thread touches it.
struct StatementCache
{
    QString connectionName;
    QHash<QString, QSqlQuery> queries;
    // SQLite: taken around autocommit INSERT/UPDATE/DELETE (see Database: the writers of a
    // process queue in-process; with group commit the open batch is committed first).
    WriteGate* writeGate = nullptr;
    ~StatementCache();
};
// The cache exec() uses on this thread when its connection name matches (set by Database).
void setThreadStatementCache(StatementCache* cache);
StatementCache* threadStatementCache();
// Resets every cached statement of `db` that is still positioned on rows (before COMMIT).
void finishCached(const QSqlDatabase& db);

// Like exec, then takes the first row (if any) and finishes the statement.
Result<Row> first(QSqlDatabase& db, const QString& text, const QVariantList& binds = {});
// Like exec, then every row, and finishes the statement.
Result<QList<Row>> all(QSqlDatabase& db, const QString& text, const QVariantList& binds = {});

Error toError(const QSqlError& e, const QString& what);
bool isUniqueViolation(const QSqlError& e);
bool isBusy(const QSqlError& e);

inline qint64 nowMs(const Clock& c)
{
    return c.now().toMSecsSinceEpoch();
}
inline QDateTime fromMs(qint64 ms)
{
    return QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC);
}
inline QVariant big(qint64 v)
{
    return QVariant(static_cast<qlonglong>(v));
}
// Ids are BIGINT in the database and strings in the API; a malformed id is -1 (matches nothing).
qint64 parseId(const QString& id);

// The keyset cursor of the paginated lists (movements, audit trail): base64url("<ms>:<id>") of
// the last row of the previous page. decodeCursor is false for anything it did not make.
QString encodeCursor(qint64 ms, qint64 id);
bool decodeCursor(const QString& cursor, qint64* ms, qint64* id);

} // namespace sql
} // namespace sinfonia::ledger
