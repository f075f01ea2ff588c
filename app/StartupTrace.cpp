#include "app/StartupTrace.h"

#include <QEvent>
#include <QLoggingCategory>
#include <QWidget>

// Off by default (only warnings): the milestones are for whoever measures the start.
Q_LOGGING_CATEGORY(lcStartup, "sinfonia.app.startup", QtWarningMsg)

namespace sinfonia {

StartupTrace::StartupTrace()
{
    m_clock.start();
}

bool StartupTrace::isEnabled() const
{
    return lcStartup().isInfoEnabled();
}

void StartupTrace::mark(const char* milestone)
{
    qCInfo(lcStartup, "%6.1f ms  %s", double(m_clock.nsecsElapsed()) / 1e6, milestone);
}

void StartupTrace::watchFirstPaint(QWidget* window)
{
    if (isEnabled())
        window->installEventFilter(this);
}

bool StartupTrace::eventFilter(QObject* watched, QEvent* event)
{
    if (event->type() == QEvent::Show && !m_exposed) {
        m_exposed = true;
        mark("window shown (mapped)");
    } else if (event->type() == QEvent::Paint) {
        watched->removeEventFilter(this);
        mark("first paint of the window");
    }
    return false;
}

} // namespace sinfonia
