#include "ui/IdleLock.h"

#include <QCoreApplication>
#include <QEvent>

namespace sinfonia {

IdleLock::IdleLock(QObject* parent)
    : QObject(parent)
{
    m_timer.setSingleShot(true);
    m_timer.setInterval(5 * 60 * 1000);
    connect(&m_timer, &QTimer::timeout, this, [this] {
        m_armed = false;
        emit idle();
    });
    QCoreApplication::instance()->installEventFilter(this);
}

IdleLock::~IdleLock()
{
    if (QCoreApplication::instance())
        QCoreApplication::instance()->removeEventFilter(this);
}

void IdleLock::setTimeoutMs(int ms)
{
    m_timer.setInterval(ms);
    if (m_armed)
        m_timer.start();
}

void IdleLock::arm()
{
    m_armed = true;
    m_timer.start();
}

void IdleLock::disarm()
{
    m_armed = false;
    m_timer.stop();
}

bool IdleLock::eventFilter(QObject* watched, QEvent* event)
{
    if (m_armed) {
        switch (event->type()) {
        case QEvent::KeyPress:
        case QEvent::MouseButtonPress:
        case QEvent::MouseMove:
        case QEvent::Wheel:
        case QEvent::TouchBegin:
            m_timer.start();
            break;
        default:
            break;
        }
    }
    return QObject::eventFilter(watched, event);
}

} // namespace sinfonia
