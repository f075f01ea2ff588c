#include "core/scan/KeyboardLayouts.h"

#include <QCoreApplication>
#include <array>

namespace sinfonia::KeyboardLayouts {

namespace {

struct Texts
{
    Q_DECLARE_TR_FUNCTIONS(sinfonia::KeyboardLayouts)
};

// Physical positions, in the order of the rows of a PC keyboard (ISO: 48 printable keys plus
// space). Each layout lists, per position, the unshifted and the shifted character; U+0000 for
// none (a dead key, or no key on an ANSI board).
constexpr int keyCount = 49;

// Row by row: E00..E12 (13), D01..D12 (12), C01..C12 (12, C12 is the ISO key by Enter / US
// backslash), B00 (the ISO key by the left Shift) and B01..B10 (11), space (1).
struct Layer
{
    const char16_t* plain;
    const char16_t* shifted;
};

// Each string has exactly keyCount characters; '\0' placeholders are written as U+0001 and
// turned into "none" when read (a literal NUL would end the literal).
constexpr char16_t none = u'\u0001';

const Layer us {u"`1234567890-="
                u"qwertyuiop[]"
                u"asdfghjkl;'\\"
                u"\u0001zxcvbnm,./"
                u" ",
                u"~!@#$%^&*()_+"
                u"QWERTYUIOP{}"
                u"ASDFGHJKL:\"|"
                u"\u0001ZXCVBNM<>?"
                u" "};
const Layer uk {u"`1234567890-="
                u"qwertyuiop[]"
                u"asdfghjkl;'#"
                u"\\zxcvbnm,./"
                u" ",
                u"\u00AC!\"\u00A3$%^&*()_+"
                u"QWERTYUIOP{}"
                u"ASDFGHJKL:@~"
                u"|ZXCVBNM<>?"
                u" "};
const Layer it {u"\\1234567890'\u00EC"
                u"qwertyuiop\u00E8+"
                u"asdfghjkl\u00F2\u00E0\u00F9"
                u"<zxcvbnm,.-"
                u" ",
                u"|!\"\u00A3$%&/()=?^"
                u"QWERTYUIOP\u00E9*"
                u"ASDFGHJKL\u00E7\u00B0\u00A7"
                u">ZXCVBNM;:_"
                u" "};
const Layer de {u"^1234567890\u00DF\u00B4"
                u"qwertzuiop\u00FC+"
                u"asdfghjkl\u00F6\u00E4#"
                u"<yxcvbnm,.-"
                u" ",
                u"\u00B0!\"\u00A7$%&/()=?`"
                u"QWERTZUIOP\u00DC*"
                u"ASDFGHJKL\u00D6\u00C4'"
                u">YXCVBNM;:_"
                u" "};
const Layer fr {u"\u00B2&\u00E9\"'(-\u00E8_\u00E7\u00E0)="
                u"azertyuiop^$"
                u"qsdfghjklm\u00F9*"
                u"<wxcvbn,;:!"
                u" ",
                u"\u00011234567890\u00B0+"
                u"AZERTYUIOP\u00A8\u00A3"
                u"QSDFGHJKLM%\u00B5"
                u">WXCVBN?./\u00A7"
                u" "};

const Layer& layer(Layout layout)
{
    switch (layout) {
    case Layout::Us:
        return us;
    case Layout::Uk:
        return uk;
    case Layout::It:
        return it;
    case Layout::De:
        return de;
    case Layout::Fr:
        return fr;
    }
    return us;
}

QChar at(const char16_t* row, int key)
{
    const char16_t c = row[key];
    return c == none ? QChar() : QChar(c);
}

} // namespace

QList<Layout> all()
{
    return {Layout::It, Layout::Us, Layout::Uk, Layout::De, Layout::Fr};
}

QString displayName(Layout layout)
{
    switch (layout) {
    case Layout::Us:
        return Texts::tr("Inglese Stati Uniti (US)");
    case Layout::Uk:
        return Texts::tr("Inglese Regno Unito (UK)");
    case Layout::It:
        return Texts::tr("Italiano (IT)");
    case Layout::De:
        return Texts::tr("Tedesco (DE, QWERTZ)");
    case Layout::Fr:
        return Texts::tr("Francese (FR, AZERTY)");
    }
    return {};
}

QString id(Layout layout)
{
    switch (layout) {
    case Layout::Us:
        return QStringLiteral("us");
    case Layout::Uk:
        return QStringLiteral("uk");
    case Layout::It:
        return QStringLiteral("it");
    case Layout::De:
        return QStringLiteral("de");
    case Layout::Fr:
        return QStringLiteral("fr");
    }
    return {};
}

std::optional<Stroke> strokeFor(Layout layout, QChar c)
{
    const Layer& l = layer(layout);
    for (int key = 0; key < keyCount; ++key) {
        if (at(l.plain, key) == c)
            return Stroke {key, false};
    }
    for (int key = 0; key < keyCount; ++key) {
        if (at(l.shifted, key) == c)
            return Stroke {key, true};
    }
    return std::nullopt;
}

QChar charFor(Layout layout, Stroke stroke)
{
    if (stroke.key < 0 || stroke.key >= keyCount)
        return {};
    const Layer& l = layer(layout);
    return at(stroke.shift ? l.shifted : l.plain, stroke.key);
}

QString translate(const QString& text, Layout scanner, Layout host)
{
    QString out;
    out.reserve(text.size());
    for (QChar c : text) {
        const auto stroke = strokeFor(scanner, c);
        const QChar read = stroke ? charFor(host, *stroke) : QChar();
        out += read.isNull() ? QChar(QChar::ReplacementCharacter) : read;
    }
    return out;
}

} // namespace sinfonia::KeyboardLayouts
