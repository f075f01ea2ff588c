// OTP lifetime, binding and brute-force limits, authorization of pending purchases and the
// cancellation rules (same Rome day, allowed amount, refund only once confirmed).
#include "LedgerTest.h"
#include "server/ledger/DemoData.h"
#include "server/ledger/SmsSeal.h"

#include <QSqlQuery>
#include <functional>

using namespace sinfonia;
using namespace sinfonia::ledger;
using namespace sinfonia::ledger::test;

namespace {
const QString far1 = QStringLiteral("FAR001");
const QString far2 = QStringLiteral("FAR002");
const QString giulia = beneficiaryCf("Esposito", "Giulia", QDate(1990, 5, 22), "A509");
const QString laura = beneficiaryCf("Marino", "Laura", QDate(1995, 10, 8), "F839");

// Records what it is asked to send; `during` runs inside send(), while the message is in flight.
class RecordingSender final : public SmsSender
{
public:
    QList<SmsMessage> sent;
    std::function<void(const SmsMessage&)> during;
    bool up = true;
    Result<void> send(const SmsMessage& m) override
    {
        if (during)
            during(m);
        if (!up)
            return makeError(QStringLiteral("sms.not_sent"), QStringLiteral("down"), QStringLiteral("test"));
        sent << m;
        return {};
    }
};

QString wrong(const QString& code)
{
    return QStringLiteral("%1").arg((code.toInt() + 1) % 1000000, 6, 10, QLatin1Char('0'));
}
} // namespace

class LedgerOtpTest : public LedgerTest
{
    Q_OBJECT
public:
    using LedgerTest::LedgerTest;

private:
    OtpChallengeView purchase(qint64 cents)
    {
        auto p = m_env->service().createPurchase(m_env->titolare(),
                                                 {far1, m_env->voucherIdOf(giulia), cents, pngBytes(), {}, {}, {}});
        return p ? p.value() : OtpChallengeView {};
    }
    Result<VerifyResult> verify(const QString& movementId, const QString& code)
    {
        return m_env->service().verifyOtp(m_env->titolare(), far1, movementId, code);
    }

private slots:
    void verifyConfirmsOnceAndOnlyOnce()
    {
        const auto c = purchase(2500);
        QVERIFY(!c.movement.id.isEmpty());
        const QString code = m_env->latestOtp(c.movement.id);
        QCOMPARE(verify(c.movement.id, QStringLiteral("12a456")).error().code, QStringLiteral("otp.format"));
        auto ok = verify(c.movement.id, code);
        QVERIFY(ok.ok());
        QCOMPARE(ok->movement.state, MovementState::Confermato);
        QCOMPARE(ok->voucher.availableCents, 60000 - 2500);
        QCOMPARE(verify(c.movement.id, code).error().code, QStringLiteral("otp.used"));
        QCOMPARE(m_env->available(m_env->voucherIdOf(giulia)), 60000 - 2500);
    }

    void otpIsBoundToMovementAndStructure()
    {
        const auto a = purchase(1000);
        const auto b = purchase(1000); // same amount, same voucher: only the movement differs
        const QString codeA = m_env->latestOtp(a.movement.id);
        const QString codeB = m_env->latestOtp(b.movement.id);
        if (codeA != codeB)
            QCOMPARE(verify(b.movement.id, codeA).error().code, QStringLiteral("otp.invalid"));
        // Verifying through another structure of the same titolare finds nothing.
        QCOMPARE(m_env->service().verifyOtp(m_env->titolare(), far2, a.movement.id, codeA).error().code,
                 QStringLiteral("movement.not_found"));
        QVERIFY(verify(a.movement.id, codeA).ok());
        QVERIFY(verify(b.movement.id, codeB).ok());
    }

    void expiresAfterFiveMinutes()
    {
        const auto c = purchase(1000);
        const QString code = m_env->latestOtp(c.movement.id);
        m_env->clock().advanceSecs(300);
        QCOMPARE(verify(c.movement.id, code).error().code, QStringLiteral("otp.expired"));
        m_env->clock().advanceSecs(-1);
        QVERIFY(verify(c.movement.id, code).ok()); // 299 s: still valid
    }

    void sixthAttemptIsLocked()
    {
        const auto c = purchase(1000);
        const QString code = m_env->latestOtp(c.movement.id);
        for (int i = 1; i <= 5; ++i) {
            auto r = verify(c.movement.id, wrong(code));
            QCOMPARE(r.error().code, QStringLiteral("otp.invalid"));
            auto st = m_env->service().otpStatus(m_env->titolare(), far1, c.movement.id);
            QCOMPARE(st->attemptsLeft, 5 - i);
        }
        QCOMPARE(verify(c.movement.id, code).error().code, QStringLiteral("otp.locked"));
        m_env->clock().advanceSecs(31);
        QCOMPARE(m_env->service().resendOtp(m_env->titolare(), far1, c.movement.id).error().code,
                 QStringLiteral("otp.locked"));
    }

    void resendKeepsFailuresAndHasCooldownAndCap()
    {
        const auto c = purchase(1000);
        const QString first = m_env->latestOtp(c.movement.id);
        QCOMPARE(verify(c.movement.id, wrong(first)).error().code, QStringLiteral("otp.invalid"));
        QCOMPARE(verify(c.movement.id, wrong(first)).error().code, QStringLiteral("otp.invalid"));
        auto& s = m_env->service();
        QCOMPARE(s.resendOtp(m_env->titolare(), far1, c.movement.id).error().code,
                 QStringLiteral("otp.resend_cooldown"));
        m_env->clock().advanceSecs(30);
        auto r1 = s.resendOtp(m_env->titolare(), far1, c.movement.id);
        QVERIFY(r1.ok());
        QCOMPARE(r1->attemptsLeft, 3); // not reset by the resend
        QCOMPARE(r1->resendsLeft, 2);
        QCOMPARE(r1->expiresAt, m_env->clock().now().addSecs(300));
        const QString second = m_env->latestOtp(c.movement.id);
        if (second != first)
            QCOMPARE(verify(c.movement.id, first).error().code, QStringLiteral("otp.invalid"));
        for (int i = 0; i < 2; ++i) {
            m_env->clock().advanceSecs(30);
            QVERIFY(s.resendOtp(m_env->titolare(), far1, c.movement.id).ok());
        }
        m_env->clock().advanceSecs(30);
        QCOMPARE(s.resendOtp(m_env->titolare(), far1, c.movement.id).error().code, QStringLiteral("otp.resend_limit"));
        QVERIFY(verify(c.movement.id, m_env->latestOtp(c.movement.id)).ok());
    }

    void authorizePendingPurchaseLater()
    {
        auto& s = m_env->service();
        const QString vid = m_env->voucherIdOf(laura);
        auto d = s.voucher(m_env->titolare(), far1, vid);
        QVERIFY(d.ok());
        QCOMPARE(d->transactions.size(), 1);
        const MovementView pending = d->transactions.first();
        QCOMPARE(pending.state, MovementState::InAttesa);
        QVERIFY(pending.authorizable);
        QCOMPARE(d->voucher.availableCents, 60000 - 2599); // the pending purchase reserves its amount
        auto a = s.authorize(m_env->titolare(), far1, pending.id);
        QVERIFY(a.ok());
        QCOMPARE(a->attemptsLeft, 5);
        const QString first = m_env->latestOtp(pending.id);
        QCOMPARE(s.authorize(m_env->titolare(), far1, pending.id).error().code, QStringLiteral("otp.resend_cooldown"));
        m_env->clock().advanceSecs(31);
        QVERIFY(s.authorize(m_env->titolare(), far1, pending.id).ok());
        const QString second = m_env->latestOtp(pending.id);
        if (first != second)
            QCOMPARE(verify(pending.id, first).error().code, QStringLiteral("otp.invalid")); // old challenge voided
        QVERIFY(verify(pending.id, second).ok());
        QCOMPARE(s.authorize(m_env->titolare(), far1, pending.id).error().code, QStringLiteral("movement.not_pending"));
    }

    void cancellationSameDayWithinAllowed()
    {
        auto& s = m_env->service();
        const QString vid = m_env->voucherIdOf(giulia);
        const MovementView p = m_env->confirmedPurchase(vid, 5000);
        QCOMPARE(p.state, MovementState::Confermato);
        QCOMPARE(m_env->available(vid), 55000);
        const auto cancel = [&](qint64 cents) {
            return s.createCancellation(m_env->titolare(), {far1, p.id, cents, {}});
        };
        QCOMPARE(cancel(0).error().code, QStringLiteral("cancel.amount_invalid"));
        QCOMPARE(cancel(-1).error().code, QStringLiteral("cancel.amount_invalid"));
        QCOMPARE(cancel(5001).error().code, QStringLiteral("cancel.amount_exceeds"));
        auto c1 = cancel(2000);
        QVERIFY(c1.ok());
        QCOMPARE(c1->movement.type, MovementType::Cancellazione);
        QCOMPARE(c1->movement.state, MovementState::InAttesa);
        QCOMPARE(c1->movement.purchaseId, p.id);
        QCOMPARE(m_env->available(vid), 55000); // a pending cancellation gives nothing back yet
        // The pending one already counts against the purchase: 3000 left.
        QCOMPARE(cancel(3001).error().code, QStringLiteral("cancel.amount_exceeds"));
        auto v = verify(c1->movement.id, m_env->latestOtp(c1->movement.id));
        QVERIFY(v.ok());
        QCOMPARE(v->voucher.availableCents, 57000);
        auto c2 = cancel(3000);
        QVERIFY(c2.ok());
        QCOMPARE(cancel(1).error().code, QStringLiteral("cancel.amount_exceeds"));
        QVERIFY(verify(c2->movement.id, m_env->latestOtp(c2->movement.id)).ok());
        QCOMPARE(m_env->available(vid), 60000);
        // Cancelling a cancellation or a pending purchase is refused.
        QCOMPARE(s.createCancellation(m_env->titolare(), {far1, c2->movement.id, 1, {}}).error().code,
                 QStringLiteral("cancel.not_purchase"));
        const auto pending = purchase(700);
        QCOMPARE(s.createCancellation(m_env->titolare(), {far1, pending.movement.id, 100, {}}).error().code,
                 QStringLiteral("cancel.not_confirmed"));
        QCOMPARE(s.createCancellation(m_env->titolare(), {far2, p.id, 100, {}}).error().code,
                 QStringLiteral("movement.not_found"));
    }

    // A pending purchase expires after the option (default 72 h): the next write on the voucher, a
    // read of it or the sweep annuls it and gives the reservation back; its OTP stops working.
    void pendingPurchaseExpires()
    {
        auto& s = m_env->service();
        const QString vid = m_env->voucherIdOf(giulia);
        const qint64 before = m_env->available(vid);
        const OtpChallengeView a = purchase(700);
        const OtpChallengeView b = purchase(800);
        QVERIFY(!a.movement.id.isEmpty() && !b.movement.id.isEmpty());
        const QString codeA = m_env->latestOtp(a.movement.id);
        QCOMPARE(m_env->available(vid), before - 1500);
        // A minute before: the sweep leaves them (it annuls the older demo purchase of Laura only).
        m_env->clock().set(LedgerEnv::defaultNow().addSecs(72 * 3600 - 60));
        QVERIFY(s.expirePendingPurchases().ok());
        QCOMPARE(m_env->available(vid), before - 1500);
        m_env->clock().set(LedgerEnv::defaultNow().addSecs(72 * 3600 + 1));
        // A read of the voucher sees both annulled, the balance whole again.
        auto d = s.voucher(m_env->titolare(), far1, vid);
        QVERIFY(d.ok());
        QCOMPARE(d->voucher.availableCents, before);
        int annulled = 0;
        for (const MovementView& m : d->transactions) {
            if (m.id == a.movement.id || m.id == b.movement.id) {
                QCOMPARE(m.state, MovementState::Annullato);
                QCOMPARE(m.voidReason, VoidReason::Scadenza);
                QVERIFY(!m.authorizable && !m.voidable);
                ++annulled;
            }
        }
        QCOMPARE(annulled, 2);
        QCOMPARE(verify(a.movement.id, codeA).error().code, QStringLiteral("otp.purchase_voided"));
        QCOMPARE(s.voidPurchase(m_env->titolare(), {far1, a.movement.id}).error().code,
                 QStringLiteral("movement.not_pending"));
        QCOMPARE(s.expirePendingPurchases().value(), 0);
    }

    void sweepExpiresWithoutAnyRequest()
    {
        auto& s = m_env->service();
        const QString vid = m_env->voucherIdOf(giulia);
        const qint64 before = m_env->available(vid);
        QVERIFY(!purchase(300).movement.id.isEmpty());
        m_env->clock().set(LedgerEnv::defaultNow().addDays(4));
        QVERIFY(s.expirePendingPurchases().value() >= 1);
        QSqlQuery q(m_env->db().connection());
        QVERIFY(q.exec(QStringLiteral("SELECT used_cents, initial_cents FROM vouchers WHERE public_id = '") + vid
                       + QLatin1Char('\''))
                && q.next());
        QCOMPARE(q.value(1).toLongLong() - q.value(0).toLongLong(), before);
    }

    // The CHECK constraints of the new state hold on the database itself (migration on both).
    void annulledStateIsCheckedByTheDatabase()
    {
        const OtpChallengeView p = purchase(100);
        QSqlQuery q(m_env->db().connection());
        // ANNULLATO without a reason, or a reason on a pending movement: refused.
        QVERIFY(!q.exec(QStringLiteral("UPDATE movements SET state = 'ANNULLATO' WHERE id = ") + p.movement.id));
        QVERIFY(!q.exec(QStringLiteral("UPDATE movements SET void_reason = 'STRUTTURA' WHERE id = ") + p.movement.id));
        QVERIFY(!q.exec(QStringLiteral("UPDATE movements SET state = 'ANNULLATO', void_reason = 'ALTRO' WHERE id = ")
                        + p.movement.id));
        QVERIFY(!q.exec(QStringLiteral("UPDATE movements SET state = 'SCONOSCIUTO' WHERE id = ") + p.movement.id));
        QVERIFY(m_env->service().voidPurchase(m_env->titolare(), {far1, p.movement.id}).ok());
    }

    // With the SMS gateway's seal: the message waits in sms_pending only sealed (no code in the
    // row), is gone once sent; a row a crash left behind is sent by deliverPendingSms(); a failed
    // send lifts the resend cooldown.
    void sealedPendingSms()
    {
        RecordingSender sender;
        const auto seal = SmsSeal::fromKey(QByteArray(32, '\x42'));
        QVERIFY(seal);
        LedgerService s(m_env->db(), m_env->clock(), sender);
        s.setSmsSeal(&*seal);
        int rowsInFlight = -1;
        QByteArray sealedInFlight;
        sender.during = [&](const SmsMessage&) {
            QSqlQuery q(m_env->db().connection());
            QVERIFY(q.exec(QStringLiteral("SELECT sealed FROM sms_pending")));
            rowsInFlight = 0;
            while (q.next()) {
                ++rowsInFlight;
                sealedInFlight = q.value(0).toByteArray();
            }
        };
        const QString vid = m_env->voucherIdOf(giulia);
        auto p = s.createPurchase(m_env->titolare(), {far1, vid, 250, pngBytes(), {}, {}, {}});
        QVERIFY(p.ok());
        QVERIFY(p->smsSent);
        QCOMPARE(sender.sent.size(), 1);
        const QString code = sender.sent.first().otp;
        QCOMPARE(code.size(), 6);
        QCOMPARE(rowsInFlight, 1);
        QVERIFY(!sealedInFlight.contains(code.toLatin1()));
        QVERIFY(seal->open(sealedInFlight).value().contains(code.toUtf8()));
        QSqlQuery q(m_env->db().connection());
        QVERIFY(q.exec(QStringLiteral("SELECT COUNT(*) FROM sms_pending")) && q.next());
        QCOMPARE(q.value(0).toInt(), 0);
        QVERIFY(q.exec(QStringLiteral("SELECT COUNT(*) FROM sms_outbox")) && q.next());
        QCOMPARE(q.value(0).toInt(), 0);
        q.finish(); // an open read would keep this connection on the snapshot of now

        // Gateway down: the purchase stands, the answer says so, "Invia nuovamente" works at once.
        sender.during = {};
        sender.up = false;
        auto down = s.createPurchase(m_env->titolare(), {far1, vid, 260, pngBytes(), {}, {}, {}});
        QVERIFY(down.ok());
        QVERIFY(!down->smsSent);
        QVERIFY(down->resendAvailableAt <= m_env->clock().now());
        QCOMPARE(s.resendOtp(m_env->titolare(), far1, down->movement.id).error().code, QStringLiteral("sms.not_sent"));
        sender.up = true;
        auto resent = s.resendOtp(m_env->titolare(), far1, down->movement.id);
        QVERIFY2(resent.ok(), qPrintable(resent.ok() ? QString() : resent.error().code));
        QVERIFY(s.verifyOtp(m_env->titolare(), far1, down->movement.id, sender.sent.last().otp).ok());

        // A sealed row left by a crash between COMMIT and the send goes out later, then is deleted.
        const QByteArray plain = QByteArrayLiteral(R"({"phone":"+390000000001","text":"codice 123123 prova"})");
        QVERIFY(q.prepare(QStringLiteral("INSERT INTO sms_pending (movement_id, sealed, created_at_ms, expires_at_ms)"
                                         " VALUES (?, ?, ?, ?)")));
        q.addBindValue(down->movement.rowId);
        q.addBindValue(seal->seal(plain));
        q.addBindValue(m_env->clock().now().toMSecsSinceEpoch() - 120000);
        q.addBindValue(m_env->clock().now().toMSecsSinceEpoch() + 120000);
        QVERIFY(q.exec());
        const qsizetype before = sender.sent.size();
        QCOMPARE(s.deliverPendingSms(60).value(), 1);
        QCOMPARE(sender.sent.size(), before + 1);
        QCOMPARE(sender.sent.last().text, QStringLiteral("codice 123123 prova"));
        QVERIFY(q.exec(QStringLiteral("SELECT COUNT(*) FROM sms_pending")) && q.next());
        QCOMPARE(q.value(0).toInt(), 0);
    }

    void cancellationAfterMidnightIsRefused()
    {
        auto& s = m_env->service();
        const QString vid = m_env->voucherIdOf(giulia);
        // 23:57 in Rome (22:57 UTC in November): purchase, then a pending cancellation.
        m_env->clock().set(QDateTime(QDate(2026, 11, 26), QTime(22, 57), Qt::UTC));
        const MovementView p = m_env->confirmedPurchase(vid, 4000);
        QVERIFY(!p.id.isEmpty());
        auto c = s.createCancellation(m_env->titolare(), {far1, p.id, 1000, {}});
        QVERIFY(c.ok());
        const QString code = m_env->latestOtp(c->movement.id);
        // 23:00 UTC = midnight in Rome: another day for the programme.
        m_env->clock().set(QDateTime(QDate(2026, 11, 26), QTime(23, 0, 1), Qt::UTC));
        QCOMPARE(s.createCancellation(m_env->titolare(), {far1, p.id, 500, {}}).error().code,
                 QStringLiteral("cancel.not_same_day"));
        QCOMPARE(m_env->clock().now().toTimeZone(Clock::rome()).date(), QDate(2026, 11, 27));
        QCOMPARE(verify(c->movement.id, code).error().code, QStringLiteral("cancel.not_same_day"));
        QCOMPARE(m_env->available(vid), 56000);
        auto d = s.voucher(m_env->titolare(), far1, vid);
        for (const MovementView& m : d->transactions)
            QVERIFY(!m.cancellable);
    }
};

LEDGER_TEST_MAIN(LedgerOtpTest)
#include "tst_LedgerOtp.moc"
