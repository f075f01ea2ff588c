#include "core/CoreInfo.h"

namespace sinfonia {

QString CoreInfo::version()
{
    return QStringLiteral(SINFONIA_VERSION);
}

QString CoreInfo::applicationName()
{
    return QStringLiteral("SINFONIA Banco");
}

} // namespace sinfonia
