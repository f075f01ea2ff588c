#pragma once

#include "app/CommandLine.h"

#include <QObject>
#include <QString>
#include <memory>

class QTextStream;

namespace sinfonia {

class AppSettings;
class CounterFlow;
class MainWindow;
class MovementsFlow;
class SummaryFlow;
class ScanFlow;
class ScanRouter;
class SerialScanner;
class ServiceStack;
class SlipPrinter;
class StartupTrace;
class SystemClock;
class TokenStore;

// Builds every service once, in dependency order, and connects them to the flows of the window.
// Nothing is global and no flow logic lives here: the tests build the same ServiceStack and flows.
class AppWiring : public QObject
{
    Q_OBJECT
public:
    explicit AppWiring(const CommandLineOptions& options, StartupTrace* trace = nullptr, QObject* parent = nullptr);
    ~AppWiring() override;

    void start();
    // Before quitting on a signal: the purchase being typed is kept as a draft, like on a lock.
    void prepareQuit(int signalNumber);
    MainWindow* window() const { return m_window.get(); }
    CounterFlow* flow() const { return m_flow.get(); }

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    // After the first paint of the window: journal, cache, movement list, summary, slip printer.
    void finishStart();
    static constexpr int finishStartFallbackMs = 2000;
    void connectScanners();
    // "Configura lettore" in the Operazioni menu.
    void addScannerSetup();

    void mark(const char* milestone);

    CommandLineOptions m_options;
    StartupTrace* m_trace = nullptr;
    bool m_started = false;
    std::unique_ptr<SystemClock> m_clock;
    std::unique_ptr<AppSettings> m_settings;
    std::unique_ptr<TokenStore> m_tokens;
    std::unique_ptr<ServiceStack> m_services;
    std::unique_ptr<MainWindow> m_window;
    std::unique_ptr<CounterFlow> m_flow;
    std::unique_ptr<ScanFlow> m_scanFlow;
    std::unique_ptr<MovementsFlow> m_movements;
    std::unique_ptr<SummaryFlow> m_summary;
    std::unique_ptr<SlipPrinter> m_slipPrinter;
    std::unique_ptr<ScanRouter> m_scanner;
    std::unique_ptr<SerialScanner> m_serialScanner;
};

// --print-config: the effective configuration and where each value comes from.
QString describeConfiguration(const CommandLineOptions& options);
// --decode-image: decodes each file's barcode, prints one line per file.
int decodeImages(const QStringList& files, QTextStream& out, QTextStream& err);

} // namespace sinfonia
