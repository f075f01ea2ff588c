#include "core/services/journal/OperationJournal.h"

#include "core/domain/Clock.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QLoggingCategory>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QTimeZone>
#include <QUuid>

Q_LOGGING_CATEGORY(lcJournal, "sinfonia.services.journal")

namespace sinfonia {

namespace {

// Texts of this file: lupdate files Texts::tr() strings under the context the macro names, and
// translate() looks them up under the same one.
struct Texts
{
    Q_DECLARE_TR_FUNCTIONS(sinfonia::OperationJournal)
};

Error dbError(const QString& what, const QSqlError& e)
{
    return makeError(QStringLiteral("journal.io"),
                     Texts::tr("Impossibile salvare il registro delle operazioni: controlla lo spazio su disco."),
                     what + QStringLiteral(": ") + e.text());
}

QString stamp(const QDateTime& t)
{
    return t.toUTC().toString(Qt::ISODateWithMs);
}

QDateTime parseStamp(const QString& s)
{
    QDateTime t = QDateTime::fromString(s, Qt::ISODateWithMs);
    t.setTimeSpec(Qt::UTC);
    return t;
}

const char* const selectColumns
    = "key, kind, state, structure_id, voucher_id, purchase_id, amount_cents, receipt_sha256, movement_id, "
      "message, created_at, updated_at, attempts, method, path, content_type, body, operator_id";

JournalEntry readEntry(const QSqlQuery& q)
{
    JournalEntry e;
    e.idempotencyKey = q.value(0).toString();
    e.kind = q.value(1).toString() == QLatin1String("cancellation") ? JournalEntry::Kind::Cancellation
                                                                    : JournalEntry::Kind::Purchase;
    e.state = journalStateFromString(q.value(2).toString()).value_or(JournalEntry::State::Unknown);
    e.structureId = q.value(3).toString();
    e.voucherId = q.value(4).toString();
    e.purchaseId = q.value(5).toString();
    e.amount = Money::fromCents(q.value(6).toLongLong());
    e.receiptSha256 = q.value(7).toByteArray();
    e.movementId = q.value(8).toString();
    e.message = q.value(9).toString();
    e.createdAt = parseStamp(q.value(10).toString());
    e.updatedAt = parseStamp(q.value(11).toString());
    e.attempts = q.value(12).toInt();
    e.method = q.value(13).toByteArray();
    e.path = q.value(14).toString();
    e.contentType = q.value(15).toByteArray();
    e.body = q.value(16).toByteArray();
    e.operatorId = q.value(17).toString();
    return e;
}

} // namespace

QString journalStateName(JournalEntry::State s)
{
    switch (s) {
    case JournalEntry::State::Pending:
        return QStringLiteral("pending");
    case JournalEntry::State::Sent:
        return QStringLiteral("sent");
    case JournalEntry::State::Confirmed:
        return QStringLiteral("confirmed");
    case JournalEntry::State::Failed:
        return QStringLiteral("failed");
    case JournalEntry::State::Unknown:
        return QStringLiteral("unknown");
    }
    return {};
}

std::optional<JournalEntry::State> journalStateFromString(const QString& s)
{
    for (auto st : {JournalEntry::State::Pending, JournalEntry::State::Sent, JournalEntry::State::Confirmed,
                    JournalEntry::State::Failed, JournalEntry::State::Unknown})
        if (journalStateName(st) == s)
            return st;
    return std::nullopt;
}

QString JournalEntry::outcomeText() const
{
    const QString what = kind == Kind::Purchase ? Texts::tr("Acquisto di %1").arg(amount.toString())
                                                : Texts::tr("Cancellazione di %1").arg(amount.toString());
    switch (state) {
    case State::Confirmed:
        return Texts::tr("%1 registrato").arg(what);
    case State::Failed:
        return Texts::tr("%1 non registrato").arg(what);
    case State::Pending:
    case State::Sent:
    case State::Unknown:
        break;
    }
    return Texts::tr("%1 in verifica con il server").arg(what);
}

QString OperationJournal::defaultFilePath()
{
    return QStandardPaths::writableLocation(QStandardPaths::AppLocalDataLocation) + QStringLiteral("/journal.sqlite");
}

OperationJournal::OperationJournal(const Clock& clock, QObject* parent)
    : QObject(parent)
    , m_clock(clock)
    , m_connection(QStringLiteral("journal-") + QUuid::createUuid().toString(QUuid::WithoutBraces))
{
}

OperationJournal::~OperationJournal()
{
    if (QSqlDatabase::contains(m_connection)) {
        QSqlDatabase::database(m_connection, false).close();
        QSqlDatabase::removeDatabase(m_connection);
    }
}

bool OperationJournal::isOpen() const
{
    return QSqlDatabase::contains(m_connection) && QSqlDatabase::database(m_connection, false).isOpen();
}

Result<void> OperationJournal::open(const QString& filePath)
{
    Result<void> r = openFile(filePath);
    if (!r.ok() && QSqlDatabase::contains(m_connection))
        QSqlDatabase::database(m_connection, false).close(); // isOpen() stays false: nothing is written
    return r;
}

Result<void> OperationJournal::openFile(const QString& filePath)
{
    m_path = filePath;
    QDir().mkpath(QFileInfo(filePath).absolutePath());
    QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), m_connection);
    db.setDatabaseName(filePath);
    db.setConnectOptions(QStringLiteral("QSQLITE_BUSY_TIMEOUT=5000"));
    if (!db.open())
        return dbError(QStringLiteral("open"), db.lastError());
    QSqlQuery q(db);
    if (!q.exec(QStringLiteral("PRAGMA quick_check")) || !q.next() || q.value(0).toString() != QLatin1String("ok")) {
        // Never set aside: the file may be the only record of an unknown debit. The UI must say so.
        return makeError(QStringLiteral("journal.corrupt"),
                         Texts::tr("Il registro delle operazioni è danneggiato: contatta l'assistenza prima di "
                                   "ripetere acquisti."),
                         filePath);
    }
    q.finish();
    const char* const setup[] = {
        "PRAGMA journal_mode=WAL",
        "PRAGMA synchronous=FULL",
        "CREATE TABLE IF NOT EXISTS intents (key TEXT PRIMARY KEY, kind TEXT NOT NULL, state TEXT NOT NULL, "
        "structure_id TEXT NOT NULL, voucher_id TEXT NOT NULL, purchase_id TEXT, amount_cents INTEGER NOT NULL, "
        "receipt_sha256 TEXT, movement_id TEXT, message TEXT, created_at TEXT NOT NULL, updated_at TEXT NOT NULL, "
        "attempts INTEGER NOT NULL DEFAULT 0, method TEXT, path TEXT, content_type TEXT, body BLOB, operator_id TEXT)",
        "CREATE INDEX IF NOT EXISTS intents_state ON intents(state, created_at)",
        "CREATE INDEX IF NOT EXISTS intents_movement ON intents(movement_id)",
        "CREATE TABLE IF NOT EXISTS drafts (operator_id TEXT NOT NULL, structure_id TEXT NOT NULL, voucher_id TEXT, "
        "amount_text TEXT, receipt_name TEXT, receipt BLOB, saved_at TEXT NOT NULL, "
        "PRIMARY KEY (operator_id, structure_id))",
    };
    for (const char* sql : setup) {
        if (!q.exec(QString::fromLatin1(sql)))
            return dbError(QStringLiteral("setup"), q.lastError());
    }
    return {};
}

Result<void> OperationJournal::record(const JournalEntry& e)
{
    if (!isOpen())
        return makeError(QStringLiteral("journal.closed"), Texts::tr("Registro delle operazioni non disponibile."));
    QSqlQuery q(QSqlDatabase::database(m_connection));
    q.prepare(
        QStringLiteral("INSERT INTO intents (key, kind, state, structure_id, voucher_id, purchase_id, "
                       "amount_cents, receipt_sha256, movement_id, message, created_at, updated_at, attempts, "
                       "method, path, content_type, body, operator_id) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,0,?,?,?,?,?)"));
    const QString now = stamp(m_clock.now());
    q.addBindValue(e.idempotencyKey);
    q.addBindValue(e.kind == JournalEntry::Kind::Cancellation ? QStringLiteral("cancellation")
                                                              : QStringLiteral("purchase"));
    q.addBindValue(journalStateName(JournalEntry::State::Pending));
    q.addBindValue(e.structureId);
    q.addBindValue(e.voucherId);
    q.addBindValue(e.purchaseId);
    q.addBindValue(e.amount.cents());
    q.addBindValue(QString::fromLatin1(e.receiptSha256));
    q.addBindValue(QString());
    q.addBindValue(QString());
    q.addBindValue(e.createdAt.isValid() ? stamp(e.createdAt) : now);
    q.addBindValue(now);
    q.addBindValue(QString::fromLatin1(e.method));
    q.addBindValue(e.path);
    q.addBindValue(QString::fromLatin1(e.contentType));
    q.addBindValue(e.body);
    q.addBindValue(e.operatorId);
    if (!q.exec())
        return dbError(QStringLiteral("record"), q.lastError());
    Q_EMIT entryChanged(e.idempotencyKey);
    return {};
}

Result<void> OperationJournal::setState(const QString& key, JournalEntry::State state, const QString& movementId,
                                        const QString& message, bool dropBody, bool countAttempt)
{
    if (!isOpen())
        return makeError(QStringLiteral("journal.closed"), Texts::tr("Registro delle operazioni non disponibile."));
    QSqlQuery q(QSqlDatabase::database(m_connection));
    q.prepare(QStringLiteral("UPDATE intents SET state = ?, movement_id = COALESCE(NULLIF(?, ''), movement_id), "
                             "message = ?, updated_at = ?, attempts = attempts + ?, "
                             "body = CASE WHEN ? THEN NULL ELSE body END "
                             "WHERE key = ? AND state NOT IN ('confirmed', 'failed')"));
    q.addBindValue(journalStateName(state));
    q.addBindValue(movementId);
    q.addBindValue(message);
    q.addBindValue(stamp(m_clock.now()));
    q.addBindValue(countAttempt ? 1 : 0);
    q.addBindValue(dropBody ? 1 : 0);
    q.addBindValue(key);
    if (!q.exec())
        return dbError(QStringLiteral("update"), q.lastError());
    if (q.numRowsAffected() != 1) {
        // A settled intent (confirmed or failed) never moves again: a late replay or a duplicate
        // answer must not turn a confirmed purchase back into one to send.
        const std::optional<JournalEntry> current = entry(key);
        if (!current)
            return makeError(QStringLiteral("journal.unknown_key"), Texts::tr("Operazione non trovata nel registro."));
        if (current->state == state)
            return {};
        return makeError(QStringLiteral("journal.settled"), Texts::tr("Operazione già conclusa nel registro."));
    }
    Q_EMIT entryChanged(key);
    return {};
}

Result<void> OperationJournal::markSent(const QString& key)
{
    return setState(key, JournalEntry::State::Sent, {}, {}, false, true);
}

Result<void> OperationJournal::markConfirmed(const QString& key, const QString& movementId, const QString& message)
{
    return setState(key, JournalEntry::State::Confirmed, movementId, message, true, false);
}

Result<void> OperationJournal::markFailed(const QString& key, const QString& message)
{
    return setState(key, JournalEntry::State::Failed, {}, message, true, false);
}

Result<void> OperationJournal::markUnknown(const QString& key, const QString& message)
{
    return setState(key, JournalEntry::State::Unknown, {}, message, false, false);
}

std::optional<JournalEntry> OperationJournal::entry(const QString& key) const
{
    if (!isOpen())
        return std::nullopt;
    QSqlQuery q(QSqlDatabase::database(m_connection));
    q.prepare(QStringLiteral("SELECT %1 FROM intents WHERE key = ?").arg(QLatin1String(selectColumns)));
    q.addBindValue(key);
    if (!q.exec() || !q.next())
        return std::nullopt;
    return readEntry(q);
}

std::optional<QString> OperationJournal::keyOfMovement(const QString& movementId) const
{
    if (!isOpen() || movementId.isEmpty())
        return std::nullopt;
    QSqlQuery q(QSqlDatabase::database(m_connection));
    q.prepare(QStringLiteral("SELECT key FROM intents WHERE movement_id = ? LIMIT 1"));
    q.addBindValue(movementId);
    if (!q.exec() || !q.next())
        return std::nullopt;
    return q.value(0).toString();
}

QList<JournalEntry> OperationJournal::unresolved() const
{
    QList<JournalEntry> out;
    if (!isOpen())
        return out;
    QSqlQuery q(QSqlDatabase::database(m_connection));
    q.setForwardOnly(true);
    if (!q.exec(QStringLiteral("SELECT %1 FROM intents WHERE state IN ('pending','sent','unknown') "
                               "ORDER BY created_at")
                    .arg(QLatin1String(selectColumns))))
        return out;
    while (q.next())
        out.append(readEntry(q));
    return out;
}

QList<JournalEntry> OperationJournal::recent(int limit) const
{
    QList<JournalEntry> out;
    if (!isOpen())
        return out;
    QSqlQuery q(QSqlDatabase::database(m_connection));
    q.setForwardOnly(true);
    q.prepare(
        QStringLiteral("SELECT %1 FROM intents ORDER BY created_at DESC LIMIT ?").arg(QLatin1String(selectColumns)));
    q.addBindValue(limit);
    if (!q.exec())
        return out;
    while (q.next())
        out.append(readEntry(q));
    return out;
}

Result<void> OperationJournal::saveDraft(const PurchaseDraft& d)
{
    if (!isOpen())
        return makeError(QStringLiteral("journal.closed"), Texts::tr("Registro delle operazioni non disponibile."));
    QSqlQuery q(QSqlDatabase::database(m_connection));
    q.prepare(QStringLiteral("INSERT OR REPLACE INTO drafts (operator_id, structure_id, voucher_id, amount_text, "
                             "receipt_name, receipt, saved_at) VALUES (?,?,?,?,?,?,?)"));
    q.addBindValue(d.operatorId);
    q.addBindValue(d.structureId);
    q.addBindValue(d.voucherId);
    q.addBindValue(d.amountText);
    q.addBindValue(d.receiptFileName);
    q.addBindValue(d.receiptBytes);
    q.addBindValue(stamp(d.savedAt.isValid() ? d.savedAt : m_clock.now()));
    if (!q.exec())
        return dbError(QStringLiteral("draft"), q.lastError());
    return {};
}

std::optional<PurchaseDraft> OperationJournal::draft(const QString& operatorId, const QString& structureId) const
{
    if (!isOpen())
        return std::nullopt;
    QSqlQuery q(QSqlDatabase::database(m_connection));
    q.prepare(QStringLiteral("SELECT voucher_id, amount_text, receipt_name, receipt, saved_at FROM drafts "
                             "WHERE operator_id = ? AND structure_id = ?"));
    q.addBindValue(operatorId);
    q.addBindValue(structureId);
    if (!q.exec() || !q.next())
        return std::nullopt;
    PurchaseDraft d;
    d.operatorId = operatorId;
    d.structureId = structureId;
    d.voucherId = q.value(0).toString();
    d.amountText = q.value(1).toString();
    d.receiptFileName = q.value(2).toString();
    d.receiptBytes = q.value(3).toByteArray();
    d.savedAt = parseStamp(q.value(4).toString());
    return d;
}

Result<void> OperationJournal::clearDraft(const QString& operatorId, const QString& structureId)
{
    if (!isOpen())
        return makeError(QStringLiteral("journal.closed"), Texts::tr("Registro delle operazioni non disponibile."));
    QSqlQuery q(QSqlDatabase::database(m_connection));
    q.prepare(QStringLiteral("DELETE FROM drafts WHERE operator_id = ? AND structure_id = ?"));
    q.addBindValue(operatorId);
    q.addBindValue(structureId);
    if (!q.exec())
        return dbError(QStringLiteral("draft"), q.lastError());
    return {};
}

} // namespace sinfonia
