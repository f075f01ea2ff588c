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
    m_nam = std::make_unique<QNetworkAccessManager>();
    if (qEnvironmentVariableIsEmpty("DBUS_SESSION_BUS_ADDRESS"))
        m_store = std::make_unique<MemoryTokenStore>();
    else
        m_store = std::make_unique<KeychainTokenStore>(
            QStringLiteral("sinfonia-banco-test-%1").arg(QCoreApplication::applicationPid())); // suites run in parallel
    m_api = std::make_unique<ApiClient>(m_nam.get(), m_server.baseUrl());
    m_session = std::make_unique<Session>(m_api.get(), m_store.get(), m_clock);
    m_api->setTokenProvider(m_session.get());
    m_flow = std::make_unique<LoginFlow>(m_api.get(), m_session.get());
}

void ServerTestBase::destroyClients()
{
    m_flow.reset();
    m_session.reset();
    m_api.reset();
    m_store.reset();
    m_nam.reset();
}

bool ServerTestBase::login(const QString& identity)
{
    QSignalSpy ok(m_flow.get(), &LoginFlow::succeeded);
    QSignalSpy failed(m_flow.get(), &LoginFlow::failed);
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
