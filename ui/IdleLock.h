#pragma once

#include <QObject>
#include <QTimer>

namespace sinfonia {

// Locks the counter after `timeoutMs` without keyboard or mouse input. Installed as an application
// event filter so every input event anywhere restarts the timer; it only signals, the window
// decides what locking hides.
class IdleLock : public QObject
{
    Q_OBJECT
public:
    explicit IdleLock(QObject* parent = nullptr);
    ~IdleLock() override;

    void setTimeoutMs(int ms);
    int timeoutMs() const { return m_timer.interval(); }
    // Arms the timer (after login); disarm while locked or logged out.
    void arm();
    void disarm();
    bool isArmed() const { return m_armed; }

signals:
    void idle();

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    QTimer m_timer;
    bool m_armed = false;
};

} // namespace sinfonia
