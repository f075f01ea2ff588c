// Fuzz target: codice fiscale normalisation, validation, masking, live checking and omocodia
// (core/domain/CodiceFiscale). The reference day is a fixed date passed in, as the injected clock
// would (never the machine's today). Invariants: normalize is idempotent and drops every blank,
// dash, dot and slash; a valid code is its own normalised form, stays valid in lower case, carries
// its own check character, masks without its birth part, is accepted by liveCheck at every prefix,
// and decodes from omocodia to a valid code that decodes to itself; a mask never shows a whole code.
#include "FuzzCheck.h"
#include "core/domain/CodiceFiscale.h"

#include <QDate>
#include <cstdint>

using namespace sinfonia;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    namespace CF = CodiceFiscale;
    const QDate today(2026, 11, 26);
    const QString raw = QString::fromUtf8(reinterpret_cast<const char*>(data), qsizetype(size));
    const QString n = CF::normalize(raw);
    FUZZ_CHECK(CF::normalize(n) == n);
    for (QChar c : n)
        FUZZ_CHECK(!c.isSpace() && c != u'-' && c != u'.' && c != u'/');

    const QString masked = CF::mask(raw);
    FUZZ_CHECK(masked.contains(QStringLiteral("****")));
    FUZZ_CHECK(masked.size() <= 15);

    const auto info = CF::validate(raw, today);
    (void)CF::liveCheck(raw);
    if (!info) {
        FUZZ_CHECK(info.error().code.startsWith(QStringLiteral("cf.")));
        FUZZ_CHECK(!info.error().message.isEmpty());
        return 0;
    }
    const QString code = info->code;
    FUZZ_CHECK(code == n);
    FUZZ_CHECK(CF::validate(code, today).ok());
    FUZZ_CHECK(CF::validate(code.toLower(), today).ok());
    FUZZ_CHECK(!CF::liveCheck(code).has_value());
    for (qsizetype k = 1; k < code.size(); ++k)
        FUZZ_CHECK(!CF::liveCheck(code.left(k)).has_value());
    if (info->provisional) {
        FUZZ_CHECK(code.size() == CF::provisionalLength);
        FUZZ_CHECK(masked == code.left(3) + QStringLiteral("****") + code.right(2));
        return 0;
    }
    FUZZ_CHECK(code.size() == CF::length);
    FUZZ_CHECK(CF::computeCheckCharacter(code.left(15)) == code.at(15));
    FUZZ_CHECK(masked == code.left(6) + QStringLiteral("****") + code.right(5));
    FUZZ_CHECK(info->birthDate.has_value() && info->birthDate->isValid() && *info->birthDate <= today);
    FUZZ_CHECK(info->sex != CodiceFiscaleInfo::Sex::Unknown);
    const QString plain = CF::decodeOmocodia(code);
    FUZZ_CHECK(!plain.isEmpty());
    FUZZ_CHECK(CF::decodeOmocodia(plain) == plain);
    const auto plainInfo = CF::validate(plain, today);
    FUZZ_CHECK(plainInfo.ok() && !plainInfo->omocode);
    FUZZ_CHECK(info->omocode || plain == code);
    return 0;
}
