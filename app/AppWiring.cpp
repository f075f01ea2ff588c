#include "app/AppWiring.h"

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
#include <QLoggingCategory>
#include <QMenu>
#include <QTextStream>

Q_LOGGING_CATEGORY(lcApp, "sinfonia.app")

namespace sinfonia {

AppWiring::AppWiring(const CommandLineOptions& options, QObject* parent)
    : QObject(parent)
    , m_options(options)
    , m_clock(std::make_unique<SystemClock>())
    , m_settings(std::make_unique<AppSettings>())
    , m_tokens(std::make_unique<KeychainTokenStore>())
{
    ServiceStack::Options stack;
    stack.serverUrl = options.serverUrl.isEmpty() ? QUrl(m_settings->serverUrl()) : options.serverUrl;
    stack.journalPath = OperationJournal::defaultFilePath();
    stack.identityGateway = m_settings->identityGateway();
    m_services = std::make_unique<ServiceStack>(*m_clock, *m_tokens, stack);
    m_services->openCache(MovementCache::defaultFilePath(), m_settings->cacheRetentionMonths());

    m_window = std::make_unique<MainWindow>();
    m_flow = std::make_unique<CounterFlow>(*m_services, *m_window);
    m_flow->setIdleTimeoutMs(m_settings->idleLockMinutes() * 60 * 1000);
    m_flow->setQuickUnlockEnabled(m_settings->quickUnlockEnabled());
    m_movements = std::make_unique<MovementsFlow>(*m_services, *m_flow, *m_window);
    m_summary = std::make_unique<SummaryFlow>(*m_services, *m_flow, *m_window);
    m_scanFlow = std::make_unique<ScanFlow>(*m_flow, *m_window);
    m_slipPrinter = std::make_unique<SlipPrinter>(*m_settings);
    m_flow->vouchers().setSlipPrinter(m_slipPrinter.get());
    connectScanners();
    addScannerSetup();
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
    m_window->show();
    // IT's package test and support scripts wait for this line to know the start reached the window.
    qCInfo(lcApp) << "main window shown";
    m_flow->start();
}

void AppWiring::prepareQuit(int signalNumber)
{
    qCInfo(lcApp) << "quitting on signal" << signalNumber;
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
