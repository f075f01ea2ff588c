#include "core/scan/ScannerCalibration.h"

#include "core/domain/CodiceFiscale.h"

#include <QCoreApplication>
#include <QRegularExpression>
#include <algorithm>

namespace sinfonia::ScannerCalibration {

namespace {

struct Texts
{
    Q_DECLARE_TR_FUNCTIONS(sinfonia::ScannerCalibration)
};

using KeyboardLayouts::Layout;

// Scanners type a key every few ms; the fastest people need 60 ms or more between keys.
constexpr int humanGapMs = 60;
constexpr int minProposalMs = 15;
constexpr int maxProposalMs = 50;

QString swapCase(const QString& s)
{
    QString out = s;
    for (QChar& c : out)
        c = c.isUpper() ? c.toLower() : c.toUpper();
    return out;
}

// Where `code` sits in `typed` (as typed by a scanner with layout `scanner` on `host`).
struct Match
{
    qsizetype at = -1;
    qsizetype length = 0;
    QString code;
};

Match findExpected(const QString& typed, const QString& expected, Layout scanner, Layout host)
{
    const QString mangled = KeyboardLayouts::translate(expected, scanner, host);
    const qsizetype at = typed.indexOf(mangled);
    return at < 0 ? Match {} : Match {at, mangled.size(), expected};
}

// A valid codice fiscale inside what a scanner with layout `scanner` typed on `host`.
Match findCodiceFiscale(const QString& typed, Layout scanner, Layout host)
{
    QString restored;
    for (QChar c : typed) {
        // Back from what the host read to what the scanner meant.
        const auto stroke = KeyboardLayouts::strokeFor(host, c);
        const QChar meant = stroke ? KeyboardLayouts::charFor(scanner, *stroke) : QChar();
        restored += meant.isNull() ? QChar(QChar::ReplacementCharacter) : meant;
    }
    static const QRegularExpression shape(QStringLiteral("[A-Za-z0-9]{16}"));
    for (qsizetype from = 0; from + 16 <= restored.size(); ++from) {
        const QString candidate = restored.mid(from, 16).toUpper();
        if (!shape.match(candidate).hasMatch())
            continue;
        if (CodiceFiscale::isValid(candidate))
            return Match {from, 16, candidate};
    }
    return {};
}

} // namespace

QString testCode()
{
    // Shaped like a codice fiscale with a valid check character, of nobody: Z and Y tell a QWERTZ
    // scanner, Q, W, Z, A, M and the digits an AZERTY one.
    const QString first15 = QStringLiteral("ZYWQMA80A01H501");
    return first15 + CodiceFiscale::computeCheckCharacter(first15);
}

Result analyse(const QList<Key>& keys, const QString& expected, Layout host)
{
    Result r;
    r.hostLayout = host;
    r.keys = int(keys.size());
    QList<Key> body = keys;
    while (!body.isEmpty() && body.last().kind != Key::Kind::Character) {
        r.terminator = body.last().kind == Key::Kind::Enter ? Terminator::Enter : Terminator::Tab;
        body.removeLast();
    }
    for (const Key& k : std::as_const(body)) {
        if (k.kind == Key::Kind::Character)
            r.typed += k.text;
    }
    // Timing over every key of the scan, the terminator included (the router times it too).
    QList<int> gaps;
    for (qsizetype i = 1; i < keys.size(); ++i)
        gaps.append(int(std::max<qint64>(0, keys.at(i).atMs - keys.at(i - 1).atMs)));
    if (!gaps.isEmpty()) {
        QList<int> sorted = gaps;
        std::sort(sorted.begin(), sorted.end());
        r.medianGapMs = sorted.at(sorted.size() / 2);
        r.maxGapMs = sorted.last();
        r.tooSlow = r.medianGapMs >= humanGapMs / 2 || r.maxGapMs >= humanGapMs;
        // Twice the slowest gap (a busy PC stalls the scanner for a moment) plus a margin, kept
        // clearly below a person's typing.
        if (!r.tooSlow)
            r.proposedBurstMs = std::clamp(2 * r.maxGapMs + 5, minProposalMs, maxProposalMs);
    }

    // Where the code is: first as sent on the same layout, then caps lock, then every other layout.
    Match match;
    std::optional<Layout> scanner;
    const auto tryLayouts = [&](auto finder) {
        match = finder(host);
        if (match.at >= 0)
            return;
        for (Layout s : KeyboardLayouts::all()) {
            if (s == host)
                continue;
            match = finder(s);
            if (match.at >= 0) {
                scanner = s;
                return;
            }
        }
    };
    if (!expected.isEmpty()) {
        tryLayouts([&](Layout s) { return findExpected(r.typed, expected, s, host); });
        if (match.at < 0) {
            const qsizetype at = r.typed.indexOf(swapCase(expected));
            if (at >= 0) {
                match = Match {at, expected.size(), expected};
                r.capsLock = true;
            }
        }
    } else {
        tryLayouts([&](Layout s) { return findCodiceFiscale(r.typed, s, host); });
    }

    if (match.at >= 0) {
        r.recognised = true;
        r.code = match.code;
        r.prefix = r.typed.left(match.at);
        r.suffix = r.typed.mid(match.at + match.length);
        r.scannerLayout = scanner;
    }

    if (!r.recognised) {
        r.advice << Texts::tr("Codice non riconosciuto: il lettore ha scritto «%1». Controlla che legga il "
                              "Code 39 e ripeti la lettura del codice di prova.")
                        .arg(r.typed);
    }
    if (r.scannerLayout) {
        r.advice << Texts::tr("Il lettore è impostato sulla tastiera %1, questo computer usa %2: cifre e lettere "
                              "arrivano come altri simboli. Imposta il lettore sulla tastiera %2 (codice di "
                              "configurazione nel manuale del lettore, voce «Keyboard language»).")
                        .arg(KeyboardLayouts::displayName(*r.scannerLayout), KeyboardLayouts::displayName(host));
    }
    if (r.capsLock)
        r.advice << Texts::tr("Le lettere arrivano con le maiuscole invertite: disattiva il Blocco Maiuscole "
                              "(o l'opzione «Caps Lock» del lettore).");
    if (r.terminator == Terminator::None)
        r.advice << Texts::tr("Il lettore non invia Invio dopo il codice: la lettura finisce dopo una breve pausa. "
                              "Se possibile imposta il suffisso «Enter» (CR) sul lettore.");
    if (r.tooSlow)
        r.advice << Texts::tr("Il lettore scrive lentamente (%1 ms tra due tasti, come una persona): aumenta la "
                              "velocità di trasmissione del lettore («Keyboard speed» / «Inter-character delay» "
                              "al minimo).")
                        .arg(r.maxGapMs);
    return r;
}

QString policyLines(const Result& result)
{
    QString out = QStringLiteral("[scanner]\n");
    if (result.proposedBurstMs > 0)
        out += QStringLiteral("burstMs=%1\n").arg(result.proposedBurstMs);
    // QSettings INI: quoted, with backslash escapes, so spaces and symbols survive.
    const auto quoted = [](QString v) -> QString {
        v.replace(QLatin1Char('\\'), QStringLiteral("\\\\")).replace(QLatin1Char('"'), QStringLiteral("\\\""));
        return QLatin1Char('"') + v + QLatin1Char('"');
    };
    out += QStringLiteral("prefix=%1\n").arg(quoted(result.prefix));
    out += QStringLiteral("suffix=%1\n").arg(quoted(result.suffix));
    return out;
}

} // namespace sinfonia::ScannerCalibration
