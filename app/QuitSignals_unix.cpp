// POSIX part of QuitSignals (built only on Unix, see app/CMakeLists.txt).
#include "app/QuitSignals.h"

#include <QSocketNotifier>
#include <cerrno>
#include <csignal>
#include <fcntl.h>
#include <sys/socket.h>
#include <unistd.h>

namespace sinfonia {

namespace {
// The write end for the handler; -1 while no instance is installed.
volatile sig_atomic_t g_writeFd = -1;

void onSignal(int signalNumber)
{
    const int savedErrno = errno;
    const int fd = g_writeFd;
    if (fd >= 0) {
        const char byte = char(signalNumber);
        // Async-signal-safe; a full socket (signals in a burst) only drops repeats.
        [[maybe_unused]] const ssize_t written = ::write(fd, &byte, 1);
    }
    errno = savedErrno;
}
} // namespace

struct QuitSignals::Private
{
    int fds[2] = {-1, -1};
    QSocketNotifier* notifier = nullptr;
    struct sigaction previousTerm
    {
    };
    struct sigaction previousInt
    {
    };
    bool installed = false;
};

QuitSignals::QuitSignals(QObject* parent)
    : QObject(parent)
    , d(new Private)
{
}

QuitSignals::~QuitSignals()
{
    if (d->installed) {
        ::sigaction(SIGTERM, &d->previousTerm, nullptr);
        ::sigaction(SIGINT, &d->previousInt, nullptr);
        g_writeFd = -1;
    }
    delete d->notifier;
    for (int fd : d->fds) {
        if (fd >= 0)
            ::close(fd);
    }
    delete d;
}

bool QuitSignals::install()
{
    if (d->installed || g_writeFd >= 0)
        return false;
    if (::socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, d->fds) != 0)
        return false;
    for (int fd : d->fds)
        ::fcntl(fd, F_SETFL, ::fcntl(fd, F_GETFL) | O_NONBLOCK);
    d->notifier = new QSocketNotifier(d->fds[1], QSocketNotifier::Read);
    connect(d->notifier, &QSocketNotifier::activated, this, [this] {
        char byte = 0;
        int last = 0;
        while (::read(d->fds[1], &byte, 1) == 1)
            last = static_cast<unsigned char>(byte);
        if (last != 0)
            Q_EMIT quitRequested(last);
    });
    g_writeFd = d->fds[0];
    struct sigaction action
    {
    };
    action.sa_handler = onSignal;
    sigemptyset(&action.sa_mask);
    action.sa_flags = SA_RESTART;
    ::sigaction(SIGTERM, &action, &d->previousTerm);
    ::sigaction(SIGINT, &action, &d->previousInt);
    d->installed = true;
    return true;
}

} // namespace sinfonia
