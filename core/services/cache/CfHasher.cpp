#include "core/services/cache/CfHasher.h"

#include "core/domain/CodiceFiscale.h"

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
    QByteArray h = QMessageAuthenticationCode::hash(normalized.toUtf8(), m_key, QCryptographicHash::Sha256).toHex();
    if (m_memo.size() > 100000)
        m_memo.clear();
    m_memo.insert(codiceFiscale, h);
    return h;
}

} // namespace sinfonia
