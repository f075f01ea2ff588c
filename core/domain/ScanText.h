#pragma once

#include <QString>
#include <optional>

namespace sinfonia {

// What a raw scan means. Built by extractScan() from whatever a keyboard-wedge scanner, a serial
// scanner, a magnetic-stripe reader or the webcam decoder delivered.
struct ScanReading
{
    enum class Kind
    {
        CodiceFiscale,
        ProductCode,
        Unreadable
    };
    enum class Product
    {
        None,
        AicCode32,
        Ean13,
        Ean8,
        UpcA,
        Gs1
    };

    Kind kind = Kind::Unreadable;
    QString codiceFiscale; // Kind::CodiceFiscale: the normalised, valid code (16 chars or 11 digits)
    Product product = Product::None; // Kind::ProductCode: which product code
    QString productCode; // Kind::ProductCode: "A012345676" (AIC), the EAN/UPC digits, or
                         // the GTIN-14 of a GS1 code (the whole GS1 text when it has no GTIN)
    QString cardNumber; // a valid Tessera Sanitaria number found in the text (stripe data)
    QString candidate; // Kind::Unreadable: a CF-shaped text whose check failed, for prefill

    bool operator==(const ScanReading&) const = default;
};

// Finds the codice fiscale in a raw scanner or swipe string, or recognises a product code.
// Tolerates everything a keyboard wedge does to the text: Caps Lock (lower case), Enter/Tab/CR/LF
// terminators, configured prefixes and suffixes, AIM symbology identifiers ("]A0", "]d2"),
// track-1 swipe data ("%B...^COGNOME/NOME^...?") with sentinels garbled by an Italian layout
// ("ò" for ";", "_" for "?", "&" for "^", "ì" for "="). The CF is found by its PATTERN (16
// characters with omocodia and a valid check character) anywhere in the text, never by position.
// Product codes: AIC Code 32 ("A" + 9 digits, 9 digits with the Code 32 check digit, or the 6
// base-32 characters a scanner without Code 32 support sends), EAN-13, EAN-8, UPC-A, GS1 (AIM
// identifier, FNC1/GS separators, "(01)" parentheses, or "01" + GTIN-14). Text longer than
// maxScanLength is Unreadable without being searched (no symbology carries that much).
inline constexpr int maxScanLength = 4096;
ScanReading extractScan(const QString& raw);

// Italian text for the clerk about a reading that is not a usable CF, e.g.
// "Questo è un codice prodotto, non la tessera sanitaria"; empty for Kind::CodiceFiscale.
QString scanMessage(const ScanReading& reading);

// Short name of a product code kind for logs and messages: "AIC (Code 32)", "EAN-13", ...
QString productName(ScanReading::Product product);

// Italian pharmaceutical code (Code 32) check digit for 8 digits; -1 if not 8 ASCII digits.
int code32CheckDigit(QStringView eightDigits);

// GTIN (EAN-8, UPC-A, EAN-13, GTIN-14) check: true when the last digit is right.
bool gtinCheckOk(QStringView digits);

} // namespace sinfonia
