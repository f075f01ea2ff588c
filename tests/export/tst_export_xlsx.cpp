#include "ExportSamples.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace sinfonia;

// The XLSX is read back with `unzip -p`: constant_memory mode writes strings inline in the sheet.
class TestExportXlsx : public QObject
{
    Q_OBJECT
private slots:
    void annulledAndUnknownStates()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("out.xlsx"));
        QVERIFY(MovementExport::write(test::sampleRequest(ExportFormat::Xlsx, path), test::annulledRows()).ok());
        const QByteArray sheet = test::runTool(
            QStringLiteral("unzip"), {QStringLiteral("-p"), path, QStringLiteral("xl/worksheets/sheet1.xml")});
        const QByteArray strings = test::runTool(QStringLiteral("unzip"),
                                                 {QStringLiteral("-p"), path, QStringLiteral("xl/sharedStrings.xml")});
        for (const char* text : {"ANNULLATO (dalla struttura)", "ANNULLATO (scaduto)", "IN_VERIFICA"})
            QVERIFY2(sheet.contains(text) || strings.contains(text), text);
    }

    void sheetHoldsValuesAndFormats()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("out.xlsx"));
        const auto result = MovementExport::write(test::sampleRequest(ExportFormat::Xlsx, path), test::sampleRows());
        QVERIFY2(result.ok(), qPrintable(result.error().detail));
        QVERIFY(!QFile::exists(path + QStringLiteral(".part")));
        QVERIFY(!test::runTool(QStringLiteral("unzip"), {QStringLiteral("-t"), path}).isEmpty());

        const QByteArray sheet = test::runTool(
            QStringLiteral("unzip"), {QStringLiteral("-p"), path, QStringLiteral("xl/worksheets/sheet1.xml")});
        QVERIFY(!sheet.isEmpty());
        for (const char* text : {"Data e ora", "Codice identificativo", "Importo", "Tipo operazione", "Stato",
                                 "VOB000001002024", "=HYPERLINK(\"x\")", "Cancellazione", "CONFERMATO", "IN ATTESA"}) {
            QVERIFY2(sheet.contains(text), text);
        }
        QVERIFY(sheet.contains("<v>12.5</v>"));
        QVERIFY(sheet.contains("<v>1234.56</v>"));
        // 26/11/2026 11:15 Rome = Excel serial 46352 + 11:15/24h.
        QVERIFY(sheet.contains("<v>46352.46875</v>"));
        QVERIFY(sheet.contains("<autoFilter ref=\"A1:E4\"/>"));
        QVERIFY(sheet.contains("ySplit=\"1\""));
        // A text cell is never a formula, and never starts like one (guarded as in the CSV).
        QVERIFY(sheet.contains("'=HYPERLINK(\"x\")"));
        QVERIFY(!sheet.contains("<f>"));

        const QByteArray styles
            = test::runTool(QStringLiteral("unzip"), {QStringLiteral("-p"), path, QStringLiteral("xl/styles.xml")});
        QVERIFY(styles.contains("formatCode=\"#,##0.00 \xE2\x82\xAC\""));
        QVERIFY(styles.contains("formatCode=\"dd/mm/yyyy hh:mm\""));
        const QByteArray core
            = test::runTool(QStringLiteral("unzip"), {QStringLiteral("-p"), path, QStringLiteral("docProps/core.xml")});
        QVERIFY(core.contains("Farmacia Avellino"));
    }

    void trainingColumnOnEveryRow()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("prova.xlsx"));
        ExportRequest request = test::sampleRequest(ExportFormat::Xlsx, path);
        request.training = true;
        const auto result = MovementExport::write(request, test::sampleRows());
        QVERIFY2(result.ok(), qPrintable(result.error().detail));
        const QByteArray sheet = test::runTool(
            QStringLiteral("unzip"), {QStringLiteral("-p"), path, QStringLiteral("xl/worksheets/sheet1.xml")});
        QVERIFY(sheet.contains("<autoFilter ref=\"A1:F4\"/>"));
        QCOMPARE(sheet.count("<t>PROVA</t>"), 3);
        QVERIFY(sheet.contains("<t>Ambiente</t>"));
        const QByteArray book
            = test::runTool(QStringLiteral("unzip"), {QStringLiteral("-p"), path, QStringLiteral("xl/workbook.xml")});
        QVERIFY(book.contains("name=\"PROVA Movimenti\""));
        const QByteArray core
            = test::runTool(QStringLiteral("unzip"), {QStringLiteral("-p"), path, QStringLiteral("docProps/core.xml")});
        QVERIFY(core.contains("PROVA"));
    }

    void manyRowsAndCancel()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("big.xlsx"));
        const auto ok = MovementExport::write(test::sampleRequest(ExportFormat::Xlsx, path), test::manyRows(5000));
        QVERIFY(ok.ok());
        const QByteArray sheet = test::runTool(
            QStringLiteral("unzip"), {QStringLiteral("-p"), path, QStringLiteral("xl/worksheets/sheet1.xml")});
        QVERIFY(sheet.contains("<autoFilter ref=\"A1:E5001\"/>"));
        QVERIFY(sheet.contains("VOB000000004999"));

        const QString other = dir.filePath(QStringLiteral("cancelled.xlsx"));
        const auto cancelled = MovementExport::write(test::sampleRequest(ExportFormat::Xlsx, other),
                                                     test::manyRows(5000), [](qint64, qint64) { return false; });
        QCOMPARE(cancelled.error().code, QStringLiteral("export.cancelled"));
        QVERIFY(!QFile::exists(other));
        QVERIFY(!QFile::exists(other + QStringLiteral(".part")));
    }

    void aRefusedCellFailsTheExport()
    {
        // Excel holds at most 32,767 characters in a cell: a longer text is refused by libxlsxwriter,
        // and a sheet without it is not the list asked for. No file is left behind.
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("long.xlsx"));
        QList<ExportRow> rows = test::sampleRows();
        rows[0].code = QString(40000, u'A');
        const auto r = MovementExport::write(test::sampleRequest(ExportFormat::Xlsx, path), rows);
        QVERIFY(!r.ok());
        QCOMPARE(r.error().code, QStringLiteral("export.write"));
        QVERIFY(r.error().message.contains(QStringLiteral("long.xlsx")));
        QVERIFY(!QFile::exists(path));
        QVERIFY(!QFile::exists(path + QStringLiteral(".part")));
    }

    void moreRowsThanASheetHoldsIsRefused()
    {
        // 1,048,576 rows a worksheet, the header one of them: one movement more is refused up front
        // with the limit named, not written as a file missing its last movement.
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("huge.xlsx"));
        const QList<ExportRow> one = test::sampleRows();
        const QList<ExportRow> rows(1048576, one.first());
        const auto r = MovementExport::write(test::sampleRequest(ExportFormat::Xlsx, path), rows);
        QVERIFY(!r.ok());
        QCOMPARE(r.error().code, QStringLiteral("export.too_many_rows"));
        QVERIFY2(r.error().message.contains(QStringLiteral("CSV")), qPrintable(r.error().message));
        QVERIFY(!QFile::exists(path));
        QVERIFY(!QFile::exists(path + QStringLiteral(".part")));
    }
};

QTEST_MAIN(TestExportXlsx)
#include "tst_export_xlsx.moc"
