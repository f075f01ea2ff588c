#pragma once

#include "core/domain/Clock.h"

#include <QDateTime>
#include <mutex>
#include <optional>

namespace sinfonia::sandbox {

// The one clock of the server: the system clock, unless the sandbox set a time (PUT /sandbox/clock)
// so tests can expire tokens and OTPs or cross midnight. Shared by every thread, hence the mutex.
class SwitchableClock final : public Clock
{
public:
    QDateTime now() const override;

    void set(const QDateTime& now);
    void reset();
    bool isManual() const;

private:
    mutable std::mutex m_mutex;
    std::optional<QDateTime> m_manual;
};

} // namespace sinfonia::sandbox
