#pragma once

#include "core/domain/ScanText.h"

#include <QObject>
#include <QString>

namespace sinfonia {

// Common base of everything that produces scans (keyboard-wedge router, serial scanner, webcam
// decoder): one set of signals, and one place that turns raw scanner text into a meaning via
// extractScan() from core/domain/ScanText.h. The UI connects the same slots to every source.
class ScanSource : public QObject
{
    Q_OBJECT

public:
    using QObject::QObject;

    // "Questo è un codice prodotto, non la tessera sanitaria" (translated).
    static QString productCodeMessage();

signals:
    // A valid codice fiscale (normalised, 16 characters or 11-digit provisional).
    void codiceFiscaleScanned(const QString& codiceFiscale);
    // A drug/product code (AIC, EAN-13, GS1) scanned by mistake; `message` is the text to show.
    void productCodeScanned(const QString& code, const QString& message);
    // A scan happened but no codice fiscale or product code could be found in it. `message` is the
    // Italian text for the clerk; `candidate` a CF-shaped text whose check failed (may prefill the
    // manual field), usually empty.
    void unreadableScan(const QString& message, const QString& candidate);
    // Every classified scan, emitted before the specific signal above (full details, e.g. the card
    // number found on a magnetic stripe).
    void scanned(const sinfonia::ScanReading& reading);

protected:
    // Classifies `raw` and emits exactly one of the signals above.
    void dispatch(const QString& raw);
};

} // namespace sinfonia
