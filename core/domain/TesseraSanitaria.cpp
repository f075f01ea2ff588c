#include "core/domain/TesseraSanitaria.h"

#include <QCoreApplication>

namespace sinfonia::TesseraSanitaria {

namespace {

bool allDigits(QStringView s)
{
    for (QChar c : s) {
        if (c < u'0' || c > u'9')
            return false;
    }
    return !s.isEmpty();
}

} // namespace

QString normalize(const QString& raw)
{
    QString out;
    out.reserve(raw.size());
    for (QChar c : raw) {
        if (!c.isSpace() && c != u'-' && c != u'.')
            out += c;
    }
    return out;
}

int luhnCheckDigit(QStringView digits)
{
    if (!allDigits(digits))
        return -1;
    // Doubling starts from the rightmost digit of the payload: it becomes the second from the
    // right once the check digit is appended.
    int sum = 0;
    bool doubleIt = true;
    for (qsizetype i = digits.size() - 1; i >= 0; --i) {
        int d = digits[i].unicode() - u'0';
        if (doubleIt) {
            d *= 2;
            if (d > 9)
                d -= 9;
        }
        sum += d;
        doubleIt = !doubleIt;
    }
    return (10 - sum % 10) % 10;
}

Result<QString> validate(const QString& raw)
{
    const QString n = normalize(raw);
    if (n.isEmpty()) {
        return makeError(QStringLiteral("ts.empty"),
                         QCoreApplication::translate("sinfonia::TesseraSanitaria",
                                                     "Inserisci il numero della tessera sanitaria (20 cifre)"));
    }
    if (!allDigits(n)) {
        return makeError(QStringLiteral("ts.characters"),
                         QCoreApplication::translate("sinfonia::TesseraSanitaria",
                                                     "Il numero della tessera sanitaria ha solo cifre"),
                         QStringLiteral("non-digit characters"));
    }
    if (n.size() != length) {
        return makeError(QStringLiteral("ts.length"),
                         QCoreApplication::translate("sinfonia::TesseraSanitaria",
                                                     "Numero della tessera sanitaria di %1 cifre su 20")
                             .arg(n.size()),
                         QStringLiteral("%1 digits").arg(n.size()));
    }
    if (!n.startsWith(prefix)) {
        return makeError(QStringLiteral("ts.prefix"),
                         QCoreApplication::translate("sinfonia::TesseraSanitaria",
                                                     "Il numero della tessera sanitaria inizia con 80380: "
                                                     "controlla le prime cifre"),
                         QStringLiteral("prefix"));
    }
    if (luhnCheckDigit(QStringView(n).left(length - 1)) != n.back().unicode() - u'0') {
        return makeError(QStringLiteral("ts.check_digit"),
                         QCoreApplication::translate("sinfonia::TesseraSanitaria",
                                                     "Numero della tessera sanitaria non valido: ricontrolla le cifre"),
                         QStringLiteral("Luhn check digit"));
    }
    return n;
}

bool isValid(const QString& raw)
{
    return validate(raw).ok();
}

QString mask(const QString& raw)
{
    const QString n = normalize(raw);
    if (n.size() != length || !allDigits(n))
        return QStringLiteral("****");
    return n.left(prefix.size()) + QString(length - prefix.size() - 4, u'*') + n.right(4);
}

} // namespace sinfonia::TesseraSanitaria
