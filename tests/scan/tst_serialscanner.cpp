// SerialScanner over a pseudo-terminal pair: the slave (through a symlink, like a udev
// /dev/serial/by-id name) is the scanner's port; bytes written on the master arrive as scans.
// Closing the master is an unplug; a new pty behind the same symlink is the replug.
#include "core/scan/SerialScanner.h"

#include <QFile>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <pty.h>
#include <unistd.h>

using namespace sinfonia;

namespace {

// One end of a fake USB-CDC scanner.
struct FakeDevice
{
    int master = -1;
    QString slavePath;

    bool open()
    {
        int slave = -1;
        char name[128] = {};
        if (openpty(&master, &slave, name, nullptr, nullptr) != 0)
            return false;
        ::close(slave); // the scanner under test opens it by name
        slavePath = QString::fromLocal8Bit(name);
        return true;
    }
    void write(const QByteArray& bytes) const
    {
        QVERIFY(::write(master, bytes.constData(), size_t(bytes.size())) == bytes.size());
    }
    void unplug()
    {
        ::close(master);
        master = -1;
    }
    ~FakeDevice()
    {
        if (master >= 0)
            ::close(master);
    }
};

} // namespace

class TestSerialScanner : public QObject
{
    Q_OBJECT

private slots:
    void linesBecomeScans();
    void missingPortRetries();
    void unplugAndReplug();
};

void TestSerialScanner::linesBecomeScans()
{
    FakeDevice device;
    QVERIFY(device.open());
    SerialScanner scanner(device.slavePath, 9600);
    QSignalSpy cf(&scanner, &ScanSource::codiceFiscaleScanned);
    QSignalSpy product(&scanner, &ScanSource::productCodeScanned);
    QSignalSpy unreadable(&scanner, &ScanSource::unreadableScan);
    scanner.start();
    QCOMPARE(scanner.state(), SerialScanner::State::Connected);

    device.write("RSSMRA85T10A562S\r\n");
    QTRY_COMPARE(cf.count(), 1);
    QCOMPARE(cf.at(0).at(0).toString(), QStringLiteral("RSSMRA85T10A562S"));

    // Split across writes, lower case (the scanner's Caps Lock is irrelevant here but harmless), Tab.
    device.write("bnclra90a4");
    QTest::qWait(30);
    device.write("1f839h\t");
    QTRY_COMPARE(cf.count(), 2);
    QCOMPARE(cf.at(1).at(0).toString(), QStringLiteral("BNCLRA90A41F839H"));

    device.write("8001234567897\n");
    QTRY_COMPARE(product.count(), 1);
    device.write("garbage-garbage\r");
    QTRY_COMPARE(unreadable.count(), 1);
    QCOMPARE(cf.count(), 2);
}

void TestSerialScanner::missingPortRetries()
{
    QTemporaryDir dir;
    SerialScanner scanner(dir.filePath(QStringLiteral("ttyACM-missing")), 9600);
    scanner.setReconnectInterval(50);
    scanner.start();
    QCOMPARE(scanner.state(), SerialScanner::State::Disconnected);
    QVERIFY(!scanner.errorString().isEmpty());
}

void TestSerialScanner::unplugAndReplug()
{
    QTemporaryDir dir;
    const QString link = dir.filePath(QStringLiteral("usb-scanner"));
    auto device = std::make_unique<FakeDevice>();
    QVERIFY(device->open());
    QVERIFY(QFile::link(device->slavePath, link));

    SerialScanner scanner(link, 115200);
    scanner.setReconnectInterval(50);
    QSignalSpy states(&scanner, &SerialScanner::stateChanged);
    QSignalSpy cf(&scanner, &ScanSource::codiceFiscaleScanned);
    scanner.start();
    QCOMPARE(scanner.state(), SerialScanner::State::Connected);
    device->write("RSSMRA85T10A562S\r");
    QTRY_COMPARE(cf.count(), 1);

    device->unplug();
    QTRY_COMPARE(scanner.state(), SerialScanner::State::Disconnected);
    QVERIFY(!scanner.errorString().isEmpty());

    // Replug: a new device node behind the same stable name.
    device = std::make_unique<FakeDevice>();
    QVERIFY(device->open());
    QFile::remove(link);
    QVERIFY(QFile::link(device->slavePath, link));
    QTRY_COMPARE(scanner.state(), SerialScanner::State::Connected);
    device->write("VRDGPP80E15H501Q\n");
    QTRY_COMPARE(cf.count(), 2);
    QCOMPARE(cf.at(1).at(0).toString(), QStringLiteral("VRDGPP80E15H501Q"));
    QVERIFY(states.count() >= 3);
}

QTEST_GUILESS_MAIN(TestSerialScanner)
#include "tst_serialscanner.moc"
