#pragma once

#include "core/services/net/ApiTypes.h"

#include <QObject>
#include <QPointer>

namespace sinfonia {

class IdleLock;
class LockPage;
class LoginPage;
class MainWindow;
class OperatorSession;
class ServiceStack;
class StaffFlow;
class ActivityLogFlow;
class ActivityLogPage;
class StaffPage;
class StructurePage;
class VoucherFlow;

// The counter's top-level flow: login (SPID or sandbox identity) → structure → home, the staff
// page, the keyboard actions, idle lock / unlock / operator switch and session expiry. The voucher
// screens are delegated to VoucherFlow, staff management to StaffFlow. It uses the client services
// it is given (ServiceStack): no globals.
class CounterFlow : public QObject
{
    Q_OBJECT
public:
    CounterFlow(ServiceStack& services, MainWindow& window, QObject* parent = nullptr);
    ~CounterFlow() override;

    // Shows the login page and asks the server whether it is a sandbox.
    void start();
    void setIdleTimeoutMs(int ms);
    void lock();
    void switchOperator();
    // Quick unlock: IT policy (session/quickUnlock); off forgets any PIN.
    void setQuickUnlockEnabled(bool enabled);
    // "Imposta PIN di sblocco": the PIN of the operator logged in with SPID (4–8 digits).
    void setUnlockPin(const QString& pin);
    // The PIN typed on the lock page.
    void unlockWithPin(const QString& pin);
    bool isLocked() const { return m_lock.locked; }
    // Logged in, a structure chosen and not locked: the counter takes work (keys, scans, menus).
    bool isReady() const;

    OperatorSession& session() const { return *m_session; }
    VoucherFlow& vouchers() const { return *m_vouchers; }
    LoginPage* loginPage() const { return m_login; }
    StructurePage* structurePage() const { return m_structures; }
    StaffPage* staffPage() const { return m_staff; }
    ActivityLogPage* activityLogPage() const { return m_activityLog; }
    LockPage* lockPage() const { return m_lockPage; }
    IdleLock& idleLock() const { return *m_idle; }

private:
    // Who locked the counter and where it was: unlocking by the same operator returns there.
    struct LockState
    {
        bool locked = false;
        QString operatorId;
        QPointer<QWidget> pageBefore;
    };

    void loadSandboxIdentities();
    void login(const QString& identityId);
    void loggedIn(const OperatorProfile& profile);
    void chooseStructure();
    void structureChosen(const QString& structureId);
    void showStaff();
    void showActivityLog();
    void sessionExpired();
    void unlock();
    void resumeLocked();
    void openPinDialog();
    void refresh();

    ServiceStack& m_services;
    MainWindow& m_window;
    OperatorSession* m_session = nullptr;
    VoucherFlow* m_vouchers = nullptr;
    StaffFlow* m_staffFlow = nullptr;
    ActivityLogPage* m_activityLog = nullptr;
    ActivityLogFlow* m_activityLogFlow = nullptr;
    IdleLock* m_idle = nullptr;
    LoginPage* m_login = nullptr;
    StructurePage* m_structures = nullptr;
    StaffPage* m_staff = nullptr;
    LockPage* m_lockPage = nullptr;

    LockState m_lock;
    bool m_resumeAfterLogin = false;
};

} // namespace sinfonia
