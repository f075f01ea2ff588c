// Settings and IT policy: a key in the system scope wins, is locked and reported as "system".
#include "core/services/settings/AppSettings.h"

#include <QSettings>
#include <QTemporaryDir>
#include <QTest>

using namespace sinfonia;

class TestSettings : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void defaultsWithoutFiles();
    void systemValueWinsAndIsLocked();
    void userValueOverDefault();
    void invalidValuesFallBack();
    void nativeScopesFollowXdg();
    void slipPaperAndAutoPrint();
};

void TestSettings::defaultsWithoutFiles()
{
    QTemporaryDir dir;
    AppSettings s(dir.filePath(QStringLiteral("system.conf")), dir.filePath(QStringLiteral("user.conf")));
    QCOMPARE(s.idleLockMinutes(), 5);
    QCOMPARE(s.cacheRetentionMonths(), 6);
    QCOMPARE(s.source(QString::fromLatin1(SettingsKeys::idleLockMinutes)), AppSettings::Source::Default);
    QVERIFY(!s.isLocked(QString::fromLatin1(SettingsKeys::serverUrl)));
    QCOMPARE(s.describeEffective().size(), AppSettings::knownKeys().size());
}

void TestSettings::systemValueWinsAndIsLocked()
{
    QTemporaryDir dir;
    const QString sys = dir.filePath(QStringLiteral("system.conf"));
    const QString usr = dir.filePath(QStringLiteral("user.conf"));
    {
        QSettings it(sys, QSettings::IniFormat);
        it.setValue(QString::fromLatin1(SettingsKeys::serverUrl), QStringLiteral("https://sinfonia.asl.example"));
        it.setValue(QString::fromLatin1(SettingsKeys::idleLockMinutes), 2);
        QSettings user(usr, QSettings::IniFormat);
        user.setValue(QString::fromLatin1(SettingsKeys::serverUrl), QStringLiteral("https://other.example"));
    }
    AppSettings s(sys, usr);
    QCOMPARE(s.serverUrl(), QStringLiteral("https://sinfonia.asl.example"));
    QCOMPARE(s.idleLockMinutes(), 2);
    QVERIFY(s.isLocked(QString::fromLatin1(SettingsKeys::serverUrl)));
    QCOMPARE(s.source(QString::fromLatin1(SettingsKeys::serverUrl)), AppSettings::Source::System);
    auto r = s.setValue(QString::fromLatin1(SettingsKeys::idleLockMinutes), 30);
    QVERIFY(!r.ok());
    QCOMPARE(r.error().code, QStringLiteral("settings.locked"));
    QCOMPARE(s.idleLockMinutes(), 2);
    const QString text = s.describeEffectiveText();
    QVERIFY(text.contains(QStringLiteral("server/url = https://sinfonia.asl.example  [system, locked]")));
    QVERIFY(text.contains(QStringLiteral("cache/retentionMonths = 6  [default]")));
}

void TestSettings::userValueOverDefault()
{
    QTemporaryDir dir;
    AppSettings s(dir.filePath(QStringLiteral("system.conf")), dir.filePath(QStringLiteral("user.conf")));
    QVERIFY(s.setValue(QString::fromLatin1(SettingsKeys::scannerBurstMs), 45).ok());
    QCOMPARE(s.scannerBurstMs(), 45);
    QCOMPARE(s.source(QString::fromLatin1(SettingsKeys::scannerBurstMs)), AppSettings::Source::User);
    QVERIFY(s.reset(QString::fromLatin1(SettingsKeys::scannerBurstMs)).ok());
    QCOMPARE(s.source(QString::fromLatin1(SettingsKeys::scannerBurstMs)), AppSettings::Source::Default);
}

void TestSettings::invalidValuesFallBack()
{
    QTemporaryDir dir;
    AppSettings s(dir.filePath(QStringLiteral("system.conf")), dir.filePath(QStringLiteral("user.conf")));
    QVERIFY(s.setValue(QString::fromLatin1(SettingsKeys::idleLockMinutes), QStringLiteral("molti")).ok());
    QCOMPARE(s.idleLockMinutes(), 5);
    QVERIFY(s.setValue(QString::fromLatin1(SettingsKeys::serverUrl), QStringLiteral("not a url")).ok());
    QCOMPARE(s.serverUrl(), AppSettings::defaultValue(QString::fromLatin1(SettingsKeys::serverUrl)).toString());
}

void TestSettings::nativeScopesFollowXdg()
{
    // The production constructor reads $XDG_CONFIG_DIRS/SINFONIA/sinfonia-banco.conf as system scope.
    QTemporaryDir dir;
    const QString sysDir = dir.filePath(QStringLiteral("xdg-system"));
    const QString userDir = dir.filePath(QStringLiteral("xdg-user"));
    QDir().mkpath(sysDir + QStringLiteral("/SINFONIA"));
    {
        QSettings it(sysDir + QStringLiteral("/SINFONIA/sinfonia-banco.conf"), QSettings::IniFormat);
        it.setValue(QString::fromLatin1(SettingsKeys::cacheRetentionMonths), 3);
    }
    qputenv("XDG_CONFIG_DIRS", sysDir.toLocal8Bit());
    qputenv("XDG_CONFIG_HOME", userDir.toLocal8Bit());
    QSettings::setPath(QSettings::NativeFormat, QSettings::SystemScope, sysDir);
    QSettings::setPath(QSettings::NativeFormat, QSettings::UserScope, userDir);
    AppSettings s;
    QCOMPARE(s.cacheRetentionMonths(), 3);
    QVERIFY(s.isLocked(QString::fromLatin1(SettingsKeys::cacheRetentionMonths)));
    QVERIFY(s.setValue(QString::fromLatin1(SettingsKeys::language), QStringLiteral("en")).ok());
    s.sync();
    QVERIFY(QFile::exists(userDir + QStringLiteral("/SINFONIA/sinfonia-banco.conf")));
}

void TestSettings::slipPaperAndAutoPrint()
{
    QTemporaryDir dir;
    const QString sys = dir.filePath(QStringLiteral("system.conf"));
    const QString usr = dir.filePath(QStringLiteral("user.conf"));
    const QString paper = QString::fromLatin1(SettingsKeys::slipPaper);
    const QString autoPrint = QString::fromLatin1(SettingsKeys::slipAutoPrint);
    {
        AppSettings s(sys, usr);
        QCOMPARE(s.slipPaper(), QStringLiteral("A4"));
        QCOMPARE(s.slipAutoPrint(), false);
        QVERIFY(s.setValue(paper, QStringLiteral("58MM")).ok());
        QCOMPARE(s.slipPaper(), QStringLiteral("58mm"));
        QVERIFY(s.setValue(paper, QStringLiteral("A3")).ok());
        QCOMPARE(s.slipPaper(), QStringLiteral("A4"));
        QVERIFY(s.setValue(autoPrint, true).ok());
        QCOMPARE(s.slipAutoPrint(), true);
        s.sync();
    }
    {
        // IT fixes the roll and turns automatic print off: the user's choice no longer counts.
        QSettings it(sys, QSettings::IniFormat);
        it.setValue(paper, QStringLiteral("80mm"));
        it.setValue(autoPrint, QStringLiteral("false"));
    }
    AppSettings s(sys, usr);
    QCOMPARE(s.slipPaper(), QStringLiteral("80mm"));
    QCOMPARE(s.slipAutoPrint(), false);
    QVERIFY(s.isLocked(paper));
    QCOMPARE(s.setValue(paper, QStringLiteral("A5")).error().code, QStringLiteral("settings.locked"));
}

QTEST_GUILESS_MAIN(TestSettings)
#include "tst_settings.moc"
