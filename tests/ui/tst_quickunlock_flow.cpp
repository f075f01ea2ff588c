// Quick unlock at the counter against a real sandbox server: the PIN chosen after the SPID login
// unlocks the idle lock back to the same page; wrong PINs count down, the fifth asks for SPID;
// another operator and IT policy never get the PIN; an expired grant asks for SPID.
#include "CounterFixture.h"
#include "core/services/auth/QuickUnlock.h"
#include "core/services/auth/Session.h"
#include "ui/OperatorSession.h"
#include "ui/dialogs/PinDialog.h"
#include "ui/pages/LockPage.h"
#include "ui/pages/LoginPage.h"
#include "ui/pages/StructurePage.h"

#include <QAction>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QStandardPaths>
#include <QTest>

using namespace sinfonia;
using sinfonia::test::CounterFixture;
using sinfonia::test::TestServer;

namespace {
constexpr int timeout = 20000;
}

class TestQuickUnlockFlow : public QObject
{
    Q_OBJECT
private:
    TestServer m_server;
    std::unique_ptr<CounterFixture> m_app;

    LockPage* lockPage() const { return m_app->flow->lockPage(); }
    QuickUnlock& quick() const { return m_app->services->quickUnlock(); }

    void loginAndSelect(const QString& identity = TestServer::titolareAvellino)
    {
        LoginPage* login = m_app->flow->loginPage();
        QTRY_VERIFY_WITH_TIMEOUT(login->identityList()->count() > 0, timeout);
        emit login->sandboxLoginRequested(identity);
        QTRY_COMPARE_WITH_TIMEOUT(m_app->window->currentPage(), m_app->flow->structurePage(), timeout);
        emit m_app->flow->structurePage()->structureChosen(QStringLiteral("FAR001"));
    }

    // "Imposta PIN di sblocco…" from the menu, typed twice.
    void choosePin(const QString& pin)
    {
        QAction* action = m_app->window->findChild<QAction*>(QStringLiteral("setPinAction"));
        QVERIFY(action && action->isVisible());
        action->trigger();
        PinDialog* dialog = nullptr;
        QTRY_VERIFY_WITH_TIMEOUT((dialog = m_app->window->findChild<PinDialog*>()) != nullptr, timeout);
        dialog->pinEdit()->setText(pin);
        dialog->confirmEdit()->setText(pin);
        QTest::mouseClick(dialog->okButton(), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(quick().hasPin(m_app->flow->session().profile().id), timeout);
    }

    void typePin(const QString& pin)
    {
        lockPage()->pinEdit()->setText(pin);
        QTest::keyClick(lockPage()->pinEdit(), Qt::Key_Return);
    }

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setOrganizationName(QStringLiteral("SINFONIA-test"));
        QVERIFY2(m_server.start(), qPrintable(m_server.errorString()));
    }
    void init()
    {
        m_app = std::make_unique<CounterFixture>(m_server.baseUrl());
        m_app->flow->start();
    }
    void cleanup() { m_app.reset(); }

    void pinUnlocksToTheSamePage()
    {
        loginAndSelect();
        QWidget* before = m_app->window->currentPage();
        // No PIN yet: the lock page offers SPID only.
        m_app->flow->lock();
        QVERIFY(!lockPage()->isPinAvailable());
        QTest::mouseClick(lockPage()->findChild<QPushButton*>(QStringLiteral("switchOperatorButton")), Qt::LeftButton);
        loginAndSelect();
        choosePin(QStringLiteral("2468"));
        m_app->flow->lock();
        QCOMPARE(m_app->window->currentPage(), static_cast<QWidget*>(lockPage()));
        QVERIFY(lockPage()->isPinAvailable());
        QVERIFY(lockPage()->pinEdit()->isVisible());
        QCOMPARE(lockPage()->pinEdit()->echoMode(), QLineEdit::Password);
        typePin(QStringLiteral("1111"));
        QTRY_VERIFY_WITH_TIMEOUT(lockPage()->errorLabel()->text().contains(QStringLiteral("restano 4")), timeout);
        QVERIFY(m_app->flow->isLocked());
        typePin(QStringLiteral("2468"));
        QTRY_VERIFY_WITH_TIMEOUT(!m_app->flow->isLocked(), timeout);
        QCOMPARE(m_app->window->currentPage(), before);
    }

    void fiveWrongPinsAskForSpid()
    {
        loginAndSelect();
        choosePin(QStringLiteral("13572468"));
        m_app->flow->lock();
        for (int i = 0; i < QuickUnlock::maxAttempts; ++i) {
            QTRY_VERIFY_WITH_TIMEOUT(lockPage()->pinEdit()->isEnabled(), timeout);
            typePin(QStringLiteral("0000"));
        }
        QTRY_VERIFY_WITH_TIMEOUT(!lockPage()->isPinAvailable(), timeout);
        QVERIFY(lockPage()->errorLabel()->text().contains(QStringLiteral("SPID")));
        QVERIFY(m_app->flow->isLocked());
        QVERIFY(!quick().hasPin(m_app->flow->session().profile().id));
        // SPID (the sandbox identity) unlocks as always.
        QTest::mouseClick(lockPage()->findChild<QPushButton*>(QStringLiteral("unlockButton")), Qt::LeftButton);
        QCOMPARE(m_app->window->currentPage(), static_cast<QWidget*>(m_app->flow->loginPage()));
    }

    // Another operator logs in after the lock: the PIN of the first is gone.
    void anotherOperatorForgetsThePin()
    {
        loginAndSelect();
        const QString first = m_app->flow->session().profile().id;
        choosePin(QStringLiteral("2468"));
        m_app->flow->lock();
        QTest::mouseClick(lockPage()->findChild<QPushButton*>(QStringLiteral("switchOperatorButton")), Qt::LeftButton);
        QVERIFY(!quick().hasPin(first));
        loginAndSelect(QStringLiteral("dipendente-avellino"));
        m_app->flow->lock();
        QVERIFY(!lockPage()->isPinAvailable());
    }

    // The PIN is right but the login's grant was revoked meanwhile: SPID it is.
    void expiredGrantAsksForSpid()
    {
        loginAndSelect();
        choosePin(QStringLiteral("2468"));
        m_app->flow->lock();
        // The tokens are gone (as after a revocation at the server).
        bool done = false;
        m_app->services->session().logout(this, [&done](Result<void>) { done = true; });
        QTRY_VERIFY_WITH_TIMEOUT(done, timeout);
        typePin(QStringLiteral("2468"));
        QTRY_VERIFY_WITH_TIMEOUT(lockPage()->errorLabel()->text().contains(QStringLiteral("SPID")), timeout);
        QVERIFY(m_app->flow->isLocked());
        QVERIFY(!lockPage()->isPinAvailable());
    }

    void policyOff()
    {
        m_app->flow->setQuickUnlockEnabled(false);
        loginAndSelect();
        QAction* action = m_app->window->findChild<QAction*>(QStringLiteral("setPinAction"));
        QVERIFY(!action->isVisible());
        m_app->flow->setUnlockPin(QStringLiteral("2468"));
        QTest::qWait(200);
        QVERIFY(!quick().hasPin(m_app->flow->session().profile().id));
        m_app->flow->lock();
        QVERIFY(!lockPage()->isPinAvailable());
    }
};

QTEST_MAIN(TestQuickUnlockFlow)
#include "tst_quickunlock_flow.moc"
