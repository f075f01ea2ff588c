#pragma once

#include "core/domain/Money.h"
#include "core/domain/Result.h"

#include <QByteArray>
#include <QDateTime>
#include <QList>
#include <QObject>
#include <QString>
#include <optional>

namespace sinfonia {

class Clock;

// One state-changing operation the counter asked for, written to disk BEFORE it is sent. It keeps the
// exact request (method, path, body, Idempotency-Key) so a dropped response or a crash is resolved by
// replaying the very same request: the server answers with the stored response, never a second debit.
struct JournalEntry
{
    enum class Kind
    {
        Purchase,
        Cancellation
    };
    // Pending: saved, not yet handed to the network. Sent: on the wire. Confirmed: the server answered
    // and the answer matches the intent. Failed: the server refused it (nothing recorded). Unknown: no
    // usable answer; reconciliation will replay it.
    enum class State
    {
        Pending,
        Sent,
        Confirmed,
        Failed,
        Unknown
    };

    QString idempotencyKey;
    // Keys are scoped to the operator at the server: only the same operator may replay an intent
    // (replayed by someone else it would be a new purchase).
    QString operatorId;
    Kind kind = Kind::Purchase;
    State state = State::Pending;
    QString structureId;
    QString voucherId;
    QString purchaseId; // cancellation: the purchase it revokes
    Money amount;
    QByteArray receiptSha256; // hex, purchases only
    QString movementId; // set when the server confirmed
    QString message; // Italian outcome text for the clerk, or the server's error
    QDateTime createdAt; // UTC
    QDateTime updatedAt; // UTC
    int attempts = 0;

    // The request to replay (the body is dropped once the outcome is final).
    QByteArray method;
    QString path;
    QByteArray contentType;
    QByteArray body;

    bool isResolved() const { return state == State::Confirmed || state == State::Failed; }
    // "Acquisto di 12,50 € registrato" / "... non registrato" / "... in verifica".
    QString outcomeText() const;
};

QString journalStateName(JournalEntry::State s);
std::optional<JournalEntry::State> journalStateFromString(const QString& s);

// A half-filled purchase the clerk should not lose across an expired session or a re-login.
struct PurchaseDraft
{
    QString operatorId; // drafts belong to one operator: another operator never sees them
    QString structureId;
    QString voucherId;
    QString amountText; // as typed
    QString receiptFileName; // display name only
    QByteArray receiptBytes; // the prepared receipt (≤ 5 MB)
    QDateTime savedAt; // UTC
};

// The operation journal: its own SQLite file, WAL with synchronous=FULL so an intent that
// record() returned for survives a power cut. Used from one thread (the GUI thread: each write is
// one small fsync'd row, and it must be on disk before the request leaves).
class OperationJournal : public QObject
{
    Q_OBJECT
public:
    // Stamps (created, updated, draft saved) come from `clock`.
    explicit OperationJournal(const Clock& clock, QObject* parent = nullptr);
    ~OperationJournal() override;

    // Opens (creating) the journal file; an unreadable file is an error, never silently replaced:
    // it may hold the only record of an unknown debit.
    Result<void> open(const QString& filePath);
    bool isOpen() const;
    QString filePath() const { return m_path; }

    // Saves a new intent in state Pending. Fails if the key exists.
    Result<void> record(const JournalEntry& entry);
    Result<void> markSent(const QString& key);
    Result<void> markConfirmed(const QString& key, const QString& movementId, const QString& message = {});
    Result<void> markFailed(const QString& key, const QString& message);
    Result<void> markUnknown(const QString& key, const QString& message = {});

    std::optional<JournalEntry> entry(const QString& key) const;
    // The key of the intent the server confirmed as `movementId` (a movement is one intent's).
    std::optional<QString> keyOfMovement(const QString& movementId) const;
    // Pending, Sent or Unknown: what reconciliation must resolve, oldest first.
    QList<JournalEntry> unresolved() const;
    // Latest entries for the UI list, newest first.
    QList<JournalEntry> recent(int limit = 50) const;

    // One draft per operator and structure (saving again replaces it).
    Result<void> saveDraft(const PurchaseDraft& draft);
    std::optional<PurchaseDraft> draft(const QString& operatorId, const QString& structureId) const;
    Result<void> clearDraft(const QString& operatorId, const QString& structureId);

    // <AppLocalDataLocation>/journal.sqlite
    static QString defaultFilePath();

Q_SIGNALS:
    void entryChanged(const QString& idempotencyKey);

private:
    Result<void> openFile(const QString& filePath);
    Result<void> setState(const QString& key, JournalEntry::State state, const QString& movementId,
                          const QString& message, bool dropBody, bool countAttempt);

    const Clock& m_clock;
    QString m_connection;
    QString m_path;
};

} // namespace sinfonia
