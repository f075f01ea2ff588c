// ScanRouter: scanner bursts versus human typing, delivered as key events with realistic
// timestamps through the window (as the window system does), with widgets in focus and a modal
// dialog open; swipe strings typed through an Italian layout; product codes; terminators.
#include "core/domain/ScanText.h"
#include "core/scan/ScanRouter.h"

#include <QApplication>
#include <QDialog>
#include <QFile>
#include <QKeyEvent>
#include <QLineEdit>
#include <QSignalSpy>
#include <QTest>
#include <QVBoxLayout>
#include <QWindow>

using namespace sinfonia;

namespace {

int keyFor(QChar c)
{
    const QChar u = c.toUpper();
    if (u >= QLatin1Char('A') && u <= QLatin1Char('Z'))
        return Qt::Key_A + (u.unicode() - 'A');
    if (c.isDigit())
        return Qt::Key_0 + (c.unicode() - '0');
    return u.unicode(); // Qt key codes of Latin-1 characters are their (upper-case) code points
}

} // namespace

class TestScanRouter : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();

    void scannerBurstIsSwallowed();
    void humanTypingLandsInField();
    void fastHumanWithRolloverIsNeverAScanner();
    void realTimeHumanTypingViaQTest();
    void burstWhileModalDialogHasFocus();
    void capsLockIsUndone();
    void tabAndTimeoutTerminate();
    void productCodeSaysSo();
    void unreadableBurst();
    void swipeStringsUnderItalianLayout();
    void prefixAndSuffix();
    void shortcutsPassImmediately();
    void typingRightAfterABurst();
    void burstSurvivesAStalledSender();
    void quickStartThenHumanIsTyping();
    void heldKeyGoesToOriginalFocus();

private:
    // Delivers text as key presses/releases to `window` with timestamps `msPerKey` apart.
    void type(QWindow* window, const QString& text, int msPerKey);
    void key(QWindow* window, int key, const QString& text = {}, Qt::KeyboardModifiers mods = Qt::NoModifier);

    std::unique_ptr<QWidget> m_window;
    QLineEdit* m_search = nullptr;
    QLineEdit* m_amount = nullptr;
    std::unique_ptr<ScanRouter> m_router;
    quint64 m_time = 1000000;
};

void TestScanRouter::type(QWindow* window, const QString& text, int msPerKey)
{
    for (const QChar c : text) {
        m_time += quint64(msPerKey);
        // Like a real keyboard wedge (and xdotool): Shift is pressed around every upper-case letter.
        const bool shift = c.isUpper();
        const Qt::KeyboardModifiers mods = shift ? Qt::ShiftModifier : Qt::NoModifier;
        if (shift) {
            QKeyEvent shiftPress(QEvent::KeyPress, Qt::Key_Shift, Qt::NoModifier);
            shiftPress.setTimestamp(m_time - 1);
            QApplication::sendEvent(window, &shiftPress);
        }
        QKeyEvent press(QEvent::KeyPress, keyFor(c), mods, QString(c));
        press.setTimestamp(m_time);
        QApplication::sendEvent(window, &press);
        QKeyEvent release(QEvent::KeyRelease, keyFor(c), mods, QString(c));
        release.setTimestamp(m_time + 1);
        QApplication::sendEvent(window, &release);
        if (shift) {
            QKeyEvent shiftRelease(QEvent::KeyRelease, Qt::Key_Shift, Qt::ShiftModifier);
            shiftRelease.setTimestamp(m_time + 2);
            QApplication::sendEvent(window, &shiftRelease);
        }
    }
}

void TestScanRouter::key(QWindow* window, int k, const QString& text, Qt::KeyboardModifiers mods)
{
    m_time += 8;
    QKeyEvent press(QEvent::KeyPress, k, mods, text);
    press.setTimestamp(m_time);
    QApplication::sendEvent(window, &press);
    QKeyEvent release(QEvent::KeyRelease, k, mods, text);
    release.setTimestamp(m_time + 2);
    QApplication::sendEvent(window, &release);
}

void TestScanRouter::init()
{
    m_window = std::make_unique<QWidget>();
    auto* layout = new QVBoxLayout(m_window.get());
    m_search = new QLineEdit(m_window.get());
    m_amount = new QLineEdit(m_window.get());
    layout->addWidget(m_search);
    layout->addWidget(m_amount);
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
    m_window->activateWindow();
    m_amount->setFocus();
    QTRY_COMPARE(QApplication::focusWidget(), m_amount);
    m_router = std::make_unique<ScanRouter>();
    m_router->install(qApp);
}

void TestScanRouter::cleanup()
{
    m_router.reset();
    m_window.reset();
}

void TestScanRouter::scannerBurstIsSwallowed()
{
    QSignalSpy cf(m_router.get(), &ScanSource::codiceFiscaleScanned);
    QSignalSpy enter(m_amount, &QLineEdit::returnPressed);
    type(m_window->windowHandle(), QStringLiteral("RSSMRA85T10A562S"), 8);
    key(m_window->windowHandle(), Qt::Key_Return, QStringLiteral("\r"));
    QCOMPARE(cf.count(), 1);
    QCOMPARE(cf.at(0).at(0).toString(), QStringLiteral("RSSMRA85T10A562S"));
    QCOMPARE(m_amount->text(), QString());
    QCOMPARE(enter.count(), 0); // the terminator belongs to the scan
    QCOMPARE(m_router->pendingKeyCount(), 0);
}

void TestScanRouter::humanTypingLandsInField()
{
    QSignalSpy cf(m_router.get(), &ScanSource::codiceFiscaleScanned);
    QSignalSpy unreadable(m_router.get(), &ScanSource::unreadableScan);
    // Even a CF typed by hand at 150 ms/key is typing, not a scan: every key lands, in order.
    type(m_window->windowHandle(), QStringLiteral("RSSMRA85T10A562S"), 150);
    QTRY_COMPARE(m_amount->text(), QStringLiteral("RSSMRA85T10A562S"));
    key(m_window->windowHandle(), Qt::Key_Return, QStringLiteral("\r"));
    QCOMPARE(cf.count(), 0);
    QCOMPARE(unreadable.count(), 0);
}

void TestScanRouter::fastHumanWithRolloverIsNeverAScanner()
{
    QSignalSpy cf(m_router.get(), &ScanSource::codiceFiscaleScanned);
    QSignalSpy swallowed(m_router.get(), &ScanRouter::burstSwallowed);
    // A fast typist averages ~70 ms/key but rolls some pairs in 20–30 ms.
    const QString text = QStringLiteral("RSSMRA85T10A562S");
    const int gaps[] = {90, 22, 75, 28, 110, 18, 64, 25, 80, 30, 70, 21, 95, 26, 66, 24};
    for (int i = 0; i < text.size(); ++i)
        type(m_window->windowHandle(), text.mid(i, 1), gaps[i]);
    QTRY_COMPARE(m_amount->text(), text);
    QCOMPARE(cf.count(), 0);
    QCOMPARE(swallowed.count(), 0);
}

void TestScanRouter::realTimeHumanTypingViaQTest()
{
    // QTest events carry no timestamp: the router's monotonic clock decides, in real time.
    QSignalSpy cf(m_router.get(), &ScanSource::codiceFiscaleScanned);
    QTest::keyClicks(m_amount, QStringLiteral("12,50"), Qt::NoModifier, 150);
    QTRY_COMPARE(m_amount->text(), QStringLiteral("12,50"));
    QCOMPARE(cf.count(), 0);
}

void TestScanRouter::burstWhileModalDialogHasFocus()
{
    // Stands in for the OTP dialog: a modal dialog whose line edit has focus and whose default
    // button would fire on Enter.
    QDialog dialog(m_window.get());
    dialog.setModal(true);
    auto* otp = new QLineEdit(&dialog);
    (new QVBoxLayout(&dialog))->addWidget(otp);
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    dialog.activateWindow();
    otp->setFocus();
    QTRY_COMPARE(QApplication::focusWidget(), otp);

    QSignalSpy cf(m_router.get(), &ScanSource::codiceFiscaleScanned);
    QSignalSpy accepted(&dialog, &QDialog::accepted);
    type(dialog.windowHandle(), QStringLiteral("RSSMRA85T10A562S"), 8);
    key(dialog.windowHandle(), Qt::Key_Return, QStringLiteral("\r"));
    QCOMPARE(cf.count(), 1);
    QCOMPARE(otp->text(), QString());
    QCOMPARE(m_amount->text(), QString());
    QVERIFY(dialog.isVisible());
    QCOMPARE(accepted.count(), 0);

    // The OTP itself, typed by hand, still reaches the dialog.
    type(dialog.windowHandle(), QStringLiteral("123456"), 150);
    QTRY_COMPARE(otp->text(), QStringLiteral("123456"));
}

void TestScanRouter::capsLockIsUndone()
{
    QSignalSpy cf(m_router.get(), &ScanSource::codiceFiscaleScanned);
    type(m_window->windowHandle(), QStringLiteral("rssmra85t10a562s"), 8);
    key(m_window->windowHandle(), Qt::Key_Return, QStringLiteral("\r"));
    QCOMPARE(cf.count(), 1);
    QCOMPARE(cf.at(0).at(0).toString(), QStringLiteral("RSSMRA85T10A562S"));
}

void TestScanRouter::tabAndTimeoutTerminate()
{
    QSignalSpy cf(m_router.get(), &ScanSource::codiceFiscaleScanned);
    type(m_window->windowHandle(), QStringLiteral("BNCLRA90A41F839H"), 5);
    key(m_window->windowHandle(), Qt::Key_Tab, QStringLiteral("\t"));
    QCOMPARE(cf.count(), 1);
    QCOMPARE(QApplication::focusWidget(), m_amount); // the Tab did not move focus

    // No terminator at all: the silence after the burst ends it.
    type(m_window->windowHandle(), QStringLiteral("VRDGPP80E15H501Q"), 5);
    QCOMPARE(cf.count(), 1);
    QTRY_COMPARE(cf.count(), 2);
    QCOMPARE(cf.at(1).at(0).toString(), QStringLiteral("VRDGPP80E15H501Q"));
    QCOMPARE(m_amount->text(), QString());
}

void TestScanRouter::productCodeSaysSo()
{
    QSignalSpy product(m_router.get(), &ScanSource::productCodeScanned);
    QSignalSpy cf(m_router.get(), &ScanSource::codiceFiscaleScanned);
    const QString aic = QStringLiteral("A01234567") + QString::number(code32CheckDigit(u"01234567"));
    type(m_window->windowHandle(), aic, 8);
    key(m_window->windowHandle(), Qt::Key_Return, QStringLiteral("\r"));
    QCOMPARE(cf.count(), 0);
    QCOMPARE(product.count(), 1);
    QCOMPARE(product.at(0).at(1).toString(), QStringLiteral("Questo è un codice prodotto, non la tessera sanitaria"));
    QCOMPARE(ScanSource::productCodeMessage(), QStringLiteral("Questo è un codice prodotto, non la tessera sanitaria"));

    type(m_window->windowHandle(), QStringLiteral("8001234567897"), 8); // EAN-13 of a baby product
    key(m_window->windowHandle(), Qt::Key_Return, QStringLiteral("\r"));
    QCOMPARE(product.count(), 2);
    QCOMPARE(product.at(1).at(0).toString(), QStringLiteral("8001234567897"));
    QCOMPARE(m_amount->text(), QString());
}

void TestScanRouter::unreadableBurst()
{
    QSignalSpy unreadable(m_router.get(), &ScanSource::unreadableScan);
    type(m_window->windowHandle(), QStringLiteral("XXXXXXXXXX"), 8);
    key(m_window->windowHandle(), Qt::Key_Return, QStringLiteral("\r"));
    QCOMPARE(unreadable.count(), 1);
    QVERIFY(!unreadable.at(0).at(0).toString().isEmpty());
    QCOMPARE(m_amount->text(), QString());
}

void TestScanRouter::swipeStringsUnderItalianLayout()
{
    QFile file(QStringLiteral(SINFONIA_TEST_DATA_DIR "/scan/swipes-it.txt"));
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QStringList lines = QString::fromUtf8(file.readAll()).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    int cases = 0;
    for (const QString& line : lines) {
        if (line.startsWith(QLatin1Char('#')))
            continue;
        const QStringList parts = line.split(QLatin1Char('\t'));
        QCOMPARE(parts.size(), 2);
        QSignalSpy cf(m_router.get(), &ScanSource::codiceFiscaleScanned);
        type(m_window->windowHandle(), parts.at(0), 3); // stripe readers are faster than scanners
        key(m_window->windowHandle(), Qt::Key_Return, QStringLiteral("\r"));
        QCOMPARE(cf.count(), 1);
        QCOMPARE(cf.at(0).at(0).toString(), parts.at(1));
        QCOMPARE(m_amount->text(), QString());
        ++cases;
    }
    QVERIFY(cases >= 3);
}

void TestScanRouter::prefixAndSuffix()
{
    ScanRouter::Config config;
    config.prefix = QStringLiteral("]A0");
    config.suffix = QStringLiteral("#");
    m_router->setConfig(config);
    QSignalSpy cf(m_router.get(), &ScanSource::codiceFiscaleScanned);
    type(m_window->windowHandle(), QStringLiteral("]A0RSSMRA85T10A562S#"), 8);
    QCOMPARE(cf.count(), 1); // the suffix terminates: no Enter, no timeout needed
    QCOMPARE(cf.at(0).at(0).toString(), QStringLiteral("RSSMRA85T10A562S"));
    QCOMPARE(m_amount->text(), QString());
}

void TestScanRouter::shortcutsPassImmediately()
{
    m_amount->setText(QStringLiteral("abc"));
    key(m_window->windowHandle(), Qt::Key_A, QStringLiteral("a"), Qt::ControlModifier);
    QCOMPARE(m_router->pendingKeyCount(), 0);
    QCOMPARE(m_amount->selectedText(), QStringLiteral("abc"));
    key(m_window->windowHandle(), Qt::Key_Backspace);
    QCOMPARE(m_amount->text(), QString());
}

void TestScanRouter::typingRightAfterABurst()
{
    QSignalSpy cf(m_router.get(), &ScanSource::codiceFiscaleScanned);
    type(m_window->windowHandle(), QStringLiteral("RSSMRA85T10A562S"), 8);
    key(m_window->windowHandle(), Qt::Key_Return, QStringLiteral("\r"));
    type(m_window->windowHandle(), QStringLiteral("45"), 200);
    QTRY_COMPARE(m_amount->text(), QStringLiteral("45"));
    QCOMPARE(cf.count(), 1);
}

void TestScanRouter::burstSurvivesAStalledSender()
{
    // Seen under Xvfb with xdotool on a loaded machine: one 50–60 ms hole in an 8 ms/key burst.
    QSignalSpy cf(m_router.get(), &ScanSource::codiceFiscaleScanned);
    type(m_window->windowHandle(), QStringLiteral("RSSMRA85T10"), 8);
    type(m_window->windowHandle(), QStringLiteral("A"), 60);
    type(m_window->windowHandle(), QStringLiteral("562S"), 8);
    key(m_window->windowHandle(), Qt::Key_Tab, QStringLiteral("\t"));
    QCOMPARE(cf.count(), 1);
    QCOMPARE(cf.at(0).at(0).toString(), QStringLiteral("RSSMRA85T10A562S"));
    QCOMPARE(m_amount->text(), QString());
}

void TestScanRouter::quickStartThenHumanIsTyping()
{
    // Even four rolled keys under 40 ms followed by ordinary typing stay typing: only two slow gaps
    // are tolerated, so the run ends and every key is handed back, in order.
    QSignalSpy swallowed(m_router.get(), &ScanRouter::burstSwallowed);
    type(m_window->windowHandle(), QStringLiteral("1234"), 20);
    type(m_window->windowHandle(), QStringLiteral("5678901"), 90);
    QTRY_COMPARE(m_amount->text(), QStringLiteral("12345678901"));
    QCOMPARE(swallowed.count(), 0);
}

void TestScanRouter::heldKeyGoesToOriginalFocus()
{
    // A key is held for a few tens of ms; if the clerk clicks another field meanwhile, the key still
    // belongs to the field it was typed in.
    type(m_window->windowHandle(), QStringLiteral("7"), 150);
    QCOMPARE(m_router->pendingKeyCount(), 1);
    m_search->setFocus();
    QTRY_COMPARE(m_amount->text(), QStringLiteral("7"));
    QCOMPARE(m_search->text(), QString());
}

QTEST_MAIN(TestScanRouter)
#include "tst_scanrouter.moc"
