// T12 crash campaign (reliability.md): a child process (crash_writer) writes the operation journal
// and the movement cache; it is killed with SIGKILL after a seeded number of acknowledged writes, so
// the kill lands at a random point inside a write. After every kill both files are reopened:
// integrity_check must say "ok", the cache must open without being set aside, every intent whose
// record() returned must be in the journal (0 lost intents), every acknowledged confirmation must
// still be confirmed, and cache batches must be all-or-nothing. The next child goes on with the
// same files. SINFONIA_T12_KILLS sets the count (50 here, 1,000 in scripts/reliability.sh),
// SINFONIA_TEST_SEED the seed (printed, so a failure replays).
#include "CampaignSupport.h"
#include "core/domain/Clock.h"
#include "core/services/cache/MovementCacheStore.h"
#include "core/services/journal/OperationJournal.h"

#include <QDir>
#include <QHash>
#include <QProcess>
#include <QRandomGenerator>
#include <QSet>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>
#include <csignal>
#include <sys/types.h>

using namespace sinfonia;
using namespace sinfonia::test;

namespace {
int envCount(const char* name, int fallback)
{
    bool ok = false;
    const int n = qEnvironmentVariableIntValue(name, &ok);
    return ok && n > 0 ? n : fallback;
}

// key -> state of every intent, in one query.
QHash<QString, QString> journalStates(const QString& path)
{
    const QString name = QStringLiteral("states-%1").arg(path);
    QHash<QString, QString> out;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
        db.setDatabaseName(path);
        if (db.open()) {
            QSqlQuery q(db);
            if (q.exec(QStringLiteral("SELECT key, state FROM intents"))) {
                while (q.next())
                    out.insert(q.value(0).toString(), q.value(1).toString());
            }
        }
    }
    QSqlDatabase::removeDatabase(name);
    return out;
}

qint64 countRows(const QString& path, const QString& table)
{
    const QString name = QStringLiteral("count-%1").arg(path);
    qint64 n = -1;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
        db.setDatabaseName(path);
        if (db.open()) {
            QSqlQuery q(db);
            if (q.exec(QStringLiteral("SELECT COUNT(*) FROM ") + table) && q.next())
                n = q.value(0).toLongLong();
        }
    }
    QSqlDatabase::removeDatabase(name);
    return n;
}
} // namespace

class TestCrashCampaign : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void killDuringJournalAndCacheWrites();
};

void TestCrashCampaign::killDuringJournalAndCacheWrites()
{
    const quint32 seed = campaignSeed();
    const int kills = envCount("SINFONIA_T12_KILLS", 50);
    qInfo("T12 crash campaign: %d kills, seed %u (SINFONIA_TEST_SEED=%u replays it)", kills, seed, seed);
    QRandomGenerator rng(seed);
    QTemporaryDir top;
    QVERIFY(top.isValid());
    // A fresh pair of files every 100 kills: the files stay small, so the checks after each kill
    // stay cheap, and every file still lives through 100 kills.
    constexpr int killsPerFile = 100;
    QString dirPath;
    QString journalPath;
    QString cachePath;
    QSet<QString> acknowledged; // intents whose record() returned
    QSet<QString> confirmed; // intents whose markConfirmed() returned
    qint64 ackedRows = 0; // cache rows of acknowledged batches
    qint64 extraIntents = 0; // recorded by a child killed before it could say so
    qint64 totalIntents = 0;
    qint64 totalRows = 0;
    for (int k = 0; k < kills; ++k) {
        if (k % killsPerFile == 0) {
            totalIntents += acknowledged.size();
            totalRows += ackedRows;
            dirPath = top.filePath(QStringLiteral("files-%1").arg(k / killsPerFile));
            QVERIFY(QDir().mkpath(dirPath));
            journalPath = dirPath + QStringLiteral("/journal.sqlite");
            cachePath = dirPath + QStringLiteral("/movements.sqlite");
            acknowledged.clear();
            confirmed.clear();
            ackedRows = 0;
            extraIntents = 0;
        }
        const quint32 childSeed = rng.generate();
        const int target = 1 + int(rng.bounded(40)); // acknowledged writes before the kill
        QProcess child;
        child.setProgram(QStringLiteral(SINFONIA_CRASH_WRITER_BIN));
        child.setArguments({dirPath, QString::number(childSeed)});
        child.setProcessChannelMode(QProcess::ForwardedErrorChannel);
        child.start();
        QVERIFY2(child.waitForStarted(30000), qPrintable(child.errorString()));
        int lines = 0;
        bool ready = false;
        auto take = [&](const QByteArray& raw) {
            const QByteArray line = raw.trimmed();
            if (line == "READY") {
                ready = true;
                return;
            }
            const QString arg = QString::fromLatin1(line.mid(2));
            if (line.startsWith("I "))
                acknowledged.insert(arg);
            else if (line.startsWith("C "))
                confirmed.insert(arg);
            else if (line.startsWith("B "))
                ackedRows += arg.toLongLong();
            else
                return;
            ++lines;
        };
        while (lines < target) {
            if (!child.canReadLine() && !child.waitForReadyRead(30000))
                break;
            while (child.canReadLine() && lines < target)
                take(child.readLine());
        }
        QVERIFY2(ready && lines == target,
                 qPrintable(QStringLiteral("child %1 stopped early (exit %2)").arg(k).arg(child.exitCode())));
        ::kill(pid_t(child.processId()), SIGKILL);
        QVERIFY(child.waitForFinished(30000));
        QCOMPARE(child.exitStatus(), QProcess::CrashExit);
        // What the child acknowledged after the lines read above, up to the kill (a torn last line
        // is a write whose acknowledgement did not get out: it counts as in flight).
        const QByteArray rest = child.readAllStandardOutput();
        const QList<QByteArray> after = rest.split('\n');
        for (qsizetype i = 0; i + 1 < after.size(); ++i)
            take(after.at(i));

        const QString journalCheck = integrityCheck(journalPath, false);
        QVERIFY2(journalCheck == QLatin1String("ok"),
                 qPrintable(QStringLiteral("kill %1 seed %2: journal %3").arg(k).arg(seed).arg(journalCheck)));
        const QString cacheCheck = integrityCheck(cachePath, false);
        QVERIFY2(cacheCheck == QLatin1String("ok"),
                 qPrintable(QStringLiteral("kill %1 seed %2: cache %3").arg(k).arg(seed).arg(cacheCheck)));

        const SystemClock clock;
        OperationJournal journal(clock);
        QVERIFY(journal.open(journalPath).ok());
        // Every acknowledged intent is there, every acknowledged confirmation still confirmed.
        const QHash<QString, QString> states = journalStates(journalPath);
        for (const QString& key : std::as_const(acknowledged)) {
            QVERIFY2(states.contains(key),
                     qPrintable(QStringLiteral("kill %1 seed %2: intent %3 lost").arg(k).arg(seed).arg(key)));
            if (confirmed.contains(key))
                QCOMPARE(states.value(key), journalStateName(JournalEntry::State::Confirmed));
        }
        const qint64 intents = countRows(journalPath, QStringLiteral("intents"));
        QVERIFY(intents >= acknowledged.size() + extraIntents && intents <= acknowledged.size() + extraIntents + 1);
        extraIntents = intents - acknowledged.size();

        MovementCacheStore cache;
        bool setAside = true;
        QVERIFY(cache.open(cachePath, &setAside).ok());
        QVERIFY2(!setAside, "a kill -9 must never make the cache unusable");
        const auto rows = cache.count();
        QVERIFY(rows.ok());
        QVERIFY2(*rows % 50 == 0, "a cache batch was half written");
        QVERIFY(*rows >= ackedRows && *rows <= ackedRows + 50);
        ackedRows = *rows; // an unacknowledged batch that committed is part of the file from now on
        cache.close();
    }
    totalIntents += acknowledged.size();
    totalRows += ackedRows;
    qInfo("T12 crash campaign: %d kills, %lld intents acknowledged, 0 lost, %lld cache rows, every reopen "
          "integrity_check ok; seed %u",
          kills, static_cast<long long>(totalIntents), static_cast<long long>(totalRows), seed);
}

QTEST_GUILESS_MAIN(TestCrashCampaign)
#include "tst_crash_campaign.moc"
