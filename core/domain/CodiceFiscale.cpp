#include "core/domain/CodiceFiscale.h"

#include <QCoreApplication>
#include <array>

namespace sinfonia::CodiceFiscale {

namespace {

constexpr QStringView monthLetters = u"ABCDEHLMPRST";
// Omocodia replaces digits by these letters: 0 -> L, 1 -> M, ... 9 -> V.
constexpr QStringView omocodeLetters = u"LMNPQRSTUV";
// 0-based indexes of the characters that are digits in an ordinary code (year, day, place number).
constexpr std::array<int, 7> digitPositions = {6, 7, 9, 10, 12, 13, 14};

// Values of the characters in odd 1-based positions (table of the Agenzia delle Entrate), A..Z;
// digits 0..9 have the values of A..J.
constexpr std::array<int, 26> oddValues
    = {1, 0, 5, 7, 9, 13, 15, 17, 19, 21, 2, 4, 18, 20, 11, 3, 6, 8, 12, 14, 16, 10, 22, 25, 24, 23};

bool isLetter(QChar c)
{
    return c >= u'A' && c <= u'Z';
}
bool isDigit(QChar c)
{
    return c >= u'0' && c <= u'9';
}
bool isDigitOrOmocode(QChar c)
{
    return isDigit(c) || omocodeLetters.contains(c);
}

// Digit value of a digit position, mapping omocodia letters back.
int digitValue(QChar c)
{
    return isDigit(c) ? c.unicode() - u'0' : int(omocodeLetters.indexOf(c));
}

bool isDigitPosition(int i)
{
    return std::find(digitPositions.begin(), digitPositions.end(), i) != digitPositions.end();
}

// Checks the characters of `code` (any length up to 16) position by position; returns the error
// of the first wrong one. Shared by validate() and liveCheck().
std::optional<Error> checkCharacters(const QString& code)
{
    for (int i = 0; i < code.size() && i < length; ++i) {
        const QChar c = code[i];
        const int pos = i + 1;
        if (i == 8) {
            if (!monthLetters.contains(c)) {
                return makeError(QStringLiteral("cf.month"),
                                 QCoreApplication::translate("sinfonia::CodiceFiscale",
                                                             "Mese di nascita non valido (9º carattere): "
                                                             "usa una lettera tra A B C D E H L M P R S T"),
                                 QStringLiteral("month letter"));
            }
        } else if (isDigitPosition(i)) {
            if (!isDigitOrOmocode(c)) {
                return makeError(QStringLiteral("cf.characters"),
                                 QCoreApplication::translate("sinfonia::CodiceFiscale",
                                                             "Codice fiscale non valido: in %1ª posizione va una cifra")
                                     .arg(pos),
                                 QStringLiteral("digit expected at %1").arg(pos));
            }
        } else if (!isLetter(c)) {
            return makeError(QStringLiteral("cf.characters"),
                             QCoreApplication::translate("sinfonia::CodiceFiscale",
                                                         "Codice fiscale non valido: in %1ª posizione va una lettera")
                                 .arg(pos),
                             QStringLiteral("letter expected at %1").arg(pos));
        }
    }
    return std::nullopt;
}

Error dayError()
{
    return makeError(QStringLiteral("cf.day"),
                     QCoreApplication::translate("sinfonia::CodiceFiscale",
                                                 "Giorno di nascita non valido (10º e 11º carattere): "
                                                 "da 01 a 31, per le donne da 41 a 71"),
                     QStringLiteral("day out of range"));
}

// Day number with omocodia decoded, from the 10th and 11th character.
int dayNumber(const QString& code)
{
    return digitValue(code[9]) * 10 + digitValue(code[10]);
}
int yearNumber(const QString& code)
{
    return digitValue(code[6]) * 10 + digitValue(code[7]);
}
int monthNumber(const QString& code)
{
    return int(monthLetters.indexOf(code[8])) + 1;
}

QChar checkCharacter(QStringView first15)
{
    int sum = 0;
    for (int i = 0; i < 15; ++i) {
        const QChar c = first15[i];
        const int v = isDigit(c) ? c.unicode() - u'0' : c.unicode() - u'A';
        // 1-based odd positions are 0-based even indexes.
        sum += (i % 2 == 0) ? oddValues[std::size_t(v)] : v;
    }
    return QChar(u'A' + sum % 26);
}

// The date a 16-character code stands for: the century is the latest one that does not put the
// birth after `today` (a person born in 2010 has "10", a person born in 1930 "30").
std::optional<QDate> birthDate(const QString& code, QDate today)
{
    const int yy = yearNumber(code);
    const int month = monthNumber(code);
    const int day = dayNumber(code) % 40;
    const QDate recent(2000 + yy, month, day);
    if (recent.isValid() && (!today.isValid() || recent <= today))
        return recent;
    const QDate older(1900 + yy, month, day);
    if (older.isValid())
        return older;
    return std::nullopt;
}

bool provisionalCheckOk(QStringView digits)
{
    int sum = 0;
    for (int i = 0; i < 10; ++i) {
        int d = digits[i].unicode() - u'0';
        if (i % 2 == 1) {
            d *= 2;
            if (d > 9)
                d -= 9;
        }
        sum += d;
    }
    return (10 - sum % 10) % 10 == digits[10].unicode() - u'0';
}

bool allDigits(QStringView s)
{
    for (QChar c : s) {
        if (!isDigit(c))
            return false;
    }
    return true;
}

Error lengthError(const QString& code)
{
    const qsizetype n = code.size();
    if (allDigits(code) && n < provisionalLength) {
        return makeError(QStringLiteral("cf.length"),
                         QCoreApplication::translate("sinfonia::CodiceFiscale",
                                                     "Codice fiscale numerico troppo corto: %1 cifre su 11")
                             .arg(n),
                         QStringLiteral("%1 digits").arg(n));
    }
    if (n < length) {
        return makeError(
            QStringLiteral("cf.length"),
            QCoreApplication::translate("sinfonia::CodiceFiscale", "Codice fiscale troppo corto: %1 caratteri su 16")
                .arg(n),
            QStringLiteral("%1 characters").arg(n));
    }
    return makeError(
        QStringLiteral("cf.length"),
        QCoreApplication::translate("sinfonia::CodiceFiscale", "Codice fiscale troppo lungo: %1 caratteri su 16")
            .arg(n),
        QStringLiteral("%1 characters").arg(n));
}

Result<CodiceFiscaleInfo> validateProvisional(const QString& code)
{
    if (!provisionalCheckOk(code)) {
        return makeError(QStringLiteral("cf.provisional_check"),
                         QCoreApplication::translate("sinfonia::CodiceFiscale",
                                                     "Codice fiscale numerico non valido: controlla l'11ª cifra"),
                         QStringLiteral("provisional check digit"));
    }
    CodiceFiscaleInfo info;
    info.code = code;
    info.provisional = true;
    return info;
}

} // namespace

QString normalize(const QString& raw)
{
    QString out;
    out.reserve(raw.size());
    for (QChar c : raw) {
        if (c.isSpace() || c == u'-' || c == u'.' || c == u'/' || c == QChar(0x2010) || c == QChar(0x2013))
            continue;
        out += c.toUpper();
    }
    return out;
}

Result<CodiceFiscaleInfo> validate(const QString& raw, QDate today)
{
    const QString code = normalize(raw);
    if (code.isEmpty())
        return makeError(QStringLiteral("cf.empty"),
                         QCoreApplication::translate("sinfonia::CodiceFiscale", "Inserisci il codice fiscale"));
    if (code.size() == provisionalLength && allDigits(code))
        return validateProvisional(code);
    if (code.size() != length)
        return lengthError(code);
    if (auto error = checkCharacters(code))
        return *error;
    const int day = dayNumber(code);
    if (day < 1 || (day > 31 && day < 41) || day > 71)
        return dayError();
    const auto date = birthDate(code, today);
    if (!date) {
        return makeError(
            QStringLiteral("cf.date"),
            QCoreApplication::translate("sinfonia::CodiceFiscale",
                                        "Data di nascita inesistente (%1/%2): controlla i caratteri dal 7º all'11º")
                .arg(day % 40, 2, 10, QLatin1Char('0'))
                .arg(monthNumber(code), 2, 10, QLatin1Char('0')),
            QStringLiteral("no such calendar date"));
    }
    if (checkCharacter(QStringView(code).left(15)) != code[15]) {
        return makeError(QStringLiteral("cf.check_char"),
                         QCoreApplication::translate("sinfonia::CodiceFiscale",
                                                     "Codice fiscale non valido: controlla il 16º carattere"),
                         QStringLiteral("check character mismatch"));
    }

    CodiceFiscaleInfo info;
    info.code = code;
    info.birthDate = date;
    info.sex = day > 40 ? CodiceFiscaleInfo::Sex::Female : CodiceFiscaleInfo::Sex::Male;
    for (int i : digitPositions)
        info.omocode = info.omocode || !isDigit(code[i]);
    info.birthPlaceCode = code[11] + QString::number(digitValue(code[12])) + QString::number(digitValue(code[13]))
        + QString::number(digitValue(code[14]));
    return info;
}

bool isValid(const QString& raw)
{
    // Validity does not depend on the day: `today` only picks the century of the birth date.
    return validate(raw, QDate()).ok();
}

QString mask(const QString& raw)
{
    const QString code = normalize(raw);
    bool alnum = true;
    for (QChar c : code)
        alnum = alnum && (isLetter(c) || isDigit(c));
    if (code.size() == length && alnum)
        return code.left(6) + QStringLiteral("****") + code.right(5);
    if (code.size() == provisionalLength && allDigits(code))
        return code.left(3) + QStringLiteral("****") + code.right(2);
    return QStringLiteral("****");
}

QChar computeCheckCharacter(const QString& first15)
{
    const QString code = normalize(first15);
    if (code.size() != 15)
        return QChar();
    for (QChar c : code) {
        if (!isLetter(c) && !isDigit(c))
            return QChar();
    }
    return checkCharacter(code);
}

QString decodeOmocodia(const QString& raw)
{
    QString code = normalize(raw);
    if (code.size() != length || checkCharacters(code))
        return QString();
    for (int i : digitPositions)
        code[i] = QChar(u'0' + digitValue(code[i]));
    code[15] = checkCharacter(QStringView(code).left(15));
    return code;
}

std::optional<QString> liveCheck(const QString& partial)
{
    const QString code = normalize(partial);
    if (code.isEmpty())
        return std::nullopt;
    if (allDigits(code)) {
        // A numeric start can only be a provisional code of 11 digits.
        if (code.size() < provisionalLength)
            return std::nullopt;
        if (code.size() == provisionalLength) {
            const auto result = validateProvisional(code);
            if (!result.ok())
                return result.error().message;
            return std::nullopt;
        }
        return QCoreApplication::translate("sinfonia::CodiceFiscale",
                                           "Il codice fiscale numerico ha 11 cifre: ne hai scritte %1")
            .arg(code.size());
    }
    if (isDigit(code[0])) {
        // Digits followed by a letter: neither form.
        for (int i = 0; i < code.size(); ++i) {
            if (!isDigit(code[i]))
                return QCoreApplication::translate("sinfonia::CodiceFiscale",
                                                   "Codice fiscale non valido: in %1ª posizione va una cifra")
                    .arg(i + 1);
        }
    }
    if (code.size() > length)
        return lengthError(code).message;
    if (auto error = checkCharacters(code))
        return error->message;
    if (code.size() >= 11) {
        const int day = dayNumber(code);
        if (day < 1 || (day > 31 && day < 41) || day > 71)
            return dayError().message;
    }
    if (code.size() == length) {
        const auto result = validate(code, QDate());
        if (!result.ok())
            return result.error().message;
    } else if (code.size() >= 11 && !birthDate(code, QDate())) {
        return QCoreApplication::translate("sinfonia::CodiceFiscale",
                                           "Data di nascita inesistente (%1/%2): controlla i caratteri dal 7º all'11º")
            .arg(dayNumber(code) % 40, 2, 10, QLatin1Char('0'))
            .arg(monthNumber(code), 2, 10, QLatin1Char('0'));
    }
    return std::nullopt;
}

} // namespace sinfonia::CodiceFiscale
