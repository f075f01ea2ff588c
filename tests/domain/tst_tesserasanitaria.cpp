#include "core/domain/TesseraSanitaria.h"

#include <QTest>

using namespace sinfonia;

// Tessera Sanitaria card number: 20 digits, 80380 prefix, Luhn check digit.
class TestTesseraSanitaria : public QObject
{
    Q_OBJECT

private slots:
    void valid_data();
    void valid();
    void invalid_data();
    void invalid();
    void everyWrongCheckDigitIsRefused();
    void singleDigitTyposAreCaught();
    void luhnCheckDigit();
    void mask();
};

void TestTesseraSanitaria::valid_data()
{
    // Check digits computed by hand with the Luhn algorithm (doubling every second digit from the right).
    QTest::addColumn<QString>("raw");
    QTest::addColumn<QString>("normalized");
    QTest::newRow("campania") << QStringLiteral("80380015000000123457") << QStringLiteral("80380015000000123457");
    QTest::newRow("lazio") << QStringLiteral("80380012000000000013") << QStringLiteral("80380012000000000013");
    QTest::newRow("all zeros body") << QStringLiteral("80380000000000000009") << QStringLiteral("80380000000000000009");
    QTest::newRow("nines") << QStringLiteral("80380015999999999993") << QStringLiteral("80380015999999999993");
    QTest::newRow("grouped as printed") << QStringLiteral(" 8038 0015 0000 0012 3457 ")
                                        << QStringLiteral("80380015000000123457");
    QTest::newRow("dashes") << QStringLiteral("80380-01500-00001-23457") << QStringLiteral("80380015000000123457");
}

void TestTesseraSanitaria::valid()
{
    QFETCH(QString, raw);
    QFETCH(QString, normalized);
    const auto r = TesseraSanitaria::validate(raw);
    QVERIFY2(r.ok(), qPrintable(r.ok() ? QString() : r.error().code));
    QCOMPARE(*r, normalized);
    QVERIFY(TesseraSanitaria::isValid(raw));
}

void TestTesseraSanitaria::invalid_data()
{
    QTest::addColumn<QString>("raw");
    QTest::addColumn<QString>("code");
    QTest::addColumn<QString>("message");
    QTest::newRow("empty") << QString() << QStringLiteral("ts.empty")
                           << QStringLiteral("Inserisci il numero della tessera sanitaria (20 cifre)");
    QTest::newRow("blanks") << QStringLiteral("  ") << QStringLiteral("ts.empty") << QString();
    QTest::newRow("letters") << QStringLiteral("8038001500000012345A") << QStringLiteral("ts.characters")
                             << QStringLiteral("Il numero della tessera sanitaria ha solo cifre");
    QTest::newRow("a codice fiscale") << QStringLiteral("RSSMRA85T10A562S") << QStringLiteral("ts.characters")
                                      << QString();
    QTest::newRow("19 digits") << QStringLiteral("8038001500000012345") << QStringLiteral("ts.length")
                               << QStringLiteral("Numero della tessera sanitaria di 19 cifre su 20");
    QTest::newRow("21 digits") << QStringLiteral("803800150000001234570") << QStringLiteral("ts.length")
                               << QStringLiteral("Numero della tessera sanitaria di 21 cifre su 20");
    // Valid Luhn but another prefix: 80381...
    QTest::newRow("wrong prefix") << QStringLiteral("80381015000000123455") << QStringLiteral("ts.prefix")
                                  << QStringLiteral("Il numero della tessera sanitaria inizia con 80380: "
                                                    "controlla le prime cifre");
    QTest::newRow("bank card length prefix")
        << QStringLiteral("40000000000000000002") << QStringLiteral("ts.prefix") << QString();
    QTest::newRow("wrong check digit") << QStringLiteral("80380015000000123458") << QStringLiteral("ts.check_digit")
                                       << QStringLiteral("Numero della tessera sanitaria non valido: "
                                                         "ricontrolla le cifre");
    QTest::newRow("swapped digits") << QStringLiteral("80380015000000213457") << QStringLiteral("ts.check_digit")
                                    << QString();
}

void TestTesseraSanitaria::invalid()
{
    QFETCH(QString, raw);
    QFETCH(QString, code);
    QFETCH(QString, message);
    const auto r = TesseraSanitaria::validate(raw);
    QVERIFY(!r.ok());
    QCOMPARE(r.error().code, code);
    QVERIFY(!r.error().message.isEmpty());
    if (!message.isEmpty())
        QCOMPARE(r.error().message, message);
    QVERIFY(!TesseraSanitaria::isValid(raw));
}

void TestTesseraSanitaria::everyWrongCheckDigitIsRefused()
{
    const QString body = QStringLiteral("8038001500000012345");
    int valid = 0;
    for (int d = 0; d <= 9; ++d) {
        if (TesseraSanitaria::isValid(body + QString::number(d))) {
            ++valid;
            QCOMPARE(d, 7);
        }
    }
    QCOMPARE(valid, 1);
}

void TestTesseraSanitaria::singleDigitTyposAreCaught()
{
    // Luhn catches every single-digit substitution.
    const QString good = QStringLiteral("80380015000000123457");
    for (int i = 5; i < good.size(); ++i) {
        for (int d = 0; d <= 9; ++d) {
            QString bad = good;
            bad[i] = QChar(u'0' + d);
            if (bad == good)
                continue;
            QVERIFY2(!TesseraSanitaria::isValid(bad), qPrintable(bad));
        }
    }
}

void TestTesseraSanitaria::luhnCheckDigit()
{
    QCOMPARE(TesseraSanitaria::luhnCheckDigit(u"8038001500000012345"), 7);
    QCOMPARE(TesseraSanitaria::luhnCheckDigit(u"7992739871"), 3); // the textbook example
    QCOMPARE(TesseraSanitaria::luhnCheckDigit(u""), -1);
    QCOMPARE(TesseraSanitaria::luhnCheckDigit(u"12a"), -1);
}

void TestTesseraSanitaria::mask()
{
    QCOMPARE(TesseraSanitaria::mask(QStringLiteral("80380015000000123457")), QStringLiteral("80380***********3457"));
    QCOMPARE(TesseraSanitaria::mask(QStringLiteral("8038 0015 0000 0012 3457")),
             QStringLiteral("80380***********3457"));
    QCOMPARE(TesseraSanitaria::mask(QStringLiteral("123")), QStringLiteral("****"));
    QCOMPARE(TesseraSanitaria::mask(QString()), QStringLiteral("****"));
}

QTEST_GUILESS_MAIN(TestTesseraSanitaria)
#include "tst_tesserasanitaria.moc"
