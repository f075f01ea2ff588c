// The slip for the mother: printed to PDF (QPrinter::PdfFormat) on every paper and read back with
// pdftotext / pdfinfo (poppler-utils): what it says, what it never says (codice fiscale, name), the
// page size of each paper, PROVA against a sandbox, and the IT policy on paper and automatic print.
#include "core/services/net/ApiTypes.h"
#include "core/services/settings/AppSettings.h"
#include "ui/print/MotherSlip.h"
#include "ui/print/SlipPrinter.h"

#include <QAction>
#include <QMenu>
#include <QProcess>
#include <QRegularExpression>
#include <QSettings>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace sinfonia;

namespace {
QByteArray runTool(const QString& program, const QStringList& args)
{
    QProcess p;
    p.start(program, args);
    if (!p.waitForFinished(60000) || p.exitStatus() != QProcess::NormalExit || p.exitCode() != 0)
        return {};
    return p.readAllStandardOutput();
}

QString pdfText(const QString& path)
{
    return QString::fromUtf8(runTool(QStringLiteral("pdftotext"), {path, QStringLiteral("-")}))
        .normalized(QString::NormalizationForm_KC);
}

// "Page size:      226.77 x 340.16 pts": width and height in points.
QSizeF pdfPageSize(const QString& path)
{
    const QString info = QString::fromUtf8(runTool(QStringLiteral("pdfinfo"), {path}));
    const auto m = QRegularExpression(QStringLiteral("Page size:\\s+([\\d.]+) x ([\\d.]+) pts")).match(info);
    return m.hasMatch() ? QSizeF(m.captured(1).toDouble(), m.captured(2).toDouble()) : QSizeF();
}

int pdfPages(const QString& path)
{
    const QString info = QString::fromUtf8(runTool(QStringLiteral("pdfinfo"), {path}));
    const auto m = QRegularExpression(QStringLiteral("Pages:\\s+(\\d+)")).match(info);
    return m.hasMatch() ? m.captured(1).toInt() : -1;
}

// What the server answers after the OTP of a purchase: the voucher carries her CF and name.
VerifyResult confirmedPurchase()
{
    VerifyResult r;
    r.movement.movement.id = QStringLiteral("m-77");
    r.movement.movement.createdAt = QDateTime(QDate(2026, 11, 26), QTime(10, 15), Qt::UTC); // 11:15 in Rome
    r.movement.movement.type = MovementType::Acquisto;
    r.movement.movement.state = MovementState::Confermato;
    r.movement.movement.amount = Money::fromCents(1250);
    r.movement.movement.commercialDocument = QStringLiteral("0042-0815");
    r.movement.movement.merchantName = QStringLiteral("Farmacia del server");
    r.movement.voucherNumber = QStringLiteral("VOB000001002024");
    r.movement.codiceFiscale = QStringLiteral("RSSMRA85T50A562W");
    r.voucher.voucher.number = QStringLiteral("VOB000001002024");
    r.voucher.voucher.codiceFiscale = QStringLiteral("RSSMRA85T50A562W");
    r.voucher.voucher.initialAmount = Money::fromCents(50000);
    r.voucher.voucher.usedAmount = Money::fromCents(11250);
    r.voucher.givenName = QStringLiteral("Maria");
    r.voucher.familyName = QStringLiteral("Rossi");
    r.voucher.maskedPhone = QStringLiteral("+39 333 ***4333");
    return r;
}
} // namespace

class TestSlip : public QObject
{
    Q_OBJECT
private slots:
    void saysTheOperationAndNothingPersonal_data()
    {
        QTest::addColumn<QString>("paper");
        QTest::addColumn<QSizeF>("points"); // expected width x height; height 0: a roll, any length
        QTest::newRow("A4") << QStringLiteral("A4") << QSizeF(595.28, 841.89);
        QTest::newRow("A5") << QStringLiteral("A5") << QSizeF(419.53, 595.28);
        QTest::newRow("80mm") << QStringLiteral("80mm") << QSizeF(226.77, 0);
        QTest::newRow("58mm") << QStringLiteral("58mm") << QSizeF(164.41, 0);
    }
    void saysTheOperationAndNothingPersonal()
    {
        QFETCH(QString, paper);
        QFETCH(QSizeF, points);
        QTemporaryDir dir;
        AppSettings settings(dir.filePath(QStringLiteral("system.conf")), dir.filePath(QStringLiteral("user.conf")));
        SlipPrinter printer(settings);
        QVERIFY(printer.setPaper(MotherSlip::paperFromSetting(paper)).ok());
        QCOMPARE(settings.slipPaper(), paper);
        const QString path = dir.filePath(QStringLiteral("slip.pdf"));
        printer.setPdfOutput(path);
        QSignalSpy printed(&printer, &SlipPrinter::printed);
        printer.printWithPreview(
            MotherSlip::fromConfirmed(confirmedPurchase(), QStringLiteral("Farmacia Avellino"), false), nullptr);
        QCOMPARE(printed.size(), 1);
        QVERIFY(printed.first().at(0).toBool());

        QCOMPARE(pdfPages(path), 1);
        const QSizeF size = pdfPageSize(path);
        QVERIFY2(qAbs(size.width() - points.width()) < 1.0, qPrintable(QString::number(size.width())));
        if (points.height() > 0)
            QVERIFY2(qAbs(size.height() - points.height()) < 1.0, qPrintable(QString::number(size.height())));
        else
            QVERIFY2(size.height() > 150 && size.height() < 700, qPrintable(QString::number(size.height())));

        const QString text = pdfText(path);
        const QString flat = QString(text).replace(QRegularExpression(QStringLiteral("\\s+")), QStringLiteral(" "));
        for (const char* s : {"PROMEMORIA", "Farmacia Avellino", "26/11/2026", "11:15", "Acquisto confermato", "12,50",
                              "Saldo residuo", "387,50", "VOB000001002024", "0042-0815"}) {
            QVERIFY2(flat.contains(QString::fromUtf8(s)),
                     qPrintable(QString::fromUtf8(s) + QStringLiteral(" not in: ") + flat));
        }
        for (const char* s : {"RSSMRA", "Maria", "Rossi", "4333", "PROVA"})
            QVERIFY2(!flat.contains(QString::fromUtf8(s), Qt::CaseInsensitive), s);
    }

    void cancellationAndTraining()
    {
        VerifyResult r = confirmedPurchase();
        r.movement.movement.type = MovementType::Cancellazione;
        r.movement.movement.commercialDocument.clear();
        r.voucher.voucher.usedAmount = Money::fromCents(10000);
        QTemporaryDir dir;
        AppSettings settings(dir.filePath(QStringLiteral("system.conf")), dir.filePath(QStringLiteral("user.conf")));
        SlipPrinter printer(settings);
        const QString path = dir.filePath(QStringLiteral("slip.pdf"));
        printer.setPdfOutput(path);
        printer.printDirect(MotherSlip::fromConfirmed(r, QString(), true));
        const QString flat = pdfText(path).replace(QRegularExpression(QStringLiteral("\\s+")), QStringLiteral(" "));
        for (const char* s : {"PROVA — nessun voucher reale", "Cancellazione confermata", "Importo restituito",
                              "400,00", "non indicato", "Farmacia del server"})
            QVERIFY2(flat.contains(QString::fromUtf8(s)),
                     qPrintable(QString::fromUtf8(s) + QStringLiteral(" not in: ") + flat));
    }

    // IT sets the paper in the system scope: the menu shows it, read-only; automatic print stays
    // the clerk's choice and is saved in the user scope.
    void policyLocksThePaper()
    {
        QTemporaryDir dir;
        const QString sys = dir.filePath(QStringLiteral("system.conf"));
        {
            QSettings it(sys, QSettings::IniFormat);
            it.setValue(QString::fromLatin1(SettingsKeys::slipPaper), QStringLiteral("58mm"));
        }
        AppSettings settings(sys, dir.filePath(QStringLiteral("user.conf")));
        SlipPrinter printer(settings);
        QCOMPARE(printer.paper(), SlipPaper::Roll58);
        QVERIFY(printer.isPaperLocked());
        QCOMPARE(printer.setPaper(SlipPaper::A4).error().code, QStringLiteral("settings.locked"));
        QCOMPARE(printer.paper(), SlipPaper::Roll58);

        QWidget parent;
        QMenu* menu = printer.createSettingsMenu(&parent);
        auto* roll = menu->findChild<QAction*>(QStringLiteral("slipPaper_58mm"));
        auto* a4 = menu->findChild<QAction*>(QStringLiteral("slipPaper_A4"));
        QVERIFY(roll && a4);
        QVERIFY(roll->isChecked());
        QVERIFY(!a4->isEnabled());
        auto* autoPrint = menu->findChild<QAction*>(QStringLiteral("slipAutoPrintAction"));
        QVERIFY(autoPrint && autoPrint->isEnabled() && !autoPrint->isChecked());
        autoPrint->trigger();
        QVERIFY(printer.autoPrint());
        AppSettings reread(sys, dir.filePath(QStringLiteral("user.conf")));
        QVERIFY(reread.slipAutoPrint());
    }

    void menuChangesThePaper()
    {
        QTemporaryDir dir;
        AppSettings settings(dir.filePath(QStringLiteral("system.conf")), dir.filePath(QStringLiteral("user.conf")));
        SlipPrinter printer(settings);
        QWidget parent;
        QMenu* menu = printer.createSettingsMenu(&parent);
        QVERIFY(menu->findChild<QAction*>(QStringLiteral("slipPaper_A4"))->isChecked());
        menu->findChild<QAction*>(QStringLiteral("slipPaper_80mm"))->trigger();
        QCOMPARE(printer.paper(), SlipPaper::Roll80);
        QCOMPARE(settings.slipPaper(), QStringLiteral("80mm"));
        QVERIFY(!menu->findChild<QAction*>(QStringLiteral("slipPaper_A4"))->isChecked());
    }
};

QTEST_MAIN(TestSlip)
#include "tst_slip.moc"
