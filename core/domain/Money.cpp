#include "core/domain/Money.h"

#include <QCoreApplication>

namespace sinfonia {

namespace {

// Parsing works on the digits themselves, never on a double, and every multiplication is checked
// against maxCents before it happens, so no input can overflow qint64.
constexpr qint64 maxEuros = Money::maxCents / 100;

bool isAsciiDigit(QChar c)
{
    return c >= u'0' && c <= u'9';
}

bool allDigits(QStringView s)
{
    for (QChar c : s) {
        if (!isAsciiDigit(c))
            return false;
    }
    return true;
}

// "1.234.567": a first group of 1-3 digits not starting with 0, then groups of exactly 3.
bool isGroupedInteger(QStringView s)
{
    const auto groups = s.split(u'.');
    if (groups.size() < 2)
        return false;
    const QStringView first = groups.front();
    if (first.isEmpty() || first.size() > 3 || !allDigits(first) || first.front() == u'0')
        return false;
    for (qsizetype i = 1; i < groups.size(); ++i) {
        if (groups[i].size() != 3 || !allDigits(groups[i]))
            return false;
    }
    return true;
}

Error tooLarge()
{
    return makeError(QStringLiteral("money.too_large"),
                     QCoreApplication::translate("sinfonia::Money", "Importo troppo alto: controlla le cifre inserite"),
                     QStringLiteral("amount above Money::maxCents"));
}

Error invalid(const QString& detail)
{
    return makeError(
        QStringLiteral("money.invalid"),
        QCoreApplication::translate("sinfonia::Money", "Importo non valido: scrivi solo cifre e la virgola, es. 12,50"),
        detail);
}

// Strips the currency sign ("€" or "EUR", before or after) and the surrounding blanks.
QString stripCurrency(QString s)
{
    s = s.trimmed();
    const QString euro = QStringLiteral("\u20AC");
    const QString eur = QStringLiteral("EUR");
    const QString euroWord = QStringLiteral("EURO");
    if (s.startsWith(euro))
        s = s.mid(1).trimmed();
    else if (s.startsWith(euroWord, Qt::CaseInsensitive))
        s = s.mid(4).trimmed();
    else if (s.startsWith(eur, Qt::CaseInsensitive))
        s = s.mid(3).trimmed();
    else if (s.endsWith(euro))
        s.chop(1);
    else if (s.endsWith(euroWord, Qt::CaseInsensitive))
        s.chop(4);
    else if (s.endsWith(eur, Qt::CaseInsensitive))
        s.chop(3);
    return s.trimmed();
}

// Integer part as written, without sign: plain digits or valid thousands groups.
Result<qint64> parseEuros(QStringView s)
{
    if (s.isEmpty())
        return qint64(0); // ",50" is fifty cents
    QString digits;
    if (s.contains(u'.')) {
        if (!isGroupedInteger(s))
            return invalid(QStringLiteral("bad thousands grouping"));
        digits = s.toString().remove(u'.');
    } else {
        if (!allDigits(s))
            return invalid(QStringLiteral("non-digit in integer part"));
        digits = s.toString();
    }
    qint64 euros = 0;
    for (QChar c : digits) {
        if (euros > maxEuros)
            return tooLarge(); // stop before the next multiplication could overflow
        euros = euros * 10 + (c.unicode() - u'0');
    }
    if (euros > maxEuros)
        return tooLarge();
    return euros;
}

} // namespace

Result<Money> Money::parse(const QString& text)
{
    QString s = stripCurrency(text);
    if (s.isEmpty()) {
        return makeError(QStringLiteral("money.empty"),
                         QCoreApplication::translate("sinfonia::Money", "Inserisci l'importo, es. 12,50"));
    }

    bool negative = false;
    if (s.front() == u'-' || s.front() == QChar(0x2212)) {
        negative = true;
        s = stripCurrency(s.mid(1)); // "-€ 5" and "- 5 €" are still a minus
        if (s.isEmpty())
            return invalid(QStringLiteral("lone minus sign"));
    }

    // Split into integer and decimal part. A comma is always the decimal separator. Without a comma
    // a single dot is a decimal point ("12.50", "1234.5") unless exactly three digits follow it and
    // the part before is a valid first thousands group ("1.234" = 1234,00 €): a clerk who means
    // 1,234 € does not type three decimals, while "1.234" is how Italians write one thousand and
    // more. Several dots are always thousands separators.
    QStringView intPart;
    QStringView decPart;
    bool hasDecimals = false;
    const qsizetype comma = s.indexOf(u',');
    if (comma >= 0) {
        if (s.indexOf(u',', comma + 1) >= 0)
            return invalid(QStringLiteral("more than one comma"));
        intPart = QStringView(s).left(comma);
        decPart = QStringView(s).mid(comma + 1);
        hasDecimals = true;
        if (intPart.isEmpty() && decPart.isEmpty())
            return invalid(QStringLiteral("lone comma"));
    } else if (s.count(u'.') == 1) {
        const qsizetype dot = s.indexOf(u'.');
        const QStringView before = QStringView(s).left(dot);
        const QStringView after = QStringView(s).mid(dot + 1);
        if (after.size() == 3 && isGroupedInteger(s)) {
            intPart = s;
        } else {
            intPart = before;
            decPart = after;
            hasDecimals = true;
            if (before.isEmpty() && after.isEmpty())
                return invalid(QStringLiteral("lone dot"));
        }
    } else {
        intPart = s;
    }

    if (!allDigits(decPart))
        return invalid(QStringLiteral("non-digit in decimal part"));
    const auto euros = parseEuros(intPart);
    if (!euros.ok())
        return euros.error();
    if (negative) {
        return makeError(QStringLiteral("money.negative"),
                         QCoreApplication::translate("sinfonia::Money", "L'importo non può essere negativo"));
    }
    if (hasDecimals && decPart.size() > 2) {
        return makeError(
            QStringLiteral("money.decimals"),
            QCoreApplication::translate("sinfonia::Money", "Al massimo 2 decimali: scrivi i centesimi, es. 12,50"),
            QStringLiteral("%1 decimal digits").arg(decPart.size()));
    }
    qint64 cents = 0;
    for (qsizetype i = 0; i < 2; ++i)
        cents = cents * 10 + (i < decPart.size() ? decPart[i].unicode() - u'0' : 0);
    const qint64 total = *euros * 100 + cents; // euros <= maxEuros: cannot overflow
    if (total > maxCents)
        return tooLarge();
    return Money(total);
}

QString Money::toString() const
{
    // Magnitude as unsigned so that even the most negative qint64 formats without overflow.
    const quint64 magnitude = m_cents < 0 ? 0 - quint64(m_cents) : quint64(m_cents);
    const QString euros = QString::number(magnitude / 100);
    QString grouped;
    grouped.reserve(euros.size() + euros.size() / 3);
    for (qsizetype i = 0; i < euros.size(); ++i) {
        if (i > 0 && (euros.size() - i) % 3 == 0)
            grouped += u'.';
        grouped += euros[i];
    }
    const QString centsText = QStringLiteral("%1").arg(magnitude % 100, 2, 10, QLatin1Char('0'));
    return (m_cents < 0 ? QStringLiteral("-") : QString()) + grouped + u',' + centsText + QStringLiteral(" \u20AC");
}

QString Money::toEditString() const
{
    const quint64 magnitude = m_cents < 0 ? 0 - quint64(m_cents) : quint64(m_cents);
    return (m_cents < 0 ? QStringLiteral("-") : QString()) + QString::number(magnitude / 100) + u','
        + QStringLiteral("%1").arg(magnitude % 100, 2, 10, QLatin1Char('0'));
}

} // namespace sinfonia
