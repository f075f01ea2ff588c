// Quick unlock's PIN: PBKDF2-HMAC-SHA256 against the RFC 7914 vector, >= 100,000 iterations, the
// record in the real OS keychain (gnome-keyring in scripts/test.sh's private D-Bus session) holds
// only salt and hash, five wrong PINs forget it, another operator has none, the format 4–8 digits.
#include "core/services/auth/QuickUnlock.h"
#include "core/services/auth/TokenStore.h"

#include <QElapsedTimer>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>
#include <optional>

using namespace sinfonia;

class TestQuickUnlock : public QObject
{
    Q_OBJECT

    template<typename T>
    std::optional<Result<T>> wait(const std::function<void(std::function<void(Result<T>)>)>& start)
    {
        std::optional<Result<T>> out;
        start([&](Result<T> r) { out = std::move(r); });
        (void)QTest::qWaitFor([&] { return out.has_value(); }, 20000);
        return out;
    }

private Q_SLOTS:
    void pbkdf2Vector()
    {
        // RFC 7914 section 11: PBKDF2-HMAC-SHA256 (P="passwd", S="salt", c=1), first 32 bytes.
        QCOMPARE(QuickUnlock::derive(QStringLiteral("passwd"), "salt", 1).toHex(),
                 QByteArray("55ac046e56e3089fec1691c22544b605f94185216dde0465e68b9d57c20dacbc"));
        QVERIFY(QuickUnlock::iterations >= 100000);
        QElapsedTimer t;
        t.start();
        const QByteArray slow
            = QuickUnlock::derive(QStringLiteral("2468"), "0123456789abcdef", QuickUnlock::iterations);
        qInfo("PBKDF2 %d iterations: %lld ms", QuickUnlock::iterations, qint64(t.elapsed()));
        QCOMPARE(slow.size(), 32);
        QVERIFY(slow != QuickUnlock::derive(QStringLiteral("2469"), "0123456789abcdef", QuickUnlock::iterations));
    }

    void pinFormat()
    {
        for (const char* ok : {"1234", "00000000", "2468135"})
            QVERIFY2(QuickUnlock::isWellFormed(QString::fromLatin1(ok)), ok);
        for (const char* bad : {"", "123", "123456789", "12a4", " 1234", "١٢٣٤"})
            QVERIFY2(!QuickUnlock::isWellFormed(QString::fromUtf8(bad)), bad);
        MemoryTokenStore store;
        QuickUnlock quick(store);
        auto r = wait<void>([&](auto done) { quick.setPin(QStringLiteral("op-1"), QStringLiteral("12"), this, done); });
        QVERIFY(r && !r->ok());
        QCOMPARE(r->error().code, QStringLiteral("quickunlock.pin_format"));
        QVERIFY(!store.contains(QString::fromLatin1(QuickUnlock::keychainKey)));
    }

    // In the real keychain: only salt and hash, never the PIN or the operator id in clear.
    void keychainHoldsOnlyTheHash()
    {
        if (qEnvironmentVariableIsEmpty("DBUS_SESSION_BUS_ADDRESS"))
            QSKIP("needs a D-Bus session with an unlocked gnome-keyring (run through scripts/test.sh)");
        KeychainTokenStore store(QStringLiteral("sinfonia-banco-test-%1").arg(QCoreApplication::applicationPid()));
        QuickUnlock quick(store);
        const QString op = QStringLiteral("ESPGPP70C15A509X");
        auto set = wait<void>([&](auto done) { quick.setPin(op, QStringLiteral("97531864"), this, done); });
        QVERIFY2(set && set->ok(), set ? qPrintable(set->error().message) : "timeout");
        QVERIFY(quick.hasPin(op));
        QVERIFY(!quick.hasPin(QStringLiteral("another")));

        auto raw = wait<QByteArray>(
            [&](auto done) { store.read(QString::fromLatin1(QuickUnlock::keychainKey), this, done); });
        QVERIFY(raw && raw->ok());
        QVERIFY(!raw->value().contains("97531864"));
        QVERIFY(!raw->value().contains(op.toLatin1()));
        const QJsonObject record = QJsonDocument::fromJson(raw->value()).object();
        QCOMPARE(record.value(QStringLiteral("kdf")).toString(), QStringLiteral("pbkdf2-hmac-sha256"));
        QVERIFY(record.value(QStringLiteral("iterations")).toInt() >= 100000);
        QCOMPARE(QByteArray::fromBase64(record.value(QStringLiteral("salt")).toString().toLatin1()).size(), 16);
        QCOMPARE(QByteArray::fromBase64(record.value(QStringLiteral("hash")).toString().toLatin1()).size(), 32);

        auto good = wait<void>([&](auto done) { quick.verify(op, QStringLiteral("97531864"), this, done); });
        QVERIFY(good && good->ok());
        auto other = wait<void>(
            [&](auto done) { quick.verify(QStringLiteral("another"), QStringLiteral("97531864"), this, done); });
        QVERIFY(other && !other->ok());
        QCOMPARE(other->error().code, QStringLiteral("quickunlock.no_pin"));

        quick.forget();
        QVERIFY(!quick.hasPin(op));
        QTRY_VERIFY_WITH_TIMEOUT(
            [&] {
                auto gone = wait<QByteArray>(
                    [&](auto done) { store.read(QString::fromLatin1(QuickUnlock::keychainKey), this, done); });
                return gone && !gone->ok() && gone->error().code == QStringLiteral("keychain.not_found");
            }(),
            10000);
    }

    // Four wrong PINs say how many are left; the fifth forgets the PIN: only SPID unlocks.
    void fiveWrongPinsForgetIt()
    {
        MemoryTokenStore store;
        QuickUnlock quick(store);
        const QString op = QStringLiteral("op-1");
        auto set = wait<void>([&](auto done) { quick.setPin(op, QStringLiteral("2468"), this, done); });
        QVERIFY(set && set->ok());
        for (int i = 1; i < QuickUnlock::maxAttempts; ++i) {
            auto wrong = wait<void>([&](auto done) { quick.verify(op, QStringLiteral("1357"), this, done); });
            QVERIFY(wrong && !wrong->ok());
            QCOMPARE(wrong->error().code, QStringLiteral("quickunlock.wrong_pin"));
            QVERIFY(wrong->error().message.contains(QString::number(QuickUnlock::maxAttempts - i)));
        }
        auto last = wait<void>([&](auto done) { quick.verify(op, QStringLiteral("0000"), this, done); });
        QVERIFY(last && !last->ok());
        QCOMPARE(last->error().code, QStringLiteral("quickunlock.locked_out"));
        QVERIFY(!quick.hasPin(op));
        QVERIFY(!store.contains(QString::fromLatin1(QuickUnlock::keychainKey)));
        // Even the right PIN no longer unlocks.
        auto right = wait<void>([&](auto done) { quick.verify(op, QStringLiteral("2468"), this, done); });
        QVERIFY(right && !right->ok());
        QCOMPARE(right->error().code, QStringLiteral("quickunlock.no_pin"));
    }

    void policyOffForgets()
    {
        MemoryTokenStore store;
        QuickUnlock quick(store);
        auto set
            = wait<void>([&](auto done) { quick.setPin(QStringLiteral("op"), QStringLiteral("2468"), this, done); });
        QVERIFY(set && set->ok());
        quick.setEnabled(false);
        QVERIFY(!quick.hasPin(QStringLiteral("op")));
        QVERIFY(!store.contains(QString::fromLatin1(QuickUnlock::keychainKey)));
        auto again
            = wait<void>([&](auto done) { quick.setPin(QStringLiteral("op"), QStringLiteral("2468"), this, done); });
        QVERIFY(again && !again->ok());
        QCOMPARE(again->error().code, QStringLiteral("quickunlock.disabled"));
    }
};

QTEST_GUILESS_MAIN(TestQuickUnlock)
#include "tst_quickunlock.moc"
