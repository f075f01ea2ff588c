#pragma once

#include "core/domain/Result.h"

#include <QSqlDatabase>
#include <QString>
#include <QThreadStorage>
#include <memory>
#include <mutex>
#include <optional>

namespace sinfonia::ledger {

namespace sql {
struct StatementCache;
class WriteGate;
} // namespace sql

class ConnectionHolder;
class GroupWriter;
class WriteTransaction;

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
        // SQLite group commit: the write transactions of concurrent requests run one after the
        // other on one writer connection, each in its own SAVEPOINT, and commit together (one
        // fsync for the batch); each caller returns from commit() only once its batch is durable.
        bool groupCommit = true;
        int maxBatch = 64; // members of a batch before it is committed even while others queue
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
    // Recursive: a write transaction's own statements take it again. With group commit it is the
    // lock of the shared writer connection.
    std::recursive_mutex* writeSerializer();
    bool groupCommit() const { return m_group != nullptr; }
    // Group commit: batches committed so far and how many transactions they held (tests, bench).
    struct GroupStats
    {
        quint64 batches = 0; // COMMITs of the writer connection (each one fsync with synchronous=FULL)
        quint64 members = 0; // write transactions they held
        quint64 autocommits = 0; // write statements outside a transaction (each its own commit)
    };
    GroupStats groupStats() const;

private:
    friend class WriteTransaction;
    friend class GroupWriter;
    Database(Backend backend, QString location, Options options);
    QSqlDatabase openConnection(const QString& name);

    Backend m_backend;
    QString m_location;
    Options m_options;
    QString m_id; // unique per object: prefix of this object's connection names
    QThreadStorage<ConnectionHolder*> m_connections;
    std::recursive_mutex m_writeLock;
    std::unique_ptr<GroupWriter> m_group; // SQLite with Options::groupCommit
    std::unique_ptr<sql::WriteGate> m_plainGate; // SQLite without: m_writeLock around autocommit writes
};

// A read-modify-write transaction: "BEGIN IMMEDIATE" on SQLite (takes the write lock up front, so
// it never fails half-way with "database is locked"), "BEGIN" on PostgreSQL where callers lock
// rows with Database::forUpdate(). Rolls back unless commit() succeeded.
//
// SQLite with group commit: a SAVEPOINT of the batch open on the shared writer connection; commit()
// releases it and returns once the batch's COMMIT is durable (a failed COMMIT fails every member).
// A WriteTransaction opened while the thread already has one open on the same Database (or a
// CommitScope holds one) is a nested SAVEPOINT of it. While a transaction is open on a thread,
// Database::connection() on that thread answers the transaction's connection, so reads see its
// writes.
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
    // Like commit(), but when the thread runs a request in a CommitScope of this database, the
    // open transaction is handed to the scope instead: the caller's answer is then written in the
    // same transaction and the scope commits both (one commit per request).
    Result<void> commitOrHand();
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

    // The innermost transaction this thread has open on `db` (nullptr if none).
    static WriteTransaction* active(const Database& db);

private:
    friend class CommitScope;
    enum class Kind
    {
        Plain, // BEGIN ... COMMIT on the thread's connection
        Group, // SAVEPOINT in the batch of the SQLite writer connection
        Nested // SAVEPOINT inside the thread's open transaction
    };
    struct AdoptTag
    {
    };
    WriteTransaction(AdoptTag, WriteTransaction& from);
    void activate();
    void deactivate();
    Result<void> endGroupMember(bool commit);

    Database& m_database;
    QSqlDatabase m_conn;
    std::optional<Error> m_beginError;
    bool m_open = false;
    bool m_active = false;
    Kind m_kind = Kind::Plain;
    QString m_savepoint;
    quint64 m_batch = 0;
    WriteTransaction* m_outer = nullptr; // the thread's previously active transaction
    sql::StatementCache* m_savedCache = nullptr; // the thread's statement cache before activate()
    std::unique_lock<std::recursive_mutex> m_writeLock; // SQLite: held from BEGIN to COMMIT/ROLLBACK
};

// One commit per request: while a CommitScope is alive on a thread, the first
// WriteTransaction::commitOrHand() on its database hands its open transaction over; the owner
// (the HTTP Router) writes the request's idempotent answer in it and commits both with commit().
// Destroyed while still holding a transaction, it rolls back.
class CommitScope
{
public:
    explicit CommitScope(Database& db);
    ~CommitScope();
    CommitScope(const CommitScope&) = delete;
    CommitScope& operator=(const CommitScope&) = delete;

    bool holds() const { return m_held != nullptr; }
    // The held transaction's connection (holds() only).
    QSqlDatabase& db();
    Result<void> commit();
    void rollback();

    static CommitScope* current(const Database& db);

private:
    friend class WriteTransaction;
    Database& m_db;
    CommitScope* m_outer = nullptr;
    std::unique_ptr<WriteTransaction> m_held;
};

} // namespace sinfonia::ledger
