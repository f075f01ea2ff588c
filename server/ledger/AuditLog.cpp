#include "server/ledger/AuditLog.h"

#include "core/domain/ErrorCodes.h"
#include "core/domain/VoucherRules.h"
#include "server/ledger/Database.h"
#include "server/ledger/LedgerErrors.h"
#include "server/ledger/SqlUtil.h"

#include <QMessageAuthenticationCode>

namespace sinfonia::ledger {

namespace {

QVariant nullableId(qint64 id)
{
    return id > 0 ? sql::big(id) : QVariant(QMetaType::fromType<qlonglong>());
}

QVariant nullableText(const QString& s)
{
    return s.isEmpty() ? QVariant(QMetaType::fromType<QString>()) : QVariant(s);
}

// Writes past this many queued reads are dropped with a warning rather than growing without bound
// while the database is down.
constexpr qsizetype maxQueued = 200000;

} // namespace

AuditLog::AuditLog(Database& db, const Clock& clock, AuditOptions options)
    : m_db(db)
    , m_clock(clock)
    , m_options(std::move(options))
{
    m_writer = std::thread([this] { writerLoop(); });
}

AuditLog::~AuditLog()
{
    {
        std::lock_guard lock(m_mutex);
        m_stopping = true;
    }
    m_wake.notify_all();
    m_writer.join();
    (void)flush();
}

QString AuditLog::hashCf(const QString& cf) const
{
    return QString::fromLatin1(
        QMessageAuthenticationCode::hash(cf.toUtf8(), m_options.cfKey, QCryptographicHash::Sha256).toHex());
}

Result<void> AuditLog::append(QSqlDatabase& db, const Record& r)
{
    auto ins = sql::exec(db,
                         QStringLiteral("INSERT INTO audit_log (at_ms, operator_cf, structure_id, action, voucher_id,"
                                        " movement_id, cf_hash, outcome) VALUES (?, ?, ?, ?, ?, ?, ?, ?)"),
                         {sql::big(r.atMs), r.operatorCf, r.structureId, r.action, nullableId(r.voucherRowId),
                          nullableId(r.movementRowId), nullableText(r.cfHash), r.outcome});
    if (!ins)
        return ins.error();
    for (qint64 v : r.grants) {
        auto g = sql::exec(db,
                           QStringLiteral("INSERT INTO voucher_grants (structure_id, voucher_id, day) VALUES (?, ?, ?)"
                                          " ON CONFLICT DO NOTHING"),
                           {r.structureId, sql::big(v), r.day});
        if (!g)
            return g.error();
    }
    return {};
}

QString AuditLog::grantKey(const QString& structureId, qint64 voucherRowId, const QString& day)
{
    return structureId + QLatin1Char('|') + QString::number(voucherRowId) + QLatin1Char('|') + day;
}

void AuditLog::enqueue(Record r)
{
    bool wake = false;
    {
        std::lock_guard lock(m_mutex);
        if (m_queue.size() >= maxQueued) {
            qCWarning(lcLedger) << "audit queue full: a read was not recorded";
            return;
        }
        for (qint64 v : r.grants)
            m_pendingGrants.insert(grantKey(r.structureId, v, r.day));
        m_queue.append(std::move(r));
        wake = m_queue.size() >= 1000;
    }
    if (wake)
        m_wake.notify_all();
}

void AuditLog::writerLoop()
{
    std::unique_lock lock(m_mutex);
    while (!m_stopping) {
        m_wake.wait_for(lock, std::chrono::milliseconds(qMax(10, m_options.batchIntervalMs)),
                        [this] { return m_stopping || m_queue.size() >= 1000; });
        if (m_queue.isEmpty())
            continue;
        lock.unlock();
        if (auto r = flush(); !r)
            qCWarning(lcLedger) << "audit batch not written, kept for the next one:" << r.error().detail;
        lock.lock();
    }
}

Result<void> AuditLog::flush()
{
    std::lock_guard flushing(m_flushMutex);
    QList<Record> batch;
    {
        std::lock_guard lock(m_mutex);
        batch.swap(m_queue);
    }
    if (batch.isEmpty())
        return {};
    auto write = [&]() -> Result<void> {
        WriteTransaction tx(m_db);
        if (!tx.ok())
            return *tx.beginError();
        for (const Record& r : batch) {
            if (auto a = append(tx.db(), r); !a)
                return a.error();
        }
        return tx.commit();
    };
    Result<void> done = write();
    std::lock_guard lock(m_mutex);
    if (!done) {
        // Back in front of what came meanwhile; the grants stay pending.
        batch.append(m_queue);
        m_queue.swap(batch);
        return done;
    }
    for (const Record& r : batch) {
        for (qint64 v : r.grants)
            m_pendingGrants.remove(grantKey(r.structureId, v, r.day));
    }
    return {};
}

Result<int> AuditLog::lookupWait(QSqlDatabase& db, const QString& operatorCf, qint64 nowMs, bool postgres)
{
    if (!throttling())
        return 0;
    if (postgres) {
        // Two processes counting for one operator at once would both see room for one more.
        auto lock = sql::exec(db, QStringLiteral("SELECT pg_advisory_xact_lock(727275, hashtext(?))"), {operatorCf});
        if (!lock)
            return lock.error();
    }
    const qint64 windowMs = qint64(m_options.lookupBurst) * 60000 / m_options.lookupPerMinute;
    auto q = sql::first(db,
                        QStringLiteral("SELECT at_ms FROM audit_log WHERE operator_cf = ? AND action = ?"
                                       " AND outcome <> 'rate_limited' AND at_ms > ?"
                                       " ORDER BY at_ms DESC LIMIT 1 OFFSET ")
                            + QString::number(m_options.lookupBurst - 1),
                        {operatorCf, actions::lookup, sql::big(nowMs - windowMs)});
    if (!q)
        return q.error();
    if (!q->isValid())
        return 0;
    const qint64 waitMs = q->value("at_ms").toLongLong() + windowMs - nowMs;
    return int(qMax<qint64>(1, (waitMs + 999) / 1000));
}

Result<bool> AuditLog::mayRead(QSqlDatabase& db, const QString& structureId, qint64 voucherRowId, QDate day) const
{
    const QString d = day.toString(Qt::ISODate);
    {
        std::lock_guard lock(m_mutex);
        if (m_pendingGrants.contains(grantKey(structureId, voucherRowId, d)))
            return true;
    }
    auto g = sql::first(db,
                        QStringLiteral("SELECT 1 AS granted FROM voucher_grants WHERE structure_id = ?"
                                       " AND voucher_id = ? AND day = ?"),
                        {structureId, sql::big(voucherRowId), d});
    if (!g)
        return g.error();
    if (g->isValid())
        return true;
    auto m = sql::first(db,
                        QStringLiteral("SELECT 1 AS granted FROM movements WHERE voucher_id = ? AND structure_id = ?"
                                       " LIMIT 1"),
                        {sql::big(voucherRowId), structureId});
    if (!m)
        return m.error();
    return m->isValid();
}

Result<AuditPage> AuditLog::query(QSqlDatabase& db, const AuditQuery& aq) const
{
    if (auto range = VoucherRules::checkSearchRange(aq.from, aq.to); !range)
        return errors::make(range.error().code, range.error().detail);
    if (aq.limit < 1 || aq.limit > 500)
        return errors::make(codes::movementsLimitInvalid);
    const qint64 fromMs = QDateTime(aq.from, QTime(0, 0), Clock::rome()).toMSecsSinceEpoch();
    const qint64 toMs = QDateTime(aq.to.addDays(1), QTime(0, 0), Clock::rome()).toMSecsSinceEpoch();
    QString text = QStringLiteral(
        "SELECT a.id, a.at_ms, a.operator_cf, o.nome, o.cognome, a.structure_id, a.action, a.cf_hash, a.outcome,"
        " v.public_id AS voucher_public_id, v.id AS voucher_row_id, v.number, m.public_id AS movement_public_id"
        " FROM audit_log a LEFT JOIN operators o ON o.cf = a.operator_cf"
        " LEFT JOIN vouchers v ON v.id = a.voucher_id LEFT JOIN movements m ON m.id = a.movement_id"
        " WHERE a.structure_id = ? AND a.at_ms >= ? AND a.at_ms < ?");
    QVariantList binds {aq.structureId, sql::big(fromMs), sql::big(toMs)};
    if (!aq.cursor.isEmpty()) {
        qint64 ms = 0;
        qint64 id = 0;
        if (!sql::decodeCursor(aq.cursor, &ms, &id))
            return errors::make(codes::movementsCursorInvalid);
        text += QStringLiteral(" AND (a.at_ms < ? OR (a.at_ms = ? AND a.id < ?))");
        binds << sql::big(ms) << sql::big(ms) << sql::big(id);
    }
    text += QStringLiteral(" ORDER BY a.at_ms DESC, a.id DESC LIMIT ") + QString::number(aq.limit + 1);
    auto rows = sql::all(db, text, binds);
    if (!rows)
        return rows.error();
    AuditPage page;
    qint64 lastMs = 0;
    qint64 lastId = 0;
    for (const sql::Row& row : *rows) {
        if (page.items.size() == aq.limit) {
            page.nextCursor = sql::encodeCursor(lastMs, lastId);
            break;
        }
        AuditEntry e;
        lastId = row.value("id").toLongLong();
        lastMs = row.value("at_ms").toLongLong();
        e.id = QString::number(lastId);
        e.at = sql::fromMs(lastMs);
        e.operatorCf = row.value("operator_cf").toString();
        e.operatorName = QStringList {row.value("nome").toString(), row.value("cognome").toString()}
                             .join(QLatin1Char(' '))
                             .trimmed();
        e.structureId = row.value("structure_id").toString();
        e.action = row.value("action").toString();
        e.cfHash = row.value("cf_hash").toString();
        e.outcome = row.value("outcome").toString();
        e.voucherId = row.value("voucher_public_id").toString();
        if (!row.isNull("voucher_row_id"))
            e.voucherDisplayId = QString::number(row.value("voucher_row_id").toLongLong());
        e.voucherNumber = row.value("number").toString();
        e.movementId = row.value("movement_public_id").toString();
        page.items << e;
    }
    return page;
}

Result<int> AuditLog::purge()
{
    if (auto f = flush(); !f)
        return f.error();
    const QDateTime now = m_clock.now();
    const qint64 cutoff = now.addMonths(-qMax(1, m_options.retentionMonths)).toMSecsSinceEpoch();
    WriteTransaction tx(m_db);
    if (!tx.ok())
        return *tx.beginError();
    QSqlDatabase& db = tx.db();
    auto meta
        = sql::exec(db,
                    QStringLiteral("INSERT INTO server_metadata (name, value) VALUES ('audit_retention_months', ?)"
                                   " ON CONFLICT (name) DO UPDATE SET value = excluded.value"),
                    {QString::number(qMax(1, m_options.retentionMonths))});
    if (!meta)
        return meta.error();
    auto del = sql::exec(db, QStringLiteral("DELETE FROM audit_log WHERE at_ms < ?"), {sql::big(cutoff)});
    if (!del)
        return del.error();
    const int deleted = del->numRowsAffected();
    auto grants = sql::exec(db, QStringLiteral("DELETE FROM voucher_grants WHERE day < ?"),
                            {VoucherRules::romeDate(now).toString(Qt::ISODate)});
    if (!grants)
        return grants.error();
    if (auto c = tx.commit(); !c)
        return c.error();
    return deleted;
}

} // namespace sinfonia::ledger
