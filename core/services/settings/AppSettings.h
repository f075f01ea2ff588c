#pragma once

#include "core/domain/Result.h"

#include <QList>
#include <QSettings>
#include <QString>
#include <QVariant>
#include <memory>

namespace sinfonia {

// Setting keys, as written in the .conf files IT deploys (see docs for the system file location).
namespace SettingsKeys {
inline constexpr char serverUrl[] = "server/url";
inline constexpr char identityGateway[] = "server/identityGateway";
inline constexpr char idleLockMinutes[] = "session/idleLockMinutes";
inline constexpr char scannerBurstMs[] = "scanner/burstMs";
inline constexpr char scannerPrefix[] = "scanner/prefix";
inline constexpr char scannerSuffix[] = "scanner/suffix";
inline constexpr char scannerSerialPort[] = "scanner/serialPort";
inline constexpr char scannerBaud[] = "scanner/baud";
inline constexpr char cameraId[] = "camera/id";
inline constexpr char language[] = "ui/language";
inline constexpr char cacheRetentionMonths[] = "cache/retentionMonths";
inline constexpr char slipPaper[] = "print/slipPaper"; // A4, A5, 80mm, 58mm
inline constexpr char slipAutoPrint[] = "print/slipAutoPrint";
inline constexpr char quickUnlock[] = "session/quickUnlock"; // PIN unlock of the idle lock
} // namespace SettingsKeys

// The application settings with IT policy: a user file over a system file written by IT
// (/etc/xdg/SINFONIA/sinfonia-banco.conf on Linux, HKLM on Windows). A key present in the system
// scope is policy: it wins over the user value and the UI shows it read-only (isLocked).
class AppSettings
{
public:
    enum class Source
    {
        Default,
        System,
        User
    };

    struct Effective
    {
        QString key;
        QVariant value;
        Source source = Source::Default;
        bool locked = false;
    };

    static constexpr char organization[] = "SINFONIA";
    static constexpr char application[] = "sinfonia-banco";

    // Production: native format, system scope + user scope of organization/application.
    AppSettings();
    // Tests and --config: explicit INI files (either may be empty to mean "none").
    AppSettings(const QString& systemIniPath, const QString& userIniPath);
    ~AppSettings();
    AppSettings(const AppSettings&) = delete;
    AppSettings& operator=(const AppSettings&) = delete;

    // Every known key with its default, in display order.
    static QStringList knownKeys();
    static QVariant defaultValue(const QString& key);

    QVariant value(const QString& key) const;
    Source source(const QString& key) const;
    bool isLocked(const QString& key) const;
    // Refused with "settings.locked" when IT set the key in the system scope.
    Result<void> setValue(const QString& key, const QVariant& value);
    // Removes the user value (back to system or default).
    Result<void> reset(const QString& key);
    void sync();

    // Typed accessors with validation; an invalid stored value falls back to the default.
    QString serverUrl() const;
    QString identityGateway() const;
    int idleLockMinutes() const;
    int scannerBurstMs() const;
    QString scannerPrefix() const;
    QString scannerSuffix() const;
    QString scannerSerialPort() const;
    int scannerBaud() const;
    QString cameraId() const;
    QString language() const;
    int cacheRetentionMonths() const;
    // The paper of the slip for the mother: "A4", "A5", "80mm" or "58mm" (receipt rolls); anything
    // else is "A4".
    QString slipPaper() const;
    // The slip prints by itself after every confirmed purchase or cancellation (no preview).
    bool slipAutoPrint() const;
    // The same operator may unlock the idle lock with a PIN while her login is valid (IT: false
    // to always ask for SPID).
    bool quickUnlockEnabled() const;

    // For `--print-config`: every known key, its effective value and where it came from.
    QList<Effective> describeEffective() const;
    // The same as a text table, one "key = value  [source, locked]" per line.
    QString describeEffectiveText() const;
    static QString sourceName(Source s);

    QString systemFileName() const;
    QString userFileName() const;

private:
    int intValue(const QString& key, int min, int max) const;

    std::unique_ptr<QSettings> m_system;
    std::unique_ptr<QSettings> m_user;
};

} // namespace sinfonia
