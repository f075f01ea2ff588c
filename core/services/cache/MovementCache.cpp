#include "core/services/cache/MovementCache.h"

#include "core/domain/Clock.h"
#include "core/domain/ErrorCodes.h"
#include "core/services/cache/CfHasher.h"
#include "core/services/net/ApiClient.h"
#include "core/services/net/ApiDecode.h"

#include <QCoreApplication>
#include <QDir>
#include <QHash>
#include <QLoggingCategory>
#include <QStandardPaths>
#include <QThread>

namespace sinfonia {

namespace {
// Rows per page of a sync: the server's maximum (5,000; ledger::maxMovementPage). A server of
// before 2026-12 refuses more than 500 with movements.limit_invalid: the sync then retries at 500.
constexpr int syncPageSize = 5000;
constexpr int legacyPageSize = 500;
} // namespace

// Lives in the cache thread and owns the only connection of that thread.
class MovementCacheWorker : public QObject
{
public:
    MovementCacheStore store;
    CfHasher hasher;

    // The keyed hash of each CF of the running sync, computed once: a structure's 100,000
    // movements name a few thousand beneficiaries, and the HMAC is a visible part of a row's cost.
    // Dropped when the sync ends (forget()).
    QHash<QString, QByteArray> cfHashes;

    QList<CachedMovement> convert(const QList<ApiMovement>& items)
    {
        QList<CachedMovement> rows;
        rows.reserve(items.size());
        if (cfHashes.size() > 50000)
            cfHashes.clear();
        for (const ApiMovement& a : items) {
            CachedMovement m = MovementCache::toCached(a, nullptr);
            auto it = cfHashes.constFind(a.codiceFiscale);
            if (it == cfHashes.constEnd())
                it = cfHashes.insert(a.codiceFiscale, hasher.hash(a.codiceFiscale));
            m.cfHash = it.value();
            rows.append(std::move(m));
        }
        return rows;
    }
    void forget() { cfHashes = {}; }
};

CachedMovement MovementCache::toCached(const ApiMovement& a, CfHasher& hasher)
{
    CachedMovement m = toCached(a, nullptr);
    m.cfHash = hasher.hash(a.codiceFiscale);
    return m;
}

CachedMovement MovementCache::toCached(const ApiMovement& a, std::nullptr_t)
{
    CachedMovement m;
    m.id = a.movement.id;
    m.structureId = a.movement.structureId;
    m.createdAt = a.movement.createdAt;
    m.code = a.voucherNumber;
    m.voucherId = a.movement.voucherId;
    m.type = a.movement.type;
    m.state = a.movement.state;
    m.voidReason = a.movement.voidReason;
    if (m.state == MovementState::Sconosciuto)
        m.stateName = a.movement.stateName;
    m.amountCents = a.movement.amount.cents();
    m.purchaseId = a.movement.purchaseId;
    m.operatorName = a.operatorName;
    m.commercialDocument = a.movement.commercialDocument;
    m.cancellableCents = a.actions.cancel ? a.actions.cancellable.cents() : 0;
    return m;
}

MovementCache::MovementCache(const Clock& clock, QObject* parent)
    : QObject(parent)
    , m_clock(clock)
    , m_thread(new QThread(this))
    , m_worker(new MovementCacheWorker)
{
    m_thread->setObjectName(QStringLiteral("movement-cache"));
    m_worker->moveToThread(m_thread);
    connect(m_thread, &QThread::finished, m_worker, &QObject::deleteLater);
    m_thread->start();
}

MovementCache::~MovementCache()
{
    // The store must close its connection in its own thread.
    QMetaObject::invokeMethod(
        m_worker, [w = m_worker] { w->store.close(); }, Qt::BlockingQueuedConnection);
    m_thread->quit();
    m_thread->wait();
}

QString MovementCache::defaultFilePath()
{
    return QStandardPaths::writableLocation(QStandardPaths::AppLocalDataLocation) + QStringLiteral("/movements.sqlite");
}

QDateTime MovementCache::startOfDayRome(QDate day)
{
    return day.startOfDay(Clock::rome()).toUTC();
}

void MovementCache::open(const QString& filePath, const QByteArray& hashKey, int retentionMonths)
{
    m_hashKey = hashKey;
    const QDateTime now = m_clock.now();
    QMetaObject::invokeMethod(m_worker, [this, w = m_worker, filePath, hashKey, retentionMonths, now] {
        w->hasher.setKey(hashKey);
        w->forget(); // hashes of the old key
        bool setAside = false;
        Result<void> r = w->store.open(filePath, &setAside, now);
        if (r.ok()) {
            const QDateTime cutoff = now.addMonths(-retentionMonths);
            (void)w->store.purgeOlderThan(cutoff);
        }
        QMetaObject::invokeMethod(this, [this, ok = r.ok(), setAside, msg = r.ok() ? QString() : r.error().message] {
            m_open = ok;
            Q_EMIT opened(ok, setAside, msg);
        });
    });
}

QByteArray MovementCache::hashCf(const QString& codiceFiscale) const
{
    CfHasher h(m_hashKey);
    return h.hash(codiceFiscale);
}

void MovementCache::sync(ApiClient* api, const QString& structureId, QDate from, QDate to, bool full)
{
    QPointer<ApiClient> client(api);
    syncBodies(
        [client, structureId](const MovementFilter& filter, const QString& cursor, QObject* context,
                              std::function<void(Result<QByteArray>)> done) {
            if (!client) {
                done(makeError(QStringLiteral("cache.no_client"), tr("Servizio non disponibile.")));
                return;
            }
            client->movementsBody(structureId, filter, cursor, context, std::move(done));
        },
        structureId, from, to, full);
}

void MovementCache::sync(PageFetcher fetcher, const QString& structureId, QDate from, QDate to, bool full)
{
    if (m_syncing) {
        Q_EMIT syncFailed(
            structureId,
            makeError(QStringLiteral("cache.sync_running"), tr("Aggiornamento dei movimenti già in corso.")));
        return;
    }
    m_fetcher = std::move(fetcher);
    m_bodyFetcher = nullptr;
    begin(structureId, from, to, full);
}

void MovementCache::syncBodies(BodyFetcher fetcher, const QString& structureId, QDate from, QDate to, bool full)
{
    if (m_syncing) {
        Q_EMIT syncFailed(
            structureId,
            makeError(QStringLiteral("cache.sync_running"), tr("Aggiornamento dei movimenti già in corso.")));
        return;
    }
    m_bodyFetcher = std::move(fetcher);
    m_fetcher = nullptr;
    begin(structureId, from, to, full);
}

void MovementCache::begin(const QString& structureId, QDate from, QDate to, bool full)
{
    m_syncing = true;
    ++m_generation;
    m_syncStructure = structureId;
    m_syncFrom = startOfDayRome(from);
    m_syncTo = startOfDayRome(to.addDays(1));
    m_syncStarted = m_clock.now();
    // Rows not stamped with this id are gone at the server; unique even when the clock stands still.
    m_syncId = qMax(m_syncId + 1, m_syncStarted.toMSecsSinceEpoch());
    m_syncRows = 0;
    m_pendingInserts = 0;
    m_openChains = 0;
    if (full) {
        startFetching(from, to);
        return;
    }
    const QDateTime syncFrom = m_syncFrom;
    QMetaObject::invokeMethod(m_worker, [this, w = m_worker, structureId, syncFrom, from, to] {
        const QDateTime covered = w->store.coveredSince(structureId, syncFrom);
        QMetaObject::invokeMethod(this, [this, covered, from, to] {
            // Movements of a day can still change that day (OTP, same-day cancellation): refetch
            // from the day before the last sync, keep what is older.
            QDate fetchFrom = from;
            if (covered.isValid())
                fetchFrom = qBound(from, covered.toTimeZone(Clock::rome()).date().addDays(-1), to);
            startFetching(fetchFrom, to);
        });
    });
}

void MovementCache::startFetching(QDate fetchFrom, QDate to)
{
    QMetaObject::invokeMethod(m_worker, [w = m_worker] { (void)w->store.beginBulk(); });
    m_fetchFrom = startOfDayRome(fetchFrom);
    // The cursor makes the pages of one period sequential; a long period is split into a few
    // sub-periods fetched side by side, so the server's answer time is overlapped.
    const qint64 days = fetchFrom.daysTo(to) + 1;
    const int chains = days >= 21 ? 3 : 1;
    m_openChains = chains;
    QDate start = fetchFrom;
    for (int i = 0; i < chains; ++i) {
        const QDate end = i == chains - 1 ? to : start.addDays(days / chains - 1);
        fetchNext(MovementFilter {start, end, QString(), syncPageSize}, QString());
        start = end.addDays(1);
    }
}

void MovementCache::fetchNext(const MovementFilter& filter, const QString& cursor)
{
    const quint64 gen = m_generation;
    if (m_bodyFetcher) {
        m_bodyFetcher(filter, cursor, this, [this, gen, filter, cursor](Result<QByteArray> body) {
            if (gen != m_generation || !m_syncing)
                return;
            if (!body) {
                pageFailed(body.error(), filter, cursor);
                return;
            }
            ++m_pendingInserts;
            // Decoded in the cache thread; the cursor comes back first so the next page is requested
            // while this one is hashed and inserted.
            QMetaObject::invokeMethod(
                m_worker, [this, w = m_worker, gen, filter, data = std::move(body.value()), syncId = m_syncId] {
                    Result<MovementPage> page = ApiDecode::movementPage(data);
                    if (!page) {
                        QMetaObject::invokeMethod(this, [this, gen, e = page.error()] {
                            if (gen != m_generation || !m_syncing)
                                return;
                            --m_pendingInserts;
                            syncDone(e);
                        });
                        return;
                    }
                    QMetaObject::invokeMethod(this, [this, gen, filter, next = page.value().nextCursor] {
                        if (gen == m_generation && m_syncing)
                            pageCursor(filter, next);
                    });
                    Result<int> r = w->store.insert(w->convert(page.value().items), syncId);
                    QMetaObject::invokeMethod(this, [this, gen, r] {
                        if (gen == m_generation && m_syncing)
                            inserted(r);
                    });
                });
        });
        return;
    }
    m_fetcher(filter, cursor, this, [this, gen, filter, cursor](Result<MovementPage> page) {
        if (gen != m_generation || !m_syncing)
            return;
        if (!page) {
            pageFailed(page.error(), filter, cursor);
            return;
        }
        ++m_pendingInserts;
        QMetaObject::invokeMethod(m_worker,
                                  [this, w = m_worker, gen, items = std::move(page.value().items), syncId = m_syncId] {
                                      Result<int> r = w->store.insert(w->convert(items), syncId);
                                      QMetaObject::invokeMethod(this, [this, gen, r] {
                                          if (gen == m_generation && m_syncing)
                                              inserted(r);
                                      });
                                  });
        pageCursor(filter, page.value().nextCursor);
    });
}

bool MovementCache::pageFailed(const Error& error, const MovementFilter& filter, const QString& cursor)
{
    if (error.code == codes::movementsLimitInvalid && filter.limit.value_or(0) > legacyPageSize) {
        MovementFilter smaller = filter;
        smaller.limit = legacyPageSize;
        fetchNext(smaller, cursor);
        return true;
    }
    syncDone(error);
    return false;
}

void MovementCache::pageCursor(const MovementFilter& filter, const QString& next)
{
    if (next.isEmpty()) {
        --m_openChains;
        if (m_openChains == 0 && m_pendingInserts == 0)
            syncDone({});
        return;
    }
    fetchNext(filter, next);
}

void MovementCache::inserted(const Result<int>& r)
{
    --m_pendingInserts;
    if (!r) {
        syncDone(r.error());
        return;
    }
    m_syncRows += r.value();
    Q_EMIT syncProgress(m_syncStructure, m_syncRows);
    if (m_openChains == 0 && m_pendingInserts == 0)
        syncDone({});
}

void MovementCache::syncDone(Result<void> result)
{
    const QString structureId = m_syncStructure;
    if (!result.ok()) {
        ++m_generation;
        m_syncing = false;
        // Keep what arrived: rows are upserts, the next sync completes them.
        QMetaObject::invokeMethod(m_worker, [w = m_worker] {
            (void)w->store.commitBulk();
            w->forget();
        });
        Q_EMIT syncFailed(structureId, result.error());
        Q_EMIT changed(structureId);
        return;
    }
    const quint64 gen = m_generation;
    QMetaObject::invokeMethod(m_worker,
                              [this, w = m_worker, gen, structureId, from = m_syncFrom, fetchFrom = m_fetchFrom,
                               to = m_syncTo, syncId = m_syncId, started = m_syncStarted] {
                                  // Delete only in the refetched window; then record the whole period as synced.
                                  Result<void> r = w->store.finishSync(structureId, fetchFrom, to, syncId, started);
                                  if (r.ok() && from < fetchFrom)
                                      r = w->store.recordSync(structureId, from, to, started);
                                  if (r.ok())
                                      r = w->store.commitBulk();
                                  else
                                      w->store.rollbackBulk();
                                  w->forget();
                                  QMetaObject::invokeMethod(this, [this, gen, structureId, r, started] {
                                      if (gen != m_generation)
                                          return;
                                      m_syncing = false;
                                      if (!r.ok())
                                          Q_EMIT syncFailed(structureId, r.error());
                                      else
                                          Q_EMIT syncFinished(structureId, m_syncRows, started);
                                      Q_EMIT changed(structureId);
                                  });
                              });
}

void MovementCache::query(const MovementQuery& query, QObject* context, std::function<void(Result<MovementRows>)> done)
{
    QPointer<QObject> ctx(context);
    QMetaObject::invokeMethod(m_worker, [this, w = m_worker, query, ctx, done = std::move(done)] {
        Result<MovementRows> r = w->store.rows(query);
        QMetaObject::invokeMethod(this, [ctx, done, r = std::move(r)] {
            if (ctx)
                done(r);
        });
    });
}

void MovementCache::query(const QString& structureId, QDate from, QDate to, const QString& codiceFiscale,
                          QObject* context, std::function<void(Result<MovementRows>)> done)
{
    MovementQuery q;
    q.structureId = structureId;
    q.from = startOfDayRome(from);
    q.to = startOfDayRome(to.addDays(1));
    q.cfHash = codiceFiscale.isEmpty() ? QByteArray() : hashCf(codiceFiscale);
    query(q, context, std::move(done));
}

void MovementCache::queryList(const QString& structureId, QDate from, QDate to, const QString& codiceFiscale,
                              QObject* context, std::function<void(Result<MovementListRows>)> done,
                              std::function<void(QList<MovementListRow>)> first, int firstCount)
{
    MovementQuery q;
    q.structureId = structureId;
    q.from = startOfDayRome(from);
    q.to = startOfDayRome(to.addDays(1));
    q.cfHash = codiceFiscale.isEmpty() ? QByteArray() : hashCf(codiceFiscale);
    QPointer<QObject> ctx(context);
    QMetaObject::invokeMethod(
        m_worker, [this, w = m_worker, q, ctx, done = std::move(done), first = std::move(first), firstCount] {
            std::function<void(QList<MovementListRow> &&)> early;
            if (first) {
                early = [this, ctx, first](QList<MovementListRow>&& rows) {
                    QMetaObject::invokeMethod(this, [ctx, first, rows = std::move(rows)] {
                        if (ctx)
                            first(rows);
                    });
                };
            }
            Result<MovementListRows> r = w->store.listRows(q, early, firstCount);
            QMetaObject::invokeMethod(this, [ctx, done, r = std::move(r)] {
                if (ctx)
                    done(r);
            });
        });
}

void MovementCache::clear()
{
    ++m_generation;
    m_syncing = false;
    QMetaObject::invokeMethod(m_worker, [w = m_worker] {
        w->store.rollbackBulk();
        w->forget();
        (void)w->store.clear();
    });
}

} // namespace sinfonia
