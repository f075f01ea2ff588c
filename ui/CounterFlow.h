#pragma once

#include "core/services/net/ApiTypes.h"

#include <QObject>

namespace sinfonia {

class Clock;
class CounterBackend;
class IdleLock;
class LockPage;
class LoginPage;
class MainWindow;
class OperatorSession;
class StaffPage;
class StructurePage;
class VoucherFlow;

// The counter's top-level flow: login (SPID or sandbox identity) → structure → home, the staff
// page, the keyboard actions, idle lock / unlock / operator switch and session expiry. The voucher
// screens are delegated to VoucherFlow. Everything it uses is passed in: no globals.
class CounterFlow : public QObject
{
    Q_OBJECT
public:
    CounterFlow(CounterBackend& backend, MainWindow& window, const Clock& clock, QObject* parent = nullptr);
    ~CounterFlow() override;

    // Shows the login page and asks the server whether it is a sandbox.
    void start();
    void setIdleTimeoutMs(int ms);
    void lock();
    void switchOperator();
    bool isLocked() const { return m_locked; }

    OperatorSession& session() const { return *m_session; }
    VoucherFlow& vouchers() const { return *m_vouchers; }
    LoginPage* loginPage() const { return m_login; }
    StructurePage* structurePage() const { return m_structures; }
    StaffPage* staffPage() const { return m_staff; }
    LockPage* lockPage() const { return m_lockPage; }
    IdleLock& idleLock() const { return *m_idle; }

private:
    void loadSandboxIdentities();
    void login(const QString& identityId);
    void loggedIn(const OperatorProfile& profile);
    void chooseStructure();
    void structureChosen(const QString& structureId);
    void showStaff();
    void loadEmployees();
    void sessionExpired();
    void unlock();
    void refresh();
    bool ready() const;

    CounterBackend& m_backend;
    MainWindow& m_window;
    const Clock& m_clock;
    OperatorSession* m_session = nullptr;
    VoucherFlow* m_vouchers = nullptr;
    IdleLock* m_idle = nullptr;
    LoginPage* m_login = nullptr;
    StructurePage* m_structures = nullptr;
    StaffPage* m_staff = nullptr;
    LockPage* m_lockPage = nullptr;

    bool m_locked = false;
    QString m_lockedOperatorId;
    QWidget* m_pageBeforeLock = nullptr;
    bool m_resumeAfterLogin = false;
};

} // namespace sinfonia
