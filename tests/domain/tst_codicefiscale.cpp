#include "core/domain/CodiceFiscale.h"

#include <QFile>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <QTest>

using namespace sinfonia;
using Sex = CodiceFiscaleInfo::Sex;

// Codice fiscale: the shared vectors file line by line, then every error code, decoding, omocodia,
// masking and the live check used while typing.
class TestCodiceFiscale : public QObject
{
    Q_OBJECT

private slots:
    void vectorsFile_data();
    void vectorsFile();
    void vectorsFileIsComplete();
    void normalize_data();
    void normalize();
    void errors_data();
    void errors();
    void messagesNameThePosition();
    void decodeMale();
    void decodeFemale();
    void decodeAbroad();
    void omocodesDecodeToBaseData_data();
    void omocodesDecodeToBaseData();
    void century_data();
    void century();
    void leapDays();
    void provisional();
    void mask_data();
    void mask();
    void computeCheckCharacter();
    void liveCheck_data();
    void liveCheck();
    void liveCheckAcceptsEveryPrefixOfValidCodes();
    void randomCodesAndEveryOmocode();
};

namespace {
const QDate fixedToday(2026, 11, 26);

struct Vector
{
    bool valid;
    QString code;
    QString note;
    int line;
};

QList<Vector> readVectors()
{
    QList<Vector> out;
    QFile f(QStringLiteral(SINFONIA_TEST_DATA_DIR "/codice-fiscale.txt"));
    if (!f.open(QIODevice::ReadOnly | QIODevice::Text))
        return out;
    int lineNo = 0;
    // "<valid|invalid> <code, possibly with blanks> [# note]"
    static const QRegularExpression re(QStringLiteral("^(valid|invalid)\\s+([^#]*?)\\s*(?:#\\s*(.*))?$"));
    while (!f.atEnd()) {
        ++lineNo;
        const QString line = QString::fromUtf8(f.readLine()).trimmed();
        if (line.isEmpty() || line.startsWith(u'#'))
            continue;
        const auto m = re.match(line);
        // A line that is neither comment nor vector is a broken file: keep it so the test fails.
        out.append(m.hasMatch() ? Vector {m.captured(1) == u"valid", m.captured(2), m.captured(3), lineNo}
                                : Vector {false, QString(), QStringLiteral("UNPARSEABLE: ") + line, lineNo});
    }
    return out;
}
} // namespace

void TestCodiceFiscale::vectorsFile_data()
{
    QTest::addColumn<bool>("valid");
    QTest::addColumn<QString>("code");
    QTest::addColumn<QString>("note");
    const auto vectors = readVectors();
    for (const auto& v : vectors) {
        QTest::addRow("line %d %s", v.line, qPrintable(v.code)) << v.valid << v.code << v.note;
    }
}

void TestCodiceFiscale::vectorsFile()
{
    QFETCH(bool, valid);
    QFETCH(QString, code);
    QFETCH(QString, note);
    QVERIFY2(!note.startsWith(QStringLiteral("UNPARSEABLE")), qPrintable(note));
    QVERIFY(!code.isEmpty());
    const auto r = CodiceFiscale::validate(code, fixedToday);
    QVERIFY2(r.ok() == valid, qPrintable(r.ok() ? QStringLiteral("accepted") : r.error().code));
    QCOMPARE(CodiceFiscale::isValid(code), valid);
    if (valid) {
        QCOMPARE(r->code, CodiceFiscale::normalize(code));
        if (note.contains(QStringLiteral("female")))
            QCOMPARE(r->sex, Sex::Female);
        if (note.contains(QStringLiteral("abroad")))
            QVERIFY(r->birthPlaceCode.startsWith(u'Z'));
    } else {
        QVERIFY(!r.error().message.isEmpty());
    }
}

void TestCodiceFiscale::vectorsFileIsComplete()
{
    // Guards against a truncated copy: the file has 26 vectors, 19 valid.
    const auto vectors = readVectors();
    QCOMPARE(vectors.size(), 26);
    QCOMPARE(std::count_if(vectors.begin(), vectors.end(), [](const Vector& v) { return v.valid; }), 19);
}

void TestCodiceFiscale::normalize_data()
{
    QTest::addColumn<QString>("raw");
    QTest::addColumn<QString>("normalized");
    QTest::newRow("lower case") << QStringLiteral("rssmra85t10a562s") << QStringLiteral("RSSMRA85T10A562S");
    QTest::newRow("blanks") << QStringLiteral(" RSS MRA 85T10 A562S ") << QStringLiteral("RSSMRA85T10A562S");
    QTest::newRow("dashes") << QStringLiteral("RSS-MRA-85T10-A562S") << QStringLiteral("RSSMRA85T10A562S");
    QTest::newRow("dots and slashes") << QStringLiteral("RSS.MRA/85T10.A562S") << QStringLiteral("RSSMRA85T10A562S");
    QTest::newRow("tab and newline") << QStringLiteral("\tRSSMRA85T10A562S\r\n") << QStringLiteral("RSSMRA85T10A562S");
    QTest::newRow("nbsp") << QStringLiteral("RSSMRA\u00A085T10A562S") << QStringLiteral("RSSMRA85T10A562S");
    QTest::newRow("other punctuation kept") << QStringLiteral("RSS_MRA") << QStringLiteral("RSS_MRA");
    QTest::newRow("empty") << QString() << QString();
}

void TestCodiceFiscale::normalize()
{
    QFETCH(QString, raw);
    QFETCH(QString, normalized);
    QCOMPARE(CodiceFiscale::normalize(raw), normalized);
}

void TestCodiceFiscale::errors_data()
{
    QTest::addColumn<QString>("code");
    QTest::addColumn<QString>("error");
    QTest::addColumn<QString>("message");

    QTest::newRow("empty") << QString() << QStringLiteral("cf.empty") << QStringLiteral("Inserisci il codice fiscale");
    QTest::newRow("blanks only") << QStringLiteral(" - ") << QStringLiteral("cf.empty")
                                 << QStringLiteral("Inserisci il codice fiscale");
    QTest::newRow("15 characters") << QStringLiteral("RSSMRA85T10A562") << QStringLiteral("cf.length")
                                   << QStringLiteral("Codice fiscale troppo corto: 15 caratteri su 16");
    QTest::newRow("17 characters") << QStringLiteral("RSSMRA85T10A562SS") << QStringLiteral("cf.length")
                                   << QStringLiteral("Codice fiscale troppo lungo: 17 caratteri su 16");
    QTest::newRow("3 characters") << QStringLiteral("RSS") << QStringLiteral("cf.length")
                                  << QStringLiteral("Codice fiscale troppo corto: 3 caratteri su 16");
    QTest::newRow("10 digits") << QStringLiteral("0074311015") << QStringLiteral("cf.length")
                               << QStringLiteral("Codice fiscale numerico troppo corto: 10 cifre su 11");
    QTest::newRow("12 digits") << QStringLiteral("007431101570") << QStringLiteral("cf.length")
                               << QStringLiteral("Codice fiscale troppo corto: 12 caratteri su 16");
    QTest::newRow("digit in surname") << QStringLiteral("R5SMRA85T10A562S") << QStringLiteral("cf.characters")
                                      << QStringLiteral("Codice fiscale non valido: in 2ª posizione va una lettera");
    QTest::newRow("letter in year") << QStringLiteral("RSSMRA8AT10A562S") << QStringLiteral("cf.characters")
                                    << QStringLiteral("Codice fiscale non valido: in 8ª posizione va una cifra");
    QTest::newRow("punctuation") << QStringLiteral("RSSMRA85T10A5_2S") << QStringLiteral("cf.characters")
                                 << QStringLiteral("Codice fiscale non valido: in 14ª posizione va una cifra");
    QTest::newRow("digit as place letter")
        << QStringLiteral("RSSMRA85T101562S") << QStringLiteral("cf.characters")
        << QStringLiteral("Codice fiscale non valido: in 12ª posizione va una lettera");
    QTest::newRow("digit as check char") << QStringLiteral("RSSMRA85T10A5621") << QStringLiteral("cf.characters")
                                         << QStringLiteral(
                                                "Codice fiscale non valido: in 16ª posizione va una lettera");
    QTest::newRow("accented letter") << QStringLiteral("RSSMRÀ85T10A562S") << QStringLiteral("cf.characters")
                                     << QStringLiteral("Codice fiscale non valido: in 6ª posizione va una lettera");
    QTest::newRow("month I") << QStringLiteral("CSTNGL22I10D086I") << QStringLiteral("cf.month")
                             << QStringLiteral("Mese di nascita non valido (9º carattere): "
                                               "usa una lettera tra A B C D E H L M P R S T");
    QTest::newRow("month digit") << QStringLiteral("RSSMRA85110A562S") << QStringLiteral("cf.month") << QString();
    QTest::newRow("day 00") << QStringLiteral("CCCFBA85D00L219P") << QStringLiteral("cf.day") << QString();
    QTest::newRow("day 32") << QStringLiteral("CNTCHR83T32D969H") << QStringLiteral("cf.day") << QString();
    QTest::newRow("day 40") << QStringLiteral("RSSMRA85A40F205H") << QStringLiteral("cf.day")
                            << QStringLiteral("Giorno di nascita non valido (10º e 11º carattere): "
                                              "da 01 a 31, per le donne da 41 a 71");
    QTest::newRow("day 72") << QStringLiteral("RSSMRA85A72F205O") << QStringLiteral("cf.day") << QString();
    QTest::newRow("30 February") << QStringLiteral("RSSMRA85B30F205F") << QStringLiteral("cf.date")
                                 << QStringLiteral("Data di nascita inesistente (30/02): "
                                                   "controlla i caratteri dal 7º all'11º");
    QTest::newRow("31 April") << QStringLiteral("RSSMRA85D31F205L") << QStringLiteral("cf.date") << QString();
    QTest::newRow("29 February 2001") << QStringLiteral("RSSMRA01B29F205C") << QStringLiteral("cf.date") << QString();
    QTest::newRow("wrong check char") << QStringLiteral("RSSMRA85T10A562T") << QStringLiteral("cf.check_char")
                                      << QStringLiteral("Codice fiscale non valido: controlla il 16º carattere");
    QTest::newRow("typo elsewhere") << QStringLiteral("RSSMRB85T10A562S") << QStringLiteral("cf.check_char")
                                    << QString();
    QTest::newRow("omocode with stale check")
        << QStringLiteral("RSSMRA85T10A56NS") << QStringLiteral("cf.check_char") << QString();
    QTest::newRow("provisional check") << QStringLiteral("00743110158") << QStringLiteral("cf.provisional_check")
                                       << QStringLiteral("Codice fiscale numerico non valido: controlla l'11ª cifra");
}

void TestCodiceFiscale::errors()
{
    QFETCH(QString, code);
    QFETCH(QString, error);
    QFETCH(QString, message);
    const auto r = CodiceFiscale::validate(code, fixedToday);
    QVERIFY(!r.ok());
    QCOMPARE(r.error().code, error);
    QVERIFY(!r.error().message.isEmpty());
    if (!message.isEmpty())
        QCOMPARE(r.error().message, message);
    // The detail goes to logs: never the code itself.
    const QString normalized = CodiceFiscale::normalize(code);
    QVERIFY(normalized.isEmpty() || !r.error().detail.contains(normalized));
}

void TestCodiceFiscale::messagesNameThePosition()
{
    // Each of the 16 positions, when broken by a character of the wrong class, is named in the message.
    const QString good = QStringLiteral("RSSMRA85T10A562S");
    for (int i = 0; i < 16; ++i) {
        QString bad = good;
        bad[i] = good[i].isDigit() ? u'A' : u'9';
        const auto r = CodiceFiscale::validate(bad, fixedToday);
        QVERIFY2(!r.ok(), qPrintable(bad));
        if (i == 8) {
            QCOMPARE(r.error().code, QStringLiteral("cf.month"));
            QVERIFY(r.error().message.contains(QStringLiteral("9º")));
        } else if (i == 9 || i == 10) {
            // 'A' is not an omocode letter either, so it is a character error.
            QCOMPARE(r.error().code, QStringLiteral("cf.characters"));
            QVERIFY(r.error().message.contains(QString::number(i + 1) + QStringLiteral("ª posizione")));
        } else {
            QCOMPARE(r.error().code, QStringLiteral("cf.characters"));
            QVERIFY2(r.error().message.contains(QStringLiteral("in %1ª posizione").arg(i + 1)),
                     qPrintable(r.error().message));
        }
    }
}

void TestCodiceFiscale::decodeMale()
{
    const auto r = CodiceFiscale::validate(QStringLiteral("RSSMRA85T10A562S"), fixedToday);
    QVERIFY(r.ok());
    QCOMPARE(r->code, QStringLiteral("RSSMRA85T10A562S"));
    QCOMPARE(r->birthDate, QDate(1985, 12, 10));
    QCOMPARE(r->sex, Sex::Male);
    QCOMPARE(r->birthPlaceCode, QStringLiteral("A562"));
    QVERIFY(!r->omocode);
    QVERIFY(!r->provisional);
}

void TestCodiceFiscale::decodeFemale()
{
    // Women have 40 added to the day.
    const auto r = CodiceFiscale::validate(QStringLiteral("RSSMRA85T50A562W"), fixedToday);
    QVERIFY2(r.ok(), qPrintable(r.ok() ? QString() : r.error().code));
    QCOMPARE(r->birthDate, QDate(1985, 12, 10));
    QCOMPARE(r->sex, Sex::Female);
    const auto r2 = CodiceFiscale::validate(QStringLiteral("MRTMRA83T56A269B"), fixedToday);
    QVERIFY(r2.ok());
    QCOMPARE(r2->birthDate, QDate(1983, 12, 16));
    QCOMPARE(r2->sex, Sex::Female);
    const auto r3 = CodiceFiscale::validate(QStringLiteral("RSSMRA85A71F205J"), fixedToday);
    QVERIFY(r3.ok());
    QCOMPARE(r3->birthDate, QDate(1985, 1, 31));
    QCOMPARE(r3->sex, Sex::Female);
}

void TestCodiceFiscale::decodeAbroad()
{
    const auto r = CodiceFiscale::validate(QStringLiteral("THDSDA95P08Z330H"), fixedToday);
    QVERIFY(r.ok());
    QCOMPARE(r->birthPlaceCode, QStringLiteral("Z330"));
    QCOMPARE(r->birthDate, QDate(1995, 9, 8));
}

void TestCodiceFiscale::omocodesDecodeToBaseData_data()
{
    QTest::addColumn<QString>("omocode");
    for (const char* c :
         {"CCCFBA85D03L21VE", "CCCFBA85D03L2MVP", "CCCFBA85D03LNMVE", "CCCFBA85D0PLNMVA", "CCCFBA85DLPLNMVL",
          "CCCFBA8RDLPLNMVX", "CCCFBAURDLPLNMVU", "RSSMRA85T1LA562V", "RSSMRA85T10A56NH"})
        QTest::newRow(c) << QString::fromLatin1(c);
}

void TestCodiceFiscale::omocodesDecodeToBaseData()
{
    QFETCH(QString, omocode);
    const QString base = CodiceFiscale::decodeOmocodia(omocode);
    QVERIFY(!base.isEmpty());
    const auto b = CodiceFiscale::validate(base, fixedToday);
    const auto o = CodiceFiscale::validate(omocode, fixedToday);
    QVERIFY2(b.ok(), qPrintable(base));
    QVERIFY(o.ok());
    QVERIFY(o->omocode);
    QVERIFY(!b->omocode);
    QCOMPARE(o->code, omocode); // the code is kept as written: it is the person's official code
    QCOMPARE(o->birthDate, b->birthDate);
    QCOMPARE(o->sex, b->sex);
    QCOMPARE(o->birthPlaceCode, b->birthPlaceCode);
    if (omocode.startsWith(QStringLiteral("CCCFBA"))) {
        QCOMPARE(base, QStringLiteral("CCCFBA85D03L219P"));
        QCOMPARE(o->birthDate, QDate(1985, 4, 3));
        QCOMPARE(o->birthPlaceCode, QStringLiteral("L219"));
    } else {
        QCOMPARE(base, QStringLiteral("RSSMRA85T10A562S"));
    }
}

void TestCodiceFiscale::century_data()
{
    QTest::addColumn<QString>("code");
    QTest::addColumn<QDate>("today");
    QTest::addColumn<QDate>("birth");
    QTest::newRow("26 this year") << QStringLiteral("RSSMRA26A01F205P") << QDate(2026, 11, 26) << QDate(2026, 1, 1);
    QTest::newRow("26 on the day itself")
        << QStringLiteral("RSSMRA26A01F205P") << QDate(2026, 1, 1) << QDate(2026, 1, 1);
    QTest::newRow("26 a day before") << QStringLiteral("RSSMRA26A01F205P") << QDate(2025, 12, 31) << QDate(1926, 1, 1);
    QTest::newRow("30 is 1930") << QStringLiteral("RSSMRA30A01F205L") << QDate(2026, 11, 26) << QDate(1930, 1, 1);
    QTest::newRow("85 is 1985") << QStringLiteral("RSSMRA85T10A562S") << QDate(2026, 11, 26) << QDate(1985, 12, 10);
}

void TestCodiceFiscale::century()
{
    QFETCH(QString, code);
    QFETCH(QDate, today);
    QFETCH(QDate, birth);
    const auto r = CodiceFiscale::validate(code, today);
    QVERIFY(r.ok());
    QCOMPARE(r->birthDate, birth);
}

void TestCodiceFiscale::leapDays()
{
    // 29 Feb "00" is 2000 (a leap year); before 2000 it would be 1900, which was not.
    const auto r = CodiceFiscale::validate(QStringLiteral("RSSMRA00B29F205B"), fixedToday);
    QVERIFY(r.ok());
    QCOMPARE(r->birthDate, QDate(2000, 2, 29));
    const auto old = CodiceFiscale::validate(QStringLiteral("RSSMRA00B29F205B"), QDate(1999, 6, 1));
    QVERIFY(!old.ok());
    QCOMPARE(old.error().code, QStringLiteral("cf.date"));
}

void TestCodiceFiscale::provisional()
{
    const auto r = CodiceFiscale::validate(QStringLiteral(" 007 431 10157 "), fixedToday);
    QVERIFY(r.ok());
    QVERIFY(r->provisional);
    QCOMPARE(r->code, QStringLiteral("00743110157"));
    QVERIFY(!r->birthDate);
    QCOMPARE(r->sex, Sex::Unknown);
    QVERIFY(r->birthPlaceCode.isEmpty());
    // Every wrong last digit is refused; exactly one is right.
    int valid = 0;
    for (int d = 0; d <= 9; ++d)
        valid += CodiceFiscale::isValid(QStringLiteral("0074311015") + QString::number(d)) ? 1 : 0;
    QCOMPARE(valid, 1);
    // Swapping two adjacent digits is caught (Luhn).
    QVERIFY(!CodiceFiscale::isValid(QStringLiteral("00743101157")));
    QVERIFY(CodiceFiscale::isValid(QStringLiteral("12345678903")));
    QVERIFY(!CodiceFiscale::isValid(QStringLiteral("12345678901")));
}

void TestCodiceFiscale::mask_data()
{
    QTest::addColumn<QString>("raw");
    QTest::addColumn<QString>("masked");
    QTest::newRow("ordinary") << QStringLiteral("RSSMRA85T10A562S") << QStringLiteral("RSSMRA****A562S");
    QTest::newRow("normalised first") << QStringLiteral("rss mra 85t10 a562s") << QStringLiteral("RSSMRA****A562S");
    QTest::newRow("invalid check still masked")
        << QStringLiteral("RSSMRA85T10A562T") << QStringLiteral("RSSMRA****A562T");
    QTest::newRow("provisional") << QStringLiteral("00743110157") << QStringLiteral("007****57");
    QTest::newRow("too short") << QStringLiteral("RSSMRA85") << QStringLiteral("****");
    QTest::newRow("too long") << QStringLiteral("RSSMRA85T10A562SX") << QStringLiteral("****");
    QTest::newRow("punctuation") << QStringLiteral("RSSMRA85T10A5_2S") << QStringLiteral("****");
    QTest::newRow("empty") << QString() << QStringLiteral("****");
}

void TestCodiceFiscale::mask()
{
    QFETCH(QString, raw);
    QFETCH(QString, masked);
    QCOMPARE(CodiceFiscale::mask(raw), masked);
    // The birth date and sex characters never survive.
    QVERIFY(!CodiceFiscale::mask(raw).contains(QStringLiteral("85T10")));
}

void TestCodiceFiscale::computeCheckCharacter()
{
    QCOMPARE(CodiceFiscale::computeCheckCharacter(QStringLiteral("RSSMRA85T10A562")), QChar(u'S'));
    QCOMPARE(CodiceFiscale::computeCheckCharacter(QStringLiteral("rssmra85t50a562")), QChar(u'W'));
    QCOMPARE(CodiceFiscale::computeCheckCharacter(QStringLiteral("CCCFBAURDLPLNMV")), QChar(u'U'));
    QVERIFY(CodiceFiscale::computeCheckCharacter(QStringLiteral("RSSMRA85T10A56")).isNull());
    QVERIFY(CodiceFiscale::computeCheckCharacter(QStringLiteral("RSSMRA85T10A56_")).isNull());
}

void TestCodiceFiscale::liveCheck_data()
{
    QTest::addColumn<QString>("partial");
    QTest::addColumn<QString>("message"); // empty: no complaint yet

    QTest::newRow("empty") << QString() << QString();
    QTest::newRow("letters so far") << QStringLiteral("RSSM") << QString();
    QTest::newRow("lower case so far") << QStringLiteral("rssmra8") << QString();
    QTest::newRow("digit in name") << QStringLiteral("RSSM4")
                                   << QStringLiteral("Codice fiscale non valido: in 5ª posizione va una lettera");
    QTest::newRow("letter in year") << QStringLiteral("RSSMRAX")
                                    << QStringLiteral("Codice fiscale non valido: in 7ª posizione va una cifra");
    QTest::newRow("omocode letter in year ok") << QStringLiteral("RSSMRAU") << QString();
    QTest::newRow("bad month") << QStringLiteral("RSSMRA85Z")
                               << QStringLiteral("Mese di nascita non valido (9º carattere): "
                                                 "usa una lettera tra A B C D E H L M P R S T");
    QTest::newRow("first day digit ok") << QStringLiteral("RSSMRA85T3") << QString();
    QTest::newRow("day 32") << QStringLiteral("RSSMRA85T32")
                            << QStringLiteral("Giorno di nascita non valido (10º e 11º carattere): "
                                              "da 01 a 31, per le donne da 41 a 71");
    QTest::newRow("30 February") << QStringLiteral(
        "RSSMRA85B30") << QStringLiteral("Data di nascita inesistente (30/02): controlla i caratteri dal 7º all'11º");
    QTest::newRow("29 February 00 ok") << QStringLiteral("RSSMRA00B29") << QString();
    QTest::newRow("place letter") << QStringLiteral("RSSMRA85T105")
                                  << QStringLiteral("Codice fiscale non valido: in 12ª posizione va una lettera");
    QTest::newRow("15 fine") << QStringLiteral("RSSMRA85T10A562") << QString();
    QTest::newRow("complete valid") << QStringLiteral("RSSMRA85T10A562S") << QString();
    QTest::newRow("complete bad check") << QStringLiteral("RSSMRA85T10A562X")
                                        << QStringLiteral("Codice fiscale non valido: controlla il 16º carattere");
    QTest::newRow("too long") << QStringLiteral("RSSMRA85T10A562SA")
                              << QStringLiteral("Codice fiscale troppo lungo: 17 caratteri su 16");
    QTest::newRow("numeric so far") << QStringLiteral("0074311") << QString();
    QTest::newRow("numeric complete valid") << QStringLiteral("00743110157") << QString();
    QTest::newRow("numeric complete bad")
        << QStringLiteral("00743110158") << QStringLiteral("Codice fiscale numerico non valido: controlla l'11ª cifra");
    QTest::newRow("numeric too long") << QStringLiteral("007431101570")
                                      << QStringLiteral("Il codice fiscale numerico ha 11 cifre: ne hai scritte 12");
    QTest::newRow("numeric then letter") << QStringLiteral("007A")
                                         << QStringLiteral("Codice fiscale non valido: in 4ª posizione va una cifra");
    QTest::newRow("punctuation") << QStringLiteral("RSS_")
                                 << QStringLiteral("Codice fiscale non valido: in 4ª posizione va una lettera");
}

void TestCodiceFiscale::liveCheck()
{
    QFETCH(QString, partial);
    QFETCH(QString, message);
    const auto m = CodiceFiscale::liveCheck(partial);
    if (message.isEmpty())
        QVERIFY2(!m, qPrintable(m.value_or(QString())));
    else
        QCOMPARE(m.value_or(QString()), message);
}

void TestCodiceFiscale::liveCheckAcceptsEveryPrefixOfValidCodes()
{
    const auto vectors = readVectors();
    for (const auto& v : vectors) {
        if (!v.valid)
            continue;
        const QString code = CodiceFiscale::normalize(v.code);
        for (int n = 0; n <= code.size(); ++n)
            QVERIFY2(!CodiceFiscale::liveCheck(code.left(n)), qPrintable(code.left(n)));
    }
}

void TestCodiceFiscale::randomCodesAndEveryOmocode()
{
    // Random well-formed people: the code validates and decodes to what was encoded, every one of
    // the 127 omocodic variants (any subset of the 7 digit positions replaced) decodes to the same
    // data, every wrong check character is refused and the mask hides birth data.
    const QString months = QStringLiteral("ABCDEHLMPRST");
    const QString omocodeLetters = QStringLiteral("LMNPQRSTUV");
    const int digitPositions[7] = {6, 7, 9, 10, 12, 13, 14};
    QRandomGenerator rng(1985);
    for (int n = 0; n < 200; ++n) {
        QString first15;
        for (int i = 0; i < 6; ++i)
            first15 += QChar(u'A' + rng.bounded(26));
        const int year = rng.bounded(1927, 2026); // ≤ today's year so the century is unambiguous
        const int month = rng.bounded(1, 13);
        const int day = rng.bounded(1, QDate(year, month, 1).daysInMonth() + 1);
        const bool female = rng.bounded(2) == 1;
        first15 += QStringLiteral("%1").arg(year % 100, 2, 10, QLatin1Char('0'));
        first15 += months[month - 1];
        first15 += QStringLiteral("%1").arg(day + (female ? 40 : 0), 2, 10, QLatin1Char('0'));
        first15 += QChar(u'A' + rng.bounded(26));
        first15 += QStringLiteral("%1").arg(rng.bounded(1000), 3, 10, QLatin1Char('0'));
        const QString base = first15 + CodiceFiscale::computeCheckCharacter(first15);

        const auto r = CodiceFiscale::validate(base, fixedToday);
        QVERIFY2(r.ok(), qPrintable(base + u' ' + (r.ok() ? QString() : r.error().code)));
        QCOMPARE(r->birthDate, QDate(year, month, day));
        QCOMPARE(r->sex, female ? Sex::Female : Sex::Male);
        QCOMPARE(r->birthPlaceCode, base.mid(11, 4));
        QVERIFY(!r->omocode);
        QCOMPARE(CodiceFiscale::mask(base), base.left(6) + QStringLiteral("****") + base.right(5));

        for (QChar c = u'A'; c <= u'Z'; c = QChar(c.unicode() + 1)) {
            if (c != base[15])
                QVERIFY(!CodiceFiscale::isValid(base.left(15) + c));
        }

        for (int subset = 1; subset < 128; ++subset) {
            QString omo = base.left(15);
            for (int bit = 0; bit < 7; ++bit) {
                if (subset & (1 << bit)) {
                    const int pos = digitPositions[bit];
                    omo[pos] = omocodeLetters[omo[pos].unicode() - u'0'];
                }
            }
            omo += CodiceFiscale::computeCheckCharacter(omo);
            const auto o = CodiceFiscale::validate(omo, fixedToday);
            QVERIFY2(o.ok(), qPrintable(omo));
            QVERIFY(o->omocode);
            QCOMPARE(o->birthDate, r->birthDate);
            QCOMPARE(o->sex, r->sex);
            QCOMPARE(o->birthPlaceCode, r->birthPlaceCode);
            QCOMPARE(CodiceFiscale::decodeOmocodia(omo), base);
        }
    }
}

QTEST_GUILESS_MAIN(TestCodiceFiscale)
#include "tst_codicefiscale.moc"
