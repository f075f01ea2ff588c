#pragma once

#include <QElapsedTimer>
#include <QObject>

class QWidget;

namespace sinfonia {

// Milestones of the start, in ms from main(): what lies between exec and the first usable window.
// Silent unless asked: QT_LOGGING_RULES="sinfonia.app.startup.info=true" sinfonia-pos ...
// prints one line per milestone (the cold-start benchmark and docs/performance.md use them).
class StartupTrace : public QObject
{
    Q_OBJECT
public:
    StartupTrace();
    void mark(const char* milestone);
    // Marks the first expose and the first paint of `window` (the moment it is usable), then stops
    // watching.
    void watchFirstPaint(QWidget* window);
    bool isEnabled() const;

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    QElapsedTimer m_clock;
    bool m_exposed = false;
};

} // namespace sinfonia
