#pragma once

#include "core/domain/Result.h"

#include <QDate>
#include <QString>
#include <optional>

namespace sinfonia {

// What a valid codice fiscale tells.
struct CodiceFiscaleInfo
{
    enum class Sex
    {
        Male,
        Female,
        Unknown
    };

    QString code; // normalised: upper case, no blanks or dashes
    bool provisional = false; // 11-digit numeric provisional code
    bool omocode = false; // digits replaced by letters (omocodia)
    std::optional<QDate> birthDate; // absent for provisional codes
    Sex sex = Sex::Unknown;
    QString birthPlaceCode; // cadastral code, e.g. "L219"; "Z###" abroad
};

// Italian codice fiscale: normalisation, validation with check character and omocodia, decoding,
// masking for logs. Free functions in a namespace: there is no state.
namespace CodiceFiscale {

inline constexpr int length = 16;
inline constexpr int provisionalLength = 11;

// Upper case, blanks, dashes, dots and slashes removed.
QString normalize(const QString& raw);

// Validates a 16-character code (pattern, month letter, day, check character, omocodia) or an
// 11-digit provisional code (partita IVA check digit). The birth century is chosen so that the birth
// date is not after `today`. Error codes: "cf.empty", "cf.length", "cf.characters", "cf.month",
// "cf.day", "cf.date" (no such calendar day, e.g. 30 February), "cf.check_char",
// "cf.provisional_check"; the Italian message says what to fix, e.g.
// "Codice fiscale non valido: controlla il 16º carattere". Checks run left to right, so the message
// names the first wrong character.
Result<CodiceFiscaleInfo> validate(const QString& raw, QDate today);

// True when `raw` normalises to a valid code. Shorthand for validate(raw, QDate()).ok().
bool isValid(const QString& raw);

// For logs, hiding birth date and sex: first 6, four stars, last 5 of the normalised code,
// "RSSMRA85T10A562S" -> "RSSMRA****A562S". Provisional codes keep the first 3 and last 2 digits.
// Anything that is not a well-formed code gives "****".
QString mask(const QString& raw);

// For live validation while the clerk types: the message for the first wrong character typed so
// far (which position, what is expected), or std::nullopt when what is there can still become a
// valid code. A complete code (16 characters, or 11 digits) gets the full validate() message.
std::optional<QString> liveCheck(const QString& partial);

// The check character for the first 15 characters (normalised), or a null QChar when they are not
// 15 letters and digits. Used by tests and by the sandbox's demo data generator.
QChar computeCheckCharacter(const QString& first15);

// The ordinary form of an omocodic code (letters at digit positions mapped back to digits, check
// character recomputed): "CCCFBAURDLPLNMVU" -> "CCCFBA85D03L219P". Empty when `raw` is not a
// well-formed 16-character code. Two codes of one person have the same decoded form.
QString decodeOmocodia(const QString& raw);

} // namespace CodiceFiscale
} // namespace sinfonia
