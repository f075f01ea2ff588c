#pragma once

#include "core/services/net/ApiTypes.h"

#include <QWidget>

class QLabel;
class QPushButton;
class QTableView;

namespace sinfonia {

class Clock;

class EmployeesModel;

// "Gestione struttura" → "Gestione delle abilitazioni": employees of the structure, "Aggiungi
// dipendente", and the quick menu (associa servizio, rimuovi servizio, disabilita/riabilita).
class StaffPage : public QWidget
{
    Q_OBJECT
public:
    static constexpr char voucherService[] = "voucher-secondogeniti";

    explicit StaffPage(const Clock& clock, QWidget* parent = nullptr);

    void setStructureName(const QString& name);
    void setEmployees(const QList<Employee>& employees);
    void updateEmployee(const Employee& employee);
    void showMessage(const QString& message, bool error);
    void setBusy(bool busy);
    EmployeesModel* model() const { return m_model; }
    QTableView* table() const { return m_table; }
    void openQuickMenu();

signals:
    // "Registro attività" of the structure.
    void activityLogRequested();
    void addEmployeeRequested(const QString& codiceFiscale, const QString& givenName, const QString& familyName);
    void serviceChangeRequested(const QString& employeeId, const QString& service, bool associate);
    void enabledChangeRequested(const QString& employeeId, bool enabled);

private:
    const Clock& m_clock;
    void addEmployee();

    EmployeesModel* m_model = nullptr;
    QLabel* m_title = nullptr;
    QTableView* m_table = nullptr;
    QPushButton* m_addButton = nullptr;
    QPushButton* m_menuButton = nullptr;
    QPushButton* m_activityButton = nullptr;
    QLabel* m_message = nullptr;
};

} // namespace sinfonia
