#pragma once

#include "core/domain/Result.h"

#include <QSqlDatabase>
#include <QString>
#include <QThreadStorage>
#include <memory>
#include <mutex>
#include <optional>

namespace sinfonia::ledger {

class ConnectionHolder;

// The ledger database: SQLite (default) or PostgreSQL, chosen by the location string, with
// versioned migrations and one connection per thread (opened lazily, closed when the thread ends).
// Several Database objects, threads and processes may share one database.
//
// Locations:
//   "/path/file.sqlite" or "sqlite:/path/file.sqlite"              -> QSQLITE (WAL, busy timeout,
//                                                                    foreign keys, synchronous=FULL)
//   "postgresql://user:pw@host:port/dbname" or "postgres://..."    -> QPSQL
//   "host=127.0.0.1 port=5432 user=postgres dbname=x" (libpq keywords) -> QPSQL
class Database
{
public:
    enum class Backend
    {
        Sqlite,
        Postgres
    };

    struct Options
    {
        int busyTimeoutMs = 10000; // SQLite busy_timeout; PG lock_timeout
        // SQLite synchronous=FULL: an acknowledged debit survives a power cut, not only a crash
        // (about 3x slower commits than NORMAL on this disk). PostgreSQL follows its own settings.
        bool durableCommits = true;
    };

    // Parses the location and opens this thread's connection once to fail early.
    static Result<std::unique_ptr<Database>> open(const QString& location);
    static Result<std::unique_ptr<Database>> open(const QString& location, Options options);
    ~Database();
    Database(const Database&) = delete;
    Database& operator=(const Database&) = delete;

    Backend backend() const { return m_backend; }
    bool isPostgres() const { return m_backend == Backend::Postgres; }

    // Brings the schema to the latest version; safe to call from several processes at once.
    Result<void> migrate();
    int schemaVersion();
    static int latestSchemaVersion();
    // Records `mode` ("sandbox" or "production") if the database has none yet; fails with
    // "db.mode_mismatch" when it was made by a server of the other mode. Call after migrate().
    Result<void> claimMode(const QString& mode);

    // This thread's open connection (opens it on first use). Invalid on failure; see lastError.
    QSqlDatabase connection();

    // SQL fragments that differ by backend.
    QString forUpdate() const { return isPostgres() ? QStringLiteral(" FOR UPDATE") : QString(); }

    // Store a location for logs: the password is removed.
    QString displayLocation() const;

    // SQLite only (nullptr on PostgreSQL): writers of this process queue here instead of in
    // SQLite's busy handler, which sleeps up to 100 ms between tries and made 32 concurrent counters
    // wait far longer than the writes themselves. Other processes still meet the busy timeout.
    // Recursive: a write transaction's own statements take it again.
    std::recursive_mutex* writeSerializer() { return isPostgres() ? nullptr : &m_writeLock; }

private:
    Database(Backend backend, QString location, Options options);
    QSqlDatabase openConnection(const QString& name);

    Backend m_backend;
    QString m_location;
    Options m_options;
    QString m_id; // unique per object: prefix of this object's connection names
    QThreadStorage<ConnectionHolder*> m_connections;
    std::recursive_mutex m_writeLock;
};

// A read-modify-write transaction: "BEGIN IMMEDIATE" on SQLite (takes the write lock up front, so
// it never fails half-way with "database is locked"), "BEGIN" on PostgreSQL where callers lock
// rows with Database::forUpdate(). Rolls back unless commit() succeeded.
class WriteTransaction
{
public:
    explicit WriteTransaction(Database& db);
    ~WriteTransaction();
    WriteTransaction(const WriteTransaction&) = delete;
    WriteTransaction& operator=(const WriteTransaction&) = delete;

    // Error of BEGIN, if any.
    const std::optional<Error>& beginError() const { return m_beginError; }
    bool ok() const { return !m_beginError; }
    QSqlDatabase& db() { return m_conn; }
    Result<void> commit();
    // The common tail of a write: commits when result holds a value and then hands it back;
    // otherwise (or when COMMIT fails) returns the error and the destructor rolls back.
    template<typename T>
    Result<T> commitWith(Result<T> result)
    {
        if (!result)
            return result;
        auto committed = commit();
        if (!committed)
            return committed.error();
        return result;
    }
    void rollback();

private:
    QSqlDatabase m_conn;
    std::optional<Error> m_beginError;
    bool m_open = false;
    std::unique_lock<std::recursive_mutex> m_writeLock; // SQLite: held from BEGIN to COMMIT/ROLLBACK
};

} // namespace sinfonia::ledger
