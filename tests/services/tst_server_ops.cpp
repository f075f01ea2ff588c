// Counter operations against a REAL sinfonia-server on loopback: typed calls, a purchase whose answer
// is dropped after commit and reconciled by the journal with the same key (T1), purchase + OTP +
// receipt + cancellation, an intent saved but never sent, and the movement cache synced from the
// server and rebuilt after corruption (T12).
#include "ServerTestBase.h"
#include "core/domain/VoucherRules.h"
#include "core/services/cache/CfHasher.h"
#include "core/services/cache/MovementCache.h"
#include "core/services/journal/OperationJournal.h"
#include "core/services/journal/OperationRunner.h"
#include "core/services/net/ApiErrors.h"
#include "tests/support/FaultProxy.h"

#include <QBuffer>
#include <QDirIterator>
#include <QGuiApplication>
#include <QImage>
#include <QNetworkReply>
#include <QRandomGenerator>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTemporaryFile>
#include <QTest>

namespace {
// A real PNG: the server decodes and re-encodes every receipt image.
QByteArray realPng(QRgb color)
{
    QImage image(8, 8, QImage::Format_RGB32);
    image.fill(color);
    QByteArray out;
    QBuffer buffer(&out);
    buffer.open(QIODevice::WriteOnly);
    image.save(&buffer, "PNG");
    return out;
}
} // namespace

using namespace sinfonia;
using namespace sinfonia::test;

class TestServerOps : public ServerTestBase
{
    Q_OBJECT
private Q_SLOTS:
    void typedOperations();
    void droppedAnswerReconciledOnce();
    void purchaseOtpReceiptAndCancellation();
    void intentSavedButNeverSentIsReplayed();
    void cacheSyncAndCorruptRebuild();
};

void TestServerOps::typedOperations()
{
    QVERIFY(login());
    QString cf;
    const auto voucher = activeVoucher(&cf);
    QVERIFY(voucher.has_value());
    auto byCard = wait<Beneficiary>(
        [&](auto done) { m_api->findBeneficiaryByCf(QStringLiteral("FAR001"), cf.toLower(), this, done); });
    QVERIFY(byCard.ok());
    auto v = wait<VoucherInfo>(
        [&](auto done) { m_api->voucher(QStringLiteral("FAR001"), voucher->voucher.id, this, done); });
    QVERIFY(v.ok());
    QCOMPARE(v->voucher.number, voucher->voucher.number);
    auto tx = wait<QList<ApiMovement>>(
        [&](auto done) { m_api->transactions(QStringLiteral("FAR001"), voucher->voucher.id, this, done); });
    QVERIFY(tx.ok());
    auto staff = wait<QList<Employee>>([&](auto done) { m_api->employees(QStringLiteral("FAR001"), this, done); });
    QVERIFY2(staff.ok(), qPrintable(staff.ok() ? QString() : staff.error().detail));
    QVERIFY(!staff->isEmpty());
    auto missing = wait<Beneficiary>([&](auto done) {
        m_api->findBeneficiaryByCf(QStringLiteral("FAR001"), QStringLiteral("RSSMRA85T10A562S"), this, done);
    });
    QVERIFY(!missing.ok());
    QVERIFY(!missing.error().message.isEmpty());
    auto forbidden = wait<VoucherInfo>(
        [&](auto done) { m_api->voucher(QStringLiteral("NOPE01"), QStringLiteral("1"), this, done); });
    QVERIFY(!forbidden.ok());
    QCOMPARE(ApiErrors::httpStatus(forbidden.error()), std::optional<int>(404));
}

void TestServerOps::droppedAnswerReconciledOnce()
{
    QVERIFY(login());
    QString cf;
    const auto voucher = activeVoucher(&cf);
    QVERIFY(voucher.has_value());
    const qint64 cents = 1000 + QRandomGenerator::global()->bounded(997); // unique in this run
    const int before = countMovements(voucher->voucher.id, cents);

    test::FaultProxy proxy(m_server.port());
    QVERIFY(proxy.start());
    ApiClient viaProxy(m_nam, QUrl(QStringLiteral("http://127.0.0.1:%1").arg(proxy.port())));
    viaProxy.setTokenProvider(m_session);
    viaProxy.setTimeoutMs(10000);
    QTemporaryDir dir;
    OperationJournal journal(m_clock);
    QVERIFY(journal.open(dir.filePath(QStringLiteral("journal.sqlite"))).ok());
    OperationRunner runner(&viaProxy, &journal, m_clock);

    proxy.setForcedFault(test::FaultProxy::Fault::DropResponse);
    const ReceiptFile receipt {"image/png", realPng(qRgb(200, 0, 0))};
    auto first = wait<MovementWithChallenge>([&](auto done) {
        runner.purchase(QStringLiteral("FAR001"), voucher->voucher.id, Money::fromCents(cents), {}, receipt, this,
                        done);
    });
    QVERIFY(!first.ok()); // the clerk saw no confirmation...
    QVERIFY(proxy.droppedResponses.load() >= 1);
    const auto open = journal.unresolved();
    QCOMPARE(open.size(), 1);
    QCOMPARE(open.first().state, JournalEntry::State::Unknown);
    QCOMPARE(countMovements(voucher->voucher.id, cents), before + 1); // ...but the server committed once

    // Next start: a new journal object on the same file, the network is back.
    proxy.setForcedFault(test::FaultProxy::Fault::None);
    OperationJournal reopened(m_clock);
    QVERIFY(reopened.open(dir.filePath(QStringLiteral("journal.sqlite"))).ok());
    OperationRunner again(&viaProxy, &reopened, m_clock);
    QSignalSpy done(&again, &OperationRunner::reconcileFinished);
    QSignalSpy resolved(&again, &OperationRunner::resolved);
    again.reconcile();
    QVERIFY(done.wait(30000));
    QCOMPARE(done.first().at(0).toInt(), 1);
    QCOMPARE(resolved.size(), 1);
    QVERIFY(resolved.first().at(1).toBool());
    QVERIFY(resolved.first().at(2).toString().endsWith(QStringLiteral("registrato")));
    QVERIFY(reopened.unresolved().isEmpty());
    QCOMPARE(countMovements(voucher->voucher.id, cents), before + 1); // never debited twice
    QVERIFY(!reopened.entry(open.first().idempotencyKey)->movementId.isEmpty());
}

void TestServerOps::purchaseOtpReceiptAndCancellation()
{
    QVERIFY(login());
    QString cf;
    const auto voucher = activeVoucher(&cf);
    QVERIFY(voucher.has_value());
    QTemporaryDir dir;
    OperationJournal journal(m_clock);
    QVERIFY(journal.open(dir.filePath(QStringLiteral("j.sqlite"))).ok());
    OperationRunner runner(m_api, &journal, m_clock);
    const QByteArray png = realPng(qRgb(0, 200, 0));
    auto created = wait<MovementWithChallenge>([&](auto done) {
        runner.purchase(QStringLiteral("FAR001"), voucher->voucher.id, Money::fromCents(321), QStringLiteral("DOC-1"),
                        ReceiptFile {"image/png", png}, this, done);
    });
    QVERIFY2(created.ok(), qPrintable(created.ok() ? QString() : created.error().detail));
    const QString purchaseId = created->movement.movement.id;
    QCOMPARE(created->movement.movement.state, MovementState::InAttesa);
    QVERIFY(created->otp.attemptsLeft > 0);

    // A wrong code first: Italian message and attempts left from the server.
    auto wrong = wait<VerifyResult>([&](auto done) {
        m_api->verifyOtp(QStringLiteral("FAR001"), purchaseId, QStringLiteral("000000"), this, done);
    });
    const QString otp = m_server.latestOtpForMovement(purchaseId);
    QVERIFY(!otp.isEmpty());
    if (otp != QLatin1String("000000")) {
        QVERIFY(!wrong.ok());
        QCOMPARE(wrong.error().code, QStringLiteral("otp.invalid"));
        QVERIFY(ApiErrors::attemptsLeft(wrong.error()).has_value());
    }
    auto verified = wait<VerifyResult>(
        [&](auto done) { m_api->verifyOtp(QStringLiteral("FAR001"), purchaseId, otp, this, done); });
    QVERIFY2(verified.ok(), qPrintable(verified.ok() ? QString() : verified.error().detail));
    QCOMPARE(verified->movement.movement.state, MovementState::Confermato);
    QCOMPARE(verified->voucher.voucher.id, voucher->voucher.id);

    auto receipt
        = wait<ReceiptFile>([&](auto done) { m_api->receipt(QStringLiteral("FAR001"), purchaseId, this, done); });
    QVERIFY2(receipt.ok(), qPrintable(receipt.ok() ? QString() : receipt.error().detail));
    // Re-encoded by the server: the same picture.
    QCOMPARE(QImage::fromData(receipt->bytes, "PNG").convertToFormat(QImage::Format_RGB32),
             QImage::fromData(png, "PNG").convertToFormat(QImage::Format_RGB32));

    // Same-day cancellation of part of it, through the journal, confirmed with its OTP.
    auto cancel = wait<MovementWithChallenge>([&](auto done) {
        runner.cancellation(QStringLiteral("FAR001"), voucher->voucher.id, purchaseId, Money::fromCents(100), this,
                            done);
    });
    QVERIFY2(cancel.ok(), qPrintable(cancel.ok() ? QString() : cancel.error().detail));
    QCOMPARE(cancel->movement.movement.type, MovementType::Cancellazione);
    const QString cancelOtp = m_server.latestOtpForMovement(cancel->movement.movement.id);
    auto credited = wait<VerifyResult>([&](auto done) {
        m_api->verifyOtp(QStringLiteral("FAR001"), cancel->movement.movement.id, cancelOtp, this, done);
    });
    QVERIFY2(credited.ok(), qPrintable(credited.ok() ? QString() : credited.error().detail));
    QCOMPARE(credited->voucher.voucher.availableAmount().cents(),
             verified->voucher.voucher.availableAmount().cents() + 100);
    QCOMPARE(journal.recent().size(), 2);
    QVERIFY(journal.unresolved().isEmpty());
}

void TestServerOps::intentSavedButNeverSentIsReplayed()
{
    QVERIFY(login());
    QString cf;
    const auto voucher = activeVoucher(&cf);
    QVERIFY(voucher.has_value());
    const qint64 cents = 2000 + QRandomGenerator::global()->bounded(997);
    const int before = countMovements(voucher->voucher.id, cents);
    auto me = wait<OperatorProfile>([&](auto done) { m_api->me(this, done); });
    QVERIFY(me.ok());
    const QString operatorId = me->id;
    QTemporaryDir dir;
    const QByteArray key = ApiClient::newIdempotencyKey();
    {
        // The process died right after writing the intent.
        OperationJournal journal(m_clock);
        QVERIFY(journal.open(dir.filePath(QStringLiteral("j.sqlite"))).ok());
        const ReceiptFile receipt {"image/png", realPng(qRgb(0, 0, 200))};
        const ApiCall call = ApiClient::purchaseCall(QStringLiteral("FAR001"), voucher->voucher.id,
                                                     Money::fromCents(cents), {}, receipt, key);
        JournalEntry e;
        e.idempotencyKey = QString::fromLatin1(key);
        e.operatorId = operatorId;
        e.structureId = QStringLiteral("FAR001");
        e.voucherId = voucher->voucher.id;
        e.amount = Money::fromCents(cents);
        e.method = call.method;
        e.path = call.path;
        e.contentType = call.contentType;
        e.body = call.body;
        QVERIFY(journal.record(e).ok());
    }
    OperationJournal journal(m_clock);
    QVERIFY(journal.open(dir.filePath(QStringLiteral("j.sqlite"))).ok());
    OperationRunner runner(m_api, &journal, m_clock);
    QSignalSpy done(&runner, &OperationRunner::reconcileFinished);
    // Another operator on this PC never replays it (at the server it would be a new purchase).
    runner.setOperatorId(QStringLiteral("someone-else"));
    runner.reconcile();
    QTRY_COMPARE(done.size(), 1);
    QCOMPARE(journal.unresolved().size(), 1);
    QCOMPARE(countMovements(voucher->voucher.id, cents), before);
    runner.setOperatorId(operatorId);
    runner.reconcile();
    QTRY_COMPARE_WITH_TIMEOUT(done.size(), 2, 30000);
    runner.reconcile(); // a third pass finds nothing to do
    QCOMPARE(countMovements(voucher->voucher.id, cents), before + 1);
    QCOMPARE(journal.entry(QString::fromLatin1(key))->state, JournalEntry::State::Confirmed);
}

void TestServerOps::cacheSyncAndCorruptRebuild()
{
    QVERIFY(login());
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("movements.sqlite"));
    const QByteArray key = CfHasher::generateKey();
    const auto window = VoucherRules::lastThreeMonths(m_clock);
    int synced = 0;
    {
        MovementCache cache(m_clock);
        QSignalSpy opened(&cache, &MovementCache::opened);
        cache.open(path, key);
        QVERIFY(opened.wait(10000));
        QSignalSpy finished(&cache, &MovementCache::syncFinished);
        QSignalSpy failed(&cache, &MovementCache::syncFailed);
        cache.sync(m_api, QStringLiteral("FAR001"), window.from, window.to);
        QVERIFY(QTest::qWaitFor([&] { return !finished.isEmpty() || !failed.isEmpty(); }, 60000));
        QVERIFY2(failed.isEmpty(),
                 qPrintable(failed.isEmpty() ? QString() : failed.first().at(1).value<Error>().detail));
        synced = finished.first().at(1).toInt();
        QVERIFY(synced > 0);
    }
    {
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
        f.write(QByteArray(8192, '\x13'));
    }
    MovementCache cache(m_clock);
    QSignalSpy opened(&cache, &MovementCache::opened);
    cache.open(path, key);
    QVERIFY(opened.wait(10000));
    QVERIFY(opened.first().at(0).toBool());
    QVERIFY(opened.first().at(1).toBool()); // set aside, rebuilt
    QSignalSpy finished(&cache, &MovementCache::syncFinished);
    cache.sync(m_api, QStringLiteral("FAR001"), window.from, window.to);
    QVERIFY(finished.wait(60000));
    std::optional<Result<MovementRows>> rows;
    cache.query(QStringLiteral("FAR001"), window.from, window.to, QString(), this,
                [&](Result<MovementRows> r) { rows = std::move(r); });
    QTRY_VERIFY(rows.has_value());
    QVERIFY(rows->ok());
    QVERIFY(rows->value().rows.size() >= synced); // the purchases of other tests may add rows
    QVERIFY(rows->value().lastSyncAt.isValid());
}

int main(int argc, char** argv)
{
    QGuiApplication app(argc, argv); // QDesktopServices lives in Gui
    TestServerOps t;
    QTEST_SET_MAIN_SOURCE_PATH
    return QTest::qExec(&t, argc, argv);
}

#include "tst_server_ops.moc"
