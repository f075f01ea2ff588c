#pragma once

#include "LedgerFixture.h"

#include <QObject>
#include <QStringList>
#include <memory>

namespace sinfonia::ledger::test {

// Base of the ledger suites: runs on one backend, builds a fresh LedgerEnv before every test
// function and checks the ledger equation after it. QTest finds init()/cleanup() in the base.
class LedgerTest : public QObject
{
    Q_OBJECT
public:
    explicit LedgerTest(Backend b)
        : m_backend(b)
    {
    }

private slots:
    void init() { LEDGER_INIT_ENV(); }
    void cleanup()
    {
        if (m_env)
            QCOMPARE(m_env->invariantViolations(), QStringList());
        m_env.reset();
    }

protected:
    Backend m_backend;
    std::unique_ptr<LedgerEnv> m_env;
};

} // namespace sinfonia::ledger::test
