// T12, the clean end: SIGTERM (a PC shutting down, a session ending) and SIGINT (Ctrl+C in a
// terminal) quit the real sinfonia-pos like closing its window. The app runs offscreen against a
// real sinfonia-server, with a journal holding intents in every state and a draft; the signal comes
// at a seeded moment while the app is starting and talking to the server. Pass: exit status 0, the
// signal was handled (logged), both SQLite files closed cleanly (no WAL left behind: SQLite removes
// it on the last clean close and keeps it after a kill), integrity_check ok, and every intent and
// the draft are still there with their state.
#include "core/domain/Clock.h"
#include "core/services/journal/OperationJournal.h"
#include "core/services/settings/AppSettings.h"
#include "tests/reliability/CampaignSupport.h"
#include "tests/support/TestServer.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QProcess>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QTest>
#include <csignal>

using namespace sinfonia;

class TestQuitSignals : public QObject
{
    Q_OBJECT

    test::TestServer m_server;
    quint32 m_seed = 0;

    struct Run
    {
        QTemporaryDir home;
        QString dataDir;
        QString journalPath() const { return dataDir + QStringLiteral("/journal.sqlite"); }
        QString cachePath() const { return dataDir + QStringLiteral("/movements.sqlite"); }
    };

    static QList<JournalEntry> seededEntries(const Clock& clock)
    {
        QList<JournalEntry> entries;
        const JournalEntry::State states[]
            = {JournalEntry::State::Pending, JournalEntry::State::Sent, JournalEntry::State::Confirmed,
               JournalEntry::State::Failed, JournalEntry::State::Unknown};
        for (int i = 0; i < 25; ++i) {
            JournalEntry e;
            e.idempotencyKey = QStringLiteral("quit-%1").arg(i);
            e.operatorId = QStringLiteral("op-1");
            e.structureId = QStringLiteral("FAR001");
            e.voucherId = QString::number(100 + i);
            e.amount = Money::fromCents(100 + i);
            e.method = "POST";
            e.path = QStringLiteral("/api/v1/structures/FAR001/vouchers/%1/purchases").arg(e.voucherId);
            e.contentType = "application/json";
            e.body = QByteArray("{}");
            e.createdAt = clock.now();
            e.state = states[i % 5];
            entries << e;
        }
        return entries;
    }

    static bool seedJournal(const QString& path, const Clock& clock)
    {
        OperationJournal journal(clock);
        if (!journal.open(path).ok())
            return false;
        for (const JournalEntry& e : seededEntries(clock)) {
            if (!journal.record(e).ok())
                return false;
            bool ok = true;
            switch (e.state) {
            case JournalEntry::State::Pending:
                break;
            case JournalEntry::State::Sent:
                ok = journal.markSent(e.idempotencyKey).ok();
                break;
            case JournalEntry::State::Confirmed:
                ok = journal.markSent(e.idempotencyKey).ok()
                    && journal.markConfirmed(e.idempotencyKey, QStringLiteral("m-") + e.voucherId).ok();
                break;
            case JournalEntry::State::Failed:
                ok = journal.markFailed(e.idempotencyKey, QStringLiteral("rifiutato")).ok();
                break;
            case JournalEntry::State::Unknown:
                ok = journal.markSent(e.idempotencyKey).ok() && journal.markUnknown(e.idempotencyKey).ok();
                break;
            }
            if (!ok)
                return false;
        }
        PurchaseDraft draft;
        draft.operatorId = QStringLiteral("op-1");
        draft.structureId = QStringLiteral("FAR001");
        draft.voucherId = QStringLiteral("100");
        draft.amountText = QStringLiteral("12,50");
        draft.savedAt = clock.now();
        return journal.saveDraft(draft).ok();
    }

    // Starts sinfonia-pos in `run`'s home, waits for its window, sends `signalNumber` after
    // `delayMs`; returns the process' output, or empty with a failure recorded.
    static QByteArray runApp(Run& run, const QUrl& server, int signalNumber, int delayMs, int* exitCode,
                             QProcess::ExitStatus* status)
    {
        QProcess app;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        const QString home = run.home.path();
        env.insert(QStringLiteral("HOME"), home);
        env.insert(QStringLiteral("XDG_DATA_HOME"), home + QStringLiteral("/data"));
        env.insert(QStringLiteral("XDG_CONFIG_HOME"), home + QStringLiteral("/config"));
        env.insert(QStringLiteral("XDG_CACHE_HOME"), home + QStringLiteral("/cache"));
        env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
        env.insert(QStringLiteral("QT_LOGGING_RULES"), QStringLiteral("sinfonia.*=true;qt.qpa.*=false"));
        app.setProcessEnvironment(env);
        app.setProcessChannelMode(QProcess::MergedChannels);
        app.start(QStringLiteral(SINFONIA_BINARY_DIR "/app/sinfonia-pos"),
                  {QStringLiteral("--server"), server.toString()});
        if (!app.waitForStarted(30000))
            return {};
        QByteArray output;
        QElapsedTimer waited;
        waited.start();
        while (!output.contains("main window shown") && waited.elapsed() < 60000 && app.state() == QProcess::Running) {
            app.waitForReadyRead(200);
            output += app.readAll();
        }
        if (!output.contains("main window shown")) {
            app.kill();
            app.waitForFinished();
            return output + app.readAll();
        }
        QTest::qWait(delayMs);
        ::kill(pid_t(app.processId()), signalNumber);
        app.waitForFinished(60000);
        output += app.readAll();
        *exitCode = app.exitCode();
        *status = app.exitStatus();
        return output;
    }

private slots:
    void initTestCase()
    {
        m_seed = test::campaignSeed();
        qInfo("quit-signal runs: seed %u (SINFONIA_TEST_SEED=%u replays)", m_seed, m_seed);
        QVERIFY2(m_server.start(), qPrintable(m_server.errorString()));
    }

    void quitsCleanly_data()
    {
        QTest::addColumn<int>("signalNumber");
        QTest::addColumn<int>("delayMs");
        QRandomGenerator rng(m_seed);
        // At once (the server's answers still in flight) and at seeded moments of the first second.
        for (int i = 0; i < 4; ++i) {
            const int delay = i == 0 ? 0 : int(rng.bounded(1000));
            QTest::addRow("SIGTERM after %d ms", delay) << int(SIGTERM) << delay;
            const int delay2 = i == 0 ? 0 : int(rng.bounded(1000));
            QTest::addRow("SIGINT after %d ms", delay2) << int(SIGINT) << delay2;
        }
    }

    void quitsCleanly()
    {
        QFETCH(int, signalNumber);
        QFETCH(int, delayMs);
        Run run;
        QVERIFY(run.home.isValid());
        run.dataDir = run.home.path() + QStringLiteral("/data/") + QLatin1String(AppSettings::organization) + u'/'
            + QLatin1String(AppSettings::application);
        QVERIFY(QDir().mkpath(run.dataDir));
        const SystemClock clock;
        QVERIFY(seedJournal(run.journalPath(), clock));

        int exitCode = -1;
        QProcess::ExitStatus status = QProcess::CrashExit;
        const QByteArray output = runApp(run, m_server.baseUrl(), signalNumber, delayMs, &exitCode, &status);
        QVERIFY2(output.contains("main window shown"), output.constData());
        QCOMPARE(status, QProcess::NormalExit);
        QVERIFY2(exitCode == 0, output.constData());
        QVERIFY2(output.contains(QByteArray("quitting on signal " + QByteArray::number(signalNumber))),
                 output.constData());

        // Closed, not abandoned: SQLite removes the WAL on the last clean close.
        // The cache opens once the keychain gave its key: a signal at once may come before.
        QVERIFY(QFile::exists(run.journalPath()));
        for (const QString& db : {run.journalPath(), run.cachePath()}) {
            if (!QFile::exists(db))
                continue;
            QVERIFY2(!QFile::exists(db + QStringLiteral("-wal")), qPrintable(db + QStringLiteral(": WAL left behind")));
            QCOMPARE(test::integrityCheck(db, true), QStringLiteral("ok"));
        }
        // Nothing of the journal lost.
        OperationJournal journal(clock);
        QVERIFY(journal.open(run.journalPath()).ok());
        for (const JournalEntry& seeded : seededEntries(clock)) {
            const auto e = journal.entry(seeded.idempotencyKey);
            QVERIFY2(e.has_value(), qPrintable(seeded.idempotencyKey));
            QCOMPARE(journalStateName(e->state), journalStateName(seeded.state));
            QCOMPARE(e->amount.cents(), seeded.amount.cents());
        }
        const auto draft = journal.draft(QStringLiteral("op-1"), QStringLiteral("FAR001"));
        QVERIFY(draft.has_value());
        QCOMPARE(draft->amountText, QStringLiteral("12,50"));
    }

    // The WAL check above can fail: a killed app leaves its WAL behind.
    void killedAppLeavesWal()
    {
        Run run;
        run.dataDir = run.home.path() + QStringLiteral("/data/") + QLatin1String(AppSettings::organization) + u'/'
            + QLatin1String(AppSettings::application);
        QVERIFY(QDir().mkpath(run.dataDir));
        QVERIFY(seedJournal(run.journalPath(), SystemClock()));
        int exitCode = -1;
        QProcess::ExitStatus status = QProcess::NormalExit;
        const QByteArray output = runApp(run, m_server.baseUrl(), SIGKILL, 300, &exitCode, &status);
        QVERIFY2(output.contains("main window shown"), output.constData());
        QCOMPARE(status, QProcess::CrashExit);
        QVERIFY(QFile::exists(run.journalPath() + QStringLiteral("-wal")));
    }
};

QTEST_GUILESS_MAIN(TestQuitSignals)
#include "tst_quit_signals.moc"
