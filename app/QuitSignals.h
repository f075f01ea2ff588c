#pragma once

#include <QObject>

namespace sinfonia {

// A PC shutting down or a session ending sends SIGTERM (or SIGINT from a terminal): the counter
// must quit like a closed window does (draft saved, journal and cache closed, exit status 0) and
// not die half-way through a write. The signal handler only writes the signal number to one end of
// a socket pair; a QSocketNotifier on the other end emits quitRequested() in the event loop, where
// anything may be done. The POSIX part is in QuitSignals_unix.cpp; elsewhere install() returns
// false (Windows ends a session through Qt's own session messages).
class QuitSignals : public QObject
{
    Q_OBJECT
public:
    explicit QuitSignals(QObject* parent = nullptr);
    ~QuitSignals() override;
    QuitSignals(const QuitSignals&) = delete;
    QuitSignals& operator=(const QuitSignals&) = delete;

    // Catches SIGTERM and SIGINT from now on; one instance per process.
    bool install();

Q_SIGNALS:
    void quitRequested(int signalNumber);

private:
    struct Private;
    Private* d = nullptr;
};

} // namespace sinfonia
