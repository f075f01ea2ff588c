#include "ui/pages/CancellationPage.h"

#include "core/domain/Clock.h"
#include "core/domain/VoucherRules.h"
#include "ui/UiHelpers.h"

#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace sinfonia {

CancellationPage::CancellationPage(QWidget* parent)
    : QWidget(parent)
{
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(32, 16, 32, 16);
    layout->addWidget(ui::titleLabel(tr("Cancellazione movimento"), this));
    auto* card = new QFrame(this);
    card->setObjectName(QStringLiteral("card"));
    card->setMaximumWidth(720);
    auto* form = new QFormLayout(card);
    form->setContentsMargins(20, 14, 20, 14);
    form->addRow(ui::titleLabel(tr("Dati cancellazione"), card, true));
    m_dateEdit = new QLineEdit(card);
    m_dateEdit->setObjectName(QStringLiteral("cancellationDateEdit"));
    m_dateEdit->setReadOnly(true);
    m_dateEdit->setFocusPolicy(Qt::NoFocus);
    m_dateEdit->setAccessibleName(tr("Data di cancellazione"));
    form->addRow(tr("Data di cancellazione"), m_dateEdit);
    m_purchaseAmountEdit = new QLineEdit(card);
    m_purchaseAmountEdit->setObjectName(QStringLiteral("purchaseAmountEdit"));
    m_purchaseAmountEdit->setReadOnly(true);
    m_purchaseAmountEdit->setFocusPolicy(Qt::NoFocus);
    m_purchaseAmountEdit->setAccessibleName(tr("Importo dell'acquisto"));
    form->addRow(tr("Importo dell'acquisto"), m_purchaseAmountEdit);
    m_amountEdit = new QLineEdit(card);
    m_amountEdit->setObjectName(QStringLiteral("revokeAmountEdit"));
    m_amountEdit->setAccessibleName(tr("Importo da revocare in euro"));
    form->addRow(tr("Importo da revocare €"), m_amountEdit);
    m_allowed = new QLabel(card);
    m_allowed->setObjectName(QStringLiteral("allowedLabel"));
    form->addRow(QString(), m_allowed);
    m_amountMessage = new QLabel(card);
    m_amountMessage->setObjectName(QStringLiteral("revokeAmountMessage"));
    m_amountMessage->setProperty("class", QStringLiteral("error"));
    form->addRow(QString(), m_amountMessage);
    layout->addWidget(card);

    auto* note = new QLabel(tr("N.B. Un acquisto si può cancellare solo nello stesso giorno (entro le 23:59)."), this);
    note->setProperty("class", QStringLiteral("banner"));
    layout->addWidget(note);
    m_status = new QLabel(this);
    m_status->setObjectName(QStringLiteral("cancellationStatus"));
    m_status->setWordWrap(true);
    m_status->setVisible(false);
    layout->addWidget(m_status);
    m_sendButton = new QPushButton(tr("&SALVA E INVIA OTP"), this);
    m_sendButton->setObjectName(QStringLiteral("cancelSendOtpButton"));
    m_sendButton->setProperty("class", QStringLiteral("primary"));
    m_sendButton->setAccessibleName(tr("Salva la cancellazione e invia OTP"));
    m_sendButton->setToolTip(tr("Salva e invia OTP (Invio o Alt+S)"));
    layout->addWidget(m_sendButton, 0, Qt::AlignLeft);
    layout->addStretch(1);
    setFocusProxy(m_amountEdit);

    connect(m_amountEdit, &QLineEdit::textChanged, this, [this] { validateAmount(); });
    connect(m_amountEdit, &QLineEdit::returnPressed, this, &CancellationPage::submit);
    connect(m_sendButton, &QPushButton::clicked, this, &CancellationPage::submit);
}

void CancellationPage::start(const ApiMovement& purchase, const QDate& today)
{
    clear();
    m_purchase = purchase;
    m_dateEdit->setText(today.toString(QStringLiteral("dd/MM/yyyy")));
    m_purchaseAmountEdit->setText(purchase.movement.amount.toString());
    m_allowed->setText(tr("Valore Importo consentito: %1").arg(purchase.actions.cancellable.toString()));
    m_amountEdit->setText(purchase.actions.cancellable.toEditString());
    m_amountEdit->selectAll();
}

void CancellationPage::focusAmount()
{
    m_amountEdit->setFocus();
    m_amountEdit->selectAll();
}

std::optional<Money> CancellationPage::validateAmount()
{
    QString problem;
    std::optional<Money> amount;
    const Result<Money> parsed = Money::parse(m_amountEdit->text());
    // The allowed amount comes from the server; the rule on it is the shared one.
    const Result<void> allowed = parsed.ok()
        ? VoucherRules::checkCancellationAmount(parsed.value(), m_purchase.actions.cancellable)
        : Result<void>();
    if (!parsed.ok())
        problem = parsed.error().message;
    else if (!allowed.ok())
        problem = allowed.error().message;
    else
        amount = parsed.value();
    m_amountMessage->setText(problem);
    m_amountMessage->setVisible(!problem.isEmpty());
    return amount;
}

void CancellationPage::submit()
{
    if (m_busy)
        return;
    const std::optional<Money> amount = validateAmount();
    if (!amount) {
        showError(m_amountMessage->text());
        return;
    }
    emit submitRequested(m_purchase.movement.id, *amount);
}

void CancellationPage::setBusy(bool busy)
{
    m_busy = busy;
    m_sendButton->setEnabled(!busy);
    if (busy)
        ui::showStatus(m_status, tr("Invio della cancellazione in corso..."), false);
}

void CancellationPage::showError(const QString& message)
{
    ui::showStatus(m_status, message, true);
}

void CancellationPage::clear()
{
    m_purchase = {};
    m_busy = false;
    m_sendButton->setEnabled(true);
    m_amountEdit->clear();
    m_amountMessage->setVisible(false);
    m_status->setVisible(false);
}

} // namespace sinfonia
