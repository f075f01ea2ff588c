#include "server/ledger/IdempotencyStore.h"

#include "core/domain/ErrorCodes.h"
#include "server/ledger/Database.h"
#include "server/ledger/LedgerErrors.h"
#include "server/ledger/SqlUtil.h"

#include <QCryptographicHash>

namespace sinfonia::ledger {

IdempotencyStore::IdempotencyStore(Database& db, const Clock& clock)
    : m_db(db)
    , m_clock(clock)
{
}

QByteArray IdempotencyStore::hashBody(const QByteArray& body)
{
    return QCryptographicHash::hash(body, QCryptographicHash::Sha256);
}

namespace {

bool validKey(const QString& key)
{
    if (key.isEmpty() || key.size() > 255)
        return false;
    for (QChar c : key) {
        if (c.unicode() < 0x21 || c.unicode() > 0x7E)
            return false;
    }
    return true;
}

QString hashHex(const QByteArray& h)
{
    return QString::fromLatin1(h.toHex());
}

} // namespace

Result<IdempotencyStore::Claim> IdempotencyStore::claim(const Request& r)
{
    if (!validKey(r.key))
        return errors::make(codes::idempotencyKeyInvalid);
    QSqlDatabase db = m_db.connection();
    for (int attempt = 0; attempt < 5; ++attempt) {
        const qint64 now = sql::nowMs(m_clock);
        // The primary key (operator_id, idem_key) makes this the single atomic claim.
        auto ins = sql::exec(
            db,
            QStringLiteral("INSERT INTO idempotency_keys (operator_id, idem_key, method, path, body_hash,"
                           " state, created_at_ms, updated_at_ms) VALUES (?, ?, ?, ?, ?, 'IN_PROGRESS', ?, ?)"
                           " ON CONFLICT (operator_id, idem_key) DO NOTHING"),
            {r.operatorId, r.key, r.method, r.path, hashHex(r.bodyHash), sql::big(now), sql::big(now)});
        if (!ins) {
            if (ins.error().code == codes::dbBusy)
                continue;
            return ins.error();
        }
        if (ins->numRowsAffected() == 1)
            return Claim {Outcome::Claimed, 0, {}, {}};
        auto q
            = sql::first(db,
                         QStringLiteral("SELECT method, path, body_hash, state, status, content_type, response,"
                                        " updated_at_ms FROM idempotency_keys WHERE operator_id = ? AND idem_key = ?"),
                         {r.operatorId, r.key});
        if (!q)
            return q.error();
        if (!q->isValid())
            continue; // purged in between: claim again
        if (q->value("method").toString() != r.method || q->value("path").toString() != r.path
            || q->value("body_hash").toString() != hashHex(r.bodyHash))
            return Claim {Outcome::Mismatch, 0, {}, {}};
        if (q->value("state").toString() == QLatin1String("COMPLETED"))
            return Claim {Outcome::Replay, q->value("status").toInt(), q->value("content_type").toString().toUtf8(),
                          q->value("response").toByteArray()};
        const qint64 updated = q->value("updated_at_ms").toLongLong();
        if (now - updated < qint64(m_leaseSecs) * 1000)
            return Claim {Outcome::InProgress, 0, {}, {}};
        // The claimer vanished (crash): exactly one request takes the claim over.
        auto take = sql::exec(db,
                              QStringLiteral("UPDATE idempotency_keys SET updated_at_ms = ? WHERE operator_id = ?"
                                             " AND idem_key = ? AND state = 'IN_PROGRESS' AND updated_at_ms = ?"),
                              {sql::big(now), r.operatorId, r.key, sql::big(updated)});
        if (!take)
            return take.error();
        return Claim {take->numRowsAffected() == 1 ? Outcome::Claimed : Outcome::InProgress, 0, {}, {}};
    }
    return errors::make(codes::dbBusy);
}

Result<IdempotencyStore::Claim> IdempotencyStore::lookup(const Request& r)
{
    QSqlDatabase db = m_db.connection();
    return lookupIn(db, r);
}

Result<IdempotencyStore::Claim> IdempotencyStore::lookupIn(QSqlDatabase& db, const Request& r)
{
    if (!validKey(r.key))
        return errors::make(codes::idempotencyKeyInvalid);
    auto q = sql::first(db,
                        QStringLiteral("SELECT method, path, body_hash, state, status, content_type, response,"
                                       " updated_at_ms FROM idempotency_keys WHERE operator_id = ? AND idem_key = ?"),
                        {r.operatorId, r.key});
    if (!q)
        return q.error();
    if (!q->isValid())
        return Claim {Outcome::Claimed, 0, {}, {}};
    if (q->value("method").toString() != r.method || q->value("path").toString() != r.path
        || q->value("body_hash").toString() != hashHex(r.bodyHash))
        return Claim {Outcome::Mismatch, 0, {}, {}};
    if (q->value("state").toString() == QLatin1String("COMPLETED"))
        return Claim {Outcome::Replay, q->value("status").toInt(), q->value("content_type").toString().toUtf8(),
                      q->value("response").toByteArray()};
    // A claim of the two-commit protocol (another command, or a process of an older version).
    if (sql::nowMs(m_clock) - q->value("updated_at_ms").toLongLong() < qint64(m_leaseSecs) * 1000)
        return Claim {Outcome::InProgress, 0, {}, {}};
    return Claim {Outcome::Claimed, 0, {}, {}};
}

Result<bool> IdempotencyStore::storeIn(QSqlDatabase& db, const Request& r, int status, const QByteArray& contentType,
                                       const QByteArray& body)
{
    const qint64 now = sql::nowMs(m_clock);
    // A claim whose lease passed (its process died) is taken over; anything else keeps its row.
    auto q = sql::exec(
        db,
        QStringLiteral("INSERT INTO idempotency_keys (operator_id, idem_key, method, path, body_hash, state, status,"
                       " content_type, response, created_at_ms, updated_at_ms)"
                       " VALUES (?, ?, ?, ?, ?, 'COMPLETED', ?, ?, ?, ?, ?)"
                       " ON CONFLICT (operator_id, idem_key) DO UPDATE SET state = 'COMPLETED',"
                       " status = excluded.status, content_type = excluded.content_type,"
                       " response = excluded.response, updated_at_ms = excluded.updated_at_ms"
                       " WHERE idempotency_keys.state = 'IN_PROGRESS' AND idempotency_keys.updated_at_ms < ?"),
        {r.operatorId, r.key, r.method, r.path, hashHex(r.bodyHash), status, QString::fromUtf8(contentType), body,
         sql::big(now), sql::big(now), sql::big(now - qint64(m_leaseSecs) * 1000)});
    if (!q)
        return q.error();
    return q->numRowsAffected() == 1;
}

Result<void> IdempotencyStore::complete(const Request& r, int status, const QByteArray& contentType,
                                        const QByteArray& body)
{
    QSqlDatabase db = m_db.connection();
    auto q
        = sql::exec(db,
                    QStringLiteral("UPDATE idempotency_keys SET state = 'COMPLETED', status = ?, content_type = ?,"
                                   " response = ?, updated_at_ms = ? WHERE operator_id = ? AND idem_key = ?"
                                   " AND state = 'IN_PROGRESS'"),
                    {status, QString::fromUtf8(contentType), body, sql::big(sql::nowMs(m_clock)), r.operatorId, r.key});
    if (!q)
        return q.error();
    return {};
}

Result<void> IdempotencyStore::release(const Request& r)
{
    QSqlDatabase db = m_db.connection();
    auto q = sql::exec(db,
                       QStringLiteral("DELETE FROM idempotency_keys WHERE operator_id = ? AND idem_key = ?"
                                      " AND state = 'IN_PROGRESS'"),
                       {r.operatorId, r.key});
    if (!q)
        return q.error();
    return {};
}

Result<int> IdempotencyStore::purgeExpired(qint64 retentionSecs)
{
    QSqlDatabase db = m_db.connection();
    auto q = sql::exec(db, QStringLiteral("DELETE FROM idempotency_keys WHERE created_at_ms < ?"),
                       {sql::big(sql::nowMs(m_clock) - retentionSecs * 1000)});
    if (!q)
        return q.error();
    return q->numRowsAffected();
}

} // namespace sinfonia::ledger
