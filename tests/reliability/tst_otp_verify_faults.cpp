// The OTP verify of the counter when its answer goes missing (issue 11, found by the two-process
// campaign): the whole counter (real services, real widgets) against a real sandbox server behind
// FaultProxy. A verify the server committed but whose answer was lost, or a second verify that the
// server answers 409 "otp.used", must end on the normal confirmed screen (announced) when the
// movement read from the server is CONFERMATO with the dialog's id and amount; a verify that never
// reached the server says the purchase is still not confirmed and lets the clerk type the code
// again. The clerk is never told "Codice OTP già usato" for a confirmed purchase.
#include "core/domain/Money.h"
#include "core/services/net/ApiDecode.h"
#include "tests/support/FaultProxy.h"
#include "tests/support/HttpClient.h"
#include "tests/ui/CounterFixture.h"
#include "ui/OperatorSession.h"
#include "ui/dialogs/OtpDialog.h"
#include "ui/models/TransactionsModel.h"
#include "ui/pages/LoginPage.h"
#include "ui/pages/PurchasePage.h"
#include "ui/pages/SearchPage.h"
#include "ui/pages/StructurePage.h"
#include "ui/pages/VoucherPage.h"

#include <QDir>
#include <QImage>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QStandardPaths>
#include <QTest>

using namespace sinfonia;
using sinfonia::test::CounterFixture;
using sinfonia::test::FaultProxy;
using sinfonia::test::HttpResponse;
using sinfonia::test::TestServer;

namespace {
const QString activeCf = QStringLiteral("RSSMRA85T50A562W");
const QString activePhone = QStringLiteral("+393331234333");
constexpr int timeout = 20000;
} // namespace

class TestOtpVerifyFaults : public QObject
{
    Q_OBJECT
private:
    TestServer m_server;
    std::unique_ptr<FaultProxy> m_proxy;
    std::unique_ptr<CounterFixture> m_app;
    QString m_receiptPath;

    VoucherFlow& vouchers() { return m_app->flow->vouchers(); }
    QLabel* voucherMessage() { return vouchers().voucherPage()->findChild<QLabel*>(QStringLiteral("voucherMessage")); }
    QString announced() { return m_app->window->liveStatus()->text(); }

    bool openActiveVoucher()
    {
        LoginPage* login = m_app->flow->loginPage();
        if (!QTest::qWaitFor([&] { return login->identityList()->count() > 0; }, timeout))
            return false;
        emit login->sandboxLoginRequested(TestServer::titolareAvellino);
        if (!QTest::qWaitFor([&] { return m_app->window->currentPage() == m_app->flow->structurePage(); }, timeout))
            return false;
        emit m_app->flow->structurePage()->structureChosen(QStringLiteral("FAR001"));
        vouchers().showSearch();
        SearchPage* search = vouchers().searchPage();
        search->findChild<QLineEdit*>(QStringLiteral("cfEdit"))->setText(activeCf);
        QTest::mouseClick(search->findChild<QPushButton*>(QStringLiteral("searchButton")), Qt::LeftButton);
        return QTest::qWaitFor([&] { return vouchers().voucherPage()->model()->rowCount() > 0; }, timeout);
    }

    OtpDialog* sendPurchase(const QString& amount)
    {
        vouchers().startPurchase();
        PurchasePage* page = vouchers().purchasePage();
        if (m_app->window->currentPage() != page)
            return nullptr;
        page->findChild<QLineEdit*>(QStringLiteral("amountEdit"))->setText(amount);
        page->attachFile(m_receiptPath);
        if (!QTest::qWaitFor([page] { return page->receipt().has_value(); }, timeout))
            return nullptr;
        QTest::mouseClick(page->findChild<QPushButton*>(QStringLiteral("sendOtpButton")), Qt::LeftButton);
        if (!QTest::qWaitFor([this] { return vouchers().otpDialog() != nullptr; }, timeout))
            return nullptr;
        return vouchers().otpDialog();
    }

    static void typeOtp(OtpDialog* dialog, const QString& code)
    {
        dialog->codeEdit()->setText(code);
        QTest::keyClick(dialog->codeEdit(), Qt::Key_Return);
    }

    // The state of the movement of `cents` created in the last minutes, as the server lists it
    // (read directly, not through the proxy).
    QString serverState(qint64 cents)
    {
        const TestServer::Tokens tokens = m_server.login();
        const QString voucherId = vouchers().voucherPage()->voucher().voucher.id;
        const HttpResponse r
            = m_server.client(tokens.accessToken)
                  .get(QStringLiteral("/api/v1/structures/FAR001/vouchers/%1/transactions").arg(voucherId));
        const auto list = ApiDecode::movementList(r.body);
        if (!list.ok())
            return QStringLiteral("unreadable: HTTP %1").arg(r.status);
        const QDateTime recent = QDateTime::currentDateTimeUtc().addSecs(-300);
        for (const ApiMovement& m : list.value()) {
            if (m.movement.amount.cents() == cents && m.movement.createdAt >= recent)
                return toWire(m.movement.state);
        }
        return {};
    }

    // The normal confirmed screen: dialog gone, voucher page, the confirmation on it and announced.
    void expectConfirmed(const QString& amountText, const Money& availableBefore, qint64 cents)
    {
        const QString confirmed = QStringLiteral("Acquisto di %1 confermato.").arg(amountText);
        QTRY_VERIFY_WITH_TIMEOUT(vouchers().otpDialog() == nullptr, timeout);
        QCOMPARE(m_app->window->currentPage(), vouchers().voucherPage());
        QCOMPARE(voucherMessage()->text(), confirmed);
        QCOMPARE(announced(), confirmed);
        QTRY_COMPARE_WITH_TIMEOUT(vouchers().voucherPage()->voucher().voucher.availableAmount(),
                                  availableBefore - Money::fromCents(cents), timeout);
        QCOMPARE(serverState(cents), QStringLiteral("CONFERMATO"));
    }

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setOrganizationName(QStringLiteral("SINFONIA-test"));
        // The server logs each answer's route and status: the test sees the 409 it provokes.
        qputenv("QT_LOGGING_RULES", "qt.qpa.*=false;sinfonia.server.http.debug=true");
        QVERIFY2(m_server.start(), qPrintable(m_server.errorString()));
        m_proxy = std::make_unique<FaultProxy>(m_server.port());
        QVERIFY(m_proxy->start());
        QImage receipt(300, 500, QImage::Format_RGB32);
        receipt.fill(Qt::white);
        m_receiptPath = QDir::temp().filePath(
            QStringLiteral("tst_otp_verify_faults_%1.jpg").arg(QCoreApplication::applicationPid()));
        QVERIFY(receipt.save(m_receiptPath, "JPEG"));
    }
    void cleanupTestCase()
    {
        QFile::remove(m_receiptPath);
        m_proxy.reset();
        m_server.stop();
    }
    void init()
    {
        m_proxy->clearPathFaults();
        m_app = std::make_unique<CounterFixture>(QUrl(QStringLiteral("http://127.0.0.1:%1").arg(m_proxy->port())));
        m_app->flow->start();
        QVERIFY(openActiveVoucher());
    }
    void cleanup()
    {
        m_proxy->clearPathFaults();
        m_app.reset();
    }

    // The server commits the verify; every answer to it (the client's retries with the same key
    // included) is lost. The client reads the movement: CONFERMATO, this id and amount → confirmed.
    void lostAnswerAfterCommitShowsConfirmed()
    {
        const Money before = vouchers().voucherPage()->voucher().voucher.availableAmount();
        OtpDialog* otp = sendPurchase(QStringLiteral("2,13"));
        QVERIFY(otp);
        const int dropped = m_proxy->droppedResponses.load();
        m_proxy->setPathFault("/otp/verify", FaultProxy::Fault::DropResponse);
        typeOtp(otp, m_server.latestOtp(activePhone));
        QTRY_VERIFY_WITH_TIMEOUT(m_proxy->droppedResponses.load() > dropped, timeout);
        expectConfirmed(Money::fromCents(213).toString(), before, 213);
    }

    // The verify's answer is lost and so is the read of the movement: the clerk is told the outcome
    // is not known (never "confermato", never "già usato"). She types the code again: the server
    // answers 409 otp.used (the first verify had committed) and the client reads CONFERMATO.
    void otpUsedOnSecondVerifyShowsConfirmed()
    {
        const Money before = vouchers().voucherPage()->voucher().voucher.availableAmount();
        OtpDialog* otp = sendPurchase(QStringLiteral("2,17"));
        QVERIFY(otp);
        const QString code = m_server.latestOtp(activePhone);
        m_proxy->setPathFault("/otp/verify", FaultProxy::Fault::DropResponse);
        m_proxy->setPathFault("/transactions", FaultProxy::Fault::DropResponse);
        typeOtp(otp, code);
        QTRY_VERIFY_WITH_TIMEOUT(otp->errorLabel()->isVisibleTo(otp), 60000);
        QCOMPARE(
            otp->errorLabel()->text(),
            QStringLiteral("Esito della conferma non verificato: controlla l'elenco movimenti prima di ripetere."));
        QCOMPARE(announced(), otp->errorLabel()->text());
        QCOMPARE(vouchers().otpDialog(), otp);
        QCOMPARE(serverState(217), QStringLiteral("CONFERMATO")); // it was, all along

        m_proxy->clearPathFaults();
        const qsizetype used = m_server.serverLog().count("/otp/verify 409");
        QTRY_VERIFY_WITH_TIMEOUT(otp->verifyButton()->isEnabled() || otp->codeEdit()->isEnabled(), timeout);
        typeOtp(otp, code);
        expectConfirmed(Money::fromCents(217).toString(), before, 217);
        QCOMPARE(m_server.serverLog().count("/otp/verify 409"), used + 1); // the server said otp.used
    }

    // The verify never reaches the server: the movement is still IN ATTESA, the dialog says so and
    // stays open; the same code typed again confirms it.
    void verifyNeverSentSaysPendingAndRetries()
    {
        const Money before = vouchers().voucherPage()->voucher().voucher.availableAmount();
        OtpDialog* otp = sendPurchase(QStringLiteral("2,19"));
        QVERIFY(otp);
        const QString code = m_server.latestOtp(activePhone);
        m_proxy->setPathFault("/otp/verify", FaultProxy::Fault::DropRequest);
        typeOtp(otp, code);
        QTRY_VERIFY_WITH_TIMEOUT(otp->errorLabel()->isVisibleTo(otp), 60000);
        QCOMPARE(otp->errorLabel()->text(),
                 QStringLiteral("Il pagamento non risulta confermato: inserisci di nuovo il codice o premi \"Invia "
                                "nuovamente\"."));
        QCOMPARE(announced(), otp->errorLabel()->text());
        QCOMPARE(vouchers().otpDialog(), otp);
        QCOMPARE(serverState(219), QStringLiteral("IN_ATTESA"));
        QVERIFY(!voucherMessage()->text().contains(QStringLiteral("confermato")));

        m_proxy->clearPathFaults();
        typeOtp(otp, code);
        expectConfirmed(Money::fromCents(219).toString(), before, 219);
    }
};

QTEST_MAIN(TestOtpVerifyFaults)
#include "tst_otp_verify_faults.moc"
