#include "server/ledger/OtpManager.h"

#include "core/domain/ErrorCodes.h"
#include "core/domain/Money.h"
#include "server/ledger/AuditLog.h"
#include "server/ledger/Database.h"
#include "server/ledger/LedgerErrors.h"
#include "server/ledger/LedgerRows.h"
#include "server/ledger/PendingVoids.h"
#include "server/ledger/SmsSeal.h"
#include "server/ledger/SqlUtil.h"

#include <QCryptographicHash>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <type_traits>

namespace sinfonia::ledger {

namespace {

// A movement can get at most this many challenges (first send + later authorizations), so the
// total number of guesses on one movement stays bounded.
constexpr int maxChallengesPerMovement = 5;

QString randomHex(int bytes)
{
    QByteArray b(bytes, Qt::Uninitialized);
    QRandomGenerator::system()->fillRange(reinterpret_cast<quint32*>(b.data()), bytes / 4);
    return QString::fromLatin1(b.toHex());
}

bool constantTimeEquals(const QString& a, const QString& b)
{
    if (a.size() != b.size())
        return false;
    ushort diff = 0;
    for (qsizetype i = 0; i < a.size(); ++i)
        diff |= a.at(i).unicode() ^ b.at(i).unicode();
    return diff == 0;
}

} // namespace

OtpManager::OtpManager(Database& db, const Clock& clock, SmsSender& sms, PendingVoids& voids, AuditLog& audit,
                       LedgerOptions options)
    : m_db(db)
    , m_clock(clock)
    , m_sms(sms)
    , m_voids(voids)
    , m_audit(audit)
    , m_options(options)
{
}

QString OtpManager::hashCode(const QString& salt, const MovementView& m, const QString& code) const
{
    const QString material = salt + QLatin1Char('|') + QString::number(m.rowId) + QLatin1Char('|')
        + QString::number(m.amountCents) + QLatin1Char('|') + m.structureId + QLatin1Char('|') + code;
    return QString::fromLatin1(QCryptographicHash::hash(material.toUtf8(), QCryptographicHash::Sha256).toHex());
}

SmsMessage OtpManager::smsFor(const MovementView& m, const QString& phone, const QString& code) const
{
    const QString what
        = m.type == MovementType::Acquisto ? QStringLiteral("l'acquisto") : QStringLiteral("la cancellazione");
    SmsMessage sms;
    sms.phone = phone;
    sms.otp = code;
    sms.movementId = m.id;
    sms.voucherId = m.voucherId;
    sms.text = QStringLiteral("Voucher secondogeniti: il codice %1 autorizza %2 di %3 presso %4. "
                              "Valido %5 minuti. Non comunicarlo ad altri.")
                   .arg(code, what, Money::fromCents(m.amountCents).toString(), m.merchantName)
                   .arg(m_options.otpValiditySecs / 60);
    return sms;
}

Result<OtpManager::Issued> OtpManager::issue(QSqlDatabase& db, const MovementView& m, const QString& phone)
{
    const qint64 now = sql::nowMs(m_clock);
    auto voided = sql::exec(
        db, QStringLiteral("UPDATE otp_challenges SET state = 'VOID' WHERE movement_id = ? AND state = 'ACTIVE'"),
        {sql::big(m.rowId)});
    if (!voided)
        return voided.error();
    const QString code
        = QStringLiteral("%1").arg(QRandomGenerator::system()->bounded(1000000), 6, 10, QLatin1Char('0'));
    const QString salt = randomHex(16);
    auto ins = sql::first(
        db,
        QStringLiteral("INSERT INTO otp_challenges (movement_id, structure_id, amount_cents, salt,"
                       " code_hash, phone, created_at_ms, expires_at_ms, last_sent_at_ms, resends,"
                       " failures, state) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 0, 0, 'ACTIVE') RETURNING id"),
        {sql::big(m.rowId), m.structureId, sql::big(m.amountCents), salt, hashCode(salt, m, code), phone, sql::big(now),
         sql::big(now + qint64(m_options.otpValiditySecs) * 1000), sql::big(now)});
    if (!ins)
        return ins.error();
    Issued issued;
    issued.challengeId = ins->value("id").toLongLong();
    issued.sms = smsFor(m, phone, code);
    auto pending = stashPending(db, m.rowId, issued.sms, now + qint64(m_options.otpValiditySecs) * 1000);
    if (!pending)
        return pending.error();
    issued.pendingId = *pending;
    return issued;
}

Result<qint64> OtpManager::stashPending(QSqlDatabase& db, qint64 movementId, const SmsMessage& sms, qint64 expiresAtMs)
{
    if (!m_seal || sendsInTransaction())
        return qint64(0);
    // An older message of the movement carries a code that no longer works.
    auto old = sql::exec(db, QStringLiteral("DELETE FROM sms_pending WHERE movement_id = ?"), {sql::big(movementId)});
    if (!old)
        return old.error();
    const QByteArray plain = QJsonDocument(QJsonObject {{QStringLiteral("phone"), sms.phone},
                                                        {QStringLiteral("text"), sms.text},
                                                        {QStringLiteral("movementId"), sms.movementId},
                                                        {QStringLiteral("voucherId"), sms.voucherId}})
                                 .toJson(QJsonDocument::Compact);
    const QByteArray sealed = m_seal->seal(plain);
    if (sealed.isEmpty())
        return errors::make(codes::dbError, QStringLiteral("cannot seal the SMS"));
    auto ins = sql::first(db,
                          QStringLiteral("INSERT INTO sms_pending (movement_id, sealed, created_at_ms, expires_at_ms)"
                                         " VALUES (?, ?, ?, ?) RETURNING id"),
                          {sql::big(movementId), sealed, sql::big(sql::nowMs(m_clock)), sql::big(expiresAtMs)});
    if (!ins)
        return ins.error();
    return ins->value("id").toLongLong();
}

void OtpManager::dropPending(qint64 pendingId)
{
    if (pendingId <= 0)
        return;
    WriteTransaction tx(m_db);
    if (!tx.ok())
        return;
    if (sql::exec(tx.db(), QStringLiteral("DELETE FROM sms_pending WHERE id = ?"), {sql::big(pendingId)}))
        (void)tx.commit();
}

bool OtpManager::sendsInTransaction() const
{
    return m_sms.writesTo(m_db);
}

Result<void> OtpManager::deliverInTransaction(const Issued& issued)
{
    // The sender writes through this thread's connection, which is the open transaction's.
    return m_sms.send(issued.sms);
}

bool OtpManager::deliver(const Issued& issued)
{
    auto sent = m_sms.send(issued.sms);
    // Accepted by the gateway, or refused and reported to the clerk, who sends a new code: the
    // sealed copy has served either way.
    dropPending(issued.pendingId);
    if (sent)
        return true;
    qCWarning(lcLedger) << "OTP SMS not delivered for movement" << issued.sms.movementId << sent.error().detail;
    // "Invia nuovamente" works at once: the cooldown counts from a message that arrived.
    WriteTransaction tx(m_db);
    if (tx.ok()
        && sql::exec(tx.db(), QStringLiteral("UPDATE otp_challenges SET last_sent_at_ms = ? WHERE id = ?"),
                     {sql::big(sql::nowMs(m_clock) - qint64(m_options.otpResendCooldownSecs) * 1000),
                      sql::big(issued.challengeId)}))
        (void)tx.commit();
    return false;
}

Result<int> OtpManager::deliverPending(int minAgeSecs)
{
    if (!m_seal)
        return 0;
    const qint64 now = sql::nowMs(m_clock);
    {
        WriteTransaction tx(m_db);
        if (!tx.ok())
            return *tx.beginError();
        auto expired
            = sql::exec(tx.db(), QStringLiteral("DELETE FROM sms_pending WHERE expires_at_ms <= ?"), {sql::big(now)});
        if (!expired)
            return expired.error();
        if (auto committed = tx.commit(); !committed)
            return committed.error();
    }
    QSqlDatabase db = m_db.connection();
    auto rowsLeft = sql::all(db,
                             QStringLiteral("SELECT id, sealed FROM sms_pending WHERE created_at_ms <= ?"
                                            " ORDER BY id LIMIT 500"),
                             {sql::big(now - qint64(minAgeSecs) * 1000)});
    if (!rowsLeft)
        return rowsLeft.error();
    int sent = 0;
    for (const sql::Row& row : *rowsLeft) {
        const qint64 id = row.value("id").toLongLong();
        auto plain = m_seal->open(row.value("sealed").toByteArray());
        if (!plain) {
            qCWarning(lcLedger) << "pending SMS" << id << "cannot be opened, dropped:" << plain.error().detail;
            dropPending(id);
            continue;
        }
        const QJsonObject o = QJsonDocument::fromJson(*plain).object();
        SmsMessage sms;
        sms.phone = o.value(QStringLiteral("phone")).toString();
        sms.text = o.value(QStringLiteral("text")).toString();
        sms.movementId = o.value(QStringLiteral("movementId")).toString();
        sms.voucherId = o.value(QStringLiteral("voucherId")).toString();
        if (m_sms.send(sms)) {
            dropPending(id);
            ++sent;
        }
    }
    if (sent > 0)
        qCInfo(lcLedger) << sent << "pending OTP SMS sent after a restart";
    return sent;
}

Result<OtpChallengeView> OtpManager::view(QSqlDatabase& db, const MovementView& m)
{
    auto q = sql::first(db,
                        QStringLiteral("SELECT id, expires_at_ms, last_sent_at_ms, resends, failures, state, phone"
                                       " FROM otp_challenges WHERE movement_id = ? ORDER BY id DESC LIMIT 1"),
                        {sql::big(m.rowId)});
    if (!q)
        return q.error();
    if (!q->isValid())
        return errors::make(codes::otpNotFound);
    const bool active = q->value("state").toString() == QLatin1String("ACTIVE");
    OtpChallengeView v;
    v.challengeId = QString::number(q->value("id").toLongLong());
    v.movement = m;
    v.expiresAt = sql::fromMs(q->value("expires_at_ms").toLongLong());
    v.resendAvailableAt
        = sql::fromMs(q->value("last_sent_at_ms").toLongLong() + qint64(m_options.otpResendCooldownSecs) * 1000);
    v.resendsLeft = active ? qMax(0, m_options.otpMaxResends - q->value("resends").toInt()) : 0;
    v.attemptsLeft = active ? qMax(0, m_options.otpMaxFailures - q->value("failures").toInt()) : 0;
    v.maskedPhone = rows::maskPhone(q->value("phone").toString());
    return v;
}

namespace {

// Why there is no active challenge: the latest one was locked, used, or there is none.
Error missingChallenge(QSqlDatabase& db, qint64 movementId, int maxFailures)
{
    auto q = sql::first(db,
                        QStringLiteral("SELECT state, failures FROM otp_challenges WHERE movement_id = ?"
                                       " ORDER BY id DESC LIMIT 1"),
                        {sql::big(movementId)});
    if (!q)
        return q.error();
    if (q->isValid() && q->value("state").toString() == QLatin1String("USED"))
        return errors::make(codes::otpUsed);
    if (q->isValid() && q->value("failures").toInt() >= maxFailures)
        return errors::make(codes::otpLocked);
    return errors::make(codes::otpNotFound);
}

// The movement's ACTIVE challenge, locked for the rest of the transaction (`forUpdate` is the
// database's row-lock suffix), or why there is none.
struct ActiveChallenge
{
    qint64 id = 0;
    QString salt;
    QString codeHash;
    qint64 expiresAtMs = 0;
    qint64 lastSentAtMs = 0;
    int failures = 0;
    int resends = 0;
    QString phone;
};

Result<ActiveChallenge> lockActiveChallenge(QSqlDatabase& db, qint64 movementId, const QString& forUpdate,
                                            int maxFailures)
{
    auto q = sql::first(db,
                        QStringLiteral("SELECT id, salt, code_hash, expires_at_ms, last_sent_at_ms, failures, resends,"
                                       " phone FROM otp_challenges WHERE movement_id = ? AND state = 'ACTIVE'")
                            + forUpdate,
                        {sql::big(movementId)});
    if (!q)
        return q.error();
    if (!q->isValid())
        return missingChallenge(db, movementId, maxFailures);
    return ActiveChallenge {q->value("id").toLongLong(),
                            q->value("salt").toString(),
                            q->value("code_hash").toString(),
                            q->value("expires_at_ms").toLongLong(),
                            q->value("last_sent_at_ms").toLongLong(),
                            q->value("failures").toInt(),
                            q->value("resends").toInt(),
                            q->value("phone").toString()};
}

// A movement read again under its voucher's row lock (taken first, as by every writer), with the
// voucher's stored state.
struct LockedMovement
{
    rows::LockedVoucher voucher;
    MovementView movement;
};

Result<LockedMovement> lockMovement(QSqlDatabase& db, qint64 voucherId, qint64 movementId, const QString& structureId,
                                    QDate today, bool postgres)
{
    auto voucher = rows::lockVoucher(db, voucherId, postgres);
    if (!voucher)
        return voucher.error();
    auto m = rows::movementById(db, movementId, structureId, today);
    if (!m)
        return m.error();
    return LockedMovement {voucher.value(), m.value()};
}

Error notPending(QSqlDatabase&)
{
    return errors::make(codes::movementNotPending);
}

// Runs body(tx, locked) on a movement of the structure that must still be IN_ATTESA, inside a
// write transaction that holds its voucher's lock (the voucher is found outside the transaction).
// The voucher's stale pending purchases expire first (committed even when the answer is a
// refusal). A voided or expired purchase answers "otp.purchase_voided": its OTP no longer works.
// Any other movement no longer pending answers whenNotPending(db), by default "movement.not_pending".
template<typename F, typename NotPending = Error (*)(QSqlDatabase&)>
auto onPendingMovement(Database& database, PendingVoids& voids, QDate today, qint64 id, const QString& structureId,
                       F body, NotPending whenNotPending = &notPending)
    -> std::invoke_result_t<F&, WriteTransaction&, const LockedMovement&>
{
    QSqlDatabase conn = database.connection();
    auto before = rows::movementById(conn, id, structureId, today);
    if (!before)
        return before.error();
    const qint64 voucherId = before->voucherRowId;
    WriteTransaction tx(database);
    if (!tx.ok())
        return *tx.beginError();
    auto lockedRow = lockMovement(tx.db(), voucherId, id, structureId, today, database.isPostgres());
    if (!lockedRow)
        return lockedRow.error();
    LockedMovement locked = *lockedRow;
    auto expired = voids.expireLocked(tx.db(), voucherId);
    if (!expired)
        return expired.error();
    if (*expired > 0) {
        auto m = rows::movementById(tx.db(), id, structureId, today);
        if (!m)
            return m.error();
        locked.movement = *m;
    }
    if (locked.movement.state == MovementState::Annullato) {
        if (*expired > 0) {
            if (auto committed = tx.commit(); !committed)
                return committed.error();
        }
        return errors::make(codes::otpPurchaseVoided);
    }
    if (locked.movement.state != MovementState::InAttesa) {
        if (*expired > 0) {
            if (auto committed = tx.commit(); !committed)
                return committed.error();
        }
        return whenNotPending(tx.db());
    }
    return body(tx, locked);
}

} // namespace

Result<OtpChallengeView> OtpManager::authorize(const StructureInfo& structure, const QString& movementId)
{
    QSqlDatabase conn = m_db.connection();
    auto rowId = rows::movementRowId(conn, movementId, structure.id);
    if (!rowId)
        return rowId.error();
    const qint64 id = *rowId;
    return onPendingMovement(
        m_db, m_voids, m_clock.todayInRome(), id, structure.id,
        [&](WriteTransaction& tx, const LockedMovement& locked) -> Result<OtpChallengeView> {
            QSqlDatabase& db = tx.db();
            const MovementView& m = locked.movement;
            auto stats
                = sql::first(db,
                             QStringLiteral("SELECT COUNT(*) AS challenges, MAX(last_sent_at_ms) AS last_sent_at_ms"
                                            " FROM otp_challenges WHERE movement_id = ?"),
                             {sql::big(id)});
            if (!stats)
                return stats.error();
            if (stats->value("challenges").toInt() >= maxChallengesPerMovement)
                return errors::make(codes::otpResendLimit);
            const QVariant lastSent = stats->value("last_sent_at_ms");
            if (!lastSent.isNull()
                && sql::nowMs(m_clock) < lastSent.toLongLong() + qint64(m_options.otpResendCooldownSecs) * 1000)
                return errors::make(codes::otpResendCooldown);
            auto issued = issue(db, m, locked.voucher.phone);
            if (!issued)
                return issued.error();
            if (sendsInTransaction()) {
                if (auto sent = deliverInTransaction(*issued); !sent)
                    return sent.error();
                return tx.commitWith(view(db, m));
            }
            auto v = tx.commitWith(view(db, m));
            if (v && !deliver(*issued))
                return errors::make(codes::smsNotSent);
            return v;
        });
}

Result<OtpChallengeView> OtpManager::resend(const StructureInfo& structure, const QString& movementId)
{
    QSqlDatabase conn = m_db.connection();
    auto rowId = rows::movementRowId(conn, movementId, structure.id);
    if (!rowId)
        return rowId.error();
    const qint64 id = *rowId;
    return onPendingMovement(
        m_db, m_voids, m_clock.todayInRome(), id, structure.id,
        [&](WriteTransaction& tx, const LockedMovement& locked) -> Result<OtpChallengeView> {
            QSqlDatabase& db = tx.db();
            const MovementView& m = locked.movement;
            auto ch = lockActiveChallenge(db, id, m_db.forUpdate(), m_options.otpMaxFailures);
            if (!ch)
                return ch.error();
            const qint64 now = sql::nowMs(m_clock);
            if (ch->resends >= m_options.otpMaxResends)
                return errors::make(codes::otpResendLimit);
            if (now < ch->lastSentAtMs + qint64(m_options.otpResendCooldownSecs) * 1000)
                return errors::make(codes::otpResendCooldown);
            const qint64 challengeId = ch->id;
            const QString phone = ch->phone;
            const QString code
                = QStringLiteral("%1").arg(QRandomGenerator::system()->bounded(1000000), 6, 10, QLatin1Char('0'));
            const QString salt = randomHex(16);
            // A new code and a new validity window; the failure count is deliberately left as it is.
            auto upd
                = sql::exec(db,
                            QStringLiteral("UPDATE otp_challenges SET salt = ?, code_hash = ?, expires_at_ms = ?,"
                                           " last_sent_at_ms = ?, resends = resends + 1 WHERE id = ?"),
                            {salt, hashCode(salt, m, code), sql::big(now + qint64(m_options.otpValiditySecs) * 1000),
                             sql::big(now), sql::big(challengeId)});
            if (!upd)
                return upd.error();
            Issued issued {challengeId, smsFor(m, phone, code), 0};
            auto pending = stashPending(db, id, issued.sms, now + qint64(m_options.otpValiditySecs) * 1000);
            if (!pending)
                return pending.error();
            issued.pendingId = *pending;
            if (sendsInTransaction()) {
                if (auto sent = deliverInTransaction(issued); !sent)
                    return sent.error();
                return tx.commitWith(view(db, m));
            }
            auto v = tx.commitWith(view(db, m));
            if (v && !deliver(issued))
                return errors::make(codes::smsNotSent);
            return v;
        });
}

Result<OtpChallengeView> OtpManager::status(const StructureInfo& structure, const QString& movementId)
{
    QSqlDatabase db = m_db.connection();
    auto rowId = rows::movementRowId(db, movementId, structure.id);
    if (!rowId)
        return rowId.error();
    auto m = rows::movementById(db, *rowId, structure.id, m_clock.todayInRome());
    if (!m)
        return m.error();
    return view(db, *m);
}

Result<VerifyResult> OtpManager::verify(const QString& operatorCf, const StructureInfo& structure,
                                        const QString& movementId, const QString& code)
{
    static const QRegularExpression sixDigits(QStringLiteral("^[0-9]{6}$"));
    if (!sixDigits.match(code).hasMatch())
        return errors::make(codes::otpFormat);
    QSqlDatabase conn = m_db.connection();
    auto rowId = rows::movementRowId(conn, movementId, structure.id);
    if (!rowId)
        return rowId.error();
    const qint64 id = *rowId;
    const QDate today = m_clock.todayInRome();
    AuditLog::Record record;
    record.atMs = sql::nowMs(m_clock);
    record.operatorCf = operatorCf;
    record.structureId = structure.id;
    record.action = AuditLog::actions::otpVerify;
    record.movementRowId = id;
    // A movement confirmed meanwhile answers "otp.used" when its code was the one used.
    const auto usedOrNotPending = [&](QSqlDatabase& db) {
        const Error e = missingChallenge(db, id, m_options.otpMaxFailures);
        return e.code == codes::otpUsed ? e : notPending(db);
    };
    auto result = onPendingMovement(
        m_db, m_voids, today, id, structure.id,
        [&](WriteTransaction& tx, const LockedMovement& locked) -> Result<VerifyResult> {
            QSqlDatabase& db = tx.db();
            const MovementView& m = locked.movement;
            const qint64 voucherId = locked.voucher.id;
            record.voucherRowId = voucherId;
            record.cfHash = m_audit.hashCf(m.codiceFiscale);
            auto ch = lockActiveChallenge(db, id, m_db.forUpdate(), m_options.otpMaxFailures);
            if (!ch)
                return ch.error();
            const qint64 challengeId = ch->id;
            const int failures = ch->failures;
            if (failures >= m_options.otpMaxFailures)
                return errors::make(codes::otpLocked);
            if (sql::nowMs(m_clock) >= ch->expiresAtMs)
                return errors::make(codes::otpExpired);
            if (!constantTimeEquals(hashCode(ch->salt, m, code), ch->codeHash)) {
                // The failure and its audit row commit together.
                record.outcome = codes::otpInvalid;
                if (auto a = m_audit.append(db, record); !a)
                    return a.error();
                return failedAttempt(tx, challengeId, failures);
            }
            if (m.type == MovementType::Cancellazione && rows::romeDate(m.createdAt.toMSecsSinceEpoch()) != today)
                return errors::make(codes::cancelNotSameDay);
            record.outcome = QStringLiteral("ok");
            if (auto a = m_audit.append(db, record); !a)
                return a.error();
            return confirm(tx, m, challengeId, voucherId, today);
        },
        usedOrNotPending);
    // Refusals that wrote nothing (expired, locked, used, ...) are recorded as reads.
    if (!result && result.error().code != codes::otpInvalid && result.error().code != codes::dbError
        && result.error().code != codes::dbBusy) {
        record.outcome = result.error().code;
        m_audit.enqueue(record);
    }
    return result;
}

Error OtpManager::failedAttempt(WriteTransaction& tx, qint64 challengeId, int failures)
{
    const int left = m_options.otpMaxFailures - failures - 1;
    auto upd = sql::exec(tx.db(),
                         QStringLiteral("UPDATE otp_challenges SET failures = failures + 1,"
                                        " state = CASE WHEN failures + 1 >= ? THEN 'VOID' ELSE state END WHERE id = ?"),
                         {m_options.otpMaxFailures, sql::big(challengeId)});
    if (!upd)
        return upd.error();
    // With the request's idempotent answer when the Router runs it in one commit.
    auto committed = tx.commitOrHand();
    if (!committed)
        return committed.error();
    Error e = errors::make(codes::otpInvalid, QStringLiteral("attemptsLeft=%1").arg(left));
    e.message = left > 0 ? QStringLiteral("Codice OTP errato: restano %1 tentativi.").arg(left)
                         : QStringLiteral("Codice OTP errato: tentativi esauriti, richiedi una nuova autorizzazione.");
    return e;
}

Result<VerifyResult> OtpManager::confirm(WriteTransaction& tx, const MovementView& m, qint64 challengeId,
                                         qint64 voucherId, QDate today)
{
    QSqlDatabase& db = tx.db();
    const qint64 id = m.rowId;
    const qint64 now = sql::nowMs(m_clock);
    auto used = sql::exec(db, QStringLiteral("UPDATE otp_challenges SET state = 'USED' WHERE id = ?"),
                          {sql::big(challengeId)});
    if (!used)
        return used.error();
    auto confirmed = sql::exec(db,
                               QStringLiteral("UPDATE movements SET state = 'CONFERMATO', confirmed_at_ms = ?"
                                              " WHERE id = ? AND state = 'IN_ATTESA'"),
                               {sql::big(now), sql::big(id)});
    if (!confirmed)
        return confirmed.error();
    if (confirmed->numRowsAffected() != 1)
        return errors::make(codes::movementNotPending);
    if (m.type == MovementType::Cancellazione) {
        // Only a confirmed cancellation gives the amount back to the voucher.
        auto refund = sql::exec(
            db, QStringLiteral("UPDATE vouchers SET used_cents = used_cents - ? WHERE id = ? AND used_cents >= ?"),
            {sql::big(m.amountCents), sql::big(voucherId), sql::big(m.amountCents)});
        if (!refund)
            return refund.error();
        if (refund->numRowsAffected() != 1)
            return errors::make(codes::dbError, QStringLiteral("refund would make used negative"));
    }
    auto mv = rows::movementById(db, id, m.structureId, today);
    auto vv = rows::voucherById(db, voucherId, today);
    if (!mv)
        return mv.error();
    if (!vv)
        return vv.error();
    auto committed = tx.commitOrHand();
    if (!committed)
        return committed.error();
    return VerifyResult {mv.value(), vv.value()};
}

} // namespace sinfonia::ledger
