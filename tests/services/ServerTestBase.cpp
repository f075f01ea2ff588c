#include "ServerTestBase.h"

#include "core/domain/VoucherRules.h"

#include <QCoreApplication>
#include <QDesktopServices>
#include <QNetworkReply>
#include <QSignalSpy>
#include <QStandardPaths>

namespace sinfonia::test {

void ServerTestBase::initTestCase()
{
    if (TestServer::serverBinary().isEmpty())
        QSKIP("sinfonia-server not built");
    QVERIFY2(startServer(), qPrintable(m_server.errorString()));
}

bool ServerTestBase::startServer()
{
    QStandardPaths::setTestModeEnabled(true);
    if (!m_server.start())
        return false;
    QDesktopServices::setUrlHandler(QStringLiteral("http"), &m_browser, "open");
    QDesktopServices::setUrlHandler(QStringLiteral("https"), &m_browser, "open");
    return true;
}

void ServerTestBase::stopServer()
{
    QDesktopServices::unsetUrlHandler(QStringLiteral("http"));
    QDesktopServices::unsetUrlHandler(QStringLiteral("https"));
    m_server.stop();
}

void ServerTestBase::createClients()
{
    m_browser.opened.clear();
    if (qEnvironmentVariableIsEmpty("DBUS_SESSION_BUS_ADDRESS"))
        m_store = std::make_unique<MemoryTokenStore>();
    else
        m_store = std::make_unique<KeychainTokenStore>(
            QStringLiteral("sinfonia-banco-test-%1").arg(QCoreApplication::applicationPid())); // suites run in parallel
    ServiceStack::Options options;
    options.serverUrl = m_server.baseUrl();
    m_services = std::make_unique<ServiceStack>(m_clock, *m_store, options);
    m_nam = &m_services->network();
    m_api = &m_services->api();
    m_session = &m_services->session();
    m_flow = &m_services->login();
}

void ServerTestBase::destroyClients()
{
    m_nam = nullptr;
    m_api = nullptr;
    m_session = nullptr;
    m_flow = nullptr;
    m_services.reset();
    m_store.reset();
}

bool ServerTestBase::login(const QString& identity)
{
    QSignalSpy ok(m_flow, &LoginFlow::succeeded);
    QSignalSpy failed(m_flow, &LoginFlow::failed);
    m_flow->start();
    if (!QTest::qWaitFor([&] { return !m_browser.opened.isEmpty() || !failed.isEmpty(); }, 20000)
        || m_browser.opened.isEmpty())
        return false;
    // Play the browser: pick the identity on the sandbox page, follow the 302 to our listener.
    QUrl url = m_browser.opened.last();
    url.setQuery(url.query(QUrl::FullyEncoded) + QStringLiteral("&identity=") + identity, QUrl::StrictMode);
    QNetworkReply* reply = m_nam->get(QNetworkRequest(url));
    connect(reply, &QNetworkReply::finished, reply, &QObject::deleteLater);
    return QTest::qWaitFor([&] { return !ok.isEmpty() || !failed.isEmpty(); }, 20000) && !ok.isEmpty();
}

std::optional<VoucherInfo> ServerTestBase::activeVoucher(QString* cf)
{
    const auto window = VoucherRules::lastThreeMonths(m_clock);
    auto page = wait<MovementPage>([&](auto done) {
        m_api->movements(QStringLiteral("FAR001"), MovementFilter {window.from, window.to, {}, 200}, {}, this, done);
    });
    if (!page.ok())
        return std::nullopt;
    QStringList seen;
    for (const auto& m : page->items) {
        if (m.codiceFiscale.isEmpty() || seen.contains(m.codiceFiscale))
            continue;
        seen << m.codiceFiscale;
        auto b = wait<Beneficiary>(
            [&](auto done) { m_api->findBeneficiaryByCf(QStringLiteral("FAR001"), m.codiceFiscale, this, done); });
        if (!b.ok())
            continue;
        for (const auto& v : b->vouchers) {
            if (v.voucher.state == VoucherState::Attivo && v.voucher.availableAmount().cents() > 5000) {
                *cf = m.codiceFiscale;
                return v;
            }
        }
    }
    return std::nullopt;
}

int ServerTestBase::countMovements(const QString& voucherId, qint64 cents)
{
    auto tx = wait<QList<ApiMovement>>(
        [&](auto done) { m_api->transactions(QStringLiteral("FAR001"), voucherId, this, done); });
    if (!tx.ok())
        return -1;
    int n = 0;
    for (const auto& m : tx.value())
        n += m.movement.type == MovementType::Acquisto && m.movement.amount.cents() == cents;
    return n;
}

} // namespace sinfonia::test
