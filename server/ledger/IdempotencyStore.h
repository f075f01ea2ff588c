#pragma once

#include "core/domain/Clock.h"
#include "core/domain/Result.h"

#include <QByteArray>
#include <QSqlDatabase>
#include <QString>

namespace sinfonia::ledger {

class Database;

// Idempotency-Key store (IETF httpapi draft). The HTTP layer, for every state-changing request:
//   1. claim(key) — atomic thanks to a unique key: of N parallel identical requests exactly one
//      gets Claimed, the others InProgress (answer 409) or, once completed, Replay.
//   2. Claimed  -> run the operation, then complete() with the response it sends (also for 4xx,
//      so a retry gets the same answer) or release() if nothing happened (5xx, crash-safe retry).
//      InProgress -> 409 "idempotency.in_progress". Mismatch -> 422 "idempotency.key_reused"
//      (same key, other method/path/body). Replay -> send the stored status/contentType/body.
// One commit per request (the Router's path for the ledger's movement commands): lookup() reads
// what a key already has (nothing is written: Claimed means "run it"), the operation runs, and
// storeIn() writes the COMPLETED answer inside the operation's own transaction, so the effect and
// its answer commit together or not at all. Of parallel requests with one key only the first
// storeIn() succeeds (the primary key again); the others roll back and replay its answer.
// Keys are scoped per operator and kept >= 48 h (purgeExpired removes older ones).
// An IN_PROGRESS claim older than the lease (default 120 s, e.g. after a crash) can be taken over.
class IdempotencyStore
{
public:
    struct Request
    {
        QString key; // header value, 1..255 printable characters
        QString operatorId; // codice fiscale of the token's operator (or client id)
        QString method; // "POST"
        QString path; // "/api/v1/..."
        QByteArray bodyHash; // e.g. SHA-256 of the raw body; use hashBody()
    };
    enum class Outcome
    {
        Claimed,
        InProgress,
        Mismatch,
        Replay
    };
    struct Claim
    {
        Outcome outcome = Outcome::Claimed;
        int status = 0; // Replay only
        QByteArray contentType;
        QByteArray body;
    };

    IdempotencyStore(Database& db, const Clock& clock);

    static QByteArray hashBody(const QByteArray& body);
    // "idempotency.key_invalid" for an empty or too long key.
    Result<Claim> claim(const Request& r);
    Result<void> complete(const Request& r, int status, const QByteArray& contentType, const QByteArray& body);
    Result<void> release(const Request& r);
    // Read only: Claimed when the key has no answer yet (or only a claim past its lease).
    Result<Claim> lookup(const Request& r);
    // Like lookup() on the connection of an open transaction.
    Result<Claim> lookupIn(QSqlDatabase& db, const Request& r);
    // Inside the caller's write transaction: the COMPLETED answer. False when another request
    // already stored one for the key (or holds a live claim on it): roll back and lookup() again.
    Result<bool> storeIn(QSqlDatabase& db, const Request& r, int status, const QByteArray& contentType,
                         const QByteArray& body);
    // Deletes keys created before now - retentionSecs (default 48 h). Returns how many.
    Result<int> purgeExpired(qint64 retentionSecs = 48 * 3600);

    void setLeaseSecs(int secs) { m_leaseSecs = secs; }

private:
    Database& m_db;
    const Clock& m_clock;
    int m_leaseSecs = 120;
};

} // namespace sinfonia::ledger
