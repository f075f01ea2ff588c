#include "ui/dialogs/AddEmployeeDialog.h"

#include "core/domain/Clock.h"
#include "core/domain/CodiceFiscale.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace sinfonia {

AddEmployeeDialog::AddEmployeeDialog(const Clock& clock, QWidget* parent)
    : QDialog(parent)
    , m_clock(clock)
{
    setObjectName(QStringLiteral("addEmployeeDialog"));
    setWindowTitle(tr("Aggiungi dipendente"));
    auto* layout = new QVBoxLayout(this);
    auto* form = new QFormLayout;
    m_cf = new QLineEdit(this);
    m_cf->setObjectName(QStringLiteral("employeeCfEdit"));
    m_cf->setAccessibleName(tr("Codice fiscale del dipendente (obbligatorio)"));
    m_given = new QLineEdit(this);
    m_given->setObjectName(QStringLiteral("employeeGivenNameEdit"));
    m_given->setAccessibleName(tr("Nome (obbligatorio)"));
    m_family = new QLineEdit(this);
    m_family->setObjectName(QStringLiteral("employeeFamilyNameEdit"));
    m_family->setAccessibleName(tr("Cognome (obbligatorio)"));
    form->addRow(tr("Codice Fiscale *"), m_cf);
    form->addRow(tr("Nome *"), m_given);
    form->addRow(tr("Cognome *"), m_family);
    layout->addLayout(form);
    m_message = new QLabel(this);
    m_message->setObjectName(QStringLiteral("employeeMessage"));
    m_message->setProperty("class", QStringLiteral("error"));
    m_message->setWordWrap(true);
    layout->addWidget(m_message);
    auto* box = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    m_ok = box->button(QDialogButtonBox::Ok);
    m_ok->setText(tr("Aggiungi"));
    m_ok->setObjectName(QStringLiteral("addEmployeeOkButton"));
    box->button(QDialogButtonBox::Cancel)->setText(tr("Annulla"));
    layout->addWidget(box);
    connect(box, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(box, &QDialogButtonBox::rejected, this, &QDialog::reject);
    for (QLineEdit* edit : {m_cf, m_given, m_family})
        connect(edit, &QLineEdit::textChanged, this, &AddEmployeeDialog::validate);
    validate();
}

QString AddEmployeeDialog::codiceFiscale() const
{
    return CodiceFiscale::normalize(m_cf->text());
}

QString AddEmployeeDialog::givenName() const
{
    return m_given->text().simplified();
}

QString AddEmployeeDialog::familyName() const
{
    return m_family->text().simplified();
}

void AddEmployeeDialog::validate()
{
    QString problem;
    const QString cf = codiceFiscale();
    if (!cf.isEmpty()) {
        if (cf.size() < CodiceFiscale::length)
            problem = CodiceFiscale::liveCheck(cf).value_or(QString());
        else if (const auto checked = CodiceFiscale::validate(cf, m_clock.todayInRome()); !checked.ok())
            problem = checked.error().message;
    }
    const bool complete = CodiceFiscale::isValid(cf) && !givenName().isEmpty() && !familyName().isEmpty();
    if (problem.isEmpty() && !complete)
        problem = tr("Codice fiscale, nome e cognome sono obbligatori.");
    m_message->setText(problem);
    m_ok->setEnabled(complete);
}

} // namespace sinfonia
