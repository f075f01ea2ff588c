// SQLite group commit (Database::Options::groupCommit) and one commit per request (CommitScope):
// concurrent write transactions share one COMMIT, a member that fails rolls back alone, and
// nobody returns from commit() before its data is committed (checked from another connection,
// which sees only committed data). SQLite only: PostgreSQL commits each transaction itself.

#include "server/ledger/Database.h"
#include "server/ledger/SqlUtil.h"

#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>
#include <atomic>
#include <memory>
#include <thread>
#include <vector>

using namespace sinfonia;
using namespace sinfonia::ledger;

namespace {

// A second Database on the same file, without group commit: its connections see only what the
// writer committed.
bool committedRow(Database& reader, int k)
{
    QSqlDatabase db = reader.connection();
    auto q = sql::first(db, QStringLiteral("SELECT COUNT(*) AS n FROM t WHERE k = ?"), {k});
    return q && q->value("n").toInt() == 1;
}

} // namespace

class TestGroupCommit : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    std::unique_ptr<Database> m_db;
    std::unique_ptr<Database> m_reader;

private slots:
    void init()
    {
        QVERIFY(m_dir.isValid());
        const QString path
            = m_dir.filePath(QStringLiteral("group-%1.sqlite").arg(QLatin1String(QTest::currentTestFunction())));
        auto db = Database::open(path);
        QVERIFY2(db.ok(), qPrintable(db.ok() ? QString() : db.error().detail));
        m_db = std::move(db).value();
        QVERIFY(m_db->groupCommit());
        {
            WriteTransaction tx(*m_db);
            QVERIFY(tx.ok());
            QVERIFY(sql::exec(tx.db(), QStringLiteral("CREATE TABLE t (k INTEGER PRIMARY KEY, v TEXT NOT NULL)")));
            QVERIFY(tx.commit());
        }
        Database::Options plain;
        plain.groupCommit = false;
        auto reader = Database::open(path, plain);
        QVERIFY(reader.ok());
        m_reader = std::move(reader).value();
    }

    void cleanup()
    {
        m_reader.reset();
        m_db.reset();
    }

    // 24 writers at once, queued behind a first one that holds the writer: they share batches;
    // number 7 fails on a constraint and goes back alone; every other one, when commit()
    // returns, is already visible to another connection.
    void failingMemberRollsBackAloneAndNobodyReturnsEarly()
    {
        constexpr int n = 24;
        constexpr int failing = 7;
        std::atomic<int> notVisibleOnReturn {0};
        std::atomic<int> committedOk {0};
        std::atomic<bool> failingRefused {false};
        const auto before = m_db->groupStats();
        std::vector<std::thread> threads;
        std::atomic<bool> holderIn {false};
        threads.emplace_back([&] {
            WriteTransaction tx(*m_db);
            QVERIFY(tx.ok());
            holderIn = true;
            QVERIFY(sql::exec(tx.db(), QStringLiteral("INSERT INTO t (k, v) VALUES (?, ?)"), {0, QStringLiteral("a")}));
            QThread::msleep(300); // the others queue for the writer meanwhile
            if (tx.commit()) {
                ++committedOk;
                if (!committedRow(*m_reader, 0))
                    ++notVisibleOnReturn;
            }
        });
        while (!holderIn)
            QThread::msleep(1);
        for (int i = 1; i < n; ++i) {
            threads.emplace_back([&, i] {
                WriteTransaction tx(*m_db);
                if (!tx.ok())
                    return;
                // The failing member writes a row, then breaks the primary key: all of it goes.
                if (i == failing) {
                    (void)sql::exec(tx.db(), QStringLiteral("INSERT INTO t (k, v) VALUES (?, ?)"),
                                    {1000, QStringLiteral("x")});
                    auto dup = sql::exec(tx.db(), QStringLiteral("INSERT INTO t (k, v) VALUES (?, ?)"),
                                         {0, QStringLiteral("dup")});
                    failingRefused = !dup.ok();
                    return; // rolled back by the destructor
                }
                if (!sql::exec(tx.db(), QStringLiteral("INSERT INTO t (k, v) VALUES (?, ?)"), {i, QStringLiteral("b")}))
                    return;
                if (tx.commit()) {
                    ++committedOk;
                    if (!committedRow(*m_reader, i))
                        ++notVisibleOnReturn;
                }
            });
        }
        for (auto& t : threads)
            t.join();
        QVERIFY(failingRefused);
        QCOMPARE(committedOk.load(), n - 1);
        QCOMPARE(notVisibleOnReturn.load(), 0);
        for (int i = 0; i < n; ++i)
            QCOMPARE(committedRow(*m_reader, i), i != failing);
        QVERIFY(!committedRow(*m_reader, 1000));
        const auto after = m_db->groupStats();
        // Fewer COMMITs than transactions: the queued writers were committed together.
        QVERIFY2(after.batches - before.batches < after.members - before.members,
                 qPrintable(QStringLiteral("%1 batches for %2 transactions")
                                .arg(after.batches - before.batches)
                                .arg(after.members - before.members)));
    }

    // A transaction opened inside another one on the same thread is a savepoint of it.
    void nestedTransactionIsASavepoint()
    {
        {
            WriteTransaction outer(*m_db);
            QVERIFY(outer.ok());
            QVERIFY(sql::exec(outer.db(), QStringLiteral("INSERT INTO t (k, v) VALUES (1, 'outer')")));
            {
                WriteTransaction inner(*m_db);
                QVERIFY(inner.ok());
                QVERIFY(sql::exec(inner.db(), QStringLiteral("INSERT INTO t (k, v) VALUES (2, 'inner')")));
                // Rolled back alone when it ends without commit().
            }
            {
                WriteTransaction inner(*m_db);
                QVERIFY(sql::exec(inner.db(), QStringLiteral("INSERT INTO t (k, v) VALUES (3, 'kept')")));
                QVERIFY(inner.commit());
            }
            QVERIFY(!committedRow(*m_reader, 3)); // not before the outer commit
            QVERIFY(outer.commit());
        }
        QVERIFY(committedRow(*m_reader, 1));
        QVERIFY(!committedRow(*m_reader, 2));
        QVERIFY(committedRow(*m_reader, 3));
    }

    // commitOrHand() inside a CommitScope: nothing is committed until the scope commits, and the
    // scope's own writes (the Router's idempotent answer) join the same transaction; a scope that
    // ends without commit() rolls everything back.
    void commitScopeCommitsTheRequestOnce()
    {
        {
            CommitScope scope(*m_db);
            WriteTransaction tx(*m_db);
            QVERIFY(sql::exec(tx.db(), QStringLiteral("INSERT INTO t (k, v) VALUES (10, 'effect')")));
            QVERIFY(tx.commitOrHand());
            QVERIFY(scope.holds());
            QVERIFY(!committedRow(*m_reader, 10));
            // The thread reads its own uncommitted write.
            QSqlDatabase own = m_db->connection();
            auto q = sql::first(own, QStringLiteral("SELECT v FROM t WHERE k = 10"));
            QVERIFY(q && q->isValid());
            QVERIFY(sql::exec(scope.db(), QStringLiteral("INSERT INTO t (k, v) VALUES (11, 'answer')")));
            QVERIFY(scope.commit());
        }
        QVERIFY(committedRow(*m_reader, 10));
        QVERIFY(committedRow(*m_reader, 11));
        {
            CommitScope scope(*m_db);
            WriteTransaction tx(*m_db);
            QVERIFY(sql::exec(tx.db(), QStringLiteral("INSERT INTO t (k, v) VALUES (12, 'lost')")));
            QVERIFY(tx.commitOrHand());
        }
        QVERIFY(!committedRow(*m_reader, 12));
        // Without a scope commitOrHand() is a plain commit.
        WriteTransaction tx(*m_db);
        QVERIFY(sql::exec(tx.db(), QStringLiteral("INSERT INTO t (k, v) VALUES (13, 'plain')")));
        QVERIFY(tx.commitOrHand());
        QVERIFY(committedRow(*m_reader, 13));
    }

    // An autocommit write on a thread's own connection while another thread's batch is open
    // commits that batch first instead of waiting on SQLite's lock.
    void autocommitWriteDoesNotMeetTheBatch()
    {
        std::atomic<bool> inBatch {false};
        std::atomic<bool> release {false};
        std::thread member([&] {
            WriteTransaction tx(*m_db);
            QVERIFY(sql::exec(tx.db(), QStringLiteral("INSERT INTO t (k, v) VALUES (20, 'member')")));
            inBatch = true;
            while (!release)
                QThread::msleep(1);
            QVERIFY(tx.commit());
        });
        while (!inBatch)
            QThread::msleep(1);
        std::thread autocommit([&] {
            QSqlDatabase own = m_db->connection();
            QVERIFY(sql::exec(own, QStringLiteral("INSERT INTO t (k, v) VALUES (21, 'auto')")));
        });
        QThread::msleep(50);
        release = true;
        member.join();
        autocommit.join();
        QVERIFY(committedRow(*m_reader, 20));
        QVERIFY(committedRow(*m_reader, 21));
    }
};

QTEST_GUILESS_MAIN(TestGroupCommit)
#include "tst_GroupCommit.moc"
