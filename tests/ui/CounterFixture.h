#pragma once

// The whole counter (real services, real widgets) against a real sandbox sinfonia-server, for the
// ui tests: the ServiceStack the app builds, with a memory token store and a journal in a
// temporary folder. Each test builds a fresh stack; the server is shared by the test class.
#include "core/domain/Clock.h"
#include "core/services/ServiceStack.h"
#include "core/services/auth/TokenStore.h"
#include "core/services/settings/AppSettings.h"
#include "tests/support/TestServer.h"
#include "ui/CounterFlow.h"
#include "ui/MainWindow.h"
#include "ui/ScanFlow.h"
#include "ui/VoucherFlow.h"
#include "ui/print/SlipPrinter.h"

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
        // Slips go to a PDF in the temporary folder; settings are temporary files (system = IT).
        settings = std::make_unique<AppSettings>(dir.filePath(QStringLiteral("system.conf")),
                                                 dir.filePath(QStringLiteral("user.conf")));
        slips = std::make_unique<SlipPrinter>(*settings);
        slips->setPdfOutput(slipPdf());
        flow->vouchers().setSlipPrinter(slips.get());
        window->show();
    }
    ~CounterFixture()
    {
        scans.reset();
        flow.reset();
        window.reset();
    }
    QString slipPdf() const { return dir.filePath(QStringLiteral("promemoria.pdf")); }

    QTemporaryDir dir;
    SystemClock clock;
    MemoryTokenStore tokens;
    std::unique_ptr<ServiceStack> services;
    std::unique_ptr<MainWindow> window;
    std::unique_ptr<CounterFlow> flow;
    std::unique_ptr<ScanFlow> scans;
    std::unique_ptr<AppSettings> settings;
    std::unique_ptr<SlipPrinter> slips;
};

} // namespace sinfonia::test
