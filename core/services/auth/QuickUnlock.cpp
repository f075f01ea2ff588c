#include "core/services/auth/QuickUnlock.h"

#include "core/services/auth/TokenStore.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QJsonDocument>
#include <QJsonObject>
#include <QPasswordDigestor>
#include <QRandomGenerator>
#include <QRegularExpression>

namespace sinfonia {

namespace {

struct Texts
{
    Q_DECLARE_TR_FUNCTIONS(sinfonia::QuickUnlock)
};

QString key()
{
    return QString::fromLatin1(QuickUnlock::keychainKey);
}

// Same time whatever the first differing byte.
bool sameBytes(const QByteArray& a, const QByteArray& b)
{
    if (a.size() != b.size())
        return false;
    unsigned char diff = 0;
    for (qsizetype i = 0; i < a.size(); ++i)
        diff |= static_cast<unsigned char>(a.at(i) ^ b.at(i));
    return diff == 0;
}

} // namespace

QuickUnlock::QuickUnlock(TokenStore& store, QObject* parent)
    : QObject(parent)
    , m_store(store)
{
}

void QuickUnlock::setEnabled(bool enabled)
{
    m_enabled = enabled;
    if (!enabled)
        forget();
}

bool QuickUnlock::isWellFormed(const QString& pin)
{
    static const QRegularExpression digits(QStringLiteral("^[0-9]{%1,%2}$").arg(minDigits).arg(maxDigits));
    return digits.match(pin).hasMatch();
}

QByteArray QuickUnlock::derive(const QString& pin, const QByteArray& salt, int rounds)
{
    return QPasswordDigestor::deriveKeyPbkdf2(QCryptographicHash::Sha256, pin.toUtf8(), salt, rounds, 32);
}

QByteArray QuickUnlock::operatorTag(const QString& operatorId)
{
    // The keychain entry names the operator only by a hash.
    return QCryptographicHash::hash(QByteArray("sinfonia-quick-unlock:" + operatorId.toUtf8()),
                                    QCryptographicHash::Sha256)
        .toHex()
        .left(32);
}

bool QuickUnlock::hasPin(const QString& operatorId) const
{
    return m_enabled && !m_operatorTag.isEmpty() && m_operatorTag == operatorTag(operatorId);
}

void QuickUnlock::setPin(const QString& operatorId, const QString& pin, QObject* context,
                         std::function<void(Result<void>)> done)
{
    if (!m_enabled) {
        done(makeError(QStringLiteral("quickunlock.disabled"),
                       Texts::tr("Lo sblocco con PIN è disattivato dall'amministratore di sistema.")));
        return;
    }
    if (!isWellFormed(pin)) {
        done(makeError(QStringLiteral("quickunlock.pin_format"), Texts::tr("Il PIN deve avere da 4 a 8 cifre.")));
        return;
    }
    QByteArray salt(16, Qt::Uninitialized);
    QRandomGenerator::system()->generate(salt.begin(), salt.end());
    const QJsonObject record {
        {QStringLiteral("v"), 1},
        {QStringLiteral("operator"), QString::fromLatin1(operatorTag(operatorId))},
        {QStringLiteral("kdf"), QStringLiteral("pbkdf2-hmac-sha256")},
        {QStringLiteral("iterations"), iterations},
        {QStringLiteral("salt"), QString::fromLatin1(salt.toBase64())},
        {QStringLiteral("hash"), QString::fromLatin1(derive(pin, salt, iterations).toBase64())},
    };
    const QByteArray tag = operatorTag(operatorId);
    m_store.write(key(), QJsonDocument(record).toJson(QJsonDocument::Compact), context,
                  [this, tag, done = std::move(done)](Result<void> r) {
                      if (r.ok()) {
                          m_operatorTag = tag;
                          m_failures = 0;
                          Q_EMIT changed();
                      }
                      done(r);
                  });
}

void QuickUnlock::verify(const QString& operatorId, const QString& pin, QObject* context,
                         std::function<void(Result<void>)> done)
{
    if (!m_enabled) {
        done(makeError(QStringLiteral("quickunlock.disabled"),
                       Texts::tr("Lo sblocco con PIN è disattivato dall'amministratore di sistema.")));
        return;
    }
    if (!hasPin(operatorId)) {
        done(makeError(QStringLiteral("quickunlock.no_pin"),
                       Texts::tr("Nessun PIN per questo operatore: accedi con SPID.")));
        return;
    }
    const QByteArray tag = operatorTag(operatorId);
    m_store.read(key(), context, [this, tag, pin, done = std::move(done)](Result<QByteArray> r) {
        if (!r.ok()) {
            done(r.error());
            return;
        }
        const QJsonObject record = QJsonDocument::fromJson(r.value()).object();
        const QByteArray salt = QByteArray::fromBase64(record.value(QStringLiteral("salt")).toString().toLatin1());
        const QByteArray stored = QByteArray::fromBase64(record.value(QStringLiteral("hash")).toString().toLatin1());
        const int rounds = record.value(QStringLiteral("iterations")).toInt();
        if (record.value(QStringLiteral("operator")).toString().toLatin1() != tag || salt.isEmpty() || stored.isEmpty()
            || rounds < iterations) {
            forget();
            done(makeError(QStringLiteral("quickunlock.no_pin"),
                           Texts::tr("Nessun PIN per questo operatore: accedi con SPID.")));
            return;
        }
        if (isWellFormed(pin) && sameBytes(derive(pin, salt, rounds), stored)) {
            m_failures = 0;
            done({});
            return;
        }
        ++m_failures;
        if (m_failures >= maxAttempts) {
            forget();
            done(makeError(QStringLiteral("quickunlock.locked_out"),
                           Texts::tr("PIN errato per %1 volte: accedi di nuovo con SPID.").arg(maxAttempts)));
            return;
        }
        done(makeError(QStringLiteral("quickunlock.wrong_pin"),
                       Texts::tr("PIN errato: restano %1 tentativi.").arg(attemptsLeft())));
    });
}

void QuickUnlock::forget()
{
    const bool had = !m_operatorTag.isEmpty();
    m_operatorTag.clear();
    m_failures = 0;
    m_store.remove(key(), this, [](Result<void>) {});
    if (had)
        Q_EMIT changed();
}

} // namespace sinfonia
