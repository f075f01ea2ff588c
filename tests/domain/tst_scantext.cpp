#include "core/domain/CodiceFiscale.h"
#include "core/domain/ScanText.h"

#include <QFile>
#include <QRandomGenerator>
#include <QTest>

using namespace sinfonia;
using Kind = ScanReading::Kind;
using Product = ScanReading::Product;

Q_DECLARE_METATYPE(ScanReading::Kind)
Q_DECLARE_METATYPE(ScanReading::Product)

// Raw scanner and swipe strings as keyboard wedges, serial scanners and stripe readers deliver them.
class TestScanText : public QObject
{
    Q_OBJECT

private slots:
    void codiceFiscale_data();
    void codiceFiscale();
    void productCodes_data();
    void productCodes();
    void unreadable_data();
    void unreadable();
    void cardNumberFromStripe();
    void messages();
    void checkDigitHelpers();
    void everyVectorSurvivesWedgeNoise();
    void randomNoiseNeverInventsACode();
};

void TestScanText::codiceFiscale_data()
{
    QTest::addColumn<QString>("raw");
    QTest::addColumn<QString>("cf");

    const QString cf = QStringLiteral("RSSMRA85T10A562S");
    QTest::newRow("bare") << cf << cf;
    QTest::newRow("enter CR") << cf + u'\r' << cf;
    QTest::newRow("enter LF") << cf + u'\n' << cf;
    QTest::newRow("CRLF") << cf + QStringLiteral("\r\n") << cf;
    QTest::newRow("tab") << cf + u'\t' << cf;
    QTest::newRow("caps lock") << QStringLiteral("rssmra85t10a562s\r") << cf;
    QTest::newRow("mixed case") << QStringLiteral("RsSmRa85T10a562s") << cf;
    QTest::newRow("AIM Code 39 identifier") << QStringLiteral("]A0RSSMRA85T10A562S\r") << cf;
    QTest::newRow("AIM on Italian layout") << QStringLiteral("+A0RSSMRA85T10A562S\r") << cf;
    QTest::newRow("Code 39 check char sent") << QStringLiteral("RSSMRA85T10A562S7") << cf;
    QTest::newRow("text prefix and suffix") << QStringLiteral("SCAN:RSSMRA85T10A562S;END\r") << cf;
    QTest::newRow("glued letter prefix") << QStringLiteral("XYRSSMRA85T10A562S") << cf;
    QTest::newRow("Code 39 start/stop sent") << QStringLiteral("*RSSMRA85T10A562S*\r") << cf;
    QTest::newRow("STX ETX") << QStringLiteral("\u0002RSSMRA85T10A562S\u0003") << cf;
    QTest::newRow("leading blanks") << QStringLiteral("   RSSMRA85T10A562S   ") << cf;
    QTest::newRow("track 1") << QStringLiteral("%B80380015000000123457^RSSMRA85T10A562S^2512?") << cf;
    QTest::newRow("track 1 with name") << QStringLiteral("%B80380015000000123457^ROSSI/MARIO^RSSMRA85T10A562S2512101?")
                                       << cf;
    QTest::newRow("track 1 Italian layout") << QStringLiteral("%B80380015000000123457&RSSMRA85T10A562S&2512_") << cf;
    QTest::newRow("track 1 Italian + caps lock")
        << QStringLiteral("%b80380015000000123457&rssmra85t10a562s&2512_\r") << cf;
    QTest::newRow("name glued to CF") << QStringLiteral("%BROSSIMARIORSSMRA85T10A562S?") << cf;
    QTest::newRow("track 1 + track 2 Italian")
        << QStringLiteral("%B80380015000000123457&ROSSI/MARIO&RSSMRA85T10A562S_ò80380015000000123457ì2512_\r") << cf;
    QTest::newRow("track 2 sentinel first") << QStringLiteral("ò80380015000000123457ìRSSMRA85T10A562S_") << cf;
    QTest::newRow("track 3 garbled caps") << QStringLiteral("Ò8038ìRSSMRA85T10A562Sì_") << cf;
    QTest::newRow("female") << QStringLiteral("RSSMRA85T50A562W\r") << QStringLiteral("RSSMRA85T50A562W");
    QTest::newRow("omocode") << QStringLiteral("CCCFBAURDLPLNMVU\n") << QStringLiteral("CCCFBAURDLPLNMVU");
    QTest::newRow("omocode in track") << QStringLiteral("%B0^CCCFBA85D03L21VE^?") << QStringLiteral("CCCFBA85D03L21VE");
    QTest::newRow("bad candidate then valid one")
        << QStringLiteral("RSSMRA85T10A562T RSSMRA85T50A562W") << QStringLiteral("RSSMRA85T50A562W");
    QTest::newRow("bad candidate overlapping valid") << QStringLiteral("XRSSMRA85T10A562T RSSMRA85T10A562S") << cf;
    QTest::newRow("typed with blanks") << QStringLiteral("RSS MRA 85T10 A562S\r") << cf;
    QTest::newRow("typed with dashes") << QStringLiteral("rss-mra-85t10-a562s") << cf;
    QTest::newRow("provisional numeric") << QStringLiteral("00743110157\r") << QStringLiteral("00743110157");
    QTest::newRow("provisional with AIM") << QStringLiteral("]A000743110157") << QStringLiteral("00743110157");
}

void TestScanText::codiceFiscale()
{
    QFETCH(QString, raw);
    QFETCH(QString, cf);
    const ScanReading r = extractScan(raw);
    QCOMPARE(r.kind, Kind::CodiceFiscale);
    QCOMPARE(r.codiceFiscale, cf);
    QCOMPARE(r.product, Product::None);
    QVERIFY(r.productCode.isEmpty());
    QVERIFY(scanMessage(r).isEmpty());
    QCOMPARE(extractScan(raw), r); // deterministic
}

void TestScanText::productCodes_data()
{
    QTest::addColumn<QString>("raw");
    QTest::addColumn<Product>("product");
    QTest::addColumn<QString>("code");

    // AIC: Code 32 check digit = Σ odd digits + Σ digit sums of doubled even digits, mod 10.
    QTest::newRow("AIC printed form") << QStringLiteral("A012345676\r") << Product::AicCode32
                                      << QStringLiteral("A012345676");
    QTest::newRow("AIC caps lock") << QStringLiteral("a012345676") << Product::AicCode32
                                   << QStringLiteral("A012345676");
    QTest::newRow("AIC with bad check still AIC by its A")
        << QStringLiteral("A012345670") << Product::AicCode32 << QStringLiteral("A012345670");
    QTest::newRow("AIC 9 digits") << QStringLiteral("012345676\r") << Product::AicCode32
                                  << QStringLiteral("A012345676");
    QTest::newRow("AIC 9 digits 2") << QStringLiteral("123456788") << Product::AicCode32
                                    << QStringLiteral("A123456788");
    QTest::newRow("Code 32 raw base 32") << QStringLiteral("0CSSBD\r") << Product::AicCode32
                                         << QStringLiteral("A012345676");
    QTest::newRow("Code 32 raw caps lock")
        << QStringLiteral("3prm8n") << Product::AicCode32 << QStringLiteral("A123456788");
    QTest::newRow("EAN-13") << QStringLiteral("8001234567897\r") << Product::Ean13 << QStringLiteral("8001234567897");
    QTest::newRow("EAN-13 AIM") << QStringLiteral("]E08001234567897") << Product::Ean13
                                << QStringLiteral("8001234567897");
    QTest::newRow("EAN-13 with tab") << QStringLiteral("4012345678901\t") << Product::Ean13
                                     << QStringLiteral("4012345678901");
    QTest::newRow("EAN-13 with prefix") << QStringLiteral("SCAN:8001234567897") << Product::Ean13
                                        << QStringLiteral("8001234567897");
    QTest::newRow("EAN-8") << QStringLiteral("96385074") << Product::Ean8 << QStringLiteral("96385074");
    QTest::newRow("UPC-A") << QStringLiteral("036000291452\n") << Product::UpcA << QStringLiteral("036000291452");
    QTest::newRow("GTIN-14 alone") << QStringLiteral("08012345678907") << Product::Gs1
                                   << QStringLiteral("08012345678907");
    QTest::newRow("GS1 DataMatrix AIM") << QStringLiteral("]d20108012345678907172612311012345\r") << Product::Gs1
                                        << QStringLiteral("08012345678907");
    QTest::newRow("GS1 AIM Italian layout caps")
        << QStringLiteral("+D20108012345678907172612311012345") << Product::Gs1 << QStringLiteral("08012345678907");
    QTest::newRow("GS1 with GS separators") << QStringLiteral("0108012345678907\u001D10ABC123\u001D17261231")
                                            << Product::Gs1 << QStringLiteral("08012345678907");
    QTest::newRow("GS1 parentheses") << QStringLiteral("(01)08012345678907(17)261231(10)ABC") << Product::Gs1
                                     << QStringLiteral("08012345678907");
    QTest::newRow("GS1 bare element string")
        << QStringLiteral("01080123456789071726123110AB12") << Product::Gs1 << QStringLiteral("08012345678907");
    QTest::newRow("GS1-128 AIM") << QStringLiteral("]C10108012345678907") << Product::Gs1
                                 << QStringLiteral("08012345678907");
    QTest::newRow("GS1 without GTIN") << QStringLiteral("]d21712345610LOT") << Product::Gs1
                                      << QStringLiteral("1712345610LOT");
    // A lot number shaped like a codice fiscale inside GS1 data is still a product.
    QTest::newRow("GS1 lot looks like a CF")
        << QStringLiteral("]d2010801234567890710RSSMRA85T10A562S") << Product::Gs1 << QStringLiteral("08012345678907");
}

void TestScanText::productCodes()
{
    QFETCH(QString, raw);
    QFETCH(Product, product);
    QFETCH(QString, code);
    const ScanReading r = extractScan(raw);
    QCOMPARE(r.kind, Kind::ProductCode);
    QCOMPARE(r.product, product);
    QCOMPARE(r.productCode, code);
    QVERIFY(r.codiceFiscale.isEmpty());
    QCOMPARE(scanMessage(r), QStringLiteral("Questo è un codice prodotto, non la tessera sanitaria"));
}

void TestScanText::unreadable_data()
{
    QTest::addColumn<QString>("raw");
    QTest::addColumn<QString>("candidate");

    QTest::newRow("empty") << QString() << QString();
    QTest::newRow("only Enter") << QStringLiteral("\r\n") << QString();
    QTest::newRow("word") << QStringLiteral("hello") << QString();
    QTest::newRow("short number") << QStringLiteral("12345") << QString();
    QTest::newRow("15 characters") << QStringLiteral("RSSMRA85T10A562") << QString();
    QTest::newRow("wrong check char") << QStringLiteral("RSSMRA85T10A562T\r") << QStringLiteral("RSSMRA85T10A562T");
    QTest::newRow("misread month") << QStringLiteral("RSSMRA85I10A562S") << QStringLiteral("RSSMRA85I10A562S");
    QTest::newRow("EAN-13 bad check") << QStringLiteral("8001234567898") << QString();
    QTest::newRow("9 digits bad Code 32 check") << QStringLiteral("012345677") << QString();
    QTest::newRow("provisional bad check") << QStringLiteral("00743110158") << QString();
    QTest::newRow("empty track 1") << QStringLiteral("%B?") << QString();
    QTest::newRow("track without CF") << QStringLiteral("%B80380015000000123457^ROSSI/MARIO^2512?") << QString();
    QTest::newRow("Italian layout garbage") << QStringLiteral("òìò__&&") << QString();
    QTest::newRow("swipe with an EAN-shaped field is not a product")
        << QStringLiteral("%B8001234567897^X?") << QString();
    QTest::newRow("too long to be a scan")
        << QString(QString(maxScanLength, u'%') + QStringLiteral("RSSMRA85T10A562S")) << QString();
    QTest::newRow("two long tokens") << QStringLiteral("8001234567897 4012345678901 X Y") << QString();
    // Found by tests/fuzz/fuzz_scan_text.cpp: a lone GS1 separator was a product with no code.
    QTest::newRow("only a GS1 separator") << QStringLiteral("\x01\t\x1d") << QString();
    QTest::newRow("AIM GS1 identifier alone") << QStringLiteral("]C1") << QString();
}

void TestScanText::unreadable()
{
    QFETCH(QString, raw);
    QFETCH(QString, candidate);
    const ScanReading r = extractScan(raw);
    QCOMPARE(r.kind, Kind::Unreadable);
    QVERIFY(r.codiceFiscale.isEmpty());
    QCOMPARE(r.product, Product::None);
    QCOMPARE(r.candidate, candidate);
    QVERIFY(!scanMessage(r).isEmpty());
}

void TestScanText::cardNumberFromStripe()
{
    const auto withCf = extractScan(QStringLiteral("%B80380015000000123457&RSSMRA85T10A562S&2512_"));
    QCOMPARE(withCf.kind, Kind::CodiceFiscale);
    QCOMPARE(withCf.cardNumber, QStringLiteral("80380015000000123457"));

    const auto withoutCf = extractScan(QStringLiteral("%B80380015000000123457^ROSSI/MARIO^2512?"));
    QCOMPARE(withoutCf.kind, Kind::Unreadable);
    QCOMPARE(withoutCf.cardNumber, QStringLiteral("80380015000000123457"));

    // A 20-digit run with a wrong check digit is no card number.
    const auto badLuhn = extractScan(QStringLiteral("%B80380015000000123458^RSSMRA85T10A562S^?"));
    QCOMPARE(badLuhn.kind, Kind::CodiceFiscale);
    QVERIFY(badLuhn.cardNumber.isEmpty());

    // The PAN field may carry more digits than the card number.
    const auto longer = extractScan(QStringLiteral("%B9980380015000000123457^RSSMRA85T10A562S^?"));
    QCOMPARE(longer.cardNumber, QStringLiteral("80380015000000123457"));
}

void TestScanText::messages()
{
    ScanReading r;
    QCOMPARE(scanMessage(r), QStringLiteral("Lettura non riuscita: ripeti la scansione o scrivi il codice fiscale"));
    r.candidate = QStringLiteral("RSSMRA85T10A562T");
    QCOMPARE(scanMessage(r), QStringLiteral("Codice fiscale letto male: ripeti la scansione o scrivilo a mano"));
    r.kind = Kind::CodiceFiscale;
    QVERIFY(scanMessage(r).isEmpty());
    QCOMPARE(productName(Product::AicCode32), QStringLiteral("AIC (Code 32)"));
    QCOMPARE(productName(Product::Ean13), QStringLiteral("EAN-13"));
    QCOMPARE(productName(Product::Gs1), QStringLiteral("GS1"));
    QVERIFY(productName(Product::None).isEmpty());
}

void TestScanText::checkDigitHelpers()
{
    QCOMPARE(code32CheckDigit(u"01234567"), 6);
    QCOMPARE(code32CheckDigit(u"12345678"), 8);
    QCOMPARE(code32CheckDigit(u"1234567"), -1);
    QCOMPARE(code32CheckDigit(u"1234567X"), -1);
    QVERIFY(gtinCheckOk(u"8001234567897"));
    QVERIFY(!gtinCheckOk(u"8001234567890"));
    QVERIFY(gtinCheckOk(u"96385074"));
    QVERIFY(gtinCheckOk(u"036000291452"));
    QVERIFY(gtinCheckOk(u"08012345678907"));
    QVERIFY(!gtinCheckOk(u"8"));
    QVERIFY(!gtinCheckOk(u"80012345678X7"));
}

void TestScanText::everyVectorSurvivesWedgeNoise()
{
    // Every valid 16-character code of the shared vectors, wrapped in the noise a wedge or stripe
    // reader adds, comes out unchanged.
    QFile f(QStringLiteral(SINFONIA_TEST_DATA_DIR "/codice-fiscale.txt"));
    QVERIFY(f.open(QIODevice::ReadOnly | QIODevice::Text));
    QStringList codes;
    while (!f.atEnd()) {
        const QString line = QString::fromUtf8(f.readLine()).section(u'#', 0, 0).trimmed();
        if (!line.startsWith(QStringLiteral("valid ")))
            continue;
        const QString code = CodiceFiscale::normalize(line.mid(6));
        if (code.size() == CodiceFiscale::length)
            codes.append(code);
    }
    QVERIFY(codes.size() >= 15);
    const QStringList prefixes = {QString(),
                                  QStringLiteral("%B80380015000000123457^"),
                                  QStringLiteral("%B80380015000000123457&"),
                                  QStringLiteral("]A0"),
                                  QStringLiteral("ò1234ì"),
                                  QStringLiteral("\u0002"),
                                  QStringLiteral("%BROSSI/MARIO^")};
    const QStringList suffixes = {QString(),
                                  QStringLiteral("\r"),
                                  QStringLiteral("\r\n"),
                                  QStringLiteral("\t"),
                                  QStringLiteral("^2512101?"),
                                  QStringLiteral("&2512_"),
                                  QStringLiteral("_\r")};
    for (const QString& code : codes) {
        for (const QString& p : prefixes) {
            for (const QString& s : suffixes) {
                for (bool capsLock : {false, true}) {
                    const QString raw = p + (capsLock ? code.toLower() : code) + s;
                    const ScanReading r = extractScan(raw);
                    QVERIFY2(r.kind == Kind::CodiceFiscale && r.codiceFiscale == code, qPrintable(raw));
                }
            }
        }
    }
}

void TestScanText::randomNoiseNeverInventsACode()
{
    // Random punctuation and digit noise (what a wrong layout produces) never yields a valid CF, and
    // a result is always self-consistent.
    const QString alphabet = QStringLiteral("%^&;?=òì_+]0123456789 \t\r\n");
    QRandomGenerator rng(7);
    for (int i = 0; i < 5000; ++i) {
        QString s;
        const int len = rng.bounded(0, 40);
        for (int j = 0; j < len; ++j)
            s += alphabet[rng.bounded(int(alphabet.size()))];
        const ScanReading r = extractScan(s);
        QVERIFY2(r.kind != Kind::CodiceFiscale || CodiceFiscale::isValid(r.codiceFiscale), qPrintable(s));
        QVERIFY(r.kind == Kind::CodiceFiscale || r.codiceFiscale.isEmpty());
        QVERIFY((r.kind == Kind::ProductCode) == (r.product != Product::None));
    }
}

QTEST_GUILESS_MAIN(TestScanText)
#include "tst_scantext.moc"
