#include "core/domain/Money.h"

#include <QRandomGenerator>
#include <QTest>

using sinfonia::Money;

// Money: what a clerk types, what the screen shows, and that no input can overflow.
class TestMoney : public QObject
{
    Q_OBJECT

private slots:
    void parseValid_data();
    void parseValid();
    void parseInvalid_data();
    void parseInvalid();
    void errorMessagesAreItalianAndDistinct();
    void toString_data();
    void toString();
    void toEditString_data();
    void toEditString();
    void arithmeticAndComparison();
    void randomRoundTrip();
    void randomGarbageNeverCrashes();
};

void TestMoney::parseValid_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<qint64>("cents");

    QTest::newRow("integer") << QStringLiteral("12") << qint64(1200);
    QTest::newRow("one decimal") << QStringLiteral("12,5") << qint64(1250);
    QTest::newRow("two decimals") << QStringLiteral("12,50") << qint64(1250);
    QTest::newRow("grouped with comma") << QStringLiteral("1.234,56") << qint64(123456);
    QTest::newRow("dot as decimal point, 2 digits") << QStringLiteral("12.50") << qint64(1250);
    QTest::newRow("dot as decimal point, 1 digit") << QStringLiteral("1234.5") << qint64(123450);
    QTest::newRow("euro sign before") << QStringLiteral("\u20AC 12,50") << qint64(1250);
    QTest::newRow("euro sign after") << QStringLiteral("12,50 \u20AC") << qint64(1250);
    QTest::newRow("euro sign glued") << QStringLiteral("\u20AC12,50") << qint64(1250);
    QTest::newRow("EUR suffix") << QStringLiteral("12,50 EUR") << qint64(1250);
    QTest::newRow("euro word") << QStringLiteral("12 euro") << qint64(1200);
    QTest::newRow("EURO word before") << QStringLiteral("EURO 3,5") << qint64(350);
    QTest::newRow("surrounding blanks") << QStringLiteral(" 12 ") << qint64(1200);
    QTest::newRow("tabs and nbsp") << QStringLiteral("\t12,00\u00A0") << qint64(1200);
    QTest::newRow("single dot + 3 digits = thousands") << QStringLiteral("1.234") << qint64(123400);
    QTest::newRow("two groups") << QStringLiteral("12.345,6") << qint64(1234560);
    QTest::newRow("three groups no decimals") << QStringLiteral("1.000.000") << qint64(100000000);
    QTest::newRow("exactly max") << QStringLiteral("1.000.000,00") << Money::maxCents;
    QTest::newRow("zero") << QStringLiteral("0") << qint64(0);
    QTest::newRow("zero with decimals") << QStringLiteral("0,00") << qint64(0);
    QTest::newRow("one cent") << QStringLiteral("0,01") << qint64(1);
    QTest::newRow("leading comma") << QStringLiteral(",5") << qint64(50);
    QTest::newRow("trailing comma") << QStringLiteral("12,") << qint64(1200);
    QTest::newRow("trailing dot") << QStringLiteral("12.") << qint64(1200);
    QTest::newRow("leading zeros") << QStringLiteral("007,10") << qint64(710);
    QTest::newRow("many leading zeros do not overflow")
        << QStringLiteral("000000000000000000000000000012,34") << qint64(1234);
    QTest::newRow("505 from the guide") << QStringLiteral("505.00") << qint64(50500);
    QTest::newRow("0.9 with dot") << QStringLiteral("0.9") << qint64(90);
}

void TestMoney::parseValid()
{
    QFETCH(QString, text);
    QFETCH(qint64, cents);
    const auto r = Money::parse(text);
    QVERIFY2(r.ok(), qPrintable(r.ok() ? QString() : r.error().code + u' ' + r.error().message));
    QCOMPARE(r->cents(), cents);
}

void TestMoney::parseInvalid_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("code");

    QTest::newRow("empty") << QString() << QStringLiteral("money.empty");
    QTest::newRow("blanks") << QStringLiteral("   ") << QStringLiteral("money.empty");
    QTest::newRow("only euro") << QStringLiteral(" \u20AC ") << QStringLiteral("money.empty");
    QTest::newRow("negative") << QStringLiteral("-5") << QStringLiteral("money.negative");
    QTest::newRow("negative decimals") << QStringLiteral("-12,50") << QStringLiteral("money.negative");
    QTest::newRow("negative with euro") << QStringLiteral("-\u20AC 3") << QStringLiteral("money.negative");
    QTest::newRow("unicode minus") << QStringLiteral("\u22125,00") << QStringLiteral("money.negative");
    QTest::newRow("three decimals comma") << QStringLiteral("12,555") << QStringLiteral("money.decimals");
    QTest::newRow("three decimals zero") << QStringLiteral("12,500") << QStringLiteral("money.decimals");
    QTest::newRow("four decimals dot") << QStringLiteral("12.3456") << QStringLiteral("money.decimals");
    QTest::newRow("dot, 3 digits, not a group (4 before)")
        << QStringLiteral("1234.567") << QStringLiteral("money.decimals");
    QTest::newRow("dot, 3 digits, leading 0 is no group")
        << QStringLiteral("0.500") << QStringLiteral("money.decimals");
    QTest::newRow("grouped plus 3 decimals") << QStringLiteral("1.234,567") << QStringLiteral("money.decimals");
    QTest::newRow("one cent over max") << QStringLiteral("1.000.000,01") << QStringLiteral("money.too_large");
    QTest::newRow("ten million") << QStringLiteral("10000000") << QStringLiteral("money.too_large");
    QTest::newRow("qint64 overflow digits")
        << QStringLiteral("99999999999999999999999999999") << QStringLiteral("money.too_large");
    QTest::newRow("huge grouped") << QStringLiteral("999.999.999.999.999.999.999,99")
                                  << QStringLiteral("money.too_large");
    QTest::newRow("letters") << QStringLiteral("abc") << QStringLiteral("money.invalid");
    QTest::newRow("digits and letters") << QStringLiteral("12a") << QStringLiteral("money.invalid");
    QTest::newRow("bad group 1.23,4") << QStringLiteral("1.23,4") << QStringLiteral("money.invalid");
    QTest::newRow("bad group 12.34.567") << QStringLiteral("12.34.567") << QStringLiteral("money.invalid");
    QTest::newRow("group of 4") << QStringLiteral("1.2345,00") << QStringLiteral("money.invalid");
    QTest::newRow("first group of 4") << QStringLiteral("1234.567,00") << QStringLiteral("money.invalid");
    QTest::newRow("group with leading zero") << QStringLiteral("0.123,00") << QStringLiteral("money.invalid");
    QTest::newRow("two commas") << QStringLiteral("1,2,3") << QStringLiteral("money.invalid");
    QTest::newRow("english format") << QStringLiteral("1,234.56") << QStringLiteral("money.invalid");
    QTest::newRow("dot after comma") << QStringLiteral("12,5.0") << QStringLiteral("money.invalid");
    QTest::newRow("lone comma") << QStringLiteral(",") << QStringLiteral("money.invalid");
    QTest::newRow("lone dot") << QStringLiteral(".") << QStringLiteral("money.invalid");
    QTest::newRow("lone minus") << QStringLiteral("-") << QStringLiteral("money.invalid");
    QTest::newRow("minus garbage") << QStringLiteral("-abc") << QStringLiteral("money.invalid");
    QTest::newRow("plus sign") << QStringLiteral("+12") << QStringLiteral("money.invalid");
    QTest::newRow("inner blank") << QStringLiteral("1 234,56") << QStringLiteral("money.invalid");
    QTest::newRow("exponent") << QStringLiteral("1e3") << QStringLiteral("money.invalid");
    QTest::newRow("arabic-indic digits") << QStringLiteral("\u0661\u0662") << QStringLiteral("money.invalid");
    QTest::newRow("two dots no group") << QStringLiteral("1..2") << QStringLiteral("money.invalid");
    QTest::newRow("euro word inside") << QStringLiteral("12 euro 50") << QStringLiteral("money.invalid");
    QTest::newRow("euro twice") << QStringLiteral("\u20AC 12 \u20AC") << QStringLiteral("money.invalid");
}

void TestMoney::parseInvalid()
{
    QFETCH(QString, text);
    QFETCH(QString, code);
    const auto r = Money::parse(text);
    QVERIFY2(!r.ok(), qPrintable(r.ok() ? QString::number(r->cents()) : QString()));
    QCOMPARE(r.error().code, code);
    QVERIFY(!r.error().message.isEmpty());
}

void TestMoney::errorMessagesAreItalianAndDistinct()
{
    const QStringList inputs
        = {QString(), QStringLiteral("-1"), QStringLiteral("1,234"), QStringLiteral("2000000"), QStringLiteral("x")};
    QSet<QString> messages;
    for (const auto& in : inputs) {
        const auto r = Money::parse(in);
        QVERIFY(!r.ok());
        messages.insert(r.error().message);
    }
    QCOMPARE(messages.size(), inputs.size());
    QCOMPARE(Money::parse(QString()).error().message, QStringLiteral("Inserisci l'importo, es. 12,50"));
    QCOMPARE(Money::parse(QStringLiteral("-1")).error().message, QStringLiteral("L'importo non può essere negativo"));
    QVERIFY(Money::parse(QStringLiteral("1,234")).error().message.contains(QStringLiteral("2 decimali")));
    // The personal amount is not in the log detail of a too-large amount.
    QVERIFY(!Money::parse(QStringLiteral("2000000")).error().detail.contains(QStringLiteral("2000000")));
}

void TestMoney::toString_data()
{
    QTest::addColumn<qint64>("cents");
    QTest::addColumn<QString>("text");
    QTest::newRow("zero") << qint64(0) << QStringLiteral("0,00 \u20AC");
    QTest::newRow("one cent") << qint64(1) << QStringLiteral("0,01 \u20AC");
    QTest::newRow("ten cents") << qint64(10) << QStringLiteral("0,10 \u20AC");
    QTest::newRow("negative") << qint64(-700) << QStringLiteral("-7,00 \u20AC");
    QTest::newRow("negative cents") << qint64(-5) << QStringLiteral("-0,05 \u20AC");
    QTest::newRow("999,99") << qint64(99999) << QStringLiteral("999,99 \u20AC");
    QTest::newRow("thousands") << qint64(123456) << QStringLiteral("1.234,56 \u20AC");
    QTest::newRow("exactly 1000") << qint64(100000) << QStringLiteral("1.000,00 \u20AC");
    QTest::newRow("505") << qint64(50500) << QStringLiteral("505,00 \u20AC");
    QTest::newRow("max") << Money::maxCents << QStringLiteral("1.000.000,00 \u20AC");
    QTest::newRow("int64 max") << std::numeric_limits<qint64>::max()
                               << QStringLiteral("92.233.720.368.547.758,07 \u20AC");
    QTest::newRow("int64 min") << std::numeric_limits<qint64>::min()
                               << QStringLiteral("-92.233.720.368.547.758,08 \u20AC");
}

void TestMoney::toString()
{
    QFETCH(qint64, cents);
    QFETCH(QString, text);
    QCOMPARE(Money::fromCents(cents).toString(), text);
}

void TestMoney::toEditString_data()
{
    QTest::addColumn<qint64>("cents");
    QTest::addColumn<QString>("text");
    QTest::newRow("zero") << qint64(0) << QStringLiteral("0,00");
    QTest::newRow("thousands not grouped") << qint64(123456) << QStringLiteral("1234,56");
    QTest::newRow("five cents") << qint64(5) << QStringLiteral("0,05");
    QTest::newRow("negative") << qint64(-1250) << QStringLiteral("-12,50");
    QTest::newRow("max") << Money::maxCents << QStringLiteral("1000000,00");
}

void TestMoney::toEditString()
{
    QFETCH(qint64, cents);
    QFETCH(QString, text);
    QCOMPARE(Money::fromCents(cents).toEditString(), text);
}

void TestMoney::arithmeticAndComparison()
{
    const Money a = Money::fromCents(1050);
    const Money b = Money::fromCents(250);
    QCOMPARE((a + b).cents(), 1300);
    QCOMPARE((a - b).cents(), 800);
    QCOMPARE((b - a).cents(), -800);
    QVERIFY((b - a).isNegative());
    QCOMPARE((-a).cents(), -1050);
    QVERIFY(b < a);
    QVERIFY(a == Money::fromCents(1050));
    Money c;
    QVERIFY(c.isZero());
    c += a;
    c -= b;
    QCOMPARE(c.cents(), 800);
}

void TestMoney::randomRoundTrip()
{
    // Every amount in range formats to text that parses back to itself, in both forms, and
    // clerk-style variants (dot decimal point, no grouping, euro sign) parse to the same cents.
    QRandomGenerator rng(20261126);
    for (int i = 0; i < 20000; ++i) {
        qint64 cents = 0;
        switch (i % 4) {
        case 0:
            cents = qint64(rng.bounded(quint64(Money::maxCents) + 1));
            break;
        case 1:
            cents = qint64(rng.bounded(100000));
            break;
        case 2:
            cents = qint64(rng.bounded(1000)) * 100; // whole euros, e.g. "1.234" ambiguity zone
            break;
        default:
            cents = Money::maxCents - qint64(rng.bounded(1000));
        }
        const Money m = Money::fromCents(cents);
        const auto display = Money::parse(m.toString());
        QVERIFY2(display.ok(), qPrintable(m.toString()));
        QCOMPARE(display->cents(), cents);
        const auto edit = Money::parse(m.toEditString());
        QVERIFY2(edit.ok(), qPrintable(m.toEditString()));
        QCOMPARE(edit->cents(), cents);
        QString dotted = m.toEditString();
        dotted.replace(u',', u'.');
        const auto dot = Money::parse(dotted);
        QVERIFY2(dot.ok(), qPrintable(dotted));
        QCOMPARE(dot->cents(), cents);
        const auto neg = Money::parse(u'-' + m.toEditString());
        QVERIFY(!neg.ok());
        QCOMPARE(neg.error().code, QStringLiteral("money.negative"));
        const auto more = Money::parse(m.toEditString() + u'1');
        QVERIFY(!more.ok());
        QCOMPARE(more.error().code, QStringLiteral("money.decimals"));
    }
}

void TestMoney::randomGarbageNeverCrashes()
{
    // Random strings over the characters a till keyboard produces: parse either succeeds with a value
    // in range that formats back to the same cents, or fails with one of the five codes.
    const QString alphabet = QStringLiteral("0123456789.,- \u20ACa+e");
    const QSet<QString> codes
        = {QStringLiteral("money.empty"), QStringLiteral("money.negative"), QStringLiteral("money.decimals"),
           QStringLiteral("money.too_large"), QStringLiteral("money.invalid")};
    QRandomGenerator rng(42);
    for (int i = 0; i < 50000; ++i) {
        QString s;
        const int len = rng.bounded(1, 24);
        for (int j = 0; j < len; ++j)
            s += alphabet[rng.bounded(int(alphabet.size()))];
        const auto r = Money::parse(s);
        if (r.ok()) {
            QVERIFY2(r->cents() >= 0 && r->cents() <= Money::maxCents, qPrintable(s));
            QCOMPARE(Money::parse(r->toString())->cents(), r->cents());
        } else {
            QVERIFY2(codes.contains(r.error().code), qPrintable(s + u' ' + r.error().code));
        }
    }
}

QTEST_GUILESS_MAIN(TestMoney)
#include "tst_money.moc"
