#pragma once

#include "core/scan/KeyboardLayouts.h"

#include <QList>
#include <QString>
#include <optional>

namespace sinfonia {

// "Configura lettore": what one test scan of a keyboard-wedge scanner says about its settings.
// The dialog records the keys of the scan (character, time); analyse() finds the terminator
// (Invio, Tab or none), the prefix and suffix around the code, the key timing and the burst
// threshold to propose, and a keyboard-layout mismatch between scanner and computer (with the
// layout to set on the scanner). Widget-free: the tests feed it keys at real scanner timings and
// layout-mangled strings.
namespace ScannerCalibration {

struct Key
{
    QChar text; // null for Enter / Tab
    enum class Kind
    {
        Character,
        Enter,
        Tab
    } kind
        = Kind::Character;
    qint64 atMs = 0; // time of the key press
};

enum class Terminator
{
    None,
    Enter,
    Tab
};

struct Result
{
    bool recognised = false; // the code was found in what the scanner typed (possibly after a layout fix)
    QString typed; // the characters as the computer read them (without terminator)
    QString code; // the code, as it should read
    QString prefix; // as typed, before the code
    QString suffix; // as typed, after the code
    Terminator terminator = Terminator::None;
    int keys = 0;
    int medianGapMs = 0;
    int maxGapMs = 0;
    int proposedBurstMs = 0; // for scanner/burstMs; 0 when the scan was too slow to tell from typing
    bool tooSlow = false; // the gaps are as long as a person's typing
    bool capsLock = false; // letters came out in the other case
    std::optional<KeyboardLayouts::Layout> scannerLayout; // set when the layouts differ
    KeyboardLayouts::Layout hostLayout = KeyboardLayouts::Layout::It;
    // What to tell the clerk, in Italian, one advice per line (empty when all is fine).
    QStringList advice;
};

// The code the dialog shows and prints: a valid codice fiscale of nobody (letters and digits, as
// on a Tessera Sanitaria), with the letters that differ between QWERTY, QWERTZ and AZERTY.
QString testCode();

// Analyses a scan. `expected`: the code the clerk scanned (the test code), or empty for her own
// Tessera Sanitaria: then any valid codice fiscale in the scan is the code. `host`: the layout of
// this computer's keyboard.
Result analyse(const QList<Key>& keys, const QString& expected, KeyboardLayouts::Layout host);

// The lines IT copies into the system settings file for what was found (burst threshold, prefix,
// suffix), as "key=value" of the [scanner] group.
QString policyLines(const Result& result);

} // namespace ScannerCalibration
} // namespace sinfonia
