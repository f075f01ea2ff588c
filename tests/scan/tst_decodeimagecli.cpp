// runDecodeImageCli(), the function behind `sinfonia-pos --decode-image FILE...`.
#include "core/domain/ScanText.h"
#include "core/scan/DecodeImageCli.h"
#include "core/scan/SyntheticCard.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>
#include <QTextStream>
#include <ZXing/BitMatrix.h>
#include <ZXing/MultiFormatWriter.h>

using namespace sinfonia;

class TestDecodeImageCli : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void allCodesRead();
    void productAndNothing();
    void unreadableFile();
    void distortedSetAtLeast98Percent();

private:
    QString run(const QStringList& files, int* exitCode);

    QTemporaryDir m_dir;
    QString m_card;
    QString m_card2;
    QString m_blank;
    QString m_product;
};

QString TestDecodeImageCli::run(const QStringList& files, int* exitCode)
{
    QString output;
    QTextStream out(&output);
    *exitCode = runDecodeImageCli(files, out);
    return output;
}

void TestDecodeImageCli::initTestCase()
{
    QVERIFY(m_dir.isValid());
    m_card = m_dir.filePath(QStringLiteral("card.png"));
    m_card2 = m_dir.filePath(QStringLiteral("card2.jpg"));
    m_blank = m_dir.filePath(QStringLiteral("blank.png"));
    m_product = m_dir.filePath(QStringLiteral("aic.png"));
    QVERIFY(SyntheticCard::frame(QStringLiteral("RSSMRA85T10A562S"), 3, {}, QSize(1280, 720), 1).save(m_card));
    SyntheticCard::Distortion d;
    d.tiltDegrees = 3;
    d.noiseSigma = 4;
    QVERIFY(
        SyntheticCard::frame(QStringLiteral("BNCLRA90A41F839H"), 4, d, QSize(1280, 720), 2).save(m_card2, "JPG", 92));
    QVERIFY(SyntheticCard::emptyFrame(QSize(640, 480), 4, 3).save(m_blank));
    // An AIC drug code ("A" + 9 digits) as Code 128, as printed on many packs.
    const std::string aic = "A01234567" + std::to_string(code32CheckDigit(u"01234567"));
    const ZXing::BitMatrix m = ZXing::MultiFormatWriter(ZXing::BarcodeFormat::Code128).setMargin(10).encode(aic, 0, 1);
    QImage img(m.width() * 3, 120, QImage::Format_Grayscale8);
    for (int y = 0; y < img.height(); ++y)
        for (int x = 0; x < img.width(); ++x)
            img.scanLine(y)[x] = m.get(x / 3, 0) ? 0 : 255;
    QVERIFY(img.save(m_product));
}

void TestDecodeImageCli::allCodesRead()
{
    int code = -1;
    const QString out = run({m_card, m_card2}, &code);
    QCOMPARE(code, 0);
    QVERIFY2(out.contains(QStringLiteral("card.png: codice fiscale RSSMRA85T10A562S")), qPrintable(out));
    QVERIFY2(out.contains(QStringLiteral("card2.jpg: codice fiscale BNCLRA90A41F839H")), qPrintable(out));
    QVERIFY(out.contains(QStringLiteral("letti 2/2")));
}

void TestDecodeImageCli::productAndNothing()
{
    int code = -1;
    const QString out = run({m_card, m_product, m_blank}, &code);
    QCOMPARE(code, 1);
    QVERIFY2(out.contains(QStringLiteral("aic.png: codice prodotto")), qPrintable(out));
    QVERIFY2(out.contains(QStringLiteral("blank.png: nessun codice trovato")), qPrintable(out));
}

void TestDecodeImageCli::unreadableFile()
{
    const QString junk = m_dir.filePath(QStringLiteral("junk.png"));
    QFile f(junk);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write("not an image");
    f.close();
    int code = -1;
    const QString out = run({m_card, junk, m_dir.filePath(QStringLiteral("missing.png"))}, &code);
    QCOMPARE(code, 2);
    QVERIFY2(out.contains(QStringLiteral("junk.png: immagine illeggibile")), qPrintable(out));
    QVERIFY(out.contains(QStringLiteral("missing.png: immagine illeggibile")));
}

void TestDecodeImageCli::distortedSetAtLeast98Percent()
{
    // The acceptance: --decode-image reads ≥ 98% of the distorted set, saved as PNG files.
    const QList<SyntheticCard::Sample> set = SyntheticCard::distortedSet(54, QSize(1280, 720), 20261126);
    QStringList files;
    for (int i = 0; i < set.size(); ++i) {
        files << m_dir.filePath(QStringLiteral("distorted-%1.png").arg(i));
        QVERIFY(set.at(i).image.save(files.last()));
    }
    int code = -1;
    const QString out = run(files, &code);
    const int read = int(out.count(QStringLiteral(": codice fiscale ")));
    qInfo("--decode-image read %d of %d distorted images", read, int(files.size()));
    QVERIFY(double(read) / double(files.size()) >= 0.98);
}

QTEST_MAIN(TestDecodeImageCli)
#include "tst_decodeimagecli.moc"
