#include "ui/CounterFlow.h"

#include "core/services/ServiceStack.h"
#include "core/services/auth/LoginFlow.h"
#include "core/services/auth/QuickUnlock.h"
#include "core/services/auth/Session.h"
#include "core/services/journal/OperationRunner.h"
#include "core/services/net/ApiClient.h"
#include "ui/ActivityLogFlow.h"
#include "ui/IdleLock.h"
#include "ui/MainWindow.h"
#include "ui/OperatorSession.h"
#include "ui/StaffFlow.h"
#include "ui/TopBar.h"
#include "ui/VoucherFlow.h"
#include "ui/dialogs/PinDialog.h"
#include "ui/pages/ActivityLogPage.h"
#include "ui/pages/HomePage.h"
#include "ui/pages/LockPage.h"
#include "ui/pages/LoginPage.h"
#include "ui/pages/StaffPage.h"
#include "ui/pages/StructurePage.h"
#include "ui/pages/VoucherPage.h"

#include <QAction>
#include <QDialog>
#include <QListWidget>
#include <QMenu>
#include <QPushButton>

namespace sinfonia {

CounterFlow::CounterFlow(ServiceStack& services, MainWindow& window, QObject* parent)
    : QObject(parent)
    , m_services(services)
    , m_window(window)
    , m_session(new OperatorSession(this))
    , m_idle(new IdleLock(this))
{
    m_vouchers = new VoucherFlow(services, *m_session, window, this);
    m_login = new LoginPage(&window);
    m_structures = new StructurePage(&window);
    m_staff = new StaffPage(services.clock(), &window);
    m_staffFlow = new StaffFlow(services.api(), *m_session, *m_staff, this);
    m_activityLog = new ActivityLogPage(services.clock(), &window);
    m_activityLogFlow = new ActivityLogFlow(services.api(), *m_session, *m_activityLog, this);
    m_lockPage = new LockPage(&window);
    for (QWidget* page :
         {static_cast<QWidget*>(m_login), static_cast<QWidget*>(m_structures), static_cast<QWidget*>(m_staff),
          static_cast<QWidget*>(m_activityLog), static_cast<QWidget*>(m_lockPage)})
        window.addPage(page);
    connect(m_staff, &StaffPage::activityLogRequested, this, &CounterFlow::showActivityLog);

    connect(m_login, &LoginPage::spidLoginRequested, this, [this] { login(QString()); });
    connect(m_login, &LoginPage::sandboxLoginRequested, this, &CounterFlow::login);
    connect(m_login, &LoginPage::cancelRequested, this, [this] {
        m_services.login().cancel();
        m_login->showError(tr("Accesso annullato. Premi di nuovo \"Accedi\" per riprovare."));
    });
    connect(m_structures, &StructurePage::structureChosen, this, &CounterFlow::structureChosen);
    connect(window.topBar(), &TopBar::structureSwitchRequested, this, [this] {
        if (isReady())
            chooseStructure();
    });
    connect(window.homePage(), &HomePage::vouchersRequested, m_vouchers, &VoucherFlow::showSearch);
    connect(window.homePage(), &HomePage::staffRequested, this, &CounterFlow::showStaff);

    connect(window.searchAction(), &QAction::triggered, this, [this] {
        if (isReady())
            m_vouchers->showSearch();
    });
    connect(window.purchaseAction(), &QAction::triggered, this, [this] {
        if (isReady())
            m_vouchers->startPurchase();
    });
    connect(window.refreshAction(), &QAction::triggered, this, &CounterFlow::refresh);
    connect(window.lockAction(), &QAction::triggered, this, [this] {
        if (m_session->isLoggedIn() && !m_lock.locked)
            lock();
    });
    connect(window.switchOperatorAction(), &QAction::triggered, this, &CounterFlow::switchOperator);
    connect(&window, &MainWindow::pageChanged, this, [this](QWidget* page) {
        // Home, the logo and Esc must not lead past the login or the lock.
        if (page == m_window.homePage() && (!m_session->isLoggedIn() || m_session->structureId().isEmpty()))
            m_window.showPage(m_session->isLoggedIn() ? static_cast<QWidget*>(m_structures) : m_login, false);
        else if (m_lock.locked && page != m_lockPage && page != m_login)
            m_window.showPage(m_lockPage, false);
    });

    connect(m_idle, &IdleLock::idle, this, &CounterFlow::lock);
    connect(m_lockPage, &LockPage::unlockRequested, this, &CounterFlow::unlock);
    connect(m_lockPage, &LockPage::pinUnlockRequested, this, &CounterFlow::unlockWithPin);
    // "Imposta PIN di sblocco…": only for the operator logged in, while IT allows quick unlock.
    auto* pinAction = new QAction(tr("Imposta PIN di sblocco…"), &window);
    pinAction->setObjectName(QStringLiteral("setPinAction"));
    pinAction->setToolTip(tr("Sblocca la postazione con un PIN finché l'accesso SPID è valido"));
    window.addAction(pinAction);
    window.operationsMenu()->addAction(pinAction);
    connect(pinAction, &QAction::triggered, this, &CounterFlow::openPinDialog);
    // A PIN of an earlier run belongs to a grant that is gone.
    services.quickUnlock().forget();
    connect(m_lockPage, &LockPage::switchOperatorRequested, this, &CounterFlow::switchOperator);
    // The session ended by itself (refresh refused): the draft is kept, a new login is asked.
    connect(&services.api(), &ApiClient::sessionExpired, this, &CounterFlow::sessionExpired);
    connect(&services.session(), &Session::expired, this, &CounterFlow::sessionExpired);
}

CounterFlow::~CounterFlow() = default;

bool CounterFlow::isReady() const
{
    return m_session->isLoggedIn() && !m_session->structureId().isEmpty() && !m_lock.locked;
}

void CounterFlow::setIdleTimeoutMs(int ms)
{
    m_idle->setTimeoutMs(ms);
}

void CounterFlow::start()
{
    m_window.showPage(m_login, false);
    loadSandboxIdentities();
}

void CounterFlow::loadSandboxIdentities()
{
    m_services.api().info(this, [this](Result<ServerInfo> info) {
        if (!info.ok()) {
            m_login->showError(info.error().message);
            return;
        }
        m_window.setTrainingMode(info->sandbox);
        if (!info->sandbox)
            return;
        m_services.api().sandboxIdentities(this, [this](Result<QList<SandboxIdentity>> identities) {
            if (identities.ok())
                m_login->setSandboxIdentities(identities.value());
        });
    });
}

void CounterFlow::login(const QString& identityId)
{
    m_login->setBusy(true,
                     identityId.isEmpty() ? tr("Completa l'accesso SPID nel browser, poi torna qui.")
                                          : tr("Accesso in corso..."));
    // One waiter per attempt: it hears the login's outcome once, asks who logged in, then goes.
    LoginFlow& flow = m_services.login();
    auto* waiter = new QObject(this);
    const auto finish = [this, waiter](Result<OperatorProfile> result) {
        waiter->deleteLater();
        if (!result.ok()) {
            m_login->showError(result.error().message);
            return;
        }
        m_login->setBusy(false);
        loggedIn(result.value());
    };
    connect(&flow, &LoginFlow::succeeded, waiter, [this, &flow, waiter, finish] {
        QObject::disconnect(&flow, nullptr, waiter, nullptr);
        m_services.api().me(waiter, finish);
    });
    connect(&flow, &LoginFlow::failed, waiter, [&flow, waiter, finish](const Error& e) {
        QObject::disconnect(&flow, nullptr, waiter, nullptr);
        finish(e);
    });
    if (identityId.isEmpty())
        flow.start();
    else
        flow.startSandbox(identityId);
}

void CounterFlow::loggedIn(const OperatorProfile& profile)
{
    // Intents of this operator left unresolved by a crash or a dropped answer are replayed now;
    // another operator's are never replayed (at the server they would be new purchases).
    m_services.runner().setOperatorId(profile.id);
    m_services.runner().reconcile();
    // The server may not have answered at start (offline): ask again whether it is a sandbox, so
    // the training banner and the PROVA marks never miss.
    m_services.api().info(this, [this](Result<ServerInfo> info) {
        if (info.ok())
            m_window.setTrainingMode(info->sandbox);
    });
    if (m_lock.locked && profile.id == m_lock.operatorId) {
        resumeLocked();
        return;
    }
    if (m_lock.locked || (m_session->isLoggedIn() && m_session->profile().id != profile.id)) {
        // Another operator: nothing of the previous one stays on screen, nor her PIN.
        m_services.quickUnlock().forget();
        m_vouchers->clearPersonalData();
        m_lock = {};
        m_resumeAfterLogin = false;
    }
    const bool resume = m_resumeAfterLogin;
    const QString previousStructure = m_session->structureId();
    m_session->setProfile(profile);
    m_window.topBar()->setOperatorName(m_session->operatorName());
    if (resume && m_session->selectStructure(previousStructure)) {
        structureChosen(previousStructure);
        return;
    }
    chooseStructure();
}

void CounterFlow::chooseStructure()
{
    const QString preselected
        = m_session->structureId().isEmpty() ? m_session->lastStructureId() : m_session->structureId();
    m_structures->setStructures(m_session->structures(), preselected);
    m_window.showPage(m_structures);
    m_structures->focusList();
}

void CounterFlow::structureChosen(const QString& structureId)
{
    if (!m_session->selectStructure(structureId))
        return;
    const auto structure = m_session->structure();
    m_window.topBar()->setStructureName(structure ? structure->name : QString());
    m_window.homePage()->setStaffTileVisible(m_session->isTitolare());
    m_idle->arm();
    m_window.goHome();
    if (m_resumeAfterLogin) {
        // After an expired session: back to the interrupted purchase with its draft.
        m_resumeAfterLogin = false;
        const QString voucherId = m_vouchers->interruptedVoucherId();
        if (!voucherId.isEmpty())
            m_vouchers->openVoucher(voucherId, true);
    }
}

void CounterFlow::showStaff()
{
    if (!isReady() || !m_session->isTitolare())
        return;
    m_staff->setStructureName(m_session->structure()->name);
    m_window.showPage(m_staff);
    m_staffFlow->load();
}

void CounterFlow::showActivityLog()
{
    if (!isReady() || !m_session->isTitolare())
        return;
    m_activityLog->setStructureName(m_session->structure()->name);
    m_activityLog->resetPeriod();
    m_window.showPage(m_activityLog);
    m_activityLog->setFocus();
    m_activityLogFlow->load(m_activityLog->from(), m_activityLog->to());
}

void CounterFlow::refresh()
{
    if (!isReady())
        return;
    if (m_window.currentPage() == m_activityLog)
        m_activityLog->search();
    else if (m_window.currentPage() == m_staff)
        m_staffFlow->load();
    else
        m_vouchers->refresh();
}

void CounterFlow::lock()
{
    if (!m_session->isLoggedIn() || m_lock.locked)
        return;
    m_vouchers->saveDraftNow();
    m_vouchers->closeOtpDialog();
    for (QDialog* dialog : m_window.findChildren<QDialog*>()) {
        if (dialog->isVisible())
            dialog->reject();
    }
    QWidget* current = m_window.currentPage();
    if (current == m_lockPage || current == m_login)
        current = m_window.homePage();
    m_lock = {true, m_session->profile().id, current};
    m_idle->disarm();
    m_lockPage->setOperatorName(m_session->operatorName());
    m_lockPage->setPinAvailable(m_services.quickUnlock().hasPin(m_lock.operatorId));
    m_window.topBar()->setOperatorName(QString());
    m_window.showPage(m_lockPage, false);
    m_lockPage->focusUnlock();
    m_window.announce(tr("Postazione bloccata"));
}

void CounterFlow::resumeLocked()
{
    // Same operator: back exactly where the counter was locked.
    QWidget* back = m_lock.pageBefore ? m_lock.pageBefore.data() : m_window.homePage();
    m_lock = {};
    m_lockPage->setBusy(false);
    m_window.topBar()->setOperatorName(m_session->operatorName());
    m_idle->arm();
    m_window.showPage(back, false);
    m_window.announce(tr("Postazione sbloccata"));
}

void CounterFlow::setQuickUnlockEnabled(bool enabled)
{
    m_services.quickUnlock().setEnabled(enabled);
    if (QAction* action = m_window.findChild<QAction*>(QStringLiteral("setPinAction")))
        action->setVisible(enabled);
}

void CounterFlow::openPinDialog()
{
    if (!isReady() || !m_services.quickUnlock().isEnabled())
        return;
    auto* dialog = new PinDialog(&m_window);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &PinDialog::pinChosen, this, [this, dialog](const QString& pin) {
        m_services.quickUnlock().setPin(m_session->profile().id, pin, dialog, [dialog](Result<void> r) {
            if (r.ok())
                dialog->accept();
            else
                dialog->showError(r.error().message);
        });
    });
    dialog->open();
}

void CounterFlow::setUnlockPin(const QString& pin)
{
    if (!m_session->isLoggedIn())
        return;
    m_services.quickUnlock().setPin(m_session->profile().id, pin, this, [](Result<void>) {});
}

void CounterFlow::unlockWithPin(const QString& pin)
{
    if (!m_lock.locked)
        return;
    m_lockPage->setBusy(true);
    const QString operatorId = m_lock.operatorId;
    m_services.quickUnlock().verify(operatorId, pin, this, [this, operatorId](Result<void> checked) {
        if (!m_lock.locked || m_lock.operatorId != operatorId)
            return;
        if (!checked.ok()) {
            m_lockPage->showError(checked.error().message);
            if (checked.error().code != QLatin1String("quickunlock.wrong_pin")) {
                // Five wrong PINs, or no PIN any more: only SPID unlocks now.
                m_lockPage->setPinAvailable(false);
                m_lockPage->focusUnlock();
            }
            return;
        }
        // The PIN is right: the login's grant must still be valid, and hers.
        m_services.api().me(this, [this, operatorId](Result<OperatorProfile> me) {
            if (!m_lock.locked || m_lock.operatorId != operatorId)
                return;
            if (!me.ok() || me->id != operatorId) {
                m_services.quickUnlock().forget();
                m_lockPage->setPinAvailable(false);
                m_lockPage->showError(tr("Accesso SPID scaduto: sblocca con SPID."));
                return;
            }
            resumeLocked();
        });
    });
}

void CounterFlow::unlock()
{
    // Unlocking needs the operator's login again; a different operator means a switch.
    m_window.showPage(m_login, false);
    m_login->setBusy(false);
}

void CounterFlow::switchOperator()
{
    m_vouchers->saveDraftNow();
    m_vouchers->clearPersonalData();
    m_idle->disarm();
    m_services.quickUnlock().forget();
    m_services.session().logout(this, [](Result<void>) {}); // always ends logged out locally
    m_services.runner().setOperatorId(QString());
    m_session->clear();
    m_lock = {};
    m_resumeAfterLogin = false;
    m_window.topBar()->setOperatorName(QString());
    m_window.topBar()->setStructureName(QString());
    m_window.announce(QString());
    m_window.clearHistory();
    m_window.showPage(m_login, false);
    m_login->setBusy(false);
}

void CounterFlow::sessionExpired()
{
    if (!m_session->isLoggedIn())
        return;
    m_vouchers->saveDraftNow();
    m_vouchers->closeOtpDialog();
    m_resumeAfterLogin = true;
    m_services.quickUnlock().forget(); // the grant is gone
    m_idle->disarm();
    m_window.showPage(m_login, false);
    m_login->showError(tr("Sessione scaduta: accedi di nuovo. L'acquisto in corso è stato conservato."));
}

} // namespace sinfonia
