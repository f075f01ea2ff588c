// "Configura lettore": the layout tables, the analysis of layout-mangled scans, and the dialog fed
// with key events at real scanner timings (a few ms apart), with and without terminator, too
// slow, Caps Lock, saving into the user settings and IT policy, the test code printed to PDF.
#include "core/domain/CodiceFiscale.h"
#include "core/scan/KeyboardLayouts.h"
#include "core/scan/ScannerCalibration.h"
#include "core/services/settings/AppSettings.h"
#include "ui/dialogs/ScannerSetupDialog.h"

#include <QApplication>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QProcess>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace sinfonia;
using KeyboardLayouts::Layout;
using ScannerCalibration::Key;

namespace {

// What a scanner typing `text` then `terminator` with `gapMs` between keys gives the analysis.
QList<Key> keys(const QString& text, int gapMs, Key::Kind terminator = Key::Kind::Enter)
{
    QList<Key> out;
    qint64 t = 1000;
    for (QChar c : text) {
        out.append(Key {c, Key::Kind::Character, t});
        t += gapMs;
    }
    if (terminator != Key::Kind::Character)
        out.append(Key {QChar(), terminator, t});
    return out;
}

// Sends `text` to `w` as key presses and releases, `gapMs` apart on the wall clock, then the
// terminator: what a keyboard-wedge scanner does.
void scanInto(QWidget* w, const QString& text, int gapMs, Qt::Key terminator = Qt::Key_Return)
{
    for (QChar c : text) {
        QKeyEvent press(QEvent::KeyPress, Qt::Key_unknown, Qt::NoModifier, QString(c));
        QApplication::sendEvent(w, &press);
        QKeyEvent release(QEvent::KeyRelease, Qt::Key_unknown, Qt::NoModifier, QString(c));
        QApplication::sendEvent(w, &release);
        QTest::qWait(gapMs);
    }
    if (terminator != Qt::Key_unknown)
        QTest::keyClick(w, terminator);
}

} // namespace

class TestScannerSetup : public QObject
{
    Q_OBJECT
private slots:
    void layoutTables()
    {
        // Each layout types every digit and every capital letter.
        for (Layout l : KeyboardLayouts::all()) {
            for (QChar c : QStringLiteral("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ"))
                QVERIFY2(KeyboardLayouts::strokeFor(l, c).has_value(), qPrintable(KeyboardLayouts::id(l) + c));
            QCOMPARE(KeyboardLayouts::translate(QStringLiteral("A1z"), l, l), QStringLiteral("A1z"));
        }
        // The classic mismatches.
        QCOMPARE(KeyboardLayouts::translate(QStringLiteral("1234567890"), Layout::Us, Layout::Fr),
                 QStringLiteral("&é\"'(-è_çà"));
        QCOMPARE(KeyboardLayouts::translate(QStringLiteral("1234567890"), Layout::Fr, Layout::It),
                 QStringLiteral("!\"£$%&/()="));
        QCOMPARE(KeyboardLayouts::translate(QStringLiteral("ZY"), Layout::De, Layout::It), QStringLiteral("YZ"));
        QCOMPARE(KeyboardLayouts::translate(QStringLiteral("AQWZM"), Layout::Fr, Layout::Us), QStringLiteral("QAZW:"));
        // Letters and digits sit at the same keys on US, UK and Italian boards.
        QCOMPARE(KeyboardLayouts::translate(QStringLiteral("RSSMRA85T50A562W"), Layout::Us, Layout::It),
                 QStringLiteral("RSSMRA85T50A562W"));
    }

    void testCodeIsAValidCodiceFiscale() { QVERIFY(CodiceFiscale::isValid(ScannerCalibration::testCode())); }

    // Every pair of layouts: a test scan through a scanner set to one on a computer set to the
    // other is recognised; where the code reads differently the mismatch is named, with what to set.
    void mangledScansAreRecognised()
    {
        const QString code = ScannerCalibration::testCode();
        for (Layout host : KeyboardLayouts::all()) {
            for (Layout scanner : KeyboardLayouts::all()) {
                const QString typed = KeyboardLayouts::translate(code, scanner, host);
                const auto r = ScannerCalibration::analyse(keys(typed, 4), code, host);
                const QString pair = KeyboardLayouts::id(scanner) + QStringLiteral(" on ") + KeyboardLayouts::id(host);
                QVERIFY2(r.recognised, qPrintable(pair));
                QCOMPARE(r.code, code);
                QVERIFY(r.prefix.isEmpty() && r.suffix.isEmpty());
                if (typed == code) {
                    QVERIFY2(!r.scannerLayout, qPrintable(pair));
                    QVERIFY2(r.advice.isEmpty(), qPrintable(pair + r.advice.join(u'|')));
                    continue;
                }
                QVERIFY2(r.scannerLayout.has_value(), qPrintable(pair));
                // The layout found reproduces exactly what was typed.
                QCOMPARE(KeyboardLayouts::translate(code, *r.scannerLayout, host), typed);
                QVERIFY(r.advice.join(u' ').contains(KeyboardLayouts::displayName(host)));
                QVERIFY(r.advice.join(u' ').contains(QStringLiteral("Imposta il lettore sulla tastiera")));
            }
        }
    }

    // Her own Tessera Sanitaria (no expected code): a valid CF inside the scan, even mangled, with
    // the prefix and suffix the scanner adds around it.
    void ownCardWithPrefixSuffixAndLayout()
    {
        const QString cf = QStringLiteral("RSSMRA85T50A562W");
        const QString typed
            = KeyboardLayouts::translate(QStringLiteral("C0") + cf + QStringLiteral("."), Layout::Fr, Layout::It);
        const auto r = ScannerCalibration::analyse(keys(typed, 3, Key::Kind::Tab), QString(), Layout::It);
        QVERIFY(r.recognised);
        QCOMPARE(r.code, cf);
        QCOMPARE(r.scannerLayout, std::optional<Layout>(Layout::Fr));
        QCOMPARE(r.terminator, ScannerCalibration::Terminator::Tab);
        QCOMPARE(r.prefix, KeyboardLayouts::translate(QStringLiteral("C0"), Layout::Fr, Layout::It));
        QCOMPARE(r.suffix.size(), 1);
    }

    void timingAndProposal()
    {
        const QString code = ScannerCalibration::testCode();
        auto fast = ScannerCalibration::analyse(keys(code, 4), code, Layout::It);
        QCOMPARE(fast.maxGapMs, 4);
        QCOMPARE(fast.proposedBurstMs, 15); // the floor: 2 × 4 + 5 is below it
        QVERIFY(!fast.tooSlow);
        auto busy = ScannerCalibration::analyse(keys(code, 15), code, Layout::It);
        QCOMPARE(busy.proposedBurstMs, 35);
        // As slow as a person types: no threshold can tell it from typing.
        auto slow = ScannerCalibration::analyse(keys(code, 70), code, Layout::It);
        QVERIFY(slow.tooSlow);
        QCOMPARE(slow.proposedBurstMs, 0);
        QVERIFY(slow.advice.join(u' ').contains(QStringLiteral("lentamente")));
        // No terminator: said, with what to set.
        auto open = ScannerCalibration::analyse(keys(code, 4, Key::Kind::Character), code, Layout::It);
        QCOMPARE(open.terminator, ScannerCalibration::Terminator::None);
        QVERIFY(open.advice.join(u' ').contains(QStringLiteral("Invio")));
        // Caps Lock inverts the letters.
        auto caps = ScannerCalibration::analyse(keys(code.toLower(), 4), code, Layout::It);
        QVERIFY(caps.recognised);
        QVERIFY(caps.capsLock);
        // Garbage is not a code.
        auto none = ScannerCalibration::analyse(keys(QStringLiteral("hello world"), 4), code, Layout::It);
        QVERIFY(!none.recognised);
        QCOMPARE(ScannerCalibration::policyLines(fast),
                 QStringLiteral("[scanner]\nburstMs=15\nprefix=\"\"\nsuffix=\"\"\n"));
    }

    // The dialog with key events a few ms apart: Enter ends the scan, prefix found, threshold
    // proposed and saved in the user settings; the running router is told.
    void dialogMeasuresAndSaves()
    {
        QTemporaryDir dir;
        AppSettings settings(dir.filePath(QStringLiteral("system.conf")), dir.filePath(QStringLiteral("user.conf")));
        ScannerSetupDialog dialog(settings);
        dialog.setHostLayout(Layout::It);
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        QSignalSpy analysed(&dialog, &ScannerSetupDialog::scanAnalysed);
        QSignalSpy saved(&dialog, &ScannerSetupDialog::saved);
        scanInto(dialog.scanInput(), QStringLiteral("*") + ScannerCalibration::testCode(), 3);
        QCOMPARE(analysed.size(), 1);
        const auto& r = *dialog.result();
        QVERIFY(r.recognised);
        QCOMPARE(r.prefix, QStringLiteral("*"));
        QCOMPARE(r.terminator, ScannerCalibration::Terminator::Enter);
        QVERIFY2(r.maxGapMs >= 3, qPrintable(QString::number(r.maxGapMs)));
        QVERIFY(r.proposedBurstMs >= 15 && r.proposedBurstMs <= 50);
        QCOMPARE(dialog.findChild<QLabel*>(QStringLiteral("scannerPrefix"))->text(), QStringLiteral("«*»"));
        QVERIFY(dialog.saveButton()->isEnabled());
        QVERIFY(dialog.policyText()->toPlainText().contains(QStringLiteral("prefix=\"*\"")));

        QTest::mouseClick(dialog.saveButton(), Qt::LeftButton);
        QCOMPARE(saved.size(), 1);
        QCOMPARE(saved.first().at(0).toInt(), r.proposedBurstMs);
        QSettings user(dir.filePath(QStringLiteral("user.conf")), QSettings::IniFormat);
        QCOMPARE(user.value(QStringLiteral("scanner/burstMs")).toInt(), r.proposedBurstMs);
        QCOMPARE(user.value(QStringLiteral("scanner/prefix")).toString(), QStringLiteral("*"));
    }

    // A French scanner on an Italian PC through the dialog: digits arrive as symbols; the
    // dialog says what to set. Without a terminator the scan ends after the pause.
    void dialogRecognisesLayoutMismatchWithoutTerminator()
    {
        QTemporaryDir dir;
        AppSettings settings(dir.filePath(QStringLiteral("system.conf")), dir.filePath(QStringLiteral("user.conf")));
        ScannerSetupDialog dialog(settings);
        dialog.setHostLayout(Layout::It);
        dialog.show();
        QSignalSpy analysed(&dialog, &ScannerSetupDialog::scanAnalysed);
        scanInto(dialog.scanInput(), KeyboardLayouts::translate(ScannerCalibration::testCode(), Layout::Fr, Layout::It),
                 4, Qt::Key_unknown);
        QVERIFY(analysed.wait(3000));
        const auto& r = *dialog.result();
        QVERIFY(r.recognised);
        QCOMPARE(r.scannerLayout, std::optional<Layout>(Layout::Fr));
        const QString advice = dialog.adviceLabel()->text();
        QVERIFY2(advice.contains(QStringLiteral("Francese")), qPrintable(advice));
        QVERIFY2(advice.contains(QStringLiteral("Imposta il lettore sulla tastiera Italiano")), qPrintable(advice));
        QVERIFY(advice.contains(QStringLiteral("non invia Invio")));
    }

    // Keys IT set in the system file are not written; the dialog says so and shows the lines.
    void policyKeysAreNotWritten()
    {
        QTemporaryDir dir;
        {
            QSettings system(dir.filePath(QStringLiteral("system.conf")), QSettings::IniFormat);
            system.setValue(QStringLiteral("scanner/burstMs"), 30);
        }
        AppSettings settings(dir.filePath(QStringLiteral("system.conf")), dir.filePath(QStringLiteral("user.conf")));
        ScannerSetupDialog dialog(settings);
        int t = 0;
        dialog.setClock([&t] { return t += 5; }); // exactly 5 ms a key
        dialog.setHostLayout(Layout::It);
        dialog.show();
        scanInto(dialog.scanInput(), ScannerCalibration::testCode(), 0);
        QCOMPARE(dialog.result()->maxGapMs, 5);
        QCOMPARE(dialog.result()->proposedBurstMs, 15);
        QVERIFY(dialog.save()); // prefix and suffix are still the user's
        QVERIFY(dialog.statusLabel()->text().contains(QStringLiteral("amministratore")));
        QCOMPARE(settings.scannerBurstMs(), 30);
        QVERIFY(dialog.policyText()->toPlainText().contains(QStringLiteral("burstMs=15")));
    }

    void slowScannerCannotBeSaved()
    {
        QTemporaryDir dir;
        AppSettings settings(dir.filePath(QStringLiteral("system.conf")), dir.filePath(QStringLiteral("user.conf")));
        ScannerSetupDialog dialog(settings);
        int t = 0;
        dialog.setClock([&t] { return t += 90; });
        dialog.show();
        scanInto(dialog.scanInput(), ScannerCalibration::testCode(), 0);
        QVERIFY(dialog.result()->tooSlow);
        QVERIFY(!dialog.saveButton()->isEnabled());
        QVERIFY(!dialog.save());
    }

    void testCodePrintsToPdf()
    {
        QTemporaryDir dir;
        AppSettings settings(dir.filePath(QStringLiteral("system.conf")), dir.filePath(QStringLiteral("user.conf")));
        ScannerSetupDialog dialog(settings);
        const QString pdf = dir.filePath(QStringLiteral("codice.pdf"));
        dialog.setPdfOutput(pdf);
        QTest::mouseClick(dialog.findChild<QPushButton*>(QStringLiteral("scannerPrintButton")), Qt::LeftButton);
        QProcess p;
        p.start(QStringLiteral("pdftotext"), {pdf, QStringLiteral("-")});
        QVERIFY(p.waitForFinished(60000));
        const QString text = QString::fromUtf8(p.readAllStandardOutput());
        QVERIFY2(text.contains(ScannerCalibration::testCode()), qPrintable(text));
    }
};

QTEST_MAIN(TestScannerSetup)
#include "tst_scannersetup.moc"
