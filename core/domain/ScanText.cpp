#include "core/domain/ScanText.h"

#include "core/domain/CodiceFiscale.h"
#include "core/domain/TesseraSanitaria.h"

#include <QCoreApplication>
#include <QRegularExpression>

namespace sinfonia {

namespace {

constexpr QChar groupSeparator(0x1D); // GS, the FNC1 of GS1 data as scanners transmit it
// Code 32 encodes its 9 digits as 6 base-32 characters without vowels.
constexpr QStringView code32Alphabet = u"0123456789BCDFGHJKLMNPQRSTUVWXYZ";

bool isDigit(QChar c)
{
    return c >= u'0' && c <= u'9';
}
bool allDigits(QStringView s)
{
    for (QChar c : s) {
        if (!isDigit(c))
            return false;
    }
    return !s.isEmpty();
}

// The 16-character shape with omocodia, without checking month letter or check character.
const QRegularExpression& cfShape()
{
    static const QRegularExpression re(
        QStringLiteral("^[A-Z]{6}[0-9LMNPQRSTUV]{2}[A-Z][0-9LMNPQRSTUV]{2}[A-Z][0-9LMNPQRSTUV]{3}[A-Z]$"));
    return re;
}

struct CfSearch
{
    QString valid;
    QString candidate;
};

// Every 16-character window of `text` (upper case): the first valid code wins; otherwise the first
// window with the shape of a code is kept as a candidate. Windows are tried at every offset, so the
// code is found whatever sits around it (sentinels, names, a Code 39 check character).
CfSearch searchCf(const QString& text)
{
    CfSearch out;
    for (qsizetype i = 0; i + CodiceFiscale::length <= text.size(); ++i) {
        const QString window = text.mid(i, CodiceFiscale::length);
        if (!cfShape().match(window).hasMatch())
            continue;
        if (CodiceFiscale::isValid(window)) {
            out.valid = window;
            return out;
        }
        if (out.candidate.isEmpty())
            out.candidate = window;
    }
    return out;
}

QString findCardNumber(const QString& text)
{
    static const QRegularExpression digitRun(QStringLiteral("[0-9]{20,}"));
    auto it = digitRun.globalMatch(text);
    while (it.hasNext()) {
        const QString run = it.next().captured();
        for (qsizetype i = 0; i + TesseraSanitaria::length <= run.size(); ++i) {
            const QString n = run.mid(i, TesseraSanitaria::length);
            if (n.startsWith(TesseraSanitaria::prefix) && TesseraSanitaria::isValid(n))
                return n;
        }
    }
    return {};
}

// Removes an AIM symbology identifier ("]d2", "]C1", "]E0") at the start; tells whether it named a
// GS1 symbology. A US-configured scanner on an Italian layout types "]" as "+".
QString stripSymbologyId(const QString& s, bool* gs1)
{
    *gs1 = false;
    static const QRegularExpression aim(QStringLiteral("^[\\]+]([A-Za-z])([0-9A-Za-z])"));
    const auto m = aim.match(s);
    if (!m.hasMatch())
        return s;
    const QString id = (m.captured(1) + m.captured(2)).toUpper();
    // ]d2 DataMatrix GS1, ]C1 GS1-128, ]Q3 QR GS1, ]e0 DataBar, ]J1 DotCode GS1 (case lost to Caps Lock).
    static const QStringList gs1Ids
        = {QStringLiteral("D2"), QStringLiteral("C1"), QStringLiteral("Q3"), QStringLiteral("J1")};
    *gs1 = gs1Ids.contains(id) || (m.captured(1) == u"e" && m.captured(2) == u"0");
    return s.mid(3);
}

// The GTIN-14 of GS1 element strings, plain ("01" first) or with parentheses ("(01)...").
QString gs1Gtin(const QString& s)
{
    static const QRegularExpression plain(QStringLiteral("^01([0-9]{14})"));
    static const QRegularExpression paren(QStringLiteral("\\(01\\)([0-9]{14})"));
    auto m = plain.match(s);
    if (!m.hasMatch())
        m = paren.match(s);
    if (m.hasMatch() && gtinCheckOk(m.captured(1)))
        return m.captured(1);
    return {};
}

bool looksGs1(const QString& s, bool aimGs1)
{
    static const QRegularExpression parenAi(QStringLiteral("^\\([0-9]{2,4}\\)"));
    if (aimGs1 || s.contains(groupSeparator) || parenAi.match(s).hasMatch())
        return true;
    // Bare element strings: a valid GTIN after "01" and something more than a plain GTIN-14.
    return s.size() > 16 && !gs1Gtin(s).isEmpty();
}

// Decodes the 6 base-32 characters of a Code 32 read as plain Code 39 into its 9 digits.
QString decodeCode32Base32(QStringView s)
{
    if (s.size() != 6)
        return {};
    qint64 value = 0;
    for (QChar c : s) {
        const qsizetype v = code32Alphabet.indexOf(c);
        if (v < 0)
            return {};
        value = value * 32 + v;
    }
    if (value > 999'999'999)
        return {};
    return QStringLiteral("%1").arg(value, 9, 10, QLatin1Char('0'));
}

bool code32Ok(QStringView nineDigits)
{
    return nineDigits.size() == 9 && allDigits(nineDigits)
        && code32CheckDigit(nineDigits.left(8)) == nineDigits[8].unicode() - u'0';
}

ScanReading product(ScanReading::Product p, QString code)
{
    ScanReading r;
    r.kind = ScanReading::Kind::ProductCode;
    r.product = p;
    r.productCode = std::move(code);
    return r;
}

// Classifies one token that stands alone (the whole scan, or the main part of it) as a product.
std::optional<ScanReading> classifyProductToken(const QString& t, bool allowBase32)
{
    if (t.size() == 10 && t.front() == u'A' && allDigits(QStringView(t).mid(1)))
        return product(ScanReading::Product::AicCode32, t); // "A" is only printed on drug packs
    if (code32Ok(t))
        return product(ScanReading::Product::AicCode32, u'A' + t);
    if (allDigits(t) && gtinCheckOk(t)) {
        switch (t.size()) {
        case 8:
            return product(ScanReading::Product::Ean8, t);
        case 12:
            return product(ScanReading::Product::UpcA, t);
        case 13:
            return product(ScanReading::Product::Ean13, t);
        case 14:
            return product(ScanReading::Product::Gs1, t);
        default:
            break;
        }
    }
    if (allowBase32) {
        const QString digits = decodeCode32Base32(t);
        if (code32Ok(digits))
            return product(ScanReading::Product::AicCode32, u'A' + digits);
    }
    return std::nullopt;
}

// Upper case; control characters (Enter, Tab, CR, LF) become blanks, except GS which GS1 needs.
QString clean(const QString& raw)
{
    QString s;
    s.reserve(raw.size());
    for (QChar c : raw) {
        if (c == groupSeparator)
            s += c;
        else if (c.category() == QChar::Other_Control || c.isSpace())
            s += u' ';
        else
            s += c.toUpper();
    }
    return s.trimmed();
}

bool isSwipe(const QString& s)
{
    // Track 1 starts with "%", track 2/3 with ";" ("ò" on an Italian layout, "Ò" after Caps Lock).
    return s.startsWith(u'%') || s.startsWith(u';') || s.startsWith(QChar(0xF2)) || s.startsWith(QChar(0xD2));
}

} // namespace

int code32CheckDigit(QStringView eightDigits)
{
    if (eightDigits.size() != 8 || !allDigits(eightDigits))
        return -1;
    int sum = 0;
    for (int i = 0; i < 8; ++i) {
        int d = eightDigits[i].unicode() - u'0';
        if (i % 2 == 1) {
            d *= 2;
            if (d > 9)
                d -= 9;
        }
        sum += d;
    }
    return sum % 10;
}

bool gtinCheckOk(QStringView digits)
{
    if (digits.size() < 2 || !allDigits(digits))
        return false;
    // Weights 3,1,3,1... from the digit left of the check digit.
    int sum = 0;
    int weight = 3;
    for (qsizetype i = digits.size() - 2; i >= 0; --i) {
        sum += (digits[i].unicode() - u'0') * weight;
        weight = 4 - weight;
    }
    return (10 - sum % 10) % 10 == digits.back().unicode() - u'0';
}

ScanReading extractScan(const QString& raw)
{
    if (raw.size() > maxScanLength)
        return {};
    const QString cleaned = clean(raw);
    bool aimGs1 = false;
    const QString content = stripSymbologyId(cleaned, &aimGs1).trimmed();

    if (looksGs1(content, aimGs1)) {
        const QString gtin = gs1Gtin(content);
        QString text = content;
        text.replace(groupSeparator, u' ');
        // Separators and an identifier with nothing else are no product code.
        if (!gtin.isEmpty() || !text.simplified().isEmpty())
            return product(ScanReading::Product::Gs1, gtin.isEmpty() ? text.simplified() : gtin);
        return {};
    }

    ScanReading result;
    result.cardNumber = findCardNumber(content);
    const CfSearch direct = searchCf(content);
    if (!direct.valid.isEmpty()) {
        result.kind = ScanReading::Kind::CodiceFiscale;
        result.codiceFiscale = direct.valid;
        return result;
    }

    // An 11-digit provisional code can only be the whole scan.
    if (content.size() == CodiceFiscale::provisionalLength && allDigits(content) && CodiceFiscale::isValid(content)) {
        result.kind = ScanReading::Kind::CodiceFiscale;
        result.codiceFiscale = content;
        return result;
    }

    if (!isSwipe(content)) {
        if (auto p = classifyProductToken(content, true))
            return *p;
        // A configured prefix or suffix ("SCAN:", "<STX>") around one long token.
        static const QRegularExpression separators(QStringLiteral("[^A-Z0-9]+"));
        const QStringList tokens = content.split(separators, Qt::SkipEmptyParts);
        QStringList longTokens;
        for (const QString& t : tokens) {
            if (t.size() >= 8)
                longTokens.append(t);
        }
        if (longTokens.size() == 1 && tokens.size() <= 3) {
            if (auto p = classifyProductToken(longTokens.front(), false))
                return *p;
        }
    }

    // Last resort: a code typed or printed with separators ("RSS MRA 85T10 A562S").
    const CfSearch joined = searchCf(CodiceFiscale::normalize(content));
    if (!joined.valid.isEmpty()) {
        result.kind = ScanReading::Kind::CodiceFiscale;
        result.codiceFiscale = joined.valid;
        return result;
    }
    result.candidate = direct.candidate.isEmpty() ? joined.candidate : direct.candidate;
    return result;
}

QString scanMessage(const ScanReading& reading)
{
    switch (reading.kind) {
    case ScanReading::Kind::CodiceFiscale:
        return {};
    case ScanReading::Kind::ProductCode:
        return QCoreApplication::translate("sinfonia::ScanText",
                                           "Questo è un codice prodotto, non la tessera sanitaria");
    case ScanReading::Kind::Unreadable:
        if (!reading.candidate.isEmpty()) {
            return QCoreApplication::translate("sinfonia::ScanText",
                                               "Codice fiscale letto male: ripeti la scansione o scrivilo a mano");
        }
        return QCoreApplication::translate("sinfonia::ScanText",
                                           "Lettura non riuscita: ripeti la scansione o scrivi il codice fiscale");
    }
    return {};
}

QString productName(ScanReading::Product p)
{
    switch (p) {
    case ScanReading::Product::None:
        return {};
    case ScanReading::Product::AicCode32:
        return QStringLiteral("AIC (Code 32)");
    case ScanReading::Product::Ean13:
        return QStringLiteral("EAN-13");
    case ScanReading::Product::Ean8:
        return QStringLiteral("EAN-8");
    case ScanReading::Product::UpcA:
        return QStringLiteral("UPC-A");
    case ScanReading::Product::Gs1:
        return QStringLiteral("GS1");
    }
    return {};
}

} // namespace sinfonia
