// QuitSignals where there are no POSIX signals (Windows): nothing to install; the session's end
// reaches the app as Qt's own session messages and closes the window normally.
#include "app/QuitSignals.h"

namespace sinfonia {

struct QuitSignals::Private
{
};

QuitSignals::QuitSignals(QObject* parent)
    : QObject(parent)
{
}

QuitSignals::~QuitSignals() = default;

bool QuitSignals::install()
{
    return false;
}

} // namespace sinfonia
