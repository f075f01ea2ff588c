#pragma once

#include "core/domain/Clock.h"
#include "server/ledger/Database.h"
#include "server/ledger/LedgerService.h"
#include "server/ledger/SmsSender.h"

#include <QCoreApplication>
#include <QTemporaryDir>
#include <QTest>
#include <memory>

namespace sinfonia::ledger::test {

enum class Backend
{
    Sqlite,
    Postgres
};
QString backendName(Backend b);

// A fresh, migrated database per test: a temporary SQLite file, or a new PostgreSQL database
// created on the server named by SINFONIA_TEST_PG (dropped again at the end), so parallel runs
// never share state.
class TestDatabase
{
public:
    static std::unique_ptr<TestDatabase> create(Backend backend, QString* skipReason);
    ~TestDatabase();
    Database& db() { return *m_db; }
    QString location() const { return m_location; }

private:
    TestDatabase() = default;
    QTemporaryDir m_dir;
    QString m_location;
    QString m_pgAdmin;
    QString m_pgName;
    std::unique_ptr<Database> m_db;
};

// Database + demo data + clock + outbox + service, built fresh by init().
class LedgerEnv
{
public:
    // Default "now": Thursday 26 Nov 2026, 10:00 UTC (11:00 in Rome).
    static QDateTime defaultNow();
    static std::unique_ptr<LedgerEnv> create(Backend backend, QString* skipReason, LedgerService::Options options = {});

    Database& db() { return m_test->db(); }
    ManualClock& clock() { return m_clock; }
    OutboxSmsSender& outbox() { return *m_outbox; }
    LedgerService& service() { return *m_service; }
    QString location() const { return m_test->location(); }

    OperatorContext titolare() const;
    OperatorContext dipendente() const;
    QString voucherIdOf(const QString& beneficiaryCf);
    QString latestOtp(const QString& movementId);
    qint64 available(const QString& voucherId);
    // Voucher ids whose balance breaks the ledger equation: used = purchases (pending or confirmed;
    // an ANNULLATO one counts nothing) - confirmed cancellations, 0 <= used <= initial, cancelled <= purchase. Empty
    // when sound.
    QStringList invariantViolations();
    // Creates a purchase at FAR001 and confirms it with the OTP from the outbox.
    MovementView confirmedPurchase(const QString& voucherId, qint64 cents);

private:
    LedgerEnv() = default;
    std::unique_ptr<TestDatabase> m_test;
    ManualClock m_clock {defaultNow()};
    std::unique_ptr<OutboxSmsSender> m_outbox;
    std::unique_ptr<LedgerService> m_service;
};

QByteArray pngBytes();
QByteArray jpegBytes();
// CF of a demo beneficiary by name, computed like the seeder does.
QString beneficiaryCf(const char* cognome, const char* nome, QDate birth, const char* place);

} // namespace sinfonia::ledger::test

// In init(): builds m_env, skipping when PostgreSQL is not configured and failing when it is
// configured but unusable (a broken PostgreSQL setup must not look like a skip).
#define LEDGER_INIT_ENV()                                                                                              \
    do {                                                                                                               \
        QString reason;                                                                                                \
        m_env = sinfonia::ledger::test::LedgerEnv::create(m_backend, &reason);                                         \
        if (!m_env && reason.startsWith(QLatin1String("SINFONIA_TEST_PG not set")))                                    \
            QSKIP(qPrintable(reason));                                                                                 \
        if (!m_env)                                                                                                    \
            QFAIL(qPrintable(reason));                                                                                 \
    } while (false)

// Runs the test object once per backend (PostgreSQL cases skip when SINFONIA_TEST_PG is unset).
#define LEDGER_TEST_MAIN(TestClass)                                                                                    \
    int main(int argc, char** argv)                                                                                    \
    {                                                                                                                  \
        QCoreApplication app(argc, argv);                                                                              \
        int failures = 0;                                                                                              \
        for (auto backend : {sinfonia::ledger::test::Backend::Sqlite, sinfonia::ledger::test::Backend::Postgres}) {    \
            TestClass t(backend);                                                                                      \
            failures += QTest::qExec(&t, argc, argv);                                                                  \
        }                                                                                                              \
        return failures;                                                                                               \
    }
