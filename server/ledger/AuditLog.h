#pragma once

#include "core/domain/Clock.h"
#include "core/domain/Result.h"
#include "server/ledger/LedgerTypes.h"

#include <QSet>
#include <QSqlDatabase>
#include <condition_variable>
#include <mutex>
#include <thread>

namespace sinfonia::ledger {

class Database;

// The audit trail (table audit_log) and the per-day voucher grants of lookups (voucher_grants).
//
// Commands (purchase, cancellation, OTP verification, void) append their row with append() inside
// their own write transaction: the row exists exactly when the action committed. Reads (lookups
// without throttle, voucher reads, receipt downloads) go to enqueue(): a writer thread appends
// them in one transaction every `batchIntervalMs` (and at shutdown). A crash (SIGKILL, power cut)
// loses at most the reads of the last interval; nothing of a command is ever lost.
//
// With the lookup throttle on, a lookup is itself a write transaction: lookupWait() counts the
// operator's lookup rows of the window in that transaction (so the limit holds across processes
// sharing the database; PostgreSQL serialises one operator with an advisory lock) and its row is
// appended with append() before the commit.
//
// The trail is append-only: nothing but purge() deletes from it (PostgreSQL: a trigger refuses
// UPDATE and a DELETE of rows younger than the retention).
class AuditLog
{
public:
    // Action names of the trail.
    struct actions
    {
        static inline const QString lookup = QStringLiteral("LOOKUP");
        static inline const QString voucherRead = QStringLiteral("VOUCHER_READ");
        static inline const QString purchase = QStringLiteral("PURCHASE");
        static inline const QString cancellation = QStringLiteral("CANCELLATION");
        static inline const QString otpVerify = QStringLiteral("OTP_VERIFY");
        static inline const QString voidPurchase = QStringLiteral("VOID");
        static inline const QString receiptDownload = QStringLiteral("RECEIPT_DOWNLOAD");
    };

    struct Record
    {
        qint64 atMs = 0;
        QString operatorCf;
        QString structureId;
        QString action;
        qint64 voucherRowId = 0; // 0: none
        qint64 movementRowId = 0;
        QString cfHash;
        QString outcome;
        // Lookups: the vouchers found, granted to the structure for `day` (Rome).
        QList<qint64> grants;
        QString day;
    };

    AuditLog(Database& db, const Clock& clock, AuditOptions options);
    ~AuditLog(); // writes what is queued
    AuditLog(const AuditLog&) = delete;
    AuditLog& operator=(const AuditLog&) = delete;

    const AuditOptions& options() const { return m_options; }
    bool throttling() const { return m_options.lookupBurst > 0 && m_options.lookupPerMinute > 0; }
    // HMAC-SHA256(key, cf) in hex.
    QString hashCf(const QString& cf) const;

    // In the caller's transaction.
    Result<void> append(QSqlDatabase& db, const Record& r);
    // Appended by the writer thread; its grants count at once in this process (isGranted).
    void enqueue(Record r);
    // Writes what is queued now (tests, shutdown).
    Result<void> flush();

    // Inside the lookup's write transaction: 0 when the operator may look up now, else the seconds
    // until the oldest lookup of the window leaves it.
    Result<int> lookupWait(QSqlDatabase& db, const QString& operatorCf, qint64 nowMs, bool postgres);

    // The structure reached the voucher by a lookup on `day`, or has a movement on it.
    Result<bool> mayRead(QSqlDatabase& db, const QString& structureId, qint64 voucherRowId, QDate day) const;

    Result<AuditPage> query(QSqlDatabase& db, const AuditQuery& q) const;

    // Deletes trail rows older than the retention and grants of past days. Records the retention
    // in server_metadata (the PostgreSQL trigger reads it). Returns the rows deleted.
    Result<int> purge();

private:
    void writerLoop();
    static QString grantKey(const QString& structureId, qint64 voucherRowId, const QString& day);

    Database& m_db;
    const Clock& m_clock;
    AuditOptions m_options;

    mutable std::mutex m_mutex;
    std::condition_variable m_wake;
    QList<Record> m_queue;
    QSet<QString> m_pendingGrants; // queued, not yet committed
    bool m_stopping = false;
    std::mutex m_flushMutex; // one batch at a time
    std::thread m_writer;
};

} // namespace sinfonia::ledger
