// Operation journal: intents survive a reopen, state transitions, outcome texts, drafts.
#include "core/domain/Clock.h"
#include "core/services/journal/OperationJournal.h"

#include <QFile>
#include <QFileInfo>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace sinfonia;

class TestJournal : public QObject
{
    Q_OBJECT
    // Time of the suite: the wall clock, read in Rome like the product does.
    SystemClock m_clock;

private Q_SLOTS:
    void recordAndReopen();
    void transitions();
    void drafts();
    void duplicateKeyRefused();
    void damagedFileIsReportedNotReplaced();
};

namespace {

JournalEntry purchase(const QString& key, qint64 cents)
{
    JournalEntry e;
    e.idempotencyKey = key;
    e.structureId = QStringLiteral("FAR001");
    e.voucherId = QStringLiteral("100");
    e.amount = Money::fromCents(cents);
    e.receiptSha256 = QByteArray(64, 'a');
    e.method = "POST";
    e.path = QStringLiteral("/api/v1/structures/FAR001/vouchers/100/purchases");
    e.contentType = "multipart/form-data; boundary=x";
    e.body = "body";
    return e;
}

} // namespace

void TestJournal::recordAndReopen()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("journal.sqlite"));
    {
        OperationJournal j(m_clock);
        QVERIFY(j.open(path).ok());
        QSignalSpy changed(&j, &OperationJournal::entryChanged);
        QVERIFY(j.record(purchase(QStringLiteral("k1"), 1250)).ok());
        QCOMPARE(changed.size(), 1);
        QVERIFY(j.markSent(QStringLiteral("k1")).ok());
    }
    OperationJournal j(m_clock);
    QVERIFY(j.open(path).ok());
    const auto open = j.unresolved();
    QCOMPARE(open.size(), 1);
    QCOMPARE(open.first().state, JournalEntry::State::Sent);
    QCOMPARE(open.first().amount.cents(), 1250);
    QCOMPARE(open.first().body, QByteArray("body"));
    QCOMPARE(open.first().attempts, 1);
    QVERIFY(open.first().outcomeText().contains(QStringLiteral("in verifica")));
}

void TestJournal::transitions()
{
    QTemporaryDir dir;
    OperationJournal j(m_clock);
    QVERIFY(j.open(dir.filePath(QStringLiteral("j.sqlite"))).ok());
    QVERIFY(j.record(purchase(QStringLiteral("a"), 1250)).ok());
    QVERIFY(j.record(purchase(QStringLiteral("b"), 700)).ok());
    QVERIFY(j.markConfirmed(QStringLiteral("a"), QStringLiteral("m-1")).ok());
    QVERIFY(j.markFailed(QStringLiteral("b"), QStringLiteral("Importo superiore al residuo")).ok());
    auto a = j.entry(QStringLiteral("a"));
    QVERIFY(a);
    QCOMPARE(a->movementId, QStringLiteral("m-1"));
    QVERIFY(a->body.isEmpty()); // final: the request is no longer kept
    QCOMPARE(a->outcomeText(), QStringLiteral("Acquisto di 12,50 € registrato"));
    QCOMPARE(j.entry(QStringLiteral("b"))->outcomeText(), QStringLiteral("Acquisto di 7,00 € non registrato"));
    QVERIFY(j.unresolved().isEmpty());
    QCOMPARE(j.recent().size(), 2);
    QVERIFY(!j.markSent(QStringLiteral("missing")).ok());

    // A settled intent stays settled: a late replay cannot make a confirmed purchase sendable again.
    const Result<void> resent = j.markSent(QStringLiteral("a"));
    QVERIFY(!resent.ok());
    QCOMPARE(resent.error().code, QStringLiteral("journal.settled"));
    QVERIFY(!j.markFailed(QStringLiteral("a"), QStringLiteral("late")).ok());
    QVERIFY(!j.markUnknown(QStringLiteral("b"), QStringLiteral("late")).ok());
    QCOMPARE(j.entry(QStringLiteral("a"))->state, JournalEntry::State::Confirmed);
    QCOMPARE(j.entry(QStringLiteral("b"))->state, JournalEntry::State::Failed);
    QVERIFY(j.unresolved().isEmpty());
    QVERIFY(j.markConfirmed(QStringLiteral("a"), QStringLiteral("m-1")).ok()); // the same answer twice
}

void TestJournal::drafts()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("j.sqlite"));
    {
        OperationJournal j(m_clock);
        QVERIFY(j.open(path).ok());
        PurchaseDraft d;
        d.operatorId = QStringLiteral("OPCF1");
        d.structureId = QStringLiteral("FAR001");
        d.voucherId = QStringLiteral("100");
        d.amountText = QStringLiteral("12,50");
        d.receiptFileName = QStringLiteral("scontrino.jpg");
        d.receiptBytes = QByteArray("\xFF\xD8\xFF receipt");
        QVERIFY(j.saveDraft(d).ok());
    }
    OperationJournal j(m_clock);
    QVERIFY(j.open(path).ok());
    QVERIFY(!j.draft(QStringLiteral("OTHEROP"), QStringLiteral("FAR001"))); // another operator sees nothing
    auto d = j.draft(QStringLiteral("OPCF1"), QStringLiteral("FAR001"));
    QVERIFY(d);
    QCOMPARE(d->amountText, QStringLiteral("12,50"));
    QCOMPARE(d->receiptBytes, QByteArray("\xFF\xD8\xFF receipt"));
    QVERIFY(j.clearDraft(QStringLiteral("OPCF1"), QStringLiteral("FAR001")).ok());
    QVERIFY(!j.draft(QStringLiteral("OPCF1"), QStringLiteral("FAR001")));
}

void TestJournal::duplicateKeyRefused()
{
    QTemporaryDir dir;
    OperationJournal j(m_clock);
    QVERIFY(j.open(dir.filePath(QStringLiteral("j.sqlite"))).ok());
    QVERIFY(j.record(purchase(QStringLiteral("same"), 100)).ok());
    QVERIFY(!j.record(purchase(QStringLiteral("same"), 100)).ok());
}

void TestJournal::damagedFileIsReportedNotReplaced()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("j.sqlite"));
    {
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(QByteArray(8192, '\x42'));
    }
    OperationJournal j(m_clock);
    auto r = j.open(path);
    QVERIFY(!r.ok());
    QCOMPARE(r.error().code, QStringLiteral("journal.corrupt"));
    QVERIFY(!j.isOpen());
    QVERIFY(QFile::exists(path)); // kept for support: it may hold the only record of a debit
    QCOMPARE(QFileInfo(path).size(), 8192);
    QVERIFY(!j.record(purchase(QStringLiteral("x"), 100)).ok());
}

QTEST_GUILESS_MAIN(TestJournal)
#include "tst_journal.moc"
