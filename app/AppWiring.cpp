#include "app/AppWiring.h"

#include "core/domain/Clock.h"
#include "core/scan/DecodeImageCli.h"
#include "core/scan/ScanRouter.h"
#include "core/scan/SerialScanner.h"
#include "core/services/auth/LoginFlow.h"
#include "core/services/auth/Session.h"
#include "core/services/auth/TokenStore.h"
#include "core/services/cache/CfHasher.h"
#include "core/services/cache/MovementCache.h"
#include "core/services/journal/OperationJournal.h"
#include "core/services/journal/OperationRunner.h"
#include "core/services/net/ApiClient.h"
#include "core/services/settings/AppSettings.h"
#include "ui/CounterFlow.h"
#include "ui/MainWindow.h"
#include "ui/OperatorSession.h"
#include "ui/ServicesBackend.h"
#include "ui/VoucherFlow.h"
#include "ui/pages/PurchasePage.h"
#include "ui/pages/SearchPage.h"
#ifdef SINFONIA_HAVE_MOVEMENTS_UI
#include "ui/movements/MovementsPage.h"
#endif

#include <QAction>
#include <QApplication>
#include <QDir>
#include <QLoggingCategory>
#include <QMenu>
#include <QMessageBox>
#include <QNetworkAccessManager>
#include <QStandardPaths>
#include <QTextStream>

namespace sinfonia {

Q_LOGGING_CATEGORY(lcApp, "sinfonia.app")

AppWiring::AppWiring(const CommandLineOptions& options, QObject* parent)
    : QObject(parent)
    , m_options(options)
{
    m_clock = std::make_unique<SystemClock>();
    m_settings = std::make_unique<AppSettings>();
    const QUrl server = options.serverUrl.isEmpty() ? QUrl(m_settings->serverUrl()) : options.serverUrl;
    m_nam = std::make_unique<QNetworkAccessManager>();
    m_api = std::make_unique<ApiClient>(m_nam.get(), server);
    m_tokens = std::make_unique<KeychainTokenStore>();
    m_session = std::make_unique<Session>(m_api.get(), m_tokens.get(), *m_clock);
    m_api->setTokenProvider(m_session.get());
    m_login = std::make_unique<LoginFlow>(m_api.get(), m_session.get());
    if (const QString gateway = m_settings->identityGateway(); !gateway.isEmpty())
        m_login->setIdentityGateway(QUrl(gateway));

    // The journal must exist before the first purchase: a failure here is reported, not hidden.
    m_journal = std::make_unique<OperationJournal>(*m_clock);
    if (const auto opened = m_journal->open(OperationJournal::defaultFilePath()); !opened.ok())
        qCWarning(lcApp) << "operation journal unavailable:" << opened.error().detail;
    m_runner = std::make_unique<OperationRunner>(m_api.get(), m_journal.get(), *m_clock);
    m_backend = std::make_unique<ServicesBackend>(*m_api, *m_session, *m_login, *m_runner, *m_journal, *m_clock);

    m_window = std::make_unique<MainWindow>();
    m_flow = std::make_unique<CounterFlow>(*m_backend, *m_window, *m_clock);
    m_flow->setIdleTimeoutMs(m_settings->idleLockMinutes() * 60 * 1000);
    // After every login, intents left unresolved by a crash or a dropped answer are replayed.
    connect(m_session.get(), &Session::loggedIn, m_runner.get(), &OperationRunner::reconcile);
    connectScanner();
    addMovementsPage();
}

AppWiring::~AppWiring()
{
    // Widgets first: they hold references to the services below.
    m_flow.reset();
    m_window.reset();
}

void AppWiring::connectScanner()
{
    // ScanRouter: a keyboard-wedge scan works whatever widget has focus.
    ScanRouter::Config config;
    config.prefix = m_settings->scannerPrefix();
    config.suffix = m_settings->scannerSuffix();
    config.maxInterKeyMs = m_settings->scannerBurstMs();
    m_scanner = std::make_unique<ScanRouter>(config);
    m_scanner->install(QCoreApplication::instance());
    routeScans(m_scanner.get());

    // A serial (USB-CDC) scanner configured by IT or the user feeds the same routes; it reopens
    // the port by itself after an unplug.
    const QString port = m_settings->scannerSerialPort();
    if (!port.isEmpty()) {
        m_serialScanner = std::make_unique<SerialScanner>(port, m_settings->scannerBaud());
        routeScans(m_serialScanner.get());
        m_serialScanner->start();
    }
}

void AppWiring::routeScans(ScanSource* source)
{
    connect(source, &ScanSource::codiceFiscaleScanned, this, &AppWiring::openScannedCodiceFiscale);
    connect(source, &ScanSource::productCodeScanned, this,
            [this](const QString&, const QString& message) { m_flow->vouchers().searchPage()->showError(message); });
    connect(source, &ScanSource::unreadableScan, this,
            [this](const QString& message, const QString&) { m_flow->vouchers().searchPage()->showError(message); });
}

void AppWiring::openScannedCodiceFiscale(const QString& cf)
{
    if (!m_flow->session().isLoggedIn() || m_flow->session().structureId().isEmpty() || m_flow->isLocked())
        return;
    // A card scanned while a purchase is half-filled must not throw that purchase away unasked.
    PurchasePage* purchase = m_flow->vouchers().purchasePage();
    const bool halfFilled = m_window->currentPage() == purchase
        && (!purchase->amountText().trimmed().isEmpty() || purchase->receipt().has_value());
    if (halfFilled) {
        const auto answer
            = QMessageBox::question(m_window.get(), tr("Acquisto in corso"),
                                    tr("È stata letta un'altra tessera mentre un acquisto non è ancora stato inviato.\n"
                                       "Lasciare l'acquisto e cercare la nuova beneficiaria?"),
                                    QMessageBox::Yes | QMessageBox::No, QMessageBox::No);
        if (answer != QMessageBox::Yes)
            return;
    }
    m_flow->vouchers().showSearch();
    m_flow->vouchers().searchPage()->searchScannedCodiceFiscale(cf);
}

void AppWiring::addMovementsPage()
{
#ifdef SINFONIA_HAVE_MOVEMENTS_UI
    // The movement list reads a local cache whose CF hashes are keyed by a secret in the keychain.
    m_cache = std::make_unique<MovementCache>(*m_clock);
    const int retention = m_settings->cacheRetentionMonths();
    CfHasher::loadOrCreateKey(m_tokens.get(), m_cache.get(), [this, retention](QByteArray key, bool persistent) {
        m_cache->open(MovementCache::defaultFilePath(), key, retention);
        if (!persistent)
            m_cache->clear(); // old hashes cannot be matched with a key that lives in memory only
    });
    auto* page = new MovementsPage(m_cache.get(), m_clock.get(), m_window.get());
    page->setApiClient(m_api.get());
    m_window->addPage(page);
    // F5 is the window's "Aggiorna": on this page it runs the page's search (two F5 shortcuts in
    // one window would be ambiguous and neither would fire).
    page->searchAction()->setShortcut(QKeySequence());
    connect(m_window->refreshAction(), &QAction::triggered, page, [this, page] {
        if (m_window->currentPage() == page && !m_flow->isLocked())
            page->search();
    });
    auto* action = new QAction(tr("Elenco movimenti"), m_window.get());
    action->setObjectName(QStringLiteral("movementsAction"));
    action->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_M));
    action->setToolTip(tr("Elenco movimenti della struttura (Ctrl+M)"));
    m_window->addAction(action);
    m_window->operationsMenu()->insertAction(m_window->purchaseAction(), action);
    OperatorSession& session = m_flow->session();
    connect(action, &QAction::triggered, this, [this, page, &session] {
        if (session.isLoggedIn() && !session.structureId().isEmpty() && !m_flow->isLocked())
            m_window->showPage(page);
    });
    connect(&session, &OperatorSession::changed, page, [this, page, &session] {
        if (!session.isLoggedIn()) {
            page->reset();
            m_cache->clear(); // operator switch: nothing of the previous operator stays
            return;
        }
        if (const auto structure = session.structure())
            page->setStructure(structure->id, structure->name);
    });
#endif
}

void AppWiring::start()
{
    m_window->show();
    // IT's package test and support scripts wait for this line to know the start reached the window.
    qCInfo(lcApp) << "main window shown";
    m_flow->start();
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
