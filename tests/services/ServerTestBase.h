#pragma once

// Shared fixture of the suites that talk to a REAL sinfonia-server on loopback: the server, the
// client services as the app wires them (ServiceStack: ApiClient, Session, LoginFlow, ...; the
// TokenStore is the OS keychain when a D-Bus session is there), a browser stub for
// QDesktopServices and helpers (sandbox login, test data lookups).
#include "core/domain/Clock.h"
#include "core/services/ServiceStack.h"
#include "core/services/auth/LoginFlow.h"
#include "core/services/auth/Session.h"
#include "core/services/auth/TokenStore.h"
#include "core/services/net/ApiClient.h"
#include "tests/support/TestServer.h"

#include <QNetworkAccessManager>
#include <QObject>
#include <QTest>
#include <functional>
#include <memory>
#include <optional>

namespace sinfonia::test {

// Receives what the app would open in the system browser.
class BrowserStub : public QObject
{
    Q_OBJECT
public:
    QList<QUrl> opened;
public Q_SLOTS:
    void open(const QUrl& url) { opened.append(url); }
};

class ServerTestBase : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    // QTest finds these in the base: one server per suite, fresh client objects per test function.
    void initTestCase();
    void cleanupTestCase() { stopServer(); }
    void init() { createClients(); }
    void cleanup() { destroyClients(); }

protected:
    bool startServer();
    void stopServer();
    void createClients();
    void destroyClients();

    // Logs in through the browser stub and the loopback redirect.
    bool login(const QString& identity = QStringLiteral("titolare-avellino"));
    // An ATTIVO voucher of FAR001 with more than 50 euro, found through the API.
    std::optional<VoucherInfo> activeVoucher(QString* cf);
    // Purchases of `cents` on the voucher at FAR001 (-1 on error).
    int countMovements(const QString& voucherId, qint64 cents);

    template<typename T>
    Result<T> wait(const std::function<void(std::function<void(Result<T>)>)>& start, int ms = 30000)
    {
        std::optional<Result<T>> out;
        start([&](Result<T> r) { out = std::move(r); });
        if (!QTest::qWaitFor([&] { return out.has_value(); }, ms))
            return makeError(QStringLiteral("test.timeout"), QStringLiteral("no answer"));
        return std::move(*out);
    }

    // The suite's "now": the wall clock the sandbox server reads too (both move together under
    // libfaketime); dates are Rome's, never the machine's zone.
    SystemClock m_clock;
    TestServer m_server;
    BrowserStub m_browser;
    std::unique_ptr<TokenStore> m_store;
    std::unique_ptr<ServiceStack> m_services;
    // Shorthands into m_services.
    QNetworkAccessManager* m_nam = nullptr;
    ApiClient* m_api = nullptr;
    Session* m_session = nullptr;
    LoginFlow* m_flow = nullptr;
};

} // namespace sinfonia::test
