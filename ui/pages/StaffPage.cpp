#include "ui/pages/StaffPage.h"

#include "core/domain/Clock.h"
#include "ui/UiHelpers.h"
#include "ui/dialogs/AddEmployeeDialog.h"
#include "ui/models/EmployeesModel.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QMenu>
#include <QPushButton>
#include <QTableView>
#include <QVBoxLayout>

namespace sinfonia {

StaffPage::StaffPage(const Clock& clock, QWidget* parent)
    : QWidget(parent)
    , m_clock(clock)
    , m_model(new EmployeesModel(this))
{
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(32, 16, 32, 16);
    m_title = ui::titleLabel(tr("Gestione delle abilitazioni"), this);
    layout->addWidget(m_title);
    auto* buttons = new QHBoxLayout;
    m_addButton = new QPushButton(tr("AGGIUNGI DIPENDENTE"), this);
    m_addButton->setObjectName(QStringLiteral("addEmployeeButton"));
    m_addButton->setProperty("class", QStringLiteral("primary"));
    m_addButton->setAccessibleName(tr("Aggiungi dipendente"));
    m_addButton->setToolTip(tr("Aggiungi dipendente (Ctrl+N)"));
    m_addButton->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_N));
    m_menuButton = new QPushButton(tr("☰ Menù rapido"), this);
    m_menuButton->setObjectName(QStringLiteral("quickMenuButton"));
    m_menuButton->setAccessibleName(tr("Menù rapido del dipendente selezionato"));
    m_menuButton->setToolTip(tr("Menù rapido (Invio sulla riga)"));
    m_activityButton = new QPushButton(tr("REGISTRO ATTIVITÀ"), this);
    m_activityButton->setObjectName(QStringLiteral("activityLogButton"));
    m_activityButton->setAccessibleName(tr("Registro attività della struttura"));
    m_activityButton->setToolTip(tr("Registro attività (Ctrl+L)"));
    m_activityButton->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_L));
    buttons->addWidget(m_addButton);
    buttons->addWidget(m_menuButton);
    buttons->addStretch(1);
    buttons->addWidget(m_activityButton);
    layout->addLayout(buttons);
    m_message = new QLabel(this);
    m_message->setObjectName(QStringLiteral("staffMessage"));
    m_message->setVisible(false);
    layout->addWidget(m_message);
    m_table = new QTableView(this);
    m_table->setObjectName(QStringLiteral("employeesTable"));
    m_table->setAccessibleName(tr("Dipendenti della struttura"));
    m_table->setModel(m_model);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->verticalHeader()->setVisible(false);
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_table->setContextMenuPolicy(Qt::CustomContextMenu);
    layout->addWidget(m_table, 1);
    setFocusProxy(m_table);

    connect(m_addButton, &QPushButton::clicked, this, &StaffPage::addEmployee);
    connect(m_menuButton, &QPushButton::clicked, this, &StaffPage::openQuickMenu);
    connect(m_activityButton, &QPushButton::clicked, this, &StaffPage::activityLogRequested);
    connect(m_table, &QTableView::activated, this, &StaffPage::openQuickMenu);
    connect(m_table, &QTableView::customContextMenuRequested, this, &StaffPage::openQuickMenu);
}

void StaffPage::setStructureName(const QString& name)
{
    m_title->setText(tr("Gestione delle abilitazioni - %1").arg(name));
}

void StaffPage::setEmployees(const QList<Employee>& employees)
{
    m_model->setEmployees(employees);
    if (m_model->rowCount() > 0)
        m_table->selectRow(0);
}

void StaffPage::updateEmployee(const Employee& employee)
{
    m_model->upsert(employee);
}

void StaffPage::showMessage(const QString& message, bool error)
{
    ui::showStatus(m_message, message, error);
}

void StaffPage::setBusy(bool busy)
{
    m_addButton->setEnabled(!busy);
    m_menuButton->setEnabled(!busy);
}

void StaffPage::addEmployee()
{
    AddEmployeeDialog dialog(m_clock, this);
    if (dialog.exec() == QDialog::Accepted)
        emit addEmployeeRequested(dialog.codiceFiscale(), dialog.givenName(), dialog.familyName());
}

void StaffPage::openQuickMenu()
{
    const QModelIndex current = m_table->currentIndex();
    if (!current.isValid() || !m_menuButton->isEnabled())
        return;
    const Employee employee = m_model->employee(current.row());
    const QString service = QString::fromLatin1(voucherService);
    auto* menu = new QMenu(this);
    menu->setObjectName(QStringLiteral("employeeQuickMenu"));
    menu->setAttribute(Qt::WA_DeleteOnClose);
    QAction* associate = menu->addAction(tr("Associa servizio Voucher secondogeniti"), this, [this, employee, service] {
        emit serviceChangeRequested(employee.id, service, true);
    });
    associate->setEnabled(!employee.services.contains(service));
    QAction* remove = menu->addAction(tr("Rimuovi servizio Voucher secondogeniti"), this, [this, employee, service] {
        emit serviceChangeRequested(employee.id, service, false);
    });
    remove->setEnabled(employee.services.contains(service));
    if (employee.enabled)
        menu->addAction(tr("Disabilita utenza"), this,
                        [this, employee] { emit enabledChangeRequested(employee.id, false); });
    else
        menu->addAction(tr("Riabilita utenza"), this,
                        [this, employee] { emit enabledChangeRequested(employee.id, true); });
    const QRect rect = m_table->visualRect(current);
    menu->popup(m_table->viewport()->mapToGlobal(rect.bottomLeft()));
}

} // namespace sinfonia
