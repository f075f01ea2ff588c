// Widgets on their own: the OTP dialog (paste, Invio, no double submit, countdown and resend
// cooldown from the challenge), the receipt viewer (zoom, PDF), the add-employee dialog, the idle lock.
#include "core/domain/Clock.h"
#include "ui/IdleLock.h"
#include "ui/MainWindow.h"
#include "ui/dialogs/AddEmployeeDialog.h"
#include "ui/dialogs/OtpDialog.h"
#include "ui/dialogs/ReceiptViewer.h"

#include <QApplication>
#include <QBuffer>
#include <QLabel>
#include <QLineEdit>
#include <QPainter>
#include <QPdfView>
#include <QPdfWriter>
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

        // A PDF QtPdf cannot read: said so, and the system viewer is offered.
        ReceiptViewer pdf(movement,
                          ReceiptFile {QByteArrayLiteral("application/pdf"), QByteArrayLiteral("%PDF-1.4\n")});
        QVERIFY(pdf.isPdf());
        QVERIFY(!pdf.showsPdfInline());
        QVERIFY(pdf.findChild<QLabel*>(QStringLiteral("receiptImage"))->text().contains(QStringLiteral("PDF")));
        QVERIFY(!pdf.findChild<QPushButton*>(QStringLiteral("zoomInButton"))->isEnabled());
    }

    // A three-page PDF receipt made here: shown in the window, one page at a time, PgDn / PgUp
    // and Ctrl++ / Ctrl+- / Ctrl+0 work, and the page is really drawn (black on white).
    void receiptViewerShowsPdfInline()
    {
        QByteArray bytes;
        {
            QBuffer out(&bytes);
            out.open(QIODevice::WriteOnly);
            QPdfWriter writer(&out);
            writer.setPageSize(QPageSize(QPageSize::A6));
            writer.setResolution(72);
            QPainter painter(&writer);
            for (int page = 0; page < 3; ++page) {
                if (page > 0)
                    writer.newPage();
                painter.fillRect(QRect(0, 0, writer.width(), writer.height() / 2), Qt::black);
                painter.drawText(QPoint(10, writer.height() - 20), QStringLiteral("Pagina %1").arg(page + 1));
            }
        }
        QVERIFY(bytes.startsWith("%PDF-"));
        ApiMovement movement;
        movement.movement.amount = Money::fromCents(1250);
        movement.movement.createdAt = QDateTime::currentDateTimeUtc();
        ReceiptViewer viewer(movement, ReceiptFile {QByteArrayLiteral("application/pdf"), bytes});
        viewer.show();
        viewer.activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(&viewer));
        QVERIFY(viewer.isPdf());
        QVERIFY(viewer.showsPdfInline());
        QPdfView* view = viewer.findChild<QPdfView*>(QStringLiteral("receiptPdfView"));
        QVERIFY(view && view->isVisible());
        QVERIFY(!viewer.findChild<QWidget*>(QStringLiteral("receiptScroll"))->isVisible());
        QCOMPARE(viewer.pageCount(), 3);
        QCOMPARE(viewer.currentPage(), 0);
        auto* pageLabel = viewer.findChild<QLabel*>(QStringLiteral("receiptPageLabel"));
        QCOMPARE(pageLabel->text(), QStringLiteral("Pagina 1 di 3"));
        QVERIFY(!viewer.findChild<QPushButton*>(QStringLiteral("previousPageButton"))->isEnabled());

        // Drawn in the window: the black upper half of the page reaches the screen.
        const auto hasDarkPixels = [view] {
            const QImage shot = view->viewport()->grab().toImage();
            int dark = 0;
            for (int y = 0; y < shot.height(); y += 4)
                for (int x = 0; x < shot.width(); x += 4)
                    dark += qGray(shot.pixel(x, y)) < 40 ? 1 : 0;
            return dark > 100;
        };
        QTRY_VERIFY_WITH_TIMEOUT(hasDarkPixels(), 10000);

        // The keys reach the viewer while the PDF view (a scroll area) has the focus.
        QCOMPARE(QApplication::focusWidget(), static_cast<QWidget*>(view));
        QTest::keyClick(view, Qt::Key_PageDown);
        QCOMPARE(viewer.currentPage(), 1);
        QCOMPARE(pageLabel->text(), QStringLiteral("Pagina 2 di 3"));
        QTest::keyClick(&viewer, Qt::Key_PageDown);
        QTest::keyClick(&viewer, Qt::Key_PageDown);
        QCOMPARE(viewer.currentPage(), 2);
        QVERIFY(!viewer.findChild<QPushButton*>(QStringLiteral("nextPageButton"))->isEnabled());
        QTest::keyClick(&viewer, Qt::Key_PageUp);
        QCOMPARE(viewer.currentPage(), 1);

        QCOMPARE(viewer.zoom(), 1.0);
        QTest::keyClick(view, Qt::Key_Plus, Qt::ControlModifier);
        QVERIFY(viewer.zoom() > 1.0);
        QCOMPARE(view->zoomMode(), QPdfView::ZoomMode::Custom);
        QCOMPARE(view->zoomFactor(), viewer.zoom());
        QTest::keyClick(&viewer, Qt::Key_Minus, Qt::ControlModifier);
        QTest::keyClick(&viewer, Qt::Key_Minus, Qt::ControlModifier);
        QVERIFY(viewer.zoom() < 1.0);
        QTest::keyClick(&viewer, Qt::Key_0, Qt::ControlModifier);
        QCOMPARE(view->zoomFactor(), 1.0);
    }

    // No banner against a real server; against a sandbox one above whatever page is shown.
    void trainingBannerFollowsTheServer()
    {
        MainWindow window;
        auto* other = new QWidget;
        window.addPage(other);
        window.show();
        QLabel* banner = window.trainingBanner();
        QVERIFY(!banner->isVisible());
        QSignalSpy changed(&window, &MainWindow::trainingModeChanged);
        window.setTrainingMode(true);
        QCOMPARE(changed.size(), 1);
        QVERIFY(banner->isVisible());
        QVERIFY(banner->text().startsWith(QStringLiteral("AMBIENTE DI PROVA")));
        window.showPage(other);
        QVERIFY(banner->isVisible());
        window.goHome();
        QVERIFY(banner->isVisible());
        window.setTrainingMode(true);
        QCOMPARE(changed.size(), 1);
        window.setTrainingMode(false);
        QVERIFY(!banner->isVisible());
        QVERIFY(!window.windowTitle().contains(QStringLiteral("PROVA")));
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
