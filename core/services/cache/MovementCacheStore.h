#pragma once

#include "core/domain/Result.h"
#include "core/services/cache/CachedMovement.h"

#include <QDateTime>
#include <QList>
#include <QSqlDatabase>
#include <QString>
#include <functional>
#include <optional>

namespace sinfonia {

// What the movement list asks the cache for: one structure, a period [from, to) in UTC, optionally
// one beneficiary by CF hash. Rows come sorted by time, newest first.
struct MovementQuery
{
    QString structureId;
    QDateTime from;
    QDateTime to;
    QByteArray cfHash; // empty: every beneficiary
    int limit = -1;
};

struct MovementRows
{
    QList<CachedMovement> rows;
    QDateTime lastSyncAt; // invalid: this structure was never synced on this machine
};

// The movement list's rows of a query (lean, see MovementListRow), newest first.
struct MovementListRows
{
    QList<MovementListRow> rows;
    QDateTime lastSyncAt;
};

// The SQLite file of the movement cache, used from ONE thread (the cache worker). Plain synchronous
// code so the bench and tests can drive it directly; MovementCache runs it off the GUI thread.
class MovementCacheStore
{
public:
    // PRAGMA user_version of the cache file; an older file is emptied and rebuilt on open.
    static constexpr int cacheSchemaVersion = 3;

    // How insert() writes. Auto: straight through SQLite's C API on the Qt driver's own connection
    // (QSqlQuery's per-value QVariant and UTF-16 work costs more than SQLite at 100,000 rows), but
    // only when that connection belongs to the very SQLite this program links, as with Debian's
    // Qt; otherwise, and always with Portable, a prepared QSqlQuery in the same transaction (Windows,
    // where Qt's SQLite plugin carries its own copy of SQLite).
    enum class InsertPath
    {
        Auto,
        Portable
    };
    explicit MovementCacheStore(InsertPath path = InsertPath::Auto);
    ~MovementCacheStore();
    MovementCacheStore(const MovementCacheStore&) = delete;
    MovementCacheStore& operator=(const MovementCacheStore&) = delete;

    // Opens the file with an integrity check. A file that fails to open or to check is renamed to
    // "<file>.corrupt-<yyyyMMddHHmmsszzz of now>" and a fresh, empty cache is created: `*setAside`
    // tells the caller to rebuild it from the server.
    Result<void> open(const QString& filePath, bool* setAside = nullptr, const QDateTime& now = {});
    void close();
    bool isOpen() const;

    // Upserts a batch of rows with one prepared statement, in its own transaction unless a bulk
    // transaction is open. `syncId` marks the rows seen by the running sync (see finishSync).
    Result<int> insert(const QList<CachedMovement>& rows, qint64 syncId = 0);
    // One transaction around a whole sync: with random-order index inserts, committing every page
    // rewrites the same index pages again and again (the cost is in the commits, not the rows).
    Result<void> beginBulk();
    Result<void> commitBulk();
    void rollbackBulk();
    bool inBulk() const { return m_bulk; }
    // A complete sync of [from, to) of a structure: deletes rows the server no longer listed and
    // records the time of the sync.
    Result<void> finishSync(const QString& structureId, const QDateTime& from, const QDateTime& to, qint64 syncId,
                            const QDateTime& syncedAt);
    // Records that [from, to) was synced at `syncedAt` without deleting anything.
    Result<void> recordSync(const QString& structureId, const QDateTime& from, const QDateTime& to,
                            const QDateTime& syncedAt);
    // Retention limit: removes every row older than `cutoff`. Returns the number removed.
    Result<int> purgeOlderThan(const QDateTime& cutoff);
    // Removes everything (e.g. operator switch, new hash key).
    Result<void> clear();

    Result<MovementRows> rows(const MovementQuery& query) const;
    // The same rows as the movement list holds them: six columns, read straight through SQLite's C
    // API when insert() is (100,000 rows in a few tens of ms), else through QSqlQuery.
    // With `firstRows`, the first `firstCount` rows are handed to it as soon as they are read (the
    // list paints them while the rest is read) and the result holds only the rows after them.
    Result<MovementListRows> listRows(const MovementQuery& query,
                                      const std::function<void(QList<MovementListRow>&&)>& firstRows = {},
                                      int firstCount = 0) const;
    QDateTime lastSync(const QString& structureId) const;
    // When [from, to) of the structure was last synced completely by one sync that covered `from`
    // (invalid if never): an incremental sync then only refetches from the day before that.
    QDateTime coveredSince(const QString& structureId, const QDateTime& from) const;
    Result<qint64> count() const;
    QString filePath() const { return m_path; }
    // After open(): whether insert() takes the C API path.
    bool usesDirectInsert() const { return m_direct; }
    // Whether this build has the C API path at all (SINFONIA_SQLITE_DIRECT, off on Windows).
    static bool directInsertCompiled();
    // PRAGMA user_version a file has after open().
    static int currentSchemaVersion();

private:
    Result<void> openFile(bool* broken);
    // Brings a file of an older schema to the current one, keeping its rows.
    Result<void> migrate(QSqlDatabase& db);
    Result<void> insertRaw(QSqlDatabase& db, const QList<CachedMovement>& rows, qint64 syncId);
    Result<void> insertPortable(QSqlDatabase& db, const QList<CachedMovement>& rows, qint64 syncId);

    QString m_connection;
    QString m_path;
    InsertPath m_insertPath;
    bool m_direct = false;
    bool m_bulk = false;
};

} // namespace sinfonia
