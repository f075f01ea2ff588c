#pragma once

#include <QChar>
#include <QList>
#include <QString>
#include <optional>

namespace sinfonia {

// The printable keys of the common PC keyboard layouts, by physical position, unshifted and with
// Shift. A keyboard-wedge scanner "types" a code by pressing the keys that give each character on
// the layout it is set to; the computer reads those keys with its own layout. When the two differ,
// digits and letters come out as other symbols ("1" of a US scanner is "&" on a French PC). These
// tables let the scanner setup recognise that and say which layout to set on the scanner.
namespace KeyboardLayouts {

enum class Layout
{
    Us, // United States (QWERTY, ANSI)
    Uk, // United Kingdom (QWERTY, ISO)
    It, // Italiano (QWERTY, ISO) — the Italian PC default
    De, // Deutsch (QWERTZ)
    Fr, // Français (AZERTY)
};

QList<Layout> all();
// "Stati Uniti (US)", "Italiano", ... (translated, for the messages of the setup dialog).
QString displayName(Layout layout);
// "us", "uk", "it", "de", "fr"
QString id(Layout layout);

// The key (position index) and Shift that give `c` on `layout`; nullopt when the layout has no such key.
struct Stroke
{
    int key = -1;
    bool shift = false;
};
std::optional<Stroke> strokeFor(Layout layout, QChar c);
// The character that key and Shift give on `layout` (null QChar when none).
QChar charFor(Layout layout, Stroke stroke);

// What the computer (layout `host`) reads when a scanner set to `scanner` sends `text`. A
// character the scanner cannot type, or a key the host has no character for, becomes U+FFFD.
QString translate(const QString& text, Layout scanner, Layout host);

} // namespace KeyboardLayouts
} // namespace sinfonia
