#include "ExportSamples.h"

#include <QFile>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

using namespace sinfonia;

// The PDF is read back with pdftotext and pdfinfo (poppler-utils).
class TestExportPdf : public QObject
{
    Q_OBJECT
private:
    static int pageCount(const QString& path)
    {
        const QByteArray info = test::runTool(QStringLiteral("pdfinfo"), {path});
        const auto m = QRegularExpression(QStringLiteral("Pages:\\s+(\\d+)")).match(QString::fromUtf8(info));
        return m.hasMatch() ? m.captured(1).toInt() : -1;
    }
    static QString text(const QString& path)
    {
        // NFKC folds the "fi" ligature DejaVu shapes into two letters.
        return QString::fromUtf8(
                   test::runTool(QStringLiteral("pdftotext"), {QStringLiteral("-layout"), path, QStringLiteral("-")}))
            .normalized(QString::NormalizationForm_KC);
    }

private slots:
    void annulledAndUnknownStates()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("out.pdf"));
        QVERIFY(MovementExport::write(test::sampleRequest(ExportFormat::Pdf, path), test::annulledRows()).ok());
        const QString t = text(path).simplified();
        for (const char* s : {"ANNULLATO (dalla struttura)", "ANNULLATO (scaduto)", "IN_VERIFICA"})
            QVERIFY2(t.contains(QString::fromUtf8(s)), qPrintable(t));
    }

    void onePage()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("out.pdf"));
        const auto result = MovementExport::write(test::sampleRequest(ExportFormat::Pdf, path), test::sampleRows());
        QVERIFY2(result.ok(), qPrintable(result.error().detail));
        QCOMPARE(pageCount(path), 1);
        const QString t = text(path);
        for (const char* s : {"Elenco movimenti", "Farmacia Avellino", "dal 01/09/2026 al 26/11/2026", "Data e ora",
                              "Codice identificativo", "Tipo operazione", "26/11/2026 11:15:00", "VOB000001002024",
                              "12,50 €", "1234,56 €", "Cancellazione", "CONFERMATO", "Pagina 1 di 1"}) {
            QVERIFY2(t.contains(QString::fromUtf8(s)),
                     qPrintable(QString::fromUtf8(s) + QStringLiteral(" not in: ") + t));
        }
        QVERIFY(!QFile::exists(path + QStringLiteral(".part")));
    }

    void trainingOnEveryPage()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("prova.pdf"));
        ExportRequest request = test::sampleRequest(ExportFormat::Pdf, path);
        request.training = true;
        const auto result = MovementExport::write(request, test::manyRows(100));
        QVERIFY2(result.ok(), qPrintable(result.error().detail));
        QCOMPARE(pageCount(path), 3);
        const QString t = text(path);
        QCOMPARE(t.count(QStringLiteral("PROVA – Elenco movimenti")), 3);
        QCOMPARE(t.count(QStringLiteral("PROVA – nessun voucher reale")), 3);
        // The real export says nothing of the kind.
        const QString realPath = dir.filePath(QStringLiteral("vero.pdf"));
        QVERIFY(MovementExport::write(test::sampleRequest(ExportFormat::Pdf, realPath), test::sampleRows()).ok());
        QVERIFY(!text(realPath).contains(QStringLiteral("PROVA")));
    }

    void headerRepeatedOnEveryPage()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("big.pdf"));
        const auto result = MovementExport::write(test::sampleRequest(ExportFormat::Pdf, path), test::manyRows(100));
        QVERIFY(result.ok());
        QCOMPARE(pageCount(path), 3);
        const QString t = text(path);
        QCOMPARE(t.count(QStringLiteral("Codice identificativo")), 3);
        QVERIFY(t.contains(QStringLiteral("Pagina 3 di 3")));
        QVERIFY(t.contains(QStringLiteral("VOB000000000099")));
        QVERIFY(t.contains(QStringLiteral("VOB000000000000")));
    }

    void cancel()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("c.pdf"));
        const auto result = MovementExport::write(test::sampleRequest(ExportFormat::Pdf, path), test::manyRows(500),
                                                  [](qint64, qint64) { return false; });
        QCOMPARE(result.error().code, QStringLiteral("export.cancelled"));
        QCOMPARE(QDir(dir.path()).entryList(QDir::Files).size(), 0);
    }
};

QTEST_MAIN(TestExportPdf)
#include "tst_export_pdf.moc"
