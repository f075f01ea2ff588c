// TokenStore over the real OS keychain (gnome-keyring in a private D-Bus session, as scripts/test.sh
// runs it) and the "no keychain" path: nothing saved anywhere, the user is told (T8).
#include "core/domain/Clock.h"
#include "core/services/auth/Session.h"
#include "core/services/auth/TokenStore.h"
#include "core/services/net/ApiClient.h"

#include <QDirIterator>
#include <QNetworkAccessManager>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTest>
#include <optional>

using namespace sinfonia;

class TestKeychain : public QObject
{
    Q_OBJECT
    // Time of the suite: the wall clock, read in Rome like the product does.
    SystemClock m_clock;

private Q_SLOTS:
    void roundTrip();
    void noKeychainNothingOnDisk();

private:
    template<typename T>
    std::optional<Result<T>> wait(const std::function<void(std::function<void(Result<T>)>)>& start)
    {
        std::optional<Result<T>> out;
        start([&](Result<T> r) { out = std::move(r); });
        (void)QTest::qWaitFor([&] { return out.has_value(); }, 20000);
        return out;
    }
};

void TestKeychain::roundTrip()
{
    if (qEnvironmentVariableIsEmpty("DBUS_SESSION_BUS_ADDRESS"))
        QSKIP("needs a D-Bus session with an unlocked gnome-keyring (run through scripts/test.sh)");
    KeychainTokenStore store(QStringLiteral("sinfonia-banco-test"));
    const QString key = QStringLiteral("tst-") + QString::number(QCoreApplication::applicationPid());
    const QByteArray secret = "MARKER-KEYCHAIN-5b9c";
    auto w = wait<void>([&](auto done) { store.write(key, secret, this, done); });
    QVERIFY(w && w->ok());
    auto r = wait<QByteArray>([&](auto done) { store.read(key, this, done); });
    QVERIFY(r && r->ok());
    QCOMPARE(r->value(), secret);
    auto d = wait<void>([&](auto done) { store.remove(key, this, done); });
    QVERIFY(d && d->ok());
    auto gone = wait<QByteArray>([&](auto done) { store.read(key, this, done); });
    QVERIFY(gone && !gone->ok());
    QCOMPARE(gone->error().code, QStringLiteral("keychain.not_found"));
}

void TestKeychain::noKeychainNothingOnDisk()
{
    QStandardPaths::setTestModeEnabled(true);
    MemoryTokenStore store;
    store.setAvailable(false);
    QNetworkAccessManager nam;
    ApiClient api(&nam, QUrl(QStringLiteral("http://127.0.0.1:9")));
    Session session(&api, &store, m_clock);
    QSignalSpy unavailable(&session, &Session::keychainUnavailable);
    QSignalSpy loggedIn(&session, &Session::loggedIn);
    TokenResponse t;
    t.accessToken = "MARKER-ACCESS-NOKEYCHAIN";
    t.refreshToken = "MARKER-REFRESH-NOKEYCHAIN";
    t.expiresIn = 900;
    session.setTokens(t);
    QCOMPARE(loggedIn.size(), 1);
    QVERIFY(unavailable.wait(5000));
    const auto error = unavailable.first().first().value<Error>();
    QCOMPARE(error.code, QStringLiteral("keychain.unavailable"));
    QVERIFY(error.message.contains(QStringLiteral("nulla è salvato sul disco")));
    QCOMPARE(session.keychainState(), Session::KeychainState::Unavailable);
    QVERIFY(session.isLoggedIn()); // still usable for this run
    for (const auto loc : {QStandardPaths::AppLocalDataLocation, QStandardPaths::AppConfigLocation,
                           QStandardPaths::GenericConfigLocation, QStandardPaths::TempLocation}) {
        QDirIterator it(QStandardPaths::writableLocation(loc), QDir::Files, QDirIterator::Subdirectories);
        while (it.hasNext()) {
            QFile f(it.next());
            if (f.size() < 50 * 1024 * 1024 && f.open(QIODevice::ReadOnly))
                QVERIFY2(!f.readAll().contains("MARKER-REFRESH-NOKEYCHAIN"), qPrintable(f.fileName()));
        }
    }
}

QTEST_GUILESS_MAIN(TestKeychain)
#include "tst_keychain.moc"
