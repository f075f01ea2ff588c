#pragma once

#include "core/domain/Clock.h"
#include "core/domain/Result.h"

#include <QDateTime>
#include <QList>
#include <QString>

namespace sinfonia::ledger {

class Database;

struct SmsMessage
{
    QString phone; // E.164-like, e.g. "+393331234333"
    QString text; // Italian, states amount and merchant
    // Sandbox/test metadata (a real gateway ignores them):
    QString otp;
    QString movementId;
    QString voucherId;
};

// Where OTP text messages go. Production would use a gateway; the sandbox uses OutboxSmsSender.
class SmsSender
{
public:
    virtual ~SmsSender() = default;
    virtual Result<void> send(const SmsMessage& message) = 0;
    // True when send() only writes a row of `db` (the sandbox outbox): the ledger then sends inside
    // the transaction that issues the code, so the message commits with its movement (nothing to
    // send after the commit, nothing lost by a crash in between).
    virtual bool writesTo(const Database& db) const
    {
        Q_UNUSED(db);
        return false;
    }
};

struct OutboxEntry
{
    QString id;
    QDateTime createdAt; // UTC
    SmsMessage message;
};

// Writes every message to the sms_outbox table of the ledger database, where the sandbox's
// GET /sandbox/outbox reads it (so it works across several server processes).
class OutboxSmsSender final : public SmsSender
{
public:
    OutboxSmsSender(Database& db, const Clock& clock);
    Result<void> send(const SmsMessage& message) override;
    bool writesTo(const Database& db) const override { return &db == &m_db; }

    // Newest first. Filters are optional (empty = any).
    Result<QList<OutboxEntry>> latest(const QString& phone, const QString& voucherId = {}, int limit = 20);

private:
    Database& m_db;
    const Clock& m_clock;
};

} // namespace sinfonia::ledger
