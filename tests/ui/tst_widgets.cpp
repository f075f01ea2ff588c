// Widgets on their own: the OTP dialog (paste, Invio, no double submit, countdown and resend
// cooldown from the challenge), the receipt viewer (zoom, PDF), the add-employee dialog, the idle lock.
#include "core/domain/Clock.h"
#include "ui/IdleLock.h"
#include "ui/dialogs/AddEmployeeDialog.h"
#include "ui/dialogs/OtpDialog.h"
#include "ui/dialogs/ReceiptViewer.h"

#include <QBuffer>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QTest>

using namespace sinfonia;

class TestWidgets : public QObject
{
    Q_OBJECT
private slots:
    void otpDialog()
    {
        ManualClock clock(QDateTime(QDate(2026, 11, 26), QTime(10, 0), Qt::UTC));
        OtpDialog dialog(QStringLiteral("Acquisto di 12,50 €"), clock);
        OtpChallenge challenge;
        challenge.maskedPhone = QStringLiteral("*****333");
        challenge.expiresAt = clock.now().addSecs(300);
        challenge.resendAvailableAt = clock.now().addSecs(30);
        challenge.attemptsLeft = 5;
        challenge.resendsLeft = 3;
        dialog.setChallenge(challenge);
        dialog.show();
        QVERIFY(dialog.findChild<QLabel*>(QStringLiteral("otpPhone"))->text().contains(QStringLiteral("*****333")));
        QVERIFY(dialog.countdownLabel()->text().contains(QStringLiteral("5:00")));
        QVERIFY(!dialog.resendButton()->isEnabled()); // cooldown from the server's answer
        QVERIFY(dialog.resendButton()->text().contains(QStringLiteral("30")));

        QSignalSpy verify(&dialog, &OtpDialog::verifyRequested);
        dialog.codeEdit()->setText(QStringLiteral("123 456")); // pasted with a blank
        QVERIFY(dialog.verifyButton()->isEnabled());
        QTest::keyClick(dialog.codeEdit(), Qt::Key_Return);
        QTest::keyClick(dialog.codeEdit(), Qt::Key_Return); // double Invio: one request
        QCOMPARE(verify.count(), 1);
        QCOMPARE(verify.first().first().toString(), QStringLiteral("123456"));
        dialog.showError(QStringLiteral("Codice OTP errato."), 4);
        QVERIFY(dialog.findChild<QLabel*>(QStringLiteral("otpAttempts"))->text().contains(QStringLiteral("4")));

        clock.advanceSecs(31);
        QTest::qWait(1100);
        QVERIFY(dialog.resendButton()->isEnabled());
        clock.advanceSecs(300);
        QTest::qWait(1100);
        QVERIFY(!dialog.verifyButton()->isEnabled()); // expired
        QVERIFY(dialog.errorLabel()->text().contains(QStringLiteral("scaduto")));
    }

    void receiptViewerZoomAndPdf()
    {
        QImage image(300, 900, QImage::Format_RGB32);
        image.fill(Qt::white);
        QByteArray jpeg;
        QBuffer buffer(&jpeg);
        buffer.open(QIODevice::WriteOnly);
        image.save(&buffer, "JPEG");
        ApiMovement movement;
        movement.movement.amount = Money::fromCents(1250);
        movement.movement.createdAt = QDateTime::currentDateTimeUtc();
        ReceiptViewer viewer(movement, ReceiptFile {QByteArrayLiteral("image/jpeg"), jpeg});
        QVERIFY(!viewer.isPdf());
        const double start = viewer.zoom();
        QVERIFY(start < 1.0); // fitted to the view
        QTest::mouseClick(viewer.findChild<QPushButton*>(QStringLiteral("zoomInButton")), Qt::LeftButton);
        QVERIFY(viewer.zoom() > start);
        QTest::mouseClick(viewer.findChild<QPushButton*>(QStringLiteral("zoomResetButton")), Qt::LeftButton);
        QCOMPARE(viewer.zoom(), 1.0);

        ReceiptViewer pdf(movement,
                          ReceiptFile {QByteArrayLiteral("application/pdf"), QByteArrayLiteral("%PDF-1.4\n")});
        QVERIFY(pdf.isPdf());
        QVERIFY(pdf.findChild<QLabel*>(QStringLiteral("receiptImage"))->text().contains(QStringLiteral("PDF")));
    }

    void addEmployeeRequiresValidFields()
    {
        ManualClock clock(QDateTime(QDate(2026, 11, 26), QTime(10, 0), Qt::UTC));
        AddEmployeeDialog dialog(clock);
        QVERIFY(!dialog.okButton()->isEnabled());
        dialog.cfEdit()->setText(QStringLiteral("RSSNNA91L44A509X")); // wrong check character
        dialog.givenNameEdit()->setText(QStringLiteral("Anna"));
        dialog.familyNameEdit()->setText(QStringLiteral("Russo"));
        QVERIFY(!dialog.okButton()->isEnabled());
        QVERIFY(!dialog.messageLabel()->text().isEmpty());
        dialog.cfEdit()->setText(QStringLiteral("rssnna91l44a509o"));
        QVERIFY(dialog.okButton()->isEnabled());
        QCOMPARE(dialog.codiceFiscale(), QStringLiteral("RSSNNA91L44A509O"));
    }

    void idleLockRestartsOnInput()
    {
        IdleLock lock;
        QSignalSpy idle(&lock, &IdleLock::idle);
        QWidget w;
        w.show();
        lock.setTimeoutMs(400);
        lock.arm();
        for (int i = 0; i < 4; ++i) {
            QTest::qWait(200);
            QTest::keyClick(&w, Qt::Key_A);
        }
        QCOMPARE(idle.count(), 0);
        QTRY_COMPARE_WITH_TIMEOUT(idle.count(), 1, 3000);
        QVERIFY(!lock.isArmed());
    }
};

QTEST_MAIN(TestWidgets)
#include "tst_widgets.moc"
