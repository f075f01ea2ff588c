#include "core/scan/ScanSource.h"

namespace sinfonia {

QString ScanSource::productCodeMessage()
{
    ScanReading product; // the domain owns the wording
    product.kind = ScanReading::Kind::ProductCode;
    return scanMessage(product);
}

void ScanSource::dispatch(const QString& raw)
{
    const ScanReading reading = extractScan(raw);
    emit scanned(reading);
    switch (reading.kind) {
    case ScanReading::Kind::CodiceFiscale:
        emit codiceFiscaleScanned(reading.codiceFiscale);
        break;
    case ScanReading::Kind::ProductCode:
        emit productCodeScanned(reading.productCode, productCodeMessage());
        break;
    case ScanReading::Kind::Unreadable:
        emit unreadableScan(scanMessage(reading), reading.candidate);
        break;
    }
}

} // namespace sinfonia
