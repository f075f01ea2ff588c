#include "server/sandbox/SwitchableClock.h"

namespace sinfonia::sandbox {

QDateTime SwitchableClock::now() const
{
    std::lock_guard lock(m_mutex);
    return m_manual ? *m_manual : QDateTime::currentDateTimeUtc();
}

void SwitchableClock::set(const QDateTime& now)
{
    std::lock_guard lock(m_mutex);
    m_manual = now.toUTC();
}

void SwitchableClock::reset()
{
    std::lock_guard lock(m_mutex);
    m_manual.reset();
}

bool SwitchableClock::isManual() const
{
    std::lock_guard lock(m_mutex);
    return m_manual.has_value();
}

} // namespace sinfonia::sandbox
