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
    auto q = sql::exec(db, text, binds);
    if (!q)
        return q.error();
    QList<OutboxEntry> out;
    while (q.value().next()) {
        OutboxEntry e;
        e.id = QString::number(q->value(0).toLongLong());
        e.createdAt = sql::fromMs(q->value(1).toLongLong());
        e.message.phone = q->value(2).toString();
        e.message.text = q->value(3).toString();
        e.message.otp = q->value(4).toString();
        e.message.movementId = q->value(5).toString();
        e.message.voucherId = q->value(6).toString();
        out << e;
    }
    return out;
}

} // namespace sinfonia::ledger
