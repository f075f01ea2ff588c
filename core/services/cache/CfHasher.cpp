#include "core/services/cache/CfHasher.h"

#include "core/domain/CodiceFiscale.h"
#include "core/services/auth/TokenStore.h"

#include <QMessageAuthenticationCode>
#include <QRandomGenerator>

namespace sinfonia {

CfHasher::CfHasher(QByteArray key)
    : m_key(std::move(key))
{
}

QByteArray CfHasher::generateKey()
{
    QByteArray key(32, Qt::Uninitialized);
    QRandomGenerator::system()->generate(key.begin(), key.end());
    return key;
}

void CfHasher::loadOrCreateKey(TokenStore* store, QObject* context,
                               std::function<void(QByteArray key, bool persistent)> done)
{
    const QString name = QString::fromLatin1(keychainKey);
    store->read(name, context, [store, context, name, done](const Result<QByteArray>& r) {
        if (r.ok() && r.value().size() >= 32) {
            done(r.value(), true);
            return;
        }
        const QByteArray key = generateKey();
        if (!r.ok() && r.error().code == QLatin1String("keychain.unavailable")) {
            done(key, false);
            return;
        }
        store->write(name, key, context, [key, done](const Result<void>& w) { done(key, w.ok()); });
    });
}

void CfHasher::setKey(QByteArray key)
{
    m_key = std::move(key);
    m_memo.clear();
}

QByteArray CfHasher::hash(const QString& codiceFiscale)
{
    if (codiceFiscale.isEmpty() || m_key.isEmpty())
        return {};
    const auto it = m_memo.constFind(codiceFiscale);
    if (it != m_memo.constEnd())
        return *it;
    const QString normalized = CodiceFiscale::normalize(codiceFiscale);
    QByteArray h
        = QMessageAuthenticationCode::hash(normalized.toUtf8(), m_key, QCryptographicHash::Sha256).left(8).toHex();
    if (m_memo.size() > 100000)
        m_memo.clear();
    m_memo.insert(codiceFiscale, h);
    return h;
}

} // namespace sinfonia
