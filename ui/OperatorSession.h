#pragma once

#include "core/services/net/ApiTypes.h"

#include <QObject>
#include <optional>

namespace sinfonia {

// Who is at the counter and for which structure: the logged-in operator's profile and the selected
// structure. Cleared on logout/operator switch so nothing of the previous operator remains.
class OperatorSession : public QObject
{
    Q_OBJECT
public:
    using QObject::QObject;

    bool isLoggedIn() const { return m_profile.has_value(); }
    const OperatorProfile& profile() const { return *m_profile; }
    void setProfile(const OperatorProfile& profile);
    void clear();

    // Structures the operator may work on (the server lists only enabled ones).
    QList<OperatorStructure> structures() const;
    bool selectStructure(const QString& structureId);
    QString structureId() const { return m_structureId; }
    std::optional<OperatorStructure> structure() const;
    bool isTitolare() const;
    QString operatorName() const;

    // The structure chosen last time by this operator (QSettings, keyed by operator id).
    QString lastStructureId() const;

signals:
    void changed();

private:
    std::optional<OperatorProfile> m_profile;
    QString m_structureId;
};

} // namespace sinfonia
