#include "app/AppWiring.h"

#include "app/StartupTrace.h"
#include "core/domain/Clock.h"
#include "core/scan/DecodeImageCli.h"
#include "core/scan/ScanRouter.h"
#include "core/scan/SerialScanner.h"
#include "core/services/ServiceStack.h"
#include "core/services/auth/TokenStore.h"
#include "core/services/cache/MovementCache.h"
#include "core/services/journal/OperationJournal.h"
#include "core/services/settings/AppSettings.h"
#include "ui/CounterFlow.h"
#include "ui/MainWindow.h"
#include "ui/MovementsFlow.h"
#include "ui/ScanFlow.h"
#include "ui/SummaryFlow.h"
#include "ui/VoucherFlow.h"
#include "ui/dialogs/ScannerSetupDialog.h"
#include "ui/print/SlipPrinter.h"

#include <QAction>
#include <QApplication>
#include <QEvent>
#include <QLoggingCategory>
#include <QMenu>
#include <QTextStream>
#include <QTimer>

Q_LOGGING_CATEGORY(lcApp, "sinfonia.app")

namespace sinfonia {

AppWiring::AppWiring(const CommandLineOptions& options, StartupTrace* trace, QObject* parent)
    : QObject(parent)
    , m_options(options)
    , m_trace(trace)
    , m_clock(std::make_unique<SystemClock>())
    , m_settings(std::make_unique<AppSettings>())
    , m_tokens(std::make_unique<KeychainTokenStore>())
{
    ServiceStack::Options stack;
    stack.serverUrl = options.serverUrl.isEmpty() ? QUrl(m_settings->serverUrl()) : options.serverUrl;
    // The journal (synchronous, fsynced writes) and the cache (keychain, then a whole-file
    // integrity check) open once the window is painted: see finishStart().
    stack.identityGateway = m_settings->identityGateway();
    mark("settings");
    m_services = std::make_unique<ServiceStack>(*m_clock, *m_tokens, stack);
    mark("services");

    m_window = std::make_unique<MainWindow>();
    mark("main window");
    m_flow = std::make_unique<CounterFlow>(*m_services, *m_window);
    m_flow->setIdleTimeoutMs(m_settings->idleLockMinutes() * 60 * 1000);
    m_flow->setQuickUnlockEnabled(m_settings->quickUnlockEnabled());
    mark("counter flow and its pages");
    m_scanFlow = std::make_unique<ScanFlow>(*m_flow, *m_window);
    connectScanners();
    mark("scanners");
}

void AppWiring::mark(const char* milestone)
{
    if (m_trace)
        m_trace->mark(milestone);
}

AppWiring::~AppWiring()
{
    // Sources and flows first, then the widgets, then the services they use.
    m_serialScanner.reset();
    m_scanner.reset();
    m_scanFlow.reset();
    m_summary.reset();
    m_movements.reset();
    m_flow.reset();
    m_window.reset();
    m_slipPrinter.reset();
}

void AppWiring::connectScanners()
{
    // ScanRouter: a keyboard-wedge scan works whatever widget has focus.
    ScanRouter::Config config;
    config.prefix = m_settings->scannerPrefix();
    config.suffix = m_settings->scannerSuffix();
    config.maxInterKeyMs = m_settings->scannerBurstMs();
    m_scanner = std::make_unique<ScanRouter>(config);
    m_scanner->install(QCoreApplication::instance());
    m_scanFlow->addSource(m_scanner.get());

    // A serial (USB-CDC) scanner configured by IT or the user feeds the same flow; it reopens the
    // port by itself after an unplug.
    const QString port = m_settings->scannerSerialPort();
    if (!port.isEmpty()) {
        m_serialScanner = std::make_unique<SerialScanner>(port, m_settings->scannerBaud());
        m_scanFlow->addSource(m_serialScanner.get());
        m_serialScanner->start();
    }
}

void AppWiring::addScannerSetup()
{
    auto* action = new QAction(tr("Configura lettore…"), m_window.get());
    action->setObjectName(QStringLiteral("scannerSetupAction"));
    m_window->addAction(action);
    m_window->operationsMenu()->addAction(action);
    connect(action, &QAction::triggered, this, [this] {
        // The dialog reads the scanner's keys itself: the router must not swallow them meanwhile.
        m_scanner->setEnabled(false);
        ScannerSetupDialog dialog(*m_settings, m_window.get());
        connect(&dialog, &ScannerSetupDialog::saved, this,
                [this](int burstMs, const QString& prefix, const QString& suffix) {
                    ScanRouter::Config config = m_scanner->config();
                    config.maxInterKeyMs = burstMs;
                    config.prefix = prefix;
                    config.suffix = suffix;
                    m_scanner->setConfig(config);
                });
        dialog.exec();
        m_scanner->setEnabled(true);
    });
}

void AppWiring::start()
{
    // What the first window does not need waits for its first paint (a timer backs that up should
    // a window system never paint it); nothing the clerk can reach before then depends on it: the
    // login page works without the journal, the cache and the movement list.
    m_window->installEventFilter(this);
    QTimer::singleShot(finishStartFallbackMs, this, &AppWiring::finishStart);
    m_window->show();
    mark("show() returned");
    // IT's package test and support scripts wait for this line to know the start reached the window.
    qCInfo(lcApp) << "main window shown";
    m_flow->start();
    mark("start requests sent");
}

bool AppWiring::eventFilter(QObject* watched, QEvent* event)
{
    if (watched == m_window.get() && event->type() == QEvent::Paint) {
        m_window->removeEventFilter(this);
        // After this paint has reached the screen, not inside it.
        QTimer::singleShot(0, this, &AppWiring::finishStart);
    }
    return QObject::eventFilter(watched, event);
}

void AppWiring::finishStart()
{
    if (m_started)
        return;
    m_started = true;
    m_window->removeEventFilter(this);
    // Before any purchase: the login (which reconciles the journal) needs the clerk first.
    m_services->openJournal(OperationJournal::defaultFilePath());
    mark("journal open");
    m_services->openCache(MovementCache::defaultFilePath(), m_settings->cacheRetentionMonths());
    m_movements = std::make_unique<MovementsFlow>(*m_services, *m_flow, *m_window);
    m_summary = std::make_unique<SummaryFlow>(*m_services, *m_flow, *m_window);
    m_slipPrinter = std::make_unique<SlipPrinter>(*m_settings);
    m_flow->vouchers().setSlipPrinter(m_slipPrinter.get());
    addScannerSetup(); // after "Elenco movimenti" and the summary in the Operazioni menu, as before
    mark("movement list, summary, printer");
}

void AppWiring::prepareQuit(int signalNumber)
{
    qCInfo(lcApp) << "quitting on signal" << signalNumber;
    // A quit before the deferred start finished: the draft needs the journal.
    finishStart();
    m_flow->vouchers().saveDraftNow();
}

QString describeConfiguration(const CommandLineOptions& options)
{
    AppSettings settings;
    QString text = settings.describeEffectiveText();
    if (!options.serverUrl.isEmpty())
        text += QStringLiteral("server/url = %1  [command line]\n").arg(options.serverUrl.toString());
    return text;
}

int decodeImages(const QStringList& files, QTextStream& out, QTextStream& err)
{
    if (files.isEmpty()) {
        err << QCoreApplication::translate("CommandLine", "Indica almeno un'immagine da decodificare.\n");
        return 2;
    }
    return runDecodeImageCli(files, out);
}

} // namespace sinfonia
