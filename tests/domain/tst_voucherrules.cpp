#include "core/domain/VoucherRules.h"

#include <QTest>

using namespace sinfonia;

// Voucher wire names and the ledger rules: amounts, purchase checks, same-day cancellation in
// Europe/Rome (midnight and DST edges with a ManualClock) and the movement search range.
class TestVoucherRules : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void wireNames();
    void unknownWireNames();
    void displayNames();
    void usedAndAvailable();
    void checkPurchase_data();
    void checkPurchase();
    void isCancellable_data();
    void isCancellable();
    void cancellationDeadline_data();
    void cancellationDeadline();
    void cancellableUntilText();
    void windowFollowsTheClock();
    void allowedCancellation();
    void checkCancellation_data();
    void checkCancellation();
    void checkSearchRange_data();
    void checkSearchRange();
    void defaultSearchRange();
    void checkCancellationAmount();
    void earliestSearchFrom_data();
    void earliestSearchFrom();
    void earliestSearchFromOnEveryDay();
    void lastThreeMonths();
};

namespace {

Money euro(qint64 cents)
{
    return Money::fromCents(cents);
}

QDateTime utc(const char* iso)
{
    QString s = QString::fromLatin1(iso);
    if (!s.endsWith(u'Z'))
        s += u'Z';
    const QDateTime t = QDateTime::fromString(s, Qt::ISODate).toUTC();
    Q_ASSERT(t.isValid());
    return t;
}

Movement purchase(const char* createdUtc, qint64 cents, MovementState state = MovementState::Confermato)
{
    Movement m;
    m.id = QStringLiteral("P1");
    m.voucherId = QStringLiteral("100");
    m.type = MovementType::Acquisto;
    m.state = state;
    m.amount = euro(cents);
    m.createdAt = utc(createdUtc);
    return m;
}

Movement cancellation(const QString& purchaseId, qint64 cents, MovementState state)
{
    Movement m;
    m.id = QStringLiteral("C") + QString::number(cents);
    m.type = MovementType::Cancellazione;
    m.state = state;
    m.amount = euro(cents);
    m.purchaseId = purchaseId;
    return m;
}

Voucher voucher(VoucherState state, qint64 initial, qint64 used, QDate expiry = QDate(2027, 3, 8))
{
    Voucher v;
    v.id = QStringLiteral("100");
    v.state = state;
    v.initialAmount = euro(initial);
    v.usedAmount = euro(used);
    v.activationDate = expiry.addYears(-1);
    v.expiryDate = expiry;
    return v;
}

// Checks a rule's outcome against a data row: no code means success; otherwise the error code,
// a non-empty message and, when the row names it, the exact message.
void verifyOutcome(const Result<void>& r, const QString& code, const QString& message)
{
    if (code.isEmpty()) {
        QVERIFY2(r.ok(), qPrintable(r.ok() ? QString() : r.error().code));
        return;
    }
    QVERIFY(!r.ok());
    QCOMPARE(r.error().code, code);
    QVERIFY(!r.error().message.isEmpty());
    if (!message.isEmpty())
        QCOMPARE(r.error().message, message);
}

} // namespace

void TestVoucherRules::initTestCase()
{
    // Without the time zone database every Rome rule would silently use UTC.
    QVERIFY2(Clock::rome().isValid(), "Europe/Rome time zone not available (install tzdata)");
}

void TestVoucherRules::wireNames()
{
    QCOMPARE(toWire(VoucherState::Attivo), QStringLiteral("ATTIVO"));
    QCOMPARE(toWire(VoucherState::Scaduto), QStringLiteral("SCADUTO"));
    QCOMPARE(toWire(VoucherState::Esaurito), QStringLiteral("ESAURITO"));
    QCOMPARE(toWire(VoucherState::Sospeso), QStringLiteral("SOSPESO"));
    QCOMPARE(toWire(MovementType::Acquisto), QStringLiteral("ACQUISTO"));
    QCOMPARE(toWire(MovementType::Cancellazione), QStringLiteral("CANCELLAZIONE"));
    QCOMPARE(toWire(MovementState::InAttesa), QStringLiteral("IN_ATTESA"));
    QCOMPARE(toWire(MovementState::Confermato), QStringLiteral("CONFERMATO"));
    for (auto s : {VoucherState::Attivo, VoucherState::Scaduto, VoucherState::Esaurito, VoucherState::Sospeso})
        QCOMPARE(voucherStateFromWire(toWire(s)), std::optional(s));
    for (auto t : {MovementType::Acquisto, MovementType::Cancellazione})
        QCOMPARE(movementTypeFromWire(toWire(t)), std::optional(t));
    for (auto s : {MovementState::InAttesa, MovementState::Confermato})
        QCOMPARE(movementStateFromWire(toWire(s)), std::optional(s));
}

void TestVoucherRules::unknownWireNames()
{
    for (const char* bad : {"", "attivo", "ATTIVA", " ATTIVO", "EXPIRED", "IN ATTESA"})
        QVERIFY2(!voucherStateFromWire(QString::fromLatin1(bad)), bad);
    for (const char* bad : {"", "Acquisto", "PURCHASE", "CANCELLAZIONE "})
        QVERIFY2(!movementTypeFromWire(QString::fromLatin1(bad)), bad);
    // The display form with a blank is not the wire form.
    for (const char* bad : {"", "IN ATTESA", "in_attesa", "CONFERMATA"})
        QVERIFY2(!movementStateFromWire(QString::fromLatin1(bad)), bad);
}

void TestVoucherRules::displayNames()
{
    QCOMPARE(displayName(VoucherState::Attivo), QStringLiteral("ATTIVO"));
    QCOMPARE(displayName(VoucherState::Scaduto), QStringLiteral("SCADUTO"));
    QCOMPARE(displayName(VoucherState::Esaurito), QStringLiteral("ESAURITO"));
    QCOMPARE(displayName(VoucherState::Sospeso), QStringLiteral("SOSPESO"));
    QCOMPARE(displayName(MovementType::Acquisto), QStringLiteral("Acquisto"));
    QCOMPARE(displayName(MovementType::Cancellazione), QStringLiteral("Cancellazione"));
    QCOMPARE(displayName(MovementState::InAttesa), QStringLiteral("IN ATTESA"));
    QCOMPARE(displayName(MovementState::Confermato), QStringLiteral("CONFERMATO"));
}

void TestVoucherRules::usedAndAvailable()
{
    QCOMPARE(VoucherRules::usedAmount({}), Money());
    QCOMPARE(VoucherRules::availableAmount(euro(60000), {}), euro(60000));

    // The guide's example: 600 € initial, purchases of 11 (pending), 7, 1, 0,90 (confirmed), 3
    // (confirmed) cancelled by 1 confirmed and 2 pending.
    QList<Movement> ms;
    ms << purchase("2024-03-07T15:14:19Z", 1100, MovementState::InAttesa) << purchase("2024-03-07T15:49:24Z", 700)
       << purchase("2024-02-27T12:21:47Z", 100) << purchase("2024-02-27T12:15:05Z", 90)
       << purchase("2024-03-08T09:54:06Z", 300) << cancellation(QStringLiteral("P1"), 100, MovementState::Confermato)
       << cancellation(QStringLiteral("P1"), 200, MovementState::InAttesa);
    // Purchases 22,90 (pending ones reserve) minus confirmed cancellations 1,00; the pending 2,00
    // gives nothing back yet.
    QCOMPARE(VoucherRules::usedAmount(ms), euro(2190));
    QCOMPARE(VoucherRules::availableAmount(euro(60000), ms), euro(57810));
    QCOMPARE(VoucherRules::availableAmount(euro(60000), ms).toString(), QStringLiteral("578,10 \u20AC"));
}

void TestVoucherRules::checkPurchase_data()
{
    QTest::addColumn<Voucher>("v");
    QTest::addColumn<qint64>("amount");
    QTest::addColumn<QDate>("today");
    QTest::addColumn<QString>("code"); // empty: accepted
    QTest::addColumn<QString>("message");

    const QDate today(2026, 11, 26);
    const Voucher active = voucher(VoucherState::Attivo, 60000, 9500);
    QTest::newRow("ok") << active << qint64(1250) << today << QString() << QString();
    QTest::newRow("exactly the residual") << active << qint64(50500) << today << QString() << QString();
    QTest::newRow("one cent") << active << qint64(1) << today << QString() << QString();
    QTest::newRow("one cent over") << active << qint64(50501) << today << QStringLiteral("voucher.insufficient_funds")
                                   << QStringLiteral("Importo superiore al residuo (505,00 \u20AC)");
    QTest::newRow("zero") << active << qint64(0) << today << QStringLiteral("purchase.amount_invalid")
                          << QStringLiteral("Inserisci un importo maggiore di zero");
    QTest::newRow("negative") << active << qint64(-100) << today << QStringLiteral("purchase.amount_invalid")
                              << QString();
    QTest::newRow("on the expiry day") << active << qint64(100) << QDate(2027, 3, 8) << QString() << QString();
    QTest::newRow("day after expiry") << active << qint64(100) << QDate(2027, 3, 9) << QStringLiteral("voucher.expired")
                                      << QStringLiteral("Voucher scaduto il 08/03/2027");
    QTest::newRow("suspended") << voucher(VoucherState::Sospeso, 60000, 0) << qint64(100) << today
                               << QStringLiteral("voucher.suspended")
                               << QStringLiteral("Voucher sospeso: non si possono registrare acquisti");
    QTest::newRow("exhausted") << voucher(VoucherState::Esaurito, 60000, 60000) << qint64(100) << today
                               << QStringLiteral("voucher.exhausted")
                               << QStringLiteral("Voucher esaurito: non c'è più importo disponibile");
    QTest::newRow("stored ESAURITO with money left") << voucher(VoucherState::Esaurito, 60000, 100) << qint64(100)
                                                     << today << QStringLiteral("voucher.exhausted") << QString();
    QTest::newRow("expired state") << voucher(VoucherState::Scaduto, 60000, 0) << qint64(100) << today
                                   << QStringLiteral("voucher.expired")
                                   << QStringLiteral("Voucher scaduto il 08/03/2027");
    QTest::newRow("expired state, no date")
        << voucher(VoucherState::Scaduto, 60000, 0, QDate()) << qint64(100) << today
        << QStringLiteral("voucher.expired") << QStringLiteral("Voucher scaduto: non si possono registrare acquisti");
    QTest::newRow("suspended and past expiry") << voucher(VoucherState::Sospeso, 60000, 0) << qint64(100)
                                               << QDate(2027, 6, 1) << QStringLiteral("voucher.suspended") << QString();
    QTest::newRow("nothing left but ATTIVO")
        << voucher(VoucherState::Attivo, 60000, 60000) << qint64(1) << today << QStringLiteral("voucher.exhausted")
        << QStringLiteral("Voucher esaurito: non c'è più importo disponibile");
    QTest::newRow("day before activation")
        << active << qint64(100) << QDate(2026, 3, 7) << QStringLiteral("voucher.not_yet_active")
        << QStringLiteral("Voucher attivo dal 08/03/2026");
    QTest::newRow("on the activation day") << active << qint64(100) << QDate(2026, 3, 8) << QString() << QString();
    QTest::newRow("above the largest amount") << voucher(VoucherState::Attivo, 60000, 0) << qint64(Money::maxCents + 1)
                                              << today << QStringLiteral("purchase.amount_invalid") << QString();
    QTest::newRow("amount checked before state") << voucher(VoucherState::Sospeso, 60000, 0) << qint64(0) << today
                                                 << QStringLiteral("purchase.amount_invalid") << QString();
    QTest::newRow("thousands in message") << voucher(VoucherState::Attivo, 150000, 26544) << qint64(200000) << today
                                          << QStringLiteral("voucher.insufficient_funds")
                                          << QStringLiteral("Importo superiore al residuo (1.234,56 \u20AC)");
}

void TestVoucherRules::checkPurchase()
{
    QFETCH(Voucher, v);
    QFETCH(qint64, amount);
    QFETCH(QDate, today);
    QFETCH(QString, code);
    QFETCH(QString, message);
    verifyOutcome(VoucherRules::checkPurchase(v, euro(amount), today), code, message);
}

void TestVoucherRules::isCancellable_data()
{
    QTest::addColumn<Movement>("p");
    QTest::addColumn<QDateTime>("now");
    QTest::addColumn<bool>("cancellable");

    // Winter (CET, UTC+1): the Rome day of 15 Jan is [14 Jan 23:00Z, 15 Jan 23:00Z).
    QTest::newRow("winter same hour") << purchase("2026-01-15T10:00:00Z", 500) << utc("2026-01-15T10:05:00") << true;
    QTest::newRow("winter 23:59:59") << purchase("2026-01-15T10:00:00Z", 500) << utc("2026-01-15T22:59:59") << true;
    QTest::newRow("winter midnight") << purchase("2026-01-15T10:00:00Z", 500) << utc("2026-01-15T23:00:00") << false;
    QTest::newRow("winter purchase 00:30 Rome, UTC day before")
        << purchase("2026-01-14T23:30:00Z", 500) << utc("2026-01-15T12:00:00") << true;
    QTest::newRow("winter purchase 23:30 Rome, now 00:10 Rome same UTC day")
        << purchase("2026-01-15T22:30:00Z", 500) << utc("2026-01-15T23:10:00") << false;
    QTest::newRow("next day") << purchase("2026-01-15T10:00:00Z", 500) << utc("2026-01-16T10:00:00") << false;
    QTest::newRow("clock behind the purchase")
        << purchase("2026-01-15T10:00:00Z", 500) << utc("2026-01-14T22:59:59") << false;
    // Summer (CEST, UTC+2): the Rome day of 10 Jul is [9 Jul 22:00Z, 10 Jul 22:00Z).
    QTest::newRow("summer first second") << purchase("2026-07-09T22:00:00Z", 500) << utc("2026-07-10T21:59:59") << true;
    QTest::newRow("summer midnight") << purchase("2026-07-09T22:00:00Z", 500) << utc("2026-07-10T22:00:00") << false;
    QTest::newRow("summer purchase 23:59:59 Rome")
        << purchase("2026-07-09T21:59:59Z", 500) << utc("2026-07-09T22:00:00") << false;
    // 29 Mar 2026, clocks go 02:00 CET -> 03:00 CEST: a 23-hour day [28 Mar 23:00Z, 29 Mar 22:00Z).
    QTest::newRow("spring DST first second")
        << purchase("2026-03-28T23:00:00Z", 500) << utc("2026-03-29T21:59:59") << true;
    QTest::newRow("spring DST midnight CEST")
        << purchase("2026-03-28T23:00:00Z", 500) << utc("2026-03-29T22:00:00") << false;
    QTest::newRow("spring DST 23:00 CEST would be midnight in CET")
        << purchase("2026-03-29T12:00:00Z", 500) << utc("2026-03-29T21:30:00") << true;
    QTest::newRow("spring DST across the jump")
        << purchase("2026-03-29T00:59:59Z", 500) << utc("2026-03-29T01:00:00") << true;
    QTest::newRow("spring DST eve 23:59:59")
        << purchase("2026-03-28T22:59:59Z", 500) << utc("2026-03-28T23:00:00") << false;
    // 25 Oct 2026, clocks go 03:00 CEST -> 02:00 CET: a 25-hour day [24 Oct 22:00Z, 25 Oct 23:00Z).
    QTest::newRow("autumn DST first second")
        << purchase("2026-10-24T22:00:00Z", 500) << utc("2026-10-25T22:59:59") << true;
    QTest::newRow("autumn DST 23:30 CET, past midnight CEST")
        << purchase("2026-10-25T08:00:00Z", 500) << utc("2026-10-25T22:30:00") << true;
    QTest::newRow("autumn DST midnight CET")
        << purchase("2026-10-24T22:00:00Z", 500) << utc("2026-10-25T23:00:00") << false;
    QTest::newRow("autumn DST repeated 02:30, first and second")
        << purchase("2026-10-25T00:30:00Z", 500) << utc("2026-10-25T01:30:00") << true;
    QTest::newRow("autumn DST eve 23:59:59")
        << purchase("2026-10-24T21:59:59Z", 500) << utc("2026-10-24T22:00:00") << false;
    // Only confirmed purchases.
    QTest::newRow("pending purchase") << purchase("2026-01-15T10:00:00Z", 500, MovementState::InAttesa)
                                      << utc("2026-01-15T10:05:00") << false;
    Movement c = purchase("2026-01-15T10:00:00Z", 500);
    c.type = MovementType::Cancellazione;
    QTest::newRow("a cancellation") << c << utc("2026-01-15T10:05:00") << false;
    Movement noDate = purchase("2026-01-15T10:00:00Z", 500);
    noDate.createdAt = QDateTime();
    QTest::newRow("no timestamp") << noDate << utc("2026-01-15T10:05:00") << false;
}

void TestVoucherRules::isCancellable()
{
    QFETCH(Movement, p);
    QFETCH(QDateTime, now);
    QFETCH(bool, cancellable);
    const ManualClock clock(now);
    QCOMPARE(VoucherRules::isCancellable(p, clock), cancellable);
    QCOMPARE(VoucherRules::cancellableUntil(p, clock).isEmpty(), !cancellable);
}

void TestVoucherRules::cancellationDeadline_data()
{
    QTest::addColumn<Movement>("p");
    QTest::addColumn<QDateTime>("deadline");
    QTest::addColumn<qint64>("dayLengthHours");
    QTest::newRow("winter") << purchase("2026-01-15T10:00:00Z", 1) << utc("2026-01-15T23:00:00") << qint64(24);
    QTest::newRow("summer") << purchase("2026-07-10T10:00:00Z", 1) << utc("2026-07-10T22:00:00") << qint64(24);
    QTest::newRow("spring DST") << purchase("2026-03-29T10:00:00Z", 1) << utc("2026-03-29T22:00:00") << qint64(23);
    QTest::newRow("autumn DST") << purchase("2026-10-25T10:00:00Z", 1) << utc("2026-10-25T23:00:00") << qint64(25);
    QTest::newRow("eve of autumn DST") << purchase("2026-10-24T10:00:00Z", 1) << utc("2026-10-24T22:00:00")
                                       << qint64(24);
    QTest::newRow("new year's eve in Rome")
        << purchase("2026-12-31T23:30:00Z", 1) << utc("2027-01-01T23:00:00") << qint64(24);
}

void TestVoucherRules::cancellationDeadline()
{
    QFETCH(Movement, p);
    QFETCH(QDateTime, deadline);
    QFETCH(qint64, dayLengthHours);
    const QDateTime d = VoucherRules::cancellationDeadline(p);
    QCOMPARE(d, deadline);
    // The window is the whole Rome day: its length shows the DST change.
    const QDateTime start = VoucherRules::romeDate(p.createdAt).startOfDay(Clock::rome());
    QCOMPARE(start.secsTo(d), dayLengthHours * 3600);
    // One second before it, cancellable; at it, not.
    QVERIFY(VoucherRules::isCancellable(p, ManualClock(d.addSecs(-1))));
    QVERIFY(!VoucherRules::isCancellable(p, ManualClock(d)));
    QVERIFY(VoucherRules::isCancellable(p, ManualClock(start)));
    QVERIFY(!VoucherRules::isCancellable(p, ManualClock(start.addSecs(-1))));
    Movement noDate = p;
    noDate.createdAt = QDateTime();
    QVERIFY(!VoucherRules::cancellationDeadline(noDate).isValid());
}

void TestVoucherRules::cancellableUntilText()
{
    const Movement p = purchase("2026-03-29T10:00:00Z", 300);
    QCOMPARE(VoucherRules::cancellableUntil(p, ManualClock(utc("2026-03-29T12:00:00"))),
             QStringLiteral("annullabile fino alle 23:59"));
    QCOMPARE(VoucherRules::cancellableUntil(p, ManualClock(utc("2026-03-30T12:00:00"))), QString());
}

void TestVoucherRules::windowFollowsTheClock()
{
    // Minute by minute across the autumn change: cancellable exactly while the Rome date is the
    // purchase date, i.e. for 25 hours from local midnight.
    const Movement p = purchase("2026-10-24T22:00:00Z", 100);
    ManualClock clock(utc("2026-10-24T21:00:00"));
    int cancellableMinutes = 0;
    for (int i = 0; i < 27 * 60; ++i) {
        const bool can = VoucherRules::isCancellable(p, clock);
        QCOMPARE(can, clock.todayInRome() == QDate(2026, 10, 25));
        cancellableMinutes += can ? 1 : 0;
        clock.advanceSecs(60);
    }
    QCOMPARE(cancellableMinutes, 25 * 60);
}

void TestVoucherRules::allowedCancellation()
{
    const Movement p = purchase("2026-03-08T09:54:06Z", 300);
    QCOMPARE(VoucherRules::allowedCancellation(p, {}), euro(300));
    QList<Movement> cs;
    cs << cancellation(QStringLiteral("P1"), 100, MovementState::Confermato);
    QCOMPARE(VoucherRules::allowedCancellation(p, cs), euro(200));
    cs << cancellation(QStringLiteral("P1"), 50, MovementState::InAttesa);
    QCOMPARE(VoucherRules::allowedCancellation(p, cs), euro(150)); // pending ones claim their share
    cs << cancellation(QStringLiteral("P2"), 100, MovementState::Confermato); // another purchase's
    QCOMPARE(VoucherRules::allowedCancellation(p, cs), euro(150));
    Movement otherPurchase = purchase("2026-03-08T09:00:00Z", 100);
    otherPurchase.purchaseId = QStringLiteral("P1"); // nonsense data: a purchase never counts
    cs << otherPurchase;
    QCOMPARE(VoucherRules::allowedCancellation(p, cs), euro(150));
    cs << cancellation(QStringLiteral("P1"), 150, MovementState::Confermato);
    QCOMPARE(VoucherRules::allowedCancellation(p, cs), euro(0));
    cs << cancellation(QStringLiteral("P1"), 10, MovementState::Confermato); // inconsistent ledger
    QCOMPARE(VoucherRules::allowedCancellation(p, cs), euro(0));
}

void TestVoucherRules::checkCancellation_data()
{
    QTest::addColumn<Movement>("p");
    QTest::addColumn<QList<Movement>>("previous");
    QTest::addColumn<qint64>("amount");
    QTest::addColumn<QDateTime>("now");
    QTest::addColumn<QString>("code");
    QTest::addColumn<QString>("message");

    const Movement p = purchase("2026-03-08T09:54:06Z", 300);
    const QDateTime sameDay = utc("2026-03-08T15:00:00");
    const QList<Movement> none;
    const QList<Movement> oneEuroDone = {cancellation(QStringLiteral("P1"), 100, MovementState::Confermato)};
    QTest::newRow("whole amount") << p << none << qint64(300) << sameDay << QString() << QString();
    QTest::newRow("part") << p << none << qint64(150) << sameDay << QString() << QString();
    QTest::newRow("rest after a partial one") << p << oneEuroDone << qint64(200) << sameDay << QString() << QString();
    QTest::newRow("over the rest") << p << oneEuroDone << qint64(201) << sameDay
                                   << QStringLiteral("cancel.amount_exceeds")
                                   << QStringLiteral("Importo superiore a quello consentito (2,00 \u20AC)");
    QTest::newRow("over the purchase") << p << none << qint64(301) << sameDay << QStringLiteral("cancel.amount_exceeds")
                                       << QStringLiteral("Importo superiore a quello consentito (3,00 \u20AC)");
    QTest::newRow("zero") << p << none << qint64(0) << sameDay << QStringLiteral("cancel.amount_invalid")
                          << QStringLiteral("Inserisci un importo da annullare maggiore di zero");
    QTest::newRow("negative") << p << none << qint64(-1) << sameDay << QStringLiteral("cancel.amount_invalid")
                              << QString();
    QTest::newRow("next day") << p << none << qint64(100) << utc("2026-03-08T23:00:00")
                              << QStringLiteral("cancel.not_same_day")
                              << QStringLiteral("Si può annullare solo nel giorno dell'acquisto (08/03/2026)");
    QTest::newRow("pending purchase") << purchase("2026-03-08T09:54:06Z", 300, MovementState::InAttesa) << none
                                      << qint64(100) << sameDay << QStringLiteral("cancel.not_confirmed") << QString();
    Movement c = cancellation(QStringLiteral("P0"), 300, MovementState::Confermato);
    c.createdAt = p.createdAt;
    QTest::newRow("cancel a cancellation")
        << c << none << qint64(100) << sameDay << QStringLiteral("cancel.not_purchase") << QString();
    QTest::newRow("day checked before amount")
        << p << none << qint64(0) << utc("2026-03-09T10:00:00") << QStringLiteral("cancel.not_same_day") << QString();
}

void TestVoucherRules::checkCancellation()
{
    QFETCH(Movement, p);
    QFETCH(QList<Movement>, previous);
    QFETCH(qint64, amount);
    QFETCH(QDateTime, now);
    QFETCH(QString, code);
    QFETCH(QString, message);
    verifyOutcome(VoucherRules::checkCancellation(p, previous, euro(amount), ManualClock(now)), code, message);
}

void TestVoucherRules::checkSearchRange_data()
{
    QTest::addColumn<QDate>("from");
    QTest::addColumn<QDate>("to");
    QTest::addColumn<QString>("code");
    QTest::newRow("one day") << QDate(2026, 11, 26) << QDate(2026, 11, 26) << QString();
    QTest::newRow("a month") << QDate(2026, 10, 26) << QDate(2026, 11, 26) << QString();
    QTest::newRow("exactly 3 months") << QDate(2026, 1, 15) << QDate(2026, 4, 15) << QString();
    QTest::newRow("3 months and a day") << QDate(2026, 1, 15) << QDate(2026, 4, 16)
                                        << QStringLiteral("movements.range_too_long");
    QTest::newRow("from 30 Nov to 28 Feb") << QDate(2026, 11, 30) << QDate(2027, 2, 28) << QString();
    QTest::newRow("from 30 Nov to 1 Mar")
        << QDate(2026, 11, 30) << QDate(2027, 3, 1) << QStringLiteral("movements.range_too_long");
    QTest::newRow("from 31 Jan to 30 Apr") << QDate(2026, 1, 31) << QDate(2026, 4, 30) << QString();
    QTest::newRow("a year") << QDate(2025, 11, 26) << QDate(2026, 11, 26) << QStringLiteral("movements.range_too_long");
    QTest::newRow("reversed") << QDate(2026, 11, 27) << QDate(2026, 11, 26)
                              << QStringLiteral("movements.range_invalid");
    QTest::newRow("no from") << QDate() << QDate(2026, 11, 26) << QStringLiteral("movements.range_invalid");
    QTest::newRow("no to") << QDate(2026, 11, 26) << QDate() << QStringLiteral("movements.range_invalid");
}

void TestVoucherRules::checkSearchRange()
{
    QFETCH(QDate, from);
    QFETCH(QDate, to);
    QFETCH(QString, code);
    const auto r = VoucherRules::checkSearchRange(from, to);
    if (code.isEmpty()) {
        QVERIFY2(r.ok(), qPrintable(r.ok() ? QString() : r.error().message));
        return;
    }
    QVERIFY(!r.ok());
    QCOMPARE(r.error().code, code);
    QVERIFY(!r.error().message.isEmpty());
    if (code == u"movements.range_too_long")
        QVERIFY(r.error().message.contains(from.addMonths(3).toString(QStringLiteral("dd/MM/yyyy"))));
}

void TestVoucherRules::defaultSearchRange()
{
    // 23:30 UTC on 28 Mar is already 29 Mar in Rome.
    const auto r = VoucherRules::defaultSearchRange(ManualClock(utc("2026-03-28T23:30:00")));
    QCOMPARE(r.from, QDate(2026, 3, 29));
    QCOMPARE(r.to, QDate(2026, 3, 29));
    QVERIFY(VoucherRules::checkSearchRange(r.from, r.to).ok());
}

void TestVoucherRules::checkCancellationAmount()
{
    // What the client checks with the allowed amount the server sent; the same texts as the full rule.
    QVERIFY(VoucherRules::checkCancellationAmount(euro(300), euro(300)).ok());
    QVERIFY(VoucherRules::checkCancellationAmount(euro(1), euro(300)).ok());
    verifyOutcome(VoucherRules::checkCancellationAmount(euro(301), euro(300)), QStringLiteral("cancel.amount_exceeds"),
                  QStringLiteral("Importo superiore a quello consentito (3,00 \u20AC)"));
    verifyOutcome(VoucherRules::checkCancellationAmount(Money(), euro(300)), QStringLiteral("cancel.amount_invalid"),
                  QStringLiteral("Inserisci un importo da annullare maggiore di zero"));
    verifyOutcome(VoucherRules::checkCancellationAmount(euro(100), Money()), QStringLiteral("cancel.amount_exceeds"),
                  QString());
}

void TestVoucherRules::earliestSearchFrom_data()
{
    QTest::addColumn<QDate>("to");
    QTest::addColumn<QDate>("from");
    QTest::newRow("mid month") << QDate(2026, 11, 26) << QDate(2026, 8, 26);
    QTest::newRow("31 July: 30 April would end on 30 July") << QDate(2026, 7, 31) << QDate(2026, 5, 1);
    QTest::newRow("31 May: February is short") << QDate(2026, 5, 31) << QDate(2026, 3, 1);
    QTest::newRow("30 May") << QDate(2026, 5, 30) << QDate(2026, 3, 1);
    QTest::newRow("28 May") << QDate(2026, 5, 28) << QDate(2026, 2, 28);
    QTest::newRow("31 March across the year") << QDate(2027, 3, 31) << QDate(2026, 12, 31);
    QTest::newRow("29 February of a leap year") << QDate(2028, 2, 29) << QDate(2027, 11, 29);
    QTest::newRow("31 December") << QDate(2026, 12, 31) << QDate(2026, 10, 1);
    QTest::newRow("no date") << QDate() << QDate();
}

void TestVoucherRules::earliestSearchFrom()
{
    QFETCH(QDate, to);
    QFETCH(QDate, from);
    QCOMPARE(VoucherRules::earliestSearchFrom(to), from);
}

void TestVoucherRules::earliestSearchFromOnEveryDay()
{
    // The window the presets and the tests use is accepted by the rule, and a day more is not.
    for (QDate to(2025, 1, 1); to <= QDate(2028, 12, 31); to = to.addDays(1)) {
        const QDate from = VoucherRules::earliestSearchFrom(to);
        QVERIFY2(VoucherRules::checkSearchRange(from, to).ok(), qPrintable(to.toString(Qt::ISODate)));
        const auto longer = VoucherRules::checkSearchRange(from.addDays(-1), to);
        QVERIFY2(!longer.ok(), qPrintable(to.toString(Qt::ISODate)));
        QCOMPARE(longer.error().code, QStringLiteral("movements.range_too_long"));
    }
}

void TestVoucherRules::lastThreeMonths()
{
    // 23:50 in Rome on 31 July is still 31 July there (21:50 UTC).
    const auto r = VoucherRules::lastThreeMonths(ManualClock(utc("2026-07-31T21:50:00")));
    QCOMPARE(r.to, QDate(2026, 7, 31));
    QCOMPARE(r.from, QDate(2026, 5, 1));
    // 00:30 in Rome on 1 March is still February in UTC (here the 29th of a leap year).
    const auto march = VoucherRules::lastThreeMonths(ManualClock(utc("2028-02-29T23:30:00")));
    QCOMPARE(march.to, QDate(2028, 3, 1));
    QCOMPARE(march.from, QDate(2027, 12, 1));
}

QTEST_GUILESS_MAIN(TestVoucherRules)
#include "tst_voucherrules.moc"
