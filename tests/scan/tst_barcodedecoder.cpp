// BarcodeDecoder and SyntheticCard: decode rate on the seeded distorted card set, formats, and
// robustness against frames ZXing cannot take.
#include "core/scan/BarcodeDecoder.h"
#include "core/scan/SyntheticCard.h"
#include "core/scan/SyntheticFrameSource.h"

#include <QTest>
#include <ZXing/BitMatrix.h>
#include <ZXing/MultiFormatWriter.h>

using namespace sinfonia;

class TestBarcodeDecoder : public QObject
{
    Q_OBJECT

private slots:
    void cleanCodeAtEveryScale_data();
    void cleanCodeAtEveryScale();
    void distortedSetRate();
    void emptyFrameFindsNothing();
    void qrCodeAndCode128();
    void yuvFrameUsesLumaPlane();
    void bgraFrameFallsBackToImage();
    void invalidInputIsHarmless();
};

void TestBarcodeDecoder::cleanCodeAtEveryScale_data()
{
    QTest::addColumn<int>("ppm");
    QTest::newRow("2 px/module") << 2;
    QTest::newRow("3 px/module") << 3;
    QTest::newRow("4 px/module") << 4;
}

void TestBarcodeDecoder::cleanCodeAtEveryScale()
{
    QFETCH(int, ppm);
    // A flat, noise-free code in a 1280×720 frame is exactly what aborts ReadBarcodes() with default
    // hints in ZXing 1.4.0: our adapter must read it.
    const QImage img = SyntheticCard::frame(QStringLiteral("RSSMRA85T10A562S"), ppm, {}, QSize(1280, 720), 1);
    const BarcodeReading r = BarcodeDecoder().decode(img);
    QCOMPARE(r.text, QStringLiteral("RSSMRA85T10A562S"));
    QCOMPARE(r.format, QStringLiteral("Code39"));
}

void TestBarcodeDecoder::distortedSetRate()
{
    const QList<SyntheticCard::Sample> set = SyntheticCard::distortedSet(108, QSize(1280, 720), 20261126);
    const BarcodeDecoder decoder;
    int ok = 0;
    QStringList failures;
    for (const SyntheticCard::Sample& s : set) {
        if (decoder.decode(s.image).text == s.text)
            ++ok;
        else
            failures << QStringLiteral("%1px tilt %2 blur %3 noise %4 contrast %5-%6")
                            .arg(s.pixelsPerModule)
                            .arg(s.distortion.tiltDegrees, 0, 'f', 1)
                            .arg(s.distortion.blurRadius)
                            .arg(s.distortion.noiseSigma)
                            .arg(s.distortion.dark)
                            .arg(s.distortion.light);
    }
    const double rate = double(ok) / double(set.size());
    qInfo("decode rate on the distorted set: %d/%d (%.1f%%)", ok, int(set.size()), rate * 100);
    for (const QString& f : std::as_const(failures))
        qInfo("missed: %s", qPrintable(f));
    QVERIFY2(rate >= 0.98, qPrintable(QStringLiteral("decode rate %1 below 98%").arg(rate)));
}

void TestBarcodeDecoder::emptyFrameFindsNothing()
{
    const QImage img = SyntheticCard::emptyFrame(QSize(1280, 720), 8, 7);
    QVERIFY(!BarcodeDecoder().decode(img).found());
}

void TestBarcodeDecoder::qrCodeAndCode128()
{
    for (auto format : {ZXing::BarcodeFormat::QRCode, ZXing::BarcodeFormat::Code128}) {
        const ZXing::BitMatrix m = ZXing::MultiFormatWriter(format).setMargin(10).encode(
            std::string("RSSMRA85T10A562S"), format == ZXing::BarcodeFormat::QRCode ? 200 : 0, 80);
        QImage img(m.width() * (format == ZXing::BarcodeFormat::QRCode ? 1 : 3), m.height(), QImage::Format_Grayscale8);
        const int scale = img.width() / m.width();
        for (int y = 0; y < img.height(); ++y)
            for (int x = 0; x < img.width(); ++x)
                img.scanLine(y)[x] = m.get(x / scale, y) ? 0 : 255;
        const BarcodeReading r = BarcodeDecoder().decode(img);
        QCOMPARE(r.text, QStringLiteral("RSSMRA85T10A562S"));
    }
}

void TestBarcodeDecoder::yuvFrameUsesLumaPlane()
{
    const QImage img = SyntheticCard::frame(QStringLiteral("BNCLRA90A41F839H"), 3, {}, QSize(1280, 720), 2);
    const QVideoFrame frame = SyntheticFrameSource::toVideoFrame(img, QVideoFrameFormat::Format_YUV420P);
    QCOMPARE(frame.pixelFormat(), QVideoFrameFormat::Format_YUV420P);
    QCOMPARE(BarcodeDecoder().decode(frame).text, QStringLiteral("BNCLRA90A41F839H"));
}

void TestBarcodeDecoder::bgraFrameFallsBackToImage()
{
    const QImage img = SyntheticCard::frame(QStringLiteral("BNCLRA90A41F839H"), 3, {}, QSize(1280, 720), 3);
    const QVideoFrame frame = SyntheticFrameSource::toVideoFrame(img, QVideoFrameFormat::Format_BGRA8888);
    QCOMPARE(BarcodeDecoder().decode(frame).text, QStringLiteral("BNCLRA90A41F839H"));
}

void TestBarcodeDecoder::invalidInputIsHarmless()
{
    const BarcodeDecoder decoder;
    QVERIFY(!decoder.decode(QImage()).found());
    QVERIFY(!decoder.decode(QVideoFrame()).found());
    QVERIFY(!decoder.decodeLuminance(nullptr, 10, 10).found());
    const uchar tiny[4] = {0, 255, 0, 255};
    QVERIFY(!decoder.decodeLuminance(tiny, 2, 2).found());
}

QTEST_MAIN(TestBarcodeDecoder)
#include "tst_barcodedecoder.moc"
