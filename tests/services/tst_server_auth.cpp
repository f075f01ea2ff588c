// Login and session against a REAL sinfonia-server on loopback: sandbox login through the loopback
// redirect (browser intercepted with QDesktopServices::setUrlHandler), identities, cancel / denied /
// timeout, transparent and concurrent refresh, restore from the keychain, logout with revoke, the
// marker-token disk scan (T8), and the titolare's employee operations.
#include "ServerTestBase.h"
#include "core/services/cache/CfHasher.h"
#include "core/services/cache/MovementCache.h"
#include "core/services/journal/OperationJournal.h"
#include "core/services/journal/OperationRunner.h"
#include "core/services/net/ApiErrors.h"

#include <QDirIterator>
#include <QGuiApplication>
#include <QNetworkReply>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTemporaryFile>
#include <QTest>
#include <QUrlQuery>

using namespace sinfonia;
using namespace sinfonia::test;

class TestServerAuth : public ServerTestBase
{
    Q_OBJECT
private Q_SLOTS:
    void loginThroughLoopbackRedirect();
    void sandboxIdentitiesAndDirectLogin();
    void cancelDeniedAndTimeout();
    void refusedLoginEndsTheWaitWithItsReason();
    void wrongStateOnTheLoopbackPortIsIgnored();
    void refreshLogoutAndNoTokenOnDisk();
    void employeeLifecycle();
};

void TestServerAuth::loginThroughLoopbackRedirect()
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

void TestServerAuth::sandboxIdentitiesAndDirectLogin()
{
    QSignalSpy ready(m_flow, &LoginFlow::sandboxIdentitiesReady);
    m_flow->discover();
    QVERIFY(ready.wait(20000));
    QVERIFY(m_flow->isSandbox());
    QStringList ids;
    for (const auto& i : m_flow->sandboxIdentities())
        ids << i.id;
    QVERIFY(ids.contains(QStringLiteral("titolare-avellino")));
    QSignalSpy ok(m_flow, &LoginFlow::succeeded);
    m_flow->startSandbox(QStringLiteral("dipendente-avellino"));
    QVERIFY(ok.wait(20000));
    QVERIFY(m_browser.opened.isEmpty()); // no browser needed
    auto me = wait<OperatorProfile>([&](auto done) { m_api->me(this, done); });
    QVERIFY(me.ok());
}

void TestServerAuth::cancelDeniedAndTimeout()
{
    QSignalSpy failed(m_flow, &LoginFlow::failed);
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

void TestServerAuth::refusedLoginEndsTheWaitWithItsReason()
{
    // The server's SPID callback refused the login (tst_oidc: the page links back with the reason):
    // the browser follows it to our loopback, and the application stops waiting and says why.
    const struct
    {
        const char* reason;
        const char* error;
        const char* code;
        const char* words;
    } cases[] = {
        {"operator_not_enabled", "access_denied", "auth.not_enabled", "non è abilitato"},
        {"identity_refused", "access_denied", "auth.identity_refused", "livello SPID 2"},
        {"provider_refused", "access_denied", "auth.denied", "servizio di identità"},
        {"provider_unreachable", "temporarily_unavailable", "auth.provider_unreachable", "non risponde"},
        {"server_error", "server_error", "auth.denied", "Accesso non riuscito"},
    };
    QSignalSpy failed(m_flow, &LoginFlow::failed);
    for (const auto& c : cases) {
        m_browser.opened.clear();
        m_flow->start();
        QTRY_VERIFY_WITH_TIMEOUT(!m_browser.opened.isEmpty(), 20000);
        const QUrlQuery aq(m_browser.opened.last());
        QUrl back(aq.queryItemValue(QStringLiteral("redirect_uri"), QUrl::FullyDecoded));
        QUrlQuery q;
        q.addQueryItem(QStringLiteral("error"), QString::fromLatin1(c.error));
        q.addQueryItem(QStringLiteral("error_description"), QString::fromLatin1(c.reason));
        q.addQueryItem(QStringLiteral("state"), aq.queryItemValue(QStringLiteral("state"), QUrl::FullyDecoded));
        back.setQuery(q);
        const int before = int(failed.size());
        QNetworkReply* reply = m_nam->get(QNetworkRequest(back));
        QTRY_VERIFY_WITH_TIMEOUT(reply->isFinished(), 20000);
        QVERIFY(reply->readAll().contains("Accesso non riuscito"));
        reply->deleteLater();
        QTRY_COMPARE_WITH_TIMEOUT(int(failed.size()), before + 1, 20000);
        const Error e = failed.last().first().value<Error>();
        QCOMPARE(e.code, QString::fromLatin1(c.code));
        QVERIFY2(e.message.contains(QString::fromUtf8(c.words)), qPrintable(e.message));
        QCOMPARE(m_flow->state(), LoginFlow::State::Failed);
    }
    QVERIFY(!m_session->isLoggedIn());
}

void TestServerAuth::wrongStateOnTheLoopbackPortIsIgnored()
{
    QSignalSpy ok(m_flow, &LoginFlow::succeeded);
    QSignalSpy failed(m_flow, &LoginFlow::failed);
    m_flow->start();
    QTRY_VERIFY_WITH_TIMEOUT(!m_browser.opened.isEmpty(), 20000);
    const QUrl authorize = m_browser.opened.last();
    const QUrlQuery aq(authorize);
    const QUrl redirect(aq.queryItemValue(QStringLiteral("redirect_uri"), QUrl::FullyDecoded));
    QVERIFY(redirect.isValid() && redirect.port() > 0);

    // Something on this machine calls the loopback port with its own code: wrong state, no state.
    for (const QString& query : {QStringLiteral("code=forged&state=not-ours"), QStringLiteral("code=forged")}) {
        QUrl forged = redirect;
        forged.setQuery(query);
        QNetworkReply* reply = m_nam->get(QNetworkRequest(forged));
        QTRY_VERIFY_WITH_TIMEOUT(reply->isFinished(), 20000);
        QCOMPARE(reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), 400);
        reply->deleteLater();
        QCOMPARE(failed.size(), 0);
        QCOMPARE(m_flow->state(), LoginFlow::State::WaitingForBrowser);
    }

    // The real browser then completes the login as usual.
    QUrl url = authorize;
    url.setQuery(url.query(QUrl::FullyEncoded) + QStringLiteral("&identity=titolare-avellino"), QUrl::StrictMode);
    QNetworkReply* reply = m_nam->get(QNetworkRequest(url));
    connect(reply, &QNetworkReply::finished, reply, &QObject::deleteLater);
    QTRY_COMPARE_WITH_TIMEOUT(ok.size(), 1, 20000);
    QCOMPARE(failed.size(), 0);
    QVERIFY(m_session->isLoggedIn());
}

void TestServerAuth::refreshLogoutAndNoTokenOnDisk()
{
    // Only files written after this point can hold the tokens of this test. The point is a file's
    // own modification time, so the comparison stays on the file system's clock even when the
    // wall clock of the process is faked.
    QDateTime testStart;
    {
        QTemporaryFile stamp(QDir::tempPath() + QStringLiteral("/sinfonia-start-XXXXXX"));
        QVERIFY(stamp.open());
        stamp.write("t");
        stamp.flush();
        testStart = QFileInfo(stamp.fileName()).lastModified().toUTC().addSecs(-2);
    }
    QVERIFY(login());
    QList<QByteArray> markers {m_session->accessToken()};
    // Server clock 20 minutes ahead: the access token (15 min) expired, the client refreshes by itself.
    QVERIFY(m_server.setClock(m_clock.now().addSecs(20 * 60)));
    auto me = wait<OperatorProfile>([&](auto done) { m_api->me(this, done); });
    QVERIFY(m_server.resetClock());
    QVERIFY2(me.ok(), qPrintable(me.ok() ? QString() : me.error().detail));
    QVERIFY(m_session->accessToken() != markers.first());
    markers << m_session->accessToken();
    // Three calls hit an expired token at once: one refresh (refresh tokens rotate, a second refresh
    // with the old one would fail), every call retried once and answered.
    QVERIFY(m_server.setClock(m_clock.now().addSecs(40 * 60)));
    int answered = 0;
    for (int i = 0; i < 3; ++i)
        m_api->me(this, [&answered](Result<OperatorProfile> r) { answered += r.ok() ? 1 : 100; });
    QTRY_VERIFY_WITH_TIMEOUT(answered >= 3, 30000);
    QVERIFY(m_server.resetClock());
    QCOMPARE(answered, 3);
    markers << m_session->accessToken();
    // A new start: the refresh token saved in the keychain logs in silently.
    {
        Session restored(m_api, m_store.get(), m_clock);
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

void TestServerAuth::employeeLifecycle()
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

int main(int argc, char** argv)
{
    QGuiApplication app(argc, argv); // QDesktopServices lives in Gui
    TestServerAuth t;
    QTEST_SET_MAIN_SOURCE_PATH
    return QTest::qExec(&t, argc, argv);
}

#include "tst_server_auth.moc"
