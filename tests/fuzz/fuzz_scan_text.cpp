// Fuzz target: what a scanner, a swipe reader or the webcam decoder delivers (core/domain/ScanText).
// Invariants: the same text always gives the same reading; text above maxScanLength is Unreadable;
// a codice fiscale reading is a valid, normalised code that reads back as itself; a product reading
// names its kind and a code that passes its check; the clerk gets a message exactly when the
// reading is not a codice fiscale; a card number is a valid Tessera Sanitaria number.
#include "FuzzCheck.h"
#include "core/domain/CodiceFiscale.h"
#include "core/domain/ScanText.h"
#include "core/domain/TesseraSanitaria.h"

#include <cstdint>

using namespace sinfonia;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    const QString raw = QString::fromUtf8(reinterpret_cast<const char*>(data), qsizetype(size));
    const ScanReading r = extractScan(raw);
    FUZZ_CHECK(extractScan(raw) == r);
    if (raw.size() > maxScanLength)
        FUZZ_CHECK(r.kind == ScanReading::Kind::Unreadable);
    FUZZ_CHECK(scanMessage(r).isEmpty() == (r.kind == ScanReading::Kind::CodiceFiscale));

    switch (r.kind) {
    case ScanReading::Kind::CodiceFiscale: {
        FUZZ_CHECK(CodiceFiscale::isValid(r.codiceFiscale));
        FUZZ_CHECK(CodiceFiscale::normalize(r.codiceFiscale) == r.codiceFiscale);
        FUZZ_CHECK(r.codiceFiscale.size() == CodiceFiscale::length
                   || r.codiceFiscale.size() == CodiceFiscale::provisionalLength);
        const ScanReading again = extractScan(r.codiceFiscale);
        FUZZ_CHECK(again.kind == ScanReading::Kind::CodiceFiscale && again.codiceFiscale == r.codiceFiscale);
        break;
    }
    case ScanReading::Kind::ProductCode:
        FUZZ_CHECK(r.product != ScanReading::Product::None);
        FUZZ_CHECK(!r.productCode.isEmpty());
        FUZZ_CHECK(r.codiceFiscale.isEmpty());
        if (r.product == ScanReading::Product::Ean13)
            FUZZ_CHECK(r.productCode.size() == 13 && gtinCheckOk(r.productCode));
        if (r.product == ScanReading::Product::Ean8)
            FUZZ_CHECK(r.productCode.size() == 8 && gtinCheckOk(r.productCode));
        if (r.product == ScanReading::Product::UpcA)
            FUZZ_CHECK(r.productCode.size() == 12 && gtinCheckOk(r.productCode));
        if (r.product == ScanReading::Product::AicCode32)
            FUZZ_CHECK(r.productCode.size() == 10 && r.productCode.startsWith(u'A'));
        break;
    case ScanReading::Kind::Unreadable:
        FUZZ_CHECK(r.codiceFiscale.isEmpty());
        break;
    }
    if (!r.cardNumber.isEmpty())
        FUZZ_CHECK(TesseraSanitaria::isValid(r.cardNumber));
    (void)productName(r.product);
    return 0;
}
