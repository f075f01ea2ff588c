// core/receipt: a 12 MP photo fits 5 MB, EXIF orientation is honoured, metadata is stripped, bad
// files are refused with an Italian message.
#include "core/receipt/ReceiptProcessor.h"

#include <QBuffer>
#include <QImageWriter>
#include <QPainter>
#include <QTemporaryDir>
#include <QTest>

using namespace sinfonia;

namespace {

// A noisy 12 MP "photo" (noise defeats JPEG compression, the worst case for size).
QByteArray bigPhotoJpeg()
{
    QImage image(4000, 3000, QImage::Format_RGB32);
    quint32 seed = 12345;
    for (int y = 0; y < image.height(); ++y) {
        auto* line = reinterpret_cast<QRgb*>(image.scanLine(y));
        for (int x = 0; x < image.width(); ++x) {
            seed = seed * 1664525u + 1013904223u;
            const int n = int(seed >> 24) / 4;
            line[x] = qRgb(200 + n / 2, 200 + n / 3, 190 + n / 2);
        }
    }
    QByteArray out;
    QBuffer buffer(&out);
    buffer.open(QIODevice::WriteOnly);
    QImageWriter writer(&buffer, "jpeg");
    writer.setQuality(97);
    writer.write(image);
    return out;
}

// A 200x100 JPEG (left half red, right half blue) with an EXIF APP1 segment saying orientation 6
// (rotate 90° clockwise) and a GPS-like text that must disappear.
QByteArray jpegWithOrientation6()
{
    QImage image(200, 100, QImage::Format_RGB32);
    image.fill(Qt::blue);
    QPainter(&image).fillRect(0, 0, 100, 100, Qt::red);
    QByteArray plain;
    QBuffer buffer(&plain);
    buffer.open(QIODevice::WriteOnly);
    QImageWriter(&buffer, "jpeg").write(image);

    // TIFF header (big endian) with one IFD entry: tag 0x0112 SHORT 1 value 6, plus a maker text.
    QByteArray tiff = QByteArray::fromHex("4d4d002a00000008"
                                          "0001"
                                          "011200030000000100060000"
                                          "00000000");
    QByteArray exif = QByteArray("Exif\0\0", 6) + tiff + QByteArray("SECRET-GPS-45.12N");
    QByteArray app1 = QByteArray::fromHex("ffe1");
    const int len = exif.size() + 2;
    app1.append(char(len >> 8));
    app1.append(char(len & 0xff));
    app1 += exif;
    return plain.left(2) + app1 + plain.mid(2);
}

} // namespace

class TestReceiptProcessor : public QObject
{
    Q_OBJECT
private slots:
    void bigPhotoFitsUploadLimit()
    {
        const QByteArray photo = bigPhotoJpeg();
        auto future = ReceiptProcessor::prepareImageAsync(QImage(), QString()); // exercise the async path
        future.waitForFinished();
        QVERIFY(!future.result().ok());

        const auto result = ReceiptProcessor::prepare(photo, QStringLiteral("foto.jpg"));
        QVERIFY2(result.ok(), qPrintable(result.ok() ? QString() : result.error().message));
        QVERIFY(result->bytes.size() <= ReceiptProcessor::maxUploadBytes);
        QVERIFY(result->bytes.size() <= 1024 * 1024 + 512 * 1024);
        QCOMPARE(result->contentType, QByteArrayLiteral("image/jpeg"));
        QCOMPARE(result->fileName, QStringLiteral("foto.jpg"));
        QVERIFY(std::max(result->pixelSize.width(), result->pixelSize.height()) <= ReceiptProcessor::maxLongSide);
        QVERIFY(!result->preview.isNull());
        qInfo("12 MP JPEG %lld bytes -> %lld bytes", qint64(photo.size()), qint64(result->bytes.size()));
    }

    void exifOrientationHonouredAndMetadataStripped()
    {
        const QByteArray input = jpegWithOrientation6();
        QVERIFY(input.contains("SECRET-GPS"));
        const auto result = ReceiptProcessor::prepare(input, QStringLiteral("ruotata.jpeg"));
        QVERIFY(result.ok());
        QCOMPARE(result->pixelSize, QSize(100, 200)); // rotated to portrait
        QVERIFY(!result->bytes.contains("SECRET-GPS"));
        QVERIFY(!result->bytes.contains("Exif"));
        const QImage out = QImage::fromData(result->bytes);
        // Orientation 6 = rotate 90° clockwise: the red left half ends up on top.
        QVERIFY(qRed(out.pixel(50, 20)) > 180 && qBlue(out.pixel(50, 20)) < 80);
        QVERIFY(qBlue(out.pixel(50, 180)) > 180 && qRed(out.pixel(50, 180)) < 80);
    }

    void pngBecomesJpeg()
    {
        QImage image(300, 400, QImage::Format_ARGB32);
        image.fill(Qt::transparent);
        QByteArray png;
        QBuffer buffer(&png);
        buffer.open(QIODevice::WriteOnly);
        QImageWriter(&buffer, "png").write(image);
        const auto result = ReceiptProcessor::prepare(png, QStringLiteral("scan.png"));
        QVERIFY(result.ok());
        QCOMPARE(result->contentType, QByteArrayLiteral("image/jpeg"));
        QCOMPARE(QImage::fromData(result->bytes).pixelColor(10, 10), QColor(Qt::white));
    }

    void pdfPassedThrough()
    {
        const QByteArray pdf = QByteArrayLiteral("%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n");
        const auto result = ReceiptProcessor::prepare(pdf, QStringLiteral("scontrino.pdf"));
        QVERIFY(result.ok());
        QCOMPARE(result->bytes, pdf);
        QCOMPARE(result->contentType, QByteArrayLiteral("application/pdf"));
        QVERIFY(result->preview.isNull());
    }

    void badFilesRefused_data()
    {
        QTest::addColumn<QByteArray>("data");
        QTest::addColumn<QString>("code");
        QTest::newRow("empty") << QByteArray() << QStringLiteral("receipt.empty");
        QTest::newRow("garbage") << QByteArrayLiteral("hello, not an image") << QStringLiteral("receipt.type_invalid");
        QTest::newRow("exe") << QByteArrayLiteral("MZ\x90\x00\x03") << QStringLiteral("receipt.type_invalid");
        QTest::newRow("truncated jpeg") << QByteArrayLiteral("\xFF\xD8\xFF\xE0\x00\x10JFIF")
                                        << QStringLiteral("receipt.unreadable");
        QTest::newRow("big pdf") << (QByteArrayLiteral("%PDF-1.4\n") + QByteArray(6 * 1024 * 1024, 'x'))
                                 << QStringLiteral("receipt.too_large");
        QTest::newRow("50 MB") << QByteArray(50 * 1024 * 1024, '\xFF') << QStringLiteral("receipt.too_large");
    }
    void badFilesRefused()
    {
        QFETCH(QByteArray, data);
        QFETCH(QString, code);
        const auto result = ReceiptProcessor::prepare(data, QStringLiteral("x.jpg"));
        QVERIFY(!result.ok());
        QCOMPARE(result.error().code, code);
        QVERIFY(!result.error().message.isEmpty());
    }

    void filesFromDisk()
    {
        QTemporaryDir dir;
        const QString empty = dir.filePath(QStringLiteral("vuoto.jpg"));
        QFile f(empty);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.close();
        QCOMPARE(ReceiptProcessor::prepareFile(empty).error().code, QStringLiteral("receipt.empty"));
        QCOMPARE(ReceiptProcessor::prepareFile(dir.filePath(QStringLiteral("manca.jpg"))).error().code,
                 QStringLiteral("receipt.unreadable"));
        const QString big = dir.filePath(QStringLiteral("enorme.jpg"));
        QFile b(big);
        QVERIFY(b.open(QIODevice::WriteOnly));
        QVERIFY(b.resize(50 * 1024 * 1024));
        b.close();
        auto future = ReceiptProcessor::prepareFileAsync(big);
        future.waitForFinished();
        QCOMPARE(future.result().error().code, QStringLiteral("receipt.too_large"));
    }
};

QTEST_GUILESS_MAIN(TestReceiptProcessor)
#include "tst_receiptprocessor.moc"
