#include "ui/dialogs/PinDialog.h"

#include "ui/UiHelpers.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRegularExpressionValidator>
#include <QVBoxLayout>

namespace sinfonia {

PinDialog::PinDialog(QWidget* parent)
    : QDialog(parent)
{
    setObjectName(QStringLiteral("pinDialog"));
    setWindowTitle(tr("Imposta PIN di sblocco"));
    auto* intro = new QLabel(tr("Con il PIN sblocchi la postazione dopo il blocco per inattività, finché il tuo "
                                "accesso SPID è valido. Da 4 a 8 cifre; dopo 5 PIN errati serve di nuovo SPID."),
                             this);
    intro->setWordWrap(true);
    m_pin = new QLineEdit(this);
    m_pin->setObjectName(QStringLiteral("newPinEdit"));
    m_confirm = new QLineEdit(this);
    m_confirm->setObjectName(QStringLiteral("confirmPinEdit"));
    for (QLineEdit* e : {m_pin, m_confirm}) {
        e->setEchoMode(QLineEdit::Password);
        e->setMaxLength(8);
        e->setValidator(new QRegularExpressionValidator(QRegularExpression(QStringLiteral("[0-9]{0,8}")), e));
    }
    m_pin->setAccessibleName(tr("Nuovo PIN"));
    m_confirm->setAccessibleName(tr("Ripeti il PIN"));
    m_error = new QLabel(this);
    m_error->setObjectName(QStringLiteral("pinError"));
    m_error->setWordWrap(true);
    m_error->setAccessibleName(tr("Esito"));
    auto* form = new QFormLayout;
    form->addRow(tr("Nuovo PIN"), m_pin);
    form->addRow(tr("Ripeti il PIN"), m_confirm);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    m_ok = buttons->button(QDialogButtonBox::Ok);
    m_ok->setText(tr("Salva PIN"));
    m_ok->setObjectName(QStringLiteral("savePinButton"));
    buttons->button(QDialogButtonBox::Cancel)->setText(tr("Annulla"));
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addLayout(form);
    layout->addWidget(m_error);
    layout->addWidget(buttons);
    connect(buttons, &QDialogButtonBox::accepted, this, &PinDialog::submit);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
}

void PinDialog::submit()
{
    if (m_pin->text().size() < 4) {
        showError(tr("Il PIN deve avere da 4 a 8 cifre."));
        return;
    }
    if (m_pin->text() != m_confirm->text()) {
        showError(tr("I due PIN non coincidono."));
        return;
    }
    Q_EMIT pinChosen(m_pin->text());
}

void PinDialog::showError(const QString& message)
{
    ui::showStatus(m_error, message, true);
}

} // namespace sinfonia
