#include "ui/OperatorSession.h"

#include <QCryptographicHash>
#include <QSettings>

namespace sinfonia {

namespace {
// The settings key must not reveal the operator's codice fiscale: use a hash of the id.
QString lastStructureKey(const QString& operatorId)
{
    const QByteArray hash = QCryptographicHash::hash(operatorId.toUtf8(), QCryptographicHash::Sha256).toHex().left(16);
    return QStringLiteral("session/lastStructure/") + QString::fromLatin1(hash);
}
} // namespace

void OperatorSession::setProfile(const OperatorProfile& profile)
{
    m_profile = profile;
    m_structureId.clear();
    emit changed();
}

void OperatorSession::clear()
{
    m_profile.reset();
    m_structureId.clear();
    emit changed();
}

QList<OperatorStructure> OperatorSession::structures() const
{
    return m_profile ? m_profile->structures : QList<OperatorStructure> {};
}

bool OperatorSession::selectStructure(const QString& structureId)
{
    if (!m_profile)
        return false;
    for (const OperatorStructure& s : m_profile->structures) {
        if (s.id == structureId) {
            m_structureId = structureId;
            QSettings().setValue(lastStructureKey(m_profile->id), structureId);
            emit changed();
            return true;
        }
    }
    return false;
}

std::optional<OperatorStructure> OperatorSession::structure() const
{
    for (const OperatorStructure& s : structures()) {
        if (s.id == m_structureId)
            return s;
    }
    return std::nullopt;
}

bool OperatorSession::isTitolare() const
{
    const auto s = structure();
    return s && s->role == OperatorRole::Titolare;
}

QString OperatorSession::operatorName() const
{
    if (!m_profile)
        return {};
    if (!m_profile->displayName.isEmpty())
        return m_profile->displayName;
    return m_profile->givenName + QLatin1Char(' ') + m_profile->familyName;
}

QString OperatorSession::lastStructureId() const
{
    return m_profile ? QSettings().value(lastStructureKey(m_profile->id)).toString() : QString();
}

} // namespace sinfonia
