#pragma once

#include "core/domain/Result.h"

#include <QString>

namespace sinfonia {

// Identification number of the Tessera Sanitaria card (printed on the back, not in its barcode):
// 20 digits starting with 80380, the last one a Luhn check digit. The counter may search a
// beneficiary by it; it is personal data, so logs use mask().
namespace TesseraSanitaria {

inline constexpr int length = 20;
inline constexpr QStringView prefix = u"80380";

// Blanks (also inside, as printed in groups), dashes and dots removed.
QString normalize(const QString& raw);

// The normalised number, or an Error: "ts.empty", "ts.characters" (not only digits), "ts.length",
// "ts.prefix" (does not start with 80380), "ts.check_digit"; the Italian message says what to fix.
Result<QString> validate(const QString& raw);
bool isValid(const QString& raw);

// Luhn check digit (0-9) for `digits` (the number without its last digit), or -1 if `digits` is
// empty or not all ASCII digits. Used by tests and by the sandbox's demo data.
int luhnCheckDigit(QStringView digits);

// "80380************1234": prefix and last 4 digits; "****" for anything else.
QString mask(const QString& raw);

} // namespace TesseraSanitaria
} // namespace sinfonia
