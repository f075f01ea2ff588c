#include "core/services/settings/AppSettings.h"

#include <QCoreApplication>
#include <QUrl>

namespace sinfonia {

namespace {

struct KeyDefault
{
    const char* key;
    QVariant value;
};

const QList<KeyDefault>& defaults()
{
    static const QList<KeyDefault> list = {
        {SettingsKeys::serverUrl, QStringLiteral("https://sinfonia.regione.campania.it")},
        {SettingsKeys::identityGateway, QString()}, // empty: the server's /api/v1/info endpoints
        {SettingsKeys::idleLockMinutes, 5},
        {SettingsKeys::scannerBurstMs, 40}, // scanners type < 30 ms a key, fast humans > 60 ms
        {SettingsKeys::scannerPrefix, QString()},
        {SettingsKeys::scannerSuffix, QString()},
        {SettingsKeys::scannerSerialPort, QString()},
        {SettingsKeys::scannerBaud, 9600},
        {SettingsKeys::cameraId, QString()},
        {SettingsKeys::language, QString()}, // empty: the system locale
        {SettingsKeys::cacheRetentionMonths, 6},
        {SettingsKeys::slipPaper, QStringLiteral("A4")},
        {SettingsKeys::slipAutoPrint, false},
        {SettingsKeys::quickUnlock, true},
    };
    return list;
}

// Texts of this file: lupdate files Texts::tr() strings under the context the macro names, and
// translate() looks them up under the same one.
struct Texts
{
    Q_DECLARE_TR_FUNCTIONS(sinfonia::AppSettings)
};

} // namespace

AppSettings::AppSettings()
    : m_system(std::make_unique<QSettings>(QSettings::NativeFormat, QSettings::SystemScope,
                                           QString::fromLatin1(organization), QString::fromLatin1(application)))
    , m_user(std::make_unique<QSettings>(QSettings::NativeFormat, QSettings::UserScope,
                                         QString::fromLatin1(organization), QString::fromLatin1(application)))
{
    // Sources are told apart explicitly, so no silent fallback from one scope to the other.
    m_system->setFallbacksEnabled(false);
    m_user->setFallbacksEnabled(false);
}

AppSettings::AppSettings(const QString& systemIniPath, const QString& userIniPath)
{
    if (!systemIniPath.isEmpty())
        m_system = std::make_unique<QSettings>(systemIniPath, QSettings::IniFormat);
    if (!userIniPath.isEmpty())
        m_user = std::make_unique<QSettings>(userIniPath, QSettings::IniFormat);
}

AppSettings::~AppSettings() = default;

QStringList AppSettings::knownKeys()
{
    QStringList keys;
    for (const auto& d : defaults())
        keys << QString::fromLatin1(d.key);
    return keys;
}

QVariant AppSettings::defaultValue(const QString& key)
{
    for (const auto& d : defaults())
        if (key == QLatin1String(d.key))
            return d.value;
    return {};
}

AppSettings::Source AppSettings::source(const QString& key) const
{
    if (m_system && m_system->contains(key))
        return Source::System;
    if (m_user && m_user->contains(key))
        return Source::User;
    return Source::Default;
}

bool AppSettings::isLocked(const QString& key) const
{
    return m_system && m_system->contains(key);
}

QVariant AppSettings::value(const QString& key) const
{
    switch (source(key)) {
    case Source::System:
        return m_system->value(key);
    case Source::User:
        return m_user->value(key);
    case Source::Default:
        break;
    }
    return defaultValue(key);
}

Result<void> AppSettings::setValue(const QString& key, const QVariant& value)
{
    if (isLocked(key))
        return makeError(QStringLiteral("settings.locked"),
                         Texts::tr("Impostazione gestita dall'amministratore di sistema: non modificabile."), key);
    if (!m_user)
        return makeError(QStringLiteral("settings.no_user_scope"), Texts::tr("Impostazioni utente non disponibili."),
                         key);
    m_user->setValue(key, value);
    return {};
}

Result<void> AppSettings::reset(const QString& key)
{
    if (isLocked(key))
        return makeError(QStringLiteral("settings.locked"),
                         Texts::tr("Impostazione gestita dall'amministratore di sistema: non modificabile."), key);
    if (m_user)
        m_user->remove(key);
    return {};
}

void AppSettings::sync()
{
    if (m_user)
        m_user->sync();
}

int AppSettings::intValue(const QString& key, int min, int max) const
{
    bool ok = false;
    const int v = value(key).toInt(&ok);
    if (!ok || v < min || v > max)
        return defaultValue(key).toInt();
    return v;
}

QString AppSettings::serverUrl() const
{
    const QString v = value(QString::fromLatin1(SettingsKeys::serverUrl)).toString().trimmed();
    const QUrl url(v);
    if (!url.isValid() || url.host().isEmpty())
        return defaultValue(QString::fromLatin1(SettingsKeys::serverUrl)).toString();
    return v;
}

QString AppSettings::identityGateway() const
{
    return value(QString::fromLatin1(SettingsKeys::identityGateway)).toString().trimmed();
}

int AppSettings::idleLockMinutes() const
{
    return intValue(QString::fromLatin1(SettingsKeys::idleLockMinutes), 1, 240);
}

int AppSettings::scannerBurstMs() const
{
    return intValue(QString::fromLatin1(SettingsKeys::scannerBurstMs), 1, 1000);
}

QString AppSettings::scannerPrefix() const
{
    return value(QString::fromLatin1(SettingsKeys::scannerPrefix)).toString();
}

QString AppSettings::scannerSuffix() const
{
    return value(QString::fromLatin1(SettingsKeys::scannerSuffix)).toString();
}

QString AppSettings::scannerSerialPort() const
{
    return value(QString::fromLatin1(SettingsKeys::scannerSerialPort)).toString();
}

int AppSettings::scannerBaud() const
{
    return intValue(QString::fromLatin1(SettingsKeys::scannerBaud), 1200, 921600);
}

QString AppSettings::cameraId() const
{
    return value(QString::fromLatin1(SettingsKeys::cameraId)).toString();
}

QString AppSettings::language() const
{
    return value(QString::fromLatin1(SettingsKeys::language)).toString();
}

int AppSettings::cacheRetentionMonths() const
{
    return intValue(QString::fromLatin1(SettingsKeys::cacheRetentionMonths), 1, 120);
}

QString AppSettings::slipPaper() const
{
    const QString v = value(QString::fromLatin1(SettingsKeys::slipPaper)).toString().trimmed();
    for (const char* paper : {"A4", "A5", "80mm", "58mm"})
        if (v.compare(QLatin1String(paper), Qt::CaseInsensitive) == 0)
            return QString::fromLatin1(paper);
    return defaultValue(QString::fromLatin1(SettingsKeys::slipPaper)).toString();
}

bool AppSettings::slipAutoPrint() const
{
    const QVariant v = value(QString::fromLatin1(SettingsKeys::slipAutoPrint));
    const QString text = v.toString().trimmed().toLower();
    return text == QLatin1String("true") || text == QLatin1String("1") || text == QLatin1String("yes");
}

bool AppSettings::quickUnlockEnabled() const
{
    const QString text = value(QString::fromLatin1(SettingsKeys::quickUnlock)).toString().trimmed().toLower();
    return !(text == QLatin1String("false") || text == QLatin1String("0") || text == QLatin1String("no"));
}

QList<AppSettings::Effective> AppSettings::describeEffective() const
{
    QList<Effective> out;
    for (const QString& key : knownKeys())
        out.append(Effective {key, value(key), source(key), isLocked(key)});
    return out;
}

QString AppSettings::sourceName(Source s)
{
    switch (s) {
    case Source::Default:
        return QStringLiteral("default");
    case Source::System:
        return QStringLiteral("system");
    case Source::User:
        return QStringLiteral("user");
    }
    return {};
}

QString AppSettings::describeEffectiveText() const
{
    QString out;
    if (m_system)
        out += QStringLiteral("# system: ") + m_system->fileName() + QLatin1Char('\n');
    if (m_user)
        out += QStringLiteral("# user:   ") + m_user->fileName() + QLatin1Char('\n');
    for (const Effective& e : describeEffective()) {
        out += e.key + QStringLiteral(" = ") + e.value.toString() + QStringLiteral("  [") + sourceName(e.source)
            + (e.locked ? QStringLiteral(", locked") : QString()) + QStringLiteral("]\n");
    }
    return out;
}

QString AppSettings::systemFileName() const
{
    return m_system ? m_system->fileName() : QString();
}

QString AppSettings::userFileName() const
{
    return m_user ? m_user->fileName() : QString();
}

} // namespace sinfonia
