#include "core/services/cache/MovementCacheStore.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QLoggingCategory>
#include <QSqlDatabase>
#include <QSqlDriver>
#include <QSqlError>
#include <QSqlQuery>
#include <QTimeZone>
#include <QUuid>
#include <limits>
#ifdef SINFONIA_SQLITE_DIRECT
#include <sqlite3.h>
#endif

Q_LOGGING_CATEGORY(lcCache, "sinfonia.services.cache")

namespace sinfonia {

namespace {

// Texts of this file: lupdate files Texts::tr() strings under the context the macro names, and
// translate() looks them up under the same one.
struct Texts
{
    Q_DECLARE_TR_FUNCTIONS(sinfonia::MovementCache)
};

// Any call on a store that is not open (never opened, or closed after an error).
Error closedError()
{
    return makeError(QStringLiteral("cache.closed"), Texts::tr("Archivio locale dei movimenti non disponibile."));
}

Error dbError(const QString& what, const QSqlError& e)
{
    return makeError(QStringLiteral("cache.io"), Texts::tr("Archivio locale dei movimenti non disponibile."),
                     what + QStringLiteral(": ") + e.text());
}

// Short codes keep the file small and the inserts fast; they never leave this file.
int typeCode(MovementType t)
{
    return t == MovementType::Cancellazione ? 1 : 0;
}
// The hex hash (CfHasher, 64 bits) as the integer the file stores.
qint64 cfKey(const QByteArray& hex)
{
    return qint64((hex.size() > 16 ? hex.left(16) : hex).toULongLong(nullptr, 16));
}

// The state column: 0 IN_ATTESA, 1 CONFERMATO, 2 ANNULLATO by the structure, 3 ANNULLATO by
// expiry, 4 ANNULLATO without a known reason; a state this build does not know is stored as its
// wire name (text), so it is shown as received.
int stateCode(const CachedMovement& m)
{
    switch (m.state) {
    case MovementState::InAttesa:
        return 0;
    case MovementState::Confermato:
        return 1;
    case MovementState::Annullato:
        return m.voidReason == VoidReason::Struttura ? 2 : m.voidReason == VoidReason::Scadenza ? 3 : 4;
    case MovementState::Sconosciuto:
        break;
    }
    return -1;
}

QVariant stateValue(const CachedMovement& m)
{
    const int code = stateCode(m);
    return code >= 0 ? QVariant(code) : QVariant(m.stateName.isEmpty() ? QStringLiteral("?") : m.stateName);
}

// The state column's integer code (stateCode()) back into a row's state and void reason; full
// rows and list rows alike.
template<typename Row>
void applyStateCode(int code, Row& m)
{
    switch (code) {
    case 1:
        m.state = MovementState::Confermato;
        break;
    case 2:
        m.state = MovementState::Annullato;
        m.voidReason = VoidReason::Struttura;
        break;
    case 3:
        m.state = MovementState::Annullato;
        m.voidReason = VoidReason::Scadenza;
        break;
    case 4:
        m.state = MovementState::Annullato;
        break;
    default:
        m.state = MovementState::InAttesa;
        break;
    }
}

void readState(const QVariant& v, CachedMovement& m)
{
    if (v.typeId() == QMetaType::QString) {
        m.state = MovementState::Sconosciuto;
        m.stateName = v.toString();
        return;
    }
    applyStateCode(v.toInt(), m);
}

const char insertSql[] = "INSERT OR REPLACE INTO movements (id, structure_id, created_ms, code, voucher_id, "
                         "type, state, amount_cents, cf_key, purchase_id, sync_id, operator, document, "
                         "cancellable_cents) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?)";

// PRAGMA user_version of the file. 0 (files before versioning): the movement list with the
// server's old numeric ids. 3: opaque ids (issue 10), and the operator's display name, the documento
// commerciale and the amount still cancellable, for the end-of-day summary. Any other version is
// emptied and rebuilt on open: the old ids no longer address anything, a newer file's layout is
// unknown, and the server holds every row either had.
constexpr int schemaVersion = MovementCacheStore::cacheSchemaVersion;

#ifdef SINFONIA_SQLITE_DIRECT
sqlite3* sqliteHandle(const QSqlDatabase& db)
{
    const QVariant v = db.driver()->handle();
    if (!v.isValid() || qstrcmp(v.typeName(), "sqlite3*") != 0)
        return nullptr;
    return *static_cast<sqlite3* const*>(v.constData());
}
#endif

// True when the driver's connection is a connection of the SQLite this program calls: the same
// build (source id) answers through the driver and through our own sqlite3_sourceid(). A plugin
// with its own, different SQLite copy fails this, and the C API must then never touch its handle.
bool sameSqlite(const QSqlDatabase& db)
{
#ifdef SINFONIA_SQLITE_DIRECT
    if (!sqliteHandle(db))
        return false;
    QSqlQuery q(db);
    if (!q.exec(QStringLiteral("SELECT sqlite_source_id()")) || !q.next())
        return false;
    const bool same = q.value(0).toString() == QString::fromLatin1(sqlite3_sourceid());
    if (!same)
        qCInfo(lcCache) << "Qt's SQLite is not the linked one; portable inserts";
    return same;
#else
    Q_UNUSED(db);
    return false;
#endif
}

} // namespace

MovementCacheStore::MovementCacheStore(InsertPath path)
    : m_connection(QStringLiteral("cache-") + QUuid::createUuid().toString(QUuid::WithoutBraces))
    , m_insertPath(path)
{
}

bool MovementCacheStore::directInsertCompiled()
{
#ifdef SINFONIA_SQLITE_DIRECT
    return true;
#else
    return false;
#endif
}

MovementCacheStore::~MovementCacheStore()
{
    close();
}

bool MovementCacheStore::isOpen() const
{
    return QSqlDatabase::contains(m_connection) && QSqlDatabase::database(m_connection, false).isOpen();
}

void MovementCacheStore::close()
{
    rollbackBulk();
    m_direct = false;
    if (QSqlDatabase::contains(m_connection)) {
        {
            QSqlDatabase db = QSqlDatabase::database(m_connection, false);
            db.close();
        }
        QSqlDatabase::removeDatabase(m_connection);
    }
}

Result<void> MovementCacheStore::openFile(bool* broken)
{
    *broken = false;
    QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), m_connection);
    db.setDatabaseName(m_path);
    db.setConnectOptions(QStringLiteral("QSQLITE_BUSY_TIMEOUT=5000"));
    if (!db.open()) {
        *broken = true;
        return dbError(QStringLiteral("open"), db.lastError());
    }
    QSqlQuery q(db);
    // integrity_check first: on a garbage file every later statement fails with "not a database",
    // and only the full check (not quick_check) sees an index that lost rows of its table. It reads
    // the whole file once, in the cache's worker thread, and stops at the first error.
    if (!q.exec(QStringLiteral("PRAGMA integrity_check(1)")) || !q.next()
        || q.value(0).toString() != QLatin1String("ok")) {
        *broken = true;
        return makeError(QStringLiteral("cache.corrupt"), Texts::tr("Archivio locale dei movimenti danneggiato."),
                         q.lastError().text());
    }
    q.finish();
    const char* const setup[] = {
        "PRAGMA journal_mode=WAL",
        "PRAGMA synchronous=NORMAL",
        // Random-order index inserts (ids, CF hashes) thrash SQLite's default 2 MB page cache.
        "PRAGMA cache_size=-32768",
    };
    for (const char* sql : setup) {
        if (!q.exec(QString::fromLatin1(sql))) {
            *broken = true;
            return dbError(QStringLiteral("setup"), q.lastError());
        }
    }
    if (Result<void> migrated = migrate(db); !migrated.ok()) {
        *broken = true;
        return migrated;
    }
    const char* const tables[] = {
        "CREATE TABLE IF NOT EXISTS movements (id TEXT PRIMARY KEY, structure_id TEXT NOT NULL, "
        "created_ms INTEGER NOT NULL, code TEXT, voucher_id TEXT, type INTEGER NOT NULL, state INTEGER NOT NULL, "
        "amount_cents INTEGER NOT NULL, cf_key INTEGER, purchase_id TEXT, sync_id INTEGER NOT NULL DEFAULT 0, "
        "operator TEXT, document TEXT, cancellable_cents INTEGER NOT NULL DEFAULT 0)",
        "CREATE INDEX IF NOT EXISTS movements_time ON movements(structure_id, created_ms)",
        // The CF key is a 64-bit integer: random-order inserts into a small integer index stay fast.
        "CREATE INDEX IF NOT EXISTS movements_cf ON movements(cf_key, created_ms)",
        "CREATE TABLE IF NOT EXISTS syncs (structure_id TEXT NOT NULL, from_ms INTEGER NOT NULL, "
        "to_ms INTEGER NOT NULL, synced_ms INTEGER NOT NULL, PRIMARY KEY (structure_id, from_ms, to_ms))",
    };
    for (const char* sql : tables) {
        if (!q.exec(QString::fromLatin1(sql))) {
            *broken = true;
            return dbError(QStringLiteral("setup"), q.lastError());
        }
    }
    if (!q.exec(QStringLiteral("PRAGMA user_version=%1").arg(schemaVersion))) {
        *broken = true;
        return dbError(QStringLiteral("version"), q.lastError());
    }
    m_direct = m_insertPath == InsertPath::Auto && sameSqlite(db);
    return {};
}

int MovementCacheStore::currentSchemaVersion()
{
    return schemaVersion;
}

Result<void> MovementCacheStore::migrate(QSqlDatabase& db)
{
    QSqlQuery q(db);
    if (!q.exec(QStringLiteral("PRAGMA user_version")) || !q.next())
        return dbError(QStringLiteral("version"), q.lastError());
    const int version = q.value(0).toInt();
    q.finish();
    if (version == schemaVersion)
        return {};
    if (!q.exec(QStringLiteral("DROP TABLE IF EXISTS movements"))
        || !q.exec(QStringLiteral("DROP TABLE IF EXISTS syncs")))
        return dbError(QStringLiteral("rebuild"), q.lastError());
    if (version > 0)
        qCInfo(lcCache) << "movement cache of schema" << version << "rebuilt as schema" << schemaVersion;
    return {};
}

Result<void> MovementCacheStore::open(const QString& filePath, bool* setAside, const QDateTime& now)
{
    close();
    m_path = filePath;
    if (setAside)
        *setAside = false;
    QDir().mkpath(QFileInfo(filePath).absolutePath());
    bool broken = false;
    Result<void> r = openFile(&broken);
    if (r.ok() || !broken)
        return r;
    // A damaged cache holds nothing the server does not: keep it for support, start afresh.
    close();
    QString suffix = QStringLiteral(".corrupt-")
        + (now.isValid() ? now.toUTC().toString(QStringLiteral("yyyyMMddHHmmsszzz")) : QStringLiteral("0"));
    for (int n = 2; QFile::exists(filePath + suffix); ++n)
        suffix = suffix.section(QLatin1Char('~'), 0, 0) + QLatin1Char('~') + QString::number(n);
    qCWarning(lcCache) << "cache file unusable, set aside:" << r.error().detail;
    if (!QFile::rename(filePath, filePath + suffix))
        QFile::remove(filePath);
    for (const char* extra : {"-wal", "-shm"}) {
        const QString side = filePath + QLatin1String(extra);
        if (QFile::exists(side) && !QFile::rename(side, filePath + suffix + QLatin1String(extra)))
            QFile::remove(side);
    }
    if (setAside)
        *setAside = true;
    Result<void> again = openFile(&broken);
    if (!again.ok())
        close();
    return again;
}

#ifdef SINFONIA_SQLITE_DIRECT
namespace {

int bindText(sqlite3_stmt* st, int index, const QByteArray& utf8)
{
    return sqlite3_bind_text(st, index, utf8.constData(), int(utf8.size()), SQLITE_TRANSIENT);
}

// `utf8` must stay unchanged until the statement is stepped and reset.
int bindStatic(sqlite3_stmt* st, int index, const QByteArray& utf8)
{
    return sqlite3_bind_text(st, index, utf8.constData(), int(utf8.size()), SQLITE_STATIC);
}

} // namespace

Result<void> MovementCacheStore::insertRaw(QSqlDatabase& db, const QList<CachedMovement>& rows, qint64 syncId)
{
    sqlite3* handle = sqliteHandle(db);
    if (!handle)
        return makeError(QStringLiteral("cache.io"), Texts::tr("Archivio locale dei movimenti non disponibile."),
                         QStringLiteral("not a QSQLITE connection"));
    sqlite3_stmt* st = nullptr;
    if (sqlite3_prepare_v2(handle, insertSql, -1, &st, nullptr) != SQLITE_OK)
        return makeError(QStringLiteral("cache.io"), Texts::tr("Archivio locale dei movimenti non disponibile."),
                         QString::fromUtf8(sqlite3_errmsg(handle)));
    int rc = SQLITE_DONE;
    // The UTF-8 copies live until the step, so SQLite binds them without copying them again.
    QByteArray text[7];
    for (const CachedMovement& m : rows) {
        text[0] = m.id.toUtf8();
        text[1] = m.structureId.toUtf8();
        text[2] = m.code.toUtf8();
        text[3] = m.voucherId.toUtf8();
        text[4] = m.purchaseId.toUtf8();
        text[5] = m.operatorName.toUtf8();
        text[6] = m.commercialDocument.toUtf8();
        bindStatic(st, 1, text[0]);
        bindStatic(st, 2, text[1]);
        sqlite3_bind_int64(st, 3, m.createdAt.toMSecsSinceEpoch());
        bindStatic(st, 4, text[2]);
        bindStatic(st, 5, text[3]);
        sqlite3_bind_int(st, 6, typeCode(m.type));
        if (const int code = stateCode(m); code >= 0)
            sqlite3_bind_int(st, 7, code);
        else
            bindText(st, 7, stateValue(m).toString().toUtf8());
        sqlite3_bind_int64(st, 8, m.amountCents);
        if (m.cfHash.isEmpty())
            sqlite3_bind_null(st, 9);
        else
            sqlite3_bind_int64(st, 9, cfKey(m.cfHash));
        bindStatic(st, 10, text[4]);
        sqlite3_bind_int64(st, 11, syncId);
        bindStatic(st, 12, text[5]);
        bindStatic(st, 13, text[6]);
        sqlite3_bind_int64(st, 14, m.cancellableCents);
        rc = sqlite3_step(st);
        sqlite3_reset(st);
        if (rc != SQLITE_DONE)
            break;
    }
    sqlite3_finalize(st);
    if (rc != SQLITE_DONE)
        return makeError(QStringLiteral("cache.io"), Texts::tr("Archivio locale dei movimenti non disponibile."),
                         QStringLiteral("insert: ") + QString::fromUtf8(sqlite3_errstr(rc)));
    return {};
}
#else
Result<void> MovementCacheStore::insertRaw(QSqlDatabase& db, const QList<CachedMovement>& rows, qint64 syncId)
{
    return insertPortable(db, rows, syncId);
}
#endif

Result<void> MovementCacheStore::insertPortable(QSqlDatabase& db, const QList<CachedMovement>& rows, qint64 syncId)
{
    QSqlQuery q(db);
    if (!q.prepare(QString::fromLatin1(insertSql)))
        return dbError(QStringLiteral("insert"), q.lastError());
    for (const CachedMovement& m : rows) {
        q.bindValue(0, m.id);
        q.bindValue(1, m.structureId);
        q.bindValue(2, m.createdAt.toMSecsSinceEpoch());
        q.bindValue(3, m.code);
        q.bindValue(4, m.voucherId);
        q.bindValue(5, typeCode(m.type));
        q.bindValue(6, stateValue(m));
        q.bindValue(7, m.amountCents);
        q.bindValue(8, m.cfHash.isEmpty() ? QVariant(QMetaType::fromType<qint64>()) : QVariant(cfKey(m.cfHash)));
        q.bindValue(9, m.purchaseId);
        q.bindValue(10, syncId);
        q.bindValue(11, m.operatorName);
        q.bindValue(12, m.commercialDocument);
        q.bindValue(13, m.cancellableCents);
        if (!q.exec())
            return dbError(QStringLiteral("insert"), q.lastError());
    }
    return {};
}

Result<int> MovementCacheStore::insert(const QList<CachedMovement>& rows, qint64 syncId)
{
    if (!isOpen())
        return closedError();
    QSqlDatabase db = QSqlDatabase::database(m_connection);
    const bool own = !m_bulk;
    if (own && !db.transaction())
        return dbError(QStringLiteral("begin"), db.lastError());
    // Either way the rows go through this connection, so they are in its open transaction.
    Result<void> r = m_direct ? insertRaw(db, rows, syncId) : insertPortable(db, rows, syncId);
    if (!r.ok()) {
        if (own)
            db.rollback();
        return r.error();
    }
    if (own && !db.commit())
        return dbError(QStringLiteral("commit"), db.lastError());
    return int(rows.size());
}

Result<void> MovementCacheStore::beginBulk()
{
    if (!isOpen())
        return closedError();
    if (m_bulk)
        return {};
    QSqlDatabase db = QSqlDatabase::database(m_connection);
    if (!db.transaction())
        return dbError(QStringLiteral("begin"), db.lastError());
    m_bulk = true;
    return {};
}

Result<void> MovementCacheStore::commitBulk()
{
    if (!m_bulk)
        return {};
    m_bulk = false;
    QSqlDatabase db = QSqlDatabase::database(m_connection);
    if (!db.commit())
        return dbError(QStringLiteral("commit"), db.lastError());
    return {};
}

void MovementCacheStore::rollbackBulk()
{
    if (!m_bulk)
        return;
    m_bulk = false;
    QSqlDatabase::database(m_connection).rollback();
}

Result<void> MovementCacheStore::finishSync(const QString& structureId, const QDateTime& from, const QDateTime& to,
                                            qint64 syncId, const QDateTime& syncedAt)
{
    if (!isOpen())
        return closedError();
    QSqlDatabase db = QSqlDatabase::database(m_connection);
    const bool own = !m_bulk;
    if (own && !db.transaction())
        return dbError(QStringLiteral("begin"), db.lastError());
    QSqlQuery q(db);
    q.prepare(QStringLiteral("DELETE FROM movements WHERE structure_id = ? AND created_ms >= ? AND created_ms < ? "
                             "AND sync_id != ?"));
    q.addBindValue(structureId);
    q.addBindValue(from.toMSecsSinceEpoch());
    q.addBindValue(to.toMSecsSinceEpoch());
    q.addBindValue(syncId);
    bool ok = q.exec();
    if (ok) {
        q.prepare(QStringLiteral("INSERT OR REPLACE INTO syncs (structure_id, from_ms, to_ms, synced_ms) "
                                 "VALUES (?,?,?,?)"));
        q.addBindValue(structureId);
        q.addBindValue(from.toMSecsSinceEpoch());
        q.addBindValue(to.toMSecsSinceEpoch());
        q.addBindValue(syncedAt.toMSecsSinceEpoch());
        ok = q.exec();
    }
    if (!ok) {
        const Error e = dbError(QStringLiteral("finish"), q.lastError());
        if (own)
            db.rollback();
        return e;
    }
    if (own && !db.commit())
        return dbError(QStringLiteral("commit"), db.lastError());
    return {};
}

Result<void> MovementCacheStore::recordSync(const QString& structureId, const QDateTime& from, const QDateTime& to,
                                            const QDateTime& syncedAt)
{
    if (!isOpen())
        return closedError();
    QSqlQuery q(QSqlDatabase::database(m_connection));
    q.prepare(
        QStringLiteral("INSERT OR REPLACE INTO syncs (structure_id, from_ms, to_ms, synced_ms) VALUES (?,?,?,?)"));
    q.addBindValue(structureId);
    q.addBindValue(from.toMSecsSinceEpoch());
    q.addBindValue(to.toMSecsSinceEpoch());
    q.addBindValue(syncedAt.toMSecsSinceEpoch());
    if (!q.exec())
        return dbError(QStringLiteral("record"), q.lastError());
    return {};
}

Result<int> MovementCacheStore::purgeOlderThan(const QDateTime& cutoff)
{
    if (!isOpen())
        return closedError();
    QSqlQuery q(QSqlDatabase::database(m_connection));
    q.prepare(QStringLiteral("DELETE FROM movements WHERE created_ms < ?"));
    q.addBindValue(cutoff.toMSecsSinceEpoch());
    if (!q.exec())
        return dbError(QStringLiteral("purge"), q.lastError());
    const int removed = q.numRowsAffected();
    q.prepare(QStringLiteral("DELETE FROM syncs WHERE to_ms < ?"));
    q.addBindValue(cutoff.toMSecsSinceEpoch());
    q.exec();
    return removed;
}

Result<void> MovementCacheStore::clear()
{
    if (!isOpen())
        return closedError();
    QSqlQuery q(QSqlDatabase::database(m_connection));
    if (!q.exec(QStringLiteral("DELETE FROM movements")) || !q.exec(QStringLiteral("DELETE FROM syncs")))
        return dbError(QStringLiteral("clear"), q.lastError());
    return {};
}

Result<MovementRows> MovementCacheStore::rows(const MovementQuery& query) const
{
    if (!isOpen())
        return closedError();
    QSqlQuery q(QSqlDatabase::database(m_connection));
    q.setForwardOnly(true);
    QString sql = QStringLiteral("SELECT id, structure_id, created_ms, code, voucher_id, type, state, amount_cents, "
                                 "cf_key, purchase_id, operator, document, cancellable_cents FROM movements "
                                 "WHERE structure_id = ? AND created_ms >= ? "
                                 "AND created_ms < ?");
    if (!query.cfHash.isEmpty())
        sql += QStringLiteral(" AND cf_key = ?");
    // rowid breaks ties: both indexes end in it, so SQLite walks the index in order instead of
    // sorting 100,000 rows in a temporary B-tree (the id as tie-break cost that sort).
    sql += QStringLiteral(" ORDER BY created_ms DESC, rowid DESC");
    if (query.limit > 0)
        sql += QStringLiteral(" LIMIT %1").arg(query.limit);
    q.prepare(sql);
    q.addBindValue(query.structureId);
    q.addBindValue(query.from.isValid() ? query.from.toMSecsSinceEpoch() : std::numeric_limits<qint64>::min());
    q.addBindValue(query.to.isValid() ? query.to.toMSecsSinceEpoch() : std::numeric_limits<qint64>::max());
    if (!query.cfHash.isEmpty())
        q.addBindValue(cfKey(query.cfHash));
    if (!q.exec())
        return dbError(QStringLiteral("query"), q.lastError());
    MovementRows out;
    while (q.next()) {
        CachedMovement m;
        m.id = q.value(0).toString();
        m.structureId = q.value(1).toString();
        m.createdAt = QDateTime::fromMSecsSinceEpoch(q.value(2).toLongLong(), Qt::UTC);
        m.code = q.value(3).toString();
        m.voucherId = q.value(4).toString();
        m.type = q.value(5).toInt() == 1 ? MovementType::Cancellazione : MovementType::Acquisto;
        readState(q.value(6), m);
        m.amountCents = q.value(7).toLongLong();
        if (!q.value(8).isNull())
            m.cfHash = QByteArray::number(quint64(q.value(8).toLongLong()), 16).rightJustified(16, '0');
        m.purchaseId = q.value(9).toString();
        m.operatorName = q.value(10).toString();
        m.commercialDocument = q.value(11).toString();
        m.cancellableCents = q.value(12).toLongLong();
        out.rows.append(std::move(m));
    }
    out.lastSyncAt = lastSync(query.structureId);
    return out;
}

namespace {
QString listSql(const MovementQuery& query)
{
    QString sql = QStringLiteral("SELECT id, created_ms, code, type, state, amount_cents FROM movements "
                                 "WHERE structure_id = ? AND created_ms >= ? AND created_ms < ?");
    if (!query.cfHash.isEmpty())
        sql += QStringLiteral(" AND cf_key = ?");
    // rowid breaks ties: both indexes end in it, so SQLite walks the index in order instead of
    // sorting 100,000 rows in a temporary B-tree (the id as tie-break cost that sort).
    sql += QStringLiteral(" ORDER BY created_ms DESC, rowid DESC");
    if (query.limit > 0)
        sql += QStringLiteral(" LIMIT %1").arg(query.limit);
    return sql;
}

qint64 fromMs(const MovementQuery& q)
{
    return q.from.isValid() ? q.from.toMSecsSinceEpoch() : std::numeric_limits<qint64>::min();
}
qint64 toMs(const MovementQuery& q)
{
    return q.to.isValid() ? q.to.toMSecsSinceEpoch() : std::numeric_limits<qint64>::max();
}

#ifdef SINFONIA_SQLITE_DIRECT
QString textColumn(sqlite3_stmt* st, int i)
{
    const auto* p = reinterpret_cast<const char*>(sqlite3_column_text(st, i));
    return p ? QString::fromUtf8(p, sqlite3_column_bytes(st, i)) : QString();
}
#endif
} // namespace

Result<MovementListRows> MovementCacheStore::listRows(const MovementQuery& query,
                                                      const std::function<void(QList<MovementListRow>&&)>& firstRows,
                                                      int firstCount) const
{
    if (!isOpen())
        return closedError();
    QSqlDatabase db = QSqlDatabase::database(m_connection);
    MovementListRows out;
    bool handed = !firstRows || firstCount <= 0;
    auto handOver = [&] {
        if (!handed && out.rows.size() == firstCount) {
            firstRows(std::move(out.rows));
            out.rows = {};
            handed = true;
        }
    };
#ifdef SINFONIA_SQLITE_DIRECT
    if (m_direct) {
        sqlite3* handle = sqliteHandle(db);
        sqlite3_stmt* st = nullptr;
        const QByteArray text = listSql(query).toUtf8();
        if (!handle || sqlite3_prepare_v2(handle, text.constData(), int(text.size()), &st, nullptr) != SQLITE_OK)
            return makeError(QStringLiteral("cache.io"), Texts::tr("Archivio locale dei movimenti non disponibile."),
                             handle ? QString::fromUtf8(sqlite3_errmsg(handle)) : QStringLiteral("no handle"));
        const QByteArray structure = query.structureId.toUtf8();
        sqlite3_bind_text(st, 1, structure.constData(), int(structure.size()), SQLITE_TRANSIENT);
        sqlite3_bind_int64(st, 2, fromMs(query));
        sqlite3_bind_int64(st, 3, toMs(query));
        if (!query.cfHash.isEmpty())
            sqlite3_bind_int64(st, 4, cfKey(query.cfHash));
        int rc = SQLITE_ROW;
        while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
            MovementListRow m;
            m.id = textColumn(st, 0);
            m.createdMs = sqlite3_column_int64(st, 1);
            m.code = textColumn(st, 2);
            m.type = sqlite3_column_int(st, 3) == 1 ? MovementType::Cancellazione : MovementType::Acquisto;
            if (sqlite3_column_type(st, 4) == SQLITE_TEXT) {
                m.state = MovementState::Sconosciuto;
                m.stateName = textColumn(st, 4);
            } else {
                applyStateCode(sqlite3_column_int(st, 4), m);
            }
            m.amountCents = sqlite3_column_int64(st, 5);
            out.rows.append(std::move(m));
            handOver();
        }
        sqlite3_finalize(st);
        if (rc != SQLITE_DONE)
            return makeError(QStringLiteral("cache.io"), Texts::tr("Archivio locale dei movimenti non disponibile."),
                             QStringLiteral("query: ") + QString::fromUtf8(sqlite3_errstr(rc)));
        out.lastSyncAt = lastSync(query.structureId);
        return out;
    }
#endif
    QSqlQuery q(db);
    q.setForwardOnly(true);
    q.prepare(listSql(query));
    q.addBindValue(query.structureId);
    q.addBindValue(fromMs(query));
    q.addBindValue(toMs(query));
    if (!query.cfHash.isEmpty())
        q.addBindValue(cfKey(query.cfHash));
    if (!q.exec())
        return dbError(QStringLiteral("query"), q.lastError());
    while (q.next()) {
        MovementListRow m;
        m.id = q.value(0).toString();
        m.createdMs = q.value(1).toLongLong();
        m.code = q.value(2).toString();
        m.type = q.value(3).toInt() == 1 ? MovementType::Cancellazione : MovementType::Acquisto;
        const QVariant state = q.value(4);
        if (state.typeId() == QMetaType::QString) {
            m.state = MovementState::Sconosciuto;
            m.stateName = state.toString();
        } else {
            applyStateCode(state.toInt(), m);
        }
        m.amountCents = q.value(5).toLongLong();
        out.rows.append(std::move(m));
        handOver();
    }
    out.lastSyncAt = lastSync(query.structureId);
    return out;
}

QDateTime MovementCacheStore::lastSync(const QString& structureId) const
{
    if (!isOpen())
        return {};
    QSqlQuery q(QSqlDatabase::database(m_connection));
    q.prepare(QStringLiteral("SELECT MAX(synced_ms) FROM syncs WHERE structure_id = ?"));
    q.addBindValue(structureId);
    if (!q.exec() || !q.next() || q.value(0).isNull())
        return {};
    return QDateTime::fromMSecsSinceEpoch(q.value(0).toLongLong(), Qt::UTC);
}

QDateTime MovementCacheStore::coveredSince(const QString& structureId, const QDateTime& from) const
{
    if (!isOpen())
        return {};
    QSqlQuery q(QSqlDatabase::database(m_connection));
    q.prepare(
        QStringLiteral("SELECT MAX(synced_ms) FROM syncs WHERE structure_id = ? AND from_ms <= ? AND to_ms >= ?"));
    q.addBindValue(structureId);
    q.addBindValue(from.toMSecsSinceEpoch());
    q.addBindValue(from.toMSecsSinceEpoch());
    if (!q.exec() || !q.next() || q.value(0).isNull())
        return {};
    return QDateTime::fromMSecsSinceEpoch(q.value(0).toLongLong(), Qt::UTC);
}

Result<qint64> MovementCacheStore::count() const
{
    if (!isOpen())
        return closedError();
    QSqlQuery q(QSqlDatabase::database(m_connection));
    if (!q.exec(QStringLiteral("SELECT COUNT(*) FROM movements")) || !q.next())
        return dbError(QStringLiteral("count"), q.lastError());
    return q.value(0).toLongLong();
}

} // namespace sinfonia
