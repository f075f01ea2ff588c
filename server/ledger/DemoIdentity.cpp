#include "server/ledger/DemoIdentity.h"

#include <QByteArray>
#include <QList>

namespace sinfonia::ledger::DemoIdentity {

namespace {

bool isVowel(QChar c)
{
    return QStringLiteral("AEIOU").contains(c);
}

void split(const QString& raw, QString* consonants, QString* vowels)
{
    for (QChar c : raw.toUpper()) {
        if (c < QLatin1Char('A') || c > QLatin1Char('Z'))
            continue;
        (isVowel(c) ? vowels : consonants)->append(c);
    }
}

} // namespace

QString surnameCode(const QString& surname)
{
    QString cons;
    QString vow;
    split(surname, &cons, &vow);
    return QString(cons + vow + QStringLiteral("XXX")).left(3);
}

QString nameCode(const QString& name)
{
    QString cons;
    QString vow;
    split(name, &cons, &vow);
    if (cons.size() >= 4)
        return QString(cons.at(0)) + cons.at(2) + cons.at(3);
    return QString(cons + vow + QStringLiteral("XXX")).left(3);
}

QString checkCharacter(const QString& first15)
{
    // Values of characters in odd positions (1st, 3rd, ...), for 0-9 and A-Z alike.
    static const int odd[26]
        = {1, 0, 5, 7, 9, 13, 15, 17, 19, 21, 2, 4, 18, 20, 11, 3, 6, 8, 12, 14, 16, 10, 22, 25, 24, 23};
    int sum = 0;
    for (int i = 0; i < 15 && i < first15.size(); ++i) {
        const QChar c = first15.at(i);
        const int v = c.isDigit() ? c.digitValue() : c.unicode() - 'A';
        sum += (i % 2 == 0) ? odd[v] : v;
    }
    return QString(QChar('A' + sum % 26));
}

QString codiceFiscale(const QString& surname, const QString& name, QDate birth, bool female, const QString& place)
{
    static const char months[] = "ABCDEHLMPRST";
    const QString first15 = surnameCode(surname) + nameCode(name)
        + QStringLiteral("%1").arg(birth.year() % 100, 2, 10, QLatin1Char('0')) + QLatin1Char(months[birth.month() - 1])
        + QStringLiteral("%1").arg(birth.day() + (female ? 40 : 0), 2, 10, QLatin1Char('0')) + place;
    return first15 + checkCharacter(first15);
}

QString cardNumber(const QString& twelveDigits)
{
    const QString payload = QStringLiteral("8038000") + twelveDigits;
    // Luhn: from the right of the payload, every first, third, ... digit is doubled.
    int sum = 0;
    for (int i = 0; i < payload.size(); ++i) {
        int d = payload.at(payload.size() - 1 - i).digitValue();
        if (i % 2 == 0) {
            d *= 2;
            if (d > 9)
                d -= 9;
        }
        sum += d;
    }
    return payload + QString::number((10 - sum % 10) % 10);
}

QByteArray receiptPdf(const QString& text)
{
    QByteArray safe = text.toLatin1();
    safe.replace('\\', "\\\\").replace('(', "\\(").replace(')', "\\)");
    const QByteArray stream = "BT /F1 14 Tf 40 160 Td (" + safe + ") Tj ET";
    const QList<QByteArray> objects = {
        "<< /Type /Catalog /Pages 2 0 R >>",
        "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 300 200] /Contents 4 0 R"
        " /Resources << /Font << /F1 5 0 R >> >> >>",
        "<< /Length " + QByteArray::number(stream.size()) + " >>\nstream\n" + stream + "\nendstream",
        "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    };
    QByteArray pdf = "%PDF-1.4\n";
    QList<qsizetype> offsets;
    for (int i = 0; i < objects.size(); ++i) {
        offsets << pdf.size();
        pdf += QByteArray::number(i + 1) + " 0 obj\n" + objects[i] + "\nendobj\n";
    }
    const qsizetype xref = pdf.size();
    pdf += "xref\n0 " + QByteArray::number(objects.size() + 1) + "\n0000000000 65535 f \n";
    for (qsizetype off : offsets)
        pdf += QByteArray::number(off).rightJustified(10, '0') + " 00000 n \n";
    pdf += "trailer\n<< /Size " + QByteArray::number(objects.size() + 1) + " /Root 1 0 R >>\nstartxref\n"
        + QByteArray::number(xref) + "\n%%EOF\n";
    return pdf;
}

} // namespace sinfonia::ledger::DemoIdentity
