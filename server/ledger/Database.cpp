#include "server/ledger/Database.h"

#include "core/domain/ErrorCodes.h"
#include "server/ledger/Migrations.h"
#include "server/ledger/PublicId.h"
#include "server/ledger/SqlUtil.h"

#include <QAtomicInteger>
#include <QRegularExpression>
#include <QThread>
#include <QUrl>
#include <QUrlQuery>
#include <QUuid>
#include <condition_variable>
#include <map>

namespace sinfonia::ledger {

// Owns one named QSqlDatabase connection of one thread; deleted by QThreadStorage when the thread
// ends (or by ~Database for the destroying thread).
class ConnectionHolder
{
public:
    explicit ConnectionHolder(QString name)
        : name(std::move(name))
    {
    }
    ~ConnectionHolder()
    {
        statements.queries.clear(); // before the connection goes away
        {
            QSqlDatabase db = QSqlDatabase::database(name, false);
            if (db.isValid())
                db.close();
        }
        QSqlDatabase::removeDatabase(name);
    }
    QString name;
    qint64 lastUsedMs = 0;
    sql::StatementCache statements;
};

// SQLite group commit: one writer connection shared by the process' write transactions (each runs
// alone on it, under `lock`, in a SAVEPOINT of the open batch). The batch is committed by the member
// that ends while nobody else queues for the lock, or once it holds Options::maxBatch members;
// the members that ended before wait until their batch's COMMIT returned.
class GroupWriter final : public sql::WriteGate
{
public:
    GroupWriter(Database& db, int batchLimit)
        : maxBatch(qMax(1, batchLimit))
        , m_db(db)
    {
    }
    ~GroupWriter() override
    {
        std::lock_guard guard(lock);
        statements.queries.clear();
        if (m_conn.isValid()) {
            if (txOpen) {
                QSqlQuery q(m_conn);
                q.exec(QStringLiteral("COMMIT"));
            }
            m_conn.close();
        }
        const QString name = m_name;
        m_conn = QSqlDatabase();
        if (!name.isEmpty())
            QSqlDatabase::removeDatabase(name);
    }

    // The writer connection (lock held): opened on first use, reopened when broken.
    QSqlDatabase& connection(const QString& name)
    {
        if (!m_conn.isValid() || !m_conn.isOpen()) {
            statements.queries.clear();
            if (!m_name.isEmpty()) {
                m_conn = QSqlDatabase();
                QSqlDatabase::removeDatabase(m_name);
            }
            m_name = name;
            statements.connectionName = name;
            m_conn = m_db.openConnection(name);
        }
        return m_conn;
    }

    // sql::WriteGate, around an autocommit write on a thread's own connection: it must not meet
    // the open batch (it would wait on SQLite's lock that the batch holds), so the batch commits
    // first unless this thread is inside it.
    void enter() override
    {
        ++waiting;
        lock.lock();
        --waiting;
        if (!WriteTransaction::active(m_db)) {
            endBatch();
            ++autocommits;
        }
    }
    void leave() override { lock.unlock(); }

    // Lock held, no member inside a savepoint: commits the open batch and wakes its members.
    void endBatch()
    {
        if (!txOpen)
            return;
        sql::finishCached(m_conn);
        std::optional<Error> failure;
        {
            QSqlQuery q(m_conn);
            if (!q.exec(QStringLiteral("COMMIT"))) {
                failure = sql::toError(q.lastError(), QStringLiteral("commit"));
                QSqlQuery r(m_conn);
                r.exec(QStringLiteral("ROLLBACK"));
            }
        }
        std::lock_guard guard(m_stateMutex);
        if (failure)
            m_failed[batch] = *failure;
        while (m_failed.size() > 64)
            m_failed.erase(m_failed.begin());
        m_done = batch;
        ++m_batches;
        m_members += quint64(members);
        txOpen = false;
        members = 0;
        ++batch;
        m_wake.notify_all();
    }

    // Lock released: blocks until batch `b` committed; its error if the COMMIT failed.
    Result<void> awaitBatch(quint64 b)
    {
        std::unique_lock guard(m_stateMutex);
        m_wake.wait(guard, [&] { return m_done >= b; });
        if (auto it = m_failed.find(b); it != m_failed.end())
            return it->second;
        return {};
    }

    Database::GroupStats stats() const
    {
        std::lock_guard guard(m_stateMutex);
        return {m_batches, m_members, autocommits.load()};
    }

    std::recursive_mutex lock;
    std::atomic<int> waiting {0};
    std::atomic<quint64> autocommits {0};
    sql::StatementCache statements;
    const int maxBatch;
    // Guarded by lock.
    bool txOpen = false;
    int members = 0;
    quint64 batch = 1;
    int savepoints = 0;

private:
    Database& m_db;
    QSqlDatabase m_conn;
    QString m_name;
    mutable std::mutex m_stateMutex;
    std::condition_variable m_wake;
    quint64 m_done = 0;
    quint64 m_batches = 0;
    quint64 m_members = 0;
    std::map<quint64, Error> m_failed;
};

namespace {

class PlainGate final : public sql::WriteGate
{
public:
    explicit PlainGate(std::recursive_mutex& lock)
        : m_lock(lock)
    {
    }
    void enter() override { m_lock.lock(); }
    void leave() override { m_lock.unlock(); }

private:
    std::recursive_mutex& m_lock;
};

thread_local WriteTransaction* t_activeTx = nullptr;
thread_local CommitScope* t_scope = nullptr;

struct PgParams
{
    QString host;
    int port = 5432;
    QString user;
    QString password;
    QString dbname;
    QStringList options; // other libpq keywords, "key=value"
};

bool isPostgresLocation(const QString& loc)
{
    static const QRegularExpression keyword(QStringLiteral("^\\s*(host|hostaddr|port|dbname|user)\\s*="));
    return loc.startsWith(QLatin1String("postgresql://")) || loc.startsWith(QLatin1String("postgres://"))
        || keyword.match(loc).hasMatch();
}

PgParams parsePg(const QString& loc)
{
    PgParams p;
    if (loc.startsWith(QLatin1String("postgres"))) {
        const QUrl url(loc);
        p.host = url.host();
        p.port = url.port(5432);
        p.user = url.userName();
        p.password = url.password();
        p.dbname = url.path().mid(1);
        const auto items = QUrlQuery(url).queryItems(QUrl::FullyDecoded);
        for (const auto& [k, v] : items)
            p.options << k + QLatin1Char('=') + v;
        return p;
    }
    // libpq keyword/value string; values may be single-quoted.
    static const QRegularExpression pair(QStringLiteral("(\\w+)\\s*=\\s*('((?:[^'\\\\]|\\\\.)*)'|\\S*)"));
    auto it = pair.globalMatch(loc);
    while (it.hasNext()) {
        const auto m = it.next();
        const QString key = m.captured(1);
        const QString value = m.captured(3).isNull() ? m.captured(2) : m.captured(3);
        if (key == QLatin1String("host") || key == QLatin1String("hostaddr"))
            p.host = value;
        else if (key == QLatin1String("port"))
            p.port = value.toInt();
        else if (key == QLatin1String("user"))
            p.user = value;
        else if (key == QLatin1String("password"))
            p.password = value;
        else if (key == QLatin1String("dbname"))
            p.dbname = value;
        else
            p.options << key + QLatin1Char('=') + value;
    }
    return p;
}

QString sqlitePath(const QString& loc)
{
    return loc.startsWith(QLatin1String("sqlite:")) ? loc.mid(7) : loc;
}

QAtomicInteger<quint64> connectionCounter;

} // namespace

Database::Database(Backend backend, QString location, Options options)
    : m_backend(backend)
    , m_location(std::move(location))
    , m_options(options)
    , m_id(QStringLiteral("sinfonia-ledger-") + QUuid::createUuid().toString(QUuid::Id128).left(12))
{
    if (backend == Backend::Sqlite && m_options.groupCommit)
        m_group = std::make_unique<GroupWriter>(*this, m_options.maxBatch);
    else if (backend == Backend::Sqlite)
        m_plainGate = std::make_unique<PlainGate>(m_writeLock);
}

Database::~Database()
{
    m_connections.setLocalData(nullptr);
    if (m_group) {
        const GroupStats s = m_group->stats();
        if (s.batches > 0)
            qCInfo(lcLedger).noquote() << QStringLiteral("group commit: %1 commits for %2 write transactions, %3 "
                                                         "autocommit writes")
                                              .arg(s.batches)
                                              .arg(s.members)
                                              .arg(s.autocommits);
    }
    m_group.reset();
}

std::recursive_mutex* Database::writeSerializer()
{
    if (isPostgres())
        return nullptr;
    return m_group ? &m_group->lock : &m_writeLock;
}

Database::GroupStats Database::groupStats() const
{
    return m_group ? m_group->stats() : GroupStats {};
}

Result<std::unique_ptr<Database>> Database::open(const QString& location)
{
    return open(location, Options {});
}

Result<std::unique_ptr<Database>> Database::open(const QString& location, Options options)
{
    if (location.trimmed().isEmpty())
        return makeError(QStringLiteral("db.location"), QStringLiteral("Database non indicato."));
    const Backend backend = isPostgresLocation(location) ? Backend::Postgres : Backend::Sqlite;
    std::unique_ptr<Database> db(new Database(backend, location, options));
    QSqlDatabase conn = db->connection();
    if (!conn.isOpen())
        return makeError(QStringLiteral("db.open"), QStringLiteral("Impossibile aprire il database."),
                         db->displayLocation() + QStringLiteral(": ") + conn.lastError().text());
    return db;
}

QString Database::displayLocation() const
{
    if (m_backend == Backend::Sqlite)
        return sqlitePath(m_location);
    PgParams p = parsePg(m_location);
    return QStringLiteral("postgresql://%1@%2:%3/%4").arg(p.user, p.host).arg(p.port).arg(p.dbname);
}

QSqlDatabase Database::connection()
{
    // Inside a write transaction the thread reads what it wrote (the SQLite writer connection).
    if (WriteTransaction* tx = WriteTransaction::active(*this))
        return tx->db();
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    if (ConnectionHolder* h = m_connections.localData()) {
        QSqlDatabase db = QSqlDatabase::database(h->name, false);
        bool alive = db.isOpen();
        // A PostgreSQL connection idle for a while may have been cut (server restart, failover,
        // idle timeout): check it cheaply before handing it out.
        if (alive && isPostgres() && now - h->lastUsedMs > 30'000) {
            QSqlQuery ping(db);
            alive = ping.exec(QStringLiteral("SELECT 1"));
        }
        if (alive) {
            h->lastUsedMs = now;
            sql::setThreadStatementCache(&h->statements);
            return db;
        }
        qCWarning(lcLedger) << "reopening a broken database connection";
        db = QSqlDatabase();
        m_connections.setLocalData(nullptr);
    }
    const QString name = m_id + QLatin1Char('-') + QString::number(connectionCounter.fetchAndAddRelaxed(1));
    auto* holder = new ConnectionHolder(name);
    holder->lastUsedMs = now;
    holder->statements.connectionName = name;
    if (m_group)
        holder->statements.writeGate = m_group.get();
    else if (!isPostgres())
        holder->statements.writeGate = m_plainGate.get();
    m_connections.setLocalData(holder);
    sql::setThreadStatementCache(&holder->statements);
    return openConnection(name);
}

QSqlDatabase Database::openConnection(const QString& name)
{
    if (m_backend == Backend::Sqlite) {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
        db.setDatabaseName(sqlitePath(m_location));
        db.setConnectOptions(QStringLiteral("QSQLITE_BUSY_TIMEOUT=") + QString::number(m_options.busyTimeoutMs));
        if (!db.open()) {
            qCWarning(lcLedger) << "cannot open SQLite database:" << db.lastError().text();
            return db;
        }
        QSqlQuery q(db);
        // WAL persists in the file; the others are per connection.
        if (!q.exec(QStringLiteral("PRAGMA journal_mode=WAL")))
            qCWarning(lcLedger) << "journal_mode=WAL failed:" << q.lastError().text();
        q.exec(m_options.durableCommits ? QStringLiteral("PRAGMA synchronous=FULL")
                                        : QStringLiteral("PRAGMA synchronous=NORMAL"));
        q.exec(QStringLiteral("PRAGMA foreign_keys=ON"));
        q.exec(QStringLiteral("PRAGMA busy_timeout=") + QString::number(m_options.busyTimeoutMs));
        return db;
    }
    const PgParams p = parsePg(m_location);
    QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QPSQL"), name);
    db.setHostName(p.host);
    db.setPort(p.port);
    db.setUserName(p.user);
    db.setPassword(p.password);
    db.setDatabaseName(p.dbname);
    db.setConnectOptions(p.options.join(QLatin1Char(';')));
    if (!db.open()) {
        qCWarning(lcLedger) << "cannot open PostgreSQL database" << displayLocation() << db.lastError().text();
        return db;
    }
    QSqlQuery q(db);
    q.exec(QStringLiteral("SET lock_timeout = ") + QString::number(m_options.busyTimeoutMs));
    q.exec(QStringLiteral("SET client_min_messages = warning"));
    return db;
}

int Database::latestSchemaVersion()
{
    return Migrations::latestVersion();
}

int Database::schemaVersion()
{
    QSqlDatabase db = connection();
    auto q = sql::first(db, QStringLiteral("SELECT MAX(version) AS version FROM schema_migrations"));
    if (!q || !q->isValid())
        return 0;
    return q->value("version").toInt();
}

Result<void> Database::migrate()
{
    for (int attempt = 0;; ++attempt) {
        WriteTransaction tx(*this);
        if (!tx.ok()) {
            if (tx.beginError()->code == codes::dbBusy && attempt < 10)
                continue;
            return *tx.beginError();
        }
        QSqlDatabase& db = tx.db();
        if (isPostgres()) {
            // Serialises concurrent migrations of several processes.
            auto lock = sql::exec(db, QStringLiteral("SELECT pg_advisory_xact_lock(727274)"));
            if (!lock)
                return lock.error();
        }
        auto created = sql::exec(db,
                                 QStringLiteral("CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER "
                                                "PRIMARY KEY, applied_at_ms BIGINT NOT NULL)"));
        if (!created)
            return created.error();
        auto cur = sql::first(db, QStringLiteral("SELECT COALESCE(MAX(version), 0) AS version FROM schema_migrations"));
        if (!cur)
            return cur.error();
        const int current = cur->value("version").toInt();
        if (current > Migrations::latestVersion())
            return makeError(QStringLiteral("db.schema_newer"),
                             QStringLiteral("Il database è di una versione più recente del servizio."),
                             QStringLiteral("schema %1 > %2").arg(current).arg(Migrations::latestVersion()));
        for (int v = current + 1; v <= Migrations::latestVersion(); ++v) {
            for (const QString& stmt : Migrations::statements(v, isPostgres())) {
                auto r = sql::exec(db, stmt);
                if (!r)
                    return r.error();
            }
            if (v == 6) {
                // Existing vouchers and movements get their opaque API id in the same transaction.
                if (auto filled = PublicId::fillMissing(db); !filled)
                    return filled.error();
            }
            auto r
                = sql::exec(db, QStringLiteral("INSERT INTO schema_migrations (version, applied_at_ms) VALUES (?, ?)"),
                            {v, sql::big(QDateTime::currentMSecsSinceEpoch())});
            if (!r)
                return r.error();
            qCInfo(lcLedger) << "applied schema migration" << v;
        }
        return tx.commit();
    }
}

Result<void> Database::claimMode(const QString& mode)
{
    WriteTransaction tx(*this);
    if (!tx.ok())
        return *tx.beginError();
    QSqlDatabase& db = tx.db();
    auto cur = sql::first(db, QStringLiteral("SELECT value FROM server_metadata WHERE name = 'mode'") + forUpdate());
    if (!cur)
        return cur.error();
    if (cur->isValid()) {
        const QString recorded = cur->value("value").toString();
        if (recorded == mode)
            return {};
        return makeError(QStringLiteral("db.mode_mismatch"),
                         QStringLiteral("Il database appartiene a un server in modalità diversa."),
                         QStringLiteral("the database was made by a %1 server; this one runs as %2: use another "
                                        "database")
                             .arg(recorded, mode));
    }
    auto ins = sql::exec(db, QStringLiteral("INSERT INTO server_metadata (name, value) VALUES ('mode', ?)"), {mode});
    if (!ins)
        return ins.error();
    return tx.commit();
}

WriteTransaction* WriteTransaction::active(const Database& db)
{
    for (WriteTransaction* t = t_activeTx; t; t = t->m_outer) {
        if (&t->m_database == &db)
            return t;
    }
    return nullptr;
}

void WriteTransaction::activate()
{
    m_outer = t_activeTx;
    t_activeTx = this;
    m_active = true;
    m_savedCache = sql::threadStatementCache();
    if (m_kind == Kind::Group)
        sql::setThreadStatementCache(&m_database.m_group->statements);
}

void WriteTransaction::deactivate()
{
    if (!m_active)
        return;
    m_active = false;
    // Transactions end in the reverse order they began (nested ones first).
    if (t_activeTx == this)
        t_activeTx = m_outer;
    sql::setThreadStatementCache(m_savedCache);
}

namespace {
std::atomic<quint64> savepointCounter {0};

Error notOpen(const QSqlDatabase& conn)
{
    return makeError(QStringLiteral("db.error"), QStringLiteral("Errore interno del servizio: riprova più tardi."),
                     QStringLiteral("connection not open: ") + conn.lastError().text());
}
} // namespace

WriteTransaction::WriteTransaction(Database& database)
    : m_database(database)
{
    if (WriteTransaction* outer = active(database)) {
        // Inside the thread's open transaction (or the one a CommitScope holds): a savepoint of it.
        m_kind = Kind::Nested;
        m_conn = outer->m_conn;
        m_savepoint = QStringLiteral("n%1").arg(savepointCounter.fetch_add(1));
        QSqlQuery q(m_conn);
        if (!q.exec(QStringLiteral("SAVEPOINT ") + m_savepoint)) {
            m_beginError = sql::toError(q.lastError(), QStringLiteral("savepoint"));
            return;
        }
        m_open = true;
        activate();
        return;
    }
    GroupWriter* group = database.m_group.get();
    if (group) {
        m_kind = Kind::Group;
        ++group->waiting;
        m_writeLock = std::unique_lock(group->lock);
        --group->waiting;
        m_conn = group->connection(database.m_id + QStringLiteral("-writer"));
    } else {
        m_conn = database.connection();
        if (std::recursive_mutex* serializer = database.writeSerializer())
            m_writeLock = std::unique_lock(*serializer);
    }
    if (!m_conn.isOpen()) {
        m_beginError = notOpen(m_conn);
        if (group)
            group->endBatch(); // members waiting for the open batch must not wait for this one
        if (m_writeLock.owns_lock())
            m_writeLock.unlock();
        return;
    }
    if (!group || !group->txOpen) {
        const QString begin = database.isPostgres() ? QStringLiteral("BEGIN") : QStringLiteral("BEGIN IMMEDIATE");
        for (int attempt = 0;; ++attempt) {
            QSqlQuery q(m_conn);
            if (q.exec(begin))
                break;
            // The busy timeout already waited; a few more tries cover bursts of many writers.
            if (!sql::isBusy(q.lastError()) || attempt >= 20) {
                m_beginError = sql::toError(q.lastError(), QStringLiteral("begin"));
                if (m_writeLock.owns_lock())
                    m_writeLock.unlock();
                return;
            }
            QThread::msleep(5 + 5 * attempt);
        }
        if (group)
            group->txOpen = true;
    }
    if (group) {
        m_savepoint = QStringLiteral("g%1").arg(savepointCounter.fetch_add(1));
        QSqlQuery q(m_conn);
        if (!q.exec(QStringLiteral("SAVEPOINT ") + m_savepoint)) {
            m_beginError = sql::toError(q.lastError(), QStringLiteral("savepoint"));
            group->endBatch();
            m_writeLock.unlock();
            return;
        }
        m_batch = group->batch;
    }
    m_open = true;
    activate();
}

WriteTransaction::WriteTransaction(AdoptTag, WriteTransaction& from)
    : m_database(from.m_database)
    , m_conn(from.m_conn)
    , m_open(from.m_open)
    , m_kind(from.m_kind)
    , m_savepoint(from.m_savepoint)
    , m_batch(from.m_batch)
    , m_outer(from.m_outer)
    , m_savedCache(from.m_savedCache)
    , m_writeLock(std::move(from.m_writeLock))
{
    m_active = from.m_active;
    if (t_activeTx == &from)
        t_activeTx = this;
    from.m_active = false;
    from.m_open = false;
}

WriteTransaction::~WriteTransaction()
{
    rollback();
}

Result<void> WriteTransaction::endGroupMember(bool commit)
{
    GroupWriter* group = m_database.m_group.get();
    sql::finishCached(m_conn);
    bool released = false;
    std::optional<Error> failure;
    if (commit) {
        QSqlQuery q(m_conn);
        released = q.exec(QStringLiteral("RELEASE ") + m_savepoint);
        if (!released)
            failure = sql::toError(q.lastError(), QStringLiteral("commit"));
    }
    if (!released) {
        // This member alone goes back; the batch keeps the others.
        QSqlQuery q(m_conn);
        q.exec(QStringLiteral("ROLLBACK TO ") + m_savepoint);
        q.exec(QStringLiteral("RELEASE ") + m_savepoint);
    } else {
        ++group->members;
    }
    m_open = false;
    deactivate();
    const quint64 batch = m_batch;
    if (group->waiting.load() == 0 || group->members >= group->maxBatch)
        group->endBatch();
    m_writeLock.unlock();
    if (failure)
        return *failure;
    if (!released)
        return {};
    return group->awaitBatch(batch);
}

Result<void> WriteTransaction::commit()
{
    if (!m_open)
        return makeError(QStringLiteral("db.error"), QStringLiteral("Errore interno del servizio: riprova più tardi."),
                         QStringLiteral("commit without transaction"));
    if (m_kind == Kind::Group)
        return endGroupMember(true);
    if (m_kind == Kind::Nested) {
        QSqlQuery q(m_conn);
        if (!q.exec(QStringLiteral("RELEASE ") + m_savepoint)) {
            const Error e = sql::toError(q.lastError(), QStringLiteral("release"));
            rollback();
            return e;
        }
        m_open = false;
        deactivate();
        return {};
    }
    sql::finishCached(m_conn);
    QSqlQuery q(m_conn);
    if (!q.exec(QStringLiteral("COMMIT"))) {
        const Error e = sql::toError(q.lastError(), QStringLiteral("commit"));
        rollback();
        return e;
    }
    m_open = false;
    deactivate();
    if (m_writeLock.owns_lock())
        m_writeLock.unlock();
    return {};
}

Result<void> WriteTransaction::commitOrHand()
{
    CommitScope* scope = t_scope;
    if (!m_open || m_kind == Kind::Nested || !scope || &scope->m_db != &m_database || scope->m_held)
        return commit();
    scope->m_held.reset(new WriteTransaction(AdoptTag {}, *this));
    return {};
}

void WriteTransaction::rollback()
{
    if (!m_open)
        return;
    if (m_kind == Kind::Group) {
        (void)endGroupMember(false);
        return;
    }
    m_open = false;
    if (m_kind == Kind::Nested) {
        QSqlQuery q(m_conn);
        q.exec(QStringLiteral("ROLLBACK TO ") + m_savepoint);
        q.exec(QStringLiteral("RELEASE ") + m_savepoint);
        deactivate();
        return;
    }
    sql::finishCached(m_conn);
    QSqlQuery q(m_conn);
    q.exec(QStringLiteral("ROLLBACK"));
    deactivate();
    if (m_writeLock.owns_lock())
        m_writeLock.unlock();
}

CommitScope::CommitScope(Database& db)
    : m_db(db)
    , m_outer(t_scope)
{
    t_scope = this;
}

CommitScope::~CommitScope()
{
    rollback();
    t_scope = m_outer;
}

CommitScope* CommitScope::current(const Database& db)
{
    for (CommitScope* s = t_scope; s; s = s->m_outer) {
        if (&s->m_db == &db)
            return s;
    }
    return nullptr;
}

QSqlDatabase& CommitScope::db()
{
    return m_held->db();
}

Result<void> CommitScope::commit()
{
    if (!m_held)
        return {};
    auto committed = m_held->commit();
    m_held.reset();
    return committed;
}

void CommitScope::rollback()
{
    if (!m_held)
        return;
    m_held->rollback();
    m_held.reset();
}

} // namespace sinfonia::ledger
