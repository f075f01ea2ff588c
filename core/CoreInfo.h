#pragma once

#include <QString>

namespace sinfonia {

// Build facts shown by --version and in the About box.
struct CoreInfo
{
    static QString version();
    static QString applicationName();
};

} // namespace sinfonia
