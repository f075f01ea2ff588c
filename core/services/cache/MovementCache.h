#pragma once

#include "core/domain/Result.h"
#include "core/services/cache/MovementCacheStore.h"
#include "core/services/net/ApiTypes.h"

#include <QDate>
#include <QObject>
#include <QPointer>
#include <functional>

class QThread;

namespace sinfonia {

class ApiClient;
class CfHasher;
class Clock;
class MovementCacheWorker;

// The offline-readable movement list of each structure. All SQLite work runs on a worker thread
// with its own connection; results come back as signals or callbacks in the caller's thread.
// Sync: pages are fetched (cursor pagination) in the caller's thread and each page is inserted by
// the worker in one transaction while the next page is on the wire. Rows keep no names or
// product text, and the CF only as a keyed hash (CfHasher, key from the keychain).
class MovementCache : public QObject
{
    Q_OBJECT
public:
    // Fetches one page of a period: cursor empty for the first one (ApiClient::movements or a test
    // source).
    using PageFetcher = std::function<void(const MovementFilter& filter, const QString& cursor, QObject* context,
                                           std::function<void(Result<MovementPage>)> done)>;
    // The same, handing over the page undecoded (ApiClient::movementsBody): the cache thread
    // decodes it, so the GUI thread only receives bytes.
    using BodyFetcher = std::function<void(const MovementFilter& filter, const QString& cursor, QObject* context,
                                           std::function<void(Result<QByteArray>)> done)>;

    // The sync stamp and the retention cut-off come from `clock`.
    explicit MovementCache(const Clock& clock, QObject* parent = nullptr);
    ~MovementCache() override;

    // <AppLocalDataLocation>/movements.sqlite
    static QString defaultFilePath();

    // Opens (or rebuilds, see MovementCacheStore::open) the file and purges rows older than the
    // retention limit. Emits opened().
    void open(const QString& filePath, const QByteArray& hashKey, int retentionMonths = 6);
    bool isOpen() const { return m_open; }

    // Syncs [from, to] (calendar days in Europe/Rome, inclusive) of a structure. Incremental: a
    // period already synced is refetched only from the day before its last sync. `full` refetches all.
    void sync(ApiClient* api, const QString& structureId, QDate from, QDate to, bool full = false);
    void sync(PageFetcher fetcher, const QString& structureId, QDate from, QDate to, bool full = false);
    void syncBodies(BodyFetcher fetcher, const QString& structureId, QDate from, QDate to, bool full = false);
    bool isSyncing() const { return m_syncing; }

    // Rows of a period, newest first, with the time of the last sync. For the list model.
    void query(const MovementQuery& query, QObject* context, std::function<void(Result<MovementRows>)> done);
    // Rows for [from, to] days (Rome) and optionally one codice fiscale (hashed here).
    void query(const QString& structureId, QDate from, QDate to, const QString& codiceFiscale, QObject* context,
               std::function<void(Result<MovementRows>)> done);
    // The movement list's lean rows of [from, to] days (Rome), optionally one codice fiscale. With
    // `first`, the first `firstCount` rows come to it as soon as the cache thread has read them, and
    // `done` then gets only the rest.
    void queryList(const QString& structureId, QDate from, QDate to, const QString& codiceFiscale, QObject* context,
                   std::function<void(Result<MovementListRows>)> done,
                   std::function<void(QList<MovementListRow>)> first = {}, int firstCount = 0);
    // The keyed hash the cache stores for a codice fiscale (hex).
    QByteArray hashCf(const QString& codiceFiscale) const;
    // The row the cache keeps for a movement of the API: no names, the CF hashed with hasher.
    static CachedMovement toCached(const ApiMovement& a, CfHasher& hasher);
    // The same without the CF hash (left empty).
    static CachedMovement toCached(const ApiMovement& a, std::nullptr_t);

    // Removes every row (operator switch, logout).
    void clear();

    static QDateTime startOfDayRome(QDate day);

Q_SIGNALS:
    // `rebuilt`: the old file was damaged and set aside; a full sync restores it.
    void opened(bool ok, bool rebuilt, const QString& message);
    void syncProgress(const QString& structureId, int rows);
    void syncFinished(const QString& structureId, int rows, const QDateTime& syncedAt);
    void syncFailed(const QString& structureId, const sinfonia::Error& error);
    // Rows of this structure changed: re-query.
    void changed(const QString& structureId);

private:
    void begin(const QString& structureId, QDate from, QDate to, bool full);
    void fetchNext(const MovementFilter& filter, const QString& cursor);
    // A page arrived (decoded or not); false when the sync stopped on it.
    bool pageFailed(const Error& error, const MovementFilter& filter, const QString& cursor);
    // The page's cursor is known: count the chain down or fetch its next page.
    void pageCursor(const MovementFilter& filter, const QString& next);
    void inserted(const Result<int>& r);
    void startFetching(QDate fetchFrom, QDate to);
    void syncDone(Result<void> result);

    const Clock& m_clock;
    QThread* m_thread;
    MovementCacheWorker* m_worker;
    QByteArray m_hashKey;
    bool m_open = false;

    // The running sync (one at a time).
    bool m_syncing = false;
    PageFetcher m_fetcher;
    BodyFetcher m_bodyFetcher;
    QString m_syncStructure;
    QDateTime m_syncFrom; // recorded as synced
    QDateTime m_fetchFrom; // actually refetched (incremental)
    QDateTime m_syncTo;
    qint64 m_syncId = 0;
    int m_syncRows = 0;
    int m_pendingInserts = 0;
    int m_openChains = 0; // sub-periods still fetching
    QDateTime m_syncStarted;
    quint64 m_generation = 0;
};

} // namespace sinfonia
