#include "server/ledger/SmsSender.h"

#include "server/ledger/Database.h"
#include "server/ledger/SqlUtil.h"

namespace sinfonia::ledger {

OutboxSmsSender::OutboxSmsSender(Database& db, const Clock& clock)
    : m_db(db)
    , m_clock(clock)
{
}

Result<void> OutboxSmsSender::send(const SmsMessage& m)
{
    QSqlDatabase db = m_db.connection();
    auto q
        = sql::exec(db,
                    QStringLiteral("INSERT INTO sms_outbox (phone, text, otp, movement_id, voucher_id, created_at_ms)"
                                   " VALUES (?, ?, ?, ?, ?, ?)"),
                    {m.phone, m.text, m.otp, m.movementId, m.voucherId, sql::big(sql::nowMs(m_clock))});
    if (!q)
        return q.error();
    return {};
}

Result<QList<OutboxEntry>> OutboxSmsSender::latest(const QString& phone, const QString& voucherId, int limit)
{
    QString text = QStringLiteral("SELECT id, created_at_ms, phone, text, otp, movement_id, voucher_id FROM sms_outbox"
                                  " WHERE 1 = 1");
    QVariantList binds;
    if (!phone.trimmed().isEmpty()) {
        // Accept the number with or without "+" (a '+' in a query string often arrives as a blank).
        QString p = phone.trimmed();
        if (p.startsWith(QLatin1Char('+')))
            p = p.mid(1);
        text += QStringLiteral(" AND (phone = ? OR phone = ?)");
        binds << p << QString(QLatin1Char('+') + p);
    }
    if (!voucherId.isEmpty()) {
        text += QStringLiteral(" AND voucher_id = ?");
        binds << voucherId;
    }
    text += QStringLiteral(" ORDER BY id DESC LIMIT ") + QString::number(qBound(1, limit, 1000));
    QSqlDatabase db = m_db.connection();
    auto q = sql::all(db, text, binds);
    if (!q)
        return q.error();
    QList<OutboxEntry> out;
    for (const sql::Row& row : *q) {
        OutboxEntry e;
        e.id = QString::number(row.value("id").toLongLong());
        e.createdAt = sql::fromMs(row.value("created_at_ms").toLongLong());
        e.message.phone = row.value("phone").toString();
        e.message.text = row.value("text").toString();
        e.message.otp = row.value("otp").toString();
        e.message.movementId = row.value("movement_id").toString();
        e.message.voucherId = row.value("voucher_id").toString();
        out << e;
    }
    return out;
}

} // namespace sinfonia::ledger
