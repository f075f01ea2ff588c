// Client services against a REAL sinfonia-server on loopback: sandbox login through the loopback
// redirect (browser intercepted with QDesktopServices::setUrlHandler), typed API calls, transparent
// refresh, logout with revoke, the marker-token disk scan (T8), a purchase whose answer is dropped
// after commit and reconciled by the journal with the same key (T1), the movement cache synced from
// the server and rebuilt after corruption (T12).
#include "FaultProxy.h"
#include "core/services/auth/LoginFlow.h"
#include "core/services/auth/Session.h"
#include "core/services/auth/TokenStore.h"
#include "core/services/cache/CfHasher.h"
#include "core/services/cache/MovementCache.h"
#include "core/services/journal/OperationJournal.h"
#include "core/services/journal/OperationRunner.h"
#include "core/services/net/ApiClient.h"
#include "core/services/net/ApiErrors.h"
#include "tests/support/TestServer.h"

#include <QDesktopServices>
#include <QDirIterator>
#include <QGuiApplication>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTemporaryFile>
#include <QTest>
#include <memory>
#include <optional>

using namespace sinfonia;

// Receives what the app would open in the system browser.
class BrowserStub : public QObject
{
    Q_OBJECT
public:
    QList<QUrl> opened;
public Q_SLOTS:
    void open(const QUrl& url) { opened.append(url); }
};

class TestServerIntegration : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void init();
    void cleanup();
    void loginThroughLoopbackRedirect();
    void sandboxIdentitiesAndDirectLogin();
    void cancelDeniedAndTimeout();
    void typedOperations();
    void employeeLifecycle();
    void refreshLogoutAndNoTokenOnDisk();
    void droppedAnswerReconciledOnce();
    void purchaseOtpReceiptAndCancellation();
    void intentSavedButNeverSentIsReplayed();
    void cacheSyncAndCorruptRebuild();

private:
    bool login(const QString& identity = QStringLiteral("titolare-avellino"));
    template<typename T>
    Result<T> wait(const std::function<void(std::function<void(Result<T>)>)>& start, int ms = 30000);
    std::optional<VoucherInfo> activeVoucher(QString* cf);
    int countMovements(const QString& voucherId, qint64 cents);

    test::TestServer m_server;
    QTemporaryDir m_tmp;
    BrowserStub m_browser;
    std::unique_ptr<QNetworkAccessManager> m_nam;
    std::unique_ptr<TokenStore> m_store;
    std::unique_ptr<ApiClient> m_api;
    std::unique_ptr<Session> m_session;
    std::unique_ptr<LoginFlow> m_flow;
};

template<typename T>
Result<T> TestServerIntegration::wait(const std::function<void(std::function<void(Result<T>)>)>& start, int ms)
{
    std::optional<Result<T>> out;
    start([&](Result<T> r) { out = std::move(r); });
    if (!QTest::qWaitFor([&] { return out.has_value(); }, ms))
        return makeError(QStringLiteral("test.timeout"), QStringLiteral("no answer"));
    return std::move(*out);
}

void TestServerIntegration::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    if (test::TestServer::serverBinary().isEmpty())
        QSKIP("sinfonia-server not built");
    QVERIFY2(m_server.start(), qPrintable(m_server.errorString()));
    QDesktopServices::setUrlHandler(QStringLiteral("http"), &m_browser, "open");
    QDesktopServices::setUrlHandler(QStringLiteral("https"), &m_browser, "open");
}

void TestServerIntegration::cleanupTestCase()
{
    QDesktopServices::unsetUrlHandler(QStringLiteral("http"));
    QDesktopServices::unsetUrlHandler(QStringLiteral("https"));
}

void TestServerIntegration::init()
{
    m_browser.opened.clear();
    m_nam = std::make_unique<QNetworkAccessManager>();
    if (qEnvironmentVariableIsEmpty("DBUS_SESSION_BUS_ADDRESS"))
        m_store = std::make_unique<MemoryTokenStore>();
    else
        m_store = std::make_unique<KeychainTokenStore>(QStringLiteral("sinfonia-banco-test"));
    m_api = std::make_unique<ApiClient>(m_nam.get(), m_server.baseUrl());
    m_session = std::make_unique<Session>(m_api.get(), m_store.get());
    m_api->setTokenProvider(m_session.get());
    m_flow = std::make_unique<LoginFlow>(m_api.get(), m_session.get());
}

void TestServerIntegration::cleanup()
{
    m_flow.reset();
    m_session.reset();
    m_api.reset();
    m_store.reset();
    m_nam.reset();
}

bool TestServerIntegration::login(const QString& identity)
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

void TestServerIntegration::loginThroughLoopbackRedirect()
{
    QVERIFY(login());
    const QUrl url = m_browser.opened.first();
    const QUrlQuery q(url);
    QCOMPARE(q.queryItemValue(QStringLiteral("code_challenge_method")), QStringLiteral("S256"));
    QCOMPARE(q.queryItemValue(QStringLiteral("code_challenge")).size(), 43);
    const QUrl redirect(q.queryItemValue(QStringLiteral("redirect_uri"), QUrl::FullyDecoded));
    QCOMPARE(redirect.host(), QStringLiteral("127.0.0.1"));
    QVERIFY(redirect.port() > 0);
    QVERIFY(m_session->isLoggedIn());
    QCOMPARE(m_flow->state(), LoginFlow::State::LoggedIn);
    auto me = wait<OperatorProfile>([&](auto done) { m_api->me(this, done); });
    QVERIFY2(me.ok(), qPrintable(me.ok() ? QString() : me.error().detail));
    bool far001 = false;
    for (const auto& s : me->structures)
        far001 = far001 || (s.id == QLatin1String("FAR001") && s.role == OperatorRole::Titolare);
    QVERIFY(far001);
}

void TestServerIntegration::sandboxIdentitiesAndDirectLogin()
{
    QSignalSpy ready(m_flow.get(), &LoginFlow::sandboxIdentitiesReady);
    m_flow->discover();
    QVERIFY(ready.wait(20000));
    QVERIFY(m_flow->isSandbox());
    QStringList ids;
    for (const auto& i : m_flow->sandboxIdentities())
        ids << i.id;
    QVERIFY(ids.contains(QStringLiteral("titolare-avellino")));
    QSignalSpy ok(m_flow.get(), &LoginFlow::succeeded);
    m_flow->startSandbox(QStringLiteral("dipendente-avellino"));
    QVERIFY(ok.wait(20000));
    QVERIFY(m_browser.opened.isEmpty()); // no browser needed
    auto me = wait<OperatorProfile>([&](auto done) { m_api->me(this, done); });
    QVERIFY(me.ok());
}

void TestServerIntegration::cancelDeniedAndTimeout()
{
    QSignalSpy failed(m_flow.get(), &LoginFlow::failed);
    m_flow->start();
    QTRY_VERIFY_WITH_TIMEOUT(!m_browser.opened.isEmpty(), 20000);
    m_flow->cancel();
    QCOMPARE(failed.size(), 1);
    QCOMPARE(failed.first().first().value<Error>().code, QStringLiteral("auth.cancelled"));

    // "Annulla" on the sandbox page redirects with error=access_denied.
    m_browser.opened.clear();
    m_flow->start();
    QTRY_VERIFY_WITH_TIMEOUT(!m_browser.opened.isEmpty(), 20000);
    QUrl url = m_browser.opened.last();
    url.setQuery(url.query(QUrl::FullyEncoded) + QStringLiteral("&identity=cancel"), QUrl::StrictMode);
    QNetworkReply* reply = m_nam->get(QNetworkRequest(url));
    connect(reply, &QNetworkReply::finished, reply, &QObject::deleteLater);
    QTRY_COMPARE_WITH_TIMEOUT(failed.size(), 2, 20000);
    QCOMPARE(failed.last().first().value<Error>().code, QStringLiteral("auth.cancelled"));

    m_flow->setTimeoutMs(300);
    m_flow->start();
    QTRY_COMPARE_WITH_TIMEOUT(failed.size(), 3, 20000);
    const Error timeout = failed.last().first().value<Error>();
    QCOMPARE(timeout.code, QStringLiteral("auth.timeout"));
    QVERIFY(!timeout.message.isEmpty());
    QCOMPARE(m_flow->state(), LoginFlow::State::Failed);
    QVERIFY(!m_session->isLoggedIn());
}

void TestServerIntegration::employeeLifecycle()
{
    QVERIFY(login());
    const QString structure = QStringLiteral("FAR001");
    const QString cf = QStringLiteral("RSSMRA85T10A562S");
    const QString service = QStringLiteral("voucher-secondogeniti");
    auto added = wait<Employee>([&](auto done) {
        m_api->addEmployee(structure, cf, QStringLiteral("Mario"), QStringLiteral("Rossi"), this, done);
    });
    QVERIFY2(added.ok() || added.error().code == QLatin1String("employee.exists"),
             qPrintable(added.ok() ? QString() : added.error().detail));
    auto again = wait<Employee>([&](auto done) {
        m_api->addEmployee(structure, cf, QStringLiteral("Mario"), QStringLiteral("Rossi"), this, done);
    });
    QVERIFY(!again.ok());
    QCOMPARE(again.error().code, QStringLiteral("employee.exists"));
    auto associated = wait<Employee>([&](auto done) { m_api->associateService(structure, cf, service, this, done); });
    QVERIFY2(associated.ok(), qPrintable(associated.ok() ? QString() : associated.error().detail));
    QVERIFY(associated->services.contains(service));
    auto removed = wait<Employee>([&](auto done) { m_api->removeService(structure, cf, service, this, done); });
    QVERIFY(removed.ok());
    QVERIFY(!removed->services.contains(service));
    auto disabled = wait<Employee>([&](auto done) { m_api->disableEmployee(structure, cf, this, done); });
    QVERIFY(disabled.ok());
    QVERIFY(!disabled->enabled);
    auto enabled = wait<Employee>([&](auto done) { m_api->enableEmployee(structure, cf, this, done); });
    QVERIFY(enabled.ok());
    QVERIFY(enabled->enabled);
    auto invalid = wait<Employee>([&](auto done) {
        m_api->addEmployee(structure, QStringLiteral("RSSMRA85T10A562X"), QStringLiteral("A"), QStringLiteral("B"),
                           this, done);
    });
    QVERIFY(!invalid.ok());
    QVERIFY(invalid.error().code.startsWith(QLatin1String("cf.")));
    QVERIFY(!invalid.error().message.isEmpty());
}

std::optional<VoucherInfo> TestServerIntegration::activeVoucher(QString* cf)
{
    const QDate today = QDate::currentDate();
    auto page = wait<MovementPage>([&](auto done) {
        m_api->movements(QStringLiteral("FAR001"), MovementFilter {today.addMonths(-3), today, {}, 200}, {}, this,
                         done);
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

void TestServerIntegration::typedOperations()
{
    QVERIFY(login());
    QString cf;
    const auto voucher = activeVoucher(&cf);
    QVERIFY(voucher.has_value());
    auto byCard = wait<Beneficiary>(
        [&](auto done) { m_api->findBeneficiaryByCf(QStringLiteral("FAR001"), cf.toLower(), this, done); });
    QVERIFY(byCard.ok());
    auto v = wait<VoucherInfo>(
        [&](auto done) { m_api->voucher(QStringLiteral("FAR001"), voucher->voucher.id, this, done); });
    QVERIFY(v.ok());
    QCOMPARE(v->voucher.number, voucher->voucher.number);
    auto tx = wait<QList<ApiMovement>>(
        [&](auto done) { m_api->transactions(QStringLiteral("FAR001"), voucher->voucher.id, this, done); });
    QVERIFY(tx.ok());
    auto staff = wait<QList<Employee>>([&](auto done) { m_api->employees(QStringLiteral("FAR001"), this, done); });
    QVERIFY2(staff.ok(), qPrintable(staff.ok() ? QString() : staff.error().detail));
    QVERIFY(!staff->isEmpty());
    auto missing = wait<Beneficiary>([&](auto done) {
        m_api->findBeneficiaryByCf(QStringLiteral("FAR001"), QStringLiteral("RSSMRA85T10A562S"), this, done);
    });
    QVERIFY(!missing.ok());
    QVERIFY(!missing.error().message.isEmpty());
    auto forbidden = wait<VoucherInfo>(
        [&](auto done) { m_api->voucher(QStringLiteral("NOPE01"), QStringLiteral("1"), this, done); });
    QVERIFY(!forbidden.ok());
    QCOMPARE(ApiErrors::httpStatus(forbidden.error()), std::optional<int>(404));
}

void TestServerIntegration::refreshLogoutAndNoTokenOnDisk()
{
    // Only files written after this point can hold the tokens of this test.
    const QDateTime testStart = QDateTime::currentDateTimeUtc().addSecs(-2);
    QVERIFY(login());
    QList<QByteArray> markers {m_session->accessToken()};
    // Server clock 20 minutes ahead: the access token (15 min) expired, the client refreshes by itself.
    QVERIFY(m_server.setClock(QDateTime::currentDateTimeUtc().addSecs(20 * 60)));
    auto me = wait<OperatorProfile>([&](auto done) { m_api->me(this, done); });
    QVERIFY(m_server.resetClock());
    QVERIFY2(me.ok(), qPrintable(me.ok() ? QString() : me.error().detail));
    QVERIFY(m_session->accessToken() != markers.first());
    markers << m_session->accessToken();
    // Three calls hit an expired token at once: one refresh (refresh tokens rotate, a second refresh
    // with the old one would fail), every call retried once and answered.
    QVERIFY(m_server.setClock(QDateTime::currentDateTimeUtc().addSecs(40 * 60)));
    int answered = 0;
    for (int i = 0; i < 3; ++i)
        m_api->me(this, [&answered](Result<OperatorProfile> r) { answered += r.ok() ? 1 : 100; });
    QTRY_VERIFY_WITH_TIMEOUT(answered >= 3, 30000);
    QVERIFY(m_server.resetClock());
    QCOMPARE(answered, 3);
    markers << m_session->accessToken();
    // A new start: the refresh token saved in the keychain logs in silently.
    {
        Session restored(m_api.get(), m_store.get());
        restored.setServerInfo(m_session->serverInfo());
        auto r = wait<void>([&](auto done) { restored.restore(this, done); });
        QVERIFY2(r.ok(), qPrintable(r.ok() ? QString() : r.error().detail));
        QVERIFY(restored.isLoggedIn());
        markers << restored.accessToken();
        // The restore rotated the refresh token: hand the new one back to the main session.
        auto stored = wait<QByteArray>(
            [&](auto done) { m_store->read(QString::fromLatin1(Session::refreshTokenKey), this, done); });
        QVERIFY(stored.ok());
        markers << stored.value();
        TokenResponse t {restored.accessToken(), stored.value(), 900};
        m_session->setTokens(t);
    }
    // Logout: revoked at the server, deleted from the keychain.
    auto out = wait<void>([&](auto done) { m_session->logout(this, done); });
    QVERIFY2(out.ok(), qPrintable(out.ok() ? QString() : out.error().detail));
    QVERIFY(!m_session->isLoggedIn());
    auto stored = wait<QByteArray>(
        [&](auto done) { m_store->read(QString::fromLatin1(Session::refreshTokenKey), this, done); });
    QVERIFY(!stored.ok());
    QCOMPARE(stored.error().code, QStringLiteral("keychain.not_found"));
    auto after = wait<OperatorProfile>([&](auto done) { m_api->me(this, done); });
    QVERIFY(!after.ok());

    // No token anywhere on the client's disk: home, XDG dirs, app dirs, temp (the server's own
    // database folder excluded: it is not the client).
    const QString serverDir = QFileInfo(m_server.databaseLocation()).absolutePath();
    QStringList roots {QDir::homePath(), QDir::tempPath()};
    for (const auto loc :
         {QStandardPaths::AppLocalDataLocation, QStandardPaths::AppConfigLocation, QStandardPaths::GenericDataLocation,
          QStandardPaths::GenericConfigLocation, QStandardPaths::CacheLocation})
        roots << QStandardPaths::writableLocation(loc);
    auto filesHolding = [&](const QList<QByteArray>& needles) {
        QStringList hits;
        for (const QString& root : roots) {
            QDirIterator it(root, QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
            while (it.hasNext()) {
                const QString path = it.next();
                if ((!serverDir.isEmpty() && path.startsWith(serverDir)) || path.contains(QLatin1String("/.git/"))
                    || path.contains(QLatin1String("/build")) || it.fileInfo().lastModified().toUTC() < testStart)
                    continue;
                QFile f(path);
                if (f.size() > 20 * 1024 * 1024 || !f.open(QIODevice::ReadOnly))
                    continue;
                const QByteArray data = f.readAll();
                for (const QByteArray& n : needles)
                    if (data.contains(n))
                        hits << path;
            }
        }
        return hits;
    };
    // Positive control: the scan does find a token written to a temporary file.
    {
        QTemporaryFile probe(QDir::tempPath() + QStringLiteral("/sinfonia-probe-XXXXXX"));
        QVERIFY(probe.open());
        probe.write("x" + markers.first() + "x");
        probe.flush();
        const QString probePath = probe.fileName(); // gives the O_TMPFILE file its name
        QVERIFY(filesHolding({markers.first()}).contains(probePath));
    }
    const QStringList leaks = filesHolding(markers);
    QVERIFY2(leaks.isEmpty(), qPrintable(leaks.join(QLatin1Char(' '))));
}

int TestServerIntegration::countMovements(const QString& voucherId, qint64 cents)
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

void TestServerIntegration::droppedAnswerReconciledOnce()
{
    QVERIFY(login());
    QString cf;
    const auto voucher = activeVoucher(&cf);
    QVERIFY(voucher.has_value());
    const qint64 cents = 1000 + QDateTime::currentMSecsSinceEpoch() % 997; // unique in this run
    const int before = countMovements(voucher->voucher.id, cents);

    test::FaultProxy proxy(m_server.port());
    QVERIFY(proxy.isListening());
    ApiClient viaProxy(m_nam.get(), QUrl(QStringLiteral("http://127.0.0.1:%1").arg(proxy.serverPort())));
    viaProxy.setTokenProvider(m_session.get());
    viaProxy.setTimeoutMs(10000);
    QTemporaryDir dir;
    OperationJournal journal;
    QVERIFY(journal.open(dir.filePath(QStringLiteral("journal.sqlite"))).ok());
    OperationRunner runner(&viaProxy, &journal);

    proxy.setDropResponses(true);
    const ReceiptFile receipt {"image/png", QByteArray("\x89PNG\r\n\x1a\n", 8) + QByteArray(200, 'x')};
    auto first = wait<MovementWithChallenge>([&](auto done) {
        runner.purchase(QStringLiteral("FAR001"), voucher->voucher.id, Money::fromCents(cents), {}, receipt, this,
                        done);
    });
    QVERIFY(!first.ok()); // the clerk saw no confirmation...
    QVERIFY(proxy.droppedResponses() >= 1);
    const auto open = journal.unresolved();
    QCOMPARE(open.size(), 1);
    QCOMPARE(open.first().state, JournalEntry::State::Unknown);
    QCOMPARE(countMovements(voucher->voucher.id, cents), before + 1); // ...but the server committed once

    // Next start: a new journal object on the same file, the network is back.
    proxy.setDropResponses(false);
    OperationJournal reopened;
    QVERIFY(reopened.open(dir.filePath(QStringLiteral("journal.sqlite"))).ok());
    OperationRunner again(&viaProxy, &reopened);
    QSignalSpy done(&again, &OperationRunner::reconcileFinished);
    QSignalSpy resolved(&again, &OperationRunner::resolved);
    again.reconcile();
    QVERIFY(done.wait(30000));
    QCOMPARE(done.first().at(0).toInt(), 1);
    QCOMPARE(resolved.size(), 1);
    QVERIFY(resolved.first().at(1).toBool());
    QVERIFY(resolved.first().at(2).toString().endsWith(QStringLiteral("registrato")));
    QVERIFY(reopened.unresolved().isEmpty());
    QCOMPARE(countMovements(voucher->voucher.id, cents), before + 1); // never debited twice
    QVERIFY(!reopened.entry(open.first().idempotencyKey)->movementId.isEmpty());
}

void TestServerIntegration::purchaseOtpReceiptAndCancellation()
{
    QVERIFY(login());
    QString cf;
    const auto voucher = activeVoucher(&cf);
    QVERIFY(voucher.has_value());
    QTemporaryDir dir;
    OperationJournal journal;
    QVERIFY(journal.open(dir.filePath(QStringLiteral("j.sqlite"))).ok());
    OperationRunner runner(m_api.get(), &journal);
    const QByteArray png = QByteArray("\x89PNG\r\n\x1a\n", 8) + QByteArray(300, 'z');
    auto created = wait<MovementWithChallenge>([&](auto done) {
        runner.purchase(QStringLiteral("FAR001"), voucher->voucher.id, Money::fromCents(321), QStringLiteral("DOC-1"),
                        ReceiptFile {"image/png", png}, this, done);
    });
    QVERIFY2(created.ok(), qPrintable(created.ok() ? QString() : created.error().detail));
    const QString purchaseId = created->movement.movement.id;
    QCOMPARE(created->movement.movement.state, MovementState::InAttesa);
    QVERIFY(created->otp.attemptsLeft > 0);

    // A wrong code first: Italian message and attempts left from the server.
    auto wrong = wait<VerifyResult>([&](auto done) {
        m_api->verifyOtp(QStringLiteral("FAR001"), purchaseId, QStringLiteral("000000"), this, done);
    });
    const QString otp = m_server.latestOtpForMovement(purchaseId);
    QVERIFY(!otp.isEmpty());
    if (otp != QLatin1String("000000")) {
        QVERIFY(!wrong.ok());
        QCOMPARE(wrong.error().code, QStringLiteral("otp.invalid"));
        QVERIFY(ApiErrors::attemptsLeft(wrong.error()).has_value());
    }
    auto verified = wait<VerifyResult>(
        [&](auto done) { m_api->verifyOtp(QStringLiteral("FAR001"), purchaseId, otp, this, done); });
    QVERIFY2(verified.ok(), qPrintable(verified.ok() ? QString() : verified.error().detail));
    QCOMPARE(verified->movement.movement.state, MovementState::Confermato);
    QCOMPARE(verified->voucher.voucher.id, voucher->voucher.id);

    auto receipt
        = wait<ReceiptFile>([&](auto done) { m_api->receipt(QStringLiteral("FAR001"), purchaseId, this, done); });
    QVERIFY2(receipt.ok(), qPrintable(receipt.ok() ? QString() : receipt.error().detail));
    QCOMPARE(receipt->bytes, png);

    // Same-day cancellation of part of it, through the journal, confirmed with its OTP.
    auto cancel = wait<MovementWithChallenge>([&](auto done) {
        runner.cancellation(QStringLiteral("FAR001"), voucher->voucher.id, purchaseId, Money::fromCents(100), this,
                            done);
    });
    QVERIFY2(cancel.ok(), qPrintable(cancel.ok() ? QString() : cancel.error().detail));
    QCOMPARE(cancel->movement.movement.type, MovementType::Cancellazione);
    const QString cancelOtp = m_server.latestOtpForMovement(cancel->movement.movement.id);
    auto credited = wait<VerifyResult>([&](auto done) {
        m_api->verifyOtp(QStringLiteral("FAR001"), cancel->movement.movement.id, cancelOtp, this, done);
    });
    QVERIFY2(credited.ok(), qPrintable(credited.ok() ? QString() : credited.error().detail));
    QCOMPARE(credited->voucher.voucher.availableAmount().cents(),
             verified->voucher.voucher.availableAmount().cents() + 100);
    QCOMPARE(journal.recent().size(), 2);
    QVERIFY(journal.unresolved().isEmpty());
}

void TestServerIntegration::intentSavedButNeverSentIsReplayed()
{
    QVERIFY(login());
    QString cf;
    const auto voucher = activeVoucher(&cf);
    QVERIFY(voucher.has_value());
    const qint64 cents = 2000 + QDateTime::currentMSecsSinceEpoch() % 997;
    const int before = countMovements(voucher->voucher.id, cents);
    auto me = wait<OperatorProfile>([&](auto done) { m_api->me(this, done); });
    QVERIFY(me.ok());
    const QString operatorId = me->id;
    QTemporaryDir dir;
    const QByteArray key = ApiClient::newIdempotencyKey();
    {
        // The process died right after writing the intent.
        OperationJournal journal;
        QVERIFY(journal.open(dir.filePath(QStringLiteral("j.sqlite"))).ok());
        const ReceiptFile receipt {"image/png", QByteArray("\x89PNG\r\n\x1a\n", 8) + QByteArray(100, 'y')};
        const ApiCall call = ApiClient::purchaseCall(QStringLiteral("FAR001"), voucher->voucher.id,
                                                     Money::fromCents(cents), {}, receipt, key);
        JournalEntry e;
        e.idempotencyKey = QString::fromLatin1(key);
        e.operatorId = operatorId;
        e.structureId = QStringLiteral("FAR001");
        e.voucherId = voucher->voucher.id;
        e.amount = Money::fromCents(cents);
        e.method = call.method;
        e.path = call.path;
        e.contentType = call.contentType;
        e.body = call.body;
        QVERIFY(journal.record(e).ok());
    }
    OperationJournal journal;
    QVERIFY(journal.open(dir.filePath(QStringLiteral("j.sqlite"))).ok());
    OperationRunner runner(m_api.get(), &journal);
    QSignalSpy done(&runner, &OperationRunner::reconcileFinished);
    // Another operator on this PC never replays it (at the server it would be a new purchase).
    runner.setOperatorId(QStringLiteral("someone-else"));
    runner.reconcile();
    QTRY_COMPARE(done.size(), 1);
    QCOMPARE(journal.unresolved().size(), 1);
    QCOMPARE(countMovements(voucher->voucher.id, cents), before);
    runner.setOperatorId(operatorId);
    runner.reconcile();
    QTRY_COMPARE_WITH_TIMEOUT(done.size(), 2, 30000);
    runner.reconcile(); // a third pass finds nothing to do
    QCOMPARE(countMovements(voucher->voucher.id, cents), before + 1);
    QCOMPARE(journal.entry(QString::fromLatin1(key))->state, JournalEntry::State::Confirmed);
}

void TestServerIntegration::cacheSyncAndCorruptRebuild()
{
    QVERIFY(login());
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("movements.sqlite"));
    const QByteArray key = CfHasher::generateKey();
    const QDate today = QDate::currentDate();
    int synced = 0;
    {
        MovementCache cache;
        QSignalSpy opened(&cache, &MovementCache::opened);
        cache.open(path, key);
        QVERIFY(opened.wait(10000));
        QSignalSpy finished(&cache, &MovementCache::syncFinished);
        QSignalSpy failed(&cache, &MovementCache::syncFailed);
        cache.sync(m_api.get(), QStringLiteral("FAR001"), today.addMonths(-3), today);
        QVERIFY(QTest::qWaitFor([&] { return !finished.isEmpty() || !failed.isEmpty(); }, 60000));
        QVERIFY2(failed.isEmpty(),
                 qPrintable(failed.isEmpty() ? QString() : failed.first().at(1).value<Error>().detail));
        synced = finished.first().at(1).toInt();
        QVERIFY(synced > 0);
    }
    {
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
        f.write(QByteArray(8192, '\x13'));
    }
    MovementCache cache;
    QSignalSpy opened(&cache, &MovementCache::opened);
    cache.open(path, key);
    QVERIFY(opened.wait(10000));
    QVERIFY(opened.first().at(0).toBool());
    QVERIFY(opened.first().at(1).toBool()); // set aside, rebuilt
    QSignalSpy finished(&cache, &MovementCache::syncFinished);
    cache.sync(m_api.get(), QStringLiteral("FAR001"), today.addMonths(-3), today);
    QVERIFY(finished.wait(60000));
    std::optional<Result<MovementRows>> rows;
    cache.query(QStringLiteral("FAR001"), today.addMonths(-3), today, QString(), this,
                [&](Result<MovementRows> r) { rows = std::move(r); });
    QTRY_VERIFY(rows.has_value());
    QVERIFY(rows->ok());
    QVERIFY(rows->value().rows.size() >= synced); // the purchases of other tests may add rows
    QVERIFY(rows->value().lastSyncAt.isValid());
}

int main(int argc, char** argv)
{
    QGuiApplication app(argc, argv); // QDesktopServices lives in Gui
    TestServerIntegration t;
    QTEST_SET_MAIN_SOURCE_PATH
    return QTest::qExec(&t, argc, argv);
}

#include "tst_server.moc"
