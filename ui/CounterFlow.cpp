#include "ui/CounterFlow.h"

#include "ui/CounterBackend.h"
#include "ui/IdleLock.h"
#include "ui/MainWindow.h"
#include "ui/OperatorSession.h"
#include "ui/TopBar.h"
#include "ui/VoucherFlow.h"
#include "ui/pages/HomePage.h"
#include "ui/pages/LockPage.h"
#include "ui/pages/LoginPage.h"
#include "ui/pages/StaffPage.h"
#include "ui/pages/StructurePage.h"
#include "ui/pages/VoucherPage.h"

#include <QAction>
#include <QDialog>
#include <QListWidget>
#include <QPushButton>

namespace sinfonia {

CounterFlow::CounterFlow(CounterBackend& backend, MainWindow& window, const Clock& clock, QObject* parent)
    : QObject(parent)
    , m_backend(backend)
    , m_window(window)
    , m_clock(clock)
    , m_session(new OperatorSession(this))
    , m_idle(new IdleLock(this))
{
    m_vouchers = new VoucherFlow(backend, *m_session, window, clock, this);
    m_login = new LoginPage(&window);
    m_structures = new StructurePage(&window);
    m_staff = new StaffPage(clock, &window);
    m_lockPage = new LockPage(&window);
    for (QWidget* page : {static_cast<QWidget*>(m_login), static_cast<QWidget*>(m_structures),
                          static_cast<QWidget*>(m_staff), static_cast<QWidget*>(m_lockPage)})
        window.addPage(page);

    connect(m_login, &LoginPage::spidLoginRequested, this, [this] { login(QString()); });
    connect(m_login, &LoginPage::sandboxLoginRequested, this, &CounterFlow::login);
    connect(m_login, &LoginPage::cancelRequested, this, [this] {
        m_backend.cancelLogin();
        m_login->showError(tr("Accesso annullato. Premi di nuovo \"Accedi\" per riprovare."));
    });
    connect(m_structures, &StructurePage::structureChosen, this, &CounterFlow::structureChosen);
    connect(window.topBar(), &TopBar::structureSwitchRequested, this, [this] {
        if (ready())
            chooseStructure();
    });
    connect(window.homePage(), &HomePage::vouchersRequested, m_vouchers, &VoucherFlow::showSearch);
    connect(window.homePage(), &HomePage::staffRequested, this, &CounterFlow::showStaff);

    connect(window.searchAction(), &QAction::triggered, this, [this] {
        if (ready())
            m_vouchers->showSearch();
    });
    connect(window.purchaseAction(), &QAction::triggered, this, [this] {
        if (ready())
            m_vouchers->startPurchase();
    });
    connect(window.refreshAction(), &QAction::triggered, this, &CounterFlow::refresh);
    connect(window.lockAction(), &QAction::triggered, this, [this] {
        if (m_session->isLoggedIn() && !m_locked)
            lock();
    });
    connect(window.switchOperatorAction(), &QAction::triggered, this, &CounterFlow::switchOperator);
    connect(&window, &MainWindow::pageChanged, this, [this](QWidget* page) {
        // Home, the logo and Esc must not lead past the login or the lock.
        if (page == m_window.homePage() && (!m_session->isLoggedIn() || m_session->structureId().isEmpty()))
            m_window.showPage(m_session->isLoggedIn() ? static_cast<QWidget*>(m_structures) : m_login, false);
        else if (m_locked && page != m_lockPage && page != m_login)
            m_window.showPage(m_lockPage, false);
    });

    connect(m_idle, &IdleLock::idle, this, &CounterFlow::lock);
    connect(m_lockPage, &LockPage::unlockRequested, this, &CounterFlow::unlock);
    connect(m_lockPage, &LockPage::switchOperatorRequested, this, &CounterFlow::switchOperator);
    connect(&m_backend, &CounterBackend::sessionExpired, this, &CounterFlow::sessionExpired);

    connect(m_staff, &StaffPage::addEmployeeRequested, this,
            [this](const QString& cf, const QString& given, const QString& family) {
                Employee e;
                e.codiceFiscale = cf;
                e.givenName = given;
                e.familyName = family;
                m_staff->setBusy(true);
                m_backend.addEmployee(m_session->structureId(), e, this, [this](Result<Employee> r) {
                    m_staff->setBusy(false);
                    if (!r.ok())
                        return m_staff->showMessage(r.error().message, true);
                    m_staff->updateEmployee(r.value());
                    m_staff->showMessage(tr("Dipendente %1 %2 aggiunto.").arg(r->givenName, r->familyName), false);
                });
            });
    connect(m_staff, &StaffPage::serviceChangeRequested, this,
            [this](const QString& id, const QString& service, bool associate) {
                m_staff->setBusy(true);
                m_backend.setEmployeeService(m_session->structureId(), id, service, associate, this,
                                             [this](Result<Employee> r) {
                                                 m_staff->setBusy(false);
                                                 if (!r.ok())
                                                     return m_staff->showMessage(r.error().message, true);
                                                 m_staff->updateEmployee(r.value());
                                                 m_staff->showMessage(tr("Servizi aggiornati."), false);
                                             });
            });
    connect(m_staff, &StaffPage::enabledChangeRequested, this, [this](const QString& id, bool enabled) {
        m_staff->setBusy(true);
        m_backend.setEmployeeEnabled(m_session->structureId(), id, enabled, this, [this, enabled](Result<Employee> r) {
            m_staff->setBusy(false);
            if (!r.ok())
                return m_staff->showMessage(r.error().message, true);
            m_staff->updateEmployee(r.value());
            m_staff->showMessage(enabled ? tr("Utenza riabilitata.") : tr("Utenza disabilitata."), false);
        });
    });
}

CounterFlow::~CounterFlow() = default;

bool CounterFlow::ready() const
{
    return m_session->isLoggedIn() && !m_session->structureId().isEmpty() && !m_locked;
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
    m_backend.serverInfo(this, [this](Result<ServerInfo> info) {
        if (!info.ok()) {
            m_login->showError(info.error().message);
            return;
        }
        if (!info->sandbox)
            return;
        m_backend.sandboxIdentities(this, [this](Result<QList<SandboxIdentity>> identities) {
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
    m_backend.login(identityId, this, [this](Result<OperatorProfile> result) {
        if (!result.ok()) {
            m_login->showError(result.error().message);
            return;
        }
        m_login->setBusy(false);
        loggedIn(result.value());
    });
}

void CounterFlow::loggedIn(const OperatorProfile& profile)
{
    if (m_locked && profile.id == m_lockedOperatorId) {
        // Same operator: back exactly where the counter was locked.
        m_locked = false;
        m_lockedOperatorId.clear();
        m_window.topBar()->setOperatorName(m_session->operatorName());
        m_idle->arm();
        m_window.showPage(m_pageBeforeLock ? m_pageBeforeLock : m_window.homePage(), false);
        return;
    }
    if (m_locked || (m_session->isLoggedIn() && m_session->profile().id != profile.id)) {
        // Another operator: nothing of the previous one stays on screen.
        m_vouchers->clearPersonalData();
        m_locked = false;
        m_lockedOperatorId.clear();
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
    m_structures->list()->setFocus();
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
    if (!ready() || !m_session->isTitolare())
        return;
    m_staff->setStructureName(m_session->structure()->name);
    m_window.showPage(m_staff);
    loadEmployees();
}

void CounterFlow::loadEmployees()
{
    m_backend.employees(m_session->structureId(), this, [this](Result<QList<Employee>> r) {
        if (!r.ok())
            return m_staff->showMessage(r.error().message, true);
        m_staff->setEmployees(r.value());
    });
}

void CounterFlow::refresh()
{
    if (!ready())
        return;
    if (m_window.currentPage() == m_staff)
        loadEmployees();
    else
        m_vouchers->refresh();
}

void CounterFlow::lock()
{
    if (!m_session->isLoggedIn() || m_locked)
        return;
    m_vouchers->saveDraftNow();
    m_vouchers->closeOtpDialog();
    for (QDialog* dialog : m_window.findChildren<QDialog*>()) {
        if (dialog->isVisible())
            dialog->reject();
    }
    m_pageBeforeLock = m_window.currentPage();
    if (m_pageBeforeLock == m_lockPage || m_pageBeforeLock == m_login)
        m_pageBeforeLock = m_window.homePage();
    m_locked = true;
    m_lockedOperatorId = m_session->profile().id;
    m_idle->disarm();
    m_lockPage->setOperatorName(m_session->operatorName());
    m_window.topBar()->setOperatorName(QString());
    m_window.showPage(m_lockPage, false);
    m_lockPage->unlockButton()->setFocus();
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
    m_backend.logout();
    m_session->clear();
    m_locked = false;
    m_lockedOperatorId.clear();
    m_pageBeforeLock = nullptr;
    m_resumeAfterLogin = false;
    m_window.topBar()->setOperatorName(QString());
    m_window.topBar()->setStructureName(QString());
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
    m_idle->disarm();
    m_window.showPage(m_login, false);
    m_login->showError(tr("Sessione scaduta: accedi di nuovo. L'acquisto in corso è stato conservato."));
}

} // namespace sinfonia
