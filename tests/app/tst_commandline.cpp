// The command line: --version, --help, --server validation.
#include "app/CommandLine.h"

#include <QCoreApplication>
#include <QTest>

using namespace sinfonia;

class TestCommandLine : public QObject
{
    Q_OBJECT
private slots:
    void version()
    {
        const auto o = parseCommandLine({QStringLiteral("sinfonia-pos"), QStringLiteral("--version")});
        QCOMPARE(o.mode, CommandLineOptions::Mode::Exit);
        QCOMPARE(o.exitCode, 0);
        QVERIFY(o.message.contains(QStringLiteral("SINFONIA Banco")));
    }
    void help()
    {
        const auto o = parseCommandLine({QStringLiteral("sinfonia-pos"), QStringLiteral("--help")});
        QCOMPARE(o.mode, CommandLineOptions::Mode::Exit);
        QVERIFY(o.message.contains(QStringLiteral("--server")));
        QVERIFY(o.message.contains(QStringLiteral("--print-config")));
    }
    void server()
    {
        const auto o = parseCommandLine(
            {QStringLiteral("sinfonia-pos"), QStringLiteral("--server"), QStringLiteral("http://127.0.0.1:8080")});
        QCOMPARE(o.mode, CommandLineOptions::Mode::Run);
        QCOMPARE(o.serverUrl, QUrl(QStringLiteral("http://127.0.0.1:8080")));
    }
    void badServer()
    {
        const auto o
            = parseCommandLine({QStringLiteral("sinfonia-pos"), QStringLiteral("--server"), QStringLiteral("ftp://x")});
        QCOMPARE(o.mode, CommandLineOptions::Mode::Exit);
        QCOMPARE(o.exitCode, 2);
    }
    void unknownOption()
    {
        const auto o = parseCommandLine({QStringLiteral("sinfonia-pos"), QStringLiteral("--nope")});
        QCOMPARE(o.mode, CommandLineOptions::Mode::Exit);
        QCOMPARE(o.exitCode, 2);
    }
};

QTEST_GUILESS_MAIN(TestCommandLine)
#include "tst_commandline.moc"
