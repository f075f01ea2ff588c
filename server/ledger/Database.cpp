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

namespace {

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
}

Database::~Database()
{
    m_connections.setLocalData(nullptr);
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
    holder->statements.writeLock = writeSerializer();
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

WriteTransaction::WriteTransaction(Database& database)
    : m_conn(database.connection())
{
    if (std::recursive_mutex* serializer = database.writeSerializer())
        m_writeLock = std::unique_lock(*serializer);
    if (!m_conn.isOpen()) {
        m_beginError
            = makeError(QStringLiteral("db.error"), QStringLiteral("Errore interno del servizio: riprova più tardi."),
                        QStringLiteral("connection not open: ") + m_conn.lastError().text());
        return;
    }
    const QString begin = database.isPostgres() ? QStringLiteral("BEGIN") : QStringLiteral("BEGIN IMMEDIATE");
    for (int attempt = 0;; ++attempt) {
        QSqlQuery q(m_conn);
        if (q.exec(begin)) {
            m_open = true;
            return;
        }
        // The busy timeout already waited; a few more tries cover bursts of many writers.
        if (!sql::isBusy(q.lastError()) || attempt >= 20) {
            m_beginError = sql::toError(q.lastError(), QStringLiteral("begin"));
            return;
        }
        QThread::msleep(5 + 5 * attempt);
    }
}

WriteTransaction::~WriteTransaction()
{
    rollback();
}

Result<void> WriteTransaction::commit()
{
    if (!m_open)
        return makeError(QStringLiteral("db.error"), QStringLiteral("Errore interno del servizio: riprova più tardi."),
                         QStringLiteral("commit without transaction"));
    sql::finishCached(m_conn);
    QSqlQuery q(m_conn);
    if (!q.exec(QStringLiteral("COMMIT"))) {
        const Error e = sql::toError(q.lastError(), QStringLiteral("commit"));
        rollback();
        return e;
    }
    m_open = false;
    if (m_writeLock.owns_lock())
        m_writeLock.unlock();
    return {};
}

void WriteTransaction::rollback()
{
    if (!m_open)
        return;
    m_open = false;
    sql::finishCached(m_conn);
    QSqlQuery q(m_conn);
    q.exec(QStringLiteral("ROLLBACK"));
    if (m_writeLock.owns_lock())
        m_writeLock.unlock();
}

} // namespace sinfonia::ledger
