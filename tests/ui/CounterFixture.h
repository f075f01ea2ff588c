#pragma once

// The whole counter (real services, real widgets) against a real sandbox sinfonia-server, for the
// ui tests: the ServiceStack the app builds, with a memory token store and a journal in a
// temporary folder. Each test builds a fresh stack; the server is shared by the test class.
#include "core/domain/Clock.h"
#include "core/services/ServiceStack.h"
#include "core/services/auth/TokenStore.h"
#include "tests/support/TestServer.h"
#include "ui/CounterFlow.h"
#include "ui/MainWindow.h"
#include "ui/ScanFlow.h"

#include <QTemporaryDir>
#include <memory>

namespace sinfonia::test {

struct CounterFixture
{
    explicit CounterFixture(const QUrl& baseUrl)
    {
        ServiceStack::Options options;
        options.serverUrl = baseUrl;
        options.journalPath = dir.filePath(QStringLiteral("journal.sqlite"));
        services = std::make_unique<ServiceStack>(clock, tokens, options);
        window = std::make_unique<MainWindow>();
        flow = std::make_unique<CounterFlow>(*services, *window);
        scans = std::make_unique<ScanFlow>(*flow, *window);
        window->show();
    }
    ~CounterFixture()
    {
        scans.reset();
        flow.reset();
        window.reset();
    }

    QTemporaryDir dir;
    SystemClock clock;
    MemoryTokenStore tokens;
    std::unique_ptr<ServiceStack> services;
    std::unique_ptr<MainWindow> window;
    std::unique_ptr<CounterFlow> flow;
    std::unique_ptr<ScanFlow> scans;
};

} // namespace sinfonia::test
