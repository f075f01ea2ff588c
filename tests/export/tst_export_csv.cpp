#include "ExportSamples.h"
#include "core/export/MovementExportJob.h"

#include <QFile>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace sinfonia;

class TestExportCsv : public QObject
{
    Q_OBJECT
private slots:
    void fileNameHasNoPersonalData()
    {
        QCOMPARE(MovementExport::defaultFileName(ExportFormat::Csv, QStringLiteral("FAR001"), QDate(2026, 9, 1),
                                                 QDate(2026, 11, 26)),
                 QStringLiteral("movimenti_FAR001_2026-09-01_2026-11-26.csv"));
        QCOMPARE(MovementExport::defaultFileName(ExportFormat::Xlsx, QStringLiteral("../a b"), QDate(2026, 1, 2),
                                                 QDate(2026, 1, 3)),
                 QStringLiteral("movimenti_ab_2026-01-02_2026-01-03.xlsx"));
    }

    void helpers()
    {
        QCOMPARE(MovementExport::amountText(123456), QStringLiteral("1234,56"));
        QCOMPARE(MovementExport::amountText(7), QStringLiteral("0,07"));
        QCOMPARE(MovementExport::amountText(-700), QStringLiteral("-7,00"));
        QCOMPARE(MovementExport::guardFormula(QStringLiteral("=1+1")), QStringLiteral("'=1+1"));
        QCOMPARE(MovementExport::guardFormula(QStringLiteral("+1")), QStringLiteral("'+1"));
        QCOMPARE(MovementExport::guardFormula(QStringLiteral("@x")), QStringLiteral("'@x"));
        QCOMPARE(MovementExport::guardFormula(QStringLiteral("\rx")), QStringLiteral("'\rx"));
        QCOMPARE(MovementExport::guardFormula(QStringLiteral("a=b")), QStringLiteral("a=b"));
    }

    void exactBytes()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("out.csv"));
        const auto result = MovementExport::write(test::sampleRequest(ExportFormat::Csv, path), test::sampleRows());
        QVERIFY2(result.ok(), qPrintable(result.error().detail));
        QFile f(path);
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QByteArray expected
            = "\xEF\xBB\xBF"
              "\"Data e ora\";\"Codice identificativo\";\"Importo\";\"Tipo operazione\";\"Stato\"\r\n"
              "\"26/11/2026 11:15:00\";\"VOB000001002024\";\"12,50\";\"Acquisto\";\"CONFERMATO\"\r\n"
              "\"02/07/2026 00:30:05\";\"'=HYPERLINK(\"\"x\"\")\";\"1234,56\";\"Cancellazione\";"
              "\"IN ATTESA\"\r\n"
              "\"01/09/2026 02:00:00\";\"'-5;@\t\xC3\xA0\";\"0,07\";\"Acquisto\";\"IN ATTESA\"\r\n";
        QCOMPARE(f.readAll(), expected);
        QVERIFY(!QFile::exists(path + QStringLiteral(".part")));
    }

    void annulledAndUnknownStates()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("out.csv"));
        QVERIFY(MovementExport::write(test::sampleRequest(ExportFormat::Csv, path), test::annulledRows()).ok());
        QFile f(path);
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QByteArray csv = f.readAll();
        QVERIFY(csv.contains("\"3,21\";\"Acquisto\";\"ANNULLATO (dalla struttura)\"\r\n"));
        QVERIFY(csv.contains("\"6,54\";\"Acquisto\";\"ANNULLATO (scaduto)\"\r\n"));
        QVERIFY(csv.contains("\"9,87\";\"Acquisto\";\"IN_VERIFICA\"\r\n"));
    }

    // Against a sandbox server every line says PROVA, and so does the file name: a training export
    // copied, filtered or mailed never passes for real data.
    void trainingMarksNameAndEveryLine()
    {
        QCOMPARE(MovementExport::defaultFileName(ExportFormat::Pdf, QStringLiteral("FAR001"), QDate(2026, 9, 1),
                                                 QDate(2026, 11, 26), true),
                 QStringLiteral("PROVA_movimenti_FAR001_2026-09-01_2026-11-26.pdf"));
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("out.csv"));
        ExportRequest request = test::sampleRequest(ExportFormat::Csv, path);
        request.training = true;
        const auto result = MovementExport::write(request, test::sampleRows());
        QVERIFY2(result.ok(), qPrintable(result.error().detail));
        QFile f(path);
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QList<QByteArray> lines = f.readAll().split('\n');
        QCOMPARE(lines.size(), 5); // header, 3 rows, the empty piece after the last CRLF
        QVERIFY(lines.at(0).endsWith("\"Stato\";\"Ambiente\"\r"));
        for (int i = 1; i <= 3; ++i)
            QVERIFY2(lines.at(i).endsWith("\";\"PROVA\"\r"), lines.at(i).constData());
        QVERIFY(lines.at(4).isEmpty());
    }

    void cancelLeavesNoFile()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("out.csv"));
        int calls = 0;
        const auto result = MovementExport::write(test::sampleRequest(ExportFormat::Csv, path), test::manyRows(5000),
                                                  [&calls](qint64, qint64) { return ++calls < 2; });
        QVERIFY(!result.ok());
        QCOMPARE(result.error().code, QStringLiteral("export.cancelled"));
        QVERIFY(!QFile::exists(path));
        QCOMPARE(QDir(dir.path()).entryList(QDir::Files).size(), 0);
    }

    void unwritableFolderGivesItalianError()
    {
        const auto result = MovementExport::write(
            test::sampleRequest(ExportFormat::Csv, QStringLiteral("/nonexistent-dir/x.csv")), test::sampleRows());
        QVERIFY(!result.ok());
        QCOMPARE(result.error().code, QStringLiteral("export.write"));
        QVERIFY(result.error().message.contains(QStringLiteral("Impossibile salvare il file x.csv")));
    }

    void jobRunsOffThreadWithProgress()
    {
        QTemporaryDir dir;
        MovementExportJob job;
        QSignalSpy progress(&job, &MovementExportJob::progressChanged);
        QSignalSpy finished(&job, &MovementExportJob::finished);
        QVERIFY(job.start(test::sampleRequest(ExportFormat::Csv, dir.filePath(QStringLiteral("a.csv"))),
                          test::manyRows(20000)));
        QVERIFY(job.isRunning());
        QVERIFY(!job.start(test::sampleRequest(ExportFormat::Csv, dir.filePath(QStringLiteral("b.csv"))), {}));
        QVERIFY(finished.wait(60000));
        QCOMPARE(finished.first().at(0).toBool(), true);
        QVERIFY(!progress.isEmpty());
        QCOMPARE(progress.last().at(0).toInt(), 100);
        QFile f(dir.filePath(QStringLiteral("a.csv")));
        QVERIFY(f.open(QIODevice::ReadOnly));
        QCOMPARE(f.readAll().count("\r\n"), 20001);
    }

    void jobCancel()
    {
        QTemporaryDir dir;
        MovementExportJob job;
        QSignalSpy finished(&job, &MovementExportJob::finished);
        const QString path = dir.filePath(QStringLiteral("c.csv"));
        QVERIFY(job.start(test::sampleRequest(ExportFormat::Csv, path), test::manyRows(200000)));
        job.cancel();
        QVERIFY(finished.wait(60000));
        QCOMPARE(finished.first().at(0).toBool(), false);
        QCOMPARE(finished.first().at(1).value<Error>().code, QStringLiteral("export.cancelled"));
        QVERIFY(!QFile::exists(path));
    }
};

QTEST_MAIN(TestExportCsv)
#include "tst_export_csv.moc"
