#pragma once

#include <QDateTime>
#include <QTimeZone>

namespace sinfonia {

// Where "now" comes from. Rules that depend on the date (same-day cancellation, expiry, search
// ranges) take a Clock so tests can set the time; production passes SystemClock.
class Clock
{
public:
    virtual ~Clock() = default;
    virtual QDateTime now() const = 0;

    // The legal time zone of every date rule of the programme.
    static QTimeZone rome() { return QTimeZone(QByteArrayLiteral("Europe/Rome")); }
    QDate todayInRome() const { return now().toTimeZone(rome()).date(); }
};

class SystemClock final : public Clock
{
public:
    QDateTime now() const override { return QDateTime::currentDateTimeUtc(); }
};

// A clock that stays where a test puts it.
class ManualClock final : public Clock
{
public:
    explicit ManualClock(QDateTime now = QDateTime::currentDateTimeUtc())
        : m_now(std::move(now))
    {
    }
    QDateTime now() const override { return m_now; }
    void set(QDateTime now) { m_now = std::move(now); }
    void advanceSecs(qint64 secs) { m_now = m_now.addSecs(secs); }

private:
    QDateTime m_now;
};

} // namespace sinfonia
